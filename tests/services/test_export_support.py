"""A small, fully known portfolio for the export tests (no tests in this module).

Titles exercise the traps of DESIGN §9: markup characters, Central European letters,
subscript digits, an en dash, a non-breaking hyphen, a formula-looking title, and a
confidential initiative that public outputs must leave out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.models import (
    Assessment,
    BudgetFrame,
    BusinessCaseLine,
    Criterion,
    Dependency,
    Initiative,
    OrgUnit,
    Scenario,
    WeightSet,
)
from app.services.store import create_portfolio

TRICKY_TITLE = "R&D <Pilot> — Ærø, Łódź, CO₂"
NB_HYPHEN_TITLE = "Selvbetjening for e\u2011Boks‑brugere – fase 2"
FORMULA_TITLE = "=HYPERLINK(\"http://x\";\"klik\")"
CONFIDENTIAL_TITLE = "Fortroligt udbud: Ny ESDH-leverandør"
BUDGET_YEAR = 2027

#: id, title, lead unit code, phase, mandatory, confidential, {year: (anlæg, drift)}, benefit/yr
INITIATIVES = [
    ("EK-001", TRICKY_TITLE, "BUF", "proposal", False, False,
     {2027: (800_000, 100_000), 2028: (0, 150_000)}, 400_000),
    ("EK-002", NB_HYPHEN_TITLE, "BSK", "proposal", False, False,
     {2027: (300_000, 50_000), 2028: (0, 50_000), 2029: (0, 50_000)}, 250_000),
    ("EK-003", "Digital post til alle borgere (lovkrav)", "BSK", "idea", True, False,
     {2027: (500_000, 0), 2028: (0, 120_000)}, 0),
    ("EK-004", FORMULA_TITLE, "TMF", "proposal", False, False,
     {2028: (1_200_000, 0), 2029: (0, 300_000)}, 900_000),
    ("EK-005", CONFIDENTIAL_TITLE, "TMF", "proposal", False, True,
     {2027: (2_000_000, 0)}, 100_000),
    ("EK-006", "Robotter i lønbogholderiet", "BUF", "approved", False, False,
     {2027: (250_000, 60_000)}, 600_000),
    ("EK-007", "Sensorer i plejeboliger – velfærdsteknologi med en meget lang titel der "
     "skal ombrydes pænt i tabellerne uden at løbe ud over kanten af siden", "SOA",
     "proposal", False, False, {2027: (900_000, 200_000), 2028: (0, 200_000)}, 700_000),
    ("EK-008", "Ny hjemmeside (afvist)", "BSK", "rejected", False, False,
     {2027: (400_000, 0)}, 0),
]
LEVELS = {  # agreed ordinal levels per initiative (risk: lower is better)
    "EK-001": (3, 1, 2, 3, 1, 3), "EK-002": (2, 0, 4, 1, 1, 4), "EK-003": (2, 4, 3, 1, 2, 2),
    "EK-004": (1, 0, 1, 2, 3, 1), "EK-005": (3, 0, 1, 3, 2, 2), "EK-006": (2, 0, 0, 4, 0, 4),
    "EK-007": (4, 1, 3, 3, 2, 2), "EK-008": (0, 0, 1, 0, 4, 0),
}
ORDINAL_KEYS = ("strategic_fit", "external_requirements", "citizen_value", "employee_value",
                "risk", "readiness")


def text_of_pdf(path: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext when installed, else pypdf), with runs of
    whitespace collapsed to one space."""
    import re
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                             capture_output=True).stdout.decode("utf-8")
        pages = out.split("\f")
        if pages and not pages[-1].strip():
            pages = pages[:-1]
    else:  # pragma: no cover - CI installs poppler-utils
        from pypdf import PdfReader

        pages = [p.extract_text() or "" for p in PdfReader(str(path)).pages]
    return [re.sub(r"\s+", " ", p) for p in pages]


def build_portfolio(path: Path, *, with_budget: bool = True, municipality: str = "Ærø Kommune"):
    """Create the export test portfolio at ``path``; returns ``path``.

    ``with_budget``: give the default scenario yearly frames (2027: 3 mio., 2028: 2 mio.);
    otherwise the portfolio has no budget and no recommendation can be computed.
    """
    pf = create_portfolio(path, municipality=municipality, budget_year=BUDGET_YEAR)
    with pf.session(context="test fixture") as s:
        units = {}
        for order, (code, name) in enumerate([
            ("BUF", "Børne- og Ungeforvaltningen"), ("BSK", "Borgerservice & Kultur"),
            ("TMF", "Teknik- og Miljøforvaltningen"), ("SOA", "Sundhed og Ældre")]):
            units[code] = OrgUnit(code=code, name=name, sort_order=order)
            s.add(units[code])
        s.flush()
        crits = {c.key: c for c in s.scalars(select(Criterion))}
        for (iid, title, lead, phase, mandatory, confidential, years, benefit) in INITIATIVES:
            ini = Initiative(id=iid, title=title, lead_unit_id=units[lead].id, phase=phase,
                             mandatory=mandatory, confidential=confidential,
                             description=f"Beskrivelse af {title} & <mere>.",
                             start_date=date(2027, 2, 1), end_date=date(2028, 6, 30),
                             financing="Digitaliseringspuljen")
            if iid == "EK-007":
                ini.units = [units["BUF"], units["BSK"]]
            if iid == "EK-006":
                ini.project_owner = "+45 12 34 56 78"
            if iid == "EK-008":
                ini.description = "@alle: -afvist i styregruppen"
            s.add(ini)
            for year, (capital, operating) in years.items():
                if capital:
                    s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=year,
                                           line_type="anlaeg", category="anskaffelse",
                                           financing="Digitaliseringspuljen", amount=capital))
                if operating:
                    s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=year,
                                           line_type="drift", category="licens_drift",
                                           derived_operating=True,
                                           financing="Forvaltningens ramme", amount=operating))
            if benefit:
                s.add(BusinessCaseLine(initiative_id=iid, flow="benefit", budget_year=2028,
                                       line_type="drift", category="andet", amount=benefit,
                                       benefit_kind="budgetrealiserbar", beneficiary="kommunen"))
            s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=2027,
                                   line_type="drift", category="interne_ressourcer",
                                   amount=0, cash=False, fte=0.5))
            for key, level in zip(ORDINAL_KEYS, LEVELS[iid]):
                s.add(Assessment(initiative_id=iid, criterion_id=crits[key].id,
                                 assessor="agreed", value=level, comment="aftalt på møde"))
            s.add(Assessment(initiative_id=iid, criterion_id=crits["economic_benefit"].id,
                             assessor="agreed", value=float(benefit)))
            s.add(Assessment(initiative_id=iid, criterion_id=crits["citizen_value"].id,
                             assessor="proposer", value=4))
        s.flush()
        s.add(Dependency(initiative_id="EK-002", requires_id="EK-003", note="kræver digital post"))
        s.add(Dependency(initiative_id="EK-007", requires_id="EK-001"))
        ws = s.scalars(select(WeightSet)).one()
        ws.status = "adopted"
        ws.adopted_on = date(2026, 10, 1)
        ws.adopted_by = "Økonomiudvalget"
        if with_budget:
            sc = s.scalars(select(Scenario).where(Scenario.is_default.is_(True))).one()
            sc.frames = [BudgetFrame(budget_year=2027, amount=3_000_000.0),
                         BudgetFrame(budget_year=2028, amount=2_000_000.0)]
    pf.close()
    return path
