"""The limit of window_N: a bare PySide6 process reading the table's rows with sqlite3
and showing them in a ``QTableView``, reporting when the event loop is first idle with the
table painted. ``python -m tests.benchmarks.window_bare PORTFOLIO N``"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    path, n = argv[0], int(argv[1])
    from PySide6.QtCore import (
        QAbstractEventDispatcher,
        QAbstractTableModel,
        QEvent,
        QModelIndex,
        QObject,
        Qt,
    )
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    sums: dict[tuple[str, str], float] = {}
    for iid, flow, amount in con.execute(
            "SELECT initiative_id, flow, SUM(amount) FROM business_case_line WHERE cash = 1 "
            "GROUP BY initiative_id, flow"):
        sums[iid, flow] = amount
    rows = [(*r, sums.get((r[0], "cost")), sums.get((r[0], "benefit"))) for r in con.execute(
        "SELECT i.id, i.title, u.name, i.phase, i.audience, i.mandatory "
        "FROM initiative i LEFT JOIN org_unit u ON u.id = i.lead_unit_id ORDER BY i.id")]
    con.close()

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: N802
            return 0 if parent.isValid() else len(rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: N802
            return 0 if parent.isValid() else 8

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                v = rows[index.row()][index.column()]
                return "" if v is None else str(v)
            return None

    window = QMainWindow()
    view = QTableView()
    model = Model()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1280, 760)
    window.show()
    painted = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(1)
            return False

    watch = Watch()
    view.viewport().installEventFilter(watch)

    def idle() -> None:
        if painted and model.rowCount() == n:
            dispatcher.aboutToBlock.disconnect(idle)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
            print(json.dumps({"view": "bare", "rows": n, "maxrss_mb": rss}), flush=True)
            app.quit()

    dispatcher = QAbstractEventDispatcher.instance()
    dispatcher.aboutToBlock.connect(idle)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
