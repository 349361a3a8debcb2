"""Opening files (DESIGN §5): refusals leave the file byte-identical (also through the
CLI, exit 2); read-only files and folders; a full disk loses nothing; create never leaves
a half-made file; a file another program left in WAL mode is read without writing beside
it and switched back to a rollback journal by an editor."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from app.models import Initiative
from app.services.errors import NotAPortfolioError, TooNewError, UserError
from app.services.store import create_portfolio, open_portfolio

def _portfolio(path: Path, n: int = 3) -> Path:
    with create_portfolio(path, municipality="Testkommune") as pf, pf.session() as s:
        for i in range(n):
            s.add(Initiative(id=f"T-{i}", title=f"Tiltag {i}"))
    return path


def _refused(path: Path, error: type[Exception], cli, match: str) -> None:
    original = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(error, match=match):
            open_portfolio(path, readonly=readonly)
        assert path.read_bytes() == original
    if cli is not None:
        result = cli("list", str(path))
        assert result.returncode == 2, result.stderr
        assert path.name in result.stderr
        assert path.read_bytes() == original
    siblings = sorted(p.name for p in path.parent.iterdir())
    assert siblings == [path.name], "nothing may be written beside a refused file"


def test_a_text_file_is_not_a_portfolio(tmp_path: Path, cli):
    path = tmp_path / "noter.portfolio"
    path.write_text("Dette er ikke en portefølje\n", encoding="utf-8")
    _refused(path, NotAPortfolioError, cli, "not a Prioritise portfolio|ikke en Prioritise")


def test_an_empty_file_is_not_a_portfolio(tmp_path: Path):
    path = tmp_path / "tom.portfolio"
    path.write_bytes(b"")
    _refused(path, NotAPortfolioError, None, "not a Prioritise|ikke en Prioritise")


def test_another_programs_sqlite_file_is_not_a_portfolio(tmp_path: Path):
    path = tmp_path / "andet.portfolio"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
    conn.execute("INSERT INTO alembic_version VALUES ('0002')")
    conn.commit()
    conn.close()
    _refused(path, NotAPortfolioError, None, "not a Prioritise|ikke en Prioritise")


@pytest.mark.parametrize("keep", [0.5, 0.9, "header"])
def test_a_truncated_file_is_refused(tmp_path: Path, cli, keep):
    source = _portfolio(tmp_path / "hel.portfolio", n=200)
    data = source.read_bytes()
    size = 60 if keep == "header" else int(len(data) * keep)
    path = tmp_path / "afkortet" / "afkortet.portfolio"
    path.parent.mkdir()
    path.write_bytes(data[:size])
    _refused(path, NotAPortfolioError, cli if keep == 0.5 else None, "truncated|afkortet|not a Prioritise|ikke en")


def test_a_truncated_file_at_a_page_boundary_is_refused(tmp_path: Path):
    source = _portfolio(tmp_path / "hel.portfolio", n=200)
    data = source.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    path = tmp_path / "afkortet" / "afkortet.portfolio"
    path.parent.mkdir()
    path.write_bytes(data[: page * (len(data) // page // 2)])
    _refused(path, NotAPortfolioError, None, "truncated|afkortet")


def test_a_newer_schema_is_refused(tmp_path: Path, cli):
    (tmp_path / "ny").mkdir()
    path = _portfolio(tmp_path / "ny" / "nyere.portfolio")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    _refused(path, TooNewError, cli, "newer version|nyere version")


def test_a_missing_file_is_refused(tmp_path: Path, cli):
    with pytest.raises(NotAPortfolioError):
        open_portfolio(tmp_path / "findes-ikke.portfolio")
    assert cli("list", str(tmp_path / "findes-ikke.portfolio")).returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_create_refuses_an_existing_file_and_a_missing_folder(tmp_path: Path):
    path = tmp_path / "findes.portfolio"
    path.write_text("mine noter", encoding="utf-8")
    with pytest.raises(UserError, match=str(path.name)):
        create_portfolio(path)
    assert path.read_text(encoding="utf-8") == "mine noter"
    with pytest.raises(UserError):
        create_portfolio(tmp_path / "mangler" / "x.portfolio")
    assert not (tmp_path / "mangler").exists()


def test_a_failed_create_leaves_no_file(portfolio_path: Path, monkeypatch):
    import app.services.store as store

    def broken_seed(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "_seed", broken_seed)
    with pytest.raises(UserError):
        create_portfolio(portfolio_path)
    assert list(portfolio_path.parent.iterdir()) == []


def test_every_new_file_uses_a_rollback_journal_not_wal(portfolio_path: Path):
    with create_portfolio(portfolio_path) as pf, pf.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"


def test_a_reader_never_writes(portfolio_path: Path):
    _portfolio(portfolio_path)
    original = portfolio_path.read_bytes()
    before = sorted(p.name for p in portfolio_path.parent.iterdir())
    with open_portfolio(portfolio_path, readonly=True) as pf:
        assert pf.lock is None and pf.readonly
        with pf.read() as s:
            assert s.get(Initiative, "T-1").title == "Tiltag 1"
        with pf.engine.connect() as conn, pytest.raises(Exception, match="readonly"):
            conn.exec_driver_sql("DELETE FROM initiative")  # the driver itself refuses
    assert portfolio_path.read_bytes() == original
    assert sorted(p.name for p in portfolio_path.parent.iterdir()) == before


def test_a_full_disk_gives_a_clear_message_and_loses_nothing(portfolio_path: Path):
    """SQLite's "database or disk is full" (SQLITE_FULL), provoked with max_page_count."""
    _portfolio(portfolio_path)
    pf = open_portfolio(portfolio_path)
    pages = {}

    @event.listens_for(pf.engine, "connect")
    def _limit(dbapi_conn, _record):
        count = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        pages["limit"] = count + 2
        dbapi_conn.execute(f"PRAGMA max_page_count={count + 2}")

    pf.engine.dispose()
    with pytest.raises(UserError, match="disk is full|Disken er fuld"):
        with pf.session(context="stor ændring") as s:
            for i in range(2000):
                s.add(Initiative(id=f"F-{i}", title="x" * 500))
    assert pages["limit"] > 0
    with pf.read() as s:
        assert s.query(Initiative).count() == 3
    pf.close()
    with open_portfolio(portfolio_path, readonly=True) as again, again.read() as s:
        assert sorted(i.id for i in s.query(Initiative)) == ["T-0", "T-1", "T-2"]


