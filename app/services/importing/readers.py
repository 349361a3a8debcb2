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
    #: (row number, column index) of a quoted cell that may hold a stray quote (it spans
    #: lines and takes in what looks like the rest of its row or whole rows): a warning
    suspect_quote: tuple[int, int] | None = None

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


#: a well-formed UTF-8 multi-byte sequence (RFC 3629 table 3-7), or any other byte ≥ 0x80
_UTF8_OR_HIGH = re.compile(
    rb"([\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})|[\x80-\xff]")


def mixed_encoding(data: bytes) -> tuple[int, str] | None:
    """(offset of the first byte that is not UTF-8, a UTF-8 letter found) when ``data`` is
    not valid UTF-8 yet holds UTF-8 encoded letters (e.g. ``Ø`` as C3 98), i.e. rows
    saved in two encodings were pasted into one file; None otherwise.

    Only UTF-8 sequences that decode to a letter of U+00C0–U+00FF count (lead byte C3):
    in a pure cp1252 file such a pair is "Ã" followed by a symbol byte (``Ã€``), which
    Danish text practically never holds, whereas ``æøåÆØÅé`` in UTF-8 always are. (A
    wider range took cp1252 "Å”" — C5 94 — for a UTF-8 "Ŕ".)
    """
    letter: str | None = None
    first_bad: int | None = None
    for m in _UTF8_OR_HIGH.finditer(data):
        if m.group(1) is None:
            if first_bad is None:
                first_bad = m.start()
        elif letter is None:
            ch = m.group(1).decode("utf-8")
            if ch.isalpha() and "\u00c0" <= ch <= "\u00ff":
                letter = ch
        if letter is not None and first_bad is not None:
            return first_bad, letter
    return None


#: the first bytes of files that are no CSV text: (magic, what it is)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"), (b"\xd0\xcf\x11\xe0", "ole"), (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"), (b"GIF8", "image"), (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"{\\rtf", "rtf"),
)


def _kind_text(kind: str) -> str:
    return {
        "pdf": _("a PDF document"),
        "ole": _("an old Excel workbook (.xls) or another Office file"),
        "image": _("an image"),
        "gzip": _("a compressed (gzip) file"),
        "zip": _("a ZIP archive (e.g. a Word or PowerPoint file)"),
        "rtf": _("an RTF (Word) document"),
    }.get(kind, kind)


