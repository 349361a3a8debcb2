"""What the portfolio table shows: the initiative snapshots plus completeness (every
active leaf criterion has an agreed assessment) and the units, in one read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
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
    agreed: dict[str, set[int]] = defaultdict(set)
    for iid, cid in session.execute(
        select(Assessment.initiative_id, Assessment.criterion_id)
        .where(Assessment.assessor == Assessor.AGREED.value)
    ):
        agreed[iid].add(cid)
    complete = {r.id: leaves <= agreed.get(r.id, set()) for r in rows}
    settings = snapshots.load_settings(session)
    return TableData(rows=rows, complete=complete, units=snapshots.load_units(session),
                     currency=settings.currency, criteria_count=len(leaves))
