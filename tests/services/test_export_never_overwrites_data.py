"""An export never replaces the portfolio it was made from, nor any portfolio, lock file
or folder; a folder it cannot write in is a clear refusal (exit 2), not a traceback."""

from __future__ import annotations

import hashlib

import pytest

from app.services.errors import UserError
from app.services.exports.common import atomic_output


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("flag", ["--csv", "--xlsx"])
def test_export_onto_its_own_portfolio_is_refused_and_the_file_kept(cli, new_portfolio, flag):
    path = new_portfolio.path
    new_portfolio.close()
    before = _digest(path)
    result = cli("export", str(path), flag, str(path))
    assert result.returncode == 2
    assert path.name in result.stderr
    assert _digest(path) == before


def test_export_onto_a_lock_file_or_a_folder_is_refused(tmp_path):
    lock = tmp_path / "P.portfolio.lock"
    lock.write_text("{}")
    with pytest.raises(UserError):
        with atomic_output(lock):
            pass
    assert lock.read_text() == "{}"
    with pytest.raises(UserError):
        with atomic_output(tmp_path):
            pass


def test_any_sqlite_database_is_never_overwritten(tmp_path):
    import sqlite3

    db = tmp_path / "andet.db"
    sqlite3.connect(db).execute("create table t (x)").connection.close()
    with pytest.raises(UserError):
        with atomic_output(db):
            pass


def test_a_portfolio_name_that_carries_the_year_gets_no_second_one(new_portfolio):
    from app.models import PortfolioSettings
    from app.services.exports.content import gather

    with new_portfolio.session() as s:
        settings = s.get(PortfolioSettings, 1)
        settings.name = f"Digitaliseringsportefølje {settings.budget_year}–{settings.budget_year + 3}"
        expected = settings.name
    with new_portfolio.read() as s:
        content = gather(s)
    assert content.title == expected
