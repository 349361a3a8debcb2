"""Translated texts for the services' outputs (CLI messages, errors, reports) via gettext.

Source strings are English; the Danish catalogue is
``resources/locale/da/LC_MESSAGES/prioritise.po``, read directly with Babel (no compile
step to forget). Danish is the default language. Mark strings with ``_()``; for
plurals ``ngettext``. ``scripts/i18n.py`` extracts new strings into the catalogue, and a
test fails on any msgid without a Danish translation.
"""

from __future__ import annotations

import gettext as _gettext
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

from app.services import formatting

LOCALE_DIR = Path(__file__).resolve().parents[2] / "resources" / "locale"
DOMAIN = "prioritise"
LANGUAGES = ("da", "en")


class _PoTranslations(_gettext.NullTranslations):
    def __init__(self, po_path: Path) -> None:
        super().__init__()
        with po_path.open("rb") as fh:
            catalog = read_po(fh)
        self._single: dict[str, str] = {}
        self._plural: dict[str, tuple[str, ...]] = {}
        for msg in catalog:
            if not msg.id or msg.fuzzy:
                continue
            if isinstance(msg.id, tuple):
                if msg.string and all(msg.string):
                    self._plural[msg.id[0]] = tuple(msg.string)
            elif msg.string:
                self._single[msg.id] = msg.string

    def gettext(self, message: str) -> str:
        return self._single.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._plural.get(msgid1)
        if forms:
            return forms[0 if n == 1 else min(1, len(forms) - 1)]
        return msgid1 if n == 1 else msgid2


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``; English is the source language (identity)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == "en" or not po.is_file():
        return _gettext.NullTranslations()
    return _PoTranslations(po)


def set_language(lang: str) -> None:
    """Set the language of service texts and of number/date formatting ("da" or "en")."""
    formatting.set_language(lang)


def _(message: str) -> str:
    """Translate ``message`` (English source) into the current language."""
    return translations(formatting.language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware translation: ``ngettext("{n} initiative", "{n} initiatives", n)``."""
    return translations(formatting.language()).ngettext(singular, plural, n)
