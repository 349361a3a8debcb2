"""(a) The dependency chart: one swimlane per forvaltning, initiatives as nodes.

x is the topological generation (``mode="generation"``: 0 = needs nothing; a large group
of one lane wraps into sub-columns at fractions of its step, so x = step + offset < step + 1)
or the start
date as a day number (``mode="date"``; initiatives without dates sit in a column "Uden
dato" left of the earliest). y counts rows from the top: lane i spans
``lane.y0``..``lane.y1`` and a node sits at the middle of its row (``y = row + 0.5``).
Nodes of one lane that would collide share the lane in stacked rows, ordered by the mean
row of their prerequisites (the barycentre heuristic of Sugiyama, Tagawa & Toda 1981) so
edges cross less.

Labels (the id, printed right of the marker) are planned at a plot of ``plot_px`` pixels
with ``font_px`` type (the main window by default; a slide passes its own): a step wraps
into as many sub-columns as leave room for a label, and in date mode nodes of one row
keep a label's width apart. Edges are routed round labels and markers at that size: an
edge leaves its prerequisite at the end of the label and enters its dependant's marker
from the left; where the straight line would cross another node's marker or label it
bends along the boundary between two rows past that node (``ChartEdge.route``, the
dummy-node idea of layered drawings; Sugiyama et al. 1981, Gansner et al. 1993). Routes
are made while labels are shown by default (``LABEL_LIMIT``); larger charts draw
straight edges. In the order of execution (the default) every edge finds its way; by
start date, initiatives starting within a label's width of each other stack into one
column, and an edge between lanes through such a column may need more than
``MAX_BENDS`` bends and is then drawn straight (across labels).

Styles are resolved here (colour, width, line) so the two drawers agree: ordinary edges
grey, cross-forvaltning edges black and thicker, edges on a cycle or in a roadmap conflict
vermillion and dashed, the selected initiative's chains black and thickest; nodes carry
the forvaltning's colour and shape, and flags for rings/dimming.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from app.services import dependencies as dep
from app.services.charts import palette
from app.services.charts.lanes import (
    Lane, lane_units, lanes_to_group, other_units_key, padded, stack_lanes,
)
from app.services.charts.model import CIRCLE, LINE_DASHED, LINE_SOLID, Axis, LegendEntry, Tick
from app.services.charts.labels import text_size
from app.services.charts.roadmap import SLIDE_LANES
from app.services.charts.ticks import date_axis
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo

#: Node flags.
SELECTED, UPSTREAM, DOWNSTREAM = "selected", "upstream", "downstream"
CYCLE, CONFLICT, CRITICAL, MANDATORY = "cycle", "conflict", "critical", "mandatory"
#: Above this many nodes, labels are shown only when zoomed in (``labels_by_default``).
LABEL_LIMIT = 200
#: Plot size (px) the layout plans label room and edge routes for (the main window at
#: 1280×720) and the label type (px) there (``style.small_px`` of the 13 px screen type).
NOMINAL_PLOT_PX = 760.0
NOMINAL_PLOT = (NOMINAL_PLOT_PX, 500.0)
LABEL_FONT_PX = 11.5
#: A step's group of one lane wraps into sub-columns when it has more nodes than this
#: (fewer when the rows would not fit the plot otherwise).
WRAP_ROWS = 6
#: A row wants this many ems of label type (a label and a little air).
ROW_EM = 1.15
#: A route with more bends than this is drawn straight instead (a zigzag reads worse
#: than a line across a label).
MAX_BENDS = 8


@dataclass(slots=True)
class Node:
    """An initiative at (``x``, ``y``); ``label`` its id, ``title`` for tooltips/tables."""

    id: str
    label: str
    title: str
    x: float
    y: float
    lane: int  # index into ``DependencyChart.lanes``
    colour: str
    shape: str
    flags: frozenset[str]
    dimmed: bool = False  # a selection is shown and this node is not on its chains


@dataclass(slots=True)
class ChartEdge:
    """prerequisite → dependant, from (x0, y0) to (x1, y1), with its resolved style."""

    prerequisite: str
    dependant: str
    x0: float
    y0: float
    x1: float
    y1: float
    colour: str
    width: float
    line: str
    cross_unit: bool
    cycle: bool
    conflict: bool
    highlighted: bool
    #: the polyline to draw, in data units, from the end of the prerequisite's label to the
    #: dependant's marker, bent round other nodes; empty = straight (x0, y0) → (x1, y1)
    route: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class DependencyChart:
    title: str
    mode: str  # "generation" | "date"
    lanes: tuple[Lane, ...]
    nodes: tuple[Node, ...]
    edges: tuple[ChartEdge, ...]
    x_axis: Axis
    legend: tuple[LegendEntry, ...]
    notes: tuple[str, ...]  # cycles and roadmap conflicts in words
    selected: str | None
    labels_by_default: bool
    height: float  # total rows (the y range is 0..height)
    what_if: bool = False
    font_px: float = LABEL_FONT_PX  # label type and plot size the layout was planned at
    plot_px: tuple[float, float] = NOMINAL_PLOT


def _lane_key(row: InitiativeRow, units: Mapping[int, UnitInfo]) -> int | None:
    return dep.forvaltning_of(row, units)


def _x_positions(
    rows: Sequence[InitiativeRow], report: dep.DependencyReport, mode: str,
    room: float = 1 / 12,
) -> tuple[dict[str, float], Axis, float, str]:
    """x per node, the x axis, the least x distance two nodes in one row may have, and
    the mode used (date mode falls back to generations when no initiative has a date).
    ``room``: a label's share of the plot width (date mode keeps nodes of a row that far
    apart)."""
    if mode == "generation":
        gen = report.generation
        top = max(gen.values(), default=0)
        ticks = tuple(Tick(float(g), _("Step {n}").format(n=g + 1)) for g in range(top + 1))
        axis = Axis(_("Order of execution"), -0.5, top + 1.0, ticks)
        return {r.id: float(gen.get(r.id, 0)) for r in rows}, axis, 1.0, "generation"
    dated = [r.start_date or r.end_date for r in rows]
    present = [d for d in dated if d is not None]
    if not present:
        return _x_positions(rows, report, "generation")
    first, last = min(present), max(present)
    span = max(60.0, float(last.toordinal() - first.toordinal()))
    # a label's width: its share of the plot, of an axis that is span + 3 gaps wide (at
    # most 0.15, so the calendar keeps more than half of the plot)
    room = min(max(room, 1 / 15), 0.15)
    gap = span * room / (1.0 - 3.0 * room)
    undated_x = first.toordinal() - 1.5 * gap
    xs = {
        r.id: float(d.toordinal()) if d is not None else undated_x for r, d in zip(rows, dated)
    }
    axis = date_axis(_("Start date"), first, last)
    if len(present) < len(rows):
        axis = Axis(axis.title, undated_x - gap / 2, axis.hi + gap,
                    (Tick(undated_x, _("No date")), *axis.ticks))
    else:
        axis = Axis(axis.title, axis.lo - gap / 2, axis.hi + gap, axis.ticks)
    return xs, axis, gap, "date"


def dependency_chart(
    rows: Sequence[InitiativeRow],
    units: Mapping[int, UnitInfo],
    *,
    mode: str = "generation",
    selected: str | None = None,
    report: dep.DependencyReport | None = None,
    title: str | None = None,
    what_if: bool = False,
    font_px: float = LABEL_FONT_PX,
    plot_px: tuple[float, float] = NOMINAL_PLOT,
) -> DependencyChart:
    """Lay out the dependency chart of ``rows`` (see the module docstring).

    ``selected`` (an initiative id) flags its upstream and downstream and dims the rest.
    ``report`` may be passed when ``dependencies.analyse`` already ran. ``font_px`` and
    ``plot_px`` (width, height) are the label type and the plot size in pixels the
    labels and edge routes are planned for. Cost: linear in nodes + edges apart from
    sorting; 1,000 nodes and 3,000 edges lay out in well under a second.
    """
    report = report or dep.analyse(rows, units)
    styles = palette.unit_styles(units)
    label_room = _label_room(rows, font_px)
    # markers only (labels when zoomed in) above LABEL_LIMIT: no room kept for labels
    room = label_room / plot_px[0] if len(rows) <= LABEL_LIMIT else 1 / 15
    xs, x_axis, gap, mode = _x_positions(rows, report, mode, room)
    lane_ids = lane_units(rows, units, styles)
    lane_index = {u: i for i, u in enumerate(lane_ids)}
    graph = report.graph

    slot: dict[str, int] = {}
    by_lane: dict[int, list[InitiativeRow]] = defaultdict(list)
    for r in rows:
        by_lane[lane_index[_lane_key(r, units)]].append(r)
    lane_rows: dict[int, int] = {}
    provisional: dict[str, float] = {}

    def bary(r: InitiativeRow) -> tuple[float, str]:
        ys = [provisional[p] for p in graph.predecessors(r.id) if p in provisional]
        return (sum(ys) / len(ys) if ys else float("inf"), r.id)

    if mode == "generation":
        # generation by generation (so prerequisites are placed first), lane by lane; a big
        # group wraps into up to ``wrap`` sub-columns within its step so lanes stay short
        steps = int(max(xs.values(), default=0.0)) + 1
        # sub-columns 0.85/k of a step apart, each leaving a label's room
        wrap = max(1, int(0.85 * plot_px[0] / (steps + 0.5) / label_room))
        groups: dict[tuple[int, int], list[InitiativeRow]] = defaultdict(list)
        for li, members in by_lane.items():
            for r in members:
                groups[(int(xs[r.id]), li)].append(r)
        # wrap groups taller than ``tall`` rows; lower ``tall`` until the rows fit the plot
        # with a label's height each (as far as the sub-columns allow)
        fit_rows = max(1, int(plot_px[1] / (ROW_EM * font_px)))
        for tall in range(WRAP_ROWS, 0, -1):
            cols = {key: min(wrap, max(1, -(-len(group) // tall))) for key, group in groups.items()}
            need: dict[int, int] = defaultdict(lambda: 1)
            for (g, li), group in groups.items():
                need[li] = max(need[li], -(-len(group) // cols[(g, li)]))
            if sum(need.values()) <= fit_rows:
                break
        for g, li in sorted(groups):
            group = sorted(groups[(g, li)], key=bary)
            k = cols[(g, li)]
            for idx, r in enumerate(group):
                xs[r.id] = g + (idx % k) * (0.85 / k)
                slot[r.id] = idx // k
                provisional[r.id] = li * 1000.0 + idx // k
            lane_rows[li] = max(lane_rows.get(li, 1), -(-len(group) // k))
    else:
        # rows within each lane: greedy packing left to right, barycentre order per x
        for li, members in by_lane.items():
            members.sort(key=lambda r: (xs[r.id], r.id))
            last_x: list[float] = []  # per row: x of the last node placed in it
            i = 0
            while i < len(members):
                j = i
                while j < len(members) and xs[members[j].id] == xs[members[i].id]:
                    j += 1
                for r in sorted(members[i:j], key=bary):
                    x = xs[r.id]
                    free = next((k for k, lx in enumerate(last_x) if x - lx >= gap), None)
                    if free is None:
                        last_x.append(x)
                        free = len(last_x) - 1
                    else:
                        last_x[free] = x
                    slot[r.id] = free
                    provisional[r.id] = li * 1000.0 + free
                i = j
            lane_rows[li] = max(1, len(last_x))

    lanes, y0 = stack_lanes(lane_ids, lane_rows, styles)

    has_selection = selected is not None and selected in graph
    up = dep.upstream(graph, selected) if has_selection else set()
    down = dep.downstream(graph, selected) if has_selection else set()
    up_chain, down_chain = up | {selected}, down | {selected}
    on_chains = up | down | {selected}
    chain_ids = set(report.chain.ids) if len(report.chain.ids) > 1 else set()
    in_cycle = {n for e in report.on_cycle for n in e}
    conflict_pairs = {(c.prerequisite, c.dependant) for c in report.conflicts}
    in_conflict = {n for e in conflict_pairs for n in e}

    nodes: list[Node] = []
    pos: dict[str, tuple[float, float]] = {}
    for r in rows:
        li = lane_index[_lane_key(r, units)]
        lane = lanes[li]
        y = lane.y0 + slot[r.id] + 0.5
        pos[r.id] = (xs[r.id], y)
        flags = set()
        if r.id == selected:
            flags.add(SELECTED)
        if r.id in up:
            flags.add(UPSTREAM)
        if r.id in down:
            flags.add(DOWNSTREAM)
        if r.id in in_cycle:
            flags.add(CYCLE)
        if r.id in in_conflict:
            flags.add(CONFLICT)
        if r.id in chain_ids:
            flags.add(CRITICAL)
        if r.mandatory:
            flags.add(MANDATORY)
        dimmed = has_selection and r.id not in on_chains
        nodes.append(Node(r.id, r.id, r.title, xs[r.id], y, li, lane.colour, lane.shape,
                          frozenset(flags), dimmed))

    cross = {(b, a) for a, b in report.cross_unit}
    edges: list[ChartEdge] = []
    for u, v in sorted(graph.edges):
        (x0, ey0), (x1, ey1) = pos[u], pos[v]
        on_cycle = (u, v) in report.on_cycle
        conflict = (u, v) in conflict_pairs
        highlighted = has_selection and (
            (u in up_chain and v in up_chain) or (u in down_chain and v in down_chain)
        )
        if on_cycle or conflict:
            colour, width, line = palette.FLAG, 2.5, LINE_DASHED
        elif highlighted:
            colour, width, line = palette.HIGHLIGHT, 3.0, LINE_SOLID
        elif (u, v) in cross:
            colour, width, line = palette.INK, 1.8, LINE_SOLID
        else:
            colour, width, line = "#9A9A9A", 1.0, LINE_SOLID
        edges.append(ChartEdge(u, v, x0, ey0, x1, ey1, colour, width, line, (u, v) in cross,
                               on_cycle, conflict, highlighted))
    labels_by_default = len(nodes) <= LABEL_LIMIT
    if labels_by_default and edges:
        router = _Router(nodes, x_axis, y0, font_px, plot_px)
        for e in edges:
            e.route = router.route(e.prerequisite, e.dependant)

    legend = [LegendEntry(st.name, st.colour, "marker", st.shape)
              for uid, st in styles.items() if uid in lane_index]
    legend += [
        LegendEntry(_("Dependency"), "#9A9A9A", "line"),
        LegendEntry(_("Cross-departmental dependency"), palette.INK, "line"),
        LegendEntry(_("Cycle or roadmap conflict"), palette.FLAG, "line", line=LINE_DASHED),
    ]
    if has_selection:
        legend.append(LegendEntry(_("Chain of the selected initiative"), palette.HIGHLIGHT, "line"))
    notes = [_("Cycle: {cycle}").format(cycle=dep.cycle_text(c)) for c in report.cycles]
    if not graph.number_of_edges():
        notes.append(_("No dependencies are recorded."))
    notes += [
        _("{a} starts {days} days before {b} ends").format(
            a=c.dependant, b=c.prerequisite, days=c.overlap_days)
        for c in report.conflicts
    ]
    return DependencyChart(
        title=title or _("Dependencies across forvaltninger"),
        mode=mode,
        lanes=tuple(lanes), nodes=tuple(nodes), edges=tuple(edges), x_axis=x_axis,
        legend=tuple(legend), notes=tuple(notes), selected=selected if has_selection else None,
        labels_by_default=labels_by_default, height=y0, what_if=what_if,
        font_px=font_px, plot_px=plot_px,
    )


def group_lanes(chart: DependencyChart, max_lanes: int = SLIDE_LANES) -> DependencyChart:
    """``chart`` with at most ``max_lanes`` lanes (unchanged when it has no more), for a
    slide that can name only a few (as ``roadmap.group_lanes``, ``roadmap.SLIDE_LANES``).

    The forvaltninger with the most initiatives keep their lanes, in their order; the
    others are stacked, each keeping its rows, into one lane "Other units" (code
    "Others", ``Lane.members`` their ids) below them, their nodes grey circles
    (``palette.OTHER``); the lane "No lead unit" stays last. Edges and their routes
    follow their nodes; the legend keeps the kept forvaltninger and gains "Other units:
    CODE, CODE, …". ``max_lanes`` counts every lane, at least 2."""
    from app.services.charts import palette as pal

    plan = lanes_to_group(chart.lanes, Counter(n.lane for n in chart.nodes), max_lanes)
    if plan is None:
        return chart
    kept, grouped, rest = plan
    shift: dict[int, float] = {}
    y = 0.0
    for i in kept + grouped + rest:  # the old lanes in their new order, top to bottom
        lane = chart.lanes[i]
        shift[i] = y - lane.y0
        y += lane.y1 - lane.y0
    new_index = {i: k for k, i in enumerate(kept)}
    new_index.update({i: len(kept) for i in grouped})
    new_index.update({i: len(kept) + 1 + k for k, i in enumerate(rest)})
    lanes = [replace(chart.lanes[i], y0=chart.lanes[i].y0 + shift[i],
                     y1=chart.lanes[i].y1 + shift[i]) for i in kept]
    top = chart.lanes[grouped[0]].y0 + shift[grouped[0]]
    bottom = top + sum(chart.lanes[i].y1 - chart.lanes[i].y0 for i in grouped)
    lanes.append(Lane(None, _("Other units"), pal.OTHER, CIRCLE, top, bottom, _("Others"),
                      tuple(int(chart.lanes[i].unit_id or 0) for i in grouped)))
    lanes += [replace(chart.lanes[i], y0=chart.lanes[i].y0 + shift[i],
                      y1=chart.lanes[i].y1 + shift[i]) for i in rest]
    starts = [lane.y0 for lane in chart.lanes]

    def move(v: float) -> float:
        k = min(max(bisect_right(starts, v) - 1, 0), len(starts) - 1)
        return v + shift[k]

    grouped_set = set(grouped)
    nodes = tuple(replace(n, y=move(n.y), lane=new_index[n.lane],
                          **({"colour": pal.OTHER, "shape": CIRCLE} if n.lane in grouped_set
                             else {})) for n in chart.nodes)
    edges = tuple(replace(e, y0=move(e.y0), y1=move(e.y1),
                          route=tuple((x, move(yy)) for x, yy in e.route)) for e in chart.edges)
    names = {chart.lanes[i].label for i in grouped}
    key, codes_note = other_units_key([chart.lanes[i].code or chart.lanes[i].label
                                       for i in grouped])
    other = LegendEntry(key, pal.OTHER, "marker", CIRCLE)
    legend = [e for e in chart.legend if e.kind != "line" and e.label not in names]
    legend += [other, *(e for e in chart.legend if e.kind == "line")]
    return replace(chart, lanes=tuple(lanes), nodes=nodes, edges=edges, legend=tuple(legend),
                   notes=(*([codes_note] if codes_note else []), *chart.notes))