def _is_workbook_zip(path: Path) -> bool | None:
    """True: a ZIP holding an Excel workbook part; False: another ZIP; None: not a
    readable ZIP (damaged or truncated: its directory at the end is missing)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None


def sniff_source(path: Path) -> None:
    """Refuse (``UserError``), before any mapping or template is looked for, a source that
    is neither CSV text nor an XLSX workbook, with a message that says so: an ``.xlsx`` that
    is not a readable workbook (truncated, damaged, or another file renamed), and any
    other file that begins like a known binary format (PDF, ``.xls``, image, ZIP, …) or
    holds a NUL byte in its first 64 KiB (text never does), and a UTF-16 file (Excel's
    "Unicode text", told by its byte order mark) with the advice to save it as CSV UTF-8.
    Reads at most 64 KiB (and a ZIP's directory); an unreadable file is left to the reader.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        return
    if path.suffix.lower() in XLSX_SUFFIXES:
        if not head.startswith(b"PK") or not _is_workbook_zip(path):
            raise UserError(_unreadable_xlsx(path))
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError(_("{file} is saved as “Unicode text” (UTF-16), which Prioritise does "
                          "not read; save it from Excel as “CSV UTF-8” and import that file"
                          ).format(file=path.name))
    kind = next((k for magic, k in _MAGIC if head.startswith(magic)), None)
    if kind == "zip" and _is_workbook_zip(path):
        raise UserError(_("{file} is an XLSX workbook with another file name ending; rename "
                          "it to {name} and import that").format(
            file=path.name, name=path.with_suffix(".xlsx").name))
    if kind is not None:
        raise UserError(_("{file} is not a CSV text file or an XLSX workbook: it is {kind}. "
                          "Save the data from Excel as CSV or XLSX and import that file"
                          ).format(file=path.name, kind=_kind_text(kind)))
    if b"\x00" in head:
        raise UserError(_("{file} is not a CSV text file or an XLSX workbook (it holds "
                          "binary data); save the data from Excel as CSV or XLSX and "
                          "import that file").format(file=path.name))


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line (``\\n``, ``\\r\\n`` or ``\\r`` ended) holding byte ``offset``."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _row_of_line(text: str, delimiter: str, line: int) -> int:
    """The record (row as §9 numbers them) that holds physical ``line`` of ``text``: the
    same unless a quoted cell above spans lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    row = 0
    try:
        for row, _rec in enumerate(reader, start=1):  # noqa: B007
            if reader.line_num >= line:
                return row
    except csv.Error:
        pass
    return row + 1


def _where_byte(data: bytes, offset: int, delimiter: str | None) -> str:
    """"row R" (or "row R (line L of the file)") of the record holding byte ``offset``."""
    text = data.decode("utf-8", errors="surrogateescape")
    line = _line_of(data, offset)
    return _where_row(_row_of_line(text, delimiter or detect_delimiter(text), line), line)


def detect_delimiter(text: str) -> str:
    """The delimiter (`,` `;` or tab) that splits the header line into most fields."""
    counts = {d: len(next(csv.reader(io.StringIO(text), delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] > 1 else ","


@dataclass
class QuoteProblem:
    """Where a quoted cell goes wrong: its record (row), physical line and field index."""

    row: int
    line: int
    field: int
    at_end: bool  # True: never closed; False: closed, then text follows the closing quote


def find_quote_problem(text: str, delimiter: str) -> QuoteProblem | None:
    """The first quoted cell of ``text`` that is never closed, or whose closing quote is
    followed by more than spaces before the next delimiter or line end (a stray quote that
    made the cell swallow the rows after it, until another quote happened to close it),
    read the way Python's ``csv`` module reads (a quote opens a quoted cell only as a
    cell's first character; ``""`` inside is a quote). None when every quote is in order.
    Linear in ``len(text)``; run only when the strict CSV reader has refused the text."""
    n, i = len(text), 0
    row = line = 1
    field = 0
    start = True
    while i < n:
        c = text[i]
        if start and c == '"':
            q_row, q_line, q_field = row, line, field
            i += 1
            while True:
                j = text.find('"', i)
                if j < 0:
                    return QuoteProblem(q_row, q_line, q_field, at_end=True)
                chunk = text[i:j]
                line += chunk.count("\n") + chunk.count("\r") - chunk.count("\r\n")
                if text.startswith('""', j):
                    i = j + 2
                    continue
                i = j + 1
                break
            k = i
            while k < n and text[k] == " ":
                k += 1
            if k < n and text[k] not in (delimiter, "\r", "\n"):
                return QuoteProblem(q_row, q_line, q_field, at_end=False)
            start = False
            continue
        if c == delimiter:
            field += 1
            start = True
        elif c in "\r\n":
            if c == "\r" and text.startswith("\n", i + 1):
                i += 1
            row += 1
            line += 1
            field = 0
            start = True
        else:
            start = False
        i += 1
    return None


def _where_row(row: int, line: int) -> str:
    if row == line:
        return _("row {row}").format(row=row)
    return _("row {row} (line {line} of the file)").format(row=row, line=line)


def _column_name(columns: list[str], index: int) -> str:
    return columns[index] if index < len(columns) else _("column {n}").format(n=index + 1)


def _quote_message(path: Path, text: str, delimiter: str, problem: QuoteProblem,
                   header_row: int) -> str:
    columns: list[str] = []
    if problem.row > header_row:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next(itertools.islice(reader, header_row - 1, None), [])
        columns = unique_names(header)
    where = _("{file}, {row}, column “{column}”").format(
        file=path.name, row=_where_row(problem.row, problem.line),
        column=_column_name(columns, problem.field))
    if problem.at_end:
        return _("{where}: a quoted cell begins here (with \") and is never closed: it would "
                 "take in the rest of the file. Close or remove the quote and import again"
                 ).format(where=where)
    return _("{where}: a quoted cell begins here (with \") but its closing quote is followed "
             "by more text, so a quote inside it is not doubled (\"\") or a quote is missing: "
             "the cell would take in the rows after it. Correct the quotes and import again"
             ).format(where=where)


def _swallowed_rows(records: list[list[str]], width: int, delimiter: str) -> tuple[int, int] | None:
    """(index of the record, index of the cell) of the first cell spanning lines that
    looks as if a quote opened by mistake took in the rest of its row or whole rows below
    until another quote closed it: its first line holds just the delimiters that would
    have completed its own row, or a later line holds as many delimiters as a whole row,
    or the record is not as wide as the header. Correct CSV can look like this too (a
    narrative "Steps: design, build, test" in a comma file), so it is only warned about
    (``SourceTable.suspect_quote``); a quote never closed, or text after a closing quote,
    is refused by the reader. Files of fewer than 3 columns are not judged."""
    if width < 3:
        return None
    for r, rec in enumerate(records):
        for c, cell in enumerate(rec):
            if "\n" not in cell and "\r" not in cell:
                continue
            first, *later = cell.splitlines()
            rest_of_row = c < width - 1 and first.count(delimiter) == width - 1 - c
            whole_row = any(ln.count(delimiter) == width - 1 for ln in later)
            if rest_of_row or (whole_row and (len(rec) != width or c < width - 1)):
                return r, c
    return None


def _decode(path: Path, data: bytes, encoding: str | None, delimiter: str | None) -> tuple[str, str]:
    """(text, encoding). Raises ``UserError``: bytes not in the given encoding, or a file
    that is not UTF-8 but holds UTF-8 letters (two encodings in one file)."""
    enc = encoding or detect_encoding(data)
    if enc == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
        enc = "utf-8-sig"
    if encoding is None and enc == "cp1252":
        mixed = mixed_encoding(data)
        if mixed is not None:
            pos, letter = mixed
            raise UserError(_(
                "{file} mixes two encodings: it holds UTF-8 text (e.g. “{letter}”), but "
                "{row} (byte {pos}: 0x{byte}) is not UTF-8, e.g. a row pasted from a file "
                "saved as cp1252 (Windows). Save the whole file again as “CSV UTF-8” in "
                "Excel, or set \"encoding\" in the mapping if it is cp1252 throughout"
            ).format(file=path.name, letter=letter, pos=pos, byte=f"{data[pos]:02X}",
                     row=_where_byte(data, pos, delimiter)))
    try:
        return data.decode(enc), enc
    except UnicodeDecodeError as exc:
        raise UserError(
            _("{file} is not encoded as {encoding}: {row}, byte {pos}; set \"encoding\" in "
              "the mapping").format(
                file=path.name, encoding=enc, pos=exc.start,
                row=_where_byte(data, exc.start, delimiter))) from exc


def read_csv(
    path: Path, *, encoding: str | None = None, delimiter: str | None = None,
    header_row: int = 1,
) -> SourceTable:
    """Read a CSV file. ``encoding``/``delimiter`` None = detected.

    Raises ``UserError`` when the file cannot be read or decoded (naming the row and byte
    of the first bad byte, or that it mixes UTF-8 with another encoding), is binary, has
    no header, or its quotes are broken: a quoted cell never closed, or one whose closing
    quote is followed by text (naming the row and column where the quoted cell begins).
    Cells that span lines inside correct quotes are read; one that looks like a stray
    quote's work is named in ``suspect_quote`` (a warning, see ``_swallowed_rows``).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(_("Cannot read {file}: {error}").format(file=path, error=exc)) from exc
    if b"\x00" in data:
        raise UserError(_("{file} is not a text (CSV) file; save it from Excel as CSV or "
                          "import the workbook").format(file=path.name))
    text, enc = _decode(path, data, encoding, delimiter)
    delim = delimiter or detect_delimiter(text)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # long narrative cells
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True))
    except csv.Error:
        # the strict reader refuses a quote left open and text after a closing quote;
        # spaces after a closing quote are let through as before (non-strict reading)
        problem = find_quote_problem(text, delim)
        if problem is not None:
            raise UserError(_quote_message(path, text, delim, problem, header_row)) from None
        try:
            records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
        except csv.Error as exc:
            raise UserError(_("{file} cannot be read as CSV: {error}").format(
                file=path.name, error=exc)) from exc
    if len(records) < header_row:
        raise UserError(_("{file} has no header row {row}").format(file=path.name, row=header_row))
    columns = unique_names(records[header_row - 1])
    swallowed = _swallowed_rows(records[header_row:], len(records[header_row - 1]), delim)
    suspect = None if swallowed is None else (header_row + 1 + swallowed[0], swallowed[1])
    rows = [
        SourceRow(number=n, cells=rec)
        for n, rec in enumerate(records[header_row:], start=header_row + 1)
        if not all(_blank(c) for c in rec)
    ]
    return SourceTable(path=path, kind="csv", columns=columns, rows=rows,
                       header_row=header_row, encoding=enc, delimiter=delim,
                       suspect_quote=suspect)


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
    """Read ``path`` as XLSX (by suffix) or CSV. Raises ``UserError`` when unreadable or
    not a CSV/XLSX file at all (``sniff_source``)."""
    if not path.is_file():
        raise UserError(_("The file does not exist: {path}").format(path=path))
    sniff_source(path)
    if path.suffix.lower() in XLSX_SUFFIXES:
        return read_xlsx(path, sheet=sheet, header_row=header_row)
    if sheet:
        raise UserError(_("{file} is a CSV file; it has no sheets").format(file=path.name))
    return read_csv(path, encoding=encoding, delimiter=delimiter, header_row=header_row)
