"""``prioritise compare PORTFOLIO A B [--json]``: two scenarios side by side (DESIGN §3
scenario, §7 selection): rank changes, the difference between their recommended
portfolios, and their budget frames. A reader, no lock.

An unknown scenario exits 2 naming it (and the known ones). A scenario without budget
frames, or whose selection is refused (infeasible, no NNV), has no recommended portfolio:
the comparison says why and still shows the ranks (exit 0).

JSON: ``{"a": str, "b": str, "currency": str (ISO 4217, the unit of every amount),
"scenarios": {"a"|"b": {"name", "is_what_if", "objective", "has_budget",
"has_portfolio", "message": str|null, "total_score": float|null (0..1 sums),
"total_cost": float|null (kr.)}}, "rank_changes": [{"id", "title", "rank_a", "rank_b",
"moved" (places up from A to B), "score_a", "score_b"}] (every initiative, biggest movers
first), "only_a"/"only_b": [{"id", "title", "score", "total_cost"}] | null (null when
either scenario has no portfolio), "budget": [{"name" (the engine's, as ``select``'s
``binding``), "label", "year", "frame_type", "unit_id", "unit" ("kr."|"årsværk"), "cap_a",
"cap_b", "difference" (B − A), "used_a", "used_b"}]}``.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.listing import TITLE_WIDTH, fit
from app.commands.quiet import quiet_stdout
from app.services.formatting import format_amount, format_score, thousands_unit
from app.services.i18n import _, ngettext
from app.services.scenarios import (
    ScenarioComparison,
    compare,
    frame_amount,
    frame_difference,
    frame_title,
)
from app.services.snapshots import load_units
from app.services.store import open_portfolio


def comparison_document(c: ScenarioComparison,
                        units: dict[int, str] | None = None) -> dict[str, Any]:
    """The ``compare`` JSON document (see the module docstring); ``units``: unit id →
    code, for the labels of per-unit frames."""
    units = units or {}

    def side(key: str) -> dict[str, Any]:
        message = getattr(c, f"message_{key}")
        return {"name": getattr(c, key), "is_what_if": getattr(c, f"what_if_{key}"),
                "objective": getattr(c, f"objective_{key}"),
                "has_budget": not getattr(c, f"no_budget_{key}"),
                "has_portfolio": getattr(c, f"total_score_{key}") is not None,
                "message": message,
                "total_score": getattr(c, f"total_score_{key}"),
                "total_cost": getattr(c, f"total_cost_{key}")}

    def only(rows: list, ids: list[str] | None) -> list[dict[str, Any]] | None:
        if ids is None:
            return None
        return [{"id": r.id, "title": r.title, "score": r.score, "total_cost": r.total_cost}
                for r in rows]

    return {
        "a": c.a, "b": c.b, "currency": c.currency,
        "scenarios": {"a": side("a"), "b": side("b")},
        "rank_changes": [
            {"id": r.id, "title": r.title, "rank_a": r.rank_a, "rank_b": r.rank_b,
             "moved": r.moved, "score_a": r.score_a, "score_b": r.score_b}
            for r in c.rank_changes],
        "only_a": only(c.only_a_rows, c.only_a),
        "only_b": only(c.only_b_rows, c.only_b),
        "budget": [
            {"name": r.name, "label": frame_title(r, units), "year": r.year,
             "frame_type": r.frame_type, "unit_id": r.unit_id, "unit": r.unit,
             "cap_a": r.cap_a, "cap_b": r.cap_b, "difference": r.difference,
             "used_a": r.used_a, "used_b": r.used_b}
            for r in c.budget_rows],
    }


def _scenario_name(name: str, what_if: bool) -> str:
    return f"{name} [{_('what-if')}]" if what_if else name


def print_comparison(c: ScenarioComparison, units: dict[int, str]) -> None:
    """The readable report (Danish by default): ranks, portfolios, budget frames."""
    print(_("Scenario comparison — A: {a}; B: {b}").format(
        a=_scenario_name(c.a, c.what_if_a), b=_scenario_name(c.b, c.what_if_b)))
    if c.a == c.b:
        print(_("Warning: {text}").format(text=_(
            "A and B are the same scenario, so nothing differs; give two scenarios (a "
            "what-if is made under Strategy and weights in the application)")))
    print()
    moved = c.moved
    print(ngettext("Rank changes: {n} of {total} initiative changes place",
                   "Rank changes: {n} of {total} initiatives change place",
                   len(c.rank_changes)).format(n=len(moved), total=len(c.rank_changes)))
    if moved:
        heads = (_("Id"), _("Title"), _("Rank A → B"), _("Moved"), _("Score A → B"))
        wi = max([len(r.id) for r in moved] + [len(heads[0])])
        wt = min(TITLE_WIDTH, max([len(r.title) for r in moved] + [len(heads[1])]))
        print(f"  {heads[0]:<{wi}} {fit(heads[1], wt)} {heads[2]:>11} {heads[3]:>7} "
              f"{heads[4]:>13}")
        for r in moved:
            ranks = f"{r.rank_a} → {r.rank_b}"
            arrow = f"+{r.moved}" if r.moved > 0 else str(r.moved)
            scores = f"{format_score(r.score_a)} → {format_score(r.score_b)}"
            print(f"  {r.id:<{wi}} {fit(r.title, wt)} {ranks:>11} {arrow:>7} {scores:>13}")
    print()
    print(_("Recommended portfolios"))
    for key, name in (("a", "A"), ("b", "B")):
        message = getattr(c, f"message_{key}")
        score = getattr(c, f"total_score_{key}")
        if score is None:
            print("  " + _("{side}: no recommended portfolio: {reason}").format(
                side=name, reason=message or ""))
        else:
            print("  " + _("{side}: total score {score} points; total cost {cost}").format(
                side=name, score=format_score(score),
                cost=format_amount(getattr(c, f"total_cost_{key}"), c.currency)))
    if c.only_a is None or c.only_b is None:
        print("  " + _("The portfolios can only be compared when both scenarios have one."))
    else:
        for label, rows in ((_("Only in A's portfolio"), c.only_a_rows),
                            (_("Only in B's portfolio"), c.only_b_rows)):
            print(f"  {label} ({len(rows)}):")
            for r in rows:
                cost = format_amount(r.total_cost, c.currency) if r.total_cost is not None \
                    else _("no cost lines")
                points = _("{score} points").format(score=f"{format_score(r.score):>6}")
                print(f"    {r.id:<16} {fit(r.title, TITLE_WIDTH)} {points}  {cost}")
        if not c.only_a_rows and not c.only_b_rows:
            print("  " + _("Both scenarios recommend the same initiatives."))
    print()
    if not c.budget_rows:
        print(_("Neither scenario has budget frames."))
        return
    print(_("Budget frames ({unit}; B − A)").format(unit=thousands_unit(c.currency)))
    heads = (_("Frame"), _("Frame A"), _("Frame B"), _("Difference"), _("Used A"), _("Used B"))
    labels_ = [frame_title(r, units) for r in c.budget_rows]
    wl = max([len(x) for x in labels_] + [len(heads[0])])
    wn = max(10, *(len(h) for h in heads[1:]))
    print("  " + f"{heads[0]:<{wl}}" + "".join(f" {h:>{wn}}" for h in heads[1:]))
    for label, r in zip(labels_, c.budget_rows):
        cells = (frame_amount(r.cap_a, r.unit), frame_amount(r.cap_b, r.unit),
                 frame_difference(r.difference, r.unit), frame_amount(r.used_a, r.unit),
                 frame_amount(r.used_b, r.unit))
        print("  " + f"{label:<{wl}}" + "".join(f" {x:>{wn}}" for x in cells))
    print("  " + _("– = no such frame in the scenario, or no recommended portfolio"))


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    with open_portfolio(args.portfolio, readonly=True) as pf, pf.read() as s:
        with quiet_stdout():
            result = compare(s, args.a, args.b)
        units = {uid: u.code for uid, u in load_units(s).items()}
    if args.json:
        return 0, comparison_document(result, units)
    print_comparison(result, units)
    return 0