def pad_lanes(chart: DependencyChart, min_rows: float) -> DependencyChart:
    """``chart`` with every lane at least ``min_rows`` rows high (unchanged when all are),
    as ``roadmap.pad_lanes`` does it (``lanes.padded``): a padded lane keeps its nodes in
    its middle, the lanes below move down with their nodes, and the edges and their
    routes follow. A drawer picks ``min_rows`` with ``lanes.min_lane_rows`` so that every
    lane is tall enough for its name."""
    if not chart.lanes or min(lane.y1 - lane.y0 for lane in chart.lanes) >= min_rows:
        return chart
    lanes, move, height = padded(chart.lanes, min_rows)
    nodes = tuple(replace(n, y=move(n.y)) for n in chart.nodes)
    edges = tuple(replace(e, y0=move(e.y0), y1=move(e.y1),
                          route=tuple((x, move(y)) for x, y in e.route)) for e in chart.edges)
    return replace(chart, lanes=lanes, nodes=nodes, edges=edges, height=height)


def _label_room(rows: Sequence[InitiativeRow], font_px: float) -> float:
    """Pixels a node needs across: its marker, its label (the drawers print two spaces
    before the id) and a gap."""
    widest = max((text_size("  " + r.id, font_px)[0] for r in rows),
                 default=text_size("  EK-000", font_px)[0])
    return marker_px(font_px) / 2 + widest + 0.5 * font_px


