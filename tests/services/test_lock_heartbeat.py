"""The lock's heartbeat while a portfolio is open (DESIGN §5, issue 8): the editor's own
background thread rewrites the heartbeat, so a long editing session never looks stale to
a second editor (on another machine only the heartbeat tells); after close it stops and
the lock is gone."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app.services import lock as locking
from app.services.store import create_portfolio, open_portfolio


def _heartbeat(path: Path) -> datetime:
    data = json.loads(locking.lock_path(path).read_text(encoding="utf-8"))
    return datetime.fromisoformat(data["heartbeat"])


def test_the_heartbeat_thread_keeps_an_open_editors_lock_fresh(portfolio_path: Path,
                                                               monkeypatch):
    create_portfolio(portfolio_path).close()
    monkeypatch.setattr(locking, "HEARTBEAT_SECONDS", 0.05)
    with open_portfolio(portfolio_path):
        lp = locking.lock_path(portfolio_path)
        data = json.loads(lp.read_text(encoding="utf-8"))
        old = datetime.now(timezone.utc) - timedelta(minutes=11)
        data["heartbeat"] = old.isoformat(timespec="seconds")  # as if 11 minutes had passed
        lp.write_text(json.dumps(data), encoding="utf-8")
        assert locking.is_stale(locking.read_lock(portfolio_path))
        deadline = time.monotonic() + 10
        while _heartbeat(portfolio_path) <= old and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _heartbeat(portfolio_path) > datetime.now(timezone.utc) - timedelta(minutes=1)
        info = locking.read_lock(portfolio_path)
        assert info.token == data["token"] and not locking.is_stale(info)
    assert not locking.lock_path(portfolio_path).exists()
