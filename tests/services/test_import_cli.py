"""``prioritise import`` on the command line (DESIGN §6): exit codes, problems on stderr one
per line, nothing written when refused or with --dry-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.importing import import_source

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _mapping(tmp_path: Path, doc: dict) -> str:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


NEG = {"columns": {"id": {"field": "id"}, "title": {"field": "title"},
                   "cost": {"field": "total_cost"}, "benefit": {"field": "total_benefit"}}}


def test_refused_import_into_new_path_exits_2_and_creates_nothing(cli, tmp_path, portfolio_path):
    r = cli("import", str(portfolio_path), str(FIX / "negative_amounts.csv"),
            "--mapping", _mapping(tmp_path, NEG))
    assert r.returncode == 2, r.stderr
    problem_lines = [ln for ln in r.stderr.splitlines() if ln.startswith("  ")]
    assert len(problem_lines) == 1 and "3" in problem_lines[0] and "cost" in problem_lines[0]
    assert not portfolio_path.exists()
    assert list(portfolio_path.parent.iterdir()) == []  # no temporary file left behind


def test_refused_import_leaves_existing_portfolio_byte_identical(cli, tmp_path, portfolio_path):
    import_source(portfolio_path, FIX / "bom_comma.csv", mapping={"columns": {"id": "id", "title": "title"}})
    before = portfolio_path.read_bytes()
    r = cli("import", str(portfolio_path), str(FIX / "duplicate_id.csv"), "--mapping",
            _mapping(tmp_path, {"columns": {"id": "id", "title": "title"}}))
    assert r.returncode == 2
    assert "2, 4" in r.stderr
    assert portfolio_path.read_bytes() == before


def test_dry_run_writes_nothing_and_lists_unmapped_columns(cli, tmp_path, portfolio_path):
    m = _mapping(tmp_path, {"columns": {"id": "id", "title": "title"}})
    r = cli("import", str(portfolio_path), str(FIX / "negative_amounts.csv"), "--mapping", m,
            "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "cost" in r.stdout and "benefit" in r.stdout  # unmapped columns listed
    assert not portfolio_path.exists()
    import_source(portfolio_path, FIX / "bom_comma.csv", mapping={"columns": {"id": "id", "title": "title"}})
    before = portfolio_path.read_bytes()
    r = cli("import", str(portfolio_path), str(FIX / "tab_delimited.csv"), "--mapping", m, "--dry-run")
    assert r.returncode == 0
    assert portfolio_path.read_bytes() == before


def test_skip_invalid_lists_skipped_rows_and_json(cli, tmp_path, portfolio_path):
    r = cli("import", str(portfolio_path), str(FIX / "negative_amounts.csv"), "--mapping",
            _mapping(tmp_path, NEG), "--skip-invalid", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["skipped_rows"] == [3] and doc["new"] == ["N-1"] and doc["written"] is True
    from app.commands.listing import list_document

    listed = list_document(str(portfolio_path))
    assert [i["id"] for i in listed["initiatives"]] == ["N-1"]
    assert listed["initiatives"][0]["total_benefit"] == -5000


def test_bad_mapping_file_exits_2_with_reasons(cli, tmp_path, portfolio_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"decimal": "x", "columns": {"a": {"field": "nonsense"}}}', encoding="utf-8")
    r = cli("import", str(portfolio_path), str(FIX / "bom_comma.csv"), "--mapping", str(bad))
    assert r.returncode == 2
    assert "decimal" in r.stderr and "nonsense" in r.stderr
    bad.write_text("{not json", encoding="utf-8")
    from app.services.importing import MappingError

    with pytest.raises(MappingError, match="JSON"):
        import_source(portfolio_path, FIX / "bom_comma.csv", mapping=str(bad))
    assert not portfolio_path.exists()


def test_no_mapping_for_an_unknown_source_exits_2(cli, portfolio_path):
    r = cli("import", str(portfolio_path), str(FIX / "bom_comma.csv"))
    assert r.returncode == 2 and "--mapping" in r.stderr
    assert not portfolio_path.exists()


def test_locked_portfolio_exits_2_naming_the_holder(cli, tmp_path, portfolio_path):
    from app.services.store import create_portfolio, open_portfolio

    create_portfolio(portfolio_path).close()
    before = portfolio_path.read_bytes()
    with open_portfolio(portfolio_path):  # this test process is the editor holding the lock
        r = cli("import", str(portfolio_path), str(FIX / "bom_comma.csv"), "--mapping",
                _mapping(tmp_path, {"columns": {"id": "id", "title": "title"}}))
    assert r.returncode == 2
    import getpass

    assert getpass.getuser() in r.stderr
    assert portfolio_path.read_bytes() == before


def test_json_refusal_is_one_document_with_every_problem(cli, tmp_path, portfolio_path):
    r = cli("import", str(portfolio_path), str(FIX / "duplicate_id.csv"), "--mapping",
            _mapping(tmp_path, {"columns": {"id": "id", "title": "title"}}), "--json")
    assert r.returncode == 2
    doc = json.loads(r.stdout)
    assert doc["written"] is False and [p["row"] for p in doc["problems"]] == [2, 4]
    assert all(p["column"] == "id" for p in doc["problems"])
    assert not portfolio_path.exists()
