"""The charts of the bilag, drawn in vector form (reportlab.graphics) from the same chart
descriptions the screen draws with pyqtgraph (``app.services.charts``): ranking with
contributions, bubble chart, value curve, dependency swimlanes and roadmap.

Row charts count rows from the top (y flipped here); value charts grow upward.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.graphics.shapes import Drawing, PolyLine, Rect
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
#: the room the h1 heading takes above the first chart (points)
HEADING_H = 32.0


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


class _Plot:
    """The plot area of an x/y chart: a ``Drawing`` of ``h`` points with both value axes
    and their grids drawn, and the maps from data to page coordinates."""

    def __init__(self, chart: Any, h: float, left: float, bottom: float, right: float,
                 top: float) -> None:
        self.d = Drawing(W, h)
        self.left, self.bottom = left, bottom
        self.pw, self.ph = W - left - right, h - bottom - top
        self._x, self._y = chart.x_axis, chart.y_axis
        draw.value_axis(self.d, self._x, left, bottom, self.pw, True, self.px, grid=self.ph)
        draw.value_axis(self.d, self._y, left, bottom, self.ph, False, self.py, grid=self.pw)

    def px(self, v: float) -> float:
        xa = self._x
        return self.left + (v - xa.lo) / ((xa.hi - xa.lo) or 1.0) * self.pw

    def py(self, v: float) -> float:
        ya = self._y
        return self.bottom + (v - ya.lo) / ((ya.hi - ya.lo) or 1.0) * self.ph


def bubble(chart: Any) -> Drawing:
    """A ``bubble.BubbleChart``: cost (x, log when ``x_log``) against score (y)."""
    plot = _Plot(chart, 330.0, 48.0, 60.0, 8.0, 10.0)
    d, px, py = plot.d, plot.px, plot.py
    left, bottom, pw, ph = plot.left, plot.bottom, plot.pw, plot.ph
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
    plot = _Plot(chart, 260.0, 48.0, 56.0, 12.0, 10.0)
    d, px, py, bottom, ph = plot.d, plot.px, plot.py, plot.bottom, plot.ph
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


#: the least row height (points) at which a lane chart prints its bars' and nodes' labels
LABEL_ROW_H = 7.0
#: the row height (points) of a roadmap continued over several pages: its labels print
#: at 6 pt (``_label_pt``), legible in print, where one page would leave none
PAGE_ROW_H = 10.5
#: the room (points) a continued roadmap page's line "Part k of n: rows …" takes
PART_H = 16.0
#: the tallest drawing of a continued roadmap page with its title and part line (points):
#: the body frame (about 722 pt of A4 less margins, header and footer) less the h2 title
PART_MAX_H = 690.0


def _legend_h(chart: Any) -> float:
    return 12.0 * (1 + len(chart.legend) // 4)


def _part_chart(chart: Any) -> Any:
    """A roadmap as its continued pages draw it: the legend without the forvaltninger,
    whose colour and shape each lane's name on the left already shows, so that every
    page has room for more rows (the one-page roadmap keeps the whole legend)."""
    from dataclasses import replace

    return replace(chart, legend=tuple(e for e in chart.legend if e.kind != "marker"))


def _label_pt(row_h: float) -> float:
    """The roadmap's bar labels' type (points) at rows ``row_h`` high: 6 pt at the
    continued pages' 10.5 pt rows, at most 6.2."""
    return min(6.2, row_h * 0.58)


