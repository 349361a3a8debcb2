"""Dependency analysis on small hand-made graphs: cycles, diamonds, disconnected parts."""

from __future__ import annotations

from datetime import date

import pytest

from app.services import dependencies as dep
from app.services.errors import UserError
from app.services.snapshots import InitiativeRow, UnitInfo


def row(iid: str, requires: list[str] = (), unit: int | None = 1,
        start: date | None = None, end: date | None = None) -> InitiativeRow:
    return InitiativeRow(
        id=iid, title=f"Tiltag {iid}", description="", lead_unit_id=unit, lead_department="",
        departments=[], unit_ids=[], phase="proposal", kind="development", audience="internal",
        maturity_level=None, mandatory=False, marked_mandatory=False, outside_frame=False,
        confidential=False, start_date=start, end_date=end, total_cost=None, total_benefit=None,
        internal_fte=0.0, requires=list(requires),
    )


UNITS = {
    1: UnitInfo(1, "BUF", "Børne- og Ungeforvaltningen", "forvaltning", None, 1),
    2: UnitInfo(2, "SOF", "Social- og Sundhedsforvaltningen", "forvaltning", None, 2),
    3: UnitInfo(3, "SKO", "Skoleafdelingen", "afdeling", 1, 1),
}

# diamond: D requires B and C; B and C require A.  Plus a disconnected pair X requires Y.
DIAMOND = [row("A"), row("B", ["A"]), row("C", ["A"], unit=2), row("D", ["B", "C"], unit=3),
           row("X", ["Y"]), row("Y")]


def test_self_dependency_is_refused_by_name():
    with pytest.raises(UserError, match="A"):
        dep.check_new_dependency([], "A", "A")


def test_dependency_closing_a_cycle_names_the_whole_cycle():
    edges = [("B", "A"), ("C", "B")]  # B requires A, C requires B
    with pytest.raises(UserError) as info:
        dep.check_new_dependency(edges, "A", "C")  # A requires C closes A→C→B→A
    message = str(info.value)
    assert "A requires C requires B requires A" in message or "A kræver C kræver B kræver A" in message


def test_acceptable_dependency_passes_and_duplicate_is_refused():
    edges = [("B", "A"), ("C", "B")]
    dep.check_new_dependency(edges, "C", "A")  # a shortcut, no cycle
    dep.check_new_dependency(edges, "Z", "Q")  # unknown ids: nothing to close
    with pytest.raises(UserError):
        dep.check_new_dependency(edges, "B", "A")


def test_diamond_generations_and_no_cycles():
    graph = dep.graph_from_rows(DIAMOND)
    assert dep.find_cycles(graph) == []
    assert dep.generations(graph) == {"A": 0, "B": 1, "C": 1, "D": 2, "Y": 0, "X": 1}


def test_upstream_and_downstream_are_transitive_and_stay_in_their_component():
    graph = dep.graph_from_rows(DIAMOND)
    assert dep.upstream(graph, "D") == {"A", "B", "C"}
    assert dep.downstream(graph, "A") == {"B", "C", "D"}
    assert dep.upstream(graph, "A") == set()
    assert dep.downstream(graph, "Y") == {"X"}


def test_cycles_are_named_once_per_knot_and_their_edges_marked():
    rows = [row("A", ["C"]), row("B", ["A"]), row("C", ["B"]), row("D", ["A"]),
            row("S", ["S"])]
    graph = dep.graph_from_rows(rows)
    cycles = dep.find_cycles(graph)
    assert cycles == [["A", "C", "B"], ["S"]]  # A requires C requires B requires A
    assert dep.cycle_edges(graph) == {("C", "A"), ("A", "B"), ("B", "C"), ("S", "S")}
    gens = dep.generations(graph)
    assert gens["A"] == gens["B"] == gens["C"] == 0 and gens["D"] == 1


def test_cross_unit_edges_use_the_forvaltning_of_the_lead_unit():
    # D is led by an afdeling under forvaltning 1, so D→B does not cross; D→C does.
    assert dep.cross_unit_edges(DIAMOND, UNITS) == [("C", "A"), ("D", "C")]


def test_unit_matrix_counts_dependant_rows_against_prerequisite_columns():
    matrix = dep.unit_matrix(DIAMOND, UNITS)
    assert matrix.unit_ids == [1, 2]
    assert matrix.counts == [[3, 1], [1, 0]]  # B→A, D→B, X→Y in 1; D→C; C→A
    assert matrix.total() == 5


def test_critical_chain_follows_the_longest_total_duration():
    rows = [
        row("A", start=date(2027, 1, 1), end=date(2027, 3, 1)),  # 59 days
        row("B", ["A"], start=date(2027, 3, 1), end=date(2027, 4, 1)),  # 31
        row("C", ["A"], start=date(2027, 3, 1), end=date(2027, 12, 1)),  # 275
        row("D", ["B", "C"], start=date(2028, 1, 1), end=date(2028, 1, 11)),  # 10
        row("Z"),
    ]
    chain = dep.critical_chain(rows)
    assert chain.ids == ["A", "C", "D"]
    assert chain.days == 59 + 275 + 10
    assert dep.critical_chain([]) == dep.CriticalChain([], 0)


def test_critical_chain_survives_a_cycle():
    rows = [row("A", ["B"], start=date(2027, 1, 1), end=date(2027, 2, 1)),
            row("B", ["A"], start=date(2027, 1, 1), end=date(2027, 1, 5))]
    assert dep.critical_chain(rows).days == 31


def test_roadmap_conflict_when_dependant_starts_before_prerequisite_ends():
    rows = [
        row("A", start=date(2027, 1, 1), end=date(2027, 6, 30)),
        row("B", ["A"], start=date(2027, 6, 1), end=date(2027, 9, 1)),  # conflict: 29 days
        row("C", ["A"], start=date(2027, 7, 1)),  # fine
        row("D", ["A"]),  # no start date: cannot conflict
    ]
    conflicts = dep.roadmap_conflicts(rows)
    assert [(c.dependant, c.prerequisite, c.overlap_days) for c in conflicts] == [("B", "A", 29)]


def test_analyse_bundles_everything():
    report = dep.analyse(DIAMOND, UNITS)
    assert report.cycles == [] and report.matrix.total() == 5
    assert set(report.generation) == {r.id for r in DIAMOND}
