"""The editor's lock (DESIGN §5): a second editor is refused naming the holder, readers
take no lock, a stale lock (dead pid, old heartbeat) is taken over, the heartbeat is
refreshed; through the CLI a held file makes ``import`` exit 2 with the file unchanged."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.models import Initiative
from app.services import lock as locking
from app.services.errors import LockedError, UserError
from app.services.store import create_portfolio, open_portfolio

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def path(portfolio_path: Path) -> Path:
    with create_portfolio(portfolio_path, municipality="Testkommune") as pf, pf.session() as s:
        s.add(Initiative(id="A-1", title="Digital post"))
    return portfolio_path


def _write_lock(path: Path, **fields) -> None:
    now = datetime.now(timezone.utc)
    data = {"user": "kari", "host": "KOMMUNE-PC17", "pid": 4242,
            "heartbeat": now.isoformat(), "since": now.isoformat(),
            "app": "Prioritise 0.1.0", "token": "t"}
    data.update(fields)
    locking.lock_path(path).write_text(json.dumps(data), encoding="utf-8")


def test_open_for_editing_takes_the_lock_and_close_releases_it(path: Path):
    with open_portfolio(path) as pf:
        info = json.loads(locking.lock_path(path).read_text(encoding="utf-8"))
        assert {"user", "host", "pid", "heartbeat", "app"} <= set(info)
        assert info["pid"] == os.getpid() and info["host"] == socket.gethostname()
        assert datetime.fromisoformat(info["heartbeat"]).tzinfo is not None
        assert pf.lock is not None
    assert not locking.lock_path(path).exists()


def test_a_second_editor_is_refused_naming_the_holder(path: Path):
    _write_lock(path, pid=1, host=socket.gethostname())  # pid 1 is alive
    original = path.read_bytes()
    with pytest.raises(LockedError) as err:
        open_portfolio(path)
    message = str(err.value)
    assert "kari" in message and socket.gethostname() in message
    since = datetime.now(timezone.utc).astimezone().strftime("%H:%M")
    assert since[:2] in message
    assert err.value.holder["user"] == "kari" and "since" in err.value.holder
    assert path.read_bytes() == original
    assert json.loads(locking.lock_path(path).read_text())["user"] == "kari"  # untouched


def test_a_lock_from_another_host_with_a_fresh_heartbeat_is_respected(path: Path):
    _write_lock(path, heartbeat=(datetime.now(timezone.utc) - timedelta(minutes=9)).isoformat())
    with pytest.raises(LockedError, match="KOMMUNE-PC17"):
        open_portfolio(path)


def test_a_lock_with_an_old_heartbeat_is_taken_over(path: Path):
    _write_lock(path, heartbeat=(datetime.now(timezone.utc) - timedelta(minutes=11)).isoformat())
    with open_portfolio(path) as pf:
        assert not pf.readonly
        assert json.loads(locking.lock_path(path).read_text())["pid"] == os.getpid()


def test_a_lock_with_a_heartbeat_far_in_the_future_is_taken_over(path: Path):
    """Clock skew (or a hand-edited lock, e.g. 2099): more than STALE_AFTER ahead is stale,
    else such a lock would never expire; a few minutes ahead is still respected."""
    _write_lock(path, heartbeat="2099-01-01T00:00:00+00:00")
    with open_portfolio(path) as pf:
        assert not pf.readonly
        assert json.loads(locking.lock_path(path).read_text())["pid"] == os.getpid()
    _write_lock(path, heartbeat=(datetime.now(timezone.utc) + timedelta(minutes=5)).isoformat())
    with pytest.raises(LockedError, match="KOMMUNE-PC17"):
        open_portfolio(path)


def test_a_lock_of_a_dead_process_on_this_host_is_taken_over(path: Path):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # a pid that has ended (and is reaped)
    _write_lock(path, pid=child.pid, host=socket.gethostname())
    with open_portfolio(path) as pf:
        assert pf.lock.info.pid == os.getpid()


def test_a_damaged_lock_file_counts_until_it_is_old(path: Path):
    locking.lock_path(path).write_text("{not json", encoding="utf-8")
    with pytest.raises(LockedError) as refused:
        open_portfolio(path)
    message = str(refused.value)
    assert "?" not in message and "10" in message  # says what it is and when it goes
    old = (datetime.now() - timedelta(minutes=30)).timestamp()
    os.utime(locking.lock_path(path), (old, old))
    open_portfolio(path).close()
    assert not locking.lock_path(path).exists()


def test_a_folder_where_the_lock_file_goes_is_named_and_nothing_changes(path: Path):
    before = path.read_bytes()
    locking.lock_path(path).mkdir()
    with pytest.raises(UserError, match="lock") as refused:
        open_portfolio(path)
    assert str(locking.lock_path(path)) in str(refused.value)
    assert path.read_bytes() == before and locking.lock_path(path).is_dir()


def test_readers_take_no_lock_and_read_while_it_is_held(path: Path):
    _write_lock(path, pid=1, host=socket.gethostname())
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert pf.lock is None
        assert s.get(Initiative, "A-1").title == "Digital post"


def test_the_same_process_shares_its_lock(path: Path):
    first = open_portfolio(path)
    second = open_portfolio(path)
    first.close()
    assert locking.lock_path(path).exists()  # the second handle still holds it
    with second.session() as s:
        s.get(Initiative, "A-1").title = "Digital post 2.0"
    second.close()
    assert not locking.lock_path(path).exists()


def test_refresh_writes_a_new_heartbeat_and_notices_a_takeover(path: Path):
    with open_portfolio(path) as pf:
        lp = locking.lock_path(path)
        data = json.loads(lp.read_text())
        data["heartbeat"] = "2020-01-01T00:00:00+00:00"
        lp.write_text(json.dumps(data))
        assert pf.lock.refresh()
        beat = datetime.fromisoformat(json.loads(lp.read_text())["heartbeat"])
        assert datetime.now(timezone.utc) - beat < timedelta(minutes=1)
        _write_lock(path)  # someone else took it over (e.g. after the laptop slept)
        assert not pf.lock.refresh()
        assert pf.lock.lost
        assert json.loads(lp.read_text())["user"] == "kari"  # theirs is left alone
    assert json.loads(locking.lock_path(path).read_text())["user"] == "kari"


def test_is_stale_rules():
    now = datetime.now(timezone.utc)
    info = locking.LockInfo(user="u", host="other-host", pid=1, heartbeat=now.isoformat(),
                            since=now.isoformat(), app="", token="x")
    assert not locking.is_stale(info, now)
    assert not locking.is_stale(info, now + timedelta(minutes=10))
    assert locking.is_stale(info, now + timedelta(minutes=10, seconds=1))
    assert not locking.is_stale(info, now - timedelta(minutes=10))  # holder's clock ahead
    assert locking.is_stale(info, now - timedelta(minutes=10, seconds=1))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    here = locking.LockInfo(user="u", host=socket.gethostname(), pid=dead.pid,
                            heartbeat=now.isoformat(), since=now.isoformat(), app="", token="x")
    assert locking.is_stale(here, now)
    assert not locking.is_stale(locking.LockInfo(**{**here.__dict__, "pid": os.getpid()}), now)


# --- across processes, through the CLI ---------------------------------------------------

_HOLDER = r"""
import sys
from app.services.store import open_portfolio
pf = open_portfolio(sys.argv[1])
print("held", flush=True)
sys.stdin.readline()
pf.close()
"""


def _hold(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def _csv(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "forslag.csv"
    source.write_text("id;titel;afdeling\nB-1;Selvbetjening til byggesager;Teknik\n",
                      encoding="utf-8")
    mapping = tmp_path / "forslag.json"
    mapping.write_text(json.dumps({
        "name": "forslag", "encoding": "utf-8", "delimiter": ";", "decimal": ",",
        "currency": "DKK", "columns": {"id": {"field": "id"}, "titel": {"field": "title"},
                                       "afdeling": {"field": "lead_department"}}}),
        encoding="utf-8")
    return source, mapping


def test_a_held_file_makes_import_exit_2_naming_the_holder(path: Path, tmp_path: Path, cli):
    source, mapping = _csv(tmp_path)
    holder = _hold(path)
    try:
        original = path.read_bytes()
        result = cli("import", str(path), str(source), "--mapping", str(mapping))
        assert result.returncode == 2, result.stderr
        info = json.loads(locking.lock_path(path).read_text())
        assert info["user"] in result.stderr and info["host"] in result.stderr
        assert path.read_bytes() == original
        listed = cli("list", str(path), "--json")  # a reader is not refused
        assert listed.returncode == 0
        assert [i["id"] for i in json.loads(listed.stdout)["initiatives"]] == ["A-1"]
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)
    assert not locking.lock_path(path).exists()


def test_a_killed_holders_lock_is_taken_over(path: Path, tmp_path: Path, cli):
    source, mapping = _csv(tmp_path)
    holder = _hold(path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=60)
    assert locking.lock_path(path).exists()  # left behind by the killed editor
    result = cli("import", str(path), str(source), "--mapping", str(mapping))
    assert result.returncode == 0, result.stderr
    assert not locking.lock_path(path).exists()
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert sorted(i.id for i in s.query(Initiative)) == ["A-1", "B-1"]


def test_an_editor_whose_lock_was_taken_over_may_not_write(path: Path):
    with open_portfolio(path) as pf:
        _write_lock(path, pid=1, host=socket.gethostname())  # taken over while asleep
        assert not pf.lock.refresh()
        with pytest.raises(LockedError, match="kari"):
            with pf.session() as s:
                s.get(Initiative, "A-1").title = "Overskrevet?"
        locking.lock_path(path).unlink()  # the other editor closed the file
        with pf.session() as s:
            s.get(Initiative, "A-1").title = "Min rettelse"
        assert json.loads(locking.lock_path(path).read_text())["pid"] == os.getpid()
    assert not locking.lock_path(path).exists()
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert s.get(Initiative, "A-1").title == "Min rettelse"


def test_a_running_gui_holding_the_file_makes_import_exit_2_naming_the_holder(
        path: Path, tmp_path: Path, cli):
    """Issue 8: the desktop client itself (a real `prioritise gui FILE` process, offscreen)
    holds the lock; a CLI import is refused naming the holder and changes nothing; when
    the GUI process is killed, the next import takes the stale lock over."""
    import os
    import signal
    import subprocess
    import sys
    import time

    source, mapping = _csv(tmp_path)
    original = path.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    gui = subprocess.Popen([sys.executable, "-m", "app", "gui", str(path)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lock_file = locking.lock_path(path)
        deadline = time.monotonic() + 90
        while not (lock_file.exists() and lock_file.stat().st_size) and gui.poll() is None:
            assert time.monotonic() < deadline, "the GUI never took the lock"
            time.sleep(0.2)
        assert gui.poll() is None, "the GUI exited"
        info = json.loads(lock_file.read_text())
        assert info["pid"] == gui.pid
        result = cli("import", str(path), str(source), "--mapping", str(mapping))
        assert result.returncode == 2, result.stderr
        assert info["user"] in result.stderr and info["host"] in result.stderr
        assert path.read_bytes() == original
    finally:
        gui.send_signal(signal.SIGKILL)
        gui.wait(timeout=60)
    result = cli("import", str(path), str(source), "--mapping", str(mapping))
    assert result.returncode == 0, result.stderr
