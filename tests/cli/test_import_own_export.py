"""A portfolio's own export imported back into a portfolio that holds initiatives
(DESIGN §9/§10): the XLSX export updates by id and loses nothing; a CSV export, which
holds only the main fields and totals, is refused with a message and the file is left
byte-identical — it used to delete every assessment, most business case lines, goals and
requirements and duplicate the units, with exit 0."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from app.services.demo import create_demo


def _counts(path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [t for (t,) in con.execute(
            "select name from sqlite_master where type='table'") if t != "audit_entry"]
        return {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("own-export")
    path = folder / "d.portfolio"
    create_demo(path)
    return path


def test_csv_export_into_a_portfolio_with_initiatives_is_refused(cli, demo, tmp_path):
    out = tmp_path / "d.csv"
    assert cli("export", str(demo), "--csv", str(out)).returncode == 0
    target = tmp_path / "t.portfolio"
    shutil.copy(demo, target)
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    for extra in ([], ["--dry-run"]):
        result = cli("import", str(target), str(out), *extra)
        assert result.returncode == 2, (result.stdout, result.stderr)
        assert "Genskabt" not in result.stdout
        assert "tom portefølje" in result.stderr, result.stderr
        assert "XLSX" in result.stderr
        assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv", "t.portfolio"]
    # into a new (empty) portfolio it still restores the main fields and totals
    fresh = tmp_path / "ny.portfolio"
    result = cli("import", str(fresh), str(out))
    assert result.returncode == 0, result.stderr
    assert _counts(fresh)["initiative"] == _counts(demo)["initiative"]


def test_xlsx_export_into_a_portfolio_with_initiatives_keeps_everything(cli, demo, tmp_path):
    out = tmp_path / "d.xlsx"
    assert cli("export", str(demo), "--xlsx", str(out)).returncode == 0
    target = tmp_path / "t.portfolio"
    shutil.copy(demo, target)
    result = cli("import", str(target), str(out))
    assert result.returncode == 0, result.stderr
    assert _counts(target) == _counts(demo)
    listed = [cli("list", str(p), "--json").stdout for p in (demo, target)]
    assert listed[0] == listed[1]
