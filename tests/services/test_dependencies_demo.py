"""Dependency analysis and chart descriptions on the demo portfolio."""

from __future__ import annotations

from app.services import dependencies as dep
from app.services.charts import sources
from app.services.demo import create_demo
from app.services.snapshots import load_initiatives, load_units
from app.services.store import open_portfolio


def test_demo_dependencies_are_acyclic_and_every_chart_describes_it(tmp_path):
    path = tmp_path / "Demo æøå.portfolio"
    create_demo(path)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        rows, units = load_initiatives(s), load_units(s)
        report = dep.analyse(rows, units)
        edges = [(r.id, b) for r in rows for b in r.requires]
        assert edges and report.cycles == [] and not report.on_cycle
        assert set(report.generation) == {r.id for r in rows}
        for a, b in edges:  # a prerequisite always comes in an earlier step
            assert report.generation[b] < report.generation[a]
            dep.check_new_dependency([e for e in edges if e != (a, b)], a, b)
        assert report.matrix.total() == sum(
            1 for a, b in edges
            if dep.forvaltning_of(next(r for r in rows if r.id == a), units) is not None
            and dep.forvaltning_of(next(r for r in rows if r.id == b), units) is not None)
        assert set(report.cross_unit) <= set(edges)
        a, b = edges[0]
        try:
            dep.check_new_dependency(edges, b, a)  # the reverse closes a cycle
        except Exception as exc:  # noqa: BLE001 - asserted below
            assert a in str(exc) and b in str(exc)
        else:
            raise AssertionError("a reversed dependency was accepted")
        for key in ("dependencies", "matrix", "roadmap", "balance", "maturity", "followup"):
            assert sources.chart(s, key)
        chart = sources.chart(s, "dependencies")
        assert len(chart.nodes) == len(rows) and len(chart.edges) == len(edges)
