"""Dependency analysis (afhængigheder) over the portfolio, with networkx; no Qt.

A dependency "A requires B" (``Dependency.initiative_id`` = A, ``requires_id`` = B) means
B must be chosen, and finish, before A (DESIGN §3). In the graphs built here an edge
points the way the work flows: **B → A, prerequisite → dependant**, so a topological
order is an order of execution and "upstream" of A is what A needs.

Everything takes plain data: ``edges`` as ``(initiative_id, requires_id)`` pairs (the
order of the ``Dependency`` columns), or ``InitiativeRow`` snapshots (whose ``requires``
lists give the edges) and the ``UnitInfo`` map of ``snapshots.load_units``.

Errors: ``check_new_dependency`` raises ``UserError`` naming the whole cycle; nothing
else raises on a cyclic portfolio — cycles are reported (``find_cycles``) and analyses
that need an order work on the condensation (a cycle counts as one step).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from app.services.errors import UserError
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo

Edge = tuple[str, str]  # (initiative_id, requires_id): the first requires the second


def build_graph(
    edges: Iterable[Edge], nodes: Iterable[str] = ()
) -> nx.DiGraph:
    """A ``DiGraph`` with an edge prerequisite → dependant for each ``(a, b)`` = "a requires b".

    ``nodes`` adds initiatives without dependencies (so they are placed in charts too).
    """
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((b, a) for a, b in edges)
    return graph


def graph_from_rows(rows: Iterable[InitiativeRow]) -> nx.DiGraph:
    """The dependency graph of the initiatives (prerequisite → dependant).

    A ``requires`` id that names no initiative among ``rows`` is left out (it cannot be
    shown or scheduled); ``snapshots.load_initiatives`` never produces one.
    """
    rows = list(rows)
    ids = {r.id for r in rows}
    return build_graph(
        ((r.id, b) for r in rows for b in r.requires if b in ids), (r.id for r in rows)
    )


def cycle_text(cycle: Sequence[str]) -> str:
    """``A requires B requires C requires A`` for a cycle given in requires order."""
    sep = _(" requires ")
    return sep.join([*cycle, cycle[0]])


def find_cycles(graph: nx.DiGraph) -> list[list[str]]:
    """One named cycle per knot of mutually dependent initiatives, in "requires" order.

    Returns lists of ids ``[A, B, C]`` meaning A requires B requires C requires A, one per
    strongly connected component with more than one initiative (or a self-loop), sorted
    for a stable report. Listing every elementary cycle could be exponential; one per
    component names each knot, and ``cycle_edges`` marks all edges that lie on a cycle.
    """
    cycles: list[list[str]] = []
    for component in nx.strongly_connected_components(graph):
        if len(component) == 1:
            (node,) = component
            if graph.has_edge(node, node):
                cycles.append([node])
            continue
        sub = graph.subgraph(component)
        start = min(component)
        found = nx.find_cycle(sub, source=start)
        flow_order = [u for u, _v in found]  # prerequisite → dependant
        requires_order = list(reversed(flow_order))
        pivot = requires_order.index(min(requires_order))
        cycles.append(requires_order[pivot:] + requires_order[:pivot])
    return sorted(cycles)


def cycle_edges(graph: nx.DiGraph) -> set[tuple[str, str]]:
    """Every edge (prerequisite, dependant) that lies on some cycle.

    An edge lies on a cycle exactly when both its ends are in the same strongly connected
    component (or it is a self-loop).
    """
    comp_of: dict[str, int] = {}
    for i, component in enumerate(nx.strongly_connected_components(graph)):
        for node in component:
            comp_of[node] = i
    return {(u, v) for u, v in graph.edges if comp_of[u] == comp_of[v]}


def check_new_dependency(edges: Iterable[Edge], a: str, b: str) -> None:
    """Refuse "``a`` requires ``b``" if it is a self-dependency, a duplicate, or closes a cycle.

    ``edges`` are the existing ``(initiative_id, requires_id)`` pairs. Raises
    ``UserError`` naming the whole cycle ("A requires B requires C requires A") so the
    user sees which dependency to remove (DESIGN §9). Returns None when acceptable.
    """
    if a == b:
        raise UserError(_("{id} cannot depend on itself.").format(id=a))
    edge_list = list(edges)
    if (a, b) in set(edge_list):
        raise UserError(_("{a} already requires {b}.").format(a=a, b=b))
    requires: nx.DiGraph = nx.DiGraph()
    requires.add_edges_from(edge_list)
    if requires.has_node(b) and requires.has_node(a) and nx.has_path(requires, b, a):
        path = nx.shortest_path(requires, b, a)  # b requires … requires a
        cycle = [a, *path[:-1]]
        raise UserError(
            _("The dependency would close a cycle: {cycle}.").format(cycle=cycle_text(cycle))
        )


def generations(graph: nx.DiGraph) -> dict[str, int]:
    """Topological generation of each initiative: 0 needs nothing, n needs something at n−1.

    Initiatives on a cycle share a generation (the graph's condensation is layered).
    """
    condensed = nx.condensation(graph)
    out: dict[str, int] = {}
    for level, members in enumerate(nx.topological_generations(condensed)):
        for comp in members:
            for node in condensed.nodes[comp]["members"]:
                out[node] = level
    return out


def upstream(graph: nx.DiGraph, initiative_id: str) -> set[str]:
    """Everything ``initiative_id`` needs, directly or transitively (itself not included)."""
    return set(nx.ancestors(graph, initiative_id)) - {initiative_id}


def downstream(graph: nx.DiGraph, initiative_id: str) -> set[str]:
    """Everything that depends on ``initiative_id``, directly or transitively."""
    return set(nx.descendants(graph, initiative_id)) - {initiative_id}


def forvaltning_of(row: InitiativeRow, units: Mapping[int, UnitInfo]) -> int | None:
    """The forvaltning (top unit) id of the initiative's lead unit; None when it has none."""
    if row.lead_unit_id is None or row.lead_unit_id not in units:
        return None
    return units[row.lead_unit_id].forvaltning_id


def cross_unit_edges(
    rows: Sequence[InitiativeRow], units: Mapping[int, UnitInfo]
) -> list[Edge]:
    """Dependencies ``(initiative_id, requires_id)`` whose two lead forvaltninger differ.

    An initiative without a lead unit crosses nothing (its forvaltning is unknown).
    """
    fv = {r.id: forvaltning_of(r, units) for r in rows}
    out: list[Edge] = []
    for r in rows:
        for b in r.requires:
            fa, fb = fv.get(r.id), fv.get(b)
            if fa is not None and fb is not None and fa != fb:
                out.append((r.id, b))
    return sorted(out)


@dataclass(frozen=True)
class UnitMatrix:
    """Counts of dependencies between forvaltninger.

    ``counts[i][j]`` = number of dependencies where an initiative led by
    ``unit_ids[i]`` requires one led by ``unit_ids[j]`` (row = dependant, column =
    prerequisite). ``unit_ids`` are forvaltning ids in ``load_units`` order; an
    initiative without a lead unit is left out.
    """

    unit_ids: list[int]
    counts: list[list[int]]

    def total(self) -> int:
        return sum(map(sum, self.counts))


def unit_matrix(rows: Sequence[InitiativeRow], units: Mapping[int, UnitInfo]) -> UnitMatrix:
    """The forvaltning × forvaltning matrix of dependencies (see ``UnitMatrix``)."""
    order = [u.id for u in units.values() if u.forvaltning_id == u.id]
    index = {uid: i for i, uid in enumerate(order)}
    counts = [[0] * len(order) for _u in order]
    fv = {r.id: forvaltning_of(r, units) for r in rows}
    for r in rows:
        fa = fv[r.id]
        for b in r.requires:
            fb = fv.get(b)
            if fa is not None and fb is not None:
                counts[index[fa]][index[fb]] += 1
    return UnitMatrix(order, counts)


def duration_days(row: InitiativeRow) -> int:
    """Duration in days from start to end date; 0 when either date is missing or reversed."""
    if row.start_date is None or row.end_date is None:
        return 0
    return max(0, (row.end_date - row.start_date).days)


@dataclass(frozen=True)
class CriticalChain:
    """The chain of dependencies with the longest total duration.

    ``ids`` in execution order (first prerequisite first); ``days`` the sum of their
    durations (``duration_days``), i.e. the least time the chain takes if each waits only
    for its prerequisite.
    """

    ids: list[str]
    days: int


def critical_chain(rows: Sequence[InitiativeRow]) -> CriticalChain:
    """The critical chain by duration (longest path with node weights = days).

    Edges on a cycle are left out (a cycle has no order; ``find_cycles`` reports it).
    Initiatives without dates weigh 0. An empty portfolio gives ``CriticalChain([], 0)``.
    """
    graph = graph_from_rows(rows)
    graph.remove_edges_from(list(cycle_edges(graph)))
    days = {r.id: duration_days(r) for r in rows}
    best: dict[str, int] = {}
    prev: dict[str, str | None] = {}
    for node in nx.topological_sort(graph):
        preds = list(graph.predecessors(node))
        before = max(preds, key=lambda p: (best[p], p), default=None)
        best[node] = days[node] + (best[before] if before is not None else 0)
        prev[node] = before
    if not best:
        return CriticalChain([], 0)
    end = max(best, key=lambda n: (best[n], n))
    chain: list[str] = []
    node: str | None = end
    while node is not None:
        chain.append(node)
        node = prev[node]
    return CriticalChain(list(reversed(chain)), best[end])


@dataclass(frozen=True)
class RoadmapConflict:
    """``dependant`` starts before its prerequisite ``prerequisite`` ends.

    ``overlap_days`` = prerequisite end − dependant start (> 0).
    """

    dependant: str
    prerequisite: str
    dependant_start: date
    prerequisite_end: date
    overlap_days: int = field(default=0)


def roadmap_conflicts(rows: Sequence[InitiativeRow]) -> list[RoadmapConflict]:
    """Every dependency whose dependant starts before the prerequisite's end date.

    Pairs where either date is missing cannot conflict. Sorted by dependant, prerequisite.
    """
    by_id = {r.id: r for r in rows}
    out: list[RoadmapConflict] = []
    for r in rows:
        if r.start_date is None:
            continue
        for b in r.requires:
            pre = by_id.get(b)
            if pre is None or pre.end_date is None:
                continue
            if r.start_date < pre.end_date:
                out.append(
                    RoadmapConflict(
                        r.id, b, r.start_date, pre.end_date, (pre.end_date - r.start_date).days
                    )
                )
    return sorted(out, key=lambda c: (c.dependant, c.prerequisite))


@dataclass(frozen=True)
class DependencyReport:
    """All analyses of one portfolio at once (what the charts and the PDF need)."""

    graph: nx.DiGraph
    cycles: list[list[str]]
    on_cycle: set[tuple[str, str]]  # (prerequisite, dependant) edges on a cycle
    generation: dict[str, int]
    cross_unit: list[Edge]
    matrix: UnitMatrix
    chain: CriticalChain
    conflicts: list[RoadmapConflict]


def analyse(rows: Sequence[InitiativeRow], units: Mapping[int, UnitInfo]) -> DependencyReport:
    """Run every analysis of this module once over the snapshots."""
    graph = graph_from_rows(rows)
    return DependencyReport(
        graph=graph,
        cycles=find_cycles(graph),
        on_cycle=cycle_edges(graph),
        generation=generations(graph),
        cross_unit=cross_unit_edges(rows, units),
        matrix=unit_matrix(rows, units),
        chain=critical_chain(rows),
        conflicts=roadmap_conflicts(rows),
    )
