"""The presentation window: the deck full screen on the chosen screen.

The default screen is a second screen when there is one (the projector), else the one
the main window is on. Key S moves the presentation to the next screen; Esc leaves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.presentation.deck import PresentationDeck, body_px_for


def choose_screen(near: QWidget | None = None) -> QScreen:
    """A second screen when there is one (not the one ``near`` is on), else the primary."""
    screens = QGuiApplication.screens()
    here = near.screen() if near is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not here]
    return others[0] if others else (here or QGuiApplication.primaryScreen())


class PresentationWindow(QWidget):
    """A frameless full-screen window holding the deck; closes itself on Esc."""

    def __init__(self, context: Any, screen: QScreen, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Presentation"))
        geometry = screen.geometry()
        self.setScreen(screen)
        self.setGeometry(geometry)
        self.deck = PresentationDeck(context, self, body_px_for(geometry.height()),
                                     (geometry.width(), geometry.height()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.deck)
        self.deck.leave.connect(self.close)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_S:
            self.move_to_next_screen()
        else:
            self.deck.keyPressEvent(event)

    def move_to_next_screen(self) -> None:
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return
        i = screens.index(self.screen()) if self.screen() in screens else 0
        target = screens[(i + 1) % len(screens)]
        self.showNormal()
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()


_open: list[PresentationWindow] = []


def start_presentation(context: Any, parent: QWidget | None = None,
                       screen: QScreen | None = None) -> PresentationWindow:
    """Open the presentation full screen (F5). Returns the window (it deletes itself on Esc)."""
    window = PresentationWindow(context, screen or choose_screen(parent), None)
    _open.append(window)
    window.destroyed.connect(lambda *_a, w=window: _open.remove(w) if w in _open else None)
    window.showFullScreen()
    window.activateWindow()
    window.deck.setFocus()
    return window
