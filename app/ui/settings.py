"""One typed registry of the application's settings over ``QSettings`` (after Picard's
``config.py`` / ``config_upgrade.py``): each setting has a key, a type and a default;
the stored settings carry a version and are upgraded step by step on load. Window
geometry is kept apart from preferences (``geometry``/``save_geometry``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANISATION = "Prioritise"
APPLICATION = "Prioritise"
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    """A preference: ``key`` in QSettings, its Python ``type`` and ``default``."""

    key: str
    type: type
    default: T


LANGUAGE: Setting[str] = Setting("preferences/language", str, "da")
RECENT_FILES: Setting[list[str]] = Setting("preferences/recent_files", list, [])
TABLE_COLUMNS: Setting[list[str]] = Setting("preferences/table_columns", list, [])
LAST_VIEW: Setting[str] = Setting("preferences/last_view", str, "table")

ALL_SETTINGS: tuple[Setting[Any], ...] = (LANGUAGE, RECENT_FILES, TABLE_COLUMNS, LAST_VIEW)

#: the version of the stored settings this code writes
VERSION = 2


def _upgrade_1_to_2(qs: QSettings) -> None:
    # version 1 kept recent files under "recent" as a plain string list
    old = qs.value("recent")
    if old is not None:
        items = [old] if isinstance(old, str) else list(old)
        qs.setValue(RECENT_FILES.key, json.dumps(items, ensure_ascii=False))
        qs.remove("recent")


#: upgrade steps: from version N to N+1
UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _upgrade_1_to_2}


class Settings:
    """Typed access to the preferences; ``qsettings`` defaults to the user's store."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qs = qsettings or QSettings(ORGANISATION, APPLICATION)
        self._upgrade()

    def _upgrade(self) -> None:
        raw = self.qs.value("settings_version")
        version = int(raw) if raw is not None else (1 if self.qs.allKeys() else VERSION)
        while version < VERSION:
            UPGRADES[version](self.qs)
            version += 1
        self.qs.setValue("settings_version", VERSION)

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when missing or of the wrong type."""
        raw = self.qs.value(setting.key)
        if raw is None:
            return _copy(setting.default)
        try:
            if setting.type is list:
                value = json.loads(raw) if isinstance(raw, str) else list(raw)
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    return _copy(setting.default)
                return value  # type: ignore[return-value]
            if setting.type is bool:
                return (raw in (True, "true", "1", 1)) if not isinstance(raw, bool) else raw  # type: ignore[return-value]
            return setting.type(raw)  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            return _copy(setting.default)

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.type is list:
            self.qs.setValue(setting.key, json.dumps(list(value), ensure_ascii=False))  # type: ignore[call-overload]
        else:
            self.qs.setValue(setting.key, value)
        self.qs.sync()

    # recent portfolios -------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return self.get(RECENT_FILES)

    def add_recent(self, target: str) -> None:
        """Put ``target`` (a path or a URL without password) first in the recent list."""
        items = [t for t in self.recent_files() if t != target]
        self.set(RECENT_FILES, [target, *items][:MAX_RECENT])

    def remove_recent(self, target: str) -> None:
        self.set(RECENT_FILES, [t for t in self.recent_files() if t != target])

    # window geometry (apart from preferences) ----------------------------------------
    def geometry(self, name: str) -> QByteArray | None:
        raw = self.qs.value(f"geometry/{name}")
        return raw if isinstance(raw, QByteArray) else None

    def save_geometry(self, name: str, data: QByteArray) -> None:
        self.qs.setValue(f"geometry/{name}", data)
        self.qs.sync()


def _copy(value: T) -> T:
    return list(value) if isinstance(value, list) else value  # type: ignore[return-value]