def roadmap_pages(chart: Any) -> tuple[float, list[tuple[float, float]]]:
    """The row height (points) of the roadmap ``chart`` in the bilag and its pages as row
    windows ``(first row, end row)``, top to bottom, together every row of the chart.

    One page when its rows print at least ``LABEL_ROW_H`` high there (the labels show);
    else pages of ``PAGE_ROW_H`` rows, about equally long, each ending at the lane end
    nearest its share of the rows when one lies in reach, else at a whole row inside a
    lane (continued on the next page, its name repeated). Every page repeats the axis, the
    bands and the legend (less the forvaltninger the lanes name: ``_part_chart``), and
    takes the page's height (``PART_MAX_H``)."""
    extra = 40 + _legend_h(chart)
    height = max(float(chart.height), 1.0)
    row_h = min(16.0, (MAX_H - extra) / height)
    if row_h >= LABEL_ROW_H:
        return row_h, [(0.0, height)]
    extra = 40 + _legend_h(_part_chart(chart))
    per_page = max(1, math.floor((PART_MAX_H - extra - PART_H) / PAGE_ROW_H))
    n_pages = math.ceil(height / per_page)
    target = height / n_pages  # pages of about equal length
    ends = sorted({float(lane.y1) for lane in chart.lanes})
    windows: list[tuple[float, float]] = []
    r0 = 0.0
    while r0 < height - 1e-9:
        # no page shorter than the pages after it can make up for: n_pages in all
        least = height - (n_pages - len(windows) - 1) * per_page
        if height - r0 <= per_page + 1e-9:
            r1 = height
        else:  # the lane end nearest the target, else a whole row inside a lane
            near = [y for y in ends
                    if max(least, r0 + 0.85 * target) - 1e-9 <= y <= r0 + per_page + 1e-9]
            r1 = (min(near, key=lambda y: abs(y - r0 - target)) if near
                  else float(max(r0 + 1, math.ceil(least - 1e-9), math.floor(r0 + target))))
        windows.append((r0, r1))
        r0 = r1
    return PAGE_ROW_H, windows


class _Lanes:
    """The frame of a lane chart (dependency swimlanes, roadmap): one lane per
    forvaltning under a label column, rows scaled to fit a page (``_row_scale``) or of
    ``row_h`` points from row ``window[0]`` to ``window[1]`` (a roadmap over several
    pages), a time or order axis across, the legend below."""

    label_w = 132.0

    def __init__(self, chart: Any, *, clamp: bool = False, row_h: float | None = None,
                 window: tuple[float, float] | None = None) -> None:
        self.chart = chart
        self.legend_h = _legend_h(chart)
        if row_h is None or window is None:
            self.row_h, end = _row_scale(chart.height, 40 + self.legend_h)
            window = (0.0, end)
        else:
            self.row_h = row_h
        self.r0, self.r1 = window
        self.rows = self.r1  # the end row (the rows shown, counted from the chart's top)
        self.plot_h = (self.r1 - self.r0) * self.row_h
        self.d = Drawing(W, self.plot_h + 40 + self.legend_h)
        self.top = self.d.height - 4
        self.ax = chart.x_axis
        self.pw = W - self.label_w - 10
        self._clamp = clamp

    def px(self, v: float) -> float:
        ax = self.ax
        if self._clamp:  # bars that start or end outside the axis stop at its ends
            v = min(max(v, ax.lo), ax.hi)
        return self.label_w + (v - ax.lo) / ((ax.hi - ax.lo) or 1.0) * self.pw

    def py(self, v: float) -> float:
        return self.top - (v - self.r0) * self.row_h

    def shows(self, y: float) -> bool:
        """Whether row position ``y`` lies on this page."""
        return self.r0 <= y < self.r1

    def lanes(self, band_width: float, *, separators: bool = False) -> None:
        """The lanes' shaded bands (``band_width`` wide) with swatch and label; all bands
        first, so no band covers the label of the lane above it. A label is no taller
        than its lane (down to 3.5 pt for a one-row lane of a long chart); a lane begun
        on an earlier page is named "… (continued)"."""
        d, py, r0, r1 = self.d, self.py, self.r0, self.r1
        shown = [(k, lane, max(lane.y0, r0), min(lane.y1, r1))
                 for k, lane in enumerate(self.chart.lanes) if lane.y0 < r1 and lane.y1 > r0]
        for k, _lane, y0, y1 in shown:
            d.add(Rect(0, py(y1), band_width, (y1 - y0) * self.row_h,
                       fillColor=draw.col("#f4f6f8" if k % 2 == 0 else "#ffffff"),
                       strokeColor=draw.col("#d5dbe1"), strokeWidth=0.3))
            if separators:
                d.add(draw.line(0, py(y1), W, py(y1), "#d5dbe1", 0.3))
        for _k, lane, y0, y1 in shown:
            height = (y1 - y0) * self.row_h
            size = min(6.5, max(3.5, 0.8 * height))
            base = py(y0) - min(9.5, 0.5 * height + 0.35 * size)
            name = lane.label if lane.y0 >= r0 else _("{name} (continued)").format(
                name=lane.label)
            d.add(draw.marker(lane.shape, 6, base + 0.35 * size, min(3.0, 0.45 * size),
                              lane.colour))
            d.add(draw.text(12, base, draw.fit(name, self.label_w - 14, size), size,
                            bold=True))

    def axis(self) -> None:
        """The x axis under the last row shown."""
        draw.value_axis(self.d, self.ax, self.label_w, self.py(self.r1), self.pw, True,
                        self.px)

    def legend(self) -> None:
        draw.legend(self.d, self.chart.legend, 4, 12 + (self.legend_h - 12), W - 8)


