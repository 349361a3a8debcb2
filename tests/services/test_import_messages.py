"""Messages of a refused import (DESIGN §9: what is wrong and where, in Danish, exit 2,
nothing changed): a portfolio given as the source, a folder given as the mapping, a
truncated workbook, thousands of problems from the wrong mapping, numbers in messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.errors import UserError
from app.services.importing import ImportRefused, import_source
from app.services.importing.plan import WARNING, Problem
from app.services.importing.report import PROBLEM_LIMIT, problem_lines, row_ranges


@pytest.fixture
def lang():
    """``lang(code)`` switches the services' language for the test; restored afterwards."""
    from app.services import formatting
    from app.services.i18n import set_language

    before = formatting.language()
    yield set_language
    set_language(before)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# 1. a portfolio as the source -------------------------------------------------------------

@pytest.mark.parametrize("with_mapping", [False, True])
def test_a_portfolio_as_source_is_refused_saying_so(cli, tmp_path, with_mapping):
    from app.services.demo import create_demo

    source = tmp_path / "demo.portfolio"
    create_demo(source)
    before = source.read_bytes()
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"columns": {"id": "id", "title": "title"}}), encoding="utf-8")
    args = ["import", str(tmp_path / "new.portfolio"), str(source)]
    r = cli(*args, *(["--mapping", str(mapping)] if with_mapping else []))
    assert r.returncode == 2, r.stderr
    assert "demo.portfolio er en Prioritise-portefølje" in r.stderr
    assert "importeres ikke i en anden" in r.stderr
    assert "--xlsx" in r.stderr  # the supported route: export to XLSX and import that
    assert "hverken" not in r.stderr and "CSV" not in r.stderr
    assert not (tmp_path / "new.portfolio").exists()
    assert source.read_bytes() == before


def test_a_portfolio_under_another_name_is_recognised_by_its_header(tmp_path, lang):
    from app.services.store import create_portfolio

    lang("en")
    source = tmp_path / "kopi.dat"
    create_portfolio(source).close()
    with pytest.raises(UserError, match="kopi.dat is a Prioritise portfolio"):
        import_source(tmp_path / "new.portfolio", source,
                      mapping={"columns": {"id": "id", "title": "title"}})
    assert not (tmp_path / "new.portfolio").exists()


def test_a_portfolio_is_refused_when_imported_into_an_open_portfolio(tmp_path, lang):
    from app.services.importing import import_into
    from app.services.store import create_portfolio

    lang("en")
    source = tmp_path / "other.portfolio"
    create_portfolio(source).close()
    with create_portfolio(tmp_path / "open.portfolio") as pf:
        with pytest.raises(UserError, match="one portfolio is not imported into another"):
            import_into(pf, source)


# 2. a folder as the mapping ---------------------------------------------------------------

def test_a_folder_as_mapping_says_it_is_a_folder(cli, tmp_path):
    source = tmp_path / "a.csv"
    source.write_text("id;title\nA;B\n", encoding="utf-8")
    folder = tmp_path / "mappings"
    folder.mkdir()
    r = cli("import", str(tmp_path / "new.portfolio"), str(source), "--mapping", str(folder))
    assert r.returncode == 2, r.stderr
    assert "er en mappe, ikke en opsætningsfil" in r.stderr and str(folder) in r.stderr
    assert "findes ikke" not in r.stderr
    assert _files(tmp_path) == ["a.csv", "mappings"]


# 3. thousands of problems -----------------------------------------------------------------

ROWS = 300


def _wrong_source(tmp_path: Path) -> tuple[Path, Path]:
    """300 rows read with a mapping that names two absent columns (id and title missing in
    every row) and a cost column holding text (a different problem in every row)."""
    source = tmp_path / "kilde.csv"
    lines = ["nr;navn;cost"] + [f"{i};Tiltag {i};x{i}" for i in range(ROWS)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"columns": {
        "project_id": "id", "project_name": "title", "cost": "total_cost"}}), encoding="utf-8")
    return source, mapping


