"""Read a CSV or XLSX source into a header and rows of raw cells (DESIGN §9, §10).

Rows are numbered as the spreadsheet shows them: the header row is row 1 (or
``header_row``), and in a CSV whose quoted cells span lines a record is a row. CSV cells
are text; XLSX cells keep openpyxl's Python values (numbers, datetimes, text). A formula
whose result Excel never cached is recorded in ``SourceTable.uncached`` so the import can
refuse it (never read as 0 or as missing).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.services.errors import UserError
from app.services.i18n import _

ENCODINGS = ("utf-8", "utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class SourceRow:
    """One data row: its number as the spreadsheet shows it and its raw cells by column."""

    number: int
    cells: list[Any]


@dataclass
class SourceTable:
    """A source read into memory.

    ``columns`` are the header names made unique: a name's second occurrence is
    ``name#2`` (DESIGN §10). ``uncached`` maps (row number, column index) to the cell
    reference (e.g. ``"D7"``) of a formula with no cached value.
    """

    path: Path
    kind: str  # "csv" | "xlsx"
    columns: list[str]
    rows: list[SourceRow]
    header_row: int = 1
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    uncached: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        """The file (and sheet) for messages."""
        return f"{self.path.name} [{self.sheet}]" if self.sheet else self.path.name


def unique_names(raw: list[Any]) -> list[str]:
    """Header cells → column names; blanks become ``column N``; repeats get ``#2``, ``#3``."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for index, cell in enumerate(raw, start=1):
        name = str(cell).strip() if cell is not None else ""
        if not name:
            name = _("column {n}").format(n=index)
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return out


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def detect_encoding(data: bytes) -> str:
    """``utf-8-sig`` when the bytes start with a BOM, else ``utf-8`` when they decode
    as UTF-8, else ``cp1252`` (the Windows code page of Danish Excel)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def detect_delimiter(text: str) -> str:
    """The delimiter (`,` `;` or tab) that splits the header line into most fields."""
    counts = {d: len(next(csv.reader(io.StringIO(text), delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] > 1 else ","


def read_csv(
    path: Path, *, encoding: str | None = None, delimiter: str | None = None,
    header_row: int = 1,
) -> SourceTable:
    """Read a CSV file. ``encoding``/``delimiter`` None = detected.

    Raises ``UserError`` when the file cannot be read or decoded, or has no header.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(_("Cannot read {file}: {error}").format(file=path, error=exc)) from exc
    enc = encoding or detect_encoding(data)
    if enc == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
        enc = "utf-8-sig"
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise UserError(
            _("{file} is not encoded as {encoding} (byte {pos}); set \"encoding\" in the "
              "mapping").format(file=path.name, encoding=enc, pos=exc.start)) from exc
    if "\x00" in text:
        raise UserError(_("{file} is not a text (CSV) file; save it from Excel as CSV or "
                          "import the workbook").format(file=path.name))
    delim = delimiter or detect_delimiter(text)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # long narrative cells
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    except csv.Error as exc:
        raise UserError(_("{file} cannot be read as CSV: {error}").format(
            file=path.name, error=exc)) from exc
    if len(records) < header_row:
        raise UserError(_("{file} has no header row {row}").format(file=path.name, row=header_row))
    columns = unique_names(records[header_row - 1])
    rows = [
        SourceRow(number=n, cells=rec)
        for n, rec in enumerate(records[header_row:], start=header_row + 1)
        if not all(_blank(c) for c in rec)
    ]
    return SourceTable(path=path, kind="csv", columns=columns, rows=rows,
                       header_row=header_row, encoding=enc, delimiter=delim)


def xlsx_sheet_names(path: Path) -> list[str]:
    """The sheet names of a workbook, in order (hidden sheets included)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _unreadable_xlsx(path: Path) -> str:
    """The message for a workbook that openpyxl cannot read (a truncated download, a
    damaged or renamed file): in the output language, without the library's English."""
    return _("{file} is not a readable XLSX workbook: the file is damaged or truncated "
             "(open it in Excel and save it again, or fetch it anew)").format(file=path.name)


def _open_xlsx(path: Path, data_only: bool) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # noqa: BLE001 - zip/xml errors of a damaged file
        raise UserError(_unreadable_xlsx(path)) from exc


_MERGE_REF = re.compile(rb'<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([^"]+)"')
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s/>]")


def _sheet_xml(wb: Any, ws: Any) -> bytes | None:
    """The XML of a read-only sheet, or None when this openpyxl keeps it elsewhere."""
    part = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    if part is None or archive is None:  # pragma: no cover - another openpyxl layout
        return None
    return archive.read(part)


