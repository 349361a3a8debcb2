"""The agenda item (dagsordenspunkt) as DOCX (python-docx): Sagsfremstilling, Indstilling
with numbered "at"-points, Økonomi with the budget table, Bilag. Editable text and real
Word tables, so it pastes into the agenda system (DESIGN §8)."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from app.services.exports.budget import BudgetTable, budget_notes, column_label
from app.services.exports.common import ExportHooks
from app.services.exports.content import ReportContent
from app.services.exports.fmt import format_score
from app.services.exports.texts import (
    at_points,
    cost_split,
    hidden_note,
    method_facts,
    no_recommendation_hint,
    recommended_lines,
)
from app.services.formatting import format_amount, format_long_date
from app.services.i18n import _, ngettext


TABLE_PT = Pt(9)
_NUMBER_RANGE = re.compile(r"(\d)\u2013(\d)")


def _clean(text: str) -> str:
    """Text Word can hold: XML-illegal control characters removed (python-docx refuses
    them); ``&``, ``<``, ``>`` are escaped by python-docx itself."""
    return "".join(ch for ch in str(text) if ch in "\t\n\r" or ord(ch) >= 32)


def _shade(cell, hex_fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def _row_flag(row, name: str) -> None:
    """Set a row property: ``w:tblHeader`` (repeat on each page), ``w:cantSplit``."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement(name)
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _repeat_header(row) -> None:
    _row_flag(row, "w:tblHeader")


#: the text width of the page (A4, 2.2 cm margins) in cm
BODY_CM = 16.6
#: a cell's left and right padding together (Word's default 0.19 cm each, and a little air)
CELL_PAD_CM = 0.45


def _budget_widths(header: list[str], rows: list[list[str]]) -> tuple[list[float], Pt]:
    """Column widths (cm) and type size of a budget table, so that no amount and no word
    of a label breaks: the value columns as wide as their widest amount, the label column
    as wide as its longest word, both in bold by ``text_size``'s DejaVu estimate (what
    LibreOffice falls back to when Calibri is missing; Calibri is narrower). 9 pt type,
    8 or 7.5 pt when the amounts need the room ("-257.628,3" in mio. GBP for the GMPP);
    value columns share at least 11.4 cm, the label column takes the rest."""
    from app.services.charts.labels import text_size

    def cm(text: str, size: float) -> float:
        return text_size(text, size, bold=True)[0] / 28.35 + CELL_PAD_CM

    n = len(header) - 1
    values = [v for r in [header, *rows] for v in r[1:]]
    words = [w for r in [header, *rows] for w in r[0].split()]
    for size in (9.0, 8.0, 7.5):
        need_value = max((cm(v, size) for v in values), default=0.0)
        need_label = max((cm(w, size) for w in words), default=0.0)
        if need_label + n * need_value <= BODY_CM:
            break
    value = max(need_value, 11.4 / n)
    if BODY_CM - n * value < need_label:
        value = max((BODY_CM - need_label) / n, need_value if
                    need_label + n * need_value <= BODY_CM else 0.0)
    return [BODY_CM - n * value, *([value] * n)], Pt(size)


def _table(doc, header: list[str], rows: list[list[str]], *, right: set[int] = frozenset(),
           bold_rows: set[int] = frozenset(), widths: list[float] | None = None,
           size: Pt = TABLE_PT):
    """A real Word table with a repeated, shaded header; ``right`` columns align right;
    ``widths`` in cm; ``size`` the type."""
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    _repeat_header(t.rows[0])
    for i, h in enumerate(header):
        cell = t.rows[0].cells[i]
        cell.text = ""
        # a range such as "0–100" stays on one line (Word breaks after an en dash)
        run = cell.paragraphs[0].add_run(_NUMBER_RANGE.sub("\\1\u2060\u2013\u2060\\2", _clean(h)))
        run.bold = True
        run.font.size = size
        if i in right:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _shade(cell, "DFE7EF")
    for r, values in enumerate(rows):
        row = t.add_row()
        _row_flag(row, "w:cantSplit")
        cells = row.cells
        for i, v in enumerate(values):
            p = cells[i].paragraphs[0]
            run = p.add_run(_clean(v))
            run.bold = r in bold_rows
            run.font.size = size
            if i in right:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if widths:  # Word reads the cell widths, LibreOffice the table grid: set both
        t.autofit = False
        for i, w in enumerate(widths):
            t.columns[i].width = Cm(w)
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    return t


