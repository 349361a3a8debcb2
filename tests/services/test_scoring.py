"""Anchored scoring and ranking (DESIGN §6 ``rank``, §7 "Scales")."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.errors import UserError
from app.services.assessments import assessments_for
from app.services.scoring import (
    CriterionInfo,
    ScoreModel,
    rank,
    rank_arrays,
    agreed_scores,
    load_model,
    rank_model,
    scale_value,
    scale_values,
)
from tests.services.engine_fixtures import FULL, YEAR, Ini, add_initiatives, small_portfolio

ORD = CriterionInfo(1, "o", "O", "ordinal", 0.5)
NUM = CriterionInfo(2, "n", "N", "numeric", 0.5, anchor_low=0.0, anchor_high=5_000_000.0)


def test_scales_are_anchored_and_capped():
    assert scale_value(ORD, 3) == 0.75
    assert scale_value(ORD, 7) == 1.0
    assert scale_value(NUM, 2_500_000) == 0.5
    assert scale_value(NUM, 9e9) == 1.0 and scale_value(NUM, -5) == 0.0
    risk = CriterionInfo(3, "r", "R", "ordinal", 0.1, lower_is_better=True)
    assert scale_value(risk, 1) == 0.75
    assert np.isnan(scale_value(ORD, None))
    with pytest.raises(UserError):
        scale_value(CriterionInfo(4, "x", "X", "numeric", 1.0, anchor_low=1, anchor_high=1), 2)


CRITERIA = st.sampled_from([
    ORD, NUM, CriterionInfo(3, "r", "R", "ordinal", 0.1, lower_is_better=True),
    CriterionInfo(5, "m", "M", "numeric", 0.1, lower_is_better=True, anchor_low=10, anchor_high=2.5),
    CriterionInfo(6, "h", "H", "numeric", 0.1, anchor_low=-3.3, anchor_high=1e9),
])


@given(CRITERIA, st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                                    st.integers(-10, 10)), max_size=30))
def test_scale_values_is_scale_value_to_the_last_bit(criterion, values):
    arr = np.array(values, dtype=float)
    got = scale_values(criterion, arr)
    expected = [scale_value(criterion, v) for v in values]
    assert got.shape == arr.shape
    for g, e, v in zip(got.tolist(), expected, values):
        assert (np.isnan(g) and np.isnan(e)) or g == e, v
        if not np.isnan(v):
            assert 0.0 <= g <= 1.0


def test_scale_values_refuses_missing_anchors_only_for_present_values():
    bad = CriterionInfo(4, "x", "X", "numeric", 1.0, anchor_low=1, anchor_high=1)
    assert np.isnan(scale_values(bad, np.array([np.nan, np.nan]))).all()
    with pytest.raises(UserError, match="X"):
        scale_values(bad, np.array([np.nan, 2.0]))


def _reference_scores(session, criteria, ids):
    """The per-assessment loop ``load_model`` used before it was vectorised."""
    from sqlalchemy import select

    from app.models import Assessment

    index = {iid: i for i, iid in enumerate(ids)}
    col = {c.id: j for j, c in enumerate(criteria)}
    out = np.full((len(ids), len(criteria)), np.nan)
    for iid, cid, value in session.execute(
            select(Assessment.initiative_id, Assessment.criterion_id, Assessment.value)
            .where(Assessment.assessor == "agreed")):
        if iid in index and cid in col:
            out[index[iid], col[cid]] = scale_value(criteria[col[cid]], value)
    return out


def test_agreed_scores_equal_the_per_assessment_loop_on_the_demo(tmp_path):
    from app.services import weights as weights_service
    from app.services.demo import create_demo
    from app.services.store import open_portfolio

    path = tmp_path / "demo.portfolio"
    create_demo(path)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        criteria = weights_service.leaf_criteria(s)
        m = load_model(s)
        reference = _reference_scores(s, criteria, m.ids)
        assert np.isfinite(reference).sum() > 100
        assert np.array_equal(m.scores, reference, equal_nan=True)
        # a subset of ids, in another order, and an unknown id: rows follow ``ids``
        ids = [m.ids[5], "NO-SUCH", m.ids[0]]
        sub = agreed_scores(s, criteria, ids)
        expected = np.vstack([reference[5], np.full(len(criteria), np.nan), reference[0]])
        assert np.array_equal(sub, expected, equal_nan=True)


def model(scores, mandatory=None, costs=None, ids=None, weights=None):
    s = np.array(scores, dtype=float)
    n, k = s.shape
    w = np.full(k, 1 / k) if weights is None else np.asarray(weights, dtype=float)
    return ScoreModel(
        criteria=[CriterionInfo(j, f"c{j}", f"C{j}", "ordinal", w[j]) for j in range(k)],
        ids=ids or [f"I{i}" for i in range(n)], titles=[f"t{i}" for i in range(n)],
        scores=s, weights=w,
        mandatory=np.array(mandatory if mandatory is not None else [False] * n),
        costs=np.array(costs if costs is not None else [1e6] * n, dtype=float))


def test_order_mandatory_first_then_score_then_tie_rule():
    m = model([[0.5, 0.5], [0.2, 0.2], [0.5, 0.5], [0.5, 0.5], [0.9, 0.9]],
              mandatory=[False, True, False, False, False],
              costs=[2e6, 1e6, 1e6, 1e6, np.nan], ids=["E", "D", "C", "B", "A"])
    rows = rank_model(m)
    # D mandatory first; A highest score; then the 0.5-tie: C/B (vfm 0.5) before E (0.25),
    # C vs B equal vfm and cost → id ascending
    assert [r.id for r in rows] == ["D", "A", "B", "C", "E"]
    assert [r.rank for r in rows] == [1, 2, 3, 4, 5]
    assert rows[1].value_for_money is None and rows[1].total_cost is None


def test_missing_scores_contribute_zero_and_mark_incomplete():
    rows = rank_model(model([[1.0, np.nan]]))
    assert rows[0].score == 0.5 and not rows[0].complete and rows[0].completeness == 0.5
    assert rows[0].contributions == {"c0": 0.5, "c1": 0.0}
    # a criterion of weight 0 cannot change the score: its missing score does not count
    rows = rank_model(model([[1.0, np.nan]], weights=[1.0, 0.0]))
    assert rows[0].complete and rows[0].completeness == 1.0


score_matrix = st.integers(1, 12).flatmap(lambda n: st.integers(1, 6).flatmap(
    lambda k: st.lists(st.lists(st.one_of(st.none(), st.floats(0, 1)), min_size=k, max_size=k),
                       min_size=n, max_size=n)))


@given(score_matrix, st.data())
def test_contributions_sum_to_the_score(rows, data):
    s = np.array([[np.nan if v is None else v for v in r] for r in rows])
    w = data.draw(st.lists(st.floats(0.01, 10), min_size=s.shape[1], max_size=s.shape[1]))
    m = model(s, weights=np.array(w) / sum(w))
    for r in rank_model(m):
        assert sum(r.contributions.values()) == pytest.approx(r.score, abs=1e-9)
        assert 0 <= r.score <= 1 + 1e-12
    ra = rank_arrays(m)
    assert sorted(ra.ranks.tolist()) == list(range(1, m.n + 1))


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.floats(0, 9e6)),
                min_size=1, max_size=6),
       st.tuples(st.integers(0, 4), st.integers(0, 4), st.floats(0, 9e6)))
def test_scores_do_not_depend_on_other_initiatives(existing, newcomer):
    crits = [CriterionInfo(1, "a", "A", "ordinal", 0.4), CriterionInfo(2, "b", "B", "ordinal", 0.3),
             CriterionInfo(3, "c", "C", "numeric", 0.3, anchor_low=0, anchor_high=5e6)]

    def scores(items):
        s = np.array([[scale_value(c, v) for c, v in zip(crits, it)] for it in items])
        m = ScoreModel(criteria=crits, ids=[f"I{i}" for i in range(len(items))],
                       titles=[""] * len(items), scores=s, weights=np.array([0.4, 0.3, 0.3]),
                       mandatory=np.zeros(len(items), bool), costs=np.ones(len(items)))
        return m.totals()

    before = scores(existing)
    after = scores(existing + [newcomer])
    assert np.array_equal(before, after[:-1])


def test_adding_an_initiative_to_the_store_changes_no_other_score(tmp_path):
    pf = small_portfolio(tmp_path / "a.portfolio")
    with pf.read() as s:
        before = {r.id: r.score for r in rank(s).rows}
    add_initiatives(pf, [Ini("NEW", scores=dict(FULL), costs=[(YEAR, "anlaeg", 1)])])
    with pf.read() as s:
        after = {r.id: r.score for r in rank(s).rows}
    assert after.pop("NEW") == pytest.approx(1.0)
    assert after == before
    pf.close()


def test_rank_from_store(tmp_path):
    pf = small_portfolio(tmp_path / "a.portfolio")
    with pf.read() as s:
        r = rank(s)
    assert r.scenario == "Standard" and not r.is_what_if
    assert [x.rank for x in r.rows] == list(range(1, 9))
    assert [x.id for x in r.rows[:2]] == ["F", "E"]  # mandatory first
    g = r.by_id()["G"]
    assert g.score == pytest.approx(1.0) and g.complete
    # A: strategic_fit 4 (25 %), citizen 3 (15 %), risk 1 lower-is-better (10 %),
    # readiness 3 (10 %), economic 2 mio. of 5 (15 %)
    a = r.by_id()["A"]
    assert a.score == pytest.approx(0.25 + 0.15 * 0.75 + 0.10 * 0.75 + 0.10 * 0.75 + 0.15 * 0.4)
    assert a.value_for_money == pytest.approx(a.score / 1.2)
    assert sum(c.weight for c in r.criteria) == pytest.approx(1.0)
    pf.close()


def test_unknown_scenario_is_refused(tmp_path):
    pf = small_portfolio(tmp_path / "a.portfolio")
    with pf.read() as s, pytest.raises(UserError, match="Standard"):
        rank(s, "Findes ikke")
    pf.close()


def test_assessments_side_by_side(tmp_path):
    pf = small_portfolio(tmp_path / "a.portfolio")
    add_initiatives(pf, [Ini("P", scores={"citizen_value": 2}, proposer={"citizen_value": 4})])
    with pf.read() as s:
        views = {v.criterion_key: v for v in assessments_for(s, "P")}
        with pytest.raises(UserError):
            assessments_for(s, "nope")
    cv = views["citizen_value"]
    assert (cv.proposer_value, cv.unit_value, cv.agreed_value) == (4, None, 2)
    assert cv.proposer_score == 1.0 and cv.agreed_score == 0.5
    pf.close()


def test_plain_rows_are_the_driver_tuples_of_the_statement_and_see_pending_changes(tmp_path):
    from sqlalchemy import select

    from app.models import Assessment, Initiative
    from app.services.plain_rows import plain_rows

    pf = small_portfolio(tmp_path / "a.portfolio")
    a = Assessment.__table__.c
    q = (select(a.initiative_id, a.criterion_id, a.value)
         .where(a.assessor == "agreed", a.initiative_id.in_(["A", "B"])).order_by(a.id))
    with pf.session(context="test") as s:
        assert plain_rows(s, q) == [tuple(r) for r in s.execute(q)]
        assert {r[0] for r in plain_rows(s, q)} == {"A", "B"}
        s.add(Initiative(id="ZZ", title="Ny"))  # not flushed yet
        assert plain_rows(s, select(Initiative.id).where(Initiative.id == "ZZ")) == [("ZZ",)]
        s.rollback()
    pf.close()
