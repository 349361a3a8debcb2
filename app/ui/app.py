"""The QApplication: high-DPI policy, language, Qt's own and our translations, icons.

Danish by default. Qt's own ``qtbase_da.qm`` (from PySide6's translations directory) is
loaded first so standard buttons and dialogs are Danish too, then
``resources/i18n/prioritise_da.qm``. English is the source language; only its plural
forms come from a catalogue, ``resources/i18n/prioritise_en.qm`` (made with
``lupdate -pluralonly``, as the Qt Linguist manual's "Handling plurals" prescribes), so
``tr("%n initiative(s)", "", n)`` reads "1 initiative" / "37 initiatives". The high-DPI
rounding policy is PassThrough so 125 %, 150 % and 200 % scaling render sharp instead of
rounding to 100 % or 200 %.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app.services.i18n import set_language

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "resources" / "i18n"
ICON_DIR = ROOT / "resources" / "icons"
LANGUAGES = ("da", "en")

_translators: list[QTranslator] = []


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons`` (an empty icon when the file is missing)."""
    path = ICON_DIR / name
    return QIcon(str(path)) if name and path.is_file() else QIcon()


def install_translators(app: QApplication, lang: str) -> list[str]:
    """Load Qt's own and our catalogues for ``lang``; returns the files loaded.

    English is the source language: only our plural-only ``prioritise_en.qm`` is loaded
    (Qt's own English strings need no catalogue). Re-installing replaces the translators
    installed before.
    """
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
                       if lang == "da" else QLocale(QLocale.Language.English,
                                                    QLocale.Country.UnitedKingdom))
    loaded: list[str] = []
    catalogues = [(str(I18N_DIR), f"prioritise_{lang}")]
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.insert(0, (qt_dir, f"qtbase_{lang}"))
    for directory, base in catalogues:
        translator = QTranslator(app)
        if translator.load(base, directory):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.append(str(Path(directory) / f"{base}.qm"))
    return loaded


def make_application(lang: str = "da", argv: list[str] | None = None) -> QApplication:
    """The application object (created once), with DPI policy and translations set."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use da or en")
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setOrganizationName("Prioritise")
        app.setApplicationName("Prioritise")
        app.setApplicationDisplayName("Prioritise")
        app.setWindowIcon(icon("prioritise.svg"))
    else:
        app = existing  # type: ignore[assignment]
    install_translators(app, lang)
    return app
