"""A file exported by Prioritise imports into an empty portfolio with no options
(DESIGN §10), through `prioritise import` and the OUTPUTS engineer's round-trip reader."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("app.services.exports.roundtrip")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from app.services.demo import create_demo

    path = tmp_path_factory.mktemp("rt") / "demo.portfolio"
    create_demo(path)
    return path


def _list(cli, path):
    r = cli("list", str(path), "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_xlsx_export_imports_with_no_options(cli, demo, tmp_path):
    out = tmp_path / "eksport.xlsx"
    assert cli("export", str(demo), "--xlsx", str(out)).returncode == 0
    target = tmp_path / "kopi.portfolio"
    dry = cli("import", str(target), str(out), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert not target.exists()
    r = cli("import", str(target), str(out))
    assert r.returncode == 0, r.stderr
    assert _list(cli, target) == _list(cli, demo)


@pytest.mark.slow  # the export itself takes ~20 s; the XLSX round trip runs by default
def test_csv_export_imports_main_fields_and_totals(cli, demo, tmp_path):
    out = tmp_path / "eksport.csv"
    assert cli("export", str(demo), "--csv", str(out)).returncode == 0
    target = tmp_path / "kopi.portfolio"
    r = cli("import", str(target), str(out))
    assert r.returncode == 0, r.stderr
    got = {i["id"]: i for i in _list(cli, target)["initiatives"]}
    want = {i["id"]: i for i in _list(cli, demo)["initiatives"]}
    assert set(got) == set(want)
    for iid, item in want.items():
        assert got[iid]["title"] == item["title"]
        assert got[iid]["total_cost"] == pytest.approx(item["total_cost"])
