"""A table delegate that edits a cell with a combo box of (value, label) choices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget


class ChoiceDelegate(QStyledItemDelegate):
    """``choices()`` returns {value: label}; the model receives the value (EditRole)."""

    def __init__(self, choices: Callable[[], dict[Any, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex) -> QWidget:
        box = QComboBox(parent)
        for value, label in self.choices().items():
            box.addItem(label, value)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        box: QComboBox = editor  # type: ignore[assignment]
        box.setCurrentIndex(max(0, box.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:  # noqa: N802
        box: QComboBox = editor  # type: ignore[assignment]
        model.setData(index, box.currentData(), Qt.ItemDataRole.EditRole)
