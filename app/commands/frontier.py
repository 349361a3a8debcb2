"""``prioritise frontier PORTFOLIO [--scenario NAME] [--steps N] [--json]`` (DESIGN §6):
the value curve. JSON ``{"points": [{"budget", "total_score", "selected"}]}``, budgets
ascending (plus ``objective_value`` and ``total_cost`` per point, ``scenario``,
``objective`` and ``currency``, the ISO 4217 code of the amounts). Under the scenario's
NNV objective the text shows each point's net present value too (the curve maximises it)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.quiet import quiet_stdout
from app.services.formatting import format_amount, format_score
from app.services.errors import UserError
from app.services.i18n import _
from app.services.selection import NoBudgetError
from app.services.selection_npv import NoNpvError, no_npv_message
from app.services.snapshots import load_settings
from app.services.store import open_portfolio
from app.services.value_curve import frontier

#: the most points a value curve may have: each point is one exact optimisation (the demo
#: takes ~0.05 s a point), and 200 already draws a smooth curve at any chart width
MAX_STEPS = 200


def check_steps(steps: int) -> None:
    """Raise ``UserError`` unless 1 ≤ ``steps`` ≤ ``MAX_STEPS`` (before any work)."""
    if not 1 <= steps <= MAX_STEPS:
        raise UserError(_("--steps must be between 1 and {most}, not {steps}").format(
            most=MAX_STEPS, steps=steps))


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    from app.services.scenarios import get_scenario

    check_steps(args.steps)
    with open_portfolio(args.portfolio, readonly=True) as pf, pf.read() as s:
        scenario = get_scenario(s, args.scenario)
        name, objective = scenario.name, scenario.objective
        try:
            with quiet_stdout():
                points = frontier(s, args.scenario, steps=args.steps)
        except NoBudgetError as exc:
            # the engine's message offers --budget, which select has and frontier has not
            raise NoBudgetError(_(
                "No budget: the scenario “{name}” has no budget frame, and the value curve "
                "runs up to the scenario's frames. Set budget frames on the scenario (in the "
                "program: Recommendation) or name a scenario that has them with --scenario."
            ).format(name=name)) from exc
        except NoNpvError as exc:
            raise NoNpvError(no_npv_message(exc.candidates, _(
                "The scenario “{name}” selects by net present value: choose total score as "
                "its objective (in the program: Recommendation), name a scenario that does "
                "with --scenario, or give the initiatives cost and benefit lines per budget "
                "year.").format(name=name)), exc.candidates, exc.missing) from exc
        currency = load_settings(s).currency
    if args.json:
        return 0, {
            "scenario": name, "objective": objective, "currency": currency,
            "points": [{"budget": p.budget, "total_score": p.total_score,
                        "selected": p.selected, "objective_value": p.objective_value,
                        "total_cost": p.total_cost} for p in points],
        }
    print(_("Value curve — scenario: {name}").format(name=name))
    npv = objective == "npv"
    heads = [_("Budget"), _("Total score (points)"), _("Initiatives")]
    if npv:
        heads.insert(1, _("Net present value"))
    cells = [[format_amount(p.budget, currency),
              *([format_amount(p.objective_value, currency)] if npv else []),
              format_score(p.total_score), str(len(p.selected))] for p in points]
    wide = [max(len(h), *(len(c[k]) for c in cells), 12) for k, h in enumerate(heads)]
    print(" ".join(f"{h:>{w}}" for h, w in zip(heads, wide)))
    for c in cells:
        print(" ".join(f"{x:>{w}}" for x, w in zip(c, wide)))
    return 0
