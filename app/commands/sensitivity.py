"""``prioritise sensitivity PORTFOLIO [--scenario NAME] [--top K] [--draws N] [--json]``
(DESIGN §7 "Sensitivity"): a reader, no lock.

For each criterion, its weight and the interval within which the top K (members and order)
and — when the scenario has a budget and selects by score — the recommended portfolio do
not change, the other weights scaled in proportion; then every initiative's rank interval
(5th–95th percentile) under ``--draws`` seeded random weight draws.

JSON (one document): ``{"scenario": str, "top_k": int, "top": [id], "criteria": [{"key",
"name", "weight", "top_k": {"low", "high"}, "portfolio": {"low", "high"} | null}],
"portfolio_note": null | "no_budget" | "npv_objective" | "infeasible",
"portfolio_message": null | str (for "infeasible": the selection's message), "rank_intervals": {"draws",
"seed", "concentration", "percentiles": [5, 95], "initiatives": [{"rank", "id", "title",
"mandatory", "low", "median", "high"}]}}``. Weights and interval ends are fractions 0..1;
ranks 1..n; initiatives in rank order. An infeasible selection (forced initiatives beyond
a frame) still exits 0 with the top-k and rank intervals: the portfolio column is left out
(JSON: every ``portfolio`` null) and a note gives the selection's message.

The sentences name, per kind (top K; portfolio), the criterion with the narrowest interval
(``sensitivity.stability_sentences``: the GUI's rule when no row is chosen).
"""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.listing import TITLE_WIDTH, fit
from app.commands.quiet import quiet_stdout
from app.services.errors import UserError
from app.services.formatting import format_number, format_percent
from app.services.i18n import _
from app.services.scoring import rank_arrays
from app.services.sensitivity import (
    INFEASIBLE,
    NO_BUDGET,
    POINT,
    SensitivityReport,
    WeightInterval,
    analyse,
    scenario_inputs,
    stability_sentences,
)
from app.services.store import open_portfolio

#: the most random weight draws: time grows with draws (10,000 take ~0.5 s at 1,000
#: initiatives), and 100,000 already pin every percentile down
MAX_DRAWS = 100_000
#: seed of the random weight draws (the GUI's too: the same intervals everywhere)
SEED = 0


def check_arguments(top: int, draws: int) -> None:
    """Raise ``UserError`` unless ``top`` ≥ 1 and 1 ≤ ``draws`` ≤ ``MAX_DRAWS``."""
    if top < 1:
        raise UserError(_("--top must be at least 1, not {top}").format(top=top))
    if not 1 <= draws <= MAX_DRAWS:
        raise UserError(_("--draws must be between 1 and {most}, not {draws}").format(
            most=format_number(MAX_DRAWS), draws=draws))


def _interval(iv: WeightInterval | None) -> dict[str, float] | None:
    return None if iv is None else {"low": iv.low, "high": iv.high}


def sensitivity_document(report: SensitivityReport, order: list[int], titles: list[str],
                         mandatory: list[bool]) -> dict[str, Any]:
    """The ``sensitivity`` JSON document (see the module docstring); ``order``: model rows
    in rank order; ``titles``/``mandatory`` per model row."""
    ri = report.ranks
    portfolio = report.portfolio or [None] * len(report.topk)
    return {
        "scenario": report.scenario, "top_k": report.top_k, "top": report.top,
        "criteria": [{"key": t.key, "name": t.name, "weight": t.weight,
                      "top_k": _interval(t), "portfolio": _interval(p)}
                     for t, p in zip(report.topk, portfolio)],
        "portfolio_note": report.portfolio_note,
        "portfolio_message": report.portfolio_message,
        "rank_intervals": {
            "draws": ri.draws, "seed": ri.seed, "concentration": ri.concentration,
            "percentiles": [5, 95],
            "initiatives": [{"rank": pos, "id": ri.ids[i], "title": titles[i],
                             "mandatory": mandatory[i], "low": int(ri.p05[i]),
                             "median": int(ri.p50[i]), "high": int(ri.p95[i])}
                            for pos, i in enumerate(order, start=1)],
        },
    }


def _span(iv: WeightInterval) -> str:
    if iv.high - iv.low < POINT:
        return _("no margin")
    return f"{format_percent(iv.low, 1)}–{format_percent(iv.high, 1)}"


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    check_arguments(args.top, args.draws)
    with open_portfolio(args.portfolio, readonly=True) as pf, pf.read() as s:
        inputs = scenario_inputs(s, args.scenario)
    with quiet_stdout():  # the solver library may print to the process's stdout
        report = analyse(inputs, k=args.top, draws=args.draws, seed=SEED)
    model = inputs.model
    order = rank_arrays(model).order.tolist()
    if args.json:
        return 0, sensitivity_document(report, order, model.titles, model.mandatory.tolist())
    k = min(report.top_k, model.n)
    print(_("Sensitivity — scenario: {name}").format(name=report.scenario))
    print(_("How far each weight can move (the other weights scaled in proportion) "
            "before the top {k} or the recommended portfolio changes.").format(k=k))
    heads = [_("Criterion"), _("Weight"), _("Top {k} unchanged").format(k=k)]
    if report.portfolio is not None:
        heads.append(_("Portfolio unchanged"))
    rows = []
    for j, t in enumerate(report.topk):
        row = [t.name, format_percent(t.weight, 1), _span(t)]
        if report.portfolio is not None:
            row.append(_span(report.portfolio[j]))
        rows.append(row)
    wide = [max(len(h), *(len(r[c]) for r in rows)) for c, h in enumerate(heads)]
    print("  ".join(f"{h:<{wide[0]}}" if c == 0 else f"{h:>{wide[c]}}"
                    for c, h in enumerate(heads)))
    for r in rows:
        print("  ".join(f"{x:<{wide[0]}}" if c == 0 else f"{x:>{wide[c]}}"
                        for c, x in enumerate(r)))
    if model.n:
        for sentence in stability_sentences(report.topk, report.portfolio, k):
            print(sentence)
    if report.portfolio_note == INFEASIBLE:
        print(_("The recommended portfolio's intervals cannot be computed because the "
                "selection is infeasible: {message}").format(message=report.portfolio_message))
    elif report.portfolio_note == NO_BUDGET:
        print(_("The scenario has no budget frame, so there is no recommended portfolio to "
                "test."))
    elif report.portfolio_note is not None:
        print(_("The scenario selects by net present value, which the weights do not "
                "change."))
    ri = report.ranks
    print()
    print(_("Rank intervals (5th–95th percentile) from {n} random weight draws "
            "(seeded):").format(n=format_number(ri.draws)))
    wi = max([len(model.ids[i]) for i in order] + [len(_("Id"))])
    wt = min(TITLE_WIDTH, max([len(model.titles[i]) for i in order] + [len(_("Title"))]))
    interval = _("Interval")
    print(f"{_('Rank'):>5}  {_('Id'):<{wi}} {fit(_('Title'), wt)} {interval:>9}")
    for pos, i in enumerate(order, start=1):
        lo, hi = int(ri.p05[i]), int(ri.p95[i])
        span = str(lo) if lo == hi else f"{lo}–{hi}"
        mark = "*" if model.mandatory[i] else " "
        print(f"{pos:>5}{mark} {model.ids[i]:<{wi}} {fit(model.titles[i], wt)} "
              f"{span:>{max(9, len(interval))}}")
    if model.mandatory.any():
        print("* " + _("mandatory"))
    return 0
