"""What the portfolio table shows: the initiative snapshots plus completeness (every
active leaf criterion has an agreed assessment) and the units, in one read."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Assessment
from app.models.enums import Assessor
from app.services import snapshots, weights
from app.services.snapshots import InitiativeRow, UnitInfo


@dataclass
class TableData:
    """``rows`` ordered by id; ``complete[id]`` True when every leaf criterion is agreed."""

    rows: list[InitiativeRow]
    complete: dict[str, bool]
    units: dict[int, UnitInfo]
    currency: str
    criteria_count: int


def load_table(session: Session) -> TableData:
    """One read of everything the table shows (a handful of queries, never per row)."""
    rows = snapshots.load_initiatives(session)
    leaves = {c.id for c in weights.leaf_criteria(session)}
    # Counted in SQL: 5,000 initiatives have ~60,000 agreed assessments, and fetching
    # them row by row into Python sets took ~0.1 s of the window's start-up.
    a = Assessment.__table__.c
    agreed_leaves: dict[str, int] = {iid: n for iid, n in session.execute(
        select(a.initiative_id, func.count(func.distinct(a.criterion_id)))
        .where(a.assessor == Assessor.AGREED.value, a.criterion_id.in_(leaves))
        .group_by(a.initiative_id)
    )}
    complete = {r.id: agreed_leaves.get(r.id, 0) == len(leaves) for r in rows}
    settings = snapshots.load_settings(session)
    return TableData(rows=rows, complete=complete, units=snapshots.load_units(session),
                     currency=settings.currency, criteria_count=len(leaves))
