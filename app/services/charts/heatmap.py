"""(b) The forvaltning × forvaltning dependency heatmap.

Row i = the forvaltning whose initiatives *depend* (the dependant), column j = the
forvaltning they depend on (the prerequisite); cell (i, j) counts such dependencies.
The diagonal is work within one forvaltning; everything off it is cross-departmental.
Cells are coloured on a five-class sequential ramp (ColorBrewer "Blues") by count and
always carry the number, so the count never rests on colour alone; row and column labels
carry the forvaltning's colour swatch and code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.services import dependencies as dep
from app.services.charts import palette
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo


@dataclass(frozen=True)
class HeatCell:
    """Cell at ``row``, ``col`` (0-based, row 0 at the top) with its count and colours."""

    row: int
    col: int
    count: int
    fill: str
    text_colour: str
    diagonal: bool


@dataclass(frozen=True)
class HeatLabel:
    """A row or column header: the forvaltning's code, full name, colour and shape."""

    code: str
    name: str
    colour: str
    shape: str


@dataclass(frozen=True)
class HeatmapChart:
    title: str
    row_title: str  # "depends on …" reading: rows depend on columns
    col_title: str
    rows: tuple[HeatLabel, ...]
    cols: tuple[HeatLabel, ...]
    cells: tuple[HeatCell, ...]  # every cell, row-major
    max_count: int
    cross_total: int  # dependencies off the diagonal
    total: int
    notes: tuple[str, ...] = ()
    what_if: bool = False


def _class_of(count: int, top: int) -> int:
    if count <= 0 or top <= 0:
        return 0
    return 1 + min(3, int(4 * (count - 1) / max(1, top)))


def heatmap_chart(
    rows: Sequence[InitiativeRow], units: Mapping[int, UnitInfo], *, title: str | None = None,
    what_if: bool = False,
) -> HeatmapChart:
    """The heatmap of ``dependencies.unit_matrix`` over all forvaltninger.

    Forvaltninger with no initiatives at all are left out so the grid stays readable.
    """
    matrix = dep.unit_matrix(rows, units)
    styles = palette.unit_styles(units)
    leads = {dep.forvaltning_of(r, units) for r in rows}
    keep = [i for i, uid in enumerate(matrix.unit_ids) if uid in leads]
    labels = tuple(
        HeatLabel(styles[matrix.unit_ids[i]].code, styles[matrix.unit_ids[i]].name,
                  styles[matrix.unit_ids[i]].colour, styles[matrix.unit_ids[i]].shape)
        for i in keep
    )
    top = max((matrix.counts[i][j] for i in keep for j in keep), default=0)
    cells = []
    cross = 0
    for ri, i in enumerate(keep):
        for ci, j in enumerate(keep):
            count = matrix.counts[i][j]
            fill = palette.SEQUENTIAL[_class_of(count, top)] if count else "#FFFFFF"
            cells.append(HeatCell(ri, ci, count, fill, palette.text_on(fill), ri == ci))
            if ri != ci:
                cross += count
    total = sum(c.count for c in cells)
    notes = (
        _("{cross} of {total} dependencies cross forvaltninger.").format(cross=cross, total=total),
    )
    return HeatmapChart(
        title=title or _("Dependencies between forvaltninger"),
        row_title=_("Initiatives of (row) …"),
        col_title=_("… depend on initiatives of (column)"),
        rows=labels, cols=labels, cells=tuple(cells), max_count=top, cross_total=cross,
        total=total, notes=notes, what_if=what_if,
    )
