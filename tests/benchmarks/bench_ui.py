"""window, peak_memory and sort_filter: the main window from process start, peak memory
with the portfolio open and ranked, and sorting and filtering in the table model.

Application paths measured: a subprocess running the GUI's own start-up steps
(``window_child``: ``make_application``, ``Settings``, ``opening.open_for_editing``,
``MainWindow.set_portfolio``, ``show``) until the event loop is idle with the table
filled and painted; ``InitiativeTableModel.sort`` + ``set_filter`` over the snapshot
``table_rows.load_table`` gives. Limits: a bare PySide6 process showing the same rows
read with sqlite3 in a ``QTableView`` (``window_bare``); Python's ``sorted`` and a list
scan over the same rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.generator import ROOT, cached_portfolio, working_copy
from tests.benchmarks.harness import GROWTH_SIZES, Context, Missing, Result, median_time



def _need(module: str, *names: str):
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise Missing(f"{module}: {exc}") from exc
    for name in names:
        if not hasattr(mod, name):
            raise Missing(f"{module}.{name}")
    return mod


_SPAWNER: subprocess.Popen | None = None


def start_spawner() -> None:
    """Start ``tests.benchmarks.spawner`` while this process is still small (see there
    why: a child's ``ru_maxrss`` would otherwise include this process's memory)."""
    global _SPAWNER
    if _SPAWNER is None or _SPAWNER.poll() is not None:
        _SPAWNER = subprocess.Popen([sys.executable, "-m", "tests.benchmarks.spawner"],
                                    cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def stop_spawner() -> None:
    global _SPAWNER
    if _SPAWNER is not None:
        assert _SPAWNER.stdin is not None
        _SPAWNER.stdin.close()
        _SPAWNER.wait(timeout=30)
        _SPAWNER = None


def _child(ctx: Context, args: list[str], tag: str) -> list[tuple[float, dict]]:
    """Run ``python -m <args>`` (through the spawner) with scratch preferences; (seconds
    since the request, JSON line) for every JSON line it prints. Raises RuntimeError when
    it fails or prints nothing. The child's CPU seconds are added to ``ctx.child_cpu``."""
    start_spawner()
    assert _SPAWNER is not None and _SPAWNER.stdin is not None and _SPAWNER.stdout is not None
    cfg = ctx.workdir / "xdg-config"
    cfg.mkdir(exist_ok=True)
    env = dict(os.environ, XDG_CONFIG_HOME=str(cfg), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    log = ctx.workdir / f"{tag}.stderr.txt"
    out: list[tuple[float, dict]] = []
    t0 = time.perf_counter()
    _SPAWNER.stdin.write(json.dumps({"args": [sys.executable, "-m", *args], "env": env,
                                     "cwd": str(ROOT), "stderr": str(log)}) + "\n")
    _SPAWNER.stdin.flush()
    code, cpu = None, 0.0
    for raw in _SPAWNER.stdout:
        t = time.perf_counter() - t0
        msg = json.loads(raw)
        if "exit" in msg:
            code, cpu = msg["exit"], msg["cpu"]
            break
        if msg["line"].startswith("{"):
            out.append((t, json.loads(msg["line"])))
    ctx.child_cpu.append(cpu)
    if code != 0 or not out or "error" in out[-1][1]:
        tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
        raise RuntimeError(f"{' '.join(args[:1])} exited {code}: {tail}")
    return out


def bench_window(ctx: Context) -> None:
    """window_N: from process start to an idle main window with the table filled
    (target 1.5 s at 5,000)."""
    _need("app.ui.main_window", "MainWindow")
    _need("app.ui.opening", "open_for_editing")
    _need("app.ui.views.table", "TableView")
    for n in ctx.sizes("window", GROWTH_SIZES, (5_000,)):
        path = working_copy(cached_portfolio(n), ctx.workdir / f"window{n}")
        runs = ctx.reps(5, 3) if n == 5_000 else ctx.reps(3, 1)
        times, bare, cpus = [], [], []
        for i in range(runs):
            times.append(_child(ctx, ["tests.benchmarks.window_child", str(path), str(n)],
                                f"window{n}-{i}")[0][0])
            cpus.append(ctx.child_cpu[-1])
            bare.append(_child(ctx, ["tests.benchmarks.window_bare", str(path), str(n)],
                               f"bare{n}-{i}")[0][0])
            if sum(times) >= (ctx.budget_quick if ctx.quick else ctx.budget_full):
                break
        ctx.last_runs = len(times)
        times.sort()
        bare.sort()
        ctx.last_cpu = sorted(cpus)[len(cpus) // 2]
        ctx.add(Result(f"window_{n}", n, times[len(times) // 2],
                       limit_seconds=bare[len(bare) // 2],
                       target_seconds=1.5 if n == 5_000 else None, runs=ctx.last_runs))


def bench_peak_memory(ctx: Context) -> None:
    """peak_memory_N: peak resident memory (ru_maxrss) of the GUI process with the
    portfolio open in the table and then ranked in the ranking view (target 400 MB at
    10,000). Seconds = process start until the ranking view is idle."""
    _need("app.ui.main_window", "MainWindow")
    _need("app.ui.views.ranking", "RankingView")
    for n in ctx.sizes("peak_memory", GROWTH_SIZES, (10_000,)):
        path = working_copy(cached_portfolio(n), ctx.workdir / f"memory{n}")
        runs = ctx.reps(3, 1)
        peaks, secs, cpus = [], [], []
        for i in range(runs):
            lines = _child(ctx, ["tests.benchmarks.window_child", str(path), str(n),
                                 "--then", "ranking"], f"memory{n}-{i}")
            if lines[-1][1].get("view") != "ranking":
                raise RuntimeError("the ranking view never became idle")
            cpus.append(ctx.child_cpu[-1])
            peaks.append(lines[-1][1]["maxrss_mb"])
            secs.append(lines[-1][0])
            if sum(secs) >= (ctx.budget_quick if ctx.quick else ctx.budget_full):
                break
        ctx.last_runs = len(secs)
        peaks.sort()
        secs.sort()
        ctx.last_cpu = sorted(cpus)[len(cpus) // 2]
        ctx.add(Result(f"peak_memory_{n}", n, secs[len(secs) // 2],
                       peak_mb=peaks[len(peaks) // 2],
                       target_mb=400.0 if n == 10_000 else None, runs=ctx.last_runs))


def _qt_app():
    """The process's QApplication (offscreen), without the offscreen plugin's harmless
    "does not support propagateSizeHints()" notes."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def handler(_mode: object, _ctx: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(handler)
        app = QApplication([])
    return app


def bench_sort_filter(ctx: Context) -> None:
    """sort_filter_N: sort by title (keys not yet cached) then filter by text, unit and
    phase in the table model (target 0.1 s at 10,000)."""
    table_mod = _need("app.ui.models.initiative_table", "InitiativeTableModel", "TableFilter")
    rows_mod = _need("app.services.table_rows", "load_table")
    from PySide6.QtCore import Qt

    from app.services.store import open_portfolio

    _qt_app()
    for n in ctx.sizes("sort_filter", GROWTH_SIZES, (10_000,)):
        with open_portfolio(cached_portfolio(n), readonly=True) as pf, pf.read() as s:
            data = rows_mod.load_table(s)
        unit = next(u.id for u in data.units.values() if u.kind == "forvaltning")
        flt = table_mod.TableFilter(text="digital", unit_id=unit, phase="proposal")

        def fresh() -> object:
            model = table_mod.InitiativeTableModel()
            model.set_table(data)
            return model

        def run(model) -> None:
            col = model.column_keys().index("title")
            model.sort(col, Qt.SortOrder.DescendingOrder)
            model.set_filter(flt)
            assert model.rowCount() < n  # the filter took effect

        runs = ctx.reps(9, 5)
        t = ctx.time(run, runs, setup=fresh)

        rows = data.rows
        units = data.units

        def under(uid: int | None) -> bool:
            while uid is not None:
                if uid == unit:
                    return True
                uid = units[uid].parent_id if uid in units else None
            return False

        hay = [" ".join((r.id, r.title, r.description, " ".join(r.departments),
                         r.project_owner, r.project_manager)).casefold() for r in rows]

        def bare(_: object) -> None:  # the search text is prepared, as in set_table
            order = sorted(range(len(rows)), key=lambda i: rows[i].title.casefold(),
                           reverse=True)
            [i for i in order if "digital" in hay[i] and rows[i].phase == "proposal"
             and (under(rows[i].lead_unit_id) or any(under(u) for u in rows[i].unit_ids))]

        lim = median_time(bare, ctx.last_runs)
        ctx.add(Result(f"sort_filter_{n}", n, t, limit_seconds=lim,
                       target_seconds=0.1 if n == 10_000 else None, runs=ctx.last_runs))
