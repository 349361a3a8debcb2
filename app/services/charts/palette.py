"""Colours and shapes: one colour and one shape per forvaltning, everywhere.

Forvaltninger take the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design",
https://jfly.uni-koeln.de/color/), which stays distinguishable with the common forms of
colour blindness. Vermillion (#D55E00) is kept back for flags (cycles, roadmap conflicts)
so a flagged edge is never mistaken for a forvaltning; flags are also dashed and
labelled. Criteria take Paul Tol's "muted" scheme (https://personal.sron.nl/~pault/) so a
criterion is never mistaken for a forvaltning either.

Assignment is stable: forvaltninger are taken in ``snapshots.load_units`` order (sort
order, then name), so the same unit keeps its colour in every chart, on screen and in
the PDF, as long as the organisation does not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.services.charts.model import PATTERNS, SHAPES
from app.services.snapshots import UnitInfo

#: Okabe–Ito without vermillion (kept for flags); black last, yellow late (weak on white).
UNIT_COLOURS: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
#: The flag colour: cycles, roadmap conflicts ("red" in the issue), Okabe–Ito vermillion.
FLAG = "#D55E00"
#: Initiatives whose lead unit is unknown.
NO_UNIT = "#999999"
#: The forvaltninger a slide groups into one lane "Other units" (``roadmap.group_lanes``):
#: a light grey, never a forvaltning's colour, told from ``NO_UNIT`` by its lane's name.
OTHER = "#C4C4C4"
#: Highlight of the selected initiative's upstream / downstream.
HIGHLIGHT = "#000000"
#: Text and lines that are not data.
INK = "#000000"
MUTED = "#666666"
GRID = "#D9D9D9"
#: Paul Tol "muted": the criteria of the ranking (same order as the UI's ranking bars).
CRITERION_COLOURS: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
    "#DDCC77", "#CC6677", "#882255", "#AA4499",
)
#: Two-part splits (development/operation, internal/citizen-facing): dark and light grey,
#: told apart by their patterns too, so they are never mistaken for a forvaltning.
PAIR: tuple[str, str] = ("#4D4D4D", "#C8C8C8")
#: Lines that are data but not a forvaltning (the value curve, the likely target).
DATA_LINE = "#222222"
#: A sequential blue ramp (ColorBrewer "Blues", 5 classes) for heatmaps and ordered levels.
SEQUENTIAL: tuple[str, ...] = ("#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C")


@dataclass(frozen=True)
class UnitStyle:
    """How a forvaltning is drawn: colour, marker shape, short code and name."""

    colour: str
    shape: str
    code: str
    name: str


def forvaltninger(units: Mapping[int, UnitInfo]) -> list[UnitInfo]:
    """The top units (forvaltninger) in ``load_units`` order."""
    return [u for u in units.values() if u.forvaltning_id == u.id]


def unit_styles(units: Mapping[int, UnitInfo]) -> dict[int, UnitStyle]:
    """``{forvaltning_id: UnitStyle}``; the i-th forvaltning gets colour i mod 7 and shape
    i mod 8, so with up to 56 forvaltninger no two share both."""
    out: dict[int, UnitStyle] = {}
    for i, unit in enumerate(forvaltninger(units)):
        out[unit.id] = UnitStyle(
            UNIT_COLOURS[i % len(UNIT_COLOURS)], SHAPES[i % len(SHAPES)], unit.code, unit.name
        )
    return out


def unit_colours(units: Mapping[int, UnitInfo]) -> dict[int, str]:
    """``{forvaltning_id: "#RRGGBB"}`` from the Okabe–Ito palette, stable by sort order."""
    return {uid: style.colour for uid, style in unit_styles(units).items()}


def criterion_colour(index: int) -> str:
    """The colour of the ``index``-th criterion (cycles after nine)."""
    return CRITERION_COLOURS[index % len(CRITERION_COLOURS)]


def criterion_pattern(index: int) -> str:
    """A fill pattern for the ``index``-th criterion, changing each time the colours cycle."""
    return PATTERNS[(index // len(CRITERION_COLOURS)) % len(PATTERNS)]


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (WCAG relative luminance)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return "#000000" if luminance > 0.179 else "#FFFFFF"