def _merged_ranges(data: bytes) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of every merged range in a sheet's XML, from
    its ``<mergeCells>`` element (read-only mode does not load them; loading the whole
    sheet in full mode only for them is slow)."""
    from openpyxl.worksheet.cell_range import CellRange

    if b"mergeCell" not in data:
        return []
    out: list[tuple[int, int, int, int]] = []
    for ref in _MERGE_REF.findall(data):
        try:
            out.append(CellRange(ref.decode("ascii")).bounds)
        except (ValueError, TypeError, UnicodeDecodeError):  # pragma: no cover - damaged ref
            continue
    return out


def read_xlsx(path: Path, *, sheet: str | None = None, header_row: int = 1) -> SourceTable:
    """Read one sheet of a workbook (``sheet`` None = the first visible sheet).

    Merged header cells lend their value to every column they span (and to the header
    row when merged vertically); the merged ranges are read from the sheet's XML. The
    workbook is read in openpyxl's read-only (streaming) mode with cached values (what
    Excel last calculated). When the sheet's XML holds a formula, the workbook is opened
    a second time with formulas and the two are read row by row in lockstep, so a formula
    with no cached value is found; a sheet without formulas is read once (opening a
    workbook parses every sheet once when the sheet does not state its dimension).
    Raises ``UserError`` for an unknown sheet or a missing header row.
    """
    values_wb = _open_xlsx(path, data_only=True)
    opened: list[Any] = [values_wb]

    def formulas_wb() -> Any:
        opened.append(_open_xlsx(path, data_only=False))
        return opened[-1]

    try:
        return _read_sheet(path, values_wb, formulas_wb, sheet, header_row)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - zip/xml errors while streaming the sheet
        raise UserError(_unreadable_xlsx(path)) from exc
    finally:
        for wb in opened:
            wb.close()


def _read_sheet(path: Path, values_wb: Any, formulas_wb: Callable[[], Any],
                sheet: str | None, header_row: int) -> SourceTable:
    names = list(values_wb.sheetnames)
    if sheet is None:
        visible = [ws.title for ws in values_wb.worksheets if ws.sheet_state == "visible"]
        sheet = (visible or names)[0]
    if sheet not in names:
        raise UserError(_("{file} has no sheet “{sheet}”; its sheets are: {sheets}").format(
            file=path.name, sheet=sheet, sheets=", ".join(names)))
    ws = values_wb[sheet]
    # the stored dimension may be wrong (some writers); read every row the sheet holds
    ws.reset_dimensions()
    top = [list(r) for r in ws.iter_rows(max_row=header_row, values_only=True)]
    if len(top) < header_row and header_row > 1:
        raise UserError(_("{file} [{sheet}] has no header row {row}").format(
            file=path.name, sheet=sheet, row=header_row))
    header: list[Any] = list(top[header_row - 1]) if len(top) >= header_row else []
    xml = _sheet_xml(values_wb, ws)
    for min_col, min_row, max_col, max_row in _merged_ranges(xml or b""):
        if min_row <= header_row <= max_row:
            source = top[min_row - 1] if min_row - 1 < len(top) else []
            top_left = source[min_col - 1] if min_col - 1 < len(source) else None
            if len(header) < max_col:
                header.extend([None] * (max_col - len(header)))
            for c in range(min_col, max_col + 1):
                header[c - 1] = top_left
    while header and _blank(header[-1]):
        header.pop()
    columns = unique_names(header)
    width = len(columns)
    rows: list[SourceRow] = []
    uncached: dict[tuple[int, int], str] = {}
    if width == 0:
        return SourceTable(path=path, kind="xlsx", columns=columns, rows=rows,
                           header_row=header_row, sheet=sheet, sheets=names, uncached=uncached)
    values = ws.iter_rows(min_row=header_row + 1, max_col=width, values_only=True)
    if xml is not None and not _FORMULA.search(xml):
        formulas: Any = itertools.repeat(())  # the sheet holds no formula: no second pass
    else:
        wf = formulas_wb()[sheet]
        wf.reset_dimensions()
        formulas = wf.iter_rows(min_row=header_row + 1, max_col=width)
    for r, (vals, fcells) in enumerate(zip(values, formulas), start=header_row + 1):
        cells = list(vals)
        found = False
        for c, f in enumerate(fcells):
            if f.data_type == "f" and cells[c] is None:
                uncached[(r, c)] = f.coordinate
                found = True
        if not found and all(_blank(v) for v in cells):
            continue
        rows.append(SourceRow(number=r, cells=cells))
    return SourceTable(path=path, kind="xlsx", columns=columns, rows=rows,
                       header_row=header_row, sheet=sheet, sheets=names, uncached=uncached)


def read_source(
    path: Path, *, sheet: str | None = None, header_row: int = 1,
    encoding: str | None = None, delimiter: str | None = None,
) -> SourceTable:
    """Read ``path`` as XLSX (by suffix) or CSV. Raises ``UserError`` when unreadable."""
    if not path.is_file():
        raise UserError(_("The file does not exist: {path}").format(path=path))
    if path.suffix.lower() in XLSX_SUFFIXES:
        return read_xlsx(path, sheet=sheet, header_row=header_row)
    if sheet:
        raise UserError(_("{file} is a CSV file; it has no sheets").format(file=path.name))
    return read_csv(path, encoding=encoding, delimiter=delimiter, header_row=header_row)
