"""The XLSX export: report sheets (ranking, recommendation, budget table) for the finance
department, the data sheets of ``sheets.py`` (re-importable), the audit log, and the
marker sheet "Prioritise" that lets ``roundtrip.read_export`` restore the file into an
empty portfolio with no options (DESIGN §10).

Formula injection (DESIGN §9): every text cell is stored with data type "s" (a string,
never a formula) and the quote prefix, so a title such as ``=HYPERLINK(...)`` shows as
text in Excel and re-imports unchanged. Written in openpyxl's write-only mode so large
portfolios stream.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.services import labels
from app.services.exports.budget import column_label
from app.services.exports.common import FORMULA_STARTS, ExportHooks
from app.services.exports.content import ReportContent
from app.services.exports.sheets import Column, data_sheets
from app.services.exports.texts import basis
from app.services.formatting import score_points
from app.services.i18n import _

MARKER_SHEET = "Prioritise"
MARKER = "prioritise-export"
FORMAT_VERSION = 1
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DFE7EF")
_WRAP = Alignment(wrap_text=True, vertical="top")
NUMBER_FORMATS = {"amount": "#,##0", "float": "#,##0.0##", "percent": "0.0", "int": "0",
                  "date": "dd-mm-yyyy", "thousands": "#,##0", "score": "0.0",
                  # value for money: points per 1 mio.; some 0.05 for a national portfolio
                  # (formatting.format_value_for_money shows 3 significant digits)
                  "vfm": "#,##0.0#####"}


def text_cell(ws: Any, value: str, *, bold: bool = False) -> WriteOnlyCell:
    """A cell that Excel shows as text whatever it starts with (never a formula)."""
    cell = WriteOnlyCell(ws, _ILLEGAL.sub("", value))
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    if bold:
        cell.font = _HEAD_FONT
    return cell


def value_cell(ws: Any, value: Any, kind: str) -> WriteOnlyCell:
    """A cell for ``value`` written as column ``kind`` says (see ``sheets.py``)."""
    if value is None or value == "":
        return WriteOnlyCell(ws, None)
    if kind == "bool":
        return text_cell(ws, labels.yes_no(bool(value)))
    if kind == "list":
        return text_cell(ws, "; ".join(value))
    if kind in labels.TABLES:
        return text_cell(ws, labels.label(kind, value))
    if kind in ("text", "code"):
        return text_cell(ws, str(value))
    if kind == "date" and isinstance(value, (date, datetime)):
        cell = WriteOnlyCell(ws, value)
        cell.number_format = "dd-mm-yyyy hh:mm" if isinstance(value, datetime) else "dd-mm-yyyy"
        return cell
    cell = WriteOnlyCell(ws, value)
    if kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[kind]
    return cell


def _header(ws: Any, titles: list[str], widths: list[int], rows: int = 0) -> None:
    """The header row (bold, shaded, frozen) and, for ``rows`` data rows, a filter."""
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{rows + 1}"
    row = []
    for t in titles:
        cell = text_cell(ws, t, bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = _WRAP
        row.append(cell)
    ws.append(row)


def _table(wb: Workbook, title: str, columns: list[tuple[str, str, int]],
           rows: list[list[Any]]) -> None:
    """A report sheet: ``columns`` (header, kind, width)."""
    ws = wb.create_sheet(title)
    _header(ws, [h for h, _k, _w in columns], [w for _h, _k, w in columns], len(rows))
    for r in rows:
        ws.append([value_cell(ws, v, k) for v, (_h, k, _w) in zip(r, columns)])


def _report_sheets(wb: Workbook, c: ReportContent) -> None:
    """Ranking, recommendation and budget as the finance department reads them: scores
    in points 0–100 (one decimal shown), value for money in points per 1 mio., amounts in
    the portfolio's currency."""
    crit = c.criteria
    cost = _("Cost in total ({currency})").format(currency=c.currency_text)
    score = _("Score (0–100)")
    _table(wb, _("Ranking"), [
        (_("Rank"), "int", 6), (_("Id"), "text", 12), (_("Title"), "text", 44),
        (_("Lead unit"), "text", 26), (_("Phase"), "phase", 14),
        (_("Mandatory"), "bool", 10), (_("Complete"), "bool", 9), (score, "score", 9),
        (_("Value for money (points per {currency} 1m)").format(
            currency=c.currency_text), "vfm", 12), (cost, "amount", 14),
        (_("In the recommendation"), "text", 12),
        *((_("{criterion} (points)").format(criterion=cr.name), "score", 12) for cr in crit),
    ], [
        [r.rank, r.id, r.title, r.lead_department, r.phase, r.mandatory, r.complete,
         score_points(r.score), score_points(r.value_for_money), r.total_cost,
         "" if r.selected is None else labels.yes_no(bool(r.selected)),
         *(score_points(r.contributions.get(cr.key, 0.0)) for cr in crit)]
        for r in c.ranking
    ])
    if c.recommendation is None:
        ws = wb.create_sheet(_("Recommendation"))
        ws.column_dimensions["A"].width = 100
        ws.append([text_cell(ws, c.no_recommendation_reason)])
    else:
        rec = c.recommendation
        scores = {r.id: r.score for r in c.ranking}
        _table(wb, _("Recommendation"), [
            (_("Id"), "text", 12), (_("Title"), "text", 44), (_("Lead unit"), "text", 26),
            (_("Basis"), "text", 14), (cost, "amount", 14), (score, "score", 9),
        ], [
            [i.id, i.title, i.lead_department, basis(c, i), i.total_cost,
             score_points(scores.get(i.id))]
            for i in c.visible(rec.selected)
        ])
    b = c.budget
    cols = b.columns()
    rows: list[list[Any]] = []
    financing = False
    for r in b.rows:
        if r.section == "financing" and not financing:
            # the financing rows under their own heading, as the budget view shows them
            rows.append([_("By financing source")])
            financing = True
        rows.append([r.label, *(r.values[col] / c.money_scale for col in cols),
                     r.total() / c.money_scale])
    _table(wb, _("Budget"), [
        (c.unit_with_prices, "text", 48),
        *((column_label(col), "thousands", 11) for col in cols),
        (_("Total"), "thousands", 12),
    ], rows)


