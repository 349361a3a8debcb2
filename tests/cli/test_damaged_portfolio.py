"""A portfolio damaged in the middle (DESIGN §9): opening reads only the header, so the
damage surfaces on the first query that reads a damaged page. Every command then refuses
with exit 2 and a Danish message naming the file and its backups; the file is unchanged."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    from app.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.portfolio"
    create_demo(path)
    return path


def damaged_copy(demo_file: Path, folder: Path) -> Path:
    """The demo with 8 KB of random bytes at offset 12288 (pages past the header)."""
    target = folder / "corrupt.portfolio"
    shutil.copyfile(demo_file, target)
    with target.open("r+b") as fh:
        fh.seek(12288)
        fh.write(random.Random(7).randbytes(8192))
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [
    ["list"], ["rank"], ["select"], ["export", "--csv", "{out}/x.csv"],
    ["gui", "--screenshot", "{out}/x.png"],
])
def test_every_command_refuses_a_damaged_file_naming_it_and_its_backups(
        cli, demo_file, tmp_path, command):
    target = damaged_copy(demo_file, tmp_path)
    (tmp_path / "corrupt.portfolio.backups").mkdir()
    backup = tmp_path / "corrupt.portfolio.backups" / "corrupt.20261129T050000Z.daily.portfolio"
    shutil.copyfile(demo_file, backup)
    before = digest(target)
    out = tmp_path / "out"
    out.mkdir()
    args = [command[0], str(target), *(a.format(out=out) for a in command[1:])]
    result = cli(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "intern fejl" not in result.stderr
    assert "corrupt.portfolio er beskadiget" in result.stderr
    assert backup.name in result.stderr  # points to the newest backup
    assert digest(target) == before
    assert list(out.iterdir()) == []


def test_without_backups_the_message_says_there_are_none(cli, demo_file, tmp_path):
    target = damaged_copy(demo_file, tmp_path)
    result = cli("list", str(target))
    assert result.returncode == 2
    assert "corrupt.portfolio.backups" in result.stderr and "Traceback" not in result.stderr


def test_damaged_error_recognises_sqlite_reports_only():
    import sqlite3

    from app.services.errors import NotAPortfolioError
    from app.services.store import damaged_error

    for text in ("database disk image is malformed", "file is not a database",
                 "disk I/O error"):
        err = damaged_error(sqlite3.DatabaseError(text), Path("/x/P.portfolio"))
        assert isinstance(err, NotAPortfolioError) and "P.portfolio" in str(err)
    assert damaged_error(sqlite3.OperationalError("no such table: x"), "P") is None
    assert damaged_error(ValueError("malformed"), "P") is None


def test_the_gui_warns_instead_of_failing(demo_file, tmp_path, monkeypatch):
    """The GUI's error path (app.ui.opening): a damaged page read while opening is a
    warning naming the file, not an internal error."""
    import sqlite3

    from app.ui import opening

    target = damaged_copy(demo_file, tmp_path)

    def damaged_open(*_a, **_k):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(opening, "open_portfolio", damaged_open)
    warnings: list[tuple[str, str]] = []

    class Dialogs:
        def warn(self, title, text, details=""):
            warnings.append((title, text))

    assert opening.open_for_editing(str(target), Dialogs()) is None
    assert len(warnings) == 1 and "corrupt.portfolio" in warnings[0][1]
    assert "corrupt.portfolio.backups" in warnings[0][1]
