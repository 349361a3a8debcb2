"""Test support for the analysis views (weights, ranking, selection, budget): a small
Danish portfolio with assessments, business cases in budget form, a mandatory initiative,
a dependency and a budget scenario; and a ``ViewContext`` with a recording dialog service."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
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
)
from app.services.store import Portfolio, create_portfolio, open_portfolio
from app.ui.context import ChangeBroadcast, ViewContext
from app.ui.settings import Settings

BUDGET_YEAR = 2027

#: id, title, unit code, phase, mandatory, agreed levels per criterion key (None = missing),
#: capital kr. in the budget year, operating kr. per year from the next year, cash saving kr./yr
INITIATIVES = [
    ("EK-001", "Selvbetjening på byggesager", "TEK", "proposal", False,
     {"strategic_fit": 4, "external_requirements": 1, "citizen_value": 4, "employee_value": 3,
      "economic_benefit": 1_500_000, "risk": 1, "readiness": 3}, 1_200_000, 150_000, 400_000),
    ("EK-002", "Robotter i løn og økonomi", "ØKF", "idea", False,
     {"strategic_fit": 2, "external_requirements": 0, "citizen_value": 0, "employee_value": 4,
      "economic_benefit": 2_500_000, "risk": 2, "readiness": 2}, 800_000, 200_000, 900_000),
    ("EK-003", "Digital Post-integration (lovkrav)", "BSC", "proposal", True,
     {"strategic_fit": 2, "external_requirements": 4, "citizen_value": 3, "employee_value": 1,
      "economic_benefit": 0, "risk": 1, "readiness": 4}, 600_000, 100_000, 0),
    ("EK-004", "Sensorer i plejeboliger", "SUF", "idea", False,
     {"strategic_fit": 3, "external_requirements": 0, "citizen_value": 3, "employee_value": 3,
      "economic_benefit": 800_000, "risk": 3, "readiness": None}, 2_000_000, 300_000, 500_000),
    ("EK-005", "Fælles datavarehus", "ØKF", "proposal", False,
     {"strategic_fit": 4, "external_requirements": 0, "citizen_value": 1, "employee_value": 2,
      "economic_benefit": 300_000, "risk": 2, "readiness": 2}, 1_500_000, 250_000, 0),
    ("EK-006", "Ny journalløsning på skoleområdet", "BUF", "approved", False,
     {"strategic_fit": 2, "external_requirements": 2, "citizen_value": 2, "employee_value": 2,
      "economic_benefit": 200_000, "risk": 2, "readiness": 3}, 700_000, 120_000, 0),
]

UNITS = [("TEK", "Teknik og Miljø"), ("ØKF", "Økonomi og Personale"), ("BSC", "Borgerservice"),
         ("SUF", "Sundhed og Ældre"), ("BUF", "Børn og Unge")]


_TEMPLATES: dict[float | None, Path] = {}


def build_portfolio(path: Path, *, frame: float | None = 4_000_000.0) -> Portfolio:
    """The test portfolio at ``path``, open for editing. ``frame``: a total budget frame in
    kr. on the default scenario, or None for none. Built once per test session and copied
    (building runs the migrations, which takes a second)."""
    template = _TEMPLATES.get(frame)
    if template is None or not template.exists():
        folder = Path(tempfile.mkdtemp(prefix="prioritise-analysis-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "Skabelon æøå.portfolio"
        _build(template, frame=frame).close()
        _TEMPLATES[frame] = template
    shutil.copyfile(template, path)
    return open_portfolio(path)


def _build(path: Path, *, frame: float | None) -> Portfolio:
    pf = create_portfolio(path, municipality="Æblerød Kommune", budget_year=BUDGET_YEAR)
    with pf.session(context="test data") as s:
        units = {}
        for order, (code, name) in enumerate(UNITS):
            u = OrgUnit(code=code, name=name, kind="forvaltning", sort_order=order)
            s.add(u)
            units[code] = u
        s.flush()
        crits = {c.key: c for c in s.scalars(select(Criterion))}
        for iid, title, unit, phase, mandatory, levels, capital, operating, saving in INITIATIVES:
            s.add(Initiative(id=iid, title=title, lead_unit_id=units[unit].id, phase=phase,
                             mandatory=mandatory, financing="Digitaliseringspuljen"))
            s.flush()
            for key, value in levels.items():
                if value is not None:
                    s.add(Assessment(initiative_id=iid, criterion_id=crits[key].id,
                                     assessor="agreed", value=float(value)))
            s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=BUDGET_YEAR,
                                   line_type="anlaeg", category="anskaffelse", amount=capital,
                                   financing="Digitaliseringspuljen"))
            for year in range(BUDGET_YEAR + 1, BUDGET_YEAR + 4):
                s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=year,
                                       line_type="drift", derived_operating=True,
                                       category="licens_drift", amount=operating,
                                       financing="Forvaltningens ramme"))
                if saving:
                    s.add(BusinessCaseLine(initiative_id=iid, flow="benefit", budget_year=year,
                                           line_type="drift", amount=saving,
                                           benefit_kind="budgetrealiserbar",
                                           financing="Forvaltningens ramme"))
        s.add(Dependency(initiative_id="EK-005", requires_id="EK-002"))
        if frame is not None:
            sc = s.scalars(select(Scenario).where(Scenario.is_default.is_(True))).one()
            sc.frames.append(BudgetFrame(budget_year=None, frame_type="total", amount=frame))
    return pf


class RecordingDialogs:
    """A dialog service for tests: records what would be shown; answers as told."""

    def __init__(self, answer: bool = True, text: str | None = "Prøve") -> None:
        self.answer = answer
        self.text = text
        self.shown: list[tuple[str, str]] = []

    def inform(self, title: str, text: str) -> None:
        self.shown.append((title, text))

    def warn(self, title: str, text: str, details: str = "") -> None:
        self.shown.append((title, text))

    def ask(self, title: str, text: str, *, yes: str = "", no: str = "") -> bool:
        self.shown.append((title, text))
        return self.answer

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.shown.append((title, label))
        return self.text

    def choose(self, title: str, label: str, options: object) -> int | None:
        return 0

    def open_file(self, title: str, file_filter: str, directory: str = "") -> str | None:
        return None

    def save_file(self, title: str, file_filter: str, suggested: str = "") -> str | None:
        return None

    def conflict(self, title: str, text: str, mine: object, theirs: object) -> None:
        self.shown.append((title, text))


def make_context(portfolio: Portfolio, tmp_path: Path, dialogs: RecordingDialogs | None = None,
                 opened: list[str] | None = None) -> ViewContext:
    """A ``ViewContext`` over ``portfolio`` with settings in ``tmp_path`` (never the user's)."""
    qs = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    sink = opened if opened is not None else []
    return ViewContext(
        portfolio=portfolio, undo_stack=QUndoStack(), changes=ChangeBroadcast(),
        dialogs=dialogs or RecordingDialogs(), settings=Settings(qs),
        open_initiative=sink.append,
    )
