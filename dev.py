#!/usr/bin/env python3
"""Two commands for a fresh machine that has only Python >= 3.11 (see README, Quick start).

    python3 dev.py start    install what is needed, then open the demo portfolio
    python3 dev.py test     install what is needed, then run the whole test suite

Both create a virtual environment in ``.venv`` on first use and reinstall only when
``pyproject.toml`` changes. Extra arguments after ``test`` go to pytest; the suite runs on
up to two cores (pytest-xdist, see ``pytest_args``): ``python3 dev.py test -n 0`` runs it
in one process.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
#: at most this many pytest-xdist workers: CI and the project's machines have 2 cores, and
#: the suite's limit (10 minutes) is for 2 cores
MAX_WORKERS = 2


def ensure_environment(extra: str) -> None:
    """Create ``.venv`` and install the project (with ``extra``) when needed."""
    if sys.version_info < (3, 11):
        sys.exit("Prioritise needs Python 3.11 or newer.")
    if not PYTHON.exists():
        print("Opretter virtuelt miljø i .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()
    stamp = VENV / f".installed-{extra or 'app'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print("Installerer Prioritise og det, den bruger …", flush=True)
    subprocess.check_call([str(PYTHON), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    target = f".[{extra}]" if extra else "."
    subprocess.check_call([str(PYTHON), "-m", "pip", "install", "-q", "-e", target], cwd=ROOT)
    stamp.write_text(digest)


def pytest_args(extra: list[str]) -> list[str]:
    """pytest's arguments for ``dev.py test EXTRA``: one pytest-xdist worker per core, at
    most ``MAX_WORKERS``, each test file run whole by one worker (``--dist loadfile``: a
    file's module-scoped fixtures are built once), then ``extra``, so ``-n 0`` given there
    runs serially. Without xdist when there is one core, or ``extra`` turns it off
    (``-p no:xdist``) or asks for the debugger (``--pdb``, which xdist refuses)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    workers = min(MAX_WORKERS, cores)
    if workers < 2 or "--pdb" in extra or any(a.replace(" ", "").endswith("no:xdist")
                                               for a in extra):
        return list(extra)
    return ["-n", str(workers), "--dist", "loadfile", *extra]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("start", "test"):
        print(__doc__)
        return 2
    if argv[0] == "start":
        ensure_environment("")
        return subprocess.call([str(PYTHON), "-m", "app", "gui", "--demo", *argv[1:]], cwd=ROOT)
    ensure_environment("test")
    lint = subprocess.call([str(BIN / ("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
                           cwd=ROOT)
    code = subprocess.call([str(PYTHON), "-m", "pytest", *pytest_args(argv[1:])], cwd=ROOT)
    return code or lint


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
