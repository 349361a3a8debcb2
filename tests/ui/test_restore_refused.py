"""File → Restore a backup when the restore is refused (issue 8: a clear message, nothing
lost): a backup that turned out damaged, or a file another editor holds. The window says
why, the portfolio is unchanged and open again as before — never a traceback and never an
empty window."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from app.models import Initiative
from app.services import backup
from app.ui import file_actions


def _title(window) -> str:
    with window.portfolio.read() as s:
        return s.get(Initiative, "EK-001").title


def test_a_damaged_backup_is_refused_and_the_portfolio_stays_open(
        window, dialogs, sample_path: Path) -> None:
    made = backup.make_backup(sample_path, kind="manual")
    made.write_bytes(b"not a portfolio any more")  # damaged after it was listed
    with window.portfolio.session(context="test") as s:
        s.get(Initiative, "EK-001").title = "Ændret efter sikkerhedskopien"
    before = sample_path.read_bytes()
    dialogs.answer("choose", 0)
    dialogs.answer("ask", True)
    file_actions.restore(window)
    kind, (title, text, _details) = dialogs.calls[-1]
    assert kind == "warn" and title == "Restore a backup"
    assert made.name in text
    assert window.portfolio is not None and not window.portfolio.readonly
    assert window.portfolio.path == sample_path
    assert _title(window) == "Ændret efter sikkerhedskopien"
    assert sample_path.read_bytes() == before


def test_a_restore_while_another_editor_holds_the_file_is_refused_naming_the_holder(
        window, dialogs, sample_path: Path) -> None:
    backup.make_backup(sample_path, kind="manual")
    real_set = window.set_portfolio

    def set_portfolio_then_lose_the_lock(pf, *args, **kwargs):
        real_set(pf, *args, **kwargs)
        if pf is None:  # the window let go of its lock; another editor takes the file
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            Path(str(sample_path) + ".lock").write_text(json.dumps({
                "user": "mette", "host": "PC-ØKONOMI-7", "pid": 4242, "heartbeat": now,
                "since": now, "app": "Prioritise", "token": "x"}), encoding="utf-8")

    window.set_portfolio = set_portfolio_then_lose_the_lock
    before = sample_path.read_bytes()
    dialogs.answer("choose", 0)
    dialogs.answer("ask", True)   # restore?
    dialogs.answer("ask", False)  # open read-only? no
    file_actions.restore(window)
    warnings = [args for kind, args in dialogs.calls if kind == "warn"]
    assert warnings and "mette" in warnings[0][1]
    assert sample_path.read_bytes() == before
    Path(str(sample_path) + ".lock").unlink()
    window.set_portfolio = real_set
