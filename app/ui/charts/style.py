"""Qt/pyqtgraph forms of the chart descriptions' colours, shapes, patterns and lines."""

from __future__ import annotations

import math
from functools import lru_cache

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from app.services.charts import model
from app.services.formatting import format_number

#: description shape → pyqtgraph symbol code
SYMBOLS: dict[str, str] = {
    model.CIRCLE: "o", model.SQUARE: "s", model.TRIANGLE: "t1", model.DIAMOND: "d",
    model.TRIANGLE_DOWN: "t", model.PENTAGON: "p", model.HEXAGON: "h", model.STAR: "star",
}
_LINES = {
    model.LINE_SOLID: Qt.PenStyle.SolidLine,
    model.LINE_DASHED: Qt.PenStyle.DashLine,
    model.LINE_DOTTED: Qt.PenStyle.DotLine,
}
_PATTERNS = {
    model.HATCH: Qt.BrushStyle.BDiagPattern,
    model.DOTS: Qt.BrushStyle.Dense6Pattern,
    model.CROSS: Qt.BrushStyle.DiagCrossPattern,
}


@lru_cache(maxsize=4096)
def colour(hex_colour: str, alpha: int = 255) -> QColor:
    c = QColor(hex_colour)
    c.setAlpha(alpha)
    return c


@lru_cache(maxsize=4096)
def pen(hex_colour: str, width: float = 1.0, line: str = model.LINE_SOLID,
        alpha: int = 255) -> QPen:
    """A cosmetic pen (width in screen pixels, whatever the zoom).

    Pens and brushes are shared (cached): pyqtgraph's symbol atlas keys on the object, so
    1,000 markers in eight styles render eight symbols, not 1,000. Never modify one.
    """
    p = QPen(colour(hex_colour, alpha))
    p.setWidthF(width)
    p.setStyle(_LINES.get(line, Qt.PenStyle.SolidLine))
    p.setCosmetic(True)
    return p


def darker(hex_colour: str, factor: int = 160) -> str:
    """A darker shade of a colour (outlines that do not turn thin bars black)."""
    return colour(hex_colour).darker(factor).name()


@lru_cache(maxsize=4096)
def brush(hex_colour: str, alpha: int = 255) -> QBrush:
    return QBrush(colour(hex_colour, alpha))


def pattern_brush(pattern: str, on: str = "#000000") -> QBrush | None:
    """The overlay brush of a fill pattern (None for solid): lines in ``on`` colour."""
    style = _PATTERNS.get(pattern)
    if style is None:
        return None
    return QBrush(colour(on, 150), style)


def symbol(shape: str) -> str:
    return SYMBOLS.get(shape, "o")


def small_px(font_px: float) -> float:
    """The size of secondary chart text (labels, values in bars): a little smaller than the
    axis type on screen, but never smaller at projector sizes (slides keep ≥ 24 px)."""
    return font_px if font_px >= 20 else font_px * 0.88


def font(px: float, bold: bool = False) -> QFont:
    """A font of ``px`` pixels (pixel size, so it is the same on every screen scaling)."""
    f = QFont()
    f.setPixelSize(max(1, int(round(px))))
    f.setBold(bold)
    return f


def shape_path(shape: str, cx: float, cy: float, r: float) -> QPainterPath:
    """A marker ``shape`` as a path centred on (cx, cy) with radius ``r`` (for swatches)."""
    path = QPainterPath()
    if shape == model.SQUARE:
        path.addRect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7)
        return path
    if shape == model.CIRCLE:
        path.addEllipse(QPointF(cx, cy), r, r)
        return path
    import math

    corners = {
        model.TRIANGLE: [(-90 + 120 * k) for k in range(3)],
        model.TRIANGLE_DOWN: [(90 + 120 * k) for k in range(3)],
        model.DIAMOND: [0, 90, 180, 270],
        model.PENTAGON: [(-90 + 72 * k) for k in range(5)],
        model.HEXAGON: [(60 * k) for k in range(6)],
    }.get(shape)
    if corners is None:  # star
        pts = []
        for k in range(10):
            rr = r if k % 2 == 0 else r * 0.45
            a = math.radians(-90 + 36 * k)
            pts.append(QPointF(cx + rr * math.cos(a), cy + rr * math.sin(a)))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
        return path
    pts = [QPointF(cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)))
           for a in corners]
    path.addPolygon(QPolygonF(pts))
    path.closeSubpath()
    return path


