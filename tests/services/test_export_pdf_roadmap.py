"""The roadmap in the bilag: a GMPP-sized roadmap (hundreds of rows, 21 forvaltninger)
continues over as many pages as it needs — and no more: each page filled (the GMPP bilag
had six pages 60–70 % full where four do) — every row and every lane on one of them, the
axis and legend (its lines; the lanes name the forvaltninger) on each, a lane split over
two pages named again as continued. Bars labelled by id gain their titles where the row
has room, and each label lies on a white box over the year rules."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.graphics.shapes import String
from reportlab.platypus import KeepTogether, Paragraph

from app.services.charts import roadmap as roadmap_mod
from app.services.exports.pdf import charts as pdf_charts
from tests.services.test_charts_roadmap_lanes import CODES, SIZES, UNITS
from tests.services.test_dependencies import row


@pytest.fixture(autouse=True)
def english():
    from app.services import i18n

    from app.services.exports.pdf.fonts import register_fonts

    i18n.set_language("en")
    register_fonts()
    yield
    i18n.set_language("da")


def _long_chart(scale: int = 4):
    rows = []
    for uid, n in enumerate(SIZES, start=1):
        for k in range(n * scale):
            start = date(2015 + (k * 3 + uid) % 12, 1 + (k * 5) % 12, 1)
            rows.append(row(f"{CODES[uid - 1]}-{k}", unit=uid, start=start,
                            end=date(start.year + 1 + k % 6, start.month, 28)))
    rows[-1].requires = [rows[0].id]  # an arrow from the first page to the last
    return roadmap_mod.roadmap_chart(rows, UNITS, 2027)


def _texts(drawing) -> list[str]:
    return [g.text for g in drawing.contents if isinstance(g, String)]


def test_a_long_roadmap_continues_over_pages_with_every_row_and_lane():
    chart = _long_chart()
    assert chart.height > 100  # past one page at labelled rows (about 50)
    row_h, windows = pdf_charts.roadmap_pages(chart)
    assert len(windows) > 1 and row_h >= pdf_charts.LABEL_ROW_H
    assert windows[0][0] == 0 and windows[-1][1] == chart.height
    assert all(a[1] == b[0] for a, b in zip(windows, windows[1:]))  # no row left out
    labels: list[str] = []
    lane_names: list[str] = []
    ids = {b.id for b in chart.bars}
    for k, window in enumerate(windows):
        d = pdf_charts.roadmap(chart, row_h, window)
        assert d.height + pdf_charts.PART_H <= pdf_charts.PART_MAX_H
        texts = _texts(d)
        labels += [t.split(" ")[0] for t in texts if t.split(" ")[0] in ids]
        for lane in chart.lanes:
            if lane.y0 < window[1] and lane.y1 > window[0]:
                name = lane.label if lane.y0 >= window[0] else f"{lane.label} (continued)"
                assert name in texts, (k, name)
                lane_names.append(lane.label)
        assert "Date" in texts  # the axis on every page
        assert "Dependency" in texts  # and the legend (the lanes name the forvaltninger)
    assert sorted(labels) == sorted(b.label for b in chart.bars)  # every bar, once
    # no more pages than the rows need at the page's height
    per_page = (pdf_charts.PART_MAX_H - 40 - 12 - pdf_charts.PART_H) // pdf_charts.PAGE_ROW_H
    assert len(windows) == -(-chart.height // per_page)
    assert set(lane_names) == {lane.label for lane in chart.lanes}
    assert lane_names[-1] == chart.lanes[-1].label


def test_the_bilag_flowables_name_each_part_and_never_claim_a_cut():
    chart = _long_chart()
    _row_h, windows = pdf_charts.roadmap_pages(chart)
    flow = pdf_charts.chart_flowables("roadmap", chart)
    parts = [f for f in flow if isinstance(f, KeepTogether)]
    assert len(parts) == len(windows)
    texts = [p.getPlainText() for f in parts for p in f._content if isinstance(p, Paragraph)]
    assert f"Part {len(windows)} of {len(windows)}: rows" in " ".join(texts)
    assert not any("fit the page" in t for t in texts)


def test_a_short_roadmap_keeps_one_page_with_its_labels():
    chart = _long_chart(scale=1)
    assert chart.height * pdf_charts.LABEL_ROW_H <= pdf_charts.MAX_H - 150
    row_h, windows = pdf_charts.roadmap_pages(chart)
    assert windows == [(0.0, chart.height)] and row_h >= pdf_charts.LABEL_ROW_H
    texts = _texts(pdf_charts.roadmap(chart))
    for b in chart.bars:  # the id, and the title (or its start) where its row has room
        assert any(t == b.label or t.startswith(b.label + " ") for t in texts), b.id
    assert sum(f"{b.label} {b.title}" in texts for b in chart.bars) > len(chart.bars) / 2


def test_each_part_fits_one_page(tmp_path):
    """Built as the bilag builds them, each part takes exactly one page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    from app.services.exports.pdf.document import MARGIN

    chart = _long_chart()
    _row_h, windows = pdf_charts.roadmap_pages(chart)
    # the bilag's body frame (document._BilagDoc): 2 cm below, 1.8 cm above
    doc = SimpleDocTemplate(str(tmp_path / "r.pdf"), pagesize=A4, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=1.8 * cm, bottomMargin=2.0 * cm)
    pages = []
    doc.build(pdf_charts._roadmap_parts(chart, _row_h, windows, None)[:-2],
              onLaterPages=lambda c, d: pages.append(c.getPageNumber()),
              onFirstPage=lambda c, d: pages.append(c.getPageNumber()))
    assert len(pages) == len(windows)  # and len(windows) is the least (test above)