# --- read-only folders and files ----------------------------------------------------------
#
# Root ignores permission bits, so when the suite runs as root (as in .ci/run) the folder
# is made read-only with a read-only bind mount (what a read-only share looks like);
# otherwise with chmod.

@contextmanager
def _read_only_view(folder: Path):
    """Yield a read-only view of ``folder``."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        try:
            yield folder
        finally:
            os.chmod(folder, 0o755)
        return
    view = folder.with_name(folder.name + " (skrivebeskyttet)")
    view.mkdir()
    done = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(view)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        view.rmdir()
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot make a read-only folder as root: {done.stderr}")
        pytest.skip(f"root without mount rights: {done.stderr.strip()}")
    try:
        yield view
    finally:
        subprocess.run(["umount", str(view)], check=True)
        view.rmdir()


def test_a_read_only_folder_refuses_create_and_opens_read_only(tmp_path: Path):
    folder = tmp_path / "Delt mappe"
    folder.mkdir()
    _portfolio(folder / "eksisterende.portfolio")
    original = (folder / "eksisterende.portfolio").read_bytes()
    with _read_only_view(folder) as ro:
        with pytest.raises(UserError, match="read-only|skrivebeskyttet"):
            create_portfolio(ro / "ny.portfolio")
        pf = open_portfolio(ro / "eksisterende.portfolio")
        try:
            assert pf.readonly and pf.lock is None
            assert "read-only" in pf.readonly_reason or "skrivebeskyttet" in pf.readonly_reason
            with pf.read() as s:
                assert s.query(Initiative).count() == 3
            with pytest.raises(UserError, match="read-only|skrivebeskyttet"):
                with pf.session() as s:
                    s.add(Initiative(id="X", title="x"))
        finally:
            pf.close()
        assert sorted(p.name for p in ro.iterdir()) == ["eksisterende.portfolio"]
    assert (folder / "eksisterende.portfolio").read_bytes() == original


def test_a_write_protected_file_opens_read_only(tmp_path: Path):
    path = _portfolio(tmp_path / "beskyttet.portfolio")
    os.chmod(path, 0o444)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("root may write a write-protected file")
        with open_portfolio(path) as pf:
            assert pf.readonly and "write-protected" in pf.readonly_reason or \
                "skrivebeskyttet" in pf.readonly_reason
    finally:
        os.chmod(path, 0o644)


# --- a file another program left in WAL mode ----------------------------------------------
#
# Prioritise never uses WAL (DESIGN §5: files live on network and synced folders), but a
# database browser may switch a portfolio to WAL. A reader must then write nothing beside
# it (a read-only SQLite connection would create -wal and -shm files, and then failed as
# "damaged"); an editor switches it back to a rollback journal, keeping every change.

def _to_wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    conn.close()
    assert path.read_bytes()[18:20] == b"\x02\x02"


@contextmanager
def _other_program_writing(path: Path, title: str):
    """Another program with the file open in WAL mode, one committed change still only
    in the -wal file (no checkpoint)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    with conn:
        conn.execute("UPDATE initiative SET title = ? WHERE id = 'T-0'", (title,))
    try:
        assert path.with_name(path.name + "-wal").stat().st_size > 0
        yield
    finally:
        conn.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_reader_of_a_wal_file_writes_nothing_beside_it(tmp_path: Path, cli):
    (tmp_path / "wal").mkdir()
    path = _portfolio(tmp_path / "wal" / "Browser.portfolio")
    _to_wal(path)
    before = _files(path.parent)
    assert list(before) == [path.name]
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert pf.readonly and pf.lock is None
        assert sorted(i.id for i in s.query(Initiative)) == ["T-0", "T-1", "T-2"]
    listed = cli("list", str(path), "--json")
    assert listed.returncode == 0, listed.stderr
    assert [i["id"] for i in json.loads(listed.stdout)["initiatives"]] == ["T-0", "T-1", "T-2"]
    assert _files(path.parent) == before


