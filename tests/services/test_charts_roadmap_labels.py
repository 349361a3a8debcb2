"""Roadmap labels, bands and ticks (new-user test, slide 7): a bar's title uses the room
the plot leaves it (not cut at ~27 characters when the plot's right part is free), the
shaded budget bands always have names to print (each band's, or one for the run when a
year is too narrow), and a long span gets a year tick every 1, 2 or 5 years as the
width allows (GMPP had two)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.services.charts import roadmap
from tests.services.test_charts_roadmap_lanes import UNITS, _rows, _rows_never_overlap
from tests.services.test_dependencies import row

LONG = "Digital pladsanvisning i dagtilbud og skolefritidsordninger"


def _demo_like():
    """Four short bars early and one long-titled bar that ends early: room on its right."""
    rows = [replace(row("A", unit=1, start=date(2027, 3, 1), end=date(2027, 10, 1)), title=LONG)]
    rows += [row(f"B{k}", unit=2, start=date(2027, 1, 1), end=date(2031, 1, 1)) for k in range(3)]
    return rows


def test_a_title_uses_the_room_up_to_the_axis_end_and_never_overlaps():
    chart = roadmap.roadmap_chart(_demo_like(), UNITS, 2027, chars_across=90)
    a = next(b for b in chart.bars if b.id == "A")
    assert a.label == LONG  # 59 characters; before: "Digital pladsanvisning i da…"
    assert a.x1 + (len(a.label) + 2) * chart.label_days <= chart.x_axis.hi
    _rows_never_overlap(chart)
    narrow = roadmap.roadmap_chart(_demo_like(), UNITS, 2027, chars_across=50)
    a = next(b for b in narrow.bars if b.id == "A")
    assert 28 <= len(a.label) < len(LONG) and a.label.endswith("…")
    assert a.x1 + (len(a.label) + 2) * narrow.label_days <= narrow.x_axis.hi


def test_grouped_lanes_widen_their_labels_too_and_rows_stay_clear():
    chart = roadmap.roadmap_chart(_rows(), UNITS, 2027, chars_across=200)
    grouped = roadmap.group_lanes(chart)
    _rows_never_overlap(grouped)
    # ids label the bars of a large roadmap (> TITLE_LABEL_LIMIT): they stay ids
    assert all(b.label.split(": ")[-1] == b.id for b in grouped.bars)


def test_bands_are_named_over_a_long_span_and_the_run_has_one_name():
    chart = roadmap.roadmap_chart(_rows(), UNITS, 2027, chars_across=45)
    assert all(b.label for b in chart.bands)  # before: "" when the span exceeded 12 years
    assert "2027" in chart.bands_label


def test_a_long_span_gets_a_year_tick_every_one_two_or_five_years():
    rows = [row("A", unit=1, start=date(2016, 2, 1), end=date(2020, 1, 1)),
            row("B", unit=1, start=date(2024, 2, 1), end=date(2031, 6, 1))]
    chart = roadmap.roadmap_chart(rows, UNITS, 2027, chars_across=50)  # about 15 chars of calendar
    years = [int(t.label) for t in chart.x_axis.ticks]
    assert len(years) >= 3, years  # before: 2
    steps = {b - a for a, b in zip(years, years[1:])}
    assert len(steps) == 1 and steps.pop() in (1, 2, 5)
    assert all(y % (years[1] - years[0]) == 0 for y in years)
    assert roadmap.year_ticks(date(2016, 1, 1), date(2031, 1, 1), 1.5)[0].label == "2020"
    assert [t.label for t in roadmap.year_ticks(date(2027, 1, 1), date(2030, 12, 31), 20.0)] \
        == ["2027", "2028", "2029", "2030"]
