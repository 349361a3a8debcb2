"""``prioritise gui [PORTFOLIO] [--screenshot PNG --view VIEW] [--scenario NAME] [--size WxH]
[--lang da|en] [--demo]`` (DESIGN §6).

``--scenario NAME`` shows that scenario (e.g. a what-if) instead of the default one, in
the window and in a screenshot; an unknown name exits 2 naming the known ones.

Editing: the lock is taken before any window or dialog is shown; a portfolio held by
another editor is offered read-only, naming the holder. Screenshot mode opens read-only,
takes no lock, shows no dialog, renders at exactly W×H (device-pixel ratio 1) and exits;
a bad file or an unknown view exits 2.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from app.services.errors import UserError
from app.services.i18n import _


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x720"`` → (1280, 720); raises ``UserError`` for anything else."""
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text or "")
    if not m:
        raise UserError(_("--size must be WIDTHxHEIGHT in pixels, e.g. 1280x720, not “{text}”")
                        .format(text=text))
    return int(m.group(1)), int(m.group(2))


def run(args: argparse.Namespace) -> int:
    lang = args.lang or os.environ.get("PRIORITISE_LANG") or ""
    if args.screenshot:
        return _screenshot(args, lang or "da")
    return _interactive(args, lang)


def _screenshot(args: argparse.Namespace, lang: str) -> int:
    width, height = parse_size(args.size)
    target = args.portfolio
    if args.demo and not target:
        from app.ui.opening import demo_path

        target = str(demo_path())
    if not target:
        raise UserError(_("--screenshot needs a portfolio"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = "1"
    from app.services.store import open_portfolio
    from app.ui.app import make_application
    from app.ui.views import registry

    pf = open_portfolio(target, readonly=True)  # no lock, never writes; refusals exit 2
    try:
        app = make_application(lang)
        _quiet_offscreen_plugin()
        try:
            registry.get(args.view)
        except KeyError as exc:
            raise UserError(str(exc.args[0])) from None
        pf.readonly_reason = _("screenshot")
        _render(pf, args, width, height, scenario_id(pf, args.scenario))
    finally:
        pf.close()
    app.processEvents()
    return 0


def scenario_id(pf: object, name: str | None) -> int | None:
    """The id of the scenario ``name`` in the open portfolio ``pf`` (None when no name is
    given: the default is shown). Raises ``UserError`` (exit 2) for an unknown name,
    listing the known ones (``scenarios.get_scenario``)."""
    if name is None:
        return None
    from app.services.scenarios import get_scenario

    with pf.read() as s:  # type: ignore[attr-defined]
        return int(get_scenario(s, name).id)


def _render(pf: object, args: argparse.Namespace, width: int, height: int,
            scenario: int | None = None) -> None:
    from PySide6.QtCore import QSettings, QSize

    from app.ui.screenshot import screenshot
    from app.ui.settings import Settings

    # the user's settings are neither read nor written by a screenshot
    with tempfile.TemporaryDirectory(prefix="prioritise-screenshot-") as folder:
        scratch = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        screenshot(pf, args.view, Path(args.screenshot), QSize(width, height),  # type: ignore[arg-type]
                   Settings(scratch), scenario=scenario)
        del scratch


def _interactive(args: argparse.Namespace, lang: str) -> int:
    from app.ui.app import make_application
    from app.ui.settings import LANGUAGE, Settings

    app = make_application(lang or "da")
    settings = Settings()
    if not lang:
        stored = settings.get(LANGUAGE)
        if stored != "da":
            make_application(stored if stored in ("da", "en") else "da")
    else:
        settings.set(LANGUAGE, lang)
    from app.ui import opening
    from app.ui.dialogs import QtDialogService
    from app.ui.main_window import MainWindow

    dialogs = QtDialogService()
    target: str | None = args.portfolio
    if args.demo and not target:
        target = str(opening.ensure_demo())
    if not target:
        recent = [t for t in settings.recent_files() if "://" in t or Path(t).exists()]
        target = recent[0] if recent else None
    portfolio = opening.open_for_editing(target, dialogs) if target else None  # lock first
    shown: int | None = None
    if portfolio is not None:
        try:
            shown = scenario_id(portfolio, args.scenario)
        except UserError:
            portfolio.close()  # releases the lock before exit 2
            raise
    window = MainWindow(settings, dialogs=dialogs)
    dialogs.parent = window
    if portfolio is not None:
        from app.ui.file_actions import show_opened

        if show_opened(window, portfolio, target) and shown is not None:
            window.context.set_scenario(shown)  # type: ignore[union-attr]
    window.show()
    return int(app.exec())


def _quiet_offscreen_plugin() -> None:
    """Drop the offscreen plugin's harmless "does not support propagateSizeHints()" notes."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _ctx: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)
