"""The shared parts of every chart description: axes, ticks, legend entries, marks.

Plain frozen dataclasses, no Qt and no reportlab, so one description is drawn by
pyqtgraph on screen and by reportlab in the PDF. See the package docstring for the
coordinate conventions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Marker shapes. Each forvaltning has a colour *and* a shape, so a chart never relies on
#: colour alone (WCAG 2.1 success criterion 1.4.1 "Use of Color").
CIRCLE = "circle"
SQUARE = "square"
TRIANGLE = "triangle"  # pointing up
DIAMOND = "diamond"
TRIANGLE_DOWN = "triangle_down"
PENTAGON = "pentagon"
HEXAGON = "hexagon"
STAR = "star"
SHAPES: tuple[str, ...] = (
    CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, PENTAGON, HEXAGON, STAR,
)

#: Fill patterns of bar segments (beside the colour and the legend order).
SOLID = "solid"
HATCH = "hatch"  # diagonal lines
DOTS = "dots"
CROSS = "cross"  # cross-hatched
PATTERNS: tuple[str, ...] = (SOLID, HATCH, DOTS, CROSS)

#: Line styles.
LINE_SOLID = "solid"
LINE_DASHED = "dashed"
LINE_DOTTED = "dotted"


@dataclass(frozen=True)
class Tick:
    """A tick on an axis at ``value`` (in the axis' data unit) with its printed label."""

    value: float
    label: str


@dataclass(frozen=True)
class Axis:
    """An axis: title, data range ``lo``..``hi`` and ticks inside it.

    For a category axis (lanes, bars, heatmap rows) the ticks sit at the category
    positions and carry the category names.
    """

    title: str
    lo: float
    hi: float
    ticks: tuple[Tick, ...] = ()


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: a swatch drawn with ``colour`` and ``shape``/``pattern``/``line``.

    ``kind`` says which swatch to draw: "marker" (``shape``), "patch" (a filled box with
    ``pattern``) or "line" (``line`` style, e.g. a dashed red edge).
    """

    label: str
    colour: str
    kind: str = "marker"
    shape: str = CIRCLE
    pattern: str = SOLID
    line: str = LINE_SOLID


@dataclass(frozen=True)
class TextMark:
    """A free text at (``x``, ``y``) in data coordinates.

    ``anchor`` is where the text sits relative to the point: one of "left" (text starts at
    the point), "right" (text ends at it), "center", "above", "below".
    """

    x: float
    y: float
    text: str
    colour: str = "#000000"
    anchor: str = "left"
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    """A straight line across the plot: ``orientation`` "v" at x = ``value`` or "h" at y."""

    orientation: str
    value: float
    colour: str
    line: str = LINE_DASHED
    label: str = ""


@dataclass(frozen=True)
class Band:
    """A shaded rectangle ``x0..x1`` × ``y0..y1`` (e.g. a budget year or a target band)."""

    x0: float
    x1: float
    y0: float
    y1: float
    colour: str
    label: str = ""


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: ``start``..``start + value`` on the value axis.

    ``text`` is printed inside the segment when it fits (the value, or the series name).
    """

    series: int  # index into ``StackedBarChart.series``
    start: float
    value: float
    text: str = ""


@dataclass(frozen=True)
class Series:
    """A series of a bar chart: name, colour and pattern (never colour alone)."""

    name: str
    colour: str
    pattern: str = SOLID


@dataclass(frozen=True)
class Bar:
    """One category of a horizontal stacked bar chart.

    ``row`` counts from the top (0 = first bar). ``marker_colour``/``marker_shape`` draw a
    small swatch before the label (the forvaltning's colour and shape), when set.
    ``total_text`` is printed after the bar's end.
    """

    row: int
    label: str
    segments: tuple[Segment, ...]
    total_text: str = ""
    marker_colour: str | None = None
    marker_shape: str | None = None
    key: str = ""  # an initiative id or a unit id as text, for click-through
    code: str = ""  # a short label (a forvaltning's code) for narrow panels


@dataclass(frozen=True)
class StackedBarChart:
    """Horizontal stacked bars: categories down the left, the value axis along the bottom.

    Used for the portfolio balance, the maturity profile and the ranking with
    contributions. ``value_axis`` ticks are in the chart's unit (kr., a count, a score).
    """

    title: str
    series: tuple[Series, ...]
    bars: tuple[Bar, ...]
    value_axis: Axis
    legend: tuple[LegendEntry, ...]
    subtitle: str = ""
    notes: tuple[str, ...] = ()
    what_if: bool = False


@dataclass(frozen=True)
class ChartSet:
    """Several charts shown side by side / one after another (e.g. the balance panels)."""

    title: str
    charts: tuple[StackedBarChart, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
