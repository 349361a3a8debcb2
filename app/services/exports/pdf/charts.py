"""The charts of the bilag, drawn in vector form (reportlab.graphics) from the same chart
descriptions the screen draws with pyqtgraph (``app.services.charts``): ranking with
contributions, bubble chart, value curve, dependency swimlanes and roadmap.

Row charts count rows from the top (y flipped here); value charts grow upward.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from app.services.exports.common import ExportHooks
from app.services.exports.content import ReportContent
from app.services.exports.pdf import draw
from app.services.exports.pdf.fonts import REGULAR
from app.services.exports.pdf.styles import esc, styles
from app.services.exports.pdf.tables import BODY_WIDTH
from app.services.i18n import _

W = BODY_WIDTH
#: the tallest drawing that fits the body frame with its title (points)
MAX_H = 640.0


def _title(chart: Any) -> list[Flowable]:
    st = styles()
    t = esc(chart.title)
    if getattr(chart, "what_if", False):
        t += ' <font color="#b3261e">(' + esc(_("what-if")) + ")</font>"
    out: list[Flowable] = [Paragraph(t, st["h2"])]
    if getattr(chart, "subtitle", ""):
        out.append(Paragraph(esc(chart.subtitle), st["muted"]))
    return out


def _notes(chart: Any) -> list[Flowable]:
    """The chart's notes in one compact paragraph (a roadmap may have dozens)."""
    notes = [n for n in getattr(chart, "notes", ()) if n]
    if not notes:
        return []
    return [Paragraph(" · ".join(esc(n) for n in notes), styles()["muted"])]


