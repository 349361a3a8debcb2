"""The codes of DESIGN §3 and the words a spreadsheet may use for them (Danish and
English labels, case-insensitive), for import and for the template's drop-down lists."""

from __future__ import annotations

from app.models.enums import Audience, InitiativeKind, MaturityLevel, Phase

#: code → (Danish label, English label); the Danish label is what the template offers
PHASES: dict[str, tuple[str, str]] = {
    Phase.IDEA.value: ("Idé", "Idea"),
    Phase.PROPOSAL.value: ("Projektforslag", "Proposal"),
    Phase.APPROVED.value: ("Godkendt", "Approved"),
    Phase.PROCUREMENT.value: ("Udbud/anskaffelse", "Procurement"),
    Phase.IMPLEMENTATION.value: ("Implementering", "Implementation"),
    Phase.OPERATION.value: ("I drift/gevinstrealisering", "Operation"),
    Phase.CLOSED.value: ("Afsluttet", "Closed"),
    Phase.REJECTED.value: ("Afvist", "Rejected"),
    Phase.ON_HOLD.value: ("Sat i bero", "On hold"),
}
KINDS: dict[str, tuple[str, str]] = {
    InitiativeKind.DEVELOPMENT.value: ("Udvikling", "Development"),
    InitiativeKind.OPERATION.value: ("Drift", "Operation"),
}
AUDIENCES: dict[str, tuple[str, str]] = {
    Audience.INTERNAL.value: ("Intern", "Internal"),
    Audience.CITIZEN.value: ("Borgerrettet", "Citizen-facing"),
}
MATURITY_LEVELS: dict[str, tuple[str, str]] = {
    MaturityLevel.WEB_PRESENCE.value: ("Web-tilstedeværelse", "Web presence"),
    MaturityLevel.INTERACTION.value: ("Digital interaktion", "Interaction"),
    MaturityLevel.TRANSACTION.value: ("Digital transaktion", "Transaction"),
    MaturityLevel.TRANSFORMATION.value: ("Transformation", "Transformation"),
    MaturityLevel.E_DEMOCRACY.value: ("E-demokrati", "E-democracy"),
}
CHOICES: dict[str, dict[str, tuple[str, str]]] = {
    "phase": PHASES, "kind": KINDS, "audience": AUDIENCES, "maturity_level": MATURITY_LEVELS,
}
#: extra spellings seen in municipal spreadsheets
_ALIASES = {
    "phase": {"ide": "idea", "forslag": "proposal", "udbud": "procurement",
              "anskaffelse": "procurement", "i drift": "operation", "drift": "operation",
              "gevinstrealisering": "operation", "i bero": "on_hold"},
    "audience": {"borger": "citizen", "borgere": "citizen", "ekstern": "citizen"},
    "kind": {},
    "maturity_level": {},
}

TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "true", "sand", "1", "x"})
FALSE_WORDS = frozenset({"nej", "n", "no", "false", "falsk", "0"})


def choice_code(field: str, text: str) -> str | None:
    """The code for ``text`` in ``field`` (code, Danish or English label), or None."""
    key = text.strip().casefold()
    table = CHOICES[field]
    for code, (da, en) in table.items():
        if key in (code.casefold(), da.casefold(), en.casefold()):
            return code
    return _ALIASES[field].get(key)


def labels(field: str, lang: str = "da") -> list[str]:
    """The labels of a choice field in code order (for drop-down lists)."""
    return [da if lang == "da" else en for da, en in CHOICES[field].values()]
