"""Child process of window_N and peak_memory_N: start the real GUI offscreen on a portfolio.

``python -m tests.benchmarks.window_child PORTFOLIO N [--then VIEW ...]``

Runs the steps of ``app.cli.main`` + ``app.commands.gui._interactive`` (garbage collector
paused until the window is shown, application, settings, opening the file for editing —
the lock first —, ``MainWindow``, ``set_portfolio``, ``show``) and
watches the event dispatcher: the first time the loop is about to block (idle) with the
table view's model holding all N rows and its viewport painted, it prints one JSON line
``{"ready": seconds since the interpreter started, "rows": N, "maxrss_mb": MB}``. With
``--then VIEW`` it then shows each view in turn (e.g. ``ranking``) and reports again when
idle with that view painted. The parent times the whole process from ``Popen``.
Preferences go to ``$XDG_CONFIG_HOME`` (the parent points it at a scratch folder).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _maxrss_mb() -> float:
    """Peak resident set size of this process in MB (Linux: ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv: list[str]) -> int:
    target, n = argv[0], int(argv[1])
    then = argv[3:] if len(argv) > 2 and argv[2] == "--then" else []
    from app.ui.startup import pause_garbage_collection

    pause_garbage_collection()  # as app.cli.main does for `prioritise gui`
    from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject, QTimer

    from app.ui import opening
    from app.ui.app import make_application
    from app.ui.dialogs import QtDialogService
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    app = make_application("da")
    settings = Settings()
    dialogs = QtDialogService()
    portfolio = opening.open_for_editing(target, dialogs)
    if portfolio is None:
        print(json.dumps({"error": "could not open"}), flush=True)
        return 2
    window = MainWindow(settings, dialogs=dialogs)
    dialogs.parent = window
    window.set_portfolio(portfolio)
    window.show()

    painted: set[int] = set()

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                painted.add(id(obj))
            return False

    watch = PaintWatch()
    steps = ["table", *then]
    state = {"step": 0, "watched": None}

    def current_widget():
        return window.stack.currentWidget()

    def arm() -> None:
        widget = current_widget()
        target_widget = widget
        table = getattr(widget, "table", None)
        if table is not None:
            target_widget = table.viewport()
        target_widget.installEventFilter(watch)
        state["watched"] = target_widget
        target_widget.update()

    def ready_now() -> bool:
        if state["watched"] is None or id(state["watched"]) not in painted:
            return False
        if steps[state["step"]] == "table":
            model = getattr(current_widget(), "model", None)
            return model is not None and model.rowCount() == n
        return True

    def about_to_block() -> None:
        if not ready_now():
            return
        key = steps[state["step"]]
        print(json.dumps({"view": key, "ready": time.perf_counter(), "rows": n,
                          "maxrss_mb": _maxrss_mb()}), flush=True)
        state["step"] += 1
        painted.clear()
        if state["step"] >= len(steps):
            dispatcher.aboutToBlock.disconnect(about_to_block)
            window.close()
            QTimer.singleShot(0, app.quit)
            return
        window.show_view(steps[state["step"]])
        arm()

    dispatcher = QAbstractEventDispatcher.instance()
    dispatcher.aboutToBlock.connect(about_to_block)
    if window.current_view_key() != "table":
        window.show_view("table")
    arm()
    code = app.exec()
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
