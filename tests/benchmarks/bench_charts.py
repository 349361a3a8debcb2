"""depchart and bubble: laying out and drawing the dependency chart; the bubble chart.

Application paths measured (offscreen, 1280×720 panels, drawn with ``QWidget.grab`` so
every item is painted): ``DependencyPanel.set_data(rows, units)`` — dependency analysis,
lanes and layout (``charts.dependency_chart``) and the pyqtgraph plot — on the snapshot
rows the view already holds; for the bubble chart, everything the view does when shown:
``charts.sources.chart(session, "bubble")`` (scores, NNV, description) and
``BubblePanel.show_chart``. Limits: bare pyqtgraph drawing the same number of points and
line segments (dependency chart) or points (bubble chart) in a plot of the same size.
"""

from __future__ import annotations

import numpy as np

from tests.benchmarks.bench_ui import _need, _qt_app
from tests.benchmarks.generator import cached_portfolio
from tests.benchmarks.harness import GROWTH_SIZES, Context, Result, median_time

SIZE = (1280, 720)


def _bare_plot(points: int, segments: int) -> float:
    """Seconds for pyqtgraph to build and draw ``points`` scatter points and
    ``segments`` line segments in a 1280×720 plot (the limit)."""
    import time

    import pyqtgraph as pg

    rng = np.random.default_rng(1)
    t0 = time.perf_counter()
    w = pg.PlotWidget()
    w.resize(*SIZE)
    if segments:
        xy = rng.random((2 * segments, 2))
        w.plot(xy[:, 0], xy[:, 1], connect="pairs", pen=pg.mkPen("#888", width=1))
    xy = rng.random((points, 2))
    w.addItem(pg.ScatterPlotItem(xy[:, 0], xy[:, 1], size=rng.uniform(6, 30, points),
                                 brush=pg.mkBrush("#0072B2")))
    w.grab()
    took = time.perf_counter() - t0
    w.deleteLater()
    return took


def bench_depchart(ctx: Context) -> None:
    """depchart_N: lay out and draw N nodes; the headline portfolio has 3 edges per node
    (1,000 nodes, 3,000 edges; target 1 s), the growth sizes 1.5."""
    panel_mod = _need("app.ui.charts.dependency_view", "DependencyPanel")
    from app.services.snapshots import load_initiatives, load_units
    from app.services.store import open_portfolio

    _qt_app()
    for n in ctx.sizes("depchart", GROWTH_SIZES, (1_000,)):
        deps = 3.0 if n == 1_000 else 1.5
        with open_portfolio(cached_portfolio(n, deps_per_initiative=deps),
                            readonly=True) as pf, pf.read() as s:
            rows, units = load_initiatives(s), load_units(s)
        edges = sum(len(r.requires) for r in rows)
        panel = panel_mod.DependencyPanel()
        panel.resize(*SIZE)
        panel.show()

        def run(_: object) -> None:
            panel.set_data(rows, units)
            panel.grab()

        run(None)  # warm-up: fonts, pyqtgraph's first plot
        runs = ctx.reps(5, 3) if n <= 1_000 else ctx.reps(3, 1)
        t = ctx.time(run, runs)
        panel.close()
        panel.deleteLater()
        lim = median_time(lambda _: _bare_plot(n, edges), ctx.last_runs)
        ctx.add(Result(f"depchart_{n}", n, t, limit_seconds=lim,
                       target_seconds=1.0 if n == 1_000 else None, runs=ctx.last_runs,
                       note=f"{edges} edges"))
        ctx.log(f"    ({n} nodes, {edges} edges)")


def bench_bubble(ctx: Context) -> None:
    """bubble_N: the bubble chart (value against cost) from the store to pixels (target
    0.5 s at 5,000)."""
    sources = _need("app.services.charts.sources", "chart")
    panels = _need("app.ui.charts.panels", "BubblePanel")
    from app.services.store import open_portfolio

    _qt_app()
    for n in ctx.sizes("bubble", GROWTH_SIZES, (5_000,)):
        with open_portfolio(cached_portfolio(n), readonly=True) as pf, pf.read() as s:
            panel = panels.BubblePanel()
            panel.resize(*SIZE)
            panel.show()

            def run(_: object) -> None:
                chart = sources.chart(s, "bubble")
                assert len(chart.bubbles) > 0.8 * n
                panel.show_chart(chart)
                panel.grab()

            run(None)
            runs = ctx.reps(5, 3) if n <= 5_000 else ctx.reps(3, 1)
            t = ctx.time(run, runs)
            panel.close()
            panel.deleteLater()
        lim = median_time(lambda _: _bare_plot(n, 0), ctx.last_runs)
        ctx.add(Result(f"bubble_{n}", n, t, limit_seconds=lim,
                       target_seconds=0.5 if n == 5_000 else None, runs=ctx.last_runs))