def stacked_bars(chart: Any) -> Drawing:
    """A ``model.StackedBarChart``: labels left, stacked segments, totals after the bar."""
    label_w, total_w = 190.0, 60.0
    row_h = 13.0
    n = max(1, len(chart.bars))
    legend_h = 12 * (1 + len(chart.legend) // 4)
    plot_h = n * row_h
    h = plot_h + 30 + legend_h
    d = Drawing(W, h)
    x0, plot_w = label_w, W - label_w - total_w
    top = h - 4
    ax = chart.value_axis
    span = (ax.hi - ax.lo) or 1.0

    def px(v: float) -> float:
        return x0 + (v - ax.lo) / span * plot_w

    base = top - plot_h
    draw.value_axis(d, ax, x0, base, plot_w, True, px, grid=plot_h)
    for bar in chart.bars:
        yc = top - (bar.row + 0.5) * row_h
        if bar.marker_colour:
            d.add(draw.marker(bar.marker_shape, 5, yc, 3.2, bar.marker_colour))
        d.add(draw.text(12, yc - 2.5, draw.fit(bar.label, label_w - 16), 6.8))
        for seg in bar.segments:
            s = chart.series[seg.series]
            xa, xb = px(seg.start), px(seg.start + seg.value)
            d.add(draw.patch(xa, yc - row_h * 0.36, max(0.0, xb - xa), row_h * 0.72,
                             s.colour, s.pattern))
        end = max((px(sg.start + sg.value) for sg in bar.segments), default=x0)
        d.add(draw.text(end + 3, yc - 2.5, bar.total_text, 6.5))
    draw.legend(d, chart.legend, 4, base - 34, W - 8)
    return d


def bubble(chart: Any) -> Drawing:
    """A ``bubble.BubbleChart``: cost (x, log when ``x_log``) against score (y)."""
    h = 330.0
    d = Drawing(W, h)
    left, bottom, right, top = 48.0, 60.0, 8.0, 10.0
    pw, ph = W - left - right, h - bottom - top
    xa, ya = chart.x_axis, chart.y_axis
    xs, ys = (xa.hi - xa.lo) or 1.0, (ya.hi - ya.lo) or 1.0

    def px(v: float) -> float:
        return left + (v - xa.lo) / xs * pw

    def py(v: float) -> float:
        return bottom + (v - ya.lo) / ys * ph

    draw.value_axis(d, xa, left, bottom, pw, True, px, grid=ph)
    draw.value_axis(d, ya, left, bottom, ph, False, py, grid=pw)
    for r in chart.quadrant_lines:
        if r.orientation == "v":
            d.add(draw.line(px(r.value), bottom, px(r.value), bottom + ph, r.colour, 0.7, r.line))
        else:
            d.add(draw.line(left, py(r.value), left + pw, py(r.value), r.colour, 0.7, r.line))
    for m in chart.quadrant_labels:
        anchor = {"right": "end", "center": "middle"}.get(m.anchor, "start")
        d.add(draw.text(min(max(px(m.x), left + 2), left + pw - 2),
                        min(max(py(m.y), bottom + 4), bottom + ph - 8), m.text, 6.5, anchor,
                        bold=m.bold, colour=m.colour))
    scale = pw / (chart.nominal_plot[0] or pw)
    for b in chart.bubbles:
        r = max(2.0, b.radius * scale)
        cx, cy = px(b.x), py(b.y)
        d.add(draw.marker(b.shape, cx, cy, r, b.colour, hollow=b.hollow))
        if b.label_position:
            dx, dy, anchor = {
                "right": (r + 2, -2, "start"), "left": (-r - 2, -2, "end"),
                "above": (0, r + 2, "middle"), "below": (0, -r - 8, "middle"),
                "above_right": (r, r, "start"), "above_left": (-r, r, "end"),
                "below_right": (r, -r - 6, "start"), "below_left": (-r, -r - 6, "end"),
            }.get(b.label_position, (r + 2, -2, "start"))
            d.add(draw.text(cx + dx, cy + dy, b.label, 6.2, anchor))
    draw.legend(d, chart.legend, 4, 22, W - 8)
    return d


def value_curve(chart: Any) -> Drawing:
    """A ``ranking.ValueCurveChart``: most total score per budget level."""
    h = 260.0
    d = Drawing(W, h)
    left, bottom, right, top = 48.0, 56.0, 12.0, 10.0
    pw, ph = W - left - right, h - bottom - top
    xa, ya = chart.x_axis, chart.y_axis
    xs, ys = (xa.hi - xa.lo) or 1.0, (ya.hi - ya.lo) or 1.0

    def px(v: float) -> float:
        return left + (v - xa.lo) / xs * pw

    def py(v: float) -> float:
        return bottom + (v - ya.lo) / ys * ph

    draw.value_axis(d, xa, left, bottom, pw, True, px, grid=ph)
    draw.value_axis(d, ya, left, bottom, ph, False, py, grid=pw)
    for r in chart.rules:
        if r.orientation == "v":
            d.add(draw.line(px(r.value), bottom, px(r.value), bottom + ph, r.colour, 0.9, r.line))
            if r.label:
                d.add(draw.text(px(r.value) + 3, bottom + ph - 8, r.label, 6.5))
    pts: list[float] = []
    for m in chart.points:
        pts += [px(m.x), py(m.y)]
    if len(pts) >= 4:
        d.add(draw.polyline(pts, chart.line_colour, 1.3))
    for m in chart.points:
        d.add(draw.marker("circle", px(m.x), py(m.y), 2.2, chart.line_colour))
    if chart.recommended is not None:
        m = chart.recommended
        d.add(draw.marker("star", px(m.x), py(m.y), 6, "#d55e00"))
        d.add(draw.text(px(m.x) + 8, py(m.y) - 2, m.label, 6.8, bold=True))
    draw.legend(d, chart.legend, 4, 20, W - 8)
    return d


def _row_scale(height: float, extra: float) -> tuple[float, float]:
    """Row height (points) that fits ``height`` rows on a page, and how many rows show."""
    row_h = min(16.0, (MAX_H - extra) / max(height, 1.0))
    if row_h >= 5.0:
        return row_h, height
    return 5.0, math.floor((MAX_H - extra) / 5.0)


def swimlanes(chart: Any) -> Drawing:
    """A ``dependency_chart.DependencyChart``: one lane per forvaltning, nodes and edges."""
    label_w = 132.0
    legend_h = 12 * (1 + len(chart.legend) // 4)
    row_h, rows = _row_scale(chart.height, 40 + legend_h)
    plot_h = rows * row_h
    h = plot_h + 40 + legend_h
    d = Drawing(W, h)
    top = h - 4
    ax = chart.x_axis
    span = (ax.hi - ax.lo) or 1.0
    pw = W - label_w - 10

    def px(v: float) -> float:
        return label_w + (v - ax.lo) / span * pw

    def py(v: float) -> float:
        return top - v * row_h

    for k, lane in enumerate(chart.lanes):
        if lane.y0 >= rows:
            break
        y1 = min(lane.y1, rows)
        d.add(Rect(0, py(y1), W, (y1 - lane.y0) * row_h,
                   fillColor=draw.col("#f4f6f8" if k % 2 == 0 else "#ffffff"),
                   strokeColor=draw.col("#d5dbe1"), strokeWidth=0.3))
        d.add(draw.marker(lane.shape, 6, py(lane.y0) - 7, 3, lane.colour))
        d.add(draw.text(12, py(lane.y0) - 9.5, draw.fit(lane.label, label_w - 14), 6.5, bold=True))
    draw.value_axis(d, ax, label_w, py(rows), pw, True, px)
    for e in chart.edges:
        if max(e.y0, e.y1) > rows:
            continue
        d.add(draw.line(px(e.x0), py(e.y0), px(e.x1), py(e.y1), e.colour, min(e.width, 2.0),
                        e.line))
        d.add(draw.arrow_head(px(e.x0), py(e.y0), px(e.x1), py(e.y1), e.colour))
    r = max(1.8, min(4.5, row_h * 0.3))
    for n in chart.nodes:
        if n.y > rows:
            continue
        d.add(draw.marker(n.shape, px(n.x), py(n.y), r, n.colour))
        if row_h >= 7:
            d.add(draw.text(px(n.x) + r + 1.5, py(n.y) - 2, n.label, min(6.2, row_h * 0.55)))
    draw.legend(d, chart.legend, 4, 12 + (legend_h - 12), W - 8)
    return d


def roadmap(chart: Any) -> Drawing:
    """A ``roadmap.RoadmapChart``: lanes, bars by date, budget-year bands, arrows."""
    label_w = 132.0
    legend_h = 12 * (1 + len(chart.legend) // 4)
    row_h, rows = _row_scale(chart.height, 40 + legend_h)
    plot_h = rows * row_h
    h = plot_h + 40 + legend_h
    d = Drawing(W, h)
    top = h - 4
    ax = chart.x_axis
    span = (ax.hi - ax.lo) or 1.0
    pw = W - label_w - 10

    def px(v: float) -> float:
        return label_w + (min(max(v, ax.lo), ax.hi) - ax.lo) / span * pw

    def py(v: float) -> float:
        return top - v * row_h

    for band in chart.bands:
        d.add(Rect(px(band.x0), py(rows), px(band.x1) - px(band.x0), plot_h,
                   fillColor=draw.col(band.colour), strokeColor=None))
        if band.label and px(band.x1) - px(band.x0) > stringWidth(band.label, REGULAR, 6) + 2:
            d.add(draw.text((px(band.x0) + px(band.x1)) / 2, top + 1, band.label, 6, "middle"))
    for k, lane in enumerate(chart.lanes):
        if lane.y0 >= rows:
            break
        y1 = min(lane.y1, rows)
        d.add(Rect(0, py(y1), label_w, (y1 - lane.y0) * row_h,
                   fillColor=draw.col("#f4f6f8" if k % 2 == 0 else "#ffffff"),
                   strokeColor=draw.col("#d5dbe1"), strokeWidth=0.3))
        d.add(draw.line(0, py(y1), W, py(y1), "#d5dbe1", 0.3))
        d.add(draw.marker(lane.shape, 6, py(lane.y0) - 7, 3, lane.colour))
        d.add(draw.text(12, py(lane.y0) - 9.5, draw.fit(lane.label, label_w - 14), 6.5, bold=True))
    for rule in chart.rules:
        if rule.orientation == "v" and ax.lo <= rule.value <= ax.hi:
            d.add(draw.line(px(rule.value), py(rows), px(rule.value), top, rule.colour, 0.5,
                            rule.line))
    draw.value_axis(d, ax, label_w, py(rows), pw, True, px)
    bh = row_h * 0.6
    for b in chart.bars:
        if b.y > rows:
            continue
        if b.milestone:
            d.add(draw.marker("diamond", px(b.x0), py(b.y), bh * 0.7, b.colour))
        else:
            d.add(Rect(px(b.x0), py(b.y) - bh / 2, max(1.0, px(b.x1) - px(b.x0)), bh,
                       fillColor=draw.col(b.colour), strokeColor=draw.col(
                           "#d55e00" if b.conflict else "#333333"),
                       strokeWidth=1.2 if b.conflict else 0.3))
        if row_h >= 7:
            d.add(draw.text(px(b.x1) + 3, py(b.y) - 2, draw.fit(b.label, 150),
                            min(6.2, row_h * 0.55)))
    for a in chart.arrows:
        if max(a.y0, a.y1) > rows:
            continue
        d.add(draw.line(px(a.x0), py(a.y0), px(a.x1), py(a.y1), a.colour, 0.7, a.line))
        d.add(draw.arrow_head(px(a.x0), py(a.y0), px(a.x1), py(a.y1), a.colour))
    draw.legend(d, chart.legend, 4, 12 + (legend_h - 12), W - 8)
    return d


DRAWERS = {"ranking": stacked_bars, "bubble": bubble, "value_curve": value_curve,
           "dependencies": swimlanes, "roadmap": roadmap}


def chart_flowables(key: str, chart: Any) -> list[Flowable]:
    """Title, drawing and notes of one chart (kept together on a page)."""
    d = DRAWERS[key](chart)
    out: list[Flowable] = [*_title(chart), d]
    rows = getattr(chart, "height", None)
    if rows is not None and key in ("dependencies", "roadmap"):
        _h, shown = _row_scale(rows, 40 + 12 * (1 + len(chart.legend) // 4))
        if shown < rows:
            out.append(Paragraph(esc(_("Only the first {n} of {total} rows fit the page; the "
                                       "program shows the whole chart.").format(
                n=int(shown), total=int(rows))), styles()["note"]))
    return [CondPageBreak(d.height + 60), KeepTogether(out), *_notes(chart), Spacer(1, 8)]


def chart_pages(c: ReportContent, hooks: ExportHooks) -> list[Flowable]:
    """All charts of the content, each on a page of its own when it needs one."""
    st = styles()
    out: list[Flowable] = []
    if c.charts:  # the heading never stays alone at the foot of a page
        out += [CondPageBreak(320), Paragraph(esc(_("Charts")), st["h1"])]
    for key, chart in c.charts:
        hooks.check()
        out += chart_flowables(key, chart)
    return out
