"""Presentation mode (F5) for the steering group: full screen, large type, high contrast,
no editing chrome; slides, a what-if that is labelled and logged, decisions recorded.

``start_presentation(context, parent)`` (the main window's F5 hook) and its alias
``enter_presentation(context)`` open it; the view key ``presentation`` renders the deck
alone for ``gui --screenshot --view presentation``.
"""

from __future__ import annotations

from typing import Any

from app.ui.presentation.window import PresentationWindow, start_presentation


def enter_presentation(context: Any, parent: Any = None) -> PresentationWindow:
    """Enter presentation mode over ``context`` (a ``ViewContext``)."""
    return start_presentation(context, parent)


__all__ = ["PresentationWindow", "enter_presentation", "start_presentation"]
