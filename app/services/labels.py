"""Labels of the stored codes (DESIGN §3) in the output language.

English source strings through ``_()``; the Danish ones are the words Danish
municipalities write (idé, projektforslag, anlæg, drift, budgetrealiserbar …). The tables
are built per call so they follow the current language. An unknown code is shown as it is
stored, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.i18n import _, translations

Translate = Callable[[str], str]


def _lookup(table: Callable[[], dict[str, str]], code: str | None) -> str:
    if code is None or code == "":
        return ""
    return table().get(code, str(code))


def _identity(text: str) -> str:
    return text


def _phases(_: Translate = _) -> dict[str, str]:
    return {
        "idea": _("Idea"), "proposal": _("Project proposal"), "approved": _("Approved"),
        "procurement": _("Procurement"), "implementation": _("Implementation"),
        "operation": _("In operation"), "closed": _("Closed"), "rejected": _("Rejected"),
        "on_hold": _("On hold"),
    }


def _kinds(_: Translate = _) -> dict[str, str]:
    return {"development": _("Development"), "operation": _("Operation")}


def _audiences(_: Translate = _) -> dict[str, str]:
    return {"internal": _("Internal"), "citizen": _("Citizen-facing")}


def _line_types(_: Translate = _) -> dict[str, str]:
    return {"anlaeg": _("Capital"), "drift": _("Operating")}


def _flows(_: Translate = _) -> dict[str, str]:
    return {"cost": _("Cost"), "benefit": _("Benefit")}


def _categories(_: Translate = _) -> dict[str, str]:
    return {
        "anskaffelse": _("Purchase"), "implementering": _("Implementation"),
        "uddannelse": _("Training"), "interne_ressourcer": _("Internal resources"),
        "licens_drift": _("Licences and operation"), "konsulenter": _("Consultants"),
        "andet": _("Other"),
    }


def _benefit_kinds(_: Translate = _) -> dict[str, str]:
    return {
        "budgetrealiserbar": _("Cash-releasing"),
        "ikke_budgetrealiserbar": _("Non-cash-releasing"),
        "kvalitativ": _("Qualitative"),
    }


def _beneficiaries(_: Translate = _) -> dict[str, str]:
    return {
        "borgere": _("Citizens"), "medarbejdere": _("Employees"),
        "virksomheder": _("Businesses"), "kommunen": _("The municipality"),
    }


def _assessors(_: Translate = _) -> dict[str, str]:
    return {"proposer": _("Proposer"), "unit": _("Digitalisation unit"), "agreed": _("Agreed")}


def _weight_status(_: Translate = _) -> dict[str, str]:
    return {"draft": _("Draft"), "adopted": _("Adopted"), "what_if": _("What-if")}


def _criterion_kinds(_: Translate = _) -> dict[str, str]:
    return {"ordinal": _("Ordinal (levels 0–4)"), "numeric": _("Numeric (between anchors)"),
            "group": _("Group")}


def _objectives(_: Translate = _) -> dict[str, str]:
    return {"score": _("Total score"), "npv": _("Net present value")}


def _frame_types(_: Translate = _) -> dict[str, str]:
    return {"total": _("Total"), "anlaeg": _("Capital"), "drift": _("Operating")}


def _outcomes(_: Translate = _) -> dict[str, str]:
    return {"approved": _("Approved"), "approved_with_conditions": _("Approved with conditions"),
            "rejected": _("Rejected"), "postponed": _("Postponed"), "referred": _("Referred")}


def _forums(_: Translate = _) -> dict[str, str]:
    return {"steering_group": _("Steering group"), "directorate": _("Directorate"),
            "finance_committee": _("Finance Committee"), "city_council": _("City Council")}


def _maturity_levels(_: Translate = _) -> dict[str, str]:
    return {"web_presence": _("Web presence"), "interaction": _("Digital interaction"),
            "transaction": _("Digital transaction"), "transformation": _("Transformation"),
            "e_democracy": _("E-democracy")}


def _source_types(_: Translate = _) -> dict[str, str]:
    return {"law": _("Law / executive order"), "joint_public": _("Joint-public strategy"),
            "joint_municipal": _("Joint-municipal / KOMBIT"), "eu": _("EU"),
            "economy_agreement": _("Economy agreement")}


def _unit_kinds(_: Translate = _) -> dict[str, str]:
    return {"forvaltning": _("Department (forvaltning)"), "afdeling": _("Section"),
            "institution": _("Institution"), "stab": _("Staff unit"),
            "borgerservice": _("Citizen service")}


def _force_modes(_: Translate = _) -> dict[str, str]:
    return {"in": _("Forced in"), "out": _("Forced out")}


def _actions(_: Translate = _) -> dict[str, str]:
    return {"create": _("Created"), "update": _("Changed"), "delete": _("Deleted"),
            "event": _("Event")}


def phase(code: str | None) -> str:
    """Phase label: ``"proposal"`` → "Projektforslag" (da)."""
    return _lookup(_phases, code)


def kind(code: str | None) -> str:
    """Kind label: development → "Udvikling", operation → "Drift" (da)."""
    return _lookup(_kinds, code)


def audience(code: str | None) -> str:
    """Audience label: internal → "Intern", citizen → "Borgerrettet" (da)."""
    return _lookup(_audiences, code)


def line_type(code: str | None) -> str:
    """``"anlaeg"`` → "Anlæg", ``"drift"`` → "Drift" (da)."""
    return _lookup(_line_types, code)


def flow(code: str | None) -> str:
    """cost → "Udgift", benefit → "Gevinst" (da)."""
    return _lookup(_flows, code)


def category(code: str | None) -> str:
    """Cost category label (anskaffelse, implementering, uddannelse, …)."""
    return _lookup(_categories, code)


def benefit_kind(code: str | None) -> str:
    """budgetrealiserbar / ikke-budgetrealiserbar / kvalitativ."""
    return _lookup(_benefit_kinds, code)


def beneficiary(code: str | None) -> str:
    """Who gains: borgere, medarbejdere, virksomheder, kommunen."""
    return _lookup(_beneficiaries, code)


def assessor(code: str | None) -> str:
    """Who scored: forslagsstiller, digitaliseringsenheden, aftalt."""
    return _lookup(_assessors, code)


def weight_status(code: str | None) -> str:
    """Weight set status: kladde, vedtaget, hvad-nu-hvis."""
    return _lookup(_weight_status, code)


def criterion_kind(code: str | None) -> str:
    """Criterion scale kind."""
    return _lookup(_criterion_kinds, code)


def objective(code: str | None) -> str:
    """Selection objective: total score or NNV."""
    return _lookup(_objectives, code)


def frame_type(code: str | None) -> str:
    """Budget frame type: total, anlæg, drift."""
    return _lookup(_frame_types, code)


def frame(year: int | None, frame_type: str, unit_code: str | None = None) -> str:
    """A budget frame (or capacity row) as a reader names it: "2027 anlæg", "2027",
    "BUF 2027 drift", "Anlæg" (all years), "Hele budgettet" (one total frame), "Kapacitet
    2027 (årsværk)" (da); English "2027 capital" …. The CLI JSON keeps the engine's own
    names ("budget 2027 anlæg", DESIGN §6); this is for the papers."""
    if frame_type == "capacity":
        return (_("Capacity {year} (full-time equivalents)").format(year=year)
                if year is not None else _("Capacity (full-time equivalents)"))
    parts = [x for x in (unit_code or "", str(year) if year is not None else "") if x]
    if frame_type and frame_type != "total":
        text = _lookup(_frame_types, frame_type)
        parts.append(text.lower() if parts else text)
    return " ".join(parts) or _("The whole budget")


def audit_action(code: str | None) -> str:
    """Audit action: oprettet, ændret, slettet, hændelse."""
    return _lookup(_actions, code)


def yes_no(value: bool) -> str:
    """"Ja"/"Nej" (da)."""
    return _("Yes") if value else _("No")


#: column kind → label table, for the spreadsheet export and its reader
TABLES: dict[str, Callable[..., dict[str, str]]] = {
    "phase": _phases, "kind": _kinds, "audience": _audiences, "line_type": _line_types,
    "flow": _flows, "category": _categories, "benefit_kind": _benefit_kinds,
    "beneficiary": _beneficiaries, "assessor": _assessors, "weight_status": _weight_status,
    "criterion_kind": _criterion_kinds, "objective": _objectives, "frame_type": _frame_types,
    "outcome": _outcomes, "forum": _forums, "maturity_level": _maturity_levels,
    "source_type": _source_types, "unit_kind": _unit_kinds, "force_mode": _force_modes,
}
#: tables whose stored codes are not closed in the files Prioritise reads back (older
#: exports wrote them as plain codes): an unknown value is kept as it is, never refused
OPEN_TABLES = frozenset({"outcome", "forum", "maturity_level", "source_type", "unit_kind",
                         "force_mode"})


def label(table: str, code: str | None) -> str:
    """The label of ``code`` in the column kind ``table`` (a key of ``TABLES``)."""
    return _lookup(TABLES[table], code)


def reverse(table: str) -> dict[str, str]:
    """Label (Danish or English, case-folded) or code → code, for reading an export back
    whatever language it was written in."""
    out: dict[str, str] = {}
    for translate in (_identity, translations("da").gettext):
        for code, text in TABLES[table](translate).items():
            out[text.casefold()] = code
    for code in TABLES[table](_identity):
        out[code.casefold()] = code
    return out
