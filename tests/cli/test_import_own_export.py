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


def test_a_csv_export_keeps_its_currency(cli, tmp_path):
    """A CSV export of a GBP portfolio restored into a new (DKK) portfolio without amounts
    makes it a GBP portfolio (its amounts were GBP); into a DKK portfolio that holds a
    budget frame it is refused and the file is left byte-identical."""
    from app.models import BudgetFrame, PortfolioSettings, Scenario
    from app.services.store import create_portfolio, open_portfolio

    gbp = tmp_path / "gbp.portfolio"
    src = tmp_path / "g.csv"
    src.write_text("id;title;cost\nG-1;Pounds;1000\n", encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text('{"currency": "GBP", "columns": {"id": "id", "title": "title", '
                       '"cost": "total_cost"}}', encoding="utf-8")
    assert cli("import", str(gbp), str(src), "--mapping", str(mapping)).returncode == 0
    out = tmp_path / "export.csv"
    assert cli("export", str(gbp), "--csv", str(out)).returncode == 0

    new = tmp_path / "new.portfolio"
    create_portfolio(new).close()  # DKK, as File → New makes it
    result = cli("import", str(new), str(out))
    assert result.returncode == 0, result.stderr
    with open_portfolio(new, readonly=True) as pf, pf.read() as s:
        assert s.get(PortfolioSettings, 1).currency == "GBP"

    framed = tmp_path / "framed.portfolio"
    create_portfolio(framed).close()
    with open_portfolio(framed) as pf, pf.session(context="test") as s:
        scenario = Scenario(name="Budget")
        scenario.frames.append(BudgetFrame(amount=5000.0))
        s.add(scenario)
    before = hashlib.sha256(framed.read_bytes()).hexdigest()
    result = cli("import", str(framed), str(out))
    assert result.returncode == 2 and "GBP" in result.stderr and "DKK" in result.stderr
    assert hashlib.sha256(framed.read_bytes()).hexdigest() == before
