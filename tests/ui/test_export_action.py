"""File → Export runs in a worker thread; a cancelled or failed export leaves no file."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def exporting_window(window):
    pytest.importorskip("app.services.exports")
    return window


def _run(qtbot, window, kind: str):
    from app.ui.export_action import start_export

    worker = start_export(window, window.context, kind)
    assert worker is not None
    # the worker may finish before a signal spy could connect: wait on the window's flag
    qtbot.waitUntil(lambda: window.property("export_running") is False, timeout=120_000)


def test_export_writes_the_file_and_reports_it(qtbot, exporting_window, dialogs, tmp_path) -> None:
    out = tmp_path / "Bilag – styregruppe æøå.csv"
    dialogs.answer("save_file", str(out))
    _run(qtbot, exporting_window, "csv")
    assert out.is_file() and out.stat().st_size > 0
    assert any(str(out) in t for t in dialogs.texts("inform"))


def test_cancelled_export_leaves_no_file(qtbot, exporting_window, dialogs, tmp_path,
                                         monkeypatch) -> None:
    from app.ui import export_action

    folder = tmp_path / "Eksport"
    folder.mkdir()
    out = folder / "Dagsordenspunkt.docx"
    dialogs.answer("save_file", str(out))
    real_init = export_action.ExportWorker.__init__

    def cancelled_init(self, *a, **k):
        real_init(self, *a, **k)
        self._cancel = True  # the user pressed Cancel at once

    monkeypatch.setattr(export_action.ExportWorker, "__init__", cancelled_init)
    _run(qtbot, exporting_window, "docx")
    assert not out.exists()
    assert list(folder.iterdir()) == []  # no temporary file either
    assert any("cancelled" in t for t in dialogs.texts("inform"))


def test_failed_export_warns_and_writes_nothing(qtbot, exporting_window, dialogs,
                                                tmp_path) -> None:
    out = tmp_path / "findes ikke" / "Portefølje.xlsx"
    dialogs.answer("save_file", str(out))
    _run(qtbot, exporting_window, "xlsx")
    assert not out.parent.exists()
    assert any("No file was written" in t for t in dialogs.texts("warn"))


def test_the_progress_dialogs_cancel_button_stops_the_export(qtbot, exporting_window, dialogs,
                                                              tmp_path, monkeypatch) -> None:
    """Cancel pressed in the progress dialog while the bilag is being laid out (its
    temporary file exists): the worker stops at its next check and leaves no file, no
    temporary file either. The worker waits at that progress report until the main
    thread has pressed Cancel, so the test does not depend on timing."""
    import threading

    from app.services.exports import common
    from app.ui import export_action

    folder = tmp_path / "Eksport"
    folder.mkdir()
    out = folder / "Bilag.pdf"
    dialogs.answer("save_file", str(out))
    pressed = threading.Event()
    seen: list[list[str]] = []
    real_step = common.ExportHooks.step

    def step(self, fraction: float, text: str = "") -> None:
        real_step(self, fraction, text)
        if fraction >= 0.16 and not seen:  # building the PDF: the temporary file exists
            seen.append(sorted(p.name for p in folder.iterdir()))
            assert pressed.wait(30)

    real_progress = export_action.ExportRun.on_progress

    def on_progress(self, percent: int, text: str) -> None:
        real_progress(self, percent, text)
        if percent >= 16 and not pressed.is_set():
            from PySide6.QtWidgets import QPushButton

            self.dialog.findChild(QPushButton).click()  # the user presses Cancel
            pressed.set()

    monkeypatch.setattr(common.ExportHooks, "step", step)
    monkeypatch.setattr(export_action.ExportRun, "on_progress", on_progress)
    _run(qtbot, exporting_window, "pdf")
    assert seen and any(n.endswith(".tmp") for n in seen[0])  # it was under way
    assert list(folder.iterdir()) == []
    assert any("cancelled" in t for t in dialogs.texts("inform"))
