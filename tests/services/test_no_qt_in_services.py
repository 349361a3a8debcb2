"""House rule (DESIGN §4): app.models and app.services never import Qt. Every module of
both packages is imported in a fresh interpreter and sys.modules is checked; the same
rule is an import-linter contract in pyproject.toml (``lint-imports``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = r"""
import importlib, json, pkgutil, sys
import app.models, app.services
names = []
for package in (app.models, app.services):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")
            or m.startswith("app.ui"))
print(json.dumps({"modules": names, "qt": qt}))
"""


def test_models_and_services_import_no_qt():
    result = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "app.services.store" in report["modules"] and "app.services.lock" in report["modules"]
    assert report["qt"] == []
