"""Smoke test of the benchmark generator (issue 9): a 150-initiative portfolio written
through the store has the promised shape and an acyclic dependency graph."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
from sqlalchemy import func, select

from app.models import Assessment, BudgetFrame, BusinessCaseLine, OrgUnit, Scenario, WeightSet
from app.models.enums import CANDIDATE_PHASES, Assessor, Flow, UnitKind, WeightStatus
from app.services.snapshots import load_initiatives
from app.services.store import open_portfolio
from tests.benchmarks.generator import (
    BENCH_SCENARIO,
    FRAME_YEARS,
    WEIGHTS,
    generate_portfolio,
)


def test_generator_150_has_the_promised_shape(tmp_path: Path) -> None:
    path = generate_portfolio(tmp_path / "bench.portfolio", 150, seed=7)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        rows = load_initiatives(s)
        units = s.scalars(select(OrgUnit)).all()
        ws = s.scalars(select(WeightSet)).one()
        ws_status, percents = ws.status, [w.percent for w in ws.weights]
        agreed = s.execute(
            select(Assessment.initiative_id, func.count()).where(
                Assessment.assessor == Assessor.AGREED.value).group_by(Assessment.initiative_id)
        ).all()
        years: dict[str, set[int]] = defaultdict(set)
        flows: Counter[str] = Counter()
        internal = 0
        for iid, year, flow, cash, fte in s.execute(select(
                BusinessCaseLine.initiative_id, BusinessCaseLine.budget_year,
                BusinessCaseLine.flow, BusinessCaseLine.cash, BusinessCaseLine.fte)):
            years[iid].add(year)
            flows[flow] += 1
            internal += (not cash) and bool(fte)
        scen = s.scalars(select(Scenario).where(Scenario.name == BENCH_SCENARIO)).one()
        frames = s.scalars(select(BudgetFrame).where(BudgetFrame.scenario_id == scen.id)).all()

    assert len(rows) == 150 and len({r.id for r in rows}) == 150
    assert 8 <= len(units) <= 25
    forv = [u for u in units if u.kind == UnitKind.FORVALTNING.value]
    assert forv and any(u.parent_id in {f.id for f in forv} for u in units)

    graph = nx.DiGraph((r.id, b) for r in rows for b in r.requires)
    assert nx.is_directed_acyclic_graph(graph)
    assert 1.3 <= graph.number_of_edges() / 150 <= 1.6

    mandatory = sum(r.mandatory for r in rows)
    assert 2 <= mandatory <= 10
    assert sum(r.phase in {p.value for p in CANDIDATE_PHASES} for r in rows) > 0.7 * 150

    assert ws_status == WeightStatus.ADOPTED.value and len(percents) == 12
    assert abs(sum(percents) - 100) < 1e-9 and sum(WEIGHTS.values()) == 100
    counts = [c for _, c in agreed]
    assert len(counts) == 150 and max(counts) == 12 and min(counts) >= 11

    spans = [max(y) - min(y) + 1 for y in years.values()]
    assert len(years) == 150 and min(spans) >= 4 and max(spans) <= 10
    assert flows[Flow.COST.value] > 0 and flows[Flow.BENEFIT.value] > 0 and internal > 0
    assert all(r.total_cost and r.total_cost > 0 for r in rows)
    assert sorted(f.budget_year for f in frames) == list(FRAME_YEARS)
    assert all(f.amount > 0 for f in frames)
