"""The presentation deck: a header (slide title, what-if badge, slide number), the slides,
a footer, and the what-if bar. Keys: PageDown / Right / Down / Space → next slide,
PageUp / Left / Up → previous, Home / End, W → what-if bar, Esc → leave (``leave``).

Body type is ``body_px`` (≥ 24 px; a deck on a W×H screen uses H/30). While a what-if
scenario is shown, every slide carries the black-on-yellow "What-if" badge.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QLineEdit, QSizePolicy, QStackedWidget, QVBoxLayout,
    QWidget,
)

from app.services import presentation as meeting
from app.services.errors import UserError
from app.services.presentation import MeetingData
from app.ui.presentation.decisions import DecisionsSlide
from app.ui.presentation.slides import (
    BubbleSlide, BudgetSlide, DependencySlide, KeyFiguresSlide, RankingSlide,
    RecommendationSlide, RoadmapSlide, Slide, label,
)
from app.ui.presentation.whatif import WhatIfBar

NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
#: keys a text field or a list keeps for itself (the clicker's PageUp/PageDown never)
_EDITING_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                 Qt.Key.Key_Space, Qt.Key.Key_Backspace, Qt.Key.Key_Home, Qt.Key.Key_End,
                 Qt.Key.Key_W}


def body_px_for(height: int) -> int:
    """Body type for a screen ``height`` px high: H/30, at least 24 px (24 at 720)."""
    return max(24, int(round(height / 30)))


class PresentationDeck(QWidget):
    """The slides of one meeting over ``context`` (the main window's view context)."""

    leave = Signal()
    slide_changed = Signal(int)

    def __init__(self, context: Any, parent: QWidget | None = None, body_px: int = 24,
                 screen_size: tuple[int, int] = (1280, 720)) -> None:
        super().__init__(parent)
        self.context = context
        self.body_px = body_px
        self.screen_size = screen_size  # the slides are laid out for this size (px)
        self.setAutoFillBackground(True)
        self.setStyleSheet("PresentationDeck { background: white; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        info = context.scenario()
        self.scenario_id: int | None = info.id
        self.start_scenario_id: int | None = None if info.is_what_if else info.id
        self.data: MeetingData | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = QFrame(self)
        header.setStyleSheet("QFrame { background: black; } QLabel { color: white; }")
        head = QHBoxLayout(header)
        head.setContentsMargins(24, 8, 24, 8)
        self.title_label = label("", body_px * 1.6, True, header, wrap=False)
        self.title_label.setStyleSheet("color: white;")
        self.badge = label("", body_px * 1.1, True, header, wrap=False)
        self.badge.setStyleSheet("background: #F0E442; color: black; padding: 2px 12px;")
        self.badge.hide()
        self.counter = label("", body_px, False, header, wrap=False)
        self.counter.setStyleSheet("color: white;")
        head.addWidget(self.title_label, 1)
        head.addWidget(self.badge)
        head.addSpacing(24)
        head.addWidget(self.counter)
        outer.addWidget(header)

        self.stack = QStackedWidget(self)
        self.slides: list[Slide] = [
            KeyFiguresSlide(body_px), RankingSlide(body_px), BubbleSlide(body_px),
            RecommendationSlide(body_px), BudgetSlide(body_px), DependencySlide(body_px),
            RoadmapSlide(body_px), DecisionsSlide(body_px, record=self.record_decision),
        ]
        for slide in self.slides:
            # a slide never forces the window past the screen (full screen must stay so)
            slide.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.stack.addWidget(slide)
        outer.addWidget(self.stack, 1)

        self.whatif_bar = WhatIfBar(body_px, self)
        self.whatif_bar.hide()
        self.whatif_bar.requested.connect(self.apply_what_if)
        self.whatif_bar.reset.connect(self.leave_what_if)
        outer.addWidget(self.whatif_bar)
        self.footer = label("", body_px, False, self, wrap=False)
        self.footer.setStyleSheet("color: black; background: white; padding: 2px 24px;")
        self.footer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        outer.addWidget(self.footer)
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)
        self.reload()
        self.go(0)

    # -- content ---------------------------------------------------------------------
    def reload(self) -> None:
        """Read the meeting's content again (after a what-if or a decision)."""
        w, h = self.screen_size
        # the bubble plot's share of the slide: less the legend, the axes, header and footer
        plot = (max(500.0, w - self.body_px * 19.0), max(250.0, h - self.body_px * 10.5))
        with self.context.portfolio.read() as session:
            self.data = meeting.load_meeting(session, self.scenario_id,
                                             bubble_font_px=self.body_px, bubble_plot=plot)
            choices = meeting.weight_choices(session, self.scenario_id)
        for slide in self.slides:
            slide.show_meeting(self.data)
        frame = sum(f for f in self._frame_amounts()) or None
        self.whatif_bar.set_choices(choices, frame, self.data.currency)
        self._update_header()

    def _frame_amounts(self) -> list[float]:
        from app.models import Scenario

        with self.context.portfolio.read() as s:
            sc = s.get(Scenario, self.scenario_id) if self.scenario_id is not None else None
            return [f.amount for f in sc.frames if f.unit_id is None] if sc else []

    def _update_header(self) -> None:
        i = self.stack.currentIndex()
        slide = self.slides[i] if 0 <= i < len(self.slides) else None
        self.title_label.setText(slide.title() if slide else "")
        self.counter.setText(f"{i + 1}/{len(self.slides)}")
        data = self.data
        if data is not None and data.is_what_if:
            self.badge.setText(self.tr("What-if: {name}").format(name=data.scenario))
            self.badge.show()
        else:
            self.badge.hide()
        if data is not None:
            text = self.tr("{municipality} · scenario {scenario} · PgDn/PgUp: "
                           "slides · W: what-if · Esc: leave").format(
                municipality=data.municipality or "", scenario=data.scenario)
            text = text.removeprefix(" · ")
            self.footer.setText(text[:1].upper() + text[1:])

    def is_what_if(self) -> bool:
        return bool(self.data and self.data.is_what_if)

    # -- navigation --------------------------------------------------------------------
    def current(self) -> int:
        return self.stack.currentIndex()

    def go(self, index: int) -> None:
        index = max(0, min(len(self.slides) - 1, index))
        self.stack.setCurrentIndex(index)
        self._update_header()
        self.slide_changed.emit(index)

    def next(self) -> None:
        self.go(self.current() + 1)

    def previous(self) -> None:
        self.go(self.current() - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event.key()):
            super().keyPressEvent(event)

    def _handle_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Escape:
            self.leave.emit()
        elif key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.slides) - 1)
        elif key == Qt.Key.Key_W:
            self.whatif_bar.setVisible(not self.whatif_bar.isVisible())
        else:
            return False
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Slide keys reach the deck from any child, except the keys a text field or a
        list needs while it has the focus."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            typing = isinstance(watched, (QLineEdit, QAbstractItemView)) or isinstance(
                watched.parent(), QAbstractItemView)
            if typing and key in _EDITING_KEYS:
                return False
            if isinstance(watched, QWidget) and watched is not self and self._handle_key(key):
                return True
        return super().eventFilter(watched, event)

    # -- what-if and decisions ---------------------------------------------------------
    def apply_what_if(self, weights: dict[str, float] | None = None,
                      budget: float | None = None) -> bool:
        """Make a what-if of the scenario shown (another weight and/or total budget), log
        it, and show it on every slide at once. True when it was made."""
        if self.context.readonly:
            self.whatif_bar.message.setText(self.tr("The portfolio is open read-only."))
            return False
        frames = self._frame_amounts()
        if budget is not None and frames and abs(sum(frames) - budget) < 0.5:
            budget = None
        try:
            with self.context.portfolio.session(context="presentation what-if") as s:
                sc = meeting.make_meeting_what_if(s, self.scenario_id, weights=weights or {},
                                                  budget=budget)
                new_id = sc.id
        except UserError as exc:
            self.whatif_bar.message.setText(str(exc))
            return False
        self.scenario_id = new_id
        self.context.set_scenario(new_id)
        self.reload()
        return True

    def leave_what_if(self) -> None:
        """Back to the scenario the meeting started from (the adopted weights)."""
        self.scenario_id = self.start_scenario_id
        self.context.set_scenario(self.start_scenario_id)
        self.reload()

    def record_decision(self, values: dict[str, object], text: str) -> bool:
        """Store a decision through the one change path; True when stored."""
        from app.ui.commands.rows import AddRowCommand

        ok = bool(self.context.run(AddRowCommand(self.context.portfolio, "decision",
                                                 dict(values), text)))
        if ok:
            self.reload()
        return ok
