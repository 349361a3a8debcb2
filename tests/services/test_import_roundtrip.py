"""A file exported by Prioritise imports into an empty portfolio with no options
(DESIGN §10), through `prioritise import` and the OUTPUTS engineer's round-trip reader."""

from __future__ import annotations

import pytest

pytest.importorskip("app.services.exports.roundtrip")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from app.services.demo import create_demo

    path = tmp_path_factory.mktemp("rt") / "demo.portfolio"
    create_demo(path)
    return path


def _list(cli, path):
    from app.commands.listing import list_document

    return list_document(str(path))


def test_xlsx_export_imports_with_no_options(demo, tmp_path):
    from app.services.exports import export
    from app.services.importing import import_source

    out = export(demo, "xlsx", tmp_path / "eksport.xlsx")
    target = tmp_path / "kopi.portfolio"
    dry = import_source(target, out, dry_run=True)
    assert dry.plan.kind == "prioritise-export" and not target.exists()
    result = import_source(target, out)
    assert result.created and result.plan.restored["initiatives"] == 37
    assert _list(None, target) == _list(None, demo)


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
