"""The one dialog service: every question, message and file choice goes through it.

Views and windows never call ``QMessageBox``/``QFileDialog`` or ``exec()`` themselves;
they call ``context.dialogs``. Tests inject a fake (``tests/ui/conftest.py``) so that no
test ever reaches a modal ``exec()``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget
from app.ui.tr import tr



class DialogService(Protocol):
    """What the UI may ask the user. Each method blocks until answered (or the fake answers)."""

    def inform(self, title: str, text: str) -> None: ...

    def warn(self, title: str, text: str, details: str = "") -> None: ...

    def ask(self, title: str, text: str, *, yes: str = "", no: str = "") -> bool: ...

    def ask_text(self, title: str, label: str, text: str = "") -> str | None: ...

    def choose(self, title: str, label: str, options: Sequence[str]) -> int | None: ...

    def open_file(self, title: str, file_filter: str, directory: str = "") -> str | None: ...

    def save_file(self, title: str, file_filter: str, suggested: str = "") -> str | None: ...

    def conflict(self, title: str, text: str, mine: Mapping[str, object],
                 theirs: Mapping[str, object]) -> None: ...


def conflict_text(text: str, mine: Mapping[str, object], theirs: Mapping[str, object]) -> str:
    """The conflict message with both values of each field: "field: yours → theirs"."""
    lines = [text]
    for key in sorted(set(mine) | set(theirs)):
        lines.append(tr("{field}: your value “{mine}”, saved by the other editor “{theirs}”")
                     .format(field=key, mine=_show(mine.get(key)), theirs=_show(theirs.get(key))))
    return "\n".join(lines)


def _show(value: object) -> str:
    return "–" if value is None or value == "" else str(value)


class QtDialogService:
    """The real dialogs (modal, parented to ``parent``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def warn(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def ask(self, title: str, text: str, *, yes: str = "", no: str = "") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        yes_button = box.addButton(yes or tr("Yes"), QMessageBox.ButtonRole.YesRole)
        box.addButton(no or tr("No"), QMessageBox.ButtonRole.NoRole)
        box.exec()
        return box.clickedButton() is yes_button

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value if ok else None

    def choose(self, title: str, label: str, options: Sequence[str]) -> int | None:
        if not options:
            return None
        value, ok = QInputDialog.getItem(self.parent, title, label, list(options), 0, False)
        return list(options).index(value) if ok else None

    def open_file(self, title: str, file_filter: str, directory: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, directory, file_filter)
        return path or None

    def save_file(self, title: str, file_filter: str, suggested: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)
        return path or None

    def conflict(self, title: str, text: str, mine: Mapping[str, object],
                 theirs: Mapping[str, object]) -> None:
        self.warn(title, conflict_text(text, mine, theirs))
