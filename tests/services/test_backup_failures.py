"""Backups that cannot be written (issue 8: a clear message, nothing lost). The backup
folder ``<file>.backups`` cannot be made (here: a file of that name is in the way, which
refuses the folder for root too): the editor's first write of the day still goes in (the
daily copy is tried again next time), an explicit backup says so naming the folder, and a
restore — which backs the current state up first — is refused with the portfolio
unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models import Initiative
from app.services import backup
from app.services.errors import UserError
from app.services.store import create_portfolio, open_portfolio


@pytest.fixture
def path(portfolio_path: Path) -> Path:
    with create_portfolio(portfolio_path, municipality="Testkommune") as pf, pf.session() as s:
        s.add(Initiative(id="A-1", title="Digital post"))
    return portfolio_path


def _block_the_backup_folder(path: Path) -> Path:
    blocker = backup.backup_dir(path)
    if blocker.is_dir():
        for f in blocker.iterdir():
            f.unlink()
        blocker.rmdir()
    blocker.write_text("ikke en mappe", encoding="utf-8")
    return blocker


def test_an_unwritable_backup_folder_does_not_stop_the_editor(path: Path):
    blocker = _block_the_backup_folder(path)
    with open_portfolio(path) as pf, pf.session() as s:
        s.get(Initiative, "A-1").title = "Ændret uden sikkerhedskopi"
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert s.get(Initiative, "A-1").title == "Ændret uden sikkerhedskopi"
    assert blocker.read_text(encoding="utf-8") == "ikke en mappe"
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


def test_an_explicit_backup_names_the_folder_it_could_not_make(path: Path):
    blocker = _block_the_backup_folder(path)
    original = path.read_bytes()
    with pytest.raises(UserError) as err:
        backup.make_backup(path, kind="manual")
    assert str(blocker) in str(err.value)
    assert path.read_bytes() == original


def test_a_restore_whose_safety_copy_cannot_be_written_changes_nothing(path: Path):
    kept = backup.make_backup(path, kind="manual")
    saved = path.with_name("gemt kopi.portfolio")
    saved.write_bytes(kept.read_bytes())
    with open_portfolio(path) as pf, pf.session() as s:
        s.get(Initiative, "A-1").title = "Efter kopien"
    _block_the_backup_folder(path)
    original = path.read_bytes()
    with pytest.raises(UserError):
        backup.restore_backup(path, saved)
    assert path.read_bytes() == original
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert s.get(Initiative, "A-1").title == "Efter kopien"