def test_a_reader_sees_the_changes_still_in_the_wal_file_and_writes_nothing(tmp_path: Path):
    (tmp_path / "wal").mkdir()
    path = _portfolio(tmp_path / "wal" / "Browser.portfolio")
    _to_wal(path)
    with _other_program_writing(path, "Ændret i browseren"):
        before = _files(path.parent)
        with open_portfolio(path, readonly=True) as pf, pf.read() as s:
            assert s.get(Initiative, "T-0").title == "Ændret i browseren"
        assert _files(path.parent) == before


def test_an_editor_switches_a_wal_file_back_keeping_every_change(tmp_path: Path):
    (tmp_path / "wal").mkdir()
    path = _portfolio(tmp_path / "wal" / "Browser.portfolio")
    _to_wal(path)
    with _other_program_writing(path, "Ændret i browseren"):
        before = _files(path.parent)
        with pytest.raises(UserError, match="busy|optaget"):  # it holds the file open
            open_portfolio(path)
        # no lock left behind; the file and its -wal unchanged (the -shm is the open
        # program's shared memory, which every connection to the file updates)
        after = _files(path.parent)
        assert after.keys() == before.keys()
        assert all(after[n] == before[n] for n in before if not n.endswith("-shm"))
        crashed = tmp_path / "efterladt"  # what a crash of that program leaves: file + -wal
        crashed.mkdir()
        for name in (path.name, path.name + "-wal"):
            (crashed / name).write_bytes((path.parent / name).read_bytes())
    path = crashed / path.name
    with open_portfolio(path) as pf:
        with pf.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        with pf.session() as s:
            assert s.get(Initiative, "T-0").title == "Ændret i browseren"
            s.get(Initiative, "T-1").title = "Rettet i Prioritise"
    assert path.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(p.name for p in path.parent.iterdir() if "backups" not in p.name) == [path.name]
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert [s.get(Initiative, i).title for i in ("T-0", "T-1")] == [
            "Ændret i browseren", "Rettet i Prioritise"]


def test_a_reader_of_an_older_wal_file_gets_it_upgraded_in_memory(tmp_path: Path):
    from app.services import migrate

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "portfolio_0001.portfolio"
    path = tmp_path / "Gammel.portfolio"
    path.write_bytes(fixture.read_bytes())
    _to_wal(path)
    before = _files(tmp_path)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert s.get(Initiative, "EK-001").status_comment == ""  # a column of 0002
    assert _files(tmp_path) == before
    assert migrate.revision_of_file(path) == "0001"
    assert _files(tmp_path) == before  # reading the revision writes nothing either
