"""The portfolio table's read: an initiative is "fully assessed" when every active leaf
criterion has an agreed score — proposer or unit scores, and scores of a criterion that
is not a leaf or not active, do not count."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Assessment, Criterion, Initiative
from app.models.enums import Assessor
from app.services import weights
from app.services.table_rows import load_table


def _score(s, iid: str, cid: int, assessor: Assessor) -> None:
    s.add(Assessment(initiative_id=iid, criterion_id=cid, assessor=assessor.value, value=2.0))


def test_complete_means_every_active_leaf_criterion_has_an_agreed_score(new_portfolio):
    with new_portfolio.session() as s:
        leaves = [c.id for c in weights.leaf_criteria(s)]
        assert len(leaves) >= 2
        for iid in ("A-1", "A-2", "A-3", "A-4"):
            s.add(Initiative(id=iid, title=iid))
        s.flush()
        for cid in leaves:  # every leaf agreed
            _score(s, "A-1", cid, Assessor.AGREED)
        for cid in leaves[:-1]:  # the last leaf only by the proposer and the unit
            _score(s, "A-2", cid, Assessor.AGREED)
        _score(s, "A-2", leaves[-1], Assessor.PROPOSER)
        _score(s, "A-2", leaves[-1], Assessor.UNIT)
        for cid in leaves:  # only proposer scores
            _score(s, "A-3", cid, Assessor.PROPOSER)
    with new_portfolio.read() as s:
        data = load_table(s)
    assert data.complete == {"A-1": True, "A-2": False, "A-3": False, "A-4": False}
    assert data.criteria_count == len(leaves)

    # a leaf that is no longer active stops counting: A-2 is complete without it
    with new_portfolio.session() as s:
        s.get(Criterion, leaves[-1]).active = False
    with new_portfolio.read() as s:
        data = load_table(s)
        assert len(weights.leaf_criteria(s)) == len(leaves) - 1
    assert data.complete == {"A-1": True, "A-2": True, "A-3": False, "A-4": False}


def test_without_criteria_every_initiative_counts_as_complete(new_portfolio):
    with new_portfolio.session() as s:
        s.add(Initiative(id="A-1", title="Uden vurdering"))
        for crit in s.scalars(select(Criterion)):
            crit.active = False
    with new_portfolio.read() as s:
        data = load_table(s)
    assert data.complete == {"A-1": True} and data.criteria_count == 0
