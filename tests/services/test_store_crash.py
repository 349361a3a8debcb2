"""Crash safety (issue 8): a writer killed with SIGKILL half-way through a transaction — a
big change, a schema upgrade, a 50,000-row import — leaves a hot journal; the next open,
for reading too, rolls it back and the portfolio is exactly as before."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.models import Initiative
from app.services import lock as locking
from app.services import migrate
from app.services.portfolio_file import journal_path
from app.services.store import create_portfolio, open_portfolio

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "portfolio_0001.portfolio"

#: a tiny page cache makes SQLite write changed pages into the file before the commit
#: (a "cache spill"), so the killed writer really leaves the file half-changed
_SMALL_CACHE = r"""
from sqlalchemy import event
from sqlalchemy.engine import Engine
@event.listens_for(Engine, "connect")
def _small_cache(dbapi_conn, _record):
    dbapi_conn.execute("PRAGMA cache_size=2")
"""

_BIG_WRITE = _SMALL_CACHE + r"""
import sys
from app.models import Initiative
from app.services.store import open_portfolio
pf = open_portfolio(sys.argv[1])
with pf.session(context="stor ændring") as s:
    for i in range(3000):
        s.add(Initiative(id=f"N-{i:05d}", title=f"Nyt tiltag {i} med æøå", description="x" * 200))
    s.query(Initiative).filter(Initiative.id == "A-1").one().title = "Ændret"
    s.flush()
    print("written, not committed", flush=True)
    sys.stdin.readline()  # killed here
"""

_UPGRADE = _SMALL_CACHE + r"""
import sys
from app.services import migrate
real_check = migrate._check_foreign_keys
def _check_then_wait(conn):
    real_check(conn)
    print("upgraded, not committed", flush=True)
    sys.stdin.readline()  # killed here
migrate._check_foreign_keys = _check_then_wait
from app.services.store import open_portfolio
open_portfolio(sys.argv[1])
"""


def _dump(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}
    finally:
        conn.close()


def _run_and_kill(script: str, *args: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.strip(), "the writer ended before it was killed"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL


@pytest.fixture
def path(portfolio_path: Path) -> Path:
    with create_portfolio(portfolio_path, municipality="Testkommune") as pf, pf.session() as s:
        s.add(Initiative(id="A-1", title="Digital post"))
    return portfolio_path


@pytest.mark.parametrize("first_open", ["reader", "editor"])
def test_a_writer_killed_mid_transaction_is_rolled_back_on_the_next_open(path: Path,
                                                                          first_open: str):
    before = _dump(path)
    original = path.read_bytes()
    _run_and_kill(_BIG_WRITE, str(path))
    assert journal_path(path).exists(), "the killed writer must leave its journal"
    assert path.read_bytes() != original, "the killed writer had changed the file"
    assert locking.lock_path(path).exists()  # and its lock
    with open_portfolio(path, readonly=first_open == "reader") as pf:
        assert not journal_path(path).exists()
        with pf.read() as s:
            assert s.query(Initiative).count() == 1
            assert s.get(Initiative, "A-1").title == "Digital post"
    assert _dump(path) == before
    with open_portfolio(path) as pf, pf.session() as s:  # the stale lock is taken over
        s.get(Initiative, "A-1").title = "Digital post 2"


def test_a_migration_killed_half_way_leaves_the_old_portfolio(tmp_path: Path):
    path = tmp_path / "Gammel.portfolio"
    shutil.copyfile(FIXTURE, path)
    before = _dump(path)
    _run_and_kill(_UPGRADE, str(path))
    assert journal_path(path).exists()
    with open_portfolio(path, readonly=True) as pf:  # a reader recovers it
        with pf.read() as s:
            assert s.get(Initiative, "EK-001").title == "Digital pladsanvisning i dagtilbud"
    assert not journal_path(path).exists()
    assert migrate.revision_of_file(path) == "0001"
    assert _dump(path) == before
    with open_portfolio(path):  # and the next editor upgrades it
        pass
    assert migrate.revision_of_file(path) == migrate.head_revision()


_IMPORT = _SMALL_CACHE + r"""
import sys
from sqlalchemy import event
from sqlalchemy.orm import Session
@event.listens_for(Session, "before_commit")  # every row written (ORM flush or Core insert)
def _written(session):
    if session.info.get("context", "").startswith("import"):
        print("importing, not committed", flush=True)
        sys.stdin.readline()  # killed here
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _big_import(tmp_path: Path, rows: int) -> tuple[Path, Path]:
    source = tmp_path / "stor.csv"
    lines = ["id;titel;afdeling;pris"] + [
        f"I-{i:05d};Tiltag {i} med æøå;Afdeling {i % 7};{i * 1000},5" for i in range(rows)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text(
        '{"name": "stor", "encoding": "utf-8", "delimiter": ";", "decimal": ",", '
        '"currency": "DKK", "columns": {"id": {"field": "id"}, "titel": {"field": "title"}, '
        '"afdeling": {"field": "lead_department"}, "pris": {"field": "total_cost"}}}',
        encoding="utf-8")
    return source, mapping


def _kill_import_and_check(path: Path, source: Path, mapping: Path, cli) -> None:
    before = _dump(path)
    original = path.read_bytes()
    _run_and_kill(_IMPORT, "import", str(path), str(source), "--mapping", str(mapping))
    assert journal_path(path).exists()
    assert path.read_bytes() != original, "the killed import had changed the file"
    listed = cli("list", str(path), "--json")  # a reader, first after the crash
    assert listed.returncode == 0, listed.stderr
    assert '"A-1"' in listed.stdout and "I-00001" not in listed.stdout
    assert not journal_path(path).exists()
    assert _dump(path) == before


@pytest.mark.slow  # planning 50,000 rows before the first write: ~10 s idle, minutes under load
def test_kill_during_a_50000_row_import_leaves_the_portfolio_unchanged(path: Path,
                                                                       tmp_path: Path, cli):
    _kill_import_and_check(path, *_big_import(tmp_path, 50_000), cli)


def test_kill_during_an_import_leaves_the_portfolio_unchanged(path: Path, tmp_path: Path, cli):
    """The same path as the 50,000-row case, with 3,000 rows (fast enough for every run)."""
    _kill_import_and_check(path, *_big_import(tmp_path, 3_000), cli)