def paint_swatch(painter: QPainter, entry: model.LegendEntry, x: float, y: float,
                 size: float) -> None:
    """Draw a legend entry's swatch in the square (x, y, size, size)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    cx, cy = x + size / 2, y + size / 2
    if entry.kind == "line":
        p = QPen(colour(entry.colour))
        p.setWidthF(max(2.0, size / 7))
        p.setStyle(_LINES.get(entry.line, Qt.PenStyle.SolidLine))
        painter.setPen(p)
        painter.drawLine(QPointF(x, cy), QPointF(x + size, cy))
    elif entry.kind == "patch":
        painter.setPen(QPen(colour("#333333"), 1))
        painter.setBrush(brush(entry.colour))
        painter.drawRect(int(x + 1), int(y + size * 0.15), int(size - 2), int(size * 0.7))
        overlay = pattern_brush(entry.pattern)
        if overlay is not None:
            painter.setBrush(overlay)
            painter.drawRect(int(x + 1), int(y + size * 0.15), int(size - 2), int(size * 0.7))
    else:
        painter.setPen(QPen(colour("#000000"), 1.2))
        painter.setBrush(brush(entry.colour))
        painter.drawPath(shape_path(entry.shape, cx, cy, size * 0.42))
    painter.restore()


def style_plot(plot: pg.PlotItem, font_px: float) -> None:
    """Black axes and ticks in ``font_px`` type on a white plot."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.enableAutoSIPrefix(False)  # the descriptions' ticks carry their own units
        axis.setPen(pg.mkPen("#000000"))
        axis.setTextPen(pg.mkPen("#000000"))
        axis.setStyle(tickFont=font(font_px), tickTextOffset=max(4, int(font_px / 3)),
                      hideOverlappingLabels=False)
        axis.label.setFont(font(font_px))


def apply_ticks(axis: pg.AxisItem, ticks: object) -> None:
    """Set the description's ticks (``Tick`` objects) as the axis' only major ticks."""
    axis.setTicks([[(t.value, t.label) for t in ticks], []])  # type: ignore[attr-defined]


def text_item(text: str, colour_hex: str, px: float, anchor: tuple[float, float],
              bold: bool = False) -> pg.TextItem:
    item = pg.TextItem(text, color=colour(colour_hex), anchor=anchor)
    item.setFont(font(px, bold))
    return item


def rule_line(value: float, angle: int, line_pen: QPen, label: str | None, colour_hex: str,
              px: float, position: float = 0.95) -> pg.InfiniteLine:
    """An ``InfiniteLine`` at ``value`` whose label (if any) is printed in ``px`` type."""
    item = pg.InfiniteLine(value, angle=angle, pen=line_pen, label=label or None,
                           labelOpts={"position": position, "color": colour(colour_hex)})
    text = getattr(item, "label", None)
    if text is not None:
        text.textItem.setFont(font(px))
    return item


class LocaleAxisItem(pg.AxisItem):
    """A pyqtgraph axis whose own ticks are written in the current language — "0,2" in
    Danish, "0.2" in English — through ``formatting.format_number`` (Babel).

    The chart descriptions set their ticks (``apply_ticks``, already formatted); an axis
    left to pyqtgraph (an empty chart, a lane axis' other side) took ``AxisItem.tickStrings``,
    which prints with Python's ``%f``/``%g``: always a decimal point. The decimals are
    pyqtgraph's own rule: enough for the tick spacing (``ceil(-log10(spacing))``).
    """

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            return super().tickStrings(values, scale, spacing)
        step = abs(spacing * scale)
        places = max(0, math.ceil(-math.log10(step))) if step > 0 else 0
        return [format_number(v * scale, places) for v in values]


def locale_axes() -> dict[str, LocaleAxisItem]:
    """The left and bottom axes of a plot as ``LocaleAxisItem`` (``PlotItem``'s
    ``axisItems``). Only these two: ``PlotItem.setAxisItems`` shows every axis it is given,
    and showing the hidden top and right ones while the plot is built (then hiding them)
    changed the first layout — the bubble chart placed its labels for a view box not yet
    laid out. The top and right axes are hidden; the one shown (the heatmap's codes)
    has its ticks set (``setTicks``)."""
    return {name: LocaleAxisItem(orientation=name) for name in ("left", "bottom")}


class PlotWidget(pg.PlotWidget):
    """``pg.PlotWidget`` on a white background, its axes ``LocaleAxisItem``, whose view box leaves pyqtgraph's registry of
    views (``ViewBox.AllViews``, what ``ViewBox.unregister`` does) when the widget is
    deleted.

    Our charts are deleted with their view or window (a screenshot's window, a closed
    presentation, another portfolio) without ``ViewBox.close()``; the registry keeps the
    view box's Python wrapper until the cyclic collector frees it, and at exit pyqtgraph's
    ``ViewBox.quit`` disconnects every registered view, which on a deleted one printed
    'RuntimeWarning: Failed to disconnect (NoneType) from signal "destroyed()"' (PySide6
    ≥ 6.7 warns instead of raising; pyqtgraph PR #3173 and its discussion: it happens
    only for a view whose object is no longer alive).
    """

    def __init__(self, parent: object | None = None, **kwargs: object) -> None:
        kwargs.setdefault("background", "w")
        kwargs.setdefault("axisItems", locale_axes())  # no "0.2" in Danish on any axis
        super().__init__(parent, **kwargs)
        vb = self.getPlotItem().getViewBox()
        self.destroyed.connect(lambda *_: pg.ViewBox.AllViews.pop(vb, None))
