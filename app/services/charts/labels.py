"""Greedy label placement so labels do not pile up (bubble chart, dependency chart).

Each point gets at most one label, tried in priority order at eight positions around its
marker (right, left, above, below, then the diagonals) and kept at the first position
where the label box overlaps no label placed before, no marker, and stays inside the plot;
a label that finds no place is hidden (the point keeps its tooltip on screen and its row
in the PDF's table). This is the classic greedy point-feature labelling heuristic
(Christensen, Marks & Shieber, "An empirical study of algorithms for point-feature label
placement", ACM ToG 14(3), 1995), with a uniform grid so 5,000 points stay fast.

Coordinates are "layout pixels" of a nominal plot (``area``), y growing upward as in the
charts; the result is a *position name* per point, which a drawer applies at any size:
the layout stays free of overlaps as long as the text size keeps its proportion to the
plot (the descriptions say at which nominal size they were laid out).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

#: Position names, in the order they are tried. "right" = text starts right of the marker.
POSITIONS: tuple[str, ...] = (
    "right", "left", "above", "below", "above_right", "below_right", "above_left", "below_left",
)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def label_box(x: float, y: float, w: float, h: float, r: float, position: str) -> Box:
    """The box of a ``w`` × ``h`` label at ``position`` around a marker of radius ``r`` at (x, y)."""
    gap = r + 2.0
    if position == "right":
        return (x + gap, y - h / 2, x + gap + w, y + h / 2)
    if position == "left":
        return (x - gap - w, y - h / 2, x - gap, y + h / 2)
    if position == "above":
        return (x - w / 2, y + gap, x + w / 2, y + gap + h)
    if position == "below":
        return (x - w / 2, y - gap - h, x + w / 2, y - gap)
    d = gap * 0.7
    if position == "above_right":
        return (x + d, y + d, x + d + w, y + d + h)
    if position == "below_right":
        return (x + d, y - d - h, x + d + w, y - d)
    if position == "above_left":
        return (x - d - w, y + d, x - d, y + d + h)
    if position == "below_left":
        return (x - d - w, y - d - h, x - d, y - d)
    raise ValueError(f"unknown label position {position!r}")


class _Grid:
    """Boxes bucketed in a uniform grid for fast overlap queries."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1.0)
        self.cells: dict[tuple[int, int], list[Box]] = defaultdict(list)

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        c = self.cell
        return [
            (i, j)
            for i in range(int(box[0] // c), int(box[2] // c) + 1)
            for j in range(int(box[1] // c), int(box[3] // c) + 1)
        ]

    def add(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells[key].append(box)

    def add_many(self, boxes: Sequence[Box]) -> None:
        """``add`` for many boxes at once (5,000 markers: a few ms instead of tens)."""
        if not len(boxes):
            return
        c = self.cell
        grid = np.floor_divide(np.asarray(boxes, dtype=float), c).astype(np.int64)
        cells = self.cells
        for box, (i0, j0, i1, j1) in zip(boxes, grid.tolist()):
            for i in range(i0, i1 + 1):
                for j in range(j0, j1 + 1):
                    cells[(i, j)].append(box)

    def hits(self, box: Box, ignore: Box | None = None) -> bool:
        for key in self._keys(box):
            for other in self.cells.get(key, ()):
                if other is ignore:
                    continue
                if box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]:
                    return True
        return False


def place_labels(
    points: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    radii: Sequence[float],
    area: tuple[float, float],
    *,
    max_labels: int | None = None,
    obstacle_cap: float = 6.0,
    obstacle_margin: float = 0.0,
    blocked: Sequence[Box] = (),
) -> list[str | None]:
    """A position name (see ``POSITIONS``) or None (hidden) for each point's label.

    ``points`` in layout pixels (0..area) in priority order (most important first);
    ``sizes`` the label boxes (w, h) in the same pixels (may stop after the points that
    compete: the first ``4 × max_labels``); ``radii`` the marker radii.
    At most ``max_labels`` labels are placed (None = no limit). Other markers block a
    label only within ``obstacle_cap`` pixels of their centre: large bubbles are drawn
    translucent, so a label may cross a bubble's rim but never its centre; with
    ``obstacle_cap`` infinite a label keeps ``obstacle_margin`` pixels off every other
    marker's bounding square (more than its own gap of 2 px: then the label is nearest its
    own marker, the bubble chart on screen). ``blocked``
    boxes (x0, y0, x1, y1) are kept free, e.g. texts printed in the plot's corners.
    """
    n = len(points)
    cell = max([w for w, _h in sizes[:400]] + [16.0]) if n else 16.0
    markers = _Grid(cell)
    marker_boxes: list[Box] = []
    for (x, y), r in zip(points, radii):
        o = min(r, obstacle_cap) + obstacle_margin
        marker_boxes.append((x - o, y - o, x + o, y + o))
    markers.add_many(marker_boxes)
    labels = _Grid(cell)
    for box in blocked:
        labels.add(box)
    out: list[str | None] = [None] * n
    placed = 0
    aw, ah = area
    # only the most important points compete for a label: a crowded plot (5,000 points)
    # would otherwise test thousands of hopeless candidates
    tries = min(len(sizes), n if max_labels is None else min(n, 4 * max_labels))
    for i, ((x, y), (w, h), r) in enumerate(zip(points[:tries], sizes[:tries], radii[:tries])):
        if max_labels is not None and placed >= max_labels:
            break
        for position in POSITIONS:
            box = label_box(x, y, w, h, r, position)
            if box[0] < 0 or box[1] < 0 or box[2] > aw or box[3] > ah:
                continue
            if labels.hits(box) or markers.hits(box, ignore=marker_boxes[i]):
                continue
            labels.add(box)
            out[i] = position
            placed += 1
            break
    return out


#: advance widths (em) of DejaVu Sans, the widest of the fonts the charts meet (Segoe UI,
#: Helvetica and Liberation Sans are narrower), by character class, rounded up
_NARROW = frozenset(" .,:;'|!ijlftI()[]")
_WIDE = frozenset("mwMW@%ÆæŒœ")
_WIDTHS = {"narrow": 0.36, "dash": 0.38, "digit": 0.64, "upper": 0.78, "lower": 0.63,
           "wide": 1.04, "other": 0.72}


def _em(ch: str) -> float:
    if ch in _NARROW:
        return _WIDTHS["narrow"]
    if ch in _WIDE:
        return _WIDTHS["wide"]
    if ch in "-–":
        return _WIDTHS["dash"]
    if ch.isdigit():
        return _WIDTHS["digit"]
    if ch.isascii() and ch.isupper():
        return _WIDTHS["upper"]
    if ch.isascii() and ch.islower():
        return _WIDTHS["lower"]
    return _WIDTHS["other"]


def text_size(text: str, font_px: float, bold: bool = False) -> tuple[float, float]:
    """An estimate of a label's box (w, h) in pixels for a sans-serif font of ``font_px``.

    Per character class, the advance widths of DejaVu Sans rounded up (digits 0.64 em,
    capitals ≤ 0.78 em, spaces and narrow letters 0.36 em; Segoe UI and Helvetica are
    narrower), 14 % more for bold, so an estimated box does not undercut the drawn text.
    """
    w = sum(_em(ch) for ch in text) if text else _WIDTHS["upper"]
    return (w * font_px * (1.14 if bold else 1.0), 1.25 * font_px)
