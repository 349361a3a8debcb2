"""The ``presentation`` view: the deck rendered alone (``gui --screenshot --view
presentation`` shows it as full screen on a W×H screen). ``PRIORITISE_SLIDE`` (1-based)
picks the slide a screenshot shows; the first by default."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.presentation.deck import PresentationDeck
from app.ui.views.registry import register


def make_presentation_view(context: Any) -> QWidget:
    deck = PresentationDeck(context)
    slide = os.environ.get("PRIORITISE_SLIDE", "")
    if slide.isdigit():
        deck.go(int(slide) - 1)
    return deck


register("presentation", lambda: QCoreApplication.translate("ChartViews", "Presentation"),
         make_presentation_view, order=90, chrome=False)
