"""Tables of the bilag: a common table builder, the budget table and the ranking table.

Every cell is a Paragraph, so long titles wrap inside their column and never run over the
page edge; the header row repeats on every page (``repeatRows``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from app.services.exports.budget import BudgetTable, budget_notes, column_label
from app.services.exports.content import ReportContent
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.services.exports.pdf.fonts import BOLD, REGULAR
from app.services.exports.pdf.styles import HEADER_BG, RULE, SELECTED_BG, ZEBRA, esc, styles
from app.services.i18n import _

#: usable width of the body frame on A4 with the document's margins (points)
BODY_WIDTH = 595.27 - 2 * 42
CELL_SIZE = 8.0
#: font size of the header row (the "head" paragraph style)
HEAD_SIZE = 7.5
_PAD = 3.0


def cell(text: object, style: str = "cell") -> Paragraph:
    """A table cell holding user text printed literally."""
    return Paragraph(esc(text), styles()[style])


#: where a line may break (str.split would also break at a no-break space)
_BREAKS = re.compile(r"[ \t\r\n]+")


def _word_width(text: str, font: str, size: float) -> float:
    """The widest unbreakable word of ``text`` (points); a no-break space joins words, a
    slash may end a line ("I drift/" "gevinstrealisering", see ``_markup``)."""
    return max((stringWidth(w, font, size) for w in _BREAKS.split(text.replace("/", "/ "))
                if w), default=0.0)


def _markup(text: str, font: str, size: float, room: float) -> str:
    """Cell text as Paragraph markup; a word too wide for ``room`` that holds a slash is
    broken after the slash (ReportLab would otherwise split it between two letters)."""
    words = _BREAKS.split(text)
    if not any("/" in w and stringWidth(w, font, size) > room for w in words):
        return esc(text)
    out = []
    for line in text.split("\n"):
        parts = []
        for w in line.split(" "):
            if "/" in w and stringWidth(w, font, size) > room:
                w = "/<br/>".join(esc(x) for x in w.split("/"))
            else:
                w = esc(w)
            parts.append(w)
        out.append(" ".join(parts))
    return "<br/>".join(out)


def _need(header: str, rows: Sequence[Sequence[object]], i: int, width: float,
          bold: set[int]) -> float:
    """The width column ``i`` needs so that none of its words is split (points)."""
    need = _word_width(str(header), BOLD, HEAD_SIZE)
    room = width - 2 * _PAD - 0.5
    for r, row in enumerate(rows):
        value = row[i]
        if isinstance(value, Flowable) or value is None:
            continue
        text = str(value)
        font = BOLD if r in bold else REGULAR
        if stringWidth(text, font, CELL_SIZE) > room:
            need = max(need, _word_width(text, font, CELL_SIZE))
    return need + 2 * _PAD + 1.0


def fit_widths(header: Sequence[str], rows: Sequence[Sequence[object]],
               widths: Sequence[float], flex: int | Sequence[int],
               bold_rows: Sequence[int] = ()) -> list[float]:
    """``widths`` (points) widened where a header or cell word would not fit its column
    (a word is never split: "Implementering", "1.000 kr."), the room taken from the
    ``flex`` columns in turn (those with free text: title, unit), each giving only what
    its own longest word does not need. The total stays the same; when the donors have
    nothing left to give, a word is split as before."""
    donors = [flex] if isinstance(flex, int) else list(flex)
    bold = set(bold_rows)
    out = list(widths)
    # a donor's every cell counts (it may wrap once narrower); the others' only when they
    # already wrap
    need = [_need(h, rows, i, 0.0 if i in donors else out[i], bold)
            for i, h in enumerate(header)]
    for i in range(len(out)):
        if i in donors or need[i] <= out[i]:
            continue
        for d in donors:
            give = min(need[i] - out[i], max(0.0, out[d] - max(need[d], widths[d] / 2)))
            out[i] += give
            out[d] -= give
    return out


def data_table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
               *, right: Sequence[int] = (), bold_rows: Sequence[int] = (),
               highlight_rows: Sequence[int] = (), zebra: bool = True,
               flex: int | Sequence[int] | None = None) -> Table:
    """A table with a repeated header. ``rows`` hold plain values or ready flowables;
    ``right``: column indexes aligned right (numbers); ``bold_rows``: data-row indexes in
    bold (totals); ``highlight_rows``: rows with a green tint; ``flex``: the column(s) that
    give room to the others so that no word is split (``fit_widths``).

    A value that fits its column on one line is drawn as a plain string (fast, printed
    literally); a longer one becomes an escaped, wrapping Paragraph, so nothing ever runs
    over the column edge.
    """
    st = styles()
    if flex is not None:
        widths = fit_widths(header, rows, widths, flex, bold_rows)
    head = [Paragraph(esc(h), st["head_right" if i in right else "head"])
            for i, h in enumerate(header)]
    room = [w - 2 * _PAD - 0.5 for w in widths]
    body: list[list[object]] = []
    for r, row in enumerate(rows):
        bold = r in bold_rows
        font = BOLD if bold else REGULAR
        out: list[object] = []
        for i, value in enumerate(row):
            if isinstance(value, Flowable):
                out.append(value)
                continue
            text = "" if value is None else str(value)
            if "\n" not in text and stringWidth(text, font, CELL_SIZE) <= room[i]:
                out.append(text)
                continue
            name = "cell_right" if i in right else ("cell_bold" if bold else "cell")
            out.append(Paragraph(_markup(text, font, CELL_SIZE, room[i]), st[name]))
        body.append(out)
    table = Table([head, *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    cmds: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 1), (-1, -1), REGULAR, CELL_SIZE, 9.8),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
    ]
    for i in right:
        cmds.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    if zebra:
        for r in range(1, len(body) + 1, 2):
            cmds.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    for r in highlight_rows:
        cmds.append(("BACKGROUND", (0, r + 1), (-1, r + 1), SELECTED_BG))
    for r in bold_rows:
        cmds.append(("LINEABOVE", (0, r + 1), (-1, r + 1), 0.6, colors.black))
        cmds.append(("FONT", (0, r + 1), (-1, r + 1), BOLD, CELL_SIZE, 9.8))
    table.setStyle(TableStyle(cmds))
    return table


def budget_header(c: ReportContent, table: BudgetTable) -> list[str]:
    """Column headers of a budget table: the text column, the years (budget year first,
    then overslagsår), "Other years" and "No year" when needed, and the total."""
    # the prices as the sentence above the table and the budget view name them
    # (``economics.PriceBasis.phrase``): never "fixed prices" for a source stating none
    head = [c.unit_with_prices]
    for col in table.columns():
        head.append(column_label(col))
    head.append(_("Total"))
    return head


def budget_rows(c: ReportContent, table: BudgetTable,
                section: str) -> tuple[list[list[str]], list[int]]:
    """The printed rows of one section of a budget table (in ``c.unit``) and the indexes
    of its total rows."""
    rows: list[list[str]] = []
    bold: list[int] = []
    for r in table.rows:
        if r.section != section:
            continue
        if r.kind != "line":
            bold.append(len(rows))
        rows.append([r.label, *(c.money(r.values[col]) for col in table.columns()),
                     c.money(r.total())])
    return rows, bold


def budget_flowables(c: ReportContent) -> list[Flowable]:
    """The budget table (expenses and savings) and the financing table, as flowables;
    each kept on one page (a table of a few rows split over two pages leaves its total
    alone on the next), unless it is longer than a page."""
    table = c.budget
    n = len(table.columns())
    first = 170.0
    rest = (BODY_WIDTH - first) / (n + 1)
    widths = [first, *([rest] * (n + 1))]
    right = list(range(1, n + 2))
    out: list[Flowable] = []
    rows, bold = budget_rows(c, table, "expenses")
    notes = [Paragraph(esc(n), styles()["note"]) for n in budget_notes(table, c.money, c.unit)]
    out.append(KeepTogether([data_table(budget_header(c, table), rows, widths, right=right,
                                        bold_rows=bold, zebra=False), *notes]))
    fin, fin_bold = budget_rows(c, table, "financing")
    if fin:
        head = budget_header(c, table)
        head[0] = _("Financing source, {unit}").format(unit=c.unit)
        out.append(KeepTogether([
            Paragraph(esc(_("Financing of the expenditure")), styles()["h3"]),
            data_table(head, fin, widths, right=right, bold_rows=fin_bold, zebra=False)]))
    return out
