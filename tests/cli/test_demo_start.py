"""The README's run command (``python3 dev.py start`` = ``python -m app gui --demo``) opens
the demo: ``gui --demo`` creates Eksempel Kommune once in the user data folder
(``opening.ensure_demo``), never over an existing file, and ``gui --demo`` renders that
same file (issue 3, acceptance)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the user data folder is set through XDG_DATA_HOME")


def test_dev_start_runs_gui_demo():
    source = (Path(__file__).resolve().parents[2] / "dev.py").read_text(encoding="utf-8")
    assert '"-m", "app", "gui", "--demo"' in source


def test_gui_demo_creates_the_demo_once_and_opens_it(cli, tmp_path, monkeypatch):
    import json

    from app.ui import opening

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data æøå"))
    path = opening.demo_path()
    assert path.name == "Eksempel Kommune.portfolio" and str(tmp_path) in str(path)
    assert opening.ensure_demo() == path and path.is_file()
    before = path.read_bytes()
    assert opening.ensure_demo() == path and path.read_bytes() == before  # never re-created
    listed = cli("list", str(path), "--json")
    assert listed.returncode == 0, listed.stderr
    ids = [i["id"] for i in json.loads(listed.stdout)["initiatives"]]
    assert ids[0] == "EK-001" and 30 <= len(ids) <= 40
    png = tmp_path / "demo.png"
    r = cli("gui", "--demo", "--view", "table", "--screenshot", str(png),
            env={"XDG_DATA_HOME": str(tmp_path / "data æøå"), "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 720)
    assert path.read_bytes() == before
