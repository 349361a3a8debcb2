"""Drawing primitives for chart descriptions in reportlab.graphics (vector): markers of
every shape, patterned patches, dashed lines, legends and value axes."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors

from app.services.exports.pdf.fonts import BOLD, REGULAR

Colour = colors.Color
DASH = {"dashed": [4, 3], "dotted": [1, 2], "solid": None}


def col(hex_colour: str | None, fallback: str = "#777777") -> Colour:
    """``"#RRGGBB"`` → a reportlab colour."""
    return colors.HexColor(hex_colour or fallback)


def text(x: float, y: float, s: str, size: float = 7, anchor: str = "start",
         bold: bool = False, colour: str = "#1a1a1a") -> String:
    """A text at (x, y) baseline; drawn literally (no markup)."""
    return String(x, y, s, fontName=BOLD if bold else REGULAR, fontSize=size,
                  textAnchor=anchor, fillColor=col(colour))


def fit(s: str, width: float, size: float = 7) -> str:
    """``s`` cut with "…" so it fits ``width`` points at ``size``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(s, REGULAR, size) <= width:
        return s
    while s and stringWidth(s + "…", REGULAR, size) > width:
        s = s[:-1]
    return s.rstrip() + "…"


def marker(shape: str | None, x: float, y: float, r: float, fill: str,
           stroke: str = "#1a1a1a", hollow: bool = False) -> Group:
    """A marker of ``shape`` (model.SHAPES) centred on (x, y) with radius ``r``."""
    g = Group()
    fc = None if hollow else col(fill)
    sc = col(fill) if hollow else col(stroke)
    sw = 1.2 if hollow else 0.4

    def poly(n: int, rot: float, radius: float = r) -> list[float]:
        pts: list[float] = []
        for k in range(n):
            a = rot + 2 * math.pi * k / n
            pts += [x + radius * math.cos(a), y + radius * math.sin(a)]
        return pts

    shape = shape or "circle"
    if shape == "circle":
        g.add(Circle(x, y, r, fillColor=fc, strokeColor=sc, strokeWidth=sw))
    elif shape == "square":
        g.add(Rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7, fillColor=fc, strokeColor=sc,
                   strokeWidth=sw))
    elif shape == "star":
        pts: list[float] = []
        for k in range(10):
            rad = r if k % 2 == 0 else r * 0.45
            a = math.pi / 2 + math.pi * k / 5
            pts += [x + rad * math.cos(a), y + rad * math.sin(a)]
        g.add(Polygon(pts, fillColor=fc, strokeColor=sc, strokeWidth=sw))
    else:
        n, rot = {"triangle": (3, math.pi / 2), "triangle_down": (3, -math.pi / 2),
                  "diamond": (4, math.pi / 2), "pentagon": (5, math.pi / 2),
                  "hexagon": (6, 0.0)}.get(shape, (4, math.pi / 4))
        g.add(Polygon(poly(n, rot), fillColor=fc, strokeColor=sc, strokeWidth=sw))
    return g


