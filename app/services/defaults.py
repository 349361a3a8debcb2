"""What a new portfolio starts with: settings, the default criteria of DESIGN §7 with
their scoring guides, draft weights for the budget year, and the default scenario."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.models import (
    Criterion,
    CriterionLevel,
    PortfolioSettings,
    Scenario,
    Weight,
    WeightSet,
)
from app.models.enums import CriterionKind, Objective, WeightStatus

LEVEL_LABELS = ("ingen", "lille", "middel", "stor", "meget stor")


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    name: str
    description: str
    weight: float  # percent
    kind: CriterionKind = CriterionKind.ORDINAL
    guides: tuple[str, str, str, str, str] | None = None
    lower_is_better: bool = False
    anchor_low: float | None = None
    anchor_high: float | None = None
    unit_label: str = ""


#: The money unit the default criteria write (Danish kroner): ``unit_label="kr./år"``
#: and "(kr. pr. år)" in the description. Stored as written in every portfolio; shown
#: through ``shown_unit``/``shown_description`` in the portfolio's currency.
MONEY_UNIT = "kr."
_MONEY_WORD = re.compile(r"(?<![\w.])kr\.")


def is_money_unit(unit_label: str | None) -> bool:
    """Whether a criterion's unit label is an amount of money as the defaults write it:
    ``"kr."`` alone or followed by a per-period part (``"kr./år"``, ``"kr. pr. år"``)."""
    label = (unit_label or "").strip()
    return label == MONEY_UNIT or label.startswith((MONEY_UNIT + "/", MONEY_UNIT + " "))


def shown_unit(unit_label: str | None, currency: str) -> str:
    """A criterion's unit label as shown in a portfolio of ``currency`` (ISO 4217): a money
    label (``is_money_unit``) names the portfolio's currency as Danish text writes it
    (``formatting.currency_unit(currency, "da")``: ``"kr./år"`` stays for DKK, becomes
    ``"GBP/år"`` for GBP); any other label (``"timer"``, ``"%"``, ``""``) is unchanged.
    Display only: the stored label is not rewritten."""
    from app.services.formatting import currency_unit

    label = unit_label or ""
    if not is_money_unit(label):
        return label
    return currency_unit(currency, "da") + label.strip()[len(MONEY_UNIT):]


def shown_description(description: str | None, unit_label: str | None, currency: str) -> str:
    """A criterion's description as shown in a portfolio of ``currency``: for a money
    criterion (``is_money_unit(unit_label)``) each "kr." names the portfolio's currency
    (``"(kr. pr. år)"`` → ``"(GBP pr. år)"``); otherwise the text is unchanged."""
    from app.services.formatting import currency_unit

    text = description or ""
    if not is_money_unit(unit_label):
        return text
    unit = currency_unit(currency, "da")
    return _MONEY_WORD.sub(lambda _m: unit, text)


#: The default criteria model of DESIGN §7 (editable in each portfolio). Guides state
#: levels in absolute terms so that a score never depends on the rest of the portfolio.
DEFAULT_CRITERIA: tuple[CriterionSpec, ...] = (
    CriterionSpec(
        "strategic_fit", "Strategisk sigte",
        "Bidrag til målene i den lokale digitaliseringsstrategi.", 25,
        guides=(
            "Understøtter ingen af strategiens mål.",
            "Understøtter indirekte ét mål.",
            "Understøtter direkte ét mål.",
            "Understøtter direkte to eller flere mål.",
            "Er en forudsætning for at nå et eller flere af strategiens mål.",
        ),
    ),
    CriterionSpec(
        "external_requirements", "Eksterne krav",
        "Forpligtelse efter lov, fællesoffentlig/fælleskommunal aftale eller EU, og frist.", 15,
        guides=(
            "Intet eksternt krav.",
            "Anbefaling uden frist.",
            "Fællesoffentlig eller fælleskommunal aftale uden bindende frist.",
            "Bindende krav med frist senere end 2 år.",
            "Bindende krav (lov, KOMBIT, EU) med frist inden for 2 år.",
        ),
    ),
    CriterionSpec(
        "citizen_value", "Borgerværdi",
        "Værdi for borgere og virksomheder: tid, kvalitet, tilgængelighed.", 15,
        guides=(
            "Ingen borgere eller virksomheder mærker en forskel.",
            "Under 500 borgere/virksomheder får en mindre forbedring.",
            "500–5.000 borgere/virksomheder får en tydelig forbedring.",
            "Over 5.000 borgere/virksomheder får en tydelig forbedring.",
            "Over 20.000 borgere/virksomheder, eller en afgørende forbedring for en udsat gruppe.",
        ),
    ),
    CriterionSpec(
        "employee_value", "Medarbejderværdi",
        "Værdi for medarbejdere: frigjort tid, arbejdsmiljø, kvalitet i opgaveløsningen.", 10,
        guides=(
            "Ingen mærkbar forskel for medarbejderne.",
            "Frigør under 0,5 årsværk eller forbedrer én arbejdsgang.",
            "Frigør 0,5–2 årsværk eller forbedrer arbejdsgange i én afdeling.",
            "Frigør mere end 2 årsværk eller forbedrer arbejdsgange i flere afdelinger.",
            "Frigør mere end 5 årsværk eller forbedrer arbejdsgange på tværs af forvaltninger.",
        ),
    ),
    CriterionSpec(
        "economic_benefit", "Økonomisk gevinst",
        "Årlig bruttogevinst i fuld drift (kr. pr. år), målt mellem to ankre og loftet. "
        "Ikke NNV: omkostningerne indgår via budgettet og værdi for pengene.", 15,
        kind=CriterionKind.NUMERIC, anchor_low=0.0, anchor_high=5_000_000.0, unit_label="kr./år",
    ),
    CriterionSpec(
        "risk", "Risiko og gennemførlighed",
        "Samlet risiko for at tiltaget ikke leverer (teknik, leverandør, organisation). "
        "Lavere er bedre.", 10,
        lower_is_better=True,
        guides=(
            "Kendt løsning, afprøvet hos andre kommuner, ingen afhængigheder.",
            "Kendt løsning med mindre tilpasninger.",
            "Ny løsning eller afhængighed af én anden part.",
            "Ny teknologi, flere afhængigheder eller usikker leverandør.",
            "Uafprøvet løsning med kritiske afhængigheder; høj sandsynlighed for forsinkelse.",
        ),
    ),
    CriterionSpec(
        "readiness", "Parathed",
        "Organisationens parathed: ejerskab, ressourcer, kompetencer, klar business case.", 10,
        guides=(
            "Ingen projektejer og ingen afsatte ressourcer.",
            "Projektejer udpeget; ressourcer ikke afklaret.",
            "Projektejer og projektleder udpeget; ressourcer delvist afsat.",
            "Ressourcer afsat og business case udarbejdet.",
            "Klar til opstart: ressourcer, kompetencer, gevinstejer og plan på plads.",
        ),
    ),
)


def seed_new_portfolio(
    session: Session,
    *,
    municipality: str = "",
    name: str = "Digitaliseringsportefølje",
    currency: str = "DKK",
    budget_year: int | None = None,
) -> None:
    """Write settings, default criteria, draft weights and the default scenario.

    ``budget_year`` defaults to next calendar year (the year being budgeted for); the
    price base year defaults to the current year.
    """
    today = date.today()
    year = budget_year if budget_year is not None else today.year + 1
    session.add(
        PortfolioSettings(
            id=1, name=name, municipality=municipality, currency=currency,
            price_base_year=today.year, budget_year=year,
        )
    )
    weight_set = WeightSet(name=f"Vægte {year}", budget_year=year, status=WeightStatus.DRAFT.value)
    session.add(weight_set)
    for order, spec in enumerate(DEFAULT_CRITERIA):
        crit = Criterion(
            key=spec.key, name=spec.name, description=spec.description, kind=spec.kind.value,
            lower_is_better=spec.lower_is_better, anchor_low=spec.anchor_low,
            anchor_high=spec.anchor_high, unit_label=spec.unit_label, sort_order=order,
        )
        if spec.guides:
            crit.levels = [
                CriterionLevel(level=i, label=LEVEL_LABELS[i], guide=g)
                for i, g in enumerate(spec.guides)
            ]
        session.add(crit)
        session.flush()
        weight_set.weights.append(Weight(criterion_id=crit.id, percent=spec.weight))
    session.add(
        Scenario(name="Standard", objective=Objective.SCORE.value, is_default=True,
                 description="Standardscenariet: vedtagne vægte, ingen budgetramme.")
    )
