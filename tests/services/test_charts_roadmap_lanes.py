"""Roadmap lanes on real-sized data (GMPP: 21 departments, many with one project): every
lane can be named (``lanes.min_lane_rows`` + ``roadmap.pad_lanes``), a slide groups the
small forvaltninger into "Other units" (``roadmap.group_lanes``), and the legend explains
every bar's colour (and shape)."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.charts import lanes as lanes_mod
from app.services.charts import palette, roadmap
from app.services.snapshots import UnitInfo
from tests.services.test_dependencies import row

#: 21 forvaltninger as the GMPP import has them (name = code)
CODES = ["CO", "DBT", "DCMS", "DEFRA", "DESNZ", "DFE", "DFT", "DHSC", "DLUHC", "DSIT", "DWP",
         "FCDO", "HMLR", "HMRC", "HMT", "HO", "MOD", "MOJ", "NCA", "ONS", "VOA"]
UNITS = {i: UnitInfo(i, c, c, "forvaltning", None, i) for i, c in enumerate(CODES, start=1)}
#: bars per forvaltning: a few large ones, many with one or two
SIZES = [6, 1, 1, 2, 3, 3, 5, 1, 2, 1, 1, 1, 1, 8, 1, 4, 9, 6, 1, 1, 1]


def _rows():
    rows = []
    for uid, n in enumerate(SIZES, start=1):
        for k in range(n):
            start = date(2020 + (k * 3 + uid) % 8, 1 + (k * 5) % 12, 1)
            rows.append(row(f"{CODES[uid - 1]}-{k}", unit=uid, start=start,
                            end=date(start.year + 1 + k % 4, start.month, 28)))
    # a dependency across a grouped and a kept forvaltning, so arrows must follow
    rows[-1].requires = [rows[0].id]
    return rows


def _chart():
    return roadmap.roadmap_chart(_rows(), UNITS, 2027)


def _legend_explains_every_bar(chart) -> None:
    keys = {(e.colour, e.shape) for e in chart.legend if e.kind == "marker"}
    for b in chart.bars:
        assert (b.colour, b.shape) in keys, b.id


def _rows_never_overlap(chart) -> None:
    """Bars (with their labels) sharing a row never overlap; each bar is in its lane."""
    by_row: dict[float, list] = {}
    for b in chart.bars:
        lane = chart.lanes[b.lane]
        assert lane.y0 < b.y < lane.y1, b.id
        by_row.setdefault(round(b.y, 6), []).append(
            (b.x0, b.x1 + (len(b.label) + 2) * chart.label_days))
    for spans in by_row.values():
        spans.sort()
        for (_a0, a1), (b0, _b1) in zip(spans, spans[1:]):
            assert a1 < b0


def test_min_lane_rows_is_the_least_height_that_gives_each_lane_its_share():
    assert lanes_mod.min_lane_rows([10, 1, 1], 0.1) == pytest.approx(1.25)
    m = lanes_mod.min_lane_rows([8, 1, 1, 2, 5], 0.08)
    assert m == pytest.approx(0.08 * sum(max(h, m) for h in [8, 1, 1, 2, 5]))
    assert lanes_mod.min_lane_rows([5, 5], 0.1) <= 5  # no lane needs more
    assert lanes_mod.min_lane_rows([3, 1, 1, 1], 0.25) is None  # four names cannot fit
    assert lanes_mod.min_lane_rows([], 0.5) == 0.0


def test_padding_gives_every_lane_the_rows_its_name_needs_and_keeps_bars_inside():
    chart = _chart()
    assert len(chart.lanes) == 21 and min(l.y1 - l.y0 for l in chart.lanes) == 1
    share = 18 / 460  # an 18 px name on a 460 px plot
    m = lanes_mod.min_lane_rows([l.y1 - l.y0 for l in chart.lanes], share)
    padded = roadmap.pad_lanes(chart, m)
    for lane in padded.lanes:  # each lane holds its name at that share of the height
        assert (lane.y1 - lane.y0) / padded.height >= share - 1e-9
    assert [l.label for l in padded.lanes] == [l.label for l in chart.lanes]
    _rows_never_overlap(padded)
    ys = {b.id: b.y for b in padded.bars}
    for a in padded.arrows:
        assert (a.y0, a.y1) == (ys[a.prerequisite], ys[a.dependant])
    assert all(band.y1 == padded.height for band in padded.bands)
    assert roadmap.pad_lanes(chart, 0.5) is chart  # nothing to pad


def test_the_legend_explains_each_bar_by_colour_and_shape_even_when_colours_repeat():
    chart = _chart()
    units = [e for e in chart.legend if e.kind == "marker"]
    assert [e.label for e in units] == CODES
    assert len({(e.colour, e.shape) for e in units}) == 21  # colours repeat, pairs never
    _legend_explains_every_bar(chart)


def test_a_slide_keeps_the_largest_forvaltninger_and_groups_the_rest():
    chart = _chart()
    grouped = roadmap.group_lanes(chart)
    assert len(grouped.lanes) == roadmap.SLIDE_LANES
    names = [l.label for l in grouped.lanes]
    # the six leading most bars keep their lanes, in the palette's order
    assert names[:-1] == ["CO", "DFT", "HMRC", "HO", "MOD", "MOJ"]
    other = grouped.lanes[-1]
    assert other.label == "Other units" and other.colour == palette.OTHER
    assert len(other.members) == 15 and other.unit_id is None
    entry = next(e for e in grouped.legend if e.colour == palette.OTHER)
    # fifteen codes would run off a slide's legend: the first note names them
    assert entry.label == "Other units"
    assert grouped.notes[0].startswith("Other units: DBT, DCMS, DEFRA")
    assert grouped.notes[1:] == chart.notes
    assert not any(e.label == "DBT" for e in grouped.legend)
    _legend_explains_every_bar(grouped)
    _rows_never_overlap(grouped)
    assert sorted(b.id for b in grouped.bars) == sorted(b.id for b in chart.bars)
    dbt = next(b for b in grouped.bars if b.id == "DBT-0")
    assert dbt.label.startswith("DBT: ") and dbt.colour == palette.OTHER
    ys = {b.id: b.y for b in grouped.bars}
    assert all((a.y0, a.y1) == (ys[a.prerequisite], ys[a.dependant]) for a in grouped.arrows)
    assert grouped.arrows and grouped.height == grouped.lanes[-1].y1
    assert roadmap.group_lanes(grouped) is grouped  # few enough lanes: unchanged


@pytest.fixture(autouse=True)
def english():
    from app.services import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("da")
