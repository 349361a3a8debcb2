"""``prioritise frontier PORTFOLIO [--scenario NAME] [--steps N] [--json]`` (DESIGN §6):
the value curve. JSON ``{"points": [{"budget", "total_score", "selected"}]}``, budgets
ascending (plus ``objective_value`` and ``total_cost`` per point, and ``scenario``)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.quiet import quiet_stdout
from app.services.formatting import format_amount, format_score
from app.services.errors import UserError
from app.services.i18n import _
from app.services.selection import NoBudgetError
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
        name = get_scenario(s, args.scenario).name
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
        currency = load_settings(s).currency
    if args.json:
        return 0, {
            "scenario": name,
            "points": [{"budget": p.budget, "total_score": p.total_score,
                        "selected": p.selected, "objective_value": p.objective_value,
                        "total_cost": p.total_cost} for p in points],
        }
    print(_("Value curve — scenario: {name}").format(name=name))
    heads = (_("Budget"), _("Total score (points)"), _("Initiatives"))
    wide = max(12, len(heads[1]))
    print(f"{heads[0]:>22} {heads[1]:>{wide}} {heads[2]:>12}")
    for p in points:
        print(f"{format_amount(p.budget, currency):>22} {format_score(p.total_score):>{wide}} "
              f"{len(p.selected):>12}")
    return 0