def _data_sheets(wb: Workbook, c: ReportContent, hooks: ExportHooks) -> list[tuple[str, str, list[Column]]]:
    written = []
    for k, spec in enumerate(data_sheets(c.currency)):
        hooks.step(0.4 + 0.4 * k / 16, spec.title)
        ws = wb.create_sheet(spec.title)
        records = getattr(c.dump, spec.list_attr)
        _header(ws, [col.header for col in spec.columns], [col.width for col in spec.columns],
                len(records))
        for rec in records:
            ws.append([value_cell(ws, getattr(rec, col.key), col.kind) for col in spec.columns])
        written.append((spec.key, spec.title, list(spec.columns)))
    return written


def _audit_sheet(wb: Workbook, c: ReportContent) -> None:
    _table(wb, _("Audit log"), [
        (_("Time (UTC)"), "date", 17), (_("User"), "text", 14), (_("Action"), "text", 10),
        (_("Table"), "text", 18), (_("Row"), "text", 14), (_("Initiative id"), "text", 12),
        (_("Field"), "text", 16), (_("Old value"), "text", 30), (_("New value"), "text", 30),
        (_("Context"), "text", 24),
    ], [[a.at, a.user, labels.audit_action(a.action), a.entity, a.entity_id, a.initiative_id,
         a.field, a.old_value, a.new_value, a.context] for a in c.dump.audit])


def _marker_sheet(wb: Workbook, c: ReportContent, tables: list[tuple[str, str, list[Column]]]) -> None:
    ws = wb.create_sheet(MARKER_SHEET)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 30

    def row(*values: Any) -> None:
        ws.append([text_cell(ws, v) if isinstance(v, str) else v for v in values])

    row(MARKER, FORMAT_VERSION)
    row("note", _("Prioritise reads this sheet when the file is imported again. Do not change it."))
    row("exported_at", c.generated_at.isoformat(timespec="seconds"))
    row("public", "1" if c.public else "0")
    row("language", c.lang)
    s = c.dump.settings
    for key in ("name", "municipality", "description", "currency", "price_base_year",
                "budget_year", "discount_rate", "horizon_years", "full_business_case_threshold"):
        value = getattr(s, key)
        row("setting", key, value if not isinstance(value, str) else value)
    for key, title, columns in tables:
        row("table", key, title, *(col.key for col in columns))


def build_xlsx(c: ReportContent, out: Path, *, hooks: ExportHooks | None = None) -> None:
    """Write the workbook of ``c`` to ``out`` (the caller makes it atomic)."""
    hooks = hooks or ExportHooks()
    wb = Workbook(write_only=True)
    hooks.step(0.3, _("Report sheets"))
    _report_sheets(wb, c)
    tables = _data_sheets(wb, c, hooks)
    hooks.step(0.85, _("Audit log"))
    _audit_sheet(wb, c)
    _marker_sheet(wb, c, tables)
    hooks.check()
    wb.save(str(out))