def test_labels_gain_titles_where_the_row_has_room_and_sit_on_white():
    """Each label lies on a white box its row high, drawn after every year rule and
    dependency line (so none runs through the letters, nor shows as a stub between two
    stacked labels), its text after the box."""
    from reportlab.graphics.shapes import Line, Rect

    chart = _long_chart(scale=1)
    assert chart.arrows and chart.rules
    row_h, _windows = pdf_charts.roadmap_pages(chart)
    d = pdf_charts.roadmap(chart)
    items = list(d.contents)
    ids = {b.id for b in chart.bars}
    last_line = max(k for k, g in enumerate(items) if isinstance(g, Line)  # rules, arrows
                    and abs(g.y1 - g.y2) > 3.5 and g.x1 > pdf_charts._Lanes.label_w)
    boxes = [(k, g) for k, g in enumerate(items) if isinstance(g, Rect)
             and g.fillColor is not None and g.fillColor.hexval() == "0xffffff"
             and g.x > pdf_charts._Lanes.label_w]
    n = 0
    for k, g in enumerate(items):
        if isinstance(g, String) and g.text.split(" ")[0] in ids:
            w = pdf_charts.stringWidth(g.text, g.fontName, g.fontSize)
            under = [(j, r) for j, r in boxes if j < k and r.x <= g.x
                     and r.x + r.width >= g.x + w and r.y <= g.y - 0.25 * g.fontSize
                     and r.y + r.height >= g.y + 0.8 * g.fontSize]
            assert under, g.text
            j, box = under[-1]
            assert j > last_line and box.height == pytest.approx(row_h), g.text
            n += 1
    assert n == len(chart.bars)
    bar = roadmap_mod.GanttBar("X-1", "X-1", "A long title of an initiative", 0, 1, 0.5, 0,
                               "#000000", "circle", False, False, False)
    assert pdf_charts._bar_label(bar, 400, 6) == "X-1 A long title of an initiative"
    assert pdf_charts._bar_label(bar, 60, 6).endswith("…")
    assert pdf_charts._bar_label(bar, 10, 6) == "X-1"


def test_bands_too_narrow_for_their_names_get_one_name_for_the_run():
    chart = _long_chart()
    d = pdf_charts.roadmap(chart)
    texts = _texts(d)
    assert chart.bands_label in texts and "OY1" not in texts


def test_the_budget_band_is_named_with_its_year_as_on_screen():
    """The bilag names the bands as the screen does: "Budget 2027", not "Budget"."""
    from dataclasses import replace

    chart = _long_chart(scale=1)
    assert chart.bands[0].label == "Budget 2027"
    # the axis over the four bands and a year either side: each band has room for its name
    wide = replace(chart, x_axis=replace(chart.x_axis, lo=chart.bands[0].x0 - 365,
                                         hi=chart.bands[-1].x1 + 365))
    texts = _texts(pdf_charts.roadmap(wide))
    assert "Budget 2027" in texts and "OY3" in texts and "Budget" not in texts
