"""The portfolio's audit log (Revisionsspor): every change, who, when, what, old → new,
newest first, with a search field. Read-only; it follows the change broadcast. Field and
values are shown in words (``app.services.audit_text``), the stored text as their tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.services import audit_text
from app.services.audit_log import load_log
from app.services.snapshots import load_settings
from app.ui.context import ViewContext
from app.ui.initiative.history_tab import HistoryModel
from app.ui.views.registry import register

LIMIT = 5000
# column widths (px) at 1280×720: when, who, what, initiative, field, old (new stretches);
# the initiative column is fitted to the ids shown, between these bounds
WIDTHS = (115, 80, 215, 65, 150, 185)
INITIATIVE_WIDTH = (50, 140)


class AuditLogView(QWidget):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search user, initiative, field, value …"))
        self.search.textChanged.connect(self.reload)
        self.note = QLabel()
        self.model = HistoryModel(self, show_initiative=True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        context.changes.changed.connect(lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        with self.context.portfolio.read() as s:
            rows = load_log(s, text=self.search.text(), limit=LIMIT)
            currency = load_settings(s).currency
            lookup = audit_text.names(s)
        self.model.set_rows(rows, currency=currency, lookup=lookup)
        for col, width in enumerate(WIDTHS):
            self.table.setColumnWidth(col, width)
        metrics = self.table.fontMetrics()
        ids = {r.initiative_id for r in rows if r.initiative_id}
        heading = self.model.headerData(3, Qt.Orientation.Horizontal)
        widest = max([self.table.horizontalHeader().fontMetrics().horizontalAdvance(heading),
                      *(metrics.horizontalAdvance(i) for i in ids)]) + 16
        self.table.setColumnWidth(3, max(INITIATIVE_WIDTH[0], min(widest, INITIATIVE_WIDTH[1])))
        self.note.setText(self.tr("{n} changes shown, newest first (at most {limit}).")
                          .replace("{n}", str(len(rows))).replace("{limit}", str(LIMIT)))


def _title() -> str:
    return QCoreApplication.translate("Views", "Audit log")


register("audit", _title, AuditLogView, icon="initiative.svg", order=95)
