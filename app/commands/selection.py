"""``prioritise select PORTFOLIO [--scenario NAME] [--objective score|npv]
[--budget AMOUNT | --budget YEAR=AMOUNT ...] [--json]`` (DESIGN §6): a reader, no lock.

Amounts are read locale-independently (``1234.5``; no thousands separators). Without a
budget given and none in the scenario: exit 2. An infeasible model: exit 2 naming what
conflicts.
"""

from __future__ import annotations

import argparse
import math
import re
from typing import Any

from app.commands.quiet import quiet_stdout
from app.services.errors import UserError
from app.services.formatting import format_amount, format_number
from app.services.i18n import _
from app.services.selection import SelectionResult, select_portfolio
from app.services.snapshots import load_settings
from app.services.store import open_portfolio

_NUMBER = re.compile(r"^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_amount(text: str) -> float:
    """A non-negative amount written locale-independently ("1234.5", "2.5e6").
    Raises ``UserError`` otherwise (e.g. "1.234,5" or "-3")."""
    t = text.strip().replace("_", "")
    if not _NUMBER.match(t):
        raise UserError(_("Not an amount: '{text}' (write e.g. 2500000 or 2.5e6)").format(text=text))
    value = float(t)
    if not math.isfinite(value):
        raise UserError(_("Not an amount: '{text}' (write e.g. 2500000 or 2.5e6)").format(text=text))
    return value


def parse_budget(values: list[str] | None) -> float | dict[int, float] | None:
    """``--budget`` values → one total, or {year: amount}; None when not given.
    Raises ``UserError`` for a bad amount or year, a year given twice, or a total mixed
    with yearly budgets."""
    if not values:
        return None
    totals: list[float] = []
    yearly: dict[int, float] = {}
    for v in values:
        if "=" in v:
            year_text, amount_text = v.split("=", 1)
            if not re.fullmatch(r"\s*\d{4}\s*", year_text):
                raise UserError(_("Not a budget year: '{text}' in --budget {value}").format(
                    text=year_text, value=v))
            year = int(year_text)
            if year in yearly:
                raise UserError(_("The budget for {year} is given twice").format(year=year))
            yearly[year] = parse_amount(amount_text)
        else:
            totals.append(parse_amount(v))
    if totals and yearly or len(totals) > 1:
        raise UserError(_("Give either one total --budget AMOUNT or --budget YEAR=AMOUNT per year"))
    return totals[0] if totals else yearly


def print_result(result: SelectionResult, titles: dict[str, str], currency: str) -> None:
    """The readable (Danish by default) report of a selection."""
    head = _("Recommended portfolio — scenario: {name}").format(name=result.scenario)
    if result.is_what_if:
        head += "  [" + _("what-if") + "]"
    print(head)
    print(_("Objective: {objective}. Optimal: {optimal}").format(
        objective=result.objective, optimal=_("yes") if result.optimal else _("no")))
    for u in result.frame_use:
        amount = (format_amount(u.used, currency) if u.unit == "kr."
                  else f"{format_number(u.used, 2)} {u.unit}")
        cap = (format_amount(u.cap, currency) if u.unit == "kr."
               else f"{format_number(u.cap, 2)} {u.unit}")
        mark = "  ← " + _("binding") if u.binding else ""
        print(f"  {u.name:<28} {amount:>22} / {cap:>22}{mark}")
    print(_("Selected ({n}):").format(n=len(result.selected)))
    always = set(result.always_in)
    for i in result.selected:
        tag = " [" + _("always in") + "]" if i in always else ""
        print(f"  {i:<16} {titles.get(i, '')[:60]}{tag}")
    print(_("Total score {score}; total cost {cost}").format(
        score=format_number(result.total_score, 3), cost=format_amount(result.total_cost, currency)))
    print(_("Price of mandatory: {price}").format(price=format_number(result.price_of_mandatory, 3)))
    print(_("Greedy cut-off down the ranking: total score {score} ({n} initiatives)").format(
        score=format_number(result.greedy_total_score, 3), n=len(result.greedy_selected)))
    if result.not_selectable:
        print(_("Not selectable (no cost lines): {ids}").format(ids=", ".join(result.not_selectable)))


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    budget = parse_budget(args.budget)
    with open_portfolio(args.portfolio, readonly=True) as pf, pf.read() as s:
        with quiet_stdout():
            result = select_portfolio(s, args.scenario, objective=args.objective, budget=budget)
        currency = load_settings(s).currency
        titles = {}
        if not args.json:
            from app.services.snapshots import load_initiatives

            titles = {r.id: r.title for r in load_initiatives(s)}
    if args.json:
        return 0, result.to_json()
    print_result(result, titles, currency)
    return 0
