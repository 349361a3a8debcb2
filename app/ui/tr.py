"""``tr()`` for module-level UI strings (outside a QObject's ``self.tr``).

pyside6-lupdate files a bare ``tr("…")`` call under the empty context, so this looks the
text up under the empty context too; a second argument disambiguates equal source texts
("Procurement" as a phase and as a cost category).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)