def marker_px(font_px: float, row_px: float | None = None) -> float:
    """A node marker's diameter in pixels for labels of ``font_px`` (no taller than 80 %
    of a row of ``row_px`` when given)."""
    d = max(10.0, 1.3 * font_px)
    return min(d, 0.8 * row_px) if row_px else d


class _Router:
    """Edge routes round the node boxes (marker + label) at the planned plot size.

    Works in pixels (x right, y down); a box is a node's marker and label, no taller than
    90 % of a row, so the boundary between two rows is free to run along."""

    def __init__(self, nodes: Sequence[Node], x_axis: Axis, rows: float, font_px: float,
                 plot_px: tuple[float, float]) -> None:
        w, h = plot_px
        self.sx = w / max(x_axis.hi - x_axis.lo, 1e-9)
        self.sy = h / max(rows, 1.0)
        self.x_lo = x_axis.lo
        self.pad = max(2.0, 0.25 * font_px)
        r = marker_px(font_px, self.sy) / 2
        half = min(0.45 * self.sy, max(r, 0.6 * font_px))
        self.r = r
        self.index = {n.id: i for i, n in enumerate(nodes)}
        self.cx = np.array([(n.x - x_axis.lo) * self.sx for n in nodes])
        self.cy = np.array([n.y * self.sy for n in nodes])
        label_w = np.array([text_size("  " + n.label, font_px)[0] for n in nodes])
        self.box = np.stack([self.cx - r, self.cy - half, self.cx + np.maximum(r, label_w),
                             self.cy + half], axis=1)
        self.calls = 0

    def route(self, a: str, b: str) -> tuple[tuple[float, float], ...]:
        """The polyline (data units) from ``a``'s label end to ``b``'s marker."""
        i, j = self.index[a], self.index[b]
        start = (float(self.box[i, 2]) + self.pad, float(self.cy[i]))
        end = (float(self.cx[j]) - self.r - 1.0, float(self.cy[j]))
        if end[0] <= start[0] + self.pad:  # no room after the label: from the marker
            start = (float(self.cx[i]) + self.r, float(self.cy[i]))
            if end[0] <= start[0]:
                end = (float(self.cx[j]) - self.r, float(self.cy[j]))
        self.calls = 0
        pts = self._route(start, end, {i, j}, 0)
        kept = [pts[0]] + [b for a, b in zip(pts, pts[1:]) if b != a]
        if len(kept) > MAX_BENDS + 2:  # no tidy way round (a crowded date column): straight
            kept = [start, end]
        return tuple((self.x_lo + x / self.sx, y / self.sy) for x, y in kept)

    def _route(self, p: tuple[float, float], q: tuple[float, float], skip: set[int],
               depth: int) -> list[tuple[float, float]]:
        self.calls += 1
        hit = self._first_hit(p, q, skip)
        if hit is None or depth >= 6 or self.calls > 60:
            return [p, q]
        x0, y0, x1, y1 = self.box[hit]
        dx = q[0] - p[0]
        t = 0.5 if abs(dx) < 1e-9 else min(1.0, max(0.0, ((x0 + x1) / 2 - p[0]) / dx))
        y_line = p[1] + t * (q[1] - p[1])
        row = math.floor(self.cy[hit] / self.sy)
        above, below = row * self.sy, (row + 1) * self.sy
        cy = float(self.cy[hit])
        p_side = above if p[1] <= cy else below
        q_side = above if q[1] <= cy else below
        if p[0] > x0 - self.pad and q[0] < x1 + self.pad and p_side != q_side:
            # p and q beside the box on either side of it: round its right end
            x = float(x1) + self.pad
            corners = [(p[0], p_side), (x, p_side), (x, q_side), (q[0], q_side)]
            out = [p]
            for c in corners + [q]:
                out = out[:-1] + self._route(out[-1], c, skip, depth + 1)
            return out
        if p[0] > x0 - self.pad:  # p is beside the box: pass on p's side of it
            lane_y = p_side
        elif q[0] < x1 + self.pad:  # likewise q
            lane_y = q_side
        else:  # the boundary nearer the straight line
            lane_y = above if abs(y_line - above) < abs(y_line - below) or (
                abs(y_line - above) == abs(y_line - below) and q[1] < p[1]) else below
        a = (float(x0) - self.pad, float(lane_y))
        b = (float(x1) + self.pad, float(lane_y))
        if a[0] <= p[0]:  # the box begins behind p (p is beside it): pass from p's x
            a = (p[0], a[1])
        if b[0] >= q[0]:
            b = (q[0] - self.pad / 2, b[1])
        head = self._route(p, a, skip, depth + 1)
        mid = self._route(a, b, skip, depth + 1)
        tail = self._route(b, q, skip, depth + 1)
        return head[:-1] + mid[:-1] + tail

    def _first_hit(self, p: tuple[float, float], q: tuple[float, float],
                   skip: set[int]) -> int | None:
        """The box the segment p→q enters first (Liang–Barsky clipping against every box
        at once), boxes in ``skip`` aside; None when it crosses none."""
        box = self.box
        d = (q[0] - p[0], q[1] - p[1])
        t_in = np.zeros(len(box))
        t_out = np.ones(len(box))
        for k, (lo, hi) in enumerate(((box[:, 0], box[:, 2]), (box[:, 1], box[:, 3]))):
            if abs(d[k]) < 1e-12:
                outside = (p[k] <= lo) | (p[k] >= hi)
                t_in = np.where(outside, 2.0, t_in)
                continue
            ta, tb = (lo - p[k]) / d[k], (hi - p[k]) / d[k]
            t_in = np.maximum(t_in, np.minimum(ta, tb))
            t_out = np.minimum(t_out, np.maximum(ta, tb))
        hits = (t_in < t_out - 1e-9) & (t_out > 1e-9) & (t_in < 1 - 1e-9)
        for k in skip:
            hits[k] = False
        if not hits.any():
            return None
        candidates = np.flatnonzero(hits)
        return int(candidates[np.argmin(t_in[candidates])])
