"""Broken sources are refused saying what and where (DESIGN §9), and change nothing: a
quote never closed (once read as one initiative holding the rest of the file), a file
mixing UTF-8 and cp1252 (once read as cp1252: “Ã˜konomi”), a damaged workbook or a PDF
given as the source, a dependency cycle named with its rows, a mapping that is not JSON.
Cells that span lines inside correct quotes still import (the GMPP full file has them:
test_import_gmpp.py)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.services.errors import UserError
from app.services.importing import ImportRefused, import_source
from app.services.importing.mapping import MappingError, load_mapping
from app.services.importing.readers import find_quote_problem, mixed_encoding, read_source

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
MAPPING = {"columns": {"id": {"field": "id"}, "title": {"field": "title"},
                       "cost": {"field": "total_cost"}}}


@pytest.fixture
def en():
    """The services speak English for the test; the language is restored afterwards."""
    from app.services import formatting
    from app.services.i18n import set_language

    before = formatting.language()
    set_language("en")
    yield
    set_language(before)


def _refused(target: Path, source: Path, mapping=MAPPING) -> str:
    with pytest.raises(UserError) as info:
        import_source(target, source, mapping=mapping)
    assert not target.exists(), "a refused import must not create the portfolio"
    assert list(target.parent.iterdir()) == [], "no temporary file left"
    return str(info.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# 1. quotes ----------------------------------------------------------------------------------

def test_a_quote_never_closed_is_refused_naming_its_row_and_column(portfolio_path, en):
    text = _refused(portfolio_path, FIX / "unclosed_quote.csv")
    assert "unclosed_quote.csv, row 2, column “title”" in text
    assert "never closed" in text


def test_a_closed_quote_followed_by_text_is_refused(portfolio_path, tmp_path, en):
    # the stray quote of row 2 is "closed" by the quote that opens a cell of row 4
    src = _write(tmp_path / "q.csv",
                 'id;title;cost\nT-1;"Første;100\nT-2;Andet;200\nT-3;"Tredje";300\n'.encode())
    text = _refused(portfolio_path, src)
    assert "q.csv, row 2, column “title”" in text and "closing quote is followed" in text


def _quote_warnings(target: Path, source: Path, mapping=MAPPING) -> list[str]:
    result = import_source(target, source, mapping=mapping, dry_run=True)
    return [f"{p.where()}: {p.message}" for p in result.plan.problems
            if p.severity == "warning" and "quote" in p.message]


@pytest.mark.parametrize("body", [
    # the stray quote is closed by an inch mark at a cell's end: one record whose title
    # holds rows 3 and 4 (as wide as the header) …
    'T-1;"Første;100\nT-2;Andet;200\nT-3;Skærm 12";300\nT-4;Fjerde;400\n',
    # … or narrower than the header
    'T-1;"Første;100\nT-2;Andet;200\nT-3;Tredje;12"\n',
])
def test_a_quoted_cell_that_swallows_whole_rows_is_warned_about(portfolio_path, tmp_path,
                                                                  en, body):
    """Correct CSV can look the same (see the narrative tests below), so a cell that seems
    to have taken in rows is a warning naming its row and column, shown before import."""
    src = _write(tmp_path / "q.csv", ("id;title;cost\n" + body).encode())
    assert _quote_warnings(portfolio_path, src) == [
        "row 2, column “title”: a quoted cell begins here and spans lines that look like "
        "the rest of its row or whole rows: check that no quote is missing, or rows below "
        "may have been read into this cell"]


def test_a_stray_quote_taking_in_the_rest_of_its_row_is_warned_about(tmp_path, en):
    """The tester's file: B-1's title took in the rest of its row and B-2's first cells,
    until the quote after "T2" closed it (B-1 would get B-2's cost)."""
    target = tmp_path / "p.portfolio"
    src = _write(tmp_path / "m.csv", (
        "id;title;d;unit;cost;note\r\nB-1;\"T1;d;Økonomi;100;n\r\nB-2;T2\";d;Økonomi;5;x\r\n"
        "B-3;T3;d;Økonomi;7;y\r\n").encode())
    warnings = _quote_warnings(target, src, {"columns": {"id": "id", "title": "title",
                                                          "cost": "total_cost"}})
    assert len(warnings) == 1 and warnings[0].startswith("row 2, column “title”")


@pytest.mark.parametrize("text", [
    'id,title,description\nA,Service,"Goal: faster, cheaper service.\nSteps: design, build, '
    'test, roll out."\nB,Other,Short\n',
    "id;title;cost;note\nA;Uden note;5\nB;Med;7;x\n",  # a trailing empty cell left out
    "id;title;cost\nA;Med semikolon til sidst;5;\nB;B;7\n",  # a trailing delimiter
])
def test_correct_files_that_look_odd_import(portfolio_path, tmp_path, text):
    src = _write(tmp_path / "ok.csv", text.encode())
    result = import_source(portfolio_path, src, mapping={"columns": {"id": "id",
                                                                      "title": "title"}})
    assert [r.values["id"] for r in result.plan.records] == ["A", "B"]


def test_a_narrative_cell_with_delimiters_on_its_lines_imports(portfolio_path, tmp_path):
    src = _write(tmp_path / "ok.csv",
                 'id;title;cost\nT-1;"Fase 1\nanalyse; design; test";5\nT-2;B;7\n'.encode())
    result = import_source(portfolio_path, src, mapping=MAPPING)
    assert [r.title for r in result.plan.records] == ["Fase 1\nanalyse; design; test", "B"]


@pytest.mark.parametrize("body", [
    'A;Tiltag A;"Første linje\nanden linje; med; semikolon"\nB;Tiltag B;"Kort"\n',
    'A;Tiltag A;"Mål:\nDel 1; Del 2; Del 3\nSlut"\nB;Tiltag B;Kort\n',
])
def test_a_last_column_narrative_with_row_wide_lines_imports(portfolio_path, tmp_path, body):
    """A correctly quoted description in the last column whose lines list things with
    the delimiter ("Del 1; Del 2; Del 3") is ordinary CSV, not a swallowed row."""
    src = _write(tmp_path / "ok.csv", ("id;title;description\n" + body).encode())
    result = import_source(portfolio_path, src, mapping={"columns": {
        "id": "id", "title": "title", "description": "description"}})
    assert [r.values["id"] for r in result.plan.records] == ["A", "B"]


def test_the_row_of_a_broken_quote_counts_records_and_gives_the_line(portfolio_path,
                                                                      tmp_path, en):
    src = _write(tmp_path / "q.csv",
                 'id;title;cost\nT-1;"To\nlinjer";5\nT-2;Andet;"7\n'.encode())
    text = _refused(portfolio_path, src)
    assert "row 3 (line 4 of the file), column “cost”" in text


def test_cells_spanning_lines_and_doubled_quotes_still_import(portfolio_path, tmp_path):
    src = _write(tmp_path / "ok.csv",
                 'id;title;cost\nT-1;"Skærm 24"" med; semikolon\nog linjeskift";5\n'
                 'T-2;"Andet" ;7\n'.encode())
    result = import_source(portfolio_path, src, mapping=MAPPING)
    assert len(result.plan.records) == 2
    titles = {r.id: r.title for r in result.plan.records}
    assert titles["T-1"] == 'Skærm 24" med; semikolon\nog linjeskift'
    assert titles["T-2"] == "Andet"  # spaces after a closing quote: read as before


def test_find_quote_problem_reads_like_the_csv_module():
    assert find_quote_problem('a;b\n1;x"y\n', ";") is None  # a quote inside a cell: text
    assert find_quote_problem('a;b\r\n1;"x\r\ny"\r\n2;3\r\n', ";") is None
    found = find_quote_problem('a;b\r\n1;"x\r\ny"\r\n2;"3\r\n', ";")
    assert (found.row, found.line, found.field, found.at_end) == (3, 4, 1, True)


# 2. encodings -------------------------------------------------------------------------------

def test_a_file_mixing_utf8_and_cp1252_is_refused_naming_the_row_and_byte(portfolio_path, en):
    data = (FIX / "mixed_encoding.csv").read_bytes()
    text = _refused(portfolio_path, FIX / "mixed_encoding.csv")
    offset = data.index(b"\xf8")
    assert "mixed_encoding.csv mixes two encodings" in text
    assert f"row 3 (byte {offset}: 0xF8)" in text and "“Ø”" in text
    assert "Ã" not in text


def test_a_mixed_file_imports_as_cp1252_when_the_mapping_says_so(portfolio_path):
    result = import_source(portfolio_path, FIX / "mixed_encoding.csv",
                           mapping={**MAPPING, "encoding": "cp1252"})
    assert result.table.encoding == "cp1252"


def test_pure_cp1252_is_not_taken_for_mixed():
    assert mixed_encoding((FIX / "cp1252_semicolon_danish.csv").read_bytes()) is None
    assert mixed_encoding("Ærø; Å; søer € – “citat”".encode("cp1252")) is None
    # "Å”" is C5 94 in cp1252, which is also UTF-8 for "Ŕ": no evidence of UTF-8
    assert mixed_encoding("id;title\nA;“TÆT PÅ” – b\xf8rn".encode("cp1252")) is None
    assert mixed_encoding("Økonomi".encode() + b";B\xf8rn") == (len("Økonomi;B".encode()), "Ø")


def test_a_byte_outside_the_declared_encoding_names_its_row(portfolio_path, tmp_path, en):
    src = _write(tmp_path / "u.csv", b"id;title\nA;ok\nB;bad \xf8\n")
    text = _refused(portfolio_path, src, mapping={**MAPPING, "encoding": "utf-8"})
    assert "u.csv is not encoded as utf-8: row 3, byte 20" in text


# 3. files that are no CSV or XLSX -----------------------------------------------------------

def _truncated_xlsx(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    book = tmp_path / "whole.xlsx"
    wb = Workbook()
    wb.active.append(["id", "title"])
    wb.active.append(["A", "B"])
    wb.save(book)
    data = book.read_bytes()
    book.unlink()
    return _write(tmp_path / "cut.xlsx", data[: len(data) // 2])


@pytest.mark.parametrize("mapping", [None, MAPPING])
def test_a_truncated_workbook_is_called_damaged_with_or_without_mapping(tmp_path, en, mapping):
    src = _truncated_xlsx(tmp_path)
    target = tmp_path / "out" / "p.portfolio"
    target.parent.mkdir()
    text = _refused(target, src, mapping=mapping)
    assert "cut.xlsx is not a readable XLSX workbook" in text and "damaged" in text
    assert "neither" not in text and "--mapping" not in text


@pytest.mark.parametrize("mapping", [None, MAPPING])
def test_a_pdf_is_not_a_csv_file(tmp_path, en, mapping):
    src = _write(tmp_path / "plan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n"
                                        b"\x8f\x90\x9d binary\nendstream\n")
    target = tmp_path / "out" / "p.portfolio"
    target.parent.mkdir()
    text = _refused(target, src, mapping=mapping)
    assert "plan.pdf is not a CSV text file or an XLSX workbook: it is a PDF document" in text
    assert "cp1252" not in text and "--mapping" not in text


def test_binary_files_and_misnamed_workbooks_say_what_they_are(tmp_path, en):
    docx = tmp_path / "notat.csv"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(UserError, match="notat.csv is not a CSV text file .*ZIP archive"):
        read_source(docx)
    book = tmp_path / "plan.csv"
    with zipfile.ZipFile(book, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UserError, match="plan.csv is an XLSX workbook .* rename it to plan.xlsx"):
        read_source(book)
    blob = _write(tmp_path / "data.txt", b"id;title\n\x00\x01\x02")
    with pytest.raises(UserError, match="data.txt is not a CSV text file .*binary data"):
        read_source(blob)
    utf16 = _write(tmp_path / "unicode.txt", "id\ttitle\nA\tØ\n".encode("utf-16"))
    with pytest.raises(UserError, match="unicode.txt is saved as “Unicode text” .UTF-16."):
        read_source(utf16)
    renamed = _write(tmp_path / "tekst.xlsx", b"id;title\nA;B\n")
    with pytest.raises(UserError, match="tekst.xlsx is not a readable XLSX workbook"):
        read_source(renamed)


# 4. a cycle names its rows ------------------------------------------------------------------

def test_a_cycle_over_every_row_names_each_row(portfolio_path, tmp_path, en):
    src = _write(tmp_path / "c.csv", b"id;title;requires\nC-1;A;C-3\nC-2;B;C-1\nC-3;C;C-2\n")
    with pytest.raises(ImportRefused) as info:
        import_source(portfolio_path, src, mapping={"columns": {
            "id": {"field": "id"}, "title": {"field": "title"},
            "requires": {"field": "requires"}}})
    assert "C-1 (row 2) → C-3 (row 4) → C-2 (row 3) → C-1" in info.value.problems[0]
    assert not portfolio_path.exists()


# 5. a mapping that is not JSON --------------------------------------------------------------

def test_bad_json_gives_line_and_column_in_our_words(tmp_path, en):
    bad = tmp_path / "map.json"
    bad.write_text('{"columns": {\n  "id": {"field": "id"}\n  "title": 1}}', encoding="utf-8")
    with pytest.raises(MappingError) as info:
        load_mapping(bad)
    assert str(info.value) == ("The mapping map.json is not valid JSON (line 3, column 3): a "
                               "comma is expected here (between two entries)")
    assert "Expecting" not in str(info.value)


def test_bad_json_in_danish_and_without_a_known_detail(tmp_path, cli):
    bad = tmp_path / "map.json"
    bad.write_text('{"columns": {"id": "id",}}', encoding="utf-8")
    src = _write(tmp_path / "a.csv", b"id;title\nA;B\n")
    r = cli("import", str(tmp_path / "new.portfolio"), str(src), "--mapping", str(bad))
    assert r.returncode == 2
    assert "map.json er ikke gyldig JSON (linje 1, kolonne 25)" in r.stderr
    assert "Expecting" not in r.stderr and "navn i dobbelte anførselstegn" in r.stderr
    assert not (tmp_path / "new.portfolio").exists()
    from app.services.importing.mapping import json_error_text

    assert json_error_text("Some future parser message") is None
    try:
        json.loads("[1,]")
    except json.JSONDecodeError as exc:
        assert json_error_text(exc.msg) is not None  # 3.11 "Expecting value", 3.13 "trailing comma"


# 6. the tester's cases on the command line, in Danish ---------------------------------------

def test_the_cli_refuses_broken_sources_in_danish(cli, tmp_path):
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {"id": "id", "title": "title",
                                               "lead": "lead_department", "cost": "total_cost"}}),
                       encoding="utf-8")
    target = tmp_path / "ny.portfolio"
    r = cli("import", str(target), str(FIX / "unclosed_quote.csv"), "--mapping", str(mapping))
    assert r.returncode == 2, r.stdout
    assert "unclosed_quote.csv, række 2, kolonne “title”" in r.stderr
    assert "afsluttes aldrig" in r.stderr
    r = cli("import", str(target), str(FIX / "mixed_encoding.csv"), "--mapping", str(mapping))
    assert r.returncode == 2, r.stdout
    assert "mixed_encoding.csv blander to tegnkodninger" in r.stderr and "række 3" in r.stderr
    assert not target.exists()