def test_the_wrong_mapping_prints_a_short_grouped_list(cli, tmp_path):
    source, mapping = _wrong_source(tmp_path)
    r = cli("import", str(tmp_path / "new.portfolio"), str(source), "--mapping", str(mapping))
    assert r.returncode == 2, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("  ")]
    assert len(lines) == PROBLEM_LIMIT + 1, r.stderr
    # the two missing columns: one problem naming both, and one line each for their rows
    assert sum("project_id" in ln and "project_name" in ln for ln in lines) == 1
    assert any("“project_id”" in ln and f"i alle {ROWS} rækker" in ln for ln in lines)
    assert any("“project_name”" in ln and f"i alle {ROWS} rækker" in ln for ln in lines)
    total = 1 + 2 * ROWS + ROWS  # the missing columns, id + title per row, cost per row
    assert f"{total} problemer" in r.stderr.splitlines()[0]
    shown = (PROBLEM_LIMIT - 3)  # cost problems printed one by one
    assert lines[-1] == f"  … og {ROWS - shown} problemer mere (alle: --json)"
    assert not (tmp_path / "new.portfolio").exists()


def test_the_json_refusal_keeps_every_problem(cli, tmp_path):
    source, mapping = _wrong_source(tmp_path)
    r = cli("import", str(tmp_path / "new.portfolio"), str(source), "--mapping", str(mapping),
            "--json")
    assert r.returncode == 2
    doc = json.loads(r.stdout)
    assert len(doc["problems"]) == 1 + 3 * ROWS
    assert not (tmp_path / "new.portfolio").exists()


def test_problem_lines_group_the_same_problem_in_many_rows(lang):
    lang("en")
    same = [Problem("the id is missing", row, "id") for row in (2, 3, 4, 7, 9, 10)]
    odd = Problem("“x” is not a number", 5, "cost")
    warn = [Problem("odd", row, "c", severity=WARNING) for row in (2, 3)]
    lines = problem_lines([same[0], odd, *same[1:], *warn], rows=20)
    assert lines == [
        "column “id”: the id is missing — in 6 rows (2–4, 7, 9–10)",
        "row 5, column “cost”: “x” is not a number",
        "warning: row 2, column “c”: odd",
        "warning: row 3, column “c”: odd",
    ]
    assert problem_lines(same, rows=6) == ["column “id”: the id is missing — in all 6 rows"]
    assert row_ranges(list(range(2, 40, 2)), shown=3) == "2, 4, 6, …"
    capped = problem_lines([Problem(f"p{i}", i, "c") for i in range(2, 12)], limit=4)
    assert capped[-1] == "… and 6 more problems (all of them: --json)" and len(capped) == 5


# 4. numbers in messages -------------------------------------------------------------------

def test_numbers_in_import_messages_are_formatted(tmp_path, lang):
    src = tmp_path / "years.csv"
    src.write_text("id;title;total;y1;a;b\nY-1;Passer ikke;1500;1400;2,5;3\n", encoding="utf-8")
    mapping = {"decimal": ",", "columns": {
        "id": "id", "title": "title", "total": "total_cost", "y1": "cost:2027",
        "a": "total_benefit", "b": "total_benefit"}}
    lang("da")
    with pytest.raises(ImportRefused) as exc:  # the two benefit columns disagree: an error
        import_source(tmp_path / "da.portfolio", src, mapping=mapping, dry_run=True)
    text = " ".join(str(p) for p in exc.value.plan.all_problems())
    assert "totalen 1.500" in text.replace("Totalen", "totalen") and "1.400" in text, text
    assert "(2,5 og 3)" in text and "1500.0" not in text and "1400.0" not in text
    lang("en")
    with pytest.raises(ImportRefused) as exc:
        import_source(tmp_path / "en.portfolio", src, mapping=mapping, dry_run=True)
    text = " ".join(str(p) for p in exc.value.plan.all_problems())
    assert "the total 1,500 differs" in text and "lines 1,400" in text, text
    assert "(2.5 and 3)" in text


def test_mapping_weights_sum_is_formatted(tmp_path, lang):
    from app.services.importing import MappingError
    from app.services.importing.mapping import parse_mapping

    lang("da")
    with pytest.raises(MappingError) as exc:
        parse_mapping({"columns": {"id": "id"}, "weights": {"a": 1500.0, "b": 2.5}})
    text = " ".join(exc.value.problems)
    assert "1.502,5" in text and "1502.5" not in text


# 5. a truncated workbook ------------------------------------------------------------------

