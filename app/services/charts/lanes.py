"""Swimlanes by forvaltning, shared by the dependency chart and the roadmap.

Each forvaltning that leads at least one of the charted initiatives gets a lane, in the
palette's order (``palette.unit_styles``: the units' sort order), with its colour, shape,
name and code; initiatives without a lead unit share a last lane "No lead unit". Lanes
are stacked from the top: lane i spans rows ``y0``..``y1``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.services import dependencies as dep
from app.services.charts import palette
from app.services.charts.model import CIRCLE
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo


@dataclass(frozen=True)
class Lane:
    """A swimlane: one forvaltning (``unit_id`` None = initiatives without a lead unit)."""

    unit_id: int | None
    label: str
    colour: str
    shape: str
    y0: float
    y1: float
    code: str = ""  # the forvaltning's short code, for narrow lane labels


def lane_units(rows: Sequence[InitiativeRow], units: Mapping[int, UnitInfo],
               styles: Mapping[int, palette.UnitStyle]) -> list[int | None]:
    """The lanes' forvaltning ids, top to bottom: each forvaltning leading one of ``rows``
    in the order of ``styles``, then None when a row has no lead unit."""
    present = {dep.forvaltning_of(r, units) for r in rows}
    lane_ids: list[int | None] = [u for u in styles if u in present]
    if None in present:
        lane_ids.append(None)
    return lane_ids


def stack_lanes(lane_ids: Sequence[int | None], rows_per_lane: Mapping[int, int],
                styles: Mapping[int, palette.UnitStyle]) -> tuple[list[Lane], float]:
    """The lanes of ``lane_ids`` stacked from y = 0, lane i ``rows_per_lane[i]`` rows high
    (1 when missing), and the total height in rows."""
    lanes: list[Lane] = []
    y = 0.0
    for li, uid in enumerate(lane_ids):
        height = rows_per_lane.get(li, 1)
        if uid is None:
            lanes.append(Lane(None, _("No lead unit"), palette.NO_UNIT, CIRCLE, y, y + height, "–"))
        else:
            st = styles[uid]
            lanes.append(Lane(uid, st.name, st.colour, st.shape, y, y + height, st.code))
        y += height
    return lanes, y
