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

Styles are resolved here (colour, width, line) so the two drawers agree: ordinary edges
grey, cross-forvaltning edges black and thicker, edges on a cycle or in a roadmap conflict
vermillion and dashed, the selected initiative's chains black and thickest; nodes carry
the forvaltning's colour and shape, and flags for rings/dimming.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.services import dependencies as dep
from app.services.charts import palette
from app.services.charts.lanes import Lane, lane_units, stack_lanes
from app.services.charts.model import LINE_DASHED, LINE_SOLID, Axis, LegendEntry, Tick
from app.services.charts.ticks import date_axis
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo

#: Node flags.
SELECTED, UPSTREAM, DOWNSTREAM = "selected", "upstream", "downstream"
CYCLE, CONFLICT, CRITICAL, MANDATORY = "cycle", "conflict", "critical", "mandatory"
#: Above this many nodes, labels are shown only when zoomed in (``labels_by_default``).
LABEL_LIMIT = 200
#: Plot width (px) the layout plans label room for (the main window at 1280×720).
NOMINAL_PLOT_PX = 760.0
#: A step's group of one lane wraps into sub-columns when it has more nodes than this.
WRAP_ROWS = 6


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


def _lane_key(row: InitiativeRow, units: Mapping[int, UnitInfo]) -> int | None:
    return dep.forvaltning_of(row, units)


def _x_positions(
    rows: Sequence[InitiativeRow], report: dep.DependencyReport, mode: str
) -> tuple[dict[str, float], Axis, float, str]:
    """x per node, the x axis, the least x distance two nodes in one row may have, and
    the mode used (date mode falls back to generations when no initiative has a date)."""
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
    gap = span / 12.0  # nominal: a label of ~10 characters is 1/12 of the plot width
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
) -> DependencyChart:
    """Lay out the dependency chart of ``rows`` (see the module docstring).

    ``selected`` (an initiative id) flags its upstream and downstream and dims the rest.
    ``report`` may be passed when ``dependencies.analyse`` already ran. Cost: linear in
    nodes + edges apart from sorting; 1,000 nodes and 3,000 edges lay out in well under
    a second.
    """
    report = report or dep.analyse(rows, units)
    styles = palette.unit_styles(units)
    xs, x_axis, gap, mode = _x_positions(rows, report, mode)
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
        label_px = (max((len(r.id) for r in rows), default=6) + 3) * 0.6 * 12.0
        wrap = max(1, int(0.85 * NOMINAL_PLOT_PX / (steps + 0.5) / label_px))
        groups: dict[tuple[int, int], list[InitiativeRow]] = defaultdict(list)
        for li, members in by_lane.items():
            for r in members:
                groups[(int(xs[r.id]), li)].append(r)
        for g, li in sorted(groups):
            group = sorted(groups[(g, li)], key=bary)
            k = min(wrap, max(1, -(-len(group) // WRAP_ROWS)))
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
        labels_by_default=len(nodes) <= LABEL_LIMIT, height=y0, what_if=what_if,
    )
