"""The roadmap in the bilag: a GMPP-sized roadmap (hundreds of rows, 21 forvaltninger)
continues over as many pages as it needs, every row and every lane on one of them, the
axis and legend on each, a lane split over two pages named again as continued."""

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
    for k, window in enumerate(windows):
        d = pdf_charts.roadmap(chart, row_h, window)
        assert d.height + pdf_charts.PART_H <= pdf_charts.MAX_H
        texts = _texts(d)
        labels += [t for t in texts if t in {b.label for b in chart.bars}]
        for lane in chart.lanes:
            if lane.y0 < window[1] and lane.y1 > window[0]:
                name = lane.label if lane.y0 >= window[0] else f"{lane.label} (continued)"
                assert name in texts, (k, name)
                lane_names.append(lane.label)
        assert "Date" in texts  # the axis on every page
        assert sum(t in texts for t in CODES) >= len(CODES)  # and the legend
    assert sorted(labels) == sorted(b.label for b in chart.bars)  # every bar, once
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
    assert all(b.label in texts for b in chart.bars)
