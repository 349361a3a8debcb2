"""UI test fixtures: a fake dialog service (no modal exec() is ever reached), settings in
a temporary INI file, a filled portfolio at an æøå path, a main window, and a check that
no test leaves a top-level widget behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.ui.sample import make_sample


class FakeDialogs:
    """Records every call; answers come from queues set by the test (default: no/None).

    A question the test did not expect to be asked fails the test when ``strict``.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.answers: dict[str, list[Any]] = {}

    def answer(self, method: str, *values: Any) -> None:
        self.answers.setdefault(method, []).extend(values)

    def _next(self, method: str, default: Any) -> Any:
        queue = self.answers.get(method)
        return queue.pop(0) if queue else default

    def texts(self, method: str | None = None) -> list[str]:
        return [" ".join(str(a) for a in args) for m, args in self.calls
                if method is None or m == method]

    def inform(self, title: str, text: str) -> None:
        self.calls.append(("inform", (title, text)))

    def warn(self, title: str, text: str, details: str = "") -> None:
        self.calls.append(("warn", (title, text, details)))

    def ask(self, title: str, text: str, *, yes: str = "", no: str = "") -> bool:
        self.calls.append(("ask", (title, text, yes, no)))
        return bool(self._next("ask", False))

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.calls.append(("ask_text", (title, label, text)))
        return self._next("ask_text", None)

    def choose(self, title: str, label: str, options: Any) -> int | None:
        self.calls.append(("choose", (title, label, list(options))))
        return self._next("choose", None)

    def open_file(self, title: str, file_filter: str, directory: str = "") -> str | None:
        self.calls.append(("open_file", (title, file_filter)))
        return self._next("open_file", None)

    def save_file(self, title: str, file_filter: str, suggested: str = "") -> str | None:
        self.calls.append(("save_file", (title, file_filter)))
        return self._next("save_file", None)

    def conflict(self, title: str, text: str, mine: Any, theirs: Any) -> None:
        self.calls.append(("conflict", (title, text, dict(mine), dict(theirs))))


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def ui_settings(tmp_path: Path):
    from app.ui.settings import Settings

    qs = QSettings(str(tmp_path / "prioritise-test.ini"), QSettings.Format.IniFormat)
    return Settings(qs)


@pytest.fixture
def sample_path(portfolio_path: Path) -> Path:
    """A filled portfolio file at ``OneDrive - Kommune/Portefølje 2027.portfolio``."""
    return make_sample(portfolio_path)


@pytest.fixture
def window(qtbot, ui_settings, dialogs, sample_path):
    """The main window with the sample portfolio open for editing."""
    from app.services.store import open_portfolio
    from app.ui.app import make_application
    from app.ui.main_window import MainWindow

    make_application("en")
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.set_portfolio(open_portfolio(sample_path))
    yield win
    win.set_portfolio(None)
    reset_language()


def reset_language() -> None:
    """Back to the state other tests expect: no UI translators, services in Danish."""
    from app.services.i18n import set_language
    from app.ui.app import install_translators

    app = QApplication.instance()
    if app is not None:
        install_translators(app, "en")  # type: ignore[arg-type]
    set_language("da")


def shown_window(qtbot, ui_settings, dialogs, path: Path, lang: str = "en") -> Iterator[Any]:
    """Yield the main window shown at 1280×720 on the portfolio ``path`` with the UI in
    ``lang``; afterwards the portfolio is closed and the language reset (for fixtures)."""
    from app.services.i18n import set_language
    from app.services.store import open_portfolio
    from app.ui.app import make_application
    from app.ui.main_window import MainWindow

    if lang != "en":
        set_language(lang)
    make_application(lang)
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.set_portfolio(open_portfolio(path))
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.set_portfolio(None)
    reset_language()


@pytest.fixture(autouse=True)
def no_leftover_widgets(qapp) -> Iterator[None]:
    """Fail a test that leaves a visible or unparented top-level widget behind."""
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    QApplication.processEvents()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = [w for w in QApplication.topLevelWidgets() if id(w) not in before and w.isVisible()]
    assert not left, f"top-level widgets left behind: {[type(w).__name__ for w in left]}"
