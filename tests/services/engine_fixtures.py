"""Small portfolios for the engine's tests (scoring, selection, economics, CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import (
    Assessment,
    BusinessCaseLine,
    Criterion,
    Dependency,
    Initiative,
    OrgUnit,
    Weight,
    WeightSet,
)
from app.services.store import Portfolio, create_portfolio

YEAR = 2027


@dataclass
class Ini:
    """An initiative to put in a test portfolio. ``costs``: (year, type, kr.); ``scores``:
    {criterion key: raw value}; ``benefits``: (year, kr.); ``fte``: (year, årsværk)."""

    id: str
    title: str = ""
    phase: str = "proposal"
    mandatory: bool = False
    outside_frame: bool = False
    scores: dict[str, float] = field(default_factory=dict)
    costs: list[tuple[int | None, str, float]] = field(default_factory=list)
    benefits: list[tuple[int | None, float]] = field(default_factory=list)
    fte: list[tuple[int | None, float]] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    unit: str | None = None
    proposer: dict[str, float] = field(default_factory=dict)


def add_initiatives(pf: Portfolio, items: list[Ini], units: dict[str, str] | None = None) -> None:
    """Write units (code → name), initiatives, agreed scores, lines and dependencies."""
    with pf.session(context="test") as s:
        unit_ids: dict[str, int] = {}
        for code, name in (units or {}).items():
            u = OrgUnit(code=code, name=name)
            s.add(u)
            s.flush()
            unit_ids[code] = u.id
        crits = {c.key: c.id for c in s.scalars(select(Criterion))}
        for it in items:
            ini = Initiative(id=it.id, title=it.title or f"Tiltag {it.id}", phase=it.phase,
                             mandatory=it.mandatory, outside_frame=it.outside_frame,
                             lead_unit_id=unit_ids.get(it.unit) if it.unit else None)
            s.add(ini)
            for key, value in it.scores.items():
                ini.assessments.append(Assessment(criterion_id=crits[key], assessor="agreed",
                                                  value=value))
            for key, value in it.proposer.items():
                ini.assessments.append(Assessment(criterion_id=crits[key], assessor="proposer",
                                                  value=value))
            for year, line_type, amount in it.costs:
                ini.lines.append(BusinessCaseLine(flow="cost", budget_year=year,
                                                  line_type=line_type, amount=amount))
            for year, amount in it.benefits:
                ini.lines.append(BusinessCaseLine(flow="benefit", budget_year=year,
                                                  line_type="drift", amount=amount,
                                                  benefit_kind="budgetrealiserbar"))
            for year, fte in it.fte:
                ini.lines.append(BusinessCaseLine(flow="cost", budget_year=year,
                                                  line_type="drift", amount=fte * 600_000,
                                                  category="interne_ressourcer", cash=False,
                                                  fte=fte))
        s.flush()
        for it in items:
            for b in it.requires:
                s.add(Dependency(initiative_id=it.id, requires_id=b))


def set_weights(pf: Portfolio, percents: dict[str, float]) -> None:
    """Set the draft weight set's percentages (others unchanged)."""
    with pf.session(context="test") as s:
        ws = s.scalars(select(WeightSet)).first()
        crits = {c.key: c.id for c in s.scalars(select(Criterion))}
        by_crit = {w.criterion_id: w for w in ws.weights}
        for key, pct in percents.items():
            if crits[key] in by_crit:
                by_crit[crits[key]].percent = pct
            else:
                ws.weights.append(Weight(criterion_id=crits[key], percent=pct))


FULL = {"strategic_fit": 4, "external_requirements": 4, "citizen_value": 4,
        "employee_value": 4, "economic_benefit": 5_000_000, "risk": 0, "readiness": 4}


