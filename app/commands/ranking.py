"""``prioritise rank PORTFOLIO [--scenario NAME] [--json]`` (DESIGN §6): a reader, no lock.

JSON: ``{"scenario", "ranking": [{"rank", "id", "title", "score", "mandatory", "complete",
"contributions": {criterion key: float}}]}`` plus added keys (``criteria`` with names and
weights, ``tie_rule``, ``weight_set``, ``currency`` (ISO 4217, the unit of the amounts),
per row ``completeness``, ``value_for_money``, ``total_cost``, ``lead_department``,
``phase``; ``warnings``: texts in the output language, e.g. that the weights did not sum to
100 % and were scaled, from what sum; ``weight_scaling``: those groups as data).
"""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.listing import TITLE_WIDTH, fit
from app.services.formatting import (
    currency_unit,
    format_percent,
    format_score,
    format_value_for_money,
)
from app.services.i18n import _
from app.services.scoring import Ranking, rank, tie_rule_text
from app.services.snapshots import load_settings
from app.services.store import open_portfolio


def ranking_document(r: Ranking, currency: str = "DKK") -> dict[str, Any]:
    """The ``rank`` JSON document of a ``Ranking``; ``currency``: the portfolio's ISO 4217
    code, the unit of ``total_cost`` (and of value for money's "per 1 mio." / "per DKK 1m")."""
    return {
        "warnings": r.warnings(),
        "weight_scaling": [{"parent": g.parent_key, "sum_percent": g.total}
                           for g in r.weight_groups],
        "scenario": r.scenario, "currency": currency,
        "is_what_if": r.is_what_if,
        "weight_set": {"name": r.weight_set.name, "budget_year": r.weight_set.budget_year,
                       "status": r.weight_set.status},
        "criteria": [{"key": c.key, "name": c.name, "kind": c.kind, "weight": c.weight}
                     for c in r.criteria],
        "tie_rule": r.tie_rule,
        "ranking": [
            {"rank": x.rank, "id": x.id, "title": x.title, "score": x.score,
             "mandatory": x.mandatory, "complete": x.complete,
             "contributions": x.contributions, "completeness": x.completeness,
             "value_for_money": x.value_for_money, "total_cost": x.total_cost,
             "lead_department": x.lead_department, "phase": x.phase}
            for x in r.rows
        ],
    }


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    with open_portfolio(args.portfolio, readonly=True) as pf, pf.read() as s:
        result = rank(s, args.scenario)
        currency = load_settings(s).currency
    if args.json:
        return 0, ranking_document(result, currency)
    title = _("Ranking — scenario: {name}").format(name=result.scenario)
    if result.is_what_if:
        title += "  [" + _("what-if") + "]"
    print(title)
    status = {"draft": _("draft"), "adopted": _("adopted"), "what_if": _("what-if")}.get(
        result.weight_set.status, result.weight_set.status)
    print(_("Weights: {name} ({status})").format(name=result.weight_set.name, status=status))
    for warning in result.warnings():
        print(_("Warning: {text}").format(text=warning))
    heads = (_("Rank"), _("Id"), _("Title"), _("Score (0–100)"), _("Complete"),
             _("Value for money (points per {currency} 1m)").format(
                 currency=currency_unit(currency)))
    ws, wc, wv = max(7, len(heads[3])), max(9, len(heads[4])), max(16, len(heads[5]))
    wi = max([len(x.id) for x in result.rows] + [len(heads[1])])  # ids are never cut
    wt = min(TITLE_WIDTH, max([len(x.title) for x in result.rows] + [len(heads[2])]))
    print(f"{heads[0]:>5}  {heads[1]:<{wi}} {fit(heads[2], wt)} {heads[3]:>{ws}} "
          f"{heads[4]:>{wc}} {heads[5]:>{wv}}")
    for x in result.rows:
        mark = "*" if x.mandatory else " "
        print(f"{x.rank:>5}{mark} {x.id:<{wi}} {fit(x.title, wt)} "
              f"{format_score(x.score):>{ws}} {format_percent(x.completeness, 0):>{wc}} "
              f"{format_value_for_money(x.value_for_money):>{wv}}")
    # the rule orders the whole list (mandatory first, then score, then the tie-breaks)
    order = _("Order: {rule}").format(rule=tie_rule_text())
    print(("* " + _("mandatory") + ". " + order) if any(x.mandatory for x in result.rows)
          else order)
    return 0
