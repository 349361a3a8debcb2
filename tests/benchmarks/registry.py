"""The benchmarks in the order they run: (name, function taking a ``Context``)."""

from __future__ import annotations

from collections.abc import Callable

from tests.benchmarks import bench_charts, bench_engine, bench_io, bench_ranking, bench_ui
from tests.benchmarks.harness import Context

BENCHMARKS: list[tuple[str, Callable[[Context], None]]] = [
    ("open_rank", bench_ranking.bench_open_rank),
    ("rerank", bench_ranking.bench_rerank),
    ("sensitivity", bench_engine.bench_sensitivity),
    ("select", bench_engine.bench_select),
    ("frontier", bench_engine.bench_frontier),
    ("sort_filter", bench_ui.bench_sort_filter),
    ("depchart", bench_charts.bench_depchart),
    ("bubble", bench_charts.bench_bubble),
    ("import_xlsx", bench_io.bench_import_xlsx),
    ("bilag", bench_io.bench_bilag),
    ("window", bench_ui.bench_window),
    ("peak_memory", bench_ui.bench_peak_memory),
]

#: the benchmarks issue 9 names, with their targets, for the report
TARGETS: dict[str, str] = {
    "open_rank_5000": "1.0 s",
    "rerank_10000": "20 ms",
    "select_1000": "2 s",
    "frontier_500": "10 s",
    "sensitivity_1000": "1 s",
    "window_5000": "1.5 s",
    "sort_filter_10000": "0.1 s",
    "depchart_1000": "1 s",
    "bubble_5000": "0.5 s",
    "import_xlsx_5000": "4 s",
    "bilag_50": "3 s",
    "bilag_300": "15 s",
    "peak_memory_10000": "400 MB",
}
