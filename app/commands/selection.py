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
from app.services import labels
from app.services.economics import npv_horizon_gaps
from app.services.formatting import format_amount, format_number, format_percent, format_score
from app.services.i18n import _, ngettext
from app.services.selection import SelectionResult, select_portfolio
from app.services.selection_npv import NoNpvError, no_npv_message
from app.services.snapshots import load_settings
from app.services.store import open_portfolio

_NUMBER = re.compile(r"^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

#: "1.500" or "50.000": a decimal point to the command line (DESIGN §6), a thousands
#: separator to a Danish reader — a value that reads both ways is refused (DESIGN §9)
_BOTH_WAYS = re.compile(r"^[+]?[1-9]\d{0,2}\.\d{3}$")


def parse_amount(text: str, where: str = "--budget") -> float:
    """A non-negative amount written locale-independently ("1234.5", "2.5e6"), given as
    ``where`` (the option and value, named in the message). Raises ``UserError`` saying
    what is wrong: a negative amount, text that is not an amount ("1.234,5"), or a value
    that reads both ways ("50.000": 50 or 50,000 — DESIGN §9)."""
    t = text.strip().replace("_", "")
    if t.startswith("-") and _NUMBER.match(t[1:].strip()):
        raise UserError(_("{where}: a budget cannot be negative; give 0 or more, e.g. "
                          "2500000").format(where=where))
    if _BOTH_WAYS.match(t):
        whole, frac = t.lstrip("+").split(".")
        small = format_number(float(t), len(frac.rstrip("0")))  # 50, 1,5 (da)
        raise UserError(_("{where}: “{text}” reads both as {small} and as {large}; write the "
                          "amount without thousands separators, e.g. {large}").format(
            where=where, text=text.strip(), small=small, large=whole + frac))
    if not _NUMBER.match(t) or not math.isfinite(float(t)):
        raise UserError(_("{where}: “{text}” is not an amount; write it with a decimal point "
                          "and no thousands separators, e.g. 2500000 or 2.5e6").format(
            where=where, text=text.strip()))
    return float(t)


def parse_budget(values: list[str] | None) -> float | dict[int, float] | None:
    """``--budget`` values → one total, or {year: amount}; None when not given.
    Raises ``UserError`` for a bad amount or year, a year given twice, or a total mixed
    with yearly budgets; the message names the ``--budget`` value concerned."""
    if not values:
        return None
    totals: list[float] = []
    yearly: dict[int, float] = {}
    for v in values:
        where = f"--budget {v}"
        if "=" in v:
            year_text, amount_text = v.split("=", 1)
            if not re.fullmatch(r"\s*\d{4}\s*", year_text):
                raise UserError(_("Not a budget year: '{text}' in --budget {value}").format(
                    text=year_text, value=v))
            year = int(year_text)
            if year in yearly:
                raise UserError(_("The budget for {year} is given twice").format(year=year))
            yearly[year] = parse_amount(amount_text, where)
        else:
            totals.append(parse_amount(v, where))
    if totals and yearly or len(totals) > 1:
        raise UserError(_("Give either one total --budget AMOUNT or --budget YEAR=AMOUNT per year"))
    return totals[0] if totals else yearly


def print_result(result: SelectionResult, titles: dict[str, str], currency: str,
                 units: dict[int, str] | None = None,
                 gaps: dict[str, tuple[int, int]] | None = None) -> None:
    """The readable (Danish by default) report of a selection: frames (named as the
    papers name them; ``units`` = unit id → code for per-unit frames), the selected
    initiatives, scores in points 0–100, the total cost and how much of it the frames hold
    (``cost_in_frame``), how much lies in years or types no frame covers, and how much is
    financed outside the frame; with the NNV objective the objective value, the price of
    mandatory and the greedy comparison in kr. (``objective_value``,
    ``greedy_objective_value``), with the score objective in points; ``gaps``
    (``economics.npv_horizon_gaps`` of the selected) names the initiatives whose NNV
    horizon runs past their last year with lines (those years count as 0)."""
    units = units or {}
    head = _("Recommended portfolio — scenario: {name}").format(name=result.scenario)
    if result.is_what_if:
        head += "  [" + _("what-if") + "]"
    print(head)
    print(_("Objective: {objective}. Optimal: {optimal}").format(
        objective=labels.objective(result.objective), optimal=_("yes") if result.optimal else _("no")))
    fte = _("full-time equivalents")
    for u in result.frame_use:
        amount = (format_amount(u.used, currency) if u.unit == "kr."
                  else f"{format_number(u.used, 2)} {fte}")
        cap = (format_amount(u.cap, currency) if u.unit == "kr."
               else f"{format_number(u.cap, 2)} {fte}")
        mark = "  ← " + _("binding (no other initiative fits)") if u.binding else ""
        name = labels.frame(u.year, u.frame_type, units.get(u.unit_id))
        print(f"  {name:<28} {amount:>22} / {cap:>22}{mark}")
    print(_("Selected ({n}):").format(n=len(result.selected)))
    always = set(result.always_in)
    for i in result.selected:
        tag = " [" + _("always in") + "]" if i in always else ""
        if i in result.incomplete:
            tag += " [" + incomplete_tag(result.incomplete[i]) + "]"
        print(f"  {i:<16} {titles.get(i, '')[:60]}{tag}")
    if result.incomplete:
        print(ngettext(
            "Recommended on an incomplete assessment (missing agreed scores count 0), "
            "{n} initiative: {ids}",
            "Recommended on an incomplete assessment (missing agreed scores count 0), "
            "{n} initiatives: {ids}", len(result.incomplete)).format(
            n=len(result.incomplete), ids=", ".join(result.incomplete)))
    print(_("Total score {score} points; total cost {cost}").format(
        score=format_score(result.total_score), cost=format_amount(result.total_cost, currency)))
    rest = result.total_cost - result.cost_in_frame - result.cost_outside_frame
    if abs(rest) > 0.005:
        # yearly frames hold only the framed years: say where the rest of the cost lies
        print("  " + _("within the budget frames {inside}; in years or types without a frame "
                       "{rest}").format(inside=format_amount(result.cost_in_frame, currency),
                                        rest=format_amount(rest, currency)))
        if result.cost_outside_frame:
            print("  " + _("financed outside the frame {outside}").format(
                outside=format_amount(result.cost_outside_frame, currency)))
    elif result.cost_outside_frame:
        print("  " + _("within the budget frames {inside}; financed outside the frame "
                       "{outside}").format(inside=format_amount(result.cost_in_frame, currency),
                                           outside=format_amount(result.cost_outside_frame,
                                                                 currency)))
    if result.objective == "npv":
        # the optimum maximises the NNV (kr.): its value, the price of the mandatory items
        # and the greedy comparison are amounts, as in the JSON; never score points
        print(_("Net present value of the portfolio (the objective): {value}").format(
            value=format_amount(result.objective_value, currency)))
        if result.price_of_mandatory is not None:
            print(_("Price of mandatory: {price} of net present value").format(
                price=format_amount(result.price_of_mandatory, currency)))
        print(ngettext(
            "Greedy cut-off down the ranking: net present value {value} ({n} initiative)",
            "Greedy cut-off down the ranking: net present value {value} ({n} initiatives)",
            len(result.greedy_selected)).format(
            value=format_amount(result.greedy_objective_value, currency),
            n=len(result.greedy_selected)))
        warning = npv_gap_warning(result, gaps or {})
        if warning:
            print("⚠ " + warning)
    else:
        if result.price_of_mandatory is not None:
            print(_("Price of mandatory: {price} points").format(
                price=format_score(result.price_of_mandatory)))
        print(ngettext(
            "Greedy cut-off down the ranking: total score {score} points ({n} initiative)",
            "Greedy cut-off down the ranking: total score {score} points ({n} initiatives)",
            len(result.greedy_selected)).format(
            score=format_score(result.greedy_total_score), n=len(result.greedy_selected)))
    yearless = set(result.not_selectable_without_year)
    no_cost = [i for i in result.not_selectable if i not in yearless]
    if no_cost:
        print(ngettext("Not selectable (no cost lines), {n} initiative: {ids}",
                       "Not selectable (no cost lines), {n} initiatives: {ids}",
                       len(no_cost)).format(n=len(no_cost), ids=", ".join(no_cost)))
    if yearless:
        print(ngettext(
            "Not selectable under yearly frames (cost lines without a budget year), "
            "{n} initiative: {ids}",
            "Not selectable under yearly frames (cost lines without a budget year), "
            "{n} initiatives: {ids}", len(yearless)).format(
            n=len(yearless), ids=", ".join(result.not_selectable_without_year)))
    for warning in result.warnings(cli_npv_hint()):
        print(_("Warning: {text}").format(text=warning))


def incomplete_tag(completeness: float) -> str:
    """The flag of an initiative recommended on an incomplete assessment: "assessment
    86 % complete" (completeness 0..1 in whole percent as ``rank`` shows it, at most
    99 % so that an incomplete assessment never reads 100 %)."""
    return _("assessment {percent} complete").format(
        percent=format_percent(min(completeness, 0.99), 0))


def cli_npv_hint() -> str:
    """What a user of ``select`` can do about initiatives without an NNV (the command's
    own option named)."""
    return _("Use --objective score to select by total score, or give the initiatives cost "
             "and benefit lines per budget year (in the business case, or yearly columns in "
             "the import).")


def npv_gap_warning(result: SelectionResult, gaps: dict[str, tuple[int, int]]) -> str:
    """The warning naming the selected initiatives whose NNV horizon runs past their last
    year with lines (``gaps`` = ``economics.npv_horizon_gaps``: those years count as 0),
    the first ten with their years; "" when none."""
    named = [i for i in result.selected if i in gaps]
    if not named:
        return ""
    shown = ", ".join(_("{id} (lines to {data}, horizon to {last})").format(
        id=i, data=gaps[i][0], last=gaps[i][1]) for i in named[:10])
    return ngettext(
        "The NNV counts years without business-case lines as 0: for {n} selected "
        "initiative the horizon runs past its last year with lines, so its NNV "
        "leaves out any cost or benefit that continues: {ids}. Add lines for those "
        "years or shorten the horizon.",
        "The NNV counts years without business-case lines as 0: for {n} selected "
        "initiatives the horizon runs past their last year with lines, so their NNV "
        "leaves out any cost or benefit that continues: {ids}. Add lines for those "
        "years or shorten the horizon.", len(named)).format(
        n=len(named), ids=shown + (_(" and {k} more").format(k=len(named) - 10)
                                   if len(named) > 10 else ""))


def replaced_frames_warning(session: Any, scenario: str | None, budget: object) -> str | None:
    """The warning when ``--budget`` replaces budget frames the scenario has (its
    per-unit budgets stay): the heading still names the scenario, so say that its own
    frames do not apply, naming them. None when no budget is given or the scenario has
    no frames of its own."""
    if budget is None:
        return None
    from app.services.scenarios import get_scenario, spec_of

    spec = spec_of(get_scenario(session, scenario))
    own = [f for f in spec.frames if f.unit_id is None]
    if not own:
        return None
    names = ", ".join(labels.frame(f.year, f.frame_type) for f in own)
    return _("--budget replaces the budget frames of the scenario '{name}' ({frames}); "
             "only the budget given applies").format(name=spec.name, frames=names)


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    budget = parse_budget(args.budget)
    with open_portfolio(args.portfolio, readonly=True) as pf, pf.read() as s:
        try:
            with quiet_stdout():
                result = select_portfolio(s, args.scenario, objective=args.objective,
                                          budget=budget)
        except NoNpvError as exc:  # the engine's hint does not know the option's name
            raise NoNpvError(no_npv_message(exc.candidates, cli_npv_hint()), exc.candidates,
                             exc.missing) from exc
        currency = load_settings(s).currency
        titles: dict[str, str] = {}
        units: dict[int, str] = {}
        if not args.json:
            from app.services.snapshots import load_initiatives, load_units

            titles = {r.id: r.title for r in load_initiatives(s)}
            units = {uid: u.code for uid, u in load_units(s).items()}
        gaps = (npv_horizon_gaps(s, result.selected) if result.objective == "npv" else {})
        replaced = replaced_frames_warning(s, args.scenario, budget)
    if args.json:
        document = result.to_json()
        document["warnings"] = result.warnings(cli_npv_hint())
        if gaps:  # the NNV's years without lines, as in the text
            document["warnings"].append(npv_gap_warning(result, gaps))
        if replaced:
            document["warnings"].append(replaced)
        return 0, document
    if replaced:  # before the heading that names the scenario
        print(_("Warning: {text}").format(text=replaced))
    print_result(result, titles, currency, units, gaps)
    return 0
