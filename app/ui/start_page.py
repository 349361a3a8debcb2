"""The start page shown when no portfolio is open: New, Open, Demo and recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StartPage(QWidget):
    """Buttons for a new, an existing and the demo portfolio, and the recent list."""

    new_requested = Signal()
    open_requested = Signal()
    open_url_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        heading = QLabel(self.tr("Prioritise"))
        heading.setStyleSheet("font-size: 20pt; font-weight: 600;")
        intro = QLabel(self.tr(
            "Keep the portfolio of digitalisation initiatives, assess them, and recommend "
            "the best portfolio within the budget frames."))
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New portfolio…"))
        self.open_button = QPushButton(self.tr("Open portfolio…"))
        self.url_button = QPushButton(self.tr("Open shared (PostgreSQL)…"))
        self.demo_button = QPushButton(self.tr("Open the demo (Eksempel Kommune)"))
        for b in (self.new_button, self.open_button, self.url_button, self.demo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.url_button.clicked.connect(self.open_url_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        layout.addWidget(QLabel(self.tr("Recent portfolios")))
        self.recent = QListWidget()
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.recent, 1)

    def set_recent(self, targets: list[str]) -> None:
        self.recent.clear()
        for target in targets:
            label = target if "://" in target else f"{Path(target).name} — {Path(target).parent}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, target)
            self.recent.addItem(item)
