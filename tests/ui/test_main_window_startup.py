"""Start-up of the main window (issue 5: interactive under 1.5 s at 5,000 initiatives):
opening a portfolio at head on the table imports none of the heavy libraries that only
other views, migrations or exports need. Run in a fresh process, as `prioritise gui` is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: imported on first use only: migrations, other views' charts and solvers, exports
HEAVY = ("alembic", "mako", "numpy", "scipy", "pyqtgraph", "numpy_financial", "reportlab",
         "openpyxl", "networkx", "highspy", "docx")

_PROBE = """
import json, sys
from PySide6.QtCore import QSettings
from app.ui import opening
from app.ui.app import make_application
from app.ui.dialogs import QtDialogService
from app.ui.main_window import MainWindow
from app.ui.settings import Settings

app = make_application("da")
settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
dialogs = QtDialogService()
window = MainWindow(settings, dialogs=dialogs)
window.set_portfolio(opening.open_for_editing(sys.argv[1], dialogs))
window.show()
app.processEvents()
table = window.stack.currentWidget()
print(json.dumps({"view": window.current_view_key(), "rows": table.model.rowCount(),
                  "loaded": sorted(m for m in json.loads(sys.argv[3]) if m in sys.modules)}))
window.close()
"""


def test_opening_on_the_table_imports_no_heavy_library(sample_path: Path,
                                                       tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(sample_path), str(tmp_path / "settings.ini"),
         json.dumps(HEAVY)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["view"] == "table" and result["rows"] == 4
    assert result["loaded"] == []
