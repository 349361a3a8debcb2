"""The decisions slide: the steering group decides on a proposal, with a reason, in the meeting.

Choose the initiative (the proposals in rank order; recommended ones marked), press one of
the five outcomes (godkendt, godkendt med betingelser, afvist, udsat, oversendt), write the
reason, and "Record decision" stores a ``Decision`` row with date and time through the one
change path (``context.run``: one audited transaction, undoable from the main window).
A decision that departs from the recommendation needs a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from app.services import presentation as meeting
from app.services.errors import UserError
from app.services.formatting import format_date
from app.services.presentation import MeetingData
from app.ui.charts.style import font
from app.ui.presentation.slides import Slide, label


def _local(moment: datetime) -> datetime:
    """A stored time (UTC; SQLite hands it back without a zone) in local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


class DecisionsSlide(Slide):
    """Record decisions. ``record_decision`` is called with the decision's values and
    returns True when it was stored; ``decision_recorded(initiative_id)`` follows."""

    decision_recorded = Signal(str)

    def __init__(self, body_px: float, parent: QWidget | None = None,
                 record: Callable[[dict[str, object], str], bool] | None = None) -> None:
        super().__init__(body_px, parent)
        self.record = record
        self.data: MeetingData | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 24, 8)
        left = QVBoxLayout()
        left.addWidget(label(self.tr("Proposal (✓ recommended)"), body_px, True, self))
        self.list = QListWidget(self)
        self.list.setFont(font(body_px))
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # long ids end in "…"
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget { color: black; background: white; border: 2px solid black; }"
                                "QListWidget::item:selected { background: black; color: white; }")
        left.addWidget(self.list, 1)
        row.addLayout(left, 5)
        right = QVBoxLayout()
        right.addWidget(label(self.tr("Decision"), body_px, True, self))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        names = meeting.outcome_names()
        for outcome in meeting.OUTCOMES:
            b = QPushButton(names[outcome], self)
            b.setCheckable(True)
            b.setFont(font(body_px, True))
            b.setStyleSheet("QPushButton { color: black; background: white; border: 2px solid black;"
                            " padding: 4px 10px; text-align: left; }"
                            "QPushButton:checked { background: black; color: white; }")
            self.group.addButton(b)
            self.buttons[outcome] = b
            right.addWidget(b)
        right.addWidget(label(self.tr("Reason"), body_px, True, self))
        self.reason = QLineEdit(self)
        self.reason.setFont(font(body_px))
        self.reason.setStyleSheet("color: black; background: white; border: 2px solid black;")
        right.addWidget(self.reason)
        self.record_button = QPushButton(self.tr("Record decision"), self)
        self.record_button.setFont(font(body_px, True))
        self.record_button.setStyleSheet("QPushButton { color: white; background: #0072B2;"
                                         " padding: 6px; border: none; }")
        right.addWidget(self.record_button)
        self.message = label("", body_px, False, self)
        right.addWidget(self.message)
        self.recent = label("", body_px, False, self)
        self.recent.setTextFormat(Qt.TextFormat.PlainText)
        right.addWidget(self.recent)
        right.addStretch(1)
        row.addLayout(right, 5)
        self.record_button.clicked.connect(self.record_current)

    def title(self) -> str:
        return self.tr("Decisions")

    def show_meeting(self, data: MeetingData) -> None:
        self.data = data
        current = self.current_id()
        self.list.clear()
        recommended = {r.id for r in data.recommended}
        for iid, title in data.candidates:
            mark = " ✓" if iid in recommended else ""
            short = title if len(title) <= 34 else title[:33].rstrip() + "…"
            item = QListWidgetItem(f"{iid} {short}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, iid)
            self.list.addItem(item)
            if iid == current:
                self.list.setCurrentItem(item)
        self._show_recent()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_initiative(self, initiative_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == initiative_id:
                self.list.setCurrentRow(i)
                return
        raise KeyError(initiative_id)

    def outcome(self) -> str | None:
        return next((o for o, b in self.buttons.items() if b.isChecked()), None)

    def record_current(self) -> bool:
        """Record the decision filled in on the slide; True when it was stored."""
        iid, outcome = self.current_id(), self.outcome()
        if iid is None or outcome is None or self.data is None:
            self.message.setText(self.tr("Choose a proposal and a decision first."))
            return False
        recommended = iid in {r.id for r in self.data.recommended}
        try:
            values = meeting.decision_values(iid, outcome, self.reason.text(),
                                             recommended=recommended,
                                             scenario_id=self.data.scenario_id)
        except UserError as exc:
            self.message.setText(str(exc))
            return False
        name = meeting.outcome_names()[outcome]
        if self.record is None or not self.record(values, f"{iid}: {name}"):
            self.message.setText(self.tr("The decision was not recorded."))
            return False
        self.message.setText(self.tr("Recorded: {id} {outcome}.").format(id=iid, outcome=name))
        self.reason.clear()
        self.group.setExclusive(False)
        for b in self.buttons.values():
            b.setChecked(False)
        self.group.setExclusive(True)
        self.decision_recorded.emit(iid)
        return True

    def _show_recent(self) -> None:
        if self.data is None or not self.data.decisions:
            self.recent.setText("")
            return
        names = meeting.outcome_names()
        lines = [
            f"{d.initiative_id}: {names.get(d.outcome, d.outcome)} "
            f"({format_date(d.decided_on)} {_local(d.recorded_at).strftime('%H.%M')})"
            for d in self.data.decisions[:3]
        ]
        self.recent.setText("\n".join(lines))

