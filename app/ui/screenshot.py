"""``gui --screenshot``: render one view of a portfolio to a PNG of exactly W×H pixels at
device-pixel ratio 1, read-only, with no lock and no dialog (DESIGN §6)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from app.services.store import Portfolio
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from app.ui.tr import tr
from app.ui.views import registry


class NoDialogs:
    """A dialog service that never shows anything (screenshot mode): questions answer no."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def inform(self, title: str, text: str) -> None:
        self.messages.append(text)

    def warn(self, title: str, text: str, details: str = "") -> None:
        self.messages.append(text)

    def ask(self, title: str, text: str, *, yes: str = "", no: str = "") -> bool:
        return False

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return None

    def choose(self, title: str, label: str, options: object) -> int | None:
        return None

    def open_file(self, title: str, file_filter: str, directory: str = "") -> str | None:
        return None

    def save_file(self, title: str, file_filter: str, suggested: str = "") -> str | None:
        return None

    def conflict(self, title: str, text: str, mine: object, theirs: object) -> None:
        self.messages.append(text)


def render_widget(widget: QWidget, size: QSize) -> QImage:
    """Lay ``widget`` out at ``size`` off screen and paint it into a W×H image (DPR 1)."""
    widget.resize(size)
    widget.show()
    for _ in range(3):  # layouts settle over a few event-loop turns (no timers, no sleeps)
        QCoreApplication.processEvents()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(1.0)
    image.fill(widget.palette().window().color())
    widget.render(image)
    return image


def screenshot(portfolio: Portfolio, view: str, out: Path, size: QSize,
               settings: Settings, *, scenario: int | None = None) -> None:
    """Render ``view`` of ``portfolio`` (opened read-only by the caller) to ``out`` (PNG),
    showing the scenario with id ``scenario`` (None: the default; ``gui --scenario``).

    Raises ``KeyError`` for an unknown view, ``UserError`` when ``out`` cannot be written
    or is a portfolio, lock file, folder or device (``exports.common.atomic_output``:
    written beside it and renamed, so a failed write leaves ``out`` as it was). Views registered with ``chrome=False``
    (e.g. presentation) render alone, as full screen; others inside the main window.
    """
    spec = registry.get(view)
    window = MainWindow(settings, dialogs=NoDialogs())
    try:
        window.set_portfolio(portfolio, screenshot=True)
        if scenario is not None and window.context is not None:
            window.context.set_scenario(scenario)  # views shown so far follow it
        widget = window.show_view(spec.key)
        if widget is not None and hasattr(widget, "finish_pending"):
            widget.finish_pending()  # work the view does off the GUI thread (compare)
        target: QWidget = window
        if getattr(spec, "chrome", True) is False and widget is not None:
            widget.setParent(None)
            target = widget
        image = render_widget(target, size)
        from app.services.errors import UserError
        from app.services.exports.common import atomic_output

        # like an export: never over a portfolio, its lock, a folder or a device
        with atomic_output(out) as tmp:
            if not image.save(str(tmp), "PNG"):
                raise UserError(tr("Cannot write the screenshot {path} (is the folder there "
                                   "and writable?)").format(path=out))
    finally:
        window.portfolio = None  # the caller closes the portfolio it opened
        window.close()
        window.deleteLater()
        QApplication.processEvents()
