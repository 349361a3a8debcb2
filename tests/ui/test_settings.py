"""The typed settings registry: defaults, types, upgrade of old settings, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.ui.settings import LANGUAGE, MAX_RECENT, RECENT_FILES, TABLE_COLUMNS, VERSION, Settings


def _qs(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def test_defaults_and_round_trip(tmp_path: Path) -> None:
    s = Settings(_qs(tmp_path))
    assert s.get(LANGUAGE) == "da"
    assert s.get(TABLE_COLUMNS) == []
    s.set(TABLE_COLUMNS, ["id", "title"])
    s.set(LANGUAGE, "en")
    again = Settings(_qs(tmp_path))
    assert again.get(TABLE_COLUMNS) == ["id", "title"] and again.get(LANGUAGE) == "en"


def test_wrong_type_falls_back_to_the_default(tmp_path: Path) -> None:
    qs = _qs(tmp_path)
    qs.setValue(TABLE_COLUMNS.key, "{not json")
    assert Settings(qs).get(TABLE_COLUMNS) == []


def test_version_1_recent_list_is_upgraded(tmp_path: Path) -> None:
    qs = _qs(tmp_path)
    qs.setValue("recent", ["C:/Users/mette/OneDrive - Kommune/Portefølje 2027.portfolio"])
    qs.setValue("settings_version", 1)
    qs.sync()
    s = Settings(_qs(tmp_path))
    assert s.recent_files() == ["C:/Users/mette/OneDrive - Kommune/Portefølje 2027.portfolio"]
    assert int(s.qs.value("settings_version")) == VERSION


def test_recent_files_most_recent_first_without_duplicates(tmp_path: Path) -> None:
    s = Settings(_qs(tmp_path))
    for i in range(MAX_RECENT + 2):
        s.add_recent(f"/p/{i}.portfolio")
    s.add_recent("/p/3.portfolio")
    recent = s.get(RECENT_FILES)
    assert recent[0] == "/p/3.portfolio" and len(recent) == MAX_RECENT
    assert len(set(recent)) == len(recent)