#: the type (points) the swimlane chart's ids are planned for (``swimlane_plot``); they
#: print at this size or smaller (``_node_font``)
NODE_FONT = 6.2


def _node_font(row_h: float) -> float:
    return min(NODE_FONT, row_h * 0.55)


def swimlane_plot(chart: Any) -> tuple[float, tuple[float, float]]:
    """The label type (points) and the plot size (width, height in points) a
    ``DependencyChart`` of ``chart.height`` rows takes on the bilag page (the drawing of
    ``swimlanes``): pass them to ``dependency_chart(font_px=…, plot_px=…)`` so its edge
    routes bend round the ids and markers as the PDF prints them (the layout counts in
    pixels; here one pixel is one point)."""
    legend_h = 12 * (1 + len(chart.legend) // 4)
    row_h, _rows = _row_scale(chart.height, 40 + legend_h)
    return NODE_FONT, (W - _Lanes.label_w - 10, row_h * max(chart.height, 1.0))


def swimlanes(chart: Any) -> Drawing:
    """A ``dependency_chart.DependencyChart``: one lane per forvaltning, nodes and edges.

    An edge follows its route (``ChartEdge.route``, bent round other nodes' ids) when the
    layout made one — for the page's size when the chart was laid out with
    ``swimlane_plot`` — else the straight line; the arrow head points along its last
    segment."""
    f = _Lanes(chart)
    d, px, py, rows, row_h = f.d, f.px, f.py, f.rows, f.row_h
    f.lanes(W)
    f.axis()
    for e in chart.edges:
        pts = e.route or ((e.x0, e.y0), (e.x1, e.y1))
        if max(y for _x, y in pts) > rows:
            continue
        xy = [(px(x), py(y)) for x, y in pts]
        d.add(PolyLine([v for p in xy for v in p], strokeColor=draw.col(e.colour),
                       strokeWidth=min(e.width, 2.0), strokeDashArray=draw.DASH.get(e.line),
                       strokeLineJoin=1))
        (ax, ay), (bx, by) = xy[-2], xy[-1]
        d.add(draw.arrow_head(ax, ay, bx, by, e.colour))
    r = max(1.8, min(4.5, row_h * 0.3))
    for n in chart.nodes:
        if n.y > rows:
            continue
        d.add(draw.marker(n.shape, px(n.x), py(n.y), r, n.colour))
        if row_h >= 7:
            d.add(draw.text(px(n.x) + r + 1.5, py(n.y) - 2, n.label, _node_font(row_h)))
    f.legend()
    return d


def roadmap(chart: Any, row_h: float | None = None,
            window: tuple[float, float] | None = None) -> Drawing:
    """A ``roadmap.RoadmapChart``: lanes, bars by date, budget-year bands, arrows; the
    rows ``window`` (first, end) at ``row_h`` points when given (``roadmap_pages``: one
    page of a roadmap over several), else as many as fit one page. An arrow to a bar on
    another page runs to the page's edge."""
    if row_h is None or window is None:
        row_h, pages = roadmap_pages(chart)
        window = pages[0]
    if window[0] > 0 or window[1] < chart.height:  # one page of several
        chart = _part_chart(chart)
    f = _Lanes(chart, clamp=True, row_h=row_h, window=window)
    d, px, py, r0, r1, top, ax = f.d, f.px, f.py, f.r0, f.r1, f.top, f.ax
    for band in chart.bands:
        d.add(Rect(px(band.x0), py(r1), px(band.x1) - px(band.x0), f.plot_h,
                   fillColor=draw.col(band.colour), strokeColor=None))
    _band_names(f, chart.bands, getattr(chart, "bands_label", ""))
    f.lanes(f.label_w, separators=True)
    for rule in chart.rules:
        if rule.orientation == "v" and ax.lo <= rule.value <= ax.hi:
            d.add(draw.line(px(rule.value), py(r1), px(rule.value), top, rule.colour, 0.5,
                            rule.line))
    # drawn in layers, so that no year rule, band edge or dependency line crosses a
    # label: rules (above), arrows' lines, the labels' white boxes (each the full height
    # of its row, so that stacked labels leave no stub of a rule between them), the lane
    # separators again, the axis, bars, the labels' text, the arrow heads
    heads: list[Any] = []
    for a in chart.arrows:
        ends = (f.shows(a.y0), f.shows(a.y1))
        if not any(ends):
            continue
        (x0, y0), (x1, y1) = (a.x0, a.y0), (a.x1, a.y1)
        if not all(ends):  # cut at the page's edge, towards the bar on another page
            edge = r0 if min(a.y0, a.y1) < r0 else r1
            t = (edge - y0) / ((y1 - y0) or 1.0)
            cut = (x0 + t * (x1 - x0), edge)
            (x0, y0), (x1, y1) = ((x0, y0), cut) if ends[0] else (cut, (x1, y1))
        d.add(draw.line(px(x0), py(y0), px(x1), py(y1), a.colour, 0.7, a.line))
        if ends[1]:
            heads.append(draw.arrow_head(px(x0), py(y0), px(x1), py(y1), a.colour))
    bh = row_h * 0.6
    nxt: dict[str, float] = {}  # the start of the next bar on a bar's row: its label's end
    by_row: dict[float, list[Any]] = {}
    for b in chart.bars:
        by_row.setdefault(b.y, []).append(b)
    for row in by_row.values():
        row.sort(key=lambda b: b.x0)
        for a, b in zip(row, row[1:]):
            nxt[a.id] = b.x0
    shown = [b for b in chart.bars if f.shows(b.y)]
    labels: list[Any] = []
    if row_h >= LABEL_ROW_H:  # after the bar's end, or clear of the milestone's diamond
        size = _label_pt(row_h)
        for b in shown:
            x = px(b.x1) + (bh * 0.7 + 2 if b.milestone else 3)
            room = min(nxt.get(b.id, ax.hi), ax.hi)
            text = _bar_label(b, (px(room) if room < ax.hi else f.label_w + f.pw) - x - 3,
                              size)
            d.add(Rect(x - 0.8, py(b.y) - row_h / 2, stringWidth(text, REGULAR, size) + 1.6,
                       row_h, fillColor=draw.col("#ffffff"), strokeColor=None))
            labels.append(draw.text(x, py(b.y) - 0.3 * size, text, size))
        for lane in chart.lanes:  # the lane ends the boxes covered
            if r0 < lane.y1 < r1:
                d.add(draw.line(f.label_w, py(lane.y1), W, py(lane.y1), "#d5dbe1", 0.3))
    f.axis()  # after the boxes: the last row's labels reach down to it
    for b in shown:
        if b.milestone:
            d.add(draw.marker("diamond", px(b.x0), py(b.y), bh * 0.7, b.colour))
        else:
            d.add(Rect(px(b.x0), py(b.y) - bh / 2, max(1.0, px(b.x1) - px(b.x0)), bh,
                       fillColor=draw.col(b.colour), strokeColor=draw.col(
                           "#d55e00" if b.conflict else "#333333"),
                       strokeWidth=1.2 if b.conflict else 0.3))
    for g in (*labels, *heads):
        d.add(g)
    f.legend()
    return d


def _bar_label(bar: Any, width: float, size: float) -> str:
    """A roadmap bar's label in ``width`` points at ``size``: a bar labelled by its id
    (a roadmap of many initiatives) gains its title, and a title the chart shortened for
    the screen grows back, shortened with "…" only where the room up to the next bar of
    its row or the plot's edge ends (measured at ``size``); else its label, cut to fit
    (the id at least, which the packing made room for)."""
    label = bar.label
    whole = None
    if label == bar.id and bar.title and bar.title != bar.id:
        whole = f"{bar.id} {bar.title}"
    elif label.endswith("…") and bar.title.startswith(label[:-1].rstrip()):
        whole = bar.title  # shortened for the screen's proportions: the page may hold more
    if whole is not None:
        if stringWidth(whole, REGULAR, size) <= width:
            return whole
        if stringWidth(whole[: len(label) + 6] + "…", REGULAR, size) <= width:
            return draw.fit(whole, width, size)
    if stringWidth(label, REGULAR, size) <= width:
        return label
    return draw.fit(label, max(width, stringWidth(bar.id, REGULAR, size)), size)


def _band_names(f: "_Lanes", bands: Any, run_name: str) -> None:
    """The budget bands' names above the plot: each band's own name when every one fits
    its band at 6 pt, else ``run_name`` ("Budget 2027, BO1–BO3") over the run of bands,
    centred or, when wider, from its left end, kept inside the plot."""
    if not bands:
        return
    px, d, top = f.px, f.d, f.top
    if all(b.label and px(b.x1) - px(b.x0) > stringWidth(b.label, REGULAR, 6) + 2
           for b in bands):
        for b in bands:
            d.add(draw.text((px(b.x0) + px(b.x1)) / 2, top + 1, b.label, 6, "middle"))
        return
    if not run_name:
        return
    lo, hi = px(min(b.x0 for b in bands)), px(max(b.x1 for b in bands))
    w = stringWidth(run_name, REGULAR, 6)
    x = (lo + hi - w) / 2 if hi - lo >= w else lo
    x = max(f.label_w, min(x, f.label_w + f.pw - w))
    d.add(draw.text(x, top + 1, run_name, 6))


DRAWERS = {"ranking": stacked_bars, "bubble": bubble, "value_curve": value_curve,
           "dependencies": swimlanes, "roadmap": roadmap}


def chart_flowables(key: str, chart: Any, heading: Flowable | None = None) -> list[Flowable]:
    """Title, drawing and notes of one chart (kept together on a page); ``heading`` (the
    section heading before the first chart) is kept with them, never left alone at the
    foot of a page. A roadmap too long for one page continues over as many as it needs
    (``roadmap_pages``), each headed "Part k of n: rows a–b of N"."""
    if key == "roadmap":
        row_h, windows = roadmap_pages(chart)
        if len(windows) > 1:
            return _roadmap_parts(chart, row_h, windows, heading)
    d = DRAWERS[key](chart)
    out: list[Flowable] = [*([heading] if heading is not None else []), *_title(chart), d]
    rows = getattr(chart, "height", None)
    if rows is not None and key == "dependencies":
        _h, shown = _row_scale(rows, 40 + _legend_h(chart))
        if shown < rows:
            out.append(Paragraph(esc(_("Only the first {n} of {total} rows fit the page; the "
                                       "program shows the whole chart.").format(
                n=int(shown), total=int(rows))), styles()["note"]))
    room = d.height + 60 + (HEADING_H if heading is not None else 0)
    return [CondPageBreak(room), KeepTogether(out), *_notes(chart), Spacer(1, 8)]


def _roadmap_parts(chart: Any, row_h: float, windows: list[tuple[float, float]],
                   heading: Flowable | None) -> list[Flowable]:
    out: list[Flowable] = []
    total = int(math.ceil(chart.height))
    for k, window in enumerate(windows, start=1):
        d = roadmap(chart, row_h, window)
        part = Paragraph(esc(_("Part {k} of {n}: rows {a}–{b} of {total}.").format(
            k=k, n=len(windows), a=int(window[0]) + 1, b=int(math.ceil(window[1])),
            total=total)), styles()["muted"])
        head = [*([heading] if heading is not None and k == 1 else []), *_title(chart)]
        room = d.height + 60 + PART_H + (HEADING_H if heading is not None and k == 1 else 0)
        out += [CondPageBreak(room), KeepTogether([*head, part, d])]
    return [*out, *_notes(chart), Spacer(1, 8)]


def chart_pages(c: ReportContent, hooks: ExportHooks) -> list[Flowable]:
    """All charts of the content, each on a page of its own when it needs one; the
    "Charts" heading goes with the first."""
    heading: Flowable | None = Paragraph(esc(_("Charts")), styles()["h1"])
    out: list[Flowable] = []
    for key, chart in c.charts:
        hooks.check()
        out += chart_flowables(key, chart, heading)
        heading = None
    return out
