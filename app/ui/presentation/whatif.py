"""The what-if bar of the presentation (key W): another weight and/or another total budget.

"Show what-if" asks the deck to make the what-if scenario (logged) and show it on every
slide at once; "Back to the adopted" returns to the scenario the meeting started from.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget,
)

from app.services.errors import UserError
from app.services.formatting import currency_unit, format_number, parse_number
from app.ui.charts.style import font
from app.ui.presentation.slides import label


class WhatIfBar(QFrame):
    """Emits ``requested(weights: dict, budget: float | None)`` and ``reset()``."""

    requested = Signal(object, object)
    reset = Signal()

    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("WhatIfBar { background: #F0E442; border-top: 3px solid black; }"
                           "QLabel { color: black; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 16, 6)
        row.addWidget(label(self.tr("What-if:"), body_px, True, self, wrap=False))
        self.criterion = QComboBox(self)
        self.criterion.setFont(font(body_px))
        row.addWidget(self.criterion)
        self.percent = QSpinBox(self)
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setFont(font(body_px))
        row.addWidget(self.percent)
        self.budget_label = label(self.tr("Budget (millions):"), body_px, False, self, wrap=False)
        row.addWidget(self.budget_label)
        self.budget = QLineEdit(self)
        self.budget.setFont(font(body_px))
        self.budget.setMaximumWidth(int(body_px * 6))
        row.addWidget(self.budget)
        self.show_button = QPushButton(self.tr("Show what-if"), self)
        self.back_button = QPushButton(self.tr("Back to the adopted"), self)
        for b in (self.show_button, self.back_button):
            b.setFont(font(body_px, True))
            row.addWidget(b)
        self.message = label("", body_px, False, self)
        row.addWidget(self.message, 1)
        self._percent_now: dict[str, float] = {}
        self.criterion.currentIndexChanged.connect(self._criterion_changed)
        self.show_button.clicked.connect(self._request)
        self.back_button.clicked.connect(self.reset.emit)

    def set_choices(self, choices: list[tuple[str, str, float]], budget: float | None,
                    currency: str = "DKK") -> None:
        """Criteria (key, name, percent now) and the current total budget in ``currency``
        (whole units; typed and shown in millions)."""
        self.budget_label.setText(self.tr("Budget (million {unit}):").format(
            unit=currency_unit(currency)))
        self._percent_now = {k: p for k, _n, p in choices}
        self.criterion.blockSignals(True)
        self.criterion.clear()
        for key, name, pct in choices:
            self.criterion.addItem(f"{name} ({format_number(pct, 0)} %)", key)
        self.criterion.blockSignals(False)
        self._criterion_changed()
        self.budget.setText(format_number(budget / 1e6, 1) if budget else "")

    def _criterion_changed(self, *args: object) -> None:
        key = self.criterion.currentData()
        self.percent.setValue(int(round(self._percent_now.get(key, 0.0))))

    def values(self) -> tuple[dict[str, float], float | None]:
        """The weights changed and the budget in kr. (None = unchanged); raises UserError."""
        key = self.criterion.currentData()
        weights: dict[str, float] = {}
        if key is not None and abs(self.percent.value() - self._percent_now.get(key, 0.0)) >= 0.5:
            weights[str(key)] = float(self.percent.value())
        budget = None
        text = self.budget.text().strip()
        if text:
            budget = parse_number(text) * 1e6
        return weights, budget

    def _request(self) -> None:
        try:
            weights, budget = self.values()
        except (UserError, ValueError) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.requested.emit(weights, budget)
