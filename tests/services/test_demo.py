"""The demo portfolio "Eksempel Kommune": created by `prioritise demo`, shown by `list`,
stable ids, acyclic dependencies, adopted weights summing to 100, and frames that make
the selection a real choice."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from sqlalchemy import select

from app.models import (
    Assessment,
    BusinessCaseLine,
    Criterion,
    Decision,
    Dependency,
    ExternalRequirement,
    Initiative,
    OrgUnit,
    PortfolioSettings,
    Scenario,
    StrategicGoal,
    SuccessCriterion,
    WeightSet,
)
from app.services.demo import create_demo
from app.services.errors import UserError
from app.services.snapshots import load_initiatives, load_units
from app.services.store import open_portfolio


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "Eksempel Kommune.portfolio"
    create_demo(path)
    return path


def test_demo_cli_then_list_json(cli, tmp_path):
    path = tmp_path / "demo.portfolio"
    r = cli("demo", str(path))
    assert r.returncode == 0, r.stderr
    from app.commands.listing import list_document

    doc = json.loads(json.dumps(list_document(str(path))))
    assert doc["currency"] == "DKK"
    ids = [i["id"] for i in doc["initiatives"]]
    assert ids == [f"EK-{n:03d}" for n in range(1, len(ids) + 1)] and 30 <= len(ids) <= 40
    assert any(len(i["departments"]) >= 3 for i in doc["initiatives"])
    assert sum(i["mandatory"] for i in doc["initiatives"]) >= 3
    assert all(i["total_cost"] and i["total_cost"] > 0 for i in doc["initiatives"])
    assert any(i["requires"] for i in doc["initiatives"])
    again = cli("demo", str(path))
    assert again.returncode == 2 and str(path.name) in again.stderr


def test_refuses_an_existing_file(demo):
    before = demo.read_bytes()
    with pytest.raises(UserError):
        create_demo(demo)
    assert demo.read_bytes() == before


def test_organisation_strategy_and_requirements(demo):
    with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
        settings = s.get(PortfolioSettings, 1)
        assert settings.municipality == "Eksempel Kommune"
        assert "illustrative" in settings.description
        units = load_units(s)
        tops = [u for u in units.values() if u.parent_id is None]
        assert len(tops) >= 7 and {u.kind for u in units.values()} >= {"forvaltning", "afdeling",
                                                                        "institution", "stab"}
        assert 4 <= len(s.scalars(select(StrategicGoal)).all()) <= 6
        reqs = s.scalars(select(ExternalRequirement)).all()
        joint = [r for r in reqs if r.source_type == "joint_public"]
        assert len(joint) == 12 and any(r.obliges_local_work for r in joint)
        assert "Digital Fuldmagt" in {r.code: r.title for r in joint}["FOS-02"]


def test_adopted_weights_sum_to_100(demo):
    with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
        ws = s.scalars(select(WeightSet).where(WeightSet.budget_year == 2027)).one()
        assert ws.status == "adopted" and ws.adopted_by == "Økonomiudvalget" and ws.adopted_on
        assert sum(w.percent for w in ws.weights) == pytest.approx(100)


def test_initiatives_business_cases_and_assessments(demo):
    with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
        rows = load_initiatives(s)
        phases = {r.phase for r in rows}
        assert phases == {"idea", "proposal", "approved", "procurement", "implementation",
                          "operation", "closed", "rejected", "on_hold"}
        assert any(r.maturity_level for r in rows) and any(not r.maturity_level for r in rows)
        assert any(r.outside_frame and r.mandatory for r in rows)
        lines = s.scalars(select(BusinessCaseLine)).all()
        assert {ln.budget_year for ln in lines} == {2027, 2028, 2029, 2030}
        assert {ln.line_type for ln in lines} == {"anlaeg", "drift"}
        assert any(not ln.cash and ln.fte for ln in lines)  # internal årsværk, not cash
        assert any(ln.benefit_kind == "budgetrealiserbar" and ln.giving_unit_id for ln in lines)
        assert {ln.financing for ln in lines if ln.flow == "cost"} >= {"DUT", "digitaliseringspulje"}
        crit_n = len([c for c in s.scalars(select(Criterion)) if c.kind != "group"])
        agreed: dict[str, int] = {}
        inflated = 0
        by_key = {}
        for a in s.scalars(select(Assessment)):
            by_key[(a.initiative_id, a.criterion_id, a.assessor)] = a.value
            if a.assessor == "agreed":
                agreed[a.initiative_id] = agreed.get(a.initiative_id, 0) + 1
        for (iid, cid, who), v in by_key.items():
            if who == "proposer" and v > by_key.get((iid, cid, "agreed"), v):
                inflated += 1
        incomplete = [i for i in agreed if agreed[i] < crit_n]
        assert 1 <= len(incomplete) <= 3 and inflated >= 5
        assert any(a.comment for a in s.scalars(select(Assessment).where(Assessment.assessor == "agreed")))
        assert len(s.scalars(select(Decision)).all()) >= 3
        sc = s.scalars(select(SuccessCriterion)).all()
        assert len(sc) >= 2 and all(c.baseline is not None and c.measurements for c in sc)


def test_dependencies_acyclic_and_cross_departmental(demo):
    with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
        units = load_units(s)
        lead = {i.id: units[i.lead_unit_id].forvaltning_id for i in s.scalars(select(Initiative))}
        deps = s.execute(select(Dependency.initiative_id, Dependency.requires_id)).all()
    graph = nx.DiGraph(list(deps))
    assert nx.is_directed_acyclic_graph(graph) and len(deps) >= 5
    assert sum(lead[a] != lead[b] for a, b in deps) >= 3


def test_budget_scenario_makes_selection_a_choice(demo):
    with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
        sc = s.scalars(select(Scenario).where(Scenario.name == "Budget 2027")).one()
        frames = {(f.budget_year, f.frame_type): f.amount for f in sc.frames}
        rows = load_initiatives(s)
    assert {y for y, _t in frames} == {2027, 2028, 2029, 2030}
    assert {t for _y, t in frames} == {"anlaeg", "drift"}
    wanted = sum(r.total_cost or 0 for r in rows if r.phase not in ("rejected", "closed")
                 and not r.outside_frame)
    assert sum(frames.values()) < wanted  # not everything fits


def test_demo_is_deterministic(tmp_path):
    a, b = tmp_path / "a.portfolio", tmp_path / "b.portfolio"
    create_demo(a)
    create_demo(b)

    def content(path):
        with open_portfolio(path, readonly=True) as pf, pf.read() as s:
            rows = load_initiatives(s)
            return [(r.id, r.title, r.total_cost, r.total_benefit, r.requires, r.departments)
                    for r in rows]
    assert content(a) == content(b)
    assert all(re.fullmatch(r"EK-\d{3}", r[0]) for r in content(a))


def test_prerequisites_finish_before_their_dependents_start(demo):
    with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
        dates = {i.id: (i.start_date, i.end_date) for i in s.scalars(select(Initiative))}
        deps = s.execute(select(Dependency.initiative_id, Dependency.requires_id)).all()
    assert all(dates[b][1] < dates[a][0] for a, b in deps)


def test_demo_on_both_backends(backend_target):
    create_demo(backend_target)
    with open_portfolio(backend_target, readonly=True) as pf, pf.read() as s:
        assert len(load_initiatives(s)) == 37
    with pytest.raises(UserError):
        create_demo(backend_target)


def test_bilag_says_what_the_frames_do_not_hold_and_how_the_nnv_counts_missing_years(demo):
    """The outputs' budget table has 'heraf finansieret uden for rammen' rows for the
    demo's EK-020/EK-021 (mandatory, outside the frame), the anlæg row less them equal to
    what the 2027 anlæg frame holds; the method says years without lines count as 0."""
    from app.services import selection
    from app.services.exports import texts
    from app.services.exports.content import gather
    from app.services.formatting import language
    from app.services.i18n import set_language

    before = language()
    set_language("da")
    try:
        with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
            c = gather(s)
            result = selection.select_portfolio(s)
        facts = texts.method_facts(c)
    finally:
        set_language(before)
    held = next(u.used for u in result.frame_use
                if u.year == 2027 and u.frame_type == "anlaeg" and u.unit_id is None)
    capital = c.budget.row("Anlægsudgifter").values[2027]
    outside = c.budget.row("heraf finansieret uden for rammen (anlæg)").values[2027]
    assert outside > 0 and capital - outside == pytest.approx(held)
    assert any("uden business case-linjer tæller som 0" in f for f in facts)