def test_a_truncated_workbook_is_named_and_called_damaged(cli, tmp_path, lang):
    from openpyxl import Workbook

    full = tmp_path / "hel.xlsx"
    wb = Workbook()
    wb.active.append(["id", "title"])
    for i in range(200):
        wb.active.append([f"T-{i}", f"Tiltag {i}"])
    wb.save(full)
    cut = tmp_path / "afkortet.xlsx"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    mapping = {"columns": {"id": "id", "title": "title"}}
    lang("en")
    with pytest.raises(UserError) as exc:
        import_source(tmp_path / "new.portfolio", cut, mapping=mapping)
    assert "afkortet.xlsx is not a readable XLSX workbook" in str(exc.value)
    assert "damaged or truncated" in str(exc.value) and "zip" not in str(exc.value).lower()
    map_file = tmp_path / "map.json"
    map_file.write_text(json.dumps(mapping), encoding="utf-8")
    r = cli("import", str(tmp_path / "new.portfolio"), str(cut), "--mapping", str(map_file))
    assert r.returncode == 2
    assert "afkortet.xlsx er ikke en læsbar XLSX-projektmappe" in r.stderr
    assert "beskadiget eller afkortet" in r.stderr and "zip" not in r.stderr.lower()
    assert not (tmp_path / "new.portfolio").exists()


def test_counts_in_the_import_report_are_formatted(cli, tmp_path):
    source = tmp_path / "mange.csv"
    source.write_text("id;title\n" + "".join(f"M-{i};Tiltag {i}\n" for i in range(1200)),
                      encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"columns": {"id": "id", "title": "title"}}), encoding="utf-8")
    r = cli("import", str(tmp_path / "new.portfolio"), str(source), "--mapping", str(mapping),
            "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "1.200 tiltag: 1.200 nye" in r.stdout and "… og 1.170 mere" in r.stdout, r.stdout
    source.write_text("id;title\n" + "".join(f"M-{i};\n" for i in range(1200)), encoding="utf-8")
    r = cli("import", str(tmp_path / "new.portfolio"), str(source), "--mapping", str(mapping))
    assert r.returncode == 2
    assert "Intet blev importeret: 1.200 problemer i mange.csv" in r.stderr
    assert "i alle 1.200 rækker" in r.stderr


def test_a_binary_file_as_mapping_is_named_not_a_crash(tmp_path):
    """A portfolio or workbook given as --mapping raised UnicodeDecodeError (exit 1)."""
    from app.services.importing.mapping import MappingError, load_mapping

    binary = tmp_path / "d.portfolio"
    binary.write_bytes(b"SQLite format 3\x00" + bytes(range(256)))
    with pytest.raises(MappingError, match="d.portfolio") as refused:
        load_mapping(binary)
    assert "JSON" in str(refused.value)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_source_is_called_what_it_is(tmp_path):
    import os

    from app.services.errors import UserError
    from app.services.importing.service import check_files

    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="almindelig fil|ordinary file"):
        check_files(fifo, None)


def test_new_and_updated_counts_agree_in_number(tmp_path, lang):
    """Danish: "1 ny, 1 opdateret" but "2 nye, 2 opdaterede" (was "1 nye" always)."""
    from app.services.importing.report import summary_lines

    mapping = {"columns": {"id": "id", "title": "title"}}
    target = tmp_path / "p.portfolio"
    first = tmp_path / "a.csv"
    first.write_text("id;title\nA;Et\nB;To\n", encoding="utf-8")
    import_source(target, first, mapping=mapping)
    again = tmp_path / "b.csv"
    again.write_text("id;title\nA;Et igen\nC;Tre\n", encoding="utf-8")
    lang("da")
    one = import_source(target, again, mapping=mapping, dry_run=True)
    assert "2 tiltag: 1 ny, 1 opdateret" in summary_lines(one.plan, one.table, dry_run=True)[1]
    again.write_text("id;title\nA;Et igen\nB;To igen\nC;Tre\nD;Fire\n", encoding="utf-8")
    two = import_source(target, again, mapping=mapping, dry_run=True)
    assert "4 tiltag: 2 nye, 2 opdaterede" in summary_lines(two.plan, two.table, dry_run=True)[1]
    lang("en")
    assert "2 new, 2 updated" in summary_lines(two.plan, two.table, dry_run=True)[1]
