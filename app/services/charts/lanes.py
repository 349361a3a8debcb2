"""Swimlanes by forvaltning, shared by the dependency chart and the roadmap.

Each forvaltning that leads at least one of the charted initiatives gets a lane, in the
palette's order (``palette.unit_styles``: the units' sort order), with its colour, shape,
name and code; initiatives without a lead unit share a last lane "No lead unit". Lanes
are stacked from the top: lane i spans rows ``y0``..``y1``. A chart with more
forvaltninger than a slide can name may put the smaller ones into one lane "Other units"
(``Lane.members``: their ids; see ``roadmap.group_lanes``), and a drawer gives thin lanes
the height their names need with ``min_lane_rows`` and ``padded`` (the roadmap's and the
dependency chart's ``pad_lanes``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from app.services import dependencies as dep
from app.services.charts import palette
from app.services.charts.model import CIRCLE
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo


@dataclass(frozen=True)
class Lane:
    """A swimlane: one forvaltning (``unit_id`` None and no ``members`` = initiatives
    without a lead unit; ``unit_id`` None with ``members`` = the forvaltninger grouped
    into one lane "Other units", their ids in ``members``)."""

    unit_id: int | None
    label: str
    colour: str
    shape: str
    y0: float
    y1: float
    code: str = ""  # the forvaltning's short code, for narrow lane labels
    members: tuple[int, ...] = ()  # the grouped forvaltninger of an "Other units" lane


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


def min_lane_rows(heights: Sequence[float], share: float) -> float | None:
    """The least lane height ``m`` (rows) such that, with every lane at least ``m`` rows
    high, a lane of ``m`` rows takes at least ``share`` of the whole height:
    ``m >= share * sum(max(h, m) for h in heights)``.

    A drawer that needs ``need`` px for a lane's name on a plot ``px`` high passes
    ``share = need / px`` and pads the lanes to ``m`` rows (``roadmap.pad_lanes``): every
    lane is then tall enough for its name. ``heights`` are the lanes' heights in rows
    (> 0). Returns a value <= ``min(heights)`` when no lane needs padding, and None when
    no padding is enough (``share * len(heights) >= 1``: the names do not fit one above
    the other at all). Solved exactly: for the k thinnest lanes padded, the condition is
    linear in ``m`` (``m (1 - share k) >= share * R_k``, R_k the other lanes' rows).
    """
    hs = sorted(float(h) for h in heights)
    n = len(hs)
    if n == 0:
        return 0.0
    if share <= 0:
        return hs[0]
    if share * n >= 1.0:
        return None
    rest = sum(hs)
    for k in range(n + 1):  # the k thinnest lanes are padded to m
        m = share * rest / (1.0 - share * k)
        low = hs[k - 1] if k else 0.0
        high = hs[k] if k < n else float("inf")
        if m <= high:
            return max(m, low)
        rest -= hs[k]
    return None  # pragma: no cover - k = n always returns (share * n < 1)


def padded(lanes: Sequence[Lane], min_rows: float
           ) -> tuple[tuple[Lane, ...], Callable[[float], float], float]:
    """``lanes`` (stacked from y = 0) each at least ``min_rows`` rows high, the map from
    an old y (rows) to the new one, and the new total height.

    A padded lane keeps its content in its middle (a y inside lane k moves by the same
    amount as lane k's middle); the lanes below move down. A y at or past the last
    lane's end stays with the last lane. Shared by ``roadmap.pad_lanes`` and
    ``dependency_chart.pad_lanes``; pick ``min_rows`` with ``min_lane_rows``."""
    out: list[Lane] = []
    starts: list[float] = []
    shifts: list[float] = []  # per lane: what to add to an old y inside it
    y = 0.0
    for lane in lanes:
        old = lane.y1 - lane.y0
        new = max(old, min_rows)
        out.append(replace(lane, y0=y, y1=y + new))
        starts.append(lane.y0)
        shifts.append(y + (new - old) / 2 - lane.y0)
        y += new

    def move(v: float) -> float:
        if not shifts:
            return v
        k = min(max(bisect_right(starts, v) - 1, 0), len(shifts) - 1)
        return v + shifts[k]

    return tuple(out), move, y


#: the most forvaltning codes the legend entry "Other units: …" lists (about four lines
#: of a slide's legend); with more, the legend says "Other units" and a note lists them
LEGEND_CODES = 6


def lanes_to_group(lanes: Sequence[Lane], counts: Mapping[int, int], max_lanes: int
                   ) -> tuple[list[int], list[int], list[int]] | None:
    """Which lanes a slide keeps and which share one lane "Other units" (roadmap and
    dependency chart alike): returns (kept, grouped, rest) lane indices — ``kept`` the
    forvaltninger with the most items (``counts``: lane index → bars or nodes; ties by
    order), in their order; ``grouped`` the other forvaltninger; ``rest`` the lanes of no
    unit ("No lead unit"), kept last — or None when nothing needs grouping (at most
    ``max_lanes`` lanes, or fewer than two forvaltninger to group: one lane "Other units"
    for one forvaltning helps nobody)."""
    if len(lanes) <= max_lanes:
        return None
    unit_lanes = [i for i, lane in enumerate(lanes) if lane.unit_id is not None]
    rest = [i for i, lane in enumerate(lanes) if lane.unit_id is None]
    keep_n = max(1, max_lanes - 1 - len(rest))
    kept = sorted(sorted(unit_lanes, key=lambda i: (-counts.get(i, 0), i))[:keep_n])
    grouped = [i for i in unit_lanes if i not in kept]
    if len(grouped) < 2:
        return None
    return kept, grouped, rest


def other_units_key(codes: Sequence[str]) -> tuple[str, str]:
    """The legend label of a lane "Other units" grouping the forvaltninger ``codes`` and
    the note naming them when the label does not ("" when it does): "Other units: A, B"
    up to ``LEGEND_CODES`` codes, else "Other units" and the note "Other units: A, …"."""
    named = _("Other units: {codes}").format(codes=", ".join(codes))
    if len(codes) <= LEGEND_CODES:
        return named, ""
    return _("Other units"), named
