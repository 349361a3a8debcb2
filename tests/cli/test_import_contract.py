"""``prioritise import`` end to end (issue 3, DESIGN §6 and §9), through the real command:
a refusal found only against what the portfolio already holds (a cycle closed by an
existing dependency, another currency) leaves the file byte-identical and nothing beside
it; a dry run with problems lists every problem and writes nothing; dependencies are kept
and a re-import updates by id, as ``list --json`` shows."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listed(cli, target: Path) -> dict[str, dict]:
    r = cli("list", str(target), "--json")
    assert r.returncode == 0, r.stderr
    return {i["id"]: i for i in json.loads(r.stdout)["initiatives"]}


MAPPING = '{"columns": {"id": "id", "title": "title", "cost": "total_cost", ' \
          '"requires": {"field": "requires", "split": ","}}}'


def _first_import(cli, tmp_path: Path, target: Path) -> str:
    mapping = _write(tmp_path / "map.json", MAPPING)
    source = _write(tmp_path / "a.csv", "id;title;cost;requires\nA;Fælles platform;100;\n"
                                        "B;Selvbetjening;200;A\nC;Data;300;B\n")
    r = cli("import", str(target), source, "--mapping", mapping)
    assert r.returncode == 0, r.stderr
    return mapping


def test_requires_are_kept_and_reimport_updates_by_id(cli, tmp_path, portfolio_path):
    mapping = _first_import(cli, tmp_path, portfolio_path)
    listed = _listed(cli, portfolio_path)
    assert {i: d["requires"] for i, d in listed.items()} == {"A": [], "B": ["A"], "C": ["B"]}
    again = _write(tmp_path / "b.csv", "id;title;cost;requires\nB;Selvbetjening v2;250;A\n"
                                       "D;Ny;50;A,C\n")
    r = cli("import", str(portfolio_path), again, "--mapping", mapping, "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["updated"] == ["B"] and doc["new"] == ["D"]
    listed = _listed(cli, portfolio_path)
    assert sorted(listed) == ["A", "B", "C", "D"]  # A and C are not in the source: untouched
    assert (listed["B"]["title"], listed["B"]["total_cost"]) == ("Selvbetjening v2", 250)
    assert listed["C"]["requires"] == ["B"] and sorted(listed["D"]["requires"]) == ["A", "C"]


def test_a_cycle_closed_by_an_existing_dependency_is_refused_naming_it(cli, tmp_path,
                                                                       portfolio_path):
    mapping = _first_import(cli, tmp_path, portfolio_path)
    before = _digest(portfolio_path)
    files = sorted(p.name for p in portfolio_path.parent.iterdir())
    closing = _write(tmp_path / "c.csv", "id;title;cost;requires\nA;Fælles platform;100;C\n")
    r = cli("import", str(portfolio_path), closing, "--mapping", mapping)
    assert r.returncode == 2, r.stderr
    problems = [ln for ln in r.stderr.splitlines() if ln.startswith("  ")]
    assert len(problems) == 1 and "2" in problems[0], r.stderr
    # the source's initiative with its row, the portfolio's two as such
    assert all(x in problems[0] for x in ("A (række 2) →", "B (i porteføljen) →",
                                          "C (i porteføljen) →")), r.stderr
    assert _digest(portfolio_path) == before
    assert sorted(p.name for p in portfolio_path.parent.iterdir()) == files


def test_a_source_in_another_currency_changes_nothing(cli, tmp_path, portfolio_path):
    _first_import(cli, tmp_path, portfolio_path)  # a DKK portfolio
    before = _digest(portfolio_path)
    files = sorted(p.name for p in portfolio_path.parent.iterdir())
    mapping = _write(tmp_path / "gbp.json", '{"currency": "GBP", "columns": '
                                            '{"id": "id", "title": "title"}}')
    source = _write(tmp_path / "gbp.csv", "id;title\nG-1;Pounds\n")
    r = cli("import", str(portfolio_path), source, "--mapping", mapping)
    assert r.returncode == 2 and "GBP" in r.stderr and "DKK" in r.stderr, r.stderr
    assert _digest(portfolio_path) == before
    assert sorted(p.name for p in portfolio_path.parent.iterdir()) == files


def test_a_dry_run_with_problems_lists_every_problem_and_writes_nothing(cli, tmp_path,
                                                                        portfolio_path):
    mapping = _write(tmp_path / "map.json", '{"columns": {"id": "id", "title": "title", '
                                            '"cost": "total_cost", "start": "start_date"}}')
    source = _write(tmp_path / "bad.csv", "id;title;cost;start;extra\n"
                                          "A;Ok;1;01.01.2027;x\nB;Negativ;-1;31.02.2027;y\n")
    r = cli("import", str(portfolio_path), source, "--mapping", mapping, "--dry-run")
    assert r.returncode == 2
    assert "extra" in r.stdout  # the unmapped column
    assert "+ A  Ok" in r.stdout  # what would be imported
    problems = [ln for ln in r.stderr.splitlines() if ln.startswith("  ")]
    assert len(problems) == 2, r.stderr  # the negative cost and the impossible date, both
    assert any("cost" in p and "3" in p for p in problems)
    assert any("start" in p and "31.02.2027" in p for p in problems)
    assert not portfolio_path.exists() and list(portfolio_path.parent.iterdir()) == []
    _first_import(cli, tmp_path, portfolio_path)
    before = _digest(portfolio_path)
    files = sorted(p.name for p in portfolio_path.parent.iterdir())
    r = cli("import", str(portfolio_path), source, "--mapping", mapping, "--dry-run")
    assert r.returncode == 2
    assert _digest(portfolio_path) == before
    assert sorted(p.name for p in portfolio_path.parent.iterdir()) == files
