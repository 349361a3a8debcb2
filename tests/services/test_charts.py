"""Chart descriptions: palette, ticks, label placement and each chart on hand-made data."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.charts import balance, bubble, dependency_chart, followup, heatmap, labels
from app.services.charts import palette, roadmap, ticks
from app.services.charts.model import SHAPES
from app.services.snapshots import InitiativeRow, UnitInfo
from tests.geometry import segment_hits_box
from tests.services.test_dependencies import row

UNITS = {
    1: UnitInfo(1, "BUF", "Børne- og Ungeforvaltningen", "forvaltning", None, 1),
    2: UnitInfo(2, "SOF", "Social- og Sundhedsforvaltningen", "forvaltning", None, 2),
    3: UnitInfo(3, "SKO", "Skoleafdelingen", "afdeling", 1, 1),
    4: UnitInfo(4, "TMF", "Teknik- og Miljøforvaltningen", "forvaltning", None, 4),
}


def test_each_forvaltning_keeps_one_okabe_ito_colour_and_shape_by_sort_order():
    styles = palette.unit_styles(UNITS)
    assert list(styles) == [1, 2, 4]  # afdelinger take their forvaltning's style
    assert palette.unit_colours(UNITS) == {1: "#0072B2", 2: "#E69F00", 4: "#009E73"}
    assert [s.shape for s in styles.values()] == list(SHAPES[:3])
    many = {i: UnitInfo(i, f"U{i}", f"Enhed {i}", "forvaltning", None, i) for i in range(1, 30)}
    pairs = [(s.colour, s.shape) for s in palette.unit_styles(many).values()]
    assert len(set(pairs)) == len(pairs)  # colour + shape tell every unit apart
    assert palette.FLAG not in palette.UNIT_COLOURS


def test_nice_ticks_cover_the_range_with_round_steps():
    axis = ticks.number_axis("Score", 0.0, 0.83)
    assert axis.lo == 0.0 and axis.hi >= 0.83
    assert [t.value for t in axis.ticks][:3] == [0.0, 0.2, 0.4]
    money = ticks.amount_axis("Udgift", 0, 12_300_000)
    assert [t.label for t in money.ticks] == ["0", "5", "10", "15"]
    assert money.title in ("Udgift (mio. kr.)", "Udgift (m kr.)")  # one scale, named once
    assert money.ticks[1].value == 5_000_000  # positions stay in kr.
    assert ticks.compact_amount(2_500_000, "GBP").endswith("GBP")


def test_greedy_labels_never_overlap_and_crowded_ones_are_hidden():
    pts = [(100.0 + (i % 5) * 3, 100.0 + (i // 5) * 3) for i in range(25)]  # a tight clump
    sizes = [labels.text_size("EK-0%02d" % i, 13) for i in range(25)]
    pos = labels.place_labels(pts, sizes, [4.0] * 25, (400.0, 300.0))
    boxes = [labels.label_box(*pts[i], *sizes[i], 4.0, p) for i, p in enumerate(pos) if p]
    assert 1 <= len(boxes) < 25
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def _dated():
    return [
        row("A", start=date(2027, 1, 1), end=date(2027, 6, 30)),
        row("B", ["A"], unit=2, start=date(2027, 6, 1), end=date(2027, 12, 31)),
        row("C", ["A"], unit=3, start=date(2027, 8, 1), end=date(2028, 3, 1)),
        row("D", ["B", "C"], unit=4),
        row("E", unit=None, start=date(2028, 1, 1)),
    ]


def test_dependency_chart_lanes_nodes_and_flagged_edges():
    chart = dependency_chart.dependency_chart(_dated(), UNITS, selected="C")
    assert [lane.label for lane in chart.lanes] == [
        "Børne- og Ungeforvaltningen", "Social- og Sundhedsforvaltningen",
        "Teknik- og Miljøforvaltningen", chart.lanes[3].label]
    nodes = {n.id: n for n in chart.nodes}
    assert nodes["C"].lane == 0 and nodes["B"].lane == 1  # afdeling SKO sits in BUF's lane
    assert nodes["A"].x == 0 and nodes["D"].x == 2
    assert "upstream" in nodes["A"].flags and "downstream" in nodes["D"].flags
    assert nodes["B"].dimmed and not nodes["A"].dimmed
    edges = {(e.prerequisite, e.dependant): e for e in chart.edges}
    assert edges[("A", "B")].conflict and edges[("A", "B")].colour == palette.FLAG
    assert edges[("A", "B")].line == "dashed" and edges[("A", "B")].cross_unit
    assert edges[("A", "C")].highlighted and not edges[("A", "C")].cross_unit
    assert any("B" in note and "A" in note for note in chart.notes)
    # a node of one lane never sits on another node
    spots = [(n.x, n.y) for n in chart.nodes]
    assert len(set(spots)) == len(spots)


def test_dependency_chart_by_date_puts_undated_left_and_stacks_colliding_nodes():
    rows = _dated() + [row("F", unit=1, start=date(2027, 1, 2))]
    chart = dependency_chart.dependency_chart(rows, UNITS, mode="date")
    nodes = {n.id: n for n in chart.nodes}
    assert chart.mode == "date"
    assert nodes["D"].x < nodes["A"].x  # no date: the "No date" column
    assert nodes["A"].y != nodes["F"].y  # a day apart in one lane: stacked rows
    assert chart.x_axis.ticks[0].label in ("No date", "Uden dato")


def test_dependency_chart_with_a_cycle_flags_the_cycle_edges():
    rows = [row("A", ["B"]), row("B", ["A"]), row("C", ["A"])]
    chart = dependency_chart.dependency_chart(rows, UNITS)
    cyc = [e for e in chart.edges if e.cycle]
    assert len(cyc) == 2 and all(e.colour == palette.FLAG for e in cyc)
    assert chart.notes and "A" in chart.notes[0]


def test_heatmap_counts_cross_departmental_work_off_the_diagonal():
    chart = heatmap.heatmap_chart(_dated(), UNITS)
    assert [c.code for c in chart.rows] == ["BUF", "SOF", "TMF"]
    grid = {(c.row, c.col): c.count for c in chart.cells}
    assert grid[(0, 0)] == 1  # C→A inside BUF
    assert grid[(1, 0)] == 1 and grid[(2, 0)] == 1 and grid[(2, 1)] == 1
    assert chart.total == 4 and chart.cross_total == 3
    assert all(c.fill == "#FFFFFF" for c in chart.cells if c.count == 0)


def test_roadmap_bars_arrows_and_budget_years():
    chart = roadmap.roadmap_chart(_dated(), UNITS, 2027)
    bars = {b.id: b for b in chart.bars}
    assert "D" not in bars and chart.undated == ("D",)
    assert bars["E"].milestone and bars["E"].x0 == bars["E"].x1
    assert bars["A"].x0 == date(2027, 1, 1).toordinal()
    arrows = {(a.prerequisite, a.dependant): a for a in chart.arrows}
    assert arrows[("A", "B")].conflict and not arrows[("A", "C")].conflict
    assert arrows[("A", "C")].x0 == bars["A"].x1 and arrows[("A", "C")].x1 == bars["C"].x0
    assert [b.x0 for b in chart.bands] == [date(y, 1, 1).toordinal() for y in range(2027, 2031)]
    assert [b.label for b in chart.bands][1:] in (["OY1", "OY2", "OY3"], ["BO1", "BO2", "BO3"])


def test_bubble_chart_sizes_by_npv_and_places_labels_without_overlap():
    items = [bubble.BubbleInput(f"I{i:03d}", f"Tiltag {i}", 1e5 * (1 + i % 17), (i % 10) / 10,
                                (i - 20) * 1e5, 1 + i % 2) for i in range(80)]
    items.append(bubble.BubbleInput("NOCOST", "Uden pris", None, 0.5, None, 1))
    chart = bubble.bubble_chart(items, UNITS)
    assert len(chart.bubbles) == 80 and not chart.x_log
    assert any("NOCOST" in n for n in chart.notes)
    b = {x.id: x for x in chart.bubbles}
    assert b["I000"].hollow and not b["I079"].hollow  # negative NNV is hollow
    assert b["I079"].radius == bubble.R_MAX
    labelled = [x for x in chart.bubbles if x.label_position]
    assert 0 < len(labelled) <= bubble.MAX_LABELS
    w, h = chart.nominal_plot
    boxes = []
    for x in labelled:
        px = (x.x - chart.x_axis.lo) / (chart.x_axis.hi - chart.x_axis.lo) * w
        py = (x.y - chart.y_axis.lo) / (chart.y_axis.hi - chart.y_axis.lo) * h
        boxes.append(labels.label_box(px, py, *labels.text_size(x.label, chart.font_px),
                                      x.radius, x.label_position))
    for i, a in enumerate(boxes):
        for c in boxes[i + 1:]:
            assert not (a[0] < c[2] and c[0] < a[2] and a[1] < c[3] and c[1] < a[3])


def test_bubble_chart_goes_logarithmic_when_costs_span_orders_of_magnitude():
    items = [bubble.BubbleInput(f"P{i}", "", 10.0 ** (5 + i), 0.5, None, 1) for i in range(5)]
    chart = bubble.bubble_chart(items, UNITS, currency="GBP")
    assert chart.x_log and chart.x_axis.lo == 5 and chart.x_axis.hi == 9
    assert "GBP" in chart.x_axis.title and chart.x_axis.ticks[-1].label.startswith("1")


def test_balance_splits_money_and_count_by_forvaltning():
    rows = _dated()
    rows[0].total_cost, rows[1].total_cost = 1_000_000.0, 3_000_000.0
    rows[1].kind, rows[2].audience = "operation", "citizen"
    rows.append(row("X", unit=1))
    rows[-1].phase = "rejected"  # not part of the portfolio
    charts = balance.balance_chart(rows, UNITS).charts
    kind_money, kind_count, aud_money, aud_count = charts
    whole = kind_money.bars[0]
    assert [(s.series, s.value) for s in whole.segments] == [(0, 1_000_000.0), (1, 3_000_000.0)]
    assert sum(s.value for s in kind_count.bars[0].segments) == 5
    assert [b.label for b in kind_count.bars][1] == "Børne- og Ungeforvaltningen"
    assert sum(s.value for s in aud_count.bars[0].segments) == 5
    assert aud_count.bars[0].segments[1].value == 1
    assert kind_money.series[0].pattern != kind_money.series[1].pattern


def test_maturity_counts_tagged_initiatives_and_names_the_untagged():
    rows = _dated()
    rows[0].maturity_level, rows[1].maturity_level = "transaction", "transaction"
    rows[2].maturity_level = "web_presence"
    chart = balance.maturity_chart(rows, UNITS)
    whole = chart.bars[0]
    assert {chart.series[s.series].name: s.value for s in whole.segments} in (
        {"Digital transaction": 2, "Web presence": 1},
        {"Digital transaktion": 2, "Web-tilstedeværelse": 1},
    )
    assert any("2" in n and "5" in n for n in chart.notes)


def test_followup_band_fans_from_baseline_and_judges_the_latest_measurement():
    item = followup.FollowupInput(
        "Andel digitale ansøgninger", "%", 40.0, date(2027, 1, 1), 60.0, 70.0, 80.0,
        date(2028, 1, 1), ((date(2027, 7, 2), 58.0), (date(2027, 4, 1), 45.0)),
    )
    chart = followup.followup_chart(item)
    b0 = date(2027, 1, 1).toordinal()
    assert chart.band[0] == (b0, 40.0) and chart.band[1][1] == 60.0 and chart.band[2][1] == 80.0
    assert [m.y for m in chart.measurements] == [45.0, 58.0]
    assert chart.status == "within"  # half way: band 50..60 at mid-year
    ahead = followup.followup_chart(
        followup.FollowupInput("x", "", 40.0, date(2027, 1, 1), 60.0, 70.0, 80.0,
                               date(2028, 1, 1), ((date(2027, 7, 2), 75.0),)))
    assert ahead.status == "ahead"
    lower_better = followup.followup_chart(
        followup.FollowupInput("Sagsbehandlingstid", "dage", 30.0, date(2027, 1, 1), 25.0,
                               20.0, 15.0, date(2028, 1, 1), ((date(2027, 12, 1), 28.0),)))
    assert lower_better.status == "behind"
    empty = followup.followup_chart(followup.FollowupInput("y", "", None, None, None, None,
                                                           None, None, ()))
    assert empty.status == "" and empty.band == ()


def test_bubble_inputs_read_the_same_numbers_as_the_initiative_rows_and_the_ranking(tmp_path):
    """``bubble_inputs`` reads only the columns it needs; it must give what the full
    snapshot rows (cost, mandatory, lead forvaltning), ``scoring.rank`` and
    ``economics.npv_by_initiative`` say, on the demo (obliging requirements, afdelinger,
    initiatives without a lead unit)."""
    from app.services import economics, scoring
    from app.services.charts.sources import bubble_inputs
    from app.services.demo import create_demo
    from app.services.snapshots import load_initiatives, load_units
    from app.services.store import open_portfolio

    path = tmp_path / "demo.portfolio"
    create_demo(path)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        rows, units = load_initiatives(s), load_units(s)
        npv = economics.npv_by_initiative(s)
        score = {r.id: r.score for r in scoring.rank(s).rows}
        expected = [
            bubble.BubbleInput(r.id, r.title, r.total_cost, score[r.id], npv.get(r.id),
                               units[r.lead_unit_id].forvaltning_id if r.lead_unit_id else None,
                               r.mandatory)
            for r in rows
        ]
        got = bubble_inputs(s)
        assert got == expected
        assert any(r.mandatory and not r.marked_mandatory for r in rows)  # by a requirement


@pytest.fixture(scope="module")
def demo_rows(tmp_path_factory):
    from app.services.demo import create_demo
    from app.services.snapshots import load_initiatives, load_units
    from app.services.store import open_portfolio

    path = tmp_path_factory.mktemp("demo") / "demo.portfolio"
    create_demo(path)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        return load_initiatives(s), load_units(s)


@pytest.mark.parametrize("font_px, plot_px", [(11.5, (760.0, 500.0)), (24.0, (860.0, 520.0))])
@pytest.mark.parametrize("mode", ["generation", "date"])
def test_dependency_labels_do_not_overlap_and_edges_pass_beside_them(demo_rows, font_px,
                                                                     plot_px, mode):
    """At the size a chart is planned for (the main window; a 1280×720 slide with 24 px
    type), no two labels overlap and no edge runs through another node's marker or
    label (boxes as ``labels.text_size`` estimates them, which bound the drawn text)."""
    rows, units = demo_rows
    chart = dependency_chart.dependency_chart(rows, units, mode=mode, font_px=font_px,
                                              plot_px=plot_px)
    assert chart.labels_by_default and chart.edges
    sx = plot_px[0] / (chart.x_axis.hi - chart.x_axis.lo)
    sy = plot_px[1] / chart.height
    if mode == "generation":
        assert sy >= dependency_chart.ROW_EM * font_px  # label rows fit the plot's height
    r = dependency_chart.marker_px(font_px, sy) / 2
    h = min(0.45 * sy, 0.5 * font_px)  # the drawn text's height about its row's middle
    boxes = {}
    for n in chart.nodes:
        x, y = (n.x - chart.x_axis.lo) * sx, n.y * sy
        boxes[n.id] = (x - r, y - h, x + max(r, labels.text_size("  " + n.label, font_px)[0]),
                       y + h)
    ids = list(boxes)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            A, B = boxes[a], boxes[b]
            assert not (A[0] < B[2] and B[0] < A[2] and A[1] < B[3] and B[1] < A[3]), (a, b)
    crossing = []
    for e in chart.edges:
        pts = [((x - chart.x_axis.lo) * sx, y * sy) for x, y in e.route]
        assert 2 <= len(pts) <= dependency_chart.MAX_BENDS + 2
        if any(segment_hits_box(p, q, box, eps=1e-6) for p, q in zip(pts, pts[1:])
               for nid, box in boxes.items() if nid not in (e.prerequisite, e.dependant)):
            crossing.append((e.prerequisite, e.dependant))
    if mode == "generation":
        assert crossing == []
    # by start date the demo's initiatives crowd into 2027 (one column of stacked nodes):
    # edges between lanes run through it, a known limit (module docstring)
