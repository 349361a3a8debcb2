"""Start-up of the main window (issue 5: interactive under 1.5 s at 5,000 initiatives),
run as `prioritise gui PORTFOLIO` in a fresh process: opening a portfolio at head on the
table imports none of the heavy libraries that only other views, migrations or exports
need, and the garbage collector is paused until the window is shown, then resumed."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: imported on first use only: migrations, other views' charts and solvers, exports
HEAVY = ("alembic", "mako", "numpy", "scipy", "pyqtgraph", "numpy_financial", "reportlab",
         "openpyxl", "networkx", "highspy", "docx")

# `prioritise gui PORTFOLIO` with the event loop replaced by one round of events
_PROBE = """
import gc, json, sys
import PySide6.QtWidgets as W
from app.ui import startup

seen = {"collections": 0}
gc.callbacks.append(lambda phase, info: phase == "start" and seen.update(
    collections=seen["collections"] + 1))
real_pause, real_resume = startup.pause_garbage_collection, startup.resume_garbage_collection

def pause():
    real_pause()
    seen.update(collections_at_pause=seen["collections"])

def resume():
    seen.update(paused_until_shown=startup.is_paused() and not gc.isenabled(),
                collections_while_paused=seen["collections"] - seen["collections_at_pause"])
    real_resume()

startup.pause_garbage_collection = pause
startup.resume_garbage_collection = resume

def one_round(*_args):
    W.QApplication.processEvents()
    from app.ui.main_window import MainWindow
    window = next(w for w in W.QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    seen.update(view=window.current_view_key(),
                rows=window.stack.currentWidget().model.rowCount(),
                loaded=sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules),
                enabled_after=gc.isenabled(), frozen=gc.get_freeze_count() > 0)
    window.close()
    return 0

W.QApplication.exec = one_round
from app.cli import main
seen["exit"] = main(["gui", sys.argv[1]])
print(json.dumps(seen))
"""


def test_prioritise_gui_opens_the_table_without_heavy_imports_or_collections(
        sample_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PRIORITISE_LANG": "da"}
    out = subprocess.run([sys.executable, "-c", _PROBE, str(sample_path), json.dumps(HEAVY)],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["exit"] == 0
    assert seen["view"] == "table" and seen["rows"] == 4
    assert seen["loaded"] == []
    assert seen["paused_until_shown"] and seen["collections_while_paused"] == 0
    assert seen["enabled_after"] and seen["frozen"]


def test_without_a_pause_showing_the_window_leaves_the_collector_alone(window) -> None:
    from app.ui import startup

    assert not startup.is_paused()
    frozen = gc.get_freeze_count()
    window.show()
    assert gc.isenabled() and gc.get_freeze_count() == frozen
