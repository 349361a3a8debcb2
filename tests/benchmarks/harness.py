"""Timing, results and the JSON document of the benchmark suite (issue 9).

Every figure is the median of several runs (``time.perf_counter``, wall clock). Where the
bare library can do the same algorithm (same sort, same scan) its time is measured in the
same run as the "limit"; the ratio seconds / limit is reported only when the limit takes
at least ``RATIO_MIN_LIMIT`` seconds (below that the ratio is mostly interpreter noise).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: the ratio to the limit is reported when the limit takes at least this long (issue 9)
RATIO_MIN_LIMIT = 0.050
#: sizes at which a benchmark is also run to show how it grows
GROWTH_SIZES = (150, 1_000, 5_000, 10_000)


class Missing(Exception):
    """The application code this benchmark measures has not landed (yet)."""


@dataclass
class Result:
    """One row of the JSON document. Seconds are wall-clock medians; memory in MB."""

    name: str
    n: int
    seconds: float
    limit_seconds: float | None = None
    target_seconds: float | None = None
    peak_mb: float | None = None
    target_mb: float | None = None
    runs: int = 1
    note: str = ""
    #: median CPU seconds of the measured process (children included for subprocess
    #: benchmarks); not part of the JSON — shown in the report because a loaded machine
    #: inflates wall time but hardly CPU time
    cpu_seconds: float | None = None

    @property
    def ratio(self) -> float | None:
        """seconds / limit_seconds, when the limit takes ≥ 50 ms; else None."""
        if self.limit_seconds is None or self.limit_seconds < RATIO_MIN_LIMIT:
            return None
        return self.seconds / self.limit_seconds

    @property
    def met(self) -> bool | None:
        """Whether the target (time or memory) is met; None when the row has no target."""
        if self.target_mb is not None and self.peak_mb is not None:
            return self.peak_mb <= self.target_mb
        if self.target_seconds is not None:
            return self.seconds <= self.target_seconds
        return None

    def to_json(self) -> dict[str, Any]:
        """The row exactly as issue 9 specifies it (no other keys)."""
        def r(x: float | None, d: int = 6) -> float | None:
            return None if x is None else round(float(x), d)

        return {
            "name": self.name, "n": int(self.n), "seconds": r(self.seconds),
            "limit_seconds": r(self.limit_seconds), "ratio": r(self.ratio, 3),
            "target_seconds": r(self.target_seconds), "peak_mb": r(self.peak_mb, 1),
            "target_mb": r(self.target_mb, 1),
        }


@dataclass
class Context:
    """What every benchmark gets: repeat policy, a scratch folder, and the log."""

    quick: bool
    workdir: Path
    log: Callable[[str], None] = print
    results: list[Result] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    #: seconds one figure may take before further repeats are dropped (at least one run)
    budget_quick: float = 6.0
    budget_full: float = 60.0
    last_runs: int = 0
    last_cpu: float | None = None
    load: list[tuple[float, float, float]] = field(default_factory=list)
    child_cpu: list[float] = field(default_factory=list)

    #: seconds one benchmark's growth sizes may take in total (headline sizes always run)
    share_quick: float = 60.0
    share_full: float = 900.0
    bench_started: float = 0.0
    _last_size: tuple[int, float] | None = None

    def start_benchmark(self) -> None:
        """Called by the runner before each benchmark."""
        self.bench_started = time.perf_counter()
        self._last_size = None

    def sizes(self, name: str, sizes: tuple[int, ...], headline: tuple[int, ...]):
        """Yield the sizes to run, ascending. Headline sizes and sizes up to 1,000 always
        run; a larger one is skipped (and listed in ``skipped``) when, extrapolated
        linearly from the last size's wall time, it would take the benchmark past its
        share of the run."""
        share = self.share_quick if self.quick else self.share_full
        for n in sizes:
            now = time.perf_counter()
            if n not in headline and n > 1_000 and self._last_size is not None:
                prev_n, prev_secs = self._last_size
                predicted = prev_secs * n / prev_n
                if now - self.bench_started + predicted > share:
                    self.skipped[f"{name}_{n}"] = (
                        f"not run{' with --quick' if self.quick else ''}: extrapolated "
                        f"{predicted:.0f} s from {prev_n:,} initiatives would pass this "
                        f"benchmark's share of the run ({share:.0f} s)")
                    self.log(f"  {name}_{n}: skipped ({self.skipped[f'{name}_{n}']})")
                    continue
            yield n
            self._last_size = (n, time.perf_counter() - now)

    def reps(self, full: int, quick: int = 3) -> int:
        """How many runs to take the median of: fewer with ``--quick``."""
        return max(1, quick if self.quick else full)

    def time(self, fn: Callable[[Any], Any], runs: int,
             setup: Callable[[], Any] | None = None) -> float:
        """``median_time`` within this run's time budget per figure; the number of runs
        actually taken is left in ``last_runs``."""
        budget = self.budget_quick if self.quick else self.budget_full
        secs, self.last_runs, self.last_cpu = median_time(fn, runs, setup, budget=budget,
                                                          counted=True)
        return secs

    def add(self, result: Result) -> Result:
        self.results.append(result)
        lim = f" limit {result.limit_seconds:.4f}s" if result.limit_seconds is not None else ""
        rat = f" ratio {result.ratio:.2f}" if result.ratio is not None else ""
        tgt = ""
        if result.target_seconds is not None:
            tgt = f" target {result.target_seconds:g}s"
        if result.peak_mb is not None:
            tgt += f" peak {result.peak_mb:.0f} MB"
            if result.target_mb is not None:
                tgt += f" target {result.target_mb:g} MB"
        if result.cpu_seconds is None and self.last_cpu is not None:
            result.cpu_seconds = self.last_cpu
        self.last_cpu = None
        cpu = f" cpu {result.cpu_seconds:.4f}s" if result.cpu_seconds is not None else ""
        met = {True: " OK", False: " MISSED", None: ""}[result.met]
        self.log(f"  {result.name:<22} n={result.n:<6} {result.seconds:9.4f}s{cpu}{lim}{rat}{tgt}{met}"
                 f" (median of {result.runs})")
        return result


def median_time(fn: Callable[[Any], Any], runs: int,
                setup: Callable[[], Any] | None = None, *, budget: float | None = None,
                counted: bool = False) -> Any:
    """Median wall-clock seconds of ``fn(setup())`` over ``runs`` runs; ``setup`` untimed.

    The garbage collector runs before each run, so one run's garbage does not land in the
    next run's time. With ``budget`` (s), no further run starts once the timed runs took
    that long (a slow figure is the median of fewer runs). ``counted`` → (median, runs).
    """
    times: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        arg = setup() if setup is not None else None
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        if budget is not None and sum(times) >= budget:
            break
    med = statistics.median(times)
    return (med, len(times), statistics.median(cpus)) if counted else med


def document(results: list[Result]) -> dict[str, Any]:
    """The JSON document of issue 9: ``{"results": [...]}``."""
    return {"results": [r.to_json() for r in results]}