def small_portfolio(path: Path) -> Portfolio:
    """A portfolio of 8 initiatives: one committed, one mandatory (outside the frame),
    one mandatory inside, a dependency chain, one rejected, one without costs."""
    pf = create_portfolio(path, municipality="Testkommune", budget_year=YEAR)
    items = [
        Ini("A", scores={"strategic_fit": 4, "citizen_value": 3, "risk": 1, "readiness": 3,
                         "economic_benefit": 2_000_000},
            costs=[(YEAR, "anlaeg", 1_000_000), (YEAR + 1, "drift", 200_000)], unit="BUF"),
        Ini("B", scores={"strategic_fit": 2, "citizen_value": 2, "risk": 2},
            costs=[(YEAR, "anlaeg", 500_000)], unit="BUF"),
        Ini("C", scores={"strategic_fit": 3, "employee_value": 4, "risk": 0, "readiness": 4},
            costs=[(YEAR, "anlaeg", 800_000), (YEAR + 1, "anlaeg", 400_000)],
            requires=["B"], unit="SUF"),
        Ini("D", phase="implementation", scores={"strategic_fit": 1},
            costs=[(YEAR, "drift", 300_000)], unit="SUF"),
        Ini("E", mandatory=True, outside_frame=True, scores={"external_requirements": 4},
            costs=[(YEAR, "anlaeg", 2_000_000)], unit="SUF"),
        Ini("F", mandatory=True, scores={"external_requirements": 3, "risk": 2},
            costs=[(YEAR, "drift", 400_000)], unit="BUF"),
        Ini("G", phase="rejected", scores=dict(FULL), costs=[(YEAR, "anlaeg", 100_000)]),
        Ini("H", scores={"citizen_value": 4}),
    ]
    add_initiatives(pf, items, units={"BUF": "Børne- og Ungeforvaltningen",
                                      "SUF": "Sundheds- og Omsorgsforvaltningen"})
    return pf


def scenario_with_frames(pf: Portfolio, name: str, frames: list[Any], **kw: Any) -> None:
    from app.services.scenarios import create_scenario

    with pf.session(context="test") as s:
        create_scenario(s, name, frames=frames, **kw)


def read_mknap(path: Path) -> list[tuple[int, int, float, list[float], list[list[float]], list[float]]]:
    """The instances of OR-Library ``mknap1``: (n, m, optimum, profits, rows, caps)."""
    toks = path.read_text().split()
    pos = 0

    def nxt() -> float:
        nonlocal pos
        pos += 1
        return float(toks[pos - 1])

    out = []
    for _ in range(int(nxt())):
        n, m, opt = int(nxt()), int(nxt()), nxt()
        profits = [nxt() for _ in range(n)]
        rows = [[nxt() for _ in range(n)] for _ in range(m)]
        caps = [nxt() for _ in range(m)]
        out.append((n, m, opt, profits, rows, caps))
    return out


def mknap_portfolio(path: Path, profits: list[float], rows: list[list[float]]) -> float:
    """A portfolio holding one mknap instance: item j is initiative ``K{j}`` with a cash
    anlæg cost line of rows[r][j] kr. in budget year YEAR + r, and an agreed value
    profit_j on a numeric criterion "profit" (anchors 0..max profit) that carries 100 %
    of the weight; so total score × max profit = Σ profit. Returns the scale (max profit)."""
    from app.models import Criterion as Crit

    scale = max(profits)
    pf = create_portfolio(path, municipality="OR-Library", budget_year=YEAR)
    with pf.session(context="mknap") as s:
        crit = Crit(key="profit", name="Profit", kind="numeric", anchor_low=0.0,
                    anchor_high=scale, sort_order=99)
        s.add(crit)
        s.flush()
        ws = s.scalars(select(WeightSet)).first()
        for w in ws.weights:
            w.percent = 0.0
        ws.weights.append(Weight(criterion_id=crit.id, percent=100.0))
        for j, p in enumerate(profits):
            ini = Initiative(id=f"K{j:02d}", title=f"Item {j}", phase="proposal")
            ini.assessments.append(Assessment(criterion_id=crit.id, assessor="agreed", value=p))
            for r, row in enumerate(rows):
                ini.lines.append(BusinessCaseLine(flow="cost", budget_year=YEAR + r,
                                                  line_type="anlaeg", amount=row[j]))
            s.add(ini)
    pf.close()
    return scale
