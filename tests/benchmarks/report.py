"""Markdown tables of a benchmark run, pasted into ``docs/performance.md``."""

from __future__ import annotations

import os
import platform
from collections import defaultdict

from tests.benchmarks.harness import Context, Result
from tests.benchmarks.registry import TARGETS


def _secs(x: float | None) -> str:
    if x is None:
        return "–"
    if x < 0.1:
        return f"{x * 1000:.1f} ms"
    return f"{x:.2f} s"


def _base(name: str) -> str:
    head, _, tail = name.rpartition("_")
    return head if tail.isdigit() else name


def markdown(ctx: Context, total_seconds: float) -> str:
    """Headline table (targets), growth table (150 → 10,000) and what is missing."""
    by_name = {r.name: r for r in ctx.results}
    load = " → ".join(f"{a:.1f}" for a, _b, _c in ctx.load) or "?"
    out = [f"Run: `python -m tests.benchmarks{' --quick' if ctx.quick else ''}`, "
           f"{platform.python_implementation()} {platform.python_version()}, "
           f"{platform.machine()}, {os.cpu_count()} CPUs, 1-minute load average {load} "
           f"(start → end), total {total_seconds:.0f} s.", "",
           "| benchmark | n | figure (wall) | CPU | target | met | limit | ratio | runs |",
           "|---|---:|---:|---:|---:|:---:|---:|---:|---:|"]
    for name, target in TARGETS.items():
        r = by_name.get(name)
        if r is None:
            why = ctx.missing.get(_base(name)) or ctx.skipped.get(_base(name)) or "not run"
            out.append(f"| {name} | – | missing | – | {target} | – | – | – | – |  <!-- {why} -->")
            continue
        fig = f"{r.peak_mb:.0f} MB" if r.peak_mb is not None else _secs(r.seconds)
        met = {True: "yes", False: "**no**", None: "–"}[r.met]
        ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "–"
        out.append(f"| {name} | {r.n:,} | {fig} | {_secs(r.cpu_seconds)} | {target} | {met} | "
                   f"{_secs(r.limit_seconds)} | {ratio} | {r.runs} |")
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in ctx.results:
        groups[_base(r.name)].append(r)
    sizes = sorted({r.n for r in ctx.results})
    out += ["", "Growth (median seconds; memory rows in MB; limit in brackets where "
            "measured):", "",
            "| benchmark | " + " | ".join(f"{n:,}" for n in sizes) + " |",
            "|---|" + "---:|" * len(sizes)]
    for base, rows in groups.items():
        cells = []
        by_n = {r.n: r for r in rows}
        for n in sizes:
            r = by_n.get(n)
            if r is None:
                cells.append("")
            elif r.peak_mb is not None:
                cells.append(f"{r.peak_mb:.0f} MB")
            else:
                lim = f" ({_secs(r.limit_seconds)})" if r.limit_seconds is not None else ""
                cells.append(_secs(r.seconds) + lim)
        out.append(f"| {base} | " + " | ".join(cells) + " |")
    if ctx.missing or ctx.skipped:
        out += ["", "Not measured:", ""]
        for name, why in {**ctx.missing, **ctx.skipped}.items():
            out.append(f"- {name}: {why}")
    return "\n".join(out) + "\n"
