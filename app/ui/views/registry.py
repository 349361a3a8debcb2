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

A view that refreshes only while visible may define ``on_shown()``; the main window
calls it each time the view is shown. The view is created the first time it is shown (and once for a screenshot, at the
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

# The modules that register views, in no particular order (``order`` sorts them).
VIEW_MODULES: list[str] = [
    "app.ui.views.table",  # UI-CORE: portfolio table
    "app.ui.initiative.view",  # UI-CORE: initiative editor
    "app.ui.views.weights",  # UI-ANALYSIS
    "app.ui.views.ranking",  # UI-ANALYSIS
    "app.ui.views.selection",  # UI-ANALYSIS
    "app.ui.views.scenario_compare",  # compare two scenarios (engine issue item 6)
    "app.ui.views.budget",  # UI-ANALYSIS
    "app.ui.charts.views",  # CHARTS
    "app.ui.presentation.view",  # CHARTS
    "app.ui.views.audit",  # the portfolio audit log (issue 8)
]


def _t(context: str, text: str) -> Callable[[], str]:
    from PySide6.QtCore import QCoreApplication

    return lambda: QCoreApplication.translate(context, text)


@dataclass(frozen=True)
class LazyView:
    """A view known before its module is imported, so start-up imports only what is shown
    (the view modules pull in scipy, pyqtgraph …). Its module still ``register()``s it."""

    key: str
    module: str
    title: Callable[[], str]
    order: int
    icon: str = ""
    chrome: bool = True


# Views listed here appear in the navigation without importing their module; keep the
# key, title (same translation context and text as the module's), order and icon in
# step with the module's ``register()`` call. A view missing here is found by importing
# ``VIEW_MODULES`` when asked for (slower start-up, same result).
MANIFEST: tuple[LazyView, ...] = (
    LazyView("table", "app.ui.views.table", _t("Views", "Portfolio"), 10, "table.svg"),
    LazyView("initiative", "app.ui.initiative.view", _t("Views", "Initiative"), 20,
             "initiative.svg"),
    LazyView("weights", "app.ui.views.weights", _t("Views", "Strategy and weights"), 30,
             "weights.svg"),
    LazyView("ranking", "app.ui.views.ranking", _t("Views", "Ranking"), 40, "ranking.svg"),
    LazyView("selection", "app.ui.views.selection", _t("Views", "Recommendation"), 50,
             "selection.svg"),
    LazyView("compare", "app.ui.views.scenario_compare", _t("Views", "Compare scenarios"), 55,
             "selection.svg"),
    LazyView("budget", "app.ui.views.budget", _t("Views", "Budget"), 60, "budget.svg"),
    LazyView("dependencies", "app.ui.charts.views", _t("ChartViews", "Dependencies"), 70,
             "dependencies.svg"),
    LazyView("matrix", "app.ui.charts.views", _t("ChartViews", "Dependency matrix"), 71,
             "matrix.svg"),
    LazyView("roadmap", "app.ui.charts.views", _t("ChartViews", "Roadmap"), 72,
             "roadmap.svg"),
    LazyView("bubble", "app.ui.charts.views", _t("ChartViews", "Value and cost"), 73,
             "bubble.svg"),
    LazyView("balance", "app.ui.charts.views", _t("ChartViews", "Balance"), 74,
             "balance.svg"),
    LazyView("maturity", "app.ui.charts.views", _t("ChartViews", "Maturity"), 75,
             "maturity.svg"),
    LazyView("followup", "app.ui.charts.views", _t("ChartViews", "Follow-up"), 76,
             "followup.svg"),
    LazyView("presentation", "app.ui.presentation.view", _t("ChartViews", "Presentation"), 90,
             "presentation.svg", chrome=False),
    LazyView("audit", "app.ui.views.audit", _t("Views", "Audit log"), 95, "initiative.svg"),
)


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
        _import_optional(name)
    _loaded = True


def _import_optional(name: str) -> None:
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as exc:
        # only "this module is not written yet" is tolerated, never a broken import
        if exc.name is None or not name.startswith(exc.name):
            raise


def module_exists(name: str) -> bool:
    """True when the module ``app.…`` exists, found on disk without importing anything
    (``find_spec`` of a submodule would import its package's ``__init__``)."""
    import sys
    from pathlib import Path

    if name in sys.modules:
        return True
    root = Path(__file__).resolve().parents[3]  # the folder that holds the app package
    base = root.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _lazy_spec(entry: LazyView) -> ViewSpec:
    def factory(context: ViewContext) -> QWidget:
        importlib.import_module(entry.module)  # registers the real factory
        real = _REGISTRY.get(entry.key)
        if real is None:
            raise KeyError(f"{entry.module} did not register the view {entry.key!r}")
        return real.factory(context)

    return ViewSpec(key=entry.key, title=entry.title, factory=factory, icon=entry.icon,
                    order=entry.order, chrome=entry.chrome)


def _known() -> dict[str, ViewSpec]:
    """Registered views plus manifest views whose module exists but is not imported yet."""
    found = dict(_REGISTRY)
    for entry in MANIFEST:
        real = found.get(entry.key)
        if real is not None and not real.icon and entry.icon:  # the manifest's icon
            found[entry.key] = ViewSpec(real.key, real.title, real.factory, entry.icon,
                                        real.order, real.chrome)
        if entry.key not in found and module_exists(entry.module):
            found[entry.key] = _lazy_spec(entry)
    return found


def views(*, load_all: bool = False) -> list[ViewSpec]:
    """All views, in navigation order. Modules outside ``MANIFEST`` are imported to find
    theirs; manifest views are imported only when first shown (``load_all`` forces it)."""
    listed = {e.module for e in MANIFEST}
    if load_all:
        load_views()
    else:
        for name in VIEW_MODULES:
            if name not in listed:
                _import_optional(name)
    return sorted(_known().values(), key=lambda v: (v.order, v.key))


def get(key: str) -> ViewSpec:
    """The view registered as ``key``; raises ``KeyError`` naming the known keys, in the
    UI language (``gui --screenshot --view`` shows it to the user)."""
    specs = {v.key: v for v in views()}  # manifest views stay unimported
    spec = specs.get(key)
    if spec is None:
        from PySide6.QtCore import QCoreApplication

        raise KeyError(QCoreApplication.translate(
            "Views", "unknown view '{key}'; known views: {known}").format(
                key=key, known=", ".join(specs)))
    return spec
