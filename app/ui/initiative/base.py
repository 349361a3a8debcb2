"""Shared parts of the editor's tabs: the tab base class and small field widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.services.initiative_detail import InitiativeDetail
from app.ui.commands.initiative import SetFieldsCommand
from app.ui.context import ViewContext


class EditorTab(QWidget):
    """A tab of the editor: ``load(detail)`` shows data; edits go through ``context.run``."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: InitiativeDetail | None = None
        self.loading = False

    def load(self, detail: InitiativeDetail) -> None:
        self.loading = True
        try:
            self.detail = detail
            self.show_detail(detail)
            if self.context.readonly and self.context.show_read_only:
                self._lock_inputs()
        finally:
            self.loading = False

    def _lock_inputs(self) -> None:
        """A read-only portfolio: text stays readable and selectable, nothing editable."""
        for edit in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            edit.setReadOnly(True)
        for widget in (self.findChildren(QComboBox) + self.findChildren(QCheckBox)
                       + self.findChildren(QPushButton) + self.findChildren(QListWidget)):
            if isinstance(widget, QListWidget) and not isinstance(widget, CheckList):
                continue  # plain lists (dependencies) stay browsable
            widget.setEnabled(False)

    def show_detail(self, detail: InitiativeDetail) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_field(self, name: str, value: Any) -> bool:
        """Set one field of the shown initiative through the undo stack."""
        if self.loading or self.detail is None:
            return False
        old = self.detail.fields.get(name)
        if value == old:
            return False
        return self.context.run(SetFieldsCommand(
            self.context.portfolio, self.detail.id, {name: value}, {name: old}))

    def refuse(self, message: str) -> None:
        self.context.dialogs.warn(self.tr("Not accepted"), message)


class TextEdit(QPlainTextEdit):
    """A multi-line text whose ``editing_finished`` fires when focus leaves it."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.editing_finished.emit()


class CheckList(QListWidget):
    """Checkable items with an int id each; ``changed(list[int])`` after a click."""

    changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.itemChanged.connect(self._item_changed)

    def fill(self, items: list[tuple[int, str]], checked: set[int]) -> None:
        self._filling = True
        self.clear()
        for item_id, label in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in checked
                               else Qt.CheckState.Unchecked)
            self.addItem(item)
        self._filling = False

    def checked_ids(self) -> list[int]:
        return sorted(int(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                      if self.item(i).checkState() == Qt.CheckState.Checked)

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.changed.emit(self.checked_ids())
