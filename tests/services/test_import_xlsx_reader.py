"""The importer's fast XLSX row reader (``readers._value_rows`` on ``readers._open_book``)
gives exactly the values openpyxl's read-only ``iter_rows(values_only=True)`` gives, for
data rows and header rows: on random workbooks written by openpyxl (numbers, text, blanks,
booleans, dates and times, formulas, gaps) and on a hand-written sheet with the XML forms other writers use (no cell or row references,
inline strings, formula string results, errors, ISO dates, rows out of order, cells past
the table, a 1904 workbook)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from app.services.importing.readers import _open_book, _value_rows, read_xlsx

CELLS = st.one_of(
    st.none(),
    st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["", " ", "0", "1.5", "=1+1", "=A1&\"x\"", "Ja", "#N/A"]),
    st.booleans(),
    st.dates(date(1901, 1, 1), date(9998, 12, 31)),
    st.datetimes(datetime(1901, 1, 1), datetime(9998, 12, 31)).map(
        lambda d: d.replace(microsecond=0)),
    st.times().map(lambda t: t.replace(microsecond=0)),
)


def _same(path: Path, *, shapes=((1, 1), (1, 7), (2, 3), (3, 12), (5, 40))) -> None:
    """Every worksheet read both ways: data rows (from a row, a width) and header rows
    (up to a row, as long as each row's last cell)."""
    wb = load_workbook(path, read_only=True, data_only=True)
    book = _open_book(path)
    try:
        assert [name for name, _s, part in book.sheets if part] == wb.sheetnames
        for ws in wb.worksheets:
            ws.reset_dimensions()
            part = book.part(ws.title)
            for min_row, width in shapes:
                expected = list(ws.iter_rows(min_row=min_row, max_col=width, values_only=True))
                assert list(_value_rows(book, part, min_row, width)) == expected, (
                    ws.title, min_row, width)
            for max_row in (1, 2, 4, 30):
                expected = [list(r) for r in ws.iter_rows(max_row=max_row, values_only=True)]
                got = [list(r) for r in _value_rows(book, part, 1, None, max_row=max_row)]
                assert got == expected, (ws.title, max_row)
    finally:
        wb.close()
        book.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.one_of(st.none(), st.lists(CELLS, max_size=9)), max_size=12),
       epoch_1904=st.booleans(), write_only=st.booleans())
def test_random_workbooks_read_as_openpyxl_reads_them(tmp_path_factory, rows, epoch_1904,
                                                      write_only):
    path = tmp_path_factory.mktemp("wb") / "random.xlsx"
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Data") if write_only else wb.active
    if epoch_1904:
        wb.epoch = datetime(1904, 1, 1)
    for row in rows:
        ws.append(row or [])  # None: an empty row (a gap in the sheet)
    if not write_only:
        ws["K20"] = "far away"  # a cell past the widths read, after a gap
    wb.save(path)
    _same(path)


_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Inline</t></is></c>
 <c r="E1" t="s"><v>1</v></c><c r="F1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>
 <c r="G1" t="inlineStr"><is><t></t></is></c><c r="H1" t="inlineStr"><is/></c>
 <c r="C1" t="str"><f>A1&amp;"x"</f><v>Idx</v></c><c r="D1" t="e"><v>#N/A</v></c></row>
<row><c t="n"><v>1.5</v></c><c><v>42</v></c><c t="b"><v>1</v></c><c t="d"><v>2027-03-01T00:00:00</v></c>
 <c t="inlineStr"><is><r><t>Rich </t></r><r><t>text</t></r></is></c></row>
<row r="5"><c r="B5" s="1"><v>45000</v></c><c r="C5" t="n"><v></v></c><c r="E5"><v>1E3</v></c>
 <c r="Z5" t="s"><v>0</v></c></row>
<row r="4"><c r="A4"><v>7</v></c></row>
<row r="7" spans="1:3" ht="20" customHeight="1"><c r="A7" t="str"><v></v></c><c r="C7" t="b"><v>0</v></c></row>
</sheetData>
</worksheet>"""


def test_hand_written_sheet_reads_as_openpyxl_reads_it(tmp_path):
    base = tmp_path / "base.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Id"
    wb.active["B1"] = datetime(2027, 1, 1)  # a date style at index 1
    wb.save(base)
    path = tmp_path / "forms.xlsx"
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = (f'<sst xmlns="{main}" count="2" uniqueCount="2"><si><t xml:space="preserve"> '
               'Shared </t></si><si><r><t>Ri</t></r><r><t>ch</t></r></si></sst>')
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = _SHEET.encode("utf-8")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    "</Types>").encode())
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", (
                    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/>'
                    "</Relationships>").encode())
            out.writestr(item, data)
        out.writestr("xl/sharedStrings.xml", strings)
    _same(path, shapes=((1, 1), (1, 5), (1, 8), (2, 5), (3, 26), (4, 30)))
    table = read_xlsx(path)
    assert table.columns[:4] == ["Shared", "Inline", "Idx", "#N/A"]
    assert [r.cells for r in table.rows] == [
        [1.5, 42, True, datetime(2027, 3, 1)],
        [None, datetime(2023, 3, 15), None, None],  # serial 45000 with a date style
        [None, None, False, None],  # row 4 after row 5 is skipped, as openpyxl does
    ]


def test_times_and_dates_come_back_typed(tmp_path):
    path = tmp_path / "typed.xlsx"
    wb = Workbook()
    wb.active.append(["id", "start", "at", "done"])
    wb.active.append(["A", date(2027, 2, 1), time(8, 30), True])
    wb.save(path)
    table = read_xlsx(path)
    assert table.rows[0].cells == ["A", datetime(2027, 2, 1), time(8, 30), True]
