"""A full disk while the desktop client saves (issue 8: a clear message, nothing lost):
SQLite's SQLITE_FULL, provoked with ``max_page_count``, refuses the save with the store's
"disk is full" message in a warning; the portfolio keeps its stored value, nothing is
half-written and the undo stack gets no entry; the field keeps what the user typed, so
it is saved once there is room again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event

from app.models import Initiative
from app.services.store import open_portfolio


def test_a_full_disk_while_saving_is_a_warning_and_nothing_is_lost(
        window, dialogs, sample_path: Path) -> None:
    engine = window.portfolio.engine

    @event.listens_for(engine, "connect")
    def _full(dbapi_conn, _record):
        count = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={count}")

    engine.dispose()
    window.open_initiative("EK-001")
    view = window.view("initiative")
    long_title = "Selvbetjening på byggesager " + " ".join(["æøå"] * 7_000)  # ~50 KB: new pages
    view.general.title_edit.setText(long_title)
    view.general.title_edit.editingFinished.emit()
    kind, args = dialogs.calls[-1]
    assert kind == "warn"
    assert "disk is full" in args[1] or "Disken er fuld" in args[1]
    assert window.undo_stack.count() == 0
    event.remove(engine, "connect", _full)
    engine.dispose()
    with window.portfolio.read() as s:
        assert s.get(Initiative, "EK-001").title == "Selvbetjening på byggesager"
    assert view.general.title_edit.text() == long_title  # the user's input is kept …
    view.general.title_edit.editingFinished.emit()  # … and saved once there is room
    with open_portfolio(sample_path, readonly=True) as pf, pf.read() as s:
        assert s.get(Initiative, "EK-001").title == long_title