def budget_table_rows(c: ReportContent, table: BudgetTable,
                      section: str) -> tuple[list[list[str]], set[int]]:
    """Printed rows (in ``c.unit``) of one section of the budget table and its totals."""
    rows: list[list[str]] = []
    bold: set[int] = set()
    for r in table.rows:
        if r.section != section:
            continue
        if r.kind != "line":
            bold.add(len(rows))
        rows.append([r.label, *(c.money(r.values[col]) for col in table.columns()),
                     c.money(r.total())])
    return rows, bold


def _budget_header(table: BudgetTable, first: str) -> list[str]:
    return [first, *(column_label(c) for c in table.columns()),
            _("Total")]


def build_docx(c: ReportContent, out: Path, *, hooks: ExportHooks | None = None) -> None:
    """Write the agenda item of ``c`` to ``out`` (the caller makes it atomic)."""
    hooks = hooks or ExportHooks()
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2.2)
    rec = c.recommendation
    doc.add_heading(_clean((_("{title}: the steering group's recommendation")
                            if rec is not None else _("{title}: ranking of the initiatives"))
                           .format(title=c.title)), level=0)
    meta = doc.add_paragraph()
    meta.add_run(_clean(" · ".join(x for x in (
        c.municipality,
        _("Meeting {date}").format(date=format_long_date(c.meeting_date))
        if c.meeting_date else format_long_date(c.generated_at.date()),
        _("Scenario: {name}").format(name=c.scenario.name)) if x)))
    if c.scenario.is_what_if:
        p = doc.add_paragraph()
        run = p.add_run(_("WHAT-IF SCENARIO") + " – " +
                        _("Not the adopted basis: weights or frames differ."))
        run.bold = True
        run.font.color.rgb = RGBColor(0xB3, 0x26, 0x1E)
    if c.public and c.hidden_count:
        doc.add_paragraph(_clean(ngettext(
            "For a public agenda: {n} confidential initiative is left out.",
            "For a public agenda: {n} confidential initiatives are left out.",
            c.hidden_count).format(n=c.hidden_count))).runs[0].italic = True
    hooks.step(0.3, _("Agenda item"))

    # Sagsfremstilling ---------------------------------------------------------------
    doc.add_heading(_("Case presentation"), level=1)
    doc.add_heading(_("Background"), level=2)
    units = {r.lead_department for r in c.initiatives.values() if r.lead_department}
    n = len(c.initiatives)
    mandatory = [r for r in c.initiatives.values() if r.mandatory]
    doc.add_paragraph(_clean(_(
        "The digitalisation steering group has reviewed the municipality's portfolio of "
        "digitalisation initiatives for budget {y0}–{y3}. The portfolio holds {n} initiatives "
        "from {u} units; {m} of them are mandatory because of law or binding joint-public "
        "agreements.").format(y0=c.budget_year, y3=c.budget_year + 3, n=n, u=len(units),
                              m=len(mandatory))))
    doc.add_heading(_("Process"), level=2)
    doc.add_paragraph(_clean(_(
        "The units proposed the initiatives with a business case. Each initiative was assessed "
        "on the adopted criteria by the proposer and the digitalisation unit, and an agreed "
        "score was set. The agreed scores and the weights “{weights}” rank the initiatives; the "
        "recommended portfolio is the set with the highest total value within the budget "
        "frames.").format(weights=c.weights.name)))
    doc.add_heading(_("The recommended portfolio"), level=2)
    if rec is None:
        doc.add_paragraph(_clean(c.no_recommendation_reason))
        if no_recommendation_hint(c):
            doc.add_paragraph(_clean(no_recommendation_hint(c)))
        top = c.ranking[:10]
        if top:
            doc.add_paragraph(_("The ten highest-ranked initiatives:"))
            _table(doc, [_("Rank"), _("Initiative"), _("Lead unit"), _("Score (0–100)")],
                   [[str(r.rank), f"{r.id} {r.title}", r.lead_department,
                     format_score(r.score)] for r in top], right={0, 3},
                   widths=[1.3, 8.0, 4.6, 2.3])
    else:
        doc.add_paragraph(_clean(ngettext(
            "The steering group recommends {n} initiative; it costs {cost} over all years.",
            "The steering group recommends {n} initiatives; together they cost {cost} over "
            "all years.",
            len(rec.selected)).format(n=len(rec.selected),
                                      cost=format_amount(rec.total_cost, c.currency))))
        if cost_split(c):
            doc.add_paragraph(_clean(cost_split(c)))
        rows = [[x.rank, f"{x.id} {x.title}", x.lead_department, x.basis, x.cost, x.score]
                for x in recommended_lines(c)]
        _table(doc, [_("Rank"), _("Initiative"), _("Lead unit"), _("Basis"),
                     _("Cost, {unit}").format(unit=c.unit), _("Score (0–100)")], rows,
               right={0, 4, 5},
               widths=[1.3, 5.2, 3.3, 2.3, 2.2, 2.3])
        if rec.hidden_selected:
            doc.add_paragraph(_clean(ngettext(
                "{n} confidential initiative in the recommendation is not listed.",
                "{n} confidential initiatives in the recommendation are not listed.",
                rec.hidden_selected).format(n=rec.hidden_selected)))
    doc.add_heading(_("How the recommendation was found") if rec is not None
                    else _("How the initiatives were ranked"), level=2)
    for fact in method_facts(c):
        doc.add_paragraph(_clean(fact), style="List Bullet")
    hooks.step(0.6, _("Agenda item"))

    # Indstilling --------------------------------------------------------------------
    doc.add_heading(_("Recommendation to the committee"), level=1)
    doc.add_paragraph(_("The digitalisation steering group recommends that"))
    for point in at_points(c):
        doc.add_paragraph(_clean(point), style="List Number")

    # Økonomi ------------------------------------------------------------------------
    doc.add_heading(_("Economy"), level=1)
    doc.add_paragraph(_clean(c.budget_scope + " " + _(
        "Amounts in {unit} in {prices}; savings are negative.").format(
        unit=c.unit, prices=c.prices or _("{year} prices").format(year=c.price_base_year))))
    b = c.budget
    ncols = len(b.columns()) + 2
    rows, bold = budget_table_rows(c, b, "expenses")
    fin, fin_bold = budget_table_rows(c, b, "financing")
    # both tables in the same columns: widths from the amounts of both
    widths, size = _budget_widths(_budget_header(b, c.unit_with_prices), rows + fin)
    _table(doc, _budget_header(b, c.unit_with_prices), rows, right=set(range(1, ncols)),
           bold_rows=bold, widths=widths, size=size)
    for note in budget_notes(b, c.money, c.unit):  # costs not split, benefits of unknown kind
        doc.add_paragraph(_clean(note))
    if fin:
        doc.add_paragraph()
        doc.add_paragraph(_("Financing of the expenditure:"))
        _table(doc, _budget_header(b, _("Financing source")), fin, right=set(range(1, ncols)),
               bold_rows=fin_bold, widths=widths, size=size)
    if c.public and c.hidden_count:
        doc.add_paragraph(hidden_note(c.hidden_count))

    # Bilag --------------------------------------------------------------------------
    doc.add_heading(_("Appendices"), level=1)
    doc.add_paragraph(_clean((_("Appendix 1: {title} – the steering group's recommendation "
                                "(PDF)") if rec is not None else
                              _("Appendix 1: {title} – the ranking, charts and method (PDF)"))
                             .format(title=c.title)), style="List Number 2")
    doc.add_paragraph(_("Appendix 2: the portfolio as a spreadsheet (XLSX)"),
                      style="List Number 2")
    doc.core_properties.title = _clean(c.title)
    doc.core_properties.author = _clean(c.municipality or "Prioritise")
    hooks.check()
    doc.save(str(out))
