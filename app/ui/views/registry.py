"""The views registry: every view of the main window (and of ``gui --screenshot --view``).

How to add a view
-----------------
1. Write a module that, at import time, registers the view::

       from PySide6.QtCore import QCoreApplication
       from app.ui.views.registry import register

       def _title() -> str:
           return QCoreApplication.translate("Views", "Ranking")

       def make_ranking_view(context: ViewContext) -> QWidget:
           return RankingView(context)

       register("ranking", _title, make_ranking_view, icon="ranking.svg", order=40)

2. Add the module's dotted name to ``VIEW_MODULES`` below (one line). A module that does
   not exist yet is skipped; any other import error is raised.

The factory
-----------
``factory(context: ViewContext) -> QWidget`` (``app.ui.context.ViewContext``). The context
gives:

- ``context.portfolio`` — the open ``app.services.store.Portfolio`` (read with
  ``with context.portfolio.read() as s: ...``; it may be read-only: check
  ``context.readonly`` before offering edits);
- ``context.undo_stack`` — the ``QUndoStack``; every edit goes through
  ``context.run(command)`` (an ``app.ui.commands.base.ServiceCommand``) which runs the
  service call in one audited transaction, pushes it for undo/redo, shows refusals and
  conflicts through the dialog service, and broadcasts the change;
- ``context.changes`` — the change broadcast: connect to ``context.changes.changed``
  (a signal carrying an ``app.services.changes.Changes``) and refresh when
  ``changes.touches(Kind.…)``;
- ``context.scenario()`` / ``context.set_scenario(id)`` — the scenario being shown
  (``ScenarioInfo``: id, name, is_what_if); setting it broadcasts ``Kind.SCENARIO``;
- ``context.dialogs`` — the one dialog service (``app.ui.dialogs``); never call
  ``QMessageBox``/``QFileDialog``/``exec()`` directly (tests inject a fake);
- ``context.settings`` — the typed settings registry (``app.ui.settings``);
- ``context.open_initiative(id)`` — open an initiative in the editor view.

The view is created the first time it is shown (and once for a screenshot, at the
screenshot's size, read-only). A view may define ``current_initiative_changed`` etc.; the
main window needs nothing more than the widget.

``title`` is a callable so the title is translated in the language active when shown.
``icon`` is a file name under ``resources/icons`` (may be empty). ``order`` sorts the
navigation (table 10, initiative 20, weights 30, ranking 40, selection 50, budget 60,
charts 70+). ``chrome=False`` renders the view alone, full screen, in screenshots
(presentation).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.context import ViewContext

#: The modules that register views, in no particular order (``order`` sorts them).
VIEW_MODULES: list[str] = [
    "app.ui.views.table",  # UI-CORE: portfolio table
    "app.ui.initiative.view",  # UI-CORE: initiative editor
    "app.ui.views.weights",  # UI-ANALYSIS
    "app.ui.views.ranking",  # UI-ANALYSIS
    "app.ui.views.selection",  # UI-ANALYSIS
    "app.ui.views.budget",  # UI-ANALYSIS
    "app.ui.charts.views",  # CHARTS
    "app.ui.presentation.view",  # CHARTS
]


@dataclass(frozen=True)
class ViewSpec:
    """A registered view."""

    key: str
    title: Callable[[], str]
    factory: Callable[[ViewContext], QWidget]
    icon: str = ""
    order: int = 100
    chrome: bool = True  # False: rendered alone, full screen (presentation)


_REGISTRY: dict[str, ViewSpec] = {}
_loaded = False


def register(
    key: str,
    title: Callable[[], str] | str,
    factory: Callable[[ViewContext], QWidget],
    *,
    icon: str = "",
    order: int = 100,
    chrome: bool = True,
) -> ViewSpec:
    """Register (or re-register) a view under ``key``; returns its ``ViewSpec``."""
    title_fn: Callable[[], str] = (lambda t=title: t) if isinstance(title, str) else title
    spec = ViewSpec(key=key, title=title_fn, factory=factory, icon=icon, order=order,
                    chrome=chrome)
    _REGISTRY[key] = spec
    return spec


def load_views() -> None:
    """Import every module of ``VIEW_MODULES`` once (missing modules are skipped)."""
    global _loaded
    if _loaded:
        return
    for name in VIEW_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # only "this module is not written yet" is tolerated, never a broken import
            if exc.name is None or not name.startswith(exc.name):
                raise
    _loaded = True


def views() -> list[ViewSpec]:
    """All registered views, in navigation order."""
    load_views()
    return sorted(_REGISTRY.values(), key=lambda v: (v.order, v.key))


def get(key: str) -> ViewSpec:
    """The view registered as ``key``; raises ``KeyError`` naming the known keys."""
    load_views()
    try:
        return _REGISTRY[key]
    except KeyError:
        known = ", ".join(v.key for v in views())
        raise KeyError(f"unknown view {key!r}; known views: {known}") from None