def patch(x: float, y: float, w: float, h: float, fill: str, pattern: str = "solid") -> Group:
    """A filled rectangle with a pattern drawn over it (hatch, dots, cross)."""
    g = Group()
    g.add(Rect(x, y, w, h, fillColor=col(fill), strokeColor=colors.white, strokeWidth=0.3))
    if pattern in ("hatch", "cross") and w > 2 and h > 2:
        step = 4.0
        ink = colors.Color(1, 1, 1, alpha=0.75)
        for k in range(-int(h // step) - 1, int(w // step) + 2):
            # line x = x0 + k*step + t, y = y + t, clipped to the rectangle
            x0 = x + k * step
            t0 = max(0.0, x - x0)
            t1 = min(h, x + w - x0)
            if t1 > t0:
                g.add(Line(x0 + t0, y + t0, x0 + t1, y + t1, strokeColor=ink, strokeWidth=0.6))
            if pattern == "cross":
                x1 = x + w - k * step
                t0b = max(0.0, x1 - (x + w))
                t1b = min(h, x1 - x)
                if t1b > t0b:
                    g.add(Line(x1 - t0b, y + t0b, x1 - t1b, y + t1b, strokeColor=ink,
                               strokeWidth=0.6))
    elif pattern == "dots" and w > 2 and h > 2:
        for xx in range(int(x + 2), int(x + w - 1), 4):
            for yy in range(int(y + 2), int(y + h - 1), 4):
                g.add(Circle(xx, yy, 0.6, fillColor=colors.white, strokeColor=None))
    return g


def line(x0: float, y0: float, x1: float, y1: float, colour: str, width: float = 0.8,
         style: str = "solid") -> Line:
    """A line with a style of ``DASH``."""
    return Line(x0, y0, x1, y1, strokeColor=col(colour), strokeWidth=width,
                strokeDashArray=DASH.get(style))


def arrow_head(x0: float, y0: float, x1: float, y1: float, colour: str, size: float = 3.5) -> Polygon:
    """A filled arrow head at (x1, y1) pointing from (x0, y0)."""
    a = math.atan2(y1 - y0, x1 - x0)
    pts = [x1, y1,
           x1 - size * math.cos(a - 0.45), y1 - size * math.sin(a - 0.45),
           x1 - size * math.cos(a + 0.45), y1 - size * math.sin(a + 0.45)]
    return Polygon(pts, fillColor=col(colour), strokeColor=None)


def legend(d: Drawing, entries: Sequence, x: float, y: float, width: float,
           size: float = 6.5) -> float:
    """Legend entries (model.LegendEntry) in rows from (x, y) downward within ``width``;
    returns the y below the legend."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cx, cy = x, y
    for e in entries:
        w = 12 + stringWidth(e.label, REGULAR, size) + 10
        if cx + w > x + width and cx > x:
            cx, cy = x, cy - 10
        if e.kind == "patch":
            d.add(patch(cx, cy - 1, 8, 6, e.colour, e.pattern))
        elif e.kind == "line":
            d.add(line(cx, cy + 2, cx + 9, cy + 2, e.colour, 1.2, e.line))
        else:
            d.add(marker(e.shape, cx + 4, cy + 2, 3, e.colour))
        d.add(text(cx + 11, cy, e.label, size))
        cx += w
    return cy - 10


def value_axis(d: Drawing, axis, x: float, y: float, length: float, horizontal: bool,
               to_pos: Callable[[float], float], size: float = 6.5, grid: float = 0.0) -> None:
    """An axis line with its ticks (model.Axis) and title; ``grid`` > 0 draws grid lines
    of that length across the plot."""
    grey = "#888888"
    if horizontal:
        d.add(line(x, y, x + length, y, grey, 0.6))
        for t in axis.ticks:
            px = to_pos(t.value)
            if x - 0.5 <= px <= x + length + 0.5:
                d.add(line(px, y, px, y - 3, grey, 0.6))
                d.add(text(px, y - 10, t.label, size, "middle"))
                if grid:
                    d.add(line(px, y, px, y + grid, "#e3e3e3", 0.4))
        d.add(text(x + length / 2, y - 20, axis.title, size, "middle", bold=True))
    else:
        d.add(line(x, y, x, y + length, grey, 0.6))
        for t in axis.ticks:
            py = to_pos(t.value)
            if y - 0.5 <= py <= y + length + 0.5:
                d.add(line(x, py, x - 3, py, grey, 0.6))
                d.add(text(x - 5, py - 2, t.label, size, "end"))
                if grid:
                    d.add(line(x, py, x + grid, py, "#e3e3e3", 0.4))
        g = Group(text(0, 0, axis.title, size, "middle", bold=True))
        g.translate(x - 34, y + length / 2)
        g.rotate(90)
        d.add(g)


def polyline(points: list[float], colour: str, width: float = 1.2) -> PolyLine:
    return PolyLine(points, strokeColor=col(colour), strokeWidth=width)
