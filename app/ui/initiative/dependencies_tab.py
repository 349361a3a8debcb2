"""Dependencies: what the initiative requires (add/remove) and what requires it. A
dependency that would close a cycle is refused and the whole cycle named."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.initiative_detail import InitiativeDetail
from app.ui.commands.rows import DependencyCommand
from app.ui.context import ViewContext
from app.ui.initiative.base import EditorTab


class DependenciesTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        requires_box = QGroupBox(self.tr("Requires (must be chosen and finish first)"))
        self.requires = QListWidget()
        self.choice = QComboBox()
        self.choice.setMinimumContentsLength(30)
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.choice, 1)
        add_row.addWidget(self.add_button)
        col = QVBoxLayout(requires_box)
        col.addWidget(self.requires)
        col.addLayout(add_row)
        col.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        required_by_box = QGroupBox(self.tr("Required by"))
        self.required_by = QListWidget()
        QVBoxLayout(required_by_box).addWidget(self.required_by)
        layout = QHBoxLayout(self)
        layout.addWidget(requires_box, 1)
        layout.addWidget(required_by_box, 1)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.required_by.itemActivated.connect(
            lambda item: context.open_initiative(item.data(Qt.ItemDataRole.UserRole)))
        self.requires.itemActivated.connect(
            lambda item: context.open_initiative(item.data(Qt.ItemDataRole.UserRole)))

    def show_detail(self, detail: InitiativeDetail) -> None:
        for widget, items in ((self.requires, detail.requires),
                              (self.required_by, detail.required_by)):
            widget.clear()
            for iid, title in items:
                item = QListWidgetItem(f"{iid}  {title}")
                item.setData(Qt.ItemDataRole.UserRole, iid)
                widget.addItem(item)
        taken = {iid for iid, _t in detail.requires}
        self.choice.clear()
        for iid, title in detail.others:
            if iid not in taken:
                self.choice.addItem(f"{iid}  {title}", iid)
        writable = self.context.offers_edits
        for w in (self.choice, self.add_button, self.remove_button):
            w.setEnabled(writable)

    def _add(self) -> None:
        target = self.choice.currentData()
        if self.detail is None or target is None:
            return
        self.context.run(DependencyCommand(self.context.portfolio, self.detail.id, target, True))

    def _remove(self) -> None:
        item = self.requires.currentItem()
        if self.detail is None or item is None:
            return
        self.context.run(DependencyCommand(self.context.portfolio, self.detail.id,
                                           item.data(Qt.ItemDataRole.UserRole), False))
