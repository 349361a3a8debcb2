"""What the budget view shows (no Qt): the budget tables of a set of initiatives — the
recommended portfolio of the scenario, what is already committed, or all — summed and per
initiative, in kr. (the view shows 1.000 kr.)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.models.enums import COMMITTED_PHASES, EXCLUDED_PHASES
from app.services import economics
from app.services.errors import UserError
from app.services.scenarios import get_scenario
from app.services.selection import NoBudgetError, select_portfolio
from app.services.snapshots import load_initiatives, load_settings

RECOMMENDED, COMMITTED, ALL = "recommended", "committed", "all"
# ``chosen_ids``' reason when the scenario has no budget frame (``BudgetData.no_budget``)
NO_BUDGET = "no budget"


@dataclass(frozen=True)
class InitiativeBudget:
    id: str
    title: str
    table: economics.BudgetTable


@dataclass(frozen=True)
class BudgetData:
    """``portfolio``: the summed table of ``initiatives``; ``which``: what was asked for
    (``RECOMMENDED`` falls back to ``ALL`` with ``note`` saying why — the engine's message
    of an infeasible selection — or with ``no_budget`` when the scenario has no budget
    frame: the view then says in its own words where to set one, the engine's message
    being written for the CLI)."""

    scenario: str
    is_what_if: bool
    which: str
    note: str
    currency: str
    portfolio: economics.BudgetTable
    initiatives: list[InitiativeBudget]
    no_budget: bool = False
    #: the prices the amounts are in, as the outputs name them ("2026 prices"; or that
    #: the source states no price base for some or all, ``economics.PriceBasis.phrase``)
    prices: str = ""
    #: of a recommended portfolio, the mandatory initiatives financed outside the frame
    #: (their cost uses none of the frames: the view shows it as "of which outside the
    #: frame", as the recommendation view, slide and bilag do)
    outside_frame: tuple[str, ...] = ()
    #: the cash lines of ``initiatives`` by id (``economics.load_lines``)
    lines: dict[str, list[economics.Line]] = field(default_factory=dict)


def chosen_ids(session: Session, scenario: str | None, which: str) -> tuple[list[str], str, str]:
    """The ids of ``which`` set, in rank order where a selection gives one; returns
    (ids, the set actually shown, the reason when it differs: ``NO_BUDGET`` when the
    scenario has no budget frame, else the engine's message)."""
    rows = load_initiatives(session)
    excluded = {p.value for p in EXCLUDED_PHASES}
    if which == RECOMMENDED:
        try:
            return (select_portfolio(session, scenario, with_price=False).selected, RECOMMENDED,
                    "")
        except NoBudgetError:  # its message names the CLI's --budget: the view words it
            return [r.id for r in rows if r.phase not in excluded], ALL, NO_BUDGET
        except UserError as exc:  # infeasible: say so, show everything
            return [r.id for r in rows if r.phase not in excluded], ALL, str(exc)
    if which == COMMITTED:
        committed = {p.value for p in COMMITTED_PHASES}
        return [r.id for r in rows if r.phase in committed or (r.mandatory and r.phase not in excluded)], \
            COMMITTED, ""
    return [r.id for r in rows if r.phase not in excluded], ALL, ""


def load_budget(session: Session, scenario: str | None, which: str) -> BudgetData:
    """Budget tables (budget year + 3 overslagsår, anlæg/drift, afledt drift, savings
    negative, financing) of the chosen initiatives, summed and one per initiative."""
    sc = get_scenario(session, scenario)
    ids, shown, note = chosen_ids(session, sc.name, which)
    settings = load_settings(session)
    by_id = {r.id: r for r in load_initiatives(session)}
    titles = {i: r.title for i, r in by_id.items()}
    lines = economics.load_lines(session, ids)
    year = settings.budget_year
    per = [InitiativeBudget(i, titles.get(i, i), economics.budget_table(lines.get(i, []), year))
           for i in ids]
    total = economics.budget_table([ln for i in ids for ln in lines.get(i, [])], year)
    no_budget = note == NO_BUDGET
    prices = economics.price_basis(session, ids).phrase()
    outside: tuple[str, ...] = ()
    if shown == RECOMMENDED:  # as the selection counts it: mandatory and outside the frame
        outside = tuple(i for i in ids if i in by_id and by_id[i].mandatory
                        and by_id[i].outside_frame)
    return BudgetData(sc.name, bool(sc.is_what_if), shown, "" if no_budget else note,
                      settings.currency, total, per, no_budget, prices, outside, lines)
