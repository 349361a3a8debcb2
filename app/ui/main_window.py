"""The main window: start page or workspace (navigation + views from the registry),
File/Edit/View menus, read-only banner, and the status bar (size, budget year, scenario).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes, Kind
from app.services.overview import load_overview
from app.services.store import Portfolio
from app.ui import file_actions
from app.ui.app import icon
from app.ui.context import ChangeBroadcast, ViewContext
from app.ui.dialogs import DialogService, QtDialogService
from app.ui.settings import LAST_VIEW, Settings
from app.ui.start_page import StartPage
from app.ui.startup import resume_garbage_collection
from app.ui.views import registry


class MainWindow(QMainWindow):
    """One window per process; ``set_portfolio`` swaps the open portfolio."""

    def __init__(self, settings: Settings, dialogs: DialogService | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.dialogs: DialogService = dialogs or QtDialogService(self)
        self.undo_stack = QUndoStack(self)
        self.changes = ChangeBroadcast(self)
        self.changes.changed.connect(self._on_changes)
        self.portfolio: Portfolio | None = None
        self.context: ViewContext | None = None
        self._views: dict[str, QWidget] = {}

        self.start_page = self._make_start_page()
        self.workspace = QWidget()
        ws_layout = QVBoxLayout(self.workspace)
        ws_layout.setContentsMargins(0, 0, 0, 0)
        ws_layout.setSpacing(0)
        self.banner = QLabel()
        self.banner.setObjectName("readonlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#readonlyBanner { background: #fff3c4; color: #5c4400; padding: 6px 12px;"
            " border-bottom: 1px solid #d9b200; font-weight: 600; }")
        self.banner.hide()
        ws_layout.addWidget(self.banner)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(140)
        self.nav.setMaximumWidth(260)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.stack = QStackedWidget()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 1100])
        ws_layout.addWidget(splitter, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)

        self.size_label = QLabel()
        self.year_label = QLabel()
        self.scenario_label = QLabel()
        for label in (self.size_label, self.year_label, self.scenario_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)

        file_actions.build_menus(self)
        self.resize(1280, 760)
        geometry = settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._update_title()

    def _make_start_page(self) -> StartPage:
        page = StartPage()
        page.new_requested.connect(lambda: file_actions.new_portfolio(self))
        page.open_requested.connect(lambda: file_actions.open_file(self))
        page.open_url_requested.connect(lambda: file_actions.open_url(self))
        page.demo_requested.connect(lambda: file_actions.open_demo(self))
        page.recent_requested.connect(lambda t: file_actions.open_target(self, t))
        page.set_recent(self.settings.recent_files())
        return page

    # opening and closing ---------------------------------------------------------------
    def set_portfolio(self, portfolio: Portfolio | None, *, screenshot: bool = False) -> None:
        """Show ``portfolio`` (None = the start page); closes the one open before.
        ``screenshot`` shows a read-only portfolio as it looks when editable (no banner,
        no greyed fields): ``gui --screenshot`` opens read-only only to stay harmless."""
        self._drop_views()
        self.undo_stack.clear()
        if self.portfolio is not None:
            self.portfolio.close()
        self.portfolio = portfolio
        self.context = None
        if portfolio is None:
            self.start_page.set_recent(self.settings.recent_files())
            self.pages.setCurrentWidget(self.start_page)
            self.banner.hide()
        else:
            self.context = ViewContext(
                portfolio=portfolio, undo_stack=self.undo_stack, changes=self.changes,
                dialogs=self.dialogs, settings=self.settings,
                open_initiative=self.open_initiative, show_read_only=not screenshot)
            if portfolio.path is not None and self.settings.recent_files()[:1] != [
                    str(portfolio.path)]:
                self.settings.add_recent(str(portfolio.path))  # writes the settings file
            self.banner.setVisible(portfolio.readonly and not screenshot)
            self.banner.setText(self.tr("Read-only: {reason}. Nothing can be changed.").format(
                reason=portfolio.readonly_reason or self.tr("opened read-only")))
            self._fill_navigation()
            self.pages.setCurrentWidget(self.workspace)
            self.show_view(self.settings.get(LAST_VIEW))
        file_actions.update_actions(self)
        self._update_title()
        self._update_status()

    def _drop_views(self) -> None:
        for widget in self._views.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._views.clear()
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)

    def _fill_navigation(self) -> None:
        self.nav.blockSignals(True)
        for spec in registry.views():
            item = QListWidgetItem(icon(spec.icon), spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.blockSignals(False)
        # wide enough for the longest title in the current language, no sideways scrolling
        width = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 12
        self.nav.setMinimumWidth(min(max(140, width), 260))

    def set_language(self, lang: str) -> None:
        """Switch the UI (and number formatting) to ``lang`` now, and remember it: menus,
        navigation and views are rebuilt in the new language; the portfolio stays open."""
        from PySide6.QtWidgets import QApplication

        from app.ui.app import install_translators
        from app.ui.settings import LANGUAGE

        app = QApplication.instance()
        if app is not None:
            install_translators(app, lang)  # type: ignore[arg-type]
        self.settings.set(LANGUAGE, lang)
        current = self.current_view_key()
        self.menuBar().clear()
        file_actions.build_menus(self)
        old = self.start_page
        self.start_page = self._make_start_page()
        self.pages.insertWidget(0, self.start_page)
        self.pages.removeWidget(old)
        old.deleteLater()
        if self.context is not None:
            self._drop_views()
            self._fill_navigation()
            self.show_view(current or self.settings.get(LAST_VIEW))
            self.banner.setText(self.tr("Read-only: {reason}. Nothing can be changed.").format(
                reason=self.portfolio.readonly_reason or self.tr("opened read-only")))  # type: ignore[union-attr]
        else:
            self.pages.setCurrentWidget(self.start_page)
        file_actions.update_actions(self)
        self._update_title()
        self._update_status()

    # views ---------------------------------------------------------------------------
    def view(self, key: str) -> QWidget:
        """The view ``key``, created on first use; raises ``KeyError`` for an unknown key."""
        if key not in self._views:
            if self.context is None:
                raise RuntimeError("no portfolio open")
            widget = registry.get(key).factory(self.context)
            widget.setObjectName(f"view_{key}")
            self._views[key] = widget
            self.stack.addWidget(widget)
        return self._views[key]

    def show_view(self, key: str) -> QWidget | None:
        """Show the view ``key`` (the first registered view when ``key`` is unknown)."""
        specs = registry.views()
        if not specs or self.context is None:
            return None
        if key not in {s.key for s in specs}:
            key = specs[0].key
        widget = self.view(key)
        self.stack.setCurrentWidget(widget)
        if hasattr(widget, "on_shown"):
            widget.on_shown()  # e.g. reload what changed while the view was hidden
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(False)
        if self.settings.get(LAST_VIEW) != key:
            self.settings.set(LAST_VIEW, key)  # writes the settings file
        return widget

    def current_view_key(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _nav_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.show_view(str(current.data(Qt.ItemDataRole.UserRole)))

    def open_initiative(self, initiative_id: str) -> None:
        """Show ``initiative_id`` in the initiative editor."""
        widget = self.show_view("initiative")
        if widget is not None and hasattr(widget, "set_initiative"):
            widget.set_initiative(initiative_id)

    # title and status ----------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.INITIATIVE, Kind.SCENARIO, Kind.WEIGHTS):
            self._update_status()

    def _update_title(self) -> None:
        pf = self.portfolio
        if pf is None:
            self.setWindowTitle("Prioritise")
            return
        suffix = " " + self.tr("[read-only]") if pf.readonly else ""
        self.setWindowTitle(f"{pf.display_name}{suffix} — Prioritise")

    def _update_status(self) -> None:
        if self.portfolio is None or self.context is None:
            for label in (self.size_label, self.year_label, self.scenario_label):
                label.clear()
            return
        with self.portfolio.read() as s:
            ov = load_overview(s)
        self.size_label.setText(self.tr("%n initiative(s)", "", ov.initiatives))
        self.year_label.setText(self.tr("Budget year {year}").format(year=ov.budget_year))
        sc = self.context.scenario()
        if sc.is_what_if:
            self.scenario_label.setText(self.tr("What-if: {name}").format(name=sc.name))
            self.scenario_label.setStyleSheet(
                "background: #ffe0b2; color: #6d3a00; font-weight: 600; padding: 0 6px;")
        else:
            self.scenario_label.setText(self.tr("Scenario: {name}").format(name=sc.name))
            self.scenario_label.setStyleSheet("")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        resume_garbage_collection()  # paused by `prioritise gui` during start-up, if so

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.settings.save_geometry("main", self.saveGeometry())
        self.set_portfolio(None)
        super().closeEvent(event)
