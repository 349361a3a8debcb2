"""``python -m tests.benchmarks [--quick] [--json OUT] [--only NAME ...]`` (issue 9).

Runs every benchmark at its target size and at the growth sizes 150 / 1,000 / 5,000 /
10,000 where that makes sense, prints one line per figure, and writes the JSON document
``{"results": [...]}``. ``--quick`` keeps every size and only cuts the repeats. A
benchmark whose application code has not landed is reported as missing (on stderr and
with ``--markdown``), never faked. Exit code 0 even when targets are missed: the figures
are the result; ``docs/performance.md`` explains any shortfall.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.generator import cache_dir, cached_portfolio  # noqa: E402
from tests.benchmarks.harness import GROWTH_SIZES, Context, Missing, document  # noqa: E402
from tests.benchmarks.registry import BENCHMARKS  # noqa: E402
from tests.benchmarks.report import markdown  # noqa: E402


def prepare() -> None:
    """Generate (once; then from the cache) every portfolio and spreadsheet the
    benchmarks use, so that no figure includes generating its input."""
    from tests.benchmarks.bench_io import cached_source

    for n in sorted({50, 150, 300, 500, *GROWTH_SIZES}):
        cached_portfolio(n)
    cached_portfolio(1_000, deps_per_initiative=3.0)
    for n in GROWTH_SIZES:
        cached_source(n)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="fewer repeats, every size")
    p.add_argument("--json", metavar="OUT", help="write the JSON document here")
    p.add_argument("--markdown", metavar="OUT", help="write the figures as Markdown tables")
    p.add_argument("--share", type=float, default=None, metavar="SECONDS",
                   help="seconds a benchmark's growth sizes may take before larger ones "
                        "are skipped (default 60 with --quick, 900 without)")
    p.add_argument("--only", nargs="*", default=None, metavar="NAME",
                   help="run only these benchmarks (e.g. open_rank rerank)")
    args = p.parse_args(argv)

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    started = time.perf_counter()
    from tests.benchmarks.bench_ui import start_spawner, stop_spawner

    start_spawner()  # first, while this process is small (see tests/benchmarks/spawner.py)
    with tempfile.TemporaryDirectory(prefix="prioritise-bench-") as tmp:
        ctx = Context(quick=args.quick, workdir=Path(tmp), log=log)
        if args.share is not None:
            ctx.share_quick = ctx.share_full = args.share
        ctx.load.append(os.getloadavg())
        t0 = time.perf_counter()
        prepare()
        log(f"portfolios and spreadsheets ready ({time.perf_counter() - t0:.1f} s; cached in "
            f"{cache_dir()})")
        for name, fn in BENCHMARKS:
            if args.only is not None and name not in args.only:
                continue
            t0 = time.perf_counter()
            ctx.start_benchmark()
            log(f"{name}:")
            try:
                fn(ctx)
            except Missing as exc:
                ctx.missing[name] = str(exc)
                log(f"  MISSING: {exc}")
            except Exception as exc:  # a failing benchmark is reported, the rest still run
                ctx.skipped[name] = f"{type(exc).__name__}: {exc}"
                log(f"  FAILED: {type(exc).__name__}: {exc}")
                traceback.print_exc(file=sys.stderr)
            log(f"  ({time.perf_counter() - t0:.1f} s)")
        ctx.load.append(os.getloadavg())
    stop_spawner()
    total = time.perf_counter() - started
    log(f"total {total:.1f} s")
    doc = document(ctx.results)
    if args.json:
        Path(args.json).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    else:
        print(json.dumps(doc, indent=2))
    if args.markdown:
        Path(args.markdown).write_text(markdown(ctx, total), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
