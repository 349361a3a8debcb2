"""The main window's menus and what they do: File (new, open, shared, demo, recent, import,
export, backups, close), Edit (undo/redo), View (presentation mode F5).

Hooks into other engineers' modules are looked up when used, so the menu works before
they land: ``app.ui.import_wizard.open_import_wizard(parent, context)``,
``app.ui.presentation.start_presentation(context, parent)``, the export worker
(``app.ui.export_action``) and ``app.services.backup.list_backups/restore_backup``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence

from app.services.changes import Changes
from app.services.errors import UserError
from app.services.formatting import language
from app.ui import opening
from app.ui.tr import tr

if TYPE_CHECKING:
    from app.services.store import Portfolio
    from app.ui.main_window import MainWindow

FILTER = "Prioritise (*.portfolio)"



def _hook(module: str, name: str) -> Any | None:
    """``module.name`` when that module exists and defines it, else None."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


def _available(module: str) -> bool:
    """True when ``module`` exists, without importing it (start-up stays light)."""
    from app.ui.views.registry import module_exists

    return module_exists(module)


def build_menus(win: MainWindow) -> None:
    """Create the menu bar and the window's actions (kept as attributes for tests)."""
    bar = win.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    win.action_new = file_menu.addAction(tr("&New portfolio…"), lambda: new_portfolio(win))
    win.action_new.setShortcut(QKeySequence.StandardKey.New)
    win.action_open = file_menu.addAction(tr("&Open portfolio…"), lambda: open_file(win))
    win.action_open.setShortcut(QKeySequence.StandardKey.Open)
    win.action_open_url = file_menu.addAction(tr("Open &shared portfolio (PostgreSQL)…"),
                                              lambda: open_url(win))
    win.action_demo = file_menu.addAction(tr("Open the &demo"), lambda: open_demo(win))
    win.recent_menu = file_menu.addMenu(tr("&Recent portfolios"))
    win.recent_menu.aboutToShow.connect(lambda: _fill_recent(win))
    file_menu.addSeparator()
    win.action_import = file_menu.addAction(tr("&Import spreadsheet…"), lambda: import_data(win))
    win.action_template = file_menu.addAction(tr("New proposal &template (XLSX)…"),
                                              lambda: write_template(win))
    export_menu = file_menu.addMenu(tr("&Export"))
    win.export_actions = {}
    for kind, label in (("docx", tr("Agenda item (DOCX)…")), ("pdf", tr("Bilag (PDF)…")),
                        ("xlsx", tr("Spreadsheet (XLSX)…")), ("csv", tr("CSV…"))):
        win.export_actions[kind] = export_menu.addAction(label, lambda k=kind: export(win, k))
    win.action_backups = file_menu.addAction(tr("&Backups and restore…"), lambda: restore(win))
    file_menu.addSeparator()
    win.action_close = file_menu.addAction(tr("&Close portfolio"), lambda: win.set_portfolio(None))
    win.action_quit = file_menu.addAction(tr("&Quit"), win.close)
    win.action_quit.setShortcut(QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu(tr("&Edit"))
    win.action_undo = win.undo_stack.createUndoAction(win, tr("&Undo"))
    win.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
    win.action_redo = win.undo_stack.createRedoAction(win, tr("&Redo"))
    win.action_redo.setShortcut(QKeySequence.StandardKey.Redo)
    edit_menu.addAction(win.action_undo)
    edit_menu.addAction(win.action_redo)

    view_menu = bar.addMenu(tr("&View"))
    win.action_present = QAction(tr("&Presentation mode"), win)
    win.action_present.setShortcut("F5")
    win.action_present.triggered.connect(lambda: present(win))
    view_menu.addAction(win.action_present)
    language_menu = view_menu.addMenu(tr("&Language"))
    win.language_actions = {}
    current = language()
    for code, label in (("da", "Dansk"), ("en", "English")):
        action = language_menu.addAction(label, lambda c=code: win.set_language(c))
        action.setCheckable(True)
        action.setChecked(code == current)
        win.language_actions[code] = action
    update_actions(win)


def update_actions(win: MainWindow) -> None:
    """Enable what makes sense for the open portfolio (none, read-only, editable)."""
    open_ = win.portfolio is not None
    writable = open_ and not win.portfolio.readonly  # type: ignore[union-attr]
    win.action_import.setEnabled(writable and _available("app.ui.import_wizard"))
    for action in win.export_actions.values():
        action.setEnabled(open_ and _available("app.services.exports"))
    win.action_backups.setEnabled(
        writable and win.portfolio.path is not None  # type: ignore[union-attr]
        and _available("app.services.backup"))
    win.action_close.setEnabled(open_)
    win.action_present.setEnabled(open_ and _available("app.ui.presentation"))


def _fill_recent(win: MainWindow) -> None:
    win.recent_menu.clear()
    for target in win.settings.recent_files():
        win.recent_menu.addAction(target, lambda t=target: open_target(win, t))
    if not win.settings.recent_files():
        win.recent_menu.addAction(tr("(none)")).setEnabled(False)


def open_target(win: MainWindow, target: str) -> bool:
    """Open ``target`` for editing (read-only when held by another editor)."""
    if "://" not in target and not Path(target).exists():
        win.dialogs.warn(tr("The portfolio could not be opened"),
                         tr("The file does not exist: {path}").format(path=target))
        win.settings.remove_recent(target)
        win.start_page.set_recent(win.settings.recent_files())
        return False
    if win.portfolio is not None:
        win.set_portfolio(None)  # release the lock before taking another
    pf = opening.open_for_editing(target, win.dialogs)
    if pf is None:
        return False
    return show_opened(win, pf, target)


def show_opened(win: MainWindow, pf: Portfolio, target: str | None) -> bool:
    """Show the just opened ``pf`` in ``win``. A file damaged in the middle surfaces only
    here, when the views first read it: then it is reported (naming the file and its
    backups), closed again and False returned; the window shows the start page."""
    try:
        win.set_portfolio(pf)
    except Exception as exc:
        if isinstance(exc, UserError):  # the store's NotAPortfolioError for a damaged page
            win.dialogs.warn(tr("The portfolio could not be opened"), str(exc))
        elif not opening.report_damaged(exc, target, win.dialogs):
            raise
        try:
            win.set_portfolio(None)
        finally:
            pf.close()
        return False
    return True


def new_portfolio(win: MainWindow) -> bool:
    path = win.dialogs.save_file(tr("New portfolio"), FILTER, tr("Portfolio.portfolio"))
    if not path:
        return False
    if not path.endswith(".portfolio"):
        path += ".portfolio"
    municipality = win.dialogs.ask_text(tr("New portfolio"), tr("Municipality:"), "") or ""
    if win.portfolio is not None:
        win.set_portfolio(None)
    pf = opening.create_new(path, win.dialogs, municipality)
    if pf is None:
        return False
    win.set_portfolio(pf)
    return True


def open_file(win: MainWindow) -> bool:
    path = win.dialogs.open_file(tr("Open portfolio"), FILTER)
    return open_target(win, path) if path else False


def open_url(win: MainWindow) -> bool:
    url = win.dialogs.ask_text(
        tr("Open shared portfolio"),
        tr("PostgreSQL URL (postgresql+psycopg://user@server/database):"), "postgresql+psycopg://")
    if not url or not url.strip() or url.strip() == "postgresql+psycopg://":
        return False
    if not url.strip().startswith("postgresql"):
        win.dialogs.warn(tr("Not a PostgreSQL URL"),
                         tr("“{url}” is not a PostgreSQL URL; it must start with "
                            "postgresql+psycopg://").format(url=url.strip()))
        return False
    return open_target(win, url.strip())


def open_demo(win: MainWindow) -> bool:
    return open_target(win, str(opening.ensure_demo()))


def import_data(win: MainWindow) -> None:
    fn = _hook("app.ui.import_wizard", "open_import_wizard")
    if fn is not None and win.context is not None:
        fn(win, win.context)


def write_template(win: MainWindow) -> Path | None:
    """File → New proposal template: the XLSX projektforslag for the forvaltninger, with the
    open portfolio's units, budget year and price base year (the prices its amounts are in)
    pre-filled when one is open, as ``prioritise template`` does."""
    from app.services import template
    from app.services.snapshots import load_settings, load_units

    path = win.dialogs.save_file(tr("New proposal template"), "Excel (*.xlsx)",
                                 tr("Projektforslag.xlsx"))
    if not path:
        return None
    target = Path(path).with_suffix(".xlsx")
    units: list[str] = []
    year = prices = None
    currency = "DKK"
    if win.portfolio is not None:
        with win.portfolio.read() as s:
            units = [u.name for u in load_units(s).values()]
            settings = load_settings(s)
            year, prices = settings.budget_year, settings.price_base_year
            currency = settings.currency
    try:
        template.write_template(target, budget_year=year, price_base_year=prices,
                                lang=language(), units=units, currency=currency)
    except (OSError, UserError) as exc:
        win.dialogs.warn(tr("The template could not be written"), str(exc))
        return None
    win.statusBar().showMessage(tr("Template written: {path}").format(path=target), 5000)
    return target


def export(win: MainWindow, kind: str) -> None:
    fn = _hook("app.ui.export_action", "start_export")
    if fn is not None and win.context is not None:
        fn(win, win.context, kind)


def present(win: MainWindow) -> None:
    fn = _hook("app.ui.presentation", "start_presentation")
    if fn is not None and win.context is not None:
        fn(win.context, win)


def _backup_label(backup: Any) -> str:
    """"30.11.2026 14:03 – daily (1,2 MB)" for a ``backup.Backup``."""
    from app.services import formatting

    taken = getattr(backup, "taken_at", None)
    if taken is None:
        return Path(str(getattr(backup, "path", backup))).name
    local = taken.astimezone()
    kinds = {"daily": tr("daily"), "manual": tr("manual"), "before-restore": tr("before restore"),
             "before-upgrade": tr("before upgrade")}
    size = formatting.format_number(getattr(backup, "size", 0) / 1_000_000, 1)
    return f"{formatting.format_date(local.date())} {local:%H:%M} – " \
           f"{kinds.get(backup.kind, backup.kind)} ({size} MB)"


def restore(win: MainWindow) -> None:
    """List the portfolio's backups and restore the chosen one (after asking).

    A refused restore (the backup is damaged or from a newer version, another editor
    took the file, the backup of the current state cannot be written) is shown in a
    warning; the portfolio is unchanged and opened again as before."""
    list_backups = _hook("app.services.backup", "list_backups")
    restore_backup = _hook("app.services.backup", "restore_backup")
    pf = win.portfolio
    if list_backups is None or restore_backup is None or pf is None or pf.path is None:
        return
    backups = list(list_backups(pf.path))
    if not backups:
        win.dialogs.inform(tr("Backups"), tr("There are no backups of this portfolio yet."))
        return
    labels = [_backup_label(b) for b in backups]
    index = win.dialogs.choose(tr("Restore a backup"), tr("Backup to restore:"), labels)
    if index is None:
        return
    if not win.dialogs.ask(tr("Restore a backup"),
                           tr("Replace the portfolio with the backup “{name}”? The current "
                              "state is backed up first.").format(name=labels[index])):
        return
    path = pf.path
    win.set_portfolio(None)
    try:
        restore_backup(path, backups[index])
    except UserError as exc:
        win.dialogs.warn(tr("Restore a backup"), str(exc))
    if open_target(win, str(path)):
        win.changes.emit_changes(Changes.everything())
