"""What the steering group sees in presentation mode, and what it does there (no Qt).

``load_meeting(session, scenario)`` gathers, for one scenario, everything the slides
show: key figures, the ranking, the bubble chart, the recommendation with its value
curve, the budget table of the recommended portfolio, the dependency data, the roadmap
and the decisions recorded so far. ``make_meeting_what_if`` creates a what-if scenario
(another weight and/or another total budget) and logs that it was shown in the meeting;
``decision_values`` builds the row of a decision (beslutning) taken in the meeting,
noting when it departs from the recommendation (DESIGN §7 "Selection").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Decision, Scenario
from app.models.enums import CANDIDATE_PHASES, EXCLUDED_PHASES, DecisionOutcome, Forum
from app.services import audit, dependencies as dep
from app.services.charts.bubble import NOMINAL_PLOT, BubbleChart, bubble_chart
from app.services.charts.model import StackedBarChart
from app.services.charts.ranking import ValueCurveChart, ranking_chart, value_curve_chart
from app.services.charts.roadmap import RoadmapChart, group_lanes, roadmap_chart
from app.services.charts.sources import bubble_inputs
from app.services.errors import UserError
from app.services.i18n import _, ngettext
from app.services.snapshots import InitiativeRow, UnitInfo, load_initiatives, load_settings, load_units

#: the decision outcomes in the order the slide offers them
OUTCOMES: tuple[str, ...] = tuple(o.value for o in DecisionOutcome)


def scenario_of(session: Session, scenario: Any) -> Scenario:
    """A scenario by id (int), name, row or None (the default); ``UserError`` when unknown."""
    from app.services.scenarios import get_scenario

    if isinstance(scenario, int) and not isinstance(scenario, bool):
        sc = session.get(Scenario, scenario)
        if sc is None:
            raise UserError(_("Unknown scenario: {name}").format(name=scenario))
        return sc
    return get_scenario(session, scenario)


def outcome_names() -> dict[str, str]:
    """Danish (current language) names of the decision outcomes (DESIGN §3)."""
    return {
        DecisionOutcome.APPROVED.value: _("approved"),
        DecisionOutcome.APPROVED_WITH_CONDITIONS.value: _("approved with conditions"),
        DecisionOutcome.REJECTED.value: _("rejected"),
        DecisionOutcome.POSTPONED.value: _("postponed"),
        DecisionOutcome.REFERRED.value: _("referred"),
    }


@dataclass(frozen=True)
class KeyFigure:
    """A big number on the first slide: its label, the number as text, a short note."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class Recommended:
    id: str
    title: str
    cost: float | None
    score: float
    mandatory: bool
    chosen: bool  # chosen by the optimiser (False: committed or mandatory, always in)


@dataclass(frozen=True)
class DecisionRow:
    initiative_id: str
    title: str
    outcome: str
    reason: str
    decided_on: date
    recorded_at: datetime
    departs: bool


@dataclass
class MeetingData:
    """Everything the slides show for one scenario (amounts in kr.)."""

    municipality: str
    currency: str
    budget_year: int
    scenario_id: int | None
    scenario: str
    is_what_if: bool
    key_figures: list[KeyFigure]
    ranking: StackedBarChart
    bubble: BubbleChart
    value_curve: ValueCurveChart | None
    recommended: list[Recommended]
    selection_note: str  # why there is no recommendation, or its optimality
    budget_years: list[int]
    #: label, kr. per year (then per ``budget_extra_columns``), total
    budget_rows: list[tuple[str, list[float], float]]
    rows: list[InitiativeRow]
    units: dict[int, UnitInfo]
    decisions: list[DecisionRow] = field(default_factory=list)
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (id, title) to decide on
    #: of the recommended cost, what mandatory items financed outside the frame cost (kr.)
    cost_outside_frame: float = 0.0
    #: what the frames hold of the recommended cost (kr.; ``SelectionResult.cost_in_frame``)
    cost_in_frame: float = 0.0
    #: the recommended mandatory initiatives financed outside the frame, whose costs the
    #: ``budget_rows`` "of which outside the frame" (indices ``of_which_rows``, under anlæg,
    #: drift or unsplit) show apart: the frames do not hold them (DESIGN §7 "Mandatory")
    outside_frame_ids: list[str] = field(default_factory=list)
    of_which_rows: list[int] = field(default_factory=list)
    #: the initiatives the roadmap slide may show, best ranked first: the recommended
    #: portfolio, or every initiative when there is no recommendation (``roadmap_slide``)
    roadmap_pool: list[InitiativeRow] = field(default_factory=list)
    #: whether ``roadmap_pool`` is the recommended portfolio
    roadmap_recommended: bool = False
    #: the prices of ``budget_rows`` as the budget view and bilag name them
    #: (``economics.price_basis(...).phrase()``, e.g. "2026 prices")
    prices: str = ""
    #: when there is no recommendation (no budget frame, or an infeasible scenario): how
    #: many initiatives ``budget_rows`` cover, all that are not rejected or closed (as the
    #: budget view shows then); 0 when ``budget_rows`` are the recommended portfolio's
    budget_of_all: int = 0
    #: headers of the columns after ``budget_years`` in ``budget_rows``' values: "Other
    #: years" and/or "No year", only when they hold any amount (as the budget view)
    budget_extra_columns: list[str] = field(default_factory=list)


def _fmt_amount(value: float, currency: str) -> str:
    from app.services.charts.ticks import compact_amount

    return compact_amount(value, currency)


def load_meeting(session: Session, scenario: Any = None, *, ranking_limit: int = 10,
                 title_chars: int = 24,
                 bubble_font_px: float = 13.0,
                 bubble_plot: tuple[float, float] | None = None) -> MeetingData:
    """Gather the slides' content for ``scenario`` (id, name, row or None = the default).

    A scenario without a budget still presents: the recommendation and value curve are
    then empty, ``selection_note`` says why, and ``budget_rows`` hold the budget of every
    initiative not rejected or closed (``budget_of_all`` of them), as the budget view. Raises ``UserError`` for an unknown scenario.
    """
    from app.services import economics, scoring, selection, value_curve

    sc = scenario_of(session, scenario)
    settings = load_settings(session)
    currency = settings.currency
    rows = load_initiatives(session)
    units = load_units(session)
    by_id = {r.id: r for r in rows}
    ranking = scoring.rank(session, sc)
    bubble = bubble_chart(bubble_inputs(session, sc), units, currency=currency,
                          what_if=bool(sc.is_what_if), font_px=bubble_font_px,
                          nominal_plot=bubble_plot or NOMINAL_PLOT)

    recommended: list[Recommended] = []
    curve: ValueCurveChart | None = None
    note = ""
    outside = in_frame = 0.0
    scores = {r.id: r.score for r in ranking.rows}
    no_recommendation = False
    try:
        result = selection.select_portfolio(session, sc, with_price=False)
        chosen = set(result.chosen)
        recommended = [
            Recommended(i, by_id[i].title, by_id[i].total_cost, scores.get(i, 0.0),
                        by_id[i].mandatory, i in chosen)
            for i in result.selected if i in by_id
        ]
        note = (_("Optimal within the budget.") if result.optimal
                else _("The solver stopped before proving optimality."))
        budget = result.budget if isinstance(result.budget, (int, float)) else sum(
            result.budget.values())
        outside, in_frame = result.cost_outside_frame, result.cost_in_frame
        points = value_curve.frontier(session, sc, steps=12)
        curve = value_curve_chart(points, currency=currency, budget=float(budget),
                                  recommended=(result.cost_in_frame, result.total_score,
                                               len(result.selected)),
                                  what_if=bool(sc.is_what_if))
    except selection.NoBudgetError:
        note = _("No budget frame is set for the scenario “{name}”, so there is no "
                 "recommendation.").format(name=sc.name)
        no_recommendation = True
    except UserError as exc:
        note = str(exc)
        no_recommendation = True

    ids = [r.id for r in recommended]
    # no recommendation: the budget of every initiative not rejected or closed, as the
    # budget view shows it then (``app/ui/views/budget_data.chosen_ids``)
    excluded = {p.value for p in EXCLUDED_PHASES}
    all_ids = [r.id for r in rows if r.phase not in excluded] if no_recommendation else []
    budget_ids = all_ids or ids
    table = economics.portfolio_budget(session, budget_ids) if budget_ids else None
    years = list(range(settings.budget_year, settings.budget_year + 4))
    budget_rows: list[tuple[str, list[float], float]] = []
    outside_ids = [i for i in ids if by_id[i].mandatory and by_id[i].outside_frame]
    part = economics.portfolio_budget(session, outside_ids) if outside_ids else None
    of_which_rows: list[int] = []
    prices = economics.price_basis(session, budget_ids).phrase() if budget_ids else ""
    # amounts dated outside the four years or with no year (GMPP gives whole-life costs
    # with no year): their own columns, only when they hold any, as the budget view shows
    extra: list[str] = []
    if table is not None:
        extra = [k for k in ("other", "none")
                 if any(abs(r.get(k, 0.0)) > 0.5 for r in table.rows.values())]
    if table is not None:
        labels = {"anlaeg": _("Capital (anlæg)"), "drift": _("Operating (drift)"),
                  "unsplit": _("Not split into anlæg/drift"),
                  "savings": _("Cash-releasing benefits"), "net": _("Net")}
        for key, label in labels.items():
            row = table.rows[key]
            if key == "unsplit" and not any(abs(v) > 0.005 for v in row.values()):
                continue  # a cost whose type is not given: its own row, only when any
            budget_rows.append((label, [row[y] for y in years] + [row[k] for k in extra],
                                row["total"]))
            if key in ("anlaeg", "drift", "unsplit") and part is not None and any(
                    abs(v) > 0.005 for v in part.rows[key].values()):
                # what the frames do not hold: mandatory items financed outside the frame
                of_which_rows.append(len(budget_rows))
                budget_rows.append((_("of which outside the frame"),
                                    [part.rows[key][y] for y in years]
                                    + [part.rows[key].get(k, 0.0) for k in extra],
                                    part.rows[key]["total"]))

    candidates_all = [r for r in rows if r.phase in {p.value for p in CANDIDATE_PHASES}]
    frame_total = sum(f.amount for f in sc.frames if f.unit_id is None)
    cross = len(dep.cross_unit_edges(rows, units))
    figures = [
        KeyFigure(_("Initiatives in the portfolio"), str(len(rows)),
                  _("{n} proposals to decide on").format(n=len(candidates_all))),
        KeyFigure(_("Cost of the proposals"),
                  _fmt_amount(sum(r.total_cost or 0.0 for r in candidates_all), currency)),
        KeyFigure(_("Budget frame"), _fmt_amount(frame_total, currency) if frame_total else "–",
                  sc.name),
        KeyFigure(_("Recommended"), str(len(recommended)),
                  _("{amount} within the frame").format(amount=_fmt_amount(in_frame, currency))
                  if recommended else note),
        KeyFigure(_("Mandatory"), str(sum(1 for r in rows if r.mandatory))),
        KeyFigure(_("Cross-departmental dependencies"), str(cross)),
    ]
    decisions = [
        DecisionRow(d.initiative_id, by_id[d.initiative_id].title if d.initiative_id in by_id else "",
                    d.outcome, d.reason, d.decided_on, d.recorded_at,
                    bool(d.departs_from_recommendation))
        for d in session.scalars(select(Decision).order_by(Decision.recorded_at.desc()))
    ]
    order = [r.id for r in ranking.rows]
    cand = sorted(candidates_all, key=lambda r: order.index(r.id) if r.id in order else 0)
    pool = _roadmap_pool(rows, order, [r.id for r in recommended])
    return MeetingData(
        municipality=settings.municipality, currency=currency,
        budget_year=settings.budget_year, scenario_id=sc.id, scenario=sc.name,
        is_what_if=bool(sc.is_what_if), key_figures=figures,
        ranking=ranking_chart(ranking, units, limit=ranking_limit, title_chars=title_chars), bubble=bubble,
        value_curve=curve, recommended=recommended, selection_note=note,
        budget_years=years, budget_rows=budget_rows, rows=rows, units=units,
        decisions=decisions, candidates=[(r.id, r.title) for r in cand],
        cost_outside_frame=outside, cost_in_frame=in_frame,
        outside_frame_ids=outside_ids if of_which_rows else [], of_which_rows=of_which_rows,
        roadmap_pool=pool, roadmap_recommended=bool(recommended), prices=prices,
        budget_of_all=len(all_ids),
        budget_extra_columns=[{"other": _("Other years"), "none": _("No year")}[k] for k in extra],
    )


def _roadmap_pool(rows: list[InitiativeRow], order: list[str],
                  recommended: list[str]) -> list[InitiativeRow]:
    """The initiatives the roadmap slide chooses from, best ranked first (``order``: ids
    best first; unranked ones last, by id): the recommended portfolio (``recommended``:
    ids), or every initiative when there is no recommendation."""
    rank = {i: k for k, i in enumerate(order)}
    pool = set(recommended) if recommended else {r.id for r in rows}
    return sorted((r for r in rows if r.id in pool),
                  key=lambda r: (rank.get(r.id, len(rank)), r.id))


def roadmap_slide(data: MeetingData, fits: Callable[[RoadmapChart], bool], *,
                  chars_across: int) -> tuple[RoadmapChart, str]:
    """The roadmap as the slide shows it, and the note saying which initiatives it shows
    ("" when it shows the whole pool).

    The slide shows the ``n`` best ranked of ``data.roadmap_pool`` (``MeetingData``), ``n``
    the most for which ``fits(chart)`` holds — the drawer's test that every bar keeps its
    name and every lane its name at the slide's size and type (e.g.
    ``roadmap.rows_fit``) — at least one. The chart is laid out for ``chars_across``
    label characters across the plot and its small forvaltninger grouped
    (``roadmap.group_lanes``); the portfolio's own order is kept among the shown. The
    Roadmap view and the bilag keep the whole roadmap, as the note says.
    """
    pool = data.roadmap_pool
    dated = [r for r in pool if r.start_date or r.end_date]
    undated = {r.id for r in pool if not (r.start_date or r.end_date)}

    def chart_of(n: int) -> RoadmapChart:
        keep = {r.id for r in dated[:n]} | undated  # the undated are named in its notes
        shown = [r for r in data.rows if r.id in keep]
        return group_lanes(roadmap_chart(shown, data.units, data.budget_year,
                                         what_if=data.is_what_if, chars_across=chars_across))

    # the largest n that fits: the chart grows with n (a bar never frees a row), so
    # bisect, then step down past any n the packing makes an exception of
    lo, hi = min(1, len(dated)), len(dated)
    if fits(chart_of(hi)):
        lo = hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(chart_of(mid)):
            lo = mid
        else:
            hi = mid
    n = lo
    chart = chart_of(n)
    while n > 1 and not fits(chart):
        n -= 1
        chart = chart_of(n)
    total = len(pool)
    if n >= len(dated):  # the whole pool
        note = ngettext(
            "Shown: the {n} recommended initiative", "Shown: the {n} recommended initiatives",
            total).format(n=total) if data.roadmap_recommended and total < len(data.rows) else ""
    elif data.roadmap_recommended:
        note = ngettext(
            "Shown: the {n} highest-ranked of the {total} recommended initiative",
            "Shown: the {n} highest-ranked of the {total} recommended initiatives",
            total).format(n=n, total=total)
    else:
        note = ngettext("Shown: the {n} highest-ranked of {total} initiative",
                        "Shown: the {n} highest-ranked of {total} initiatives",
                        total).format(n=n, total=total)
    if note:
        note += _("; the whole roadmap is in the Roadmap view and the bilag.")
    return chart, note


def make_meeting_what_if(
    session: Session, base: Any, *, weights: dict[str, float] | None = None,
    budget: float | None = None, name: str | None = None,
) -> Scenario:
    """A what-if scenario made in the meeting: ``base`` (a scenario) with some criterion
    weights changed ({key: percent within its parent}, the others rescaled, see
    ``weights.make_what_if``) and/or one total budget frame of ``budget`` kr. Logs the
    audit event "what-if shown in presentation". Raises ``UserError`` for a negative
    budget, an unknown criterion or when nothing is changed.
    """
    from app.services import weights as weights_service
    from app.services.scenarios import FrameSpec, set_frames

    if not weights and budget is None:
        raise UserError(_("A what-if needs another weight or another budget."))
    if budget is not None and budget < 0:
        raise UserError(_("A budget frame cannot be negative ({amount})").format(amount=budget))
    base_sc = scenario_of(session, base)
    if name is None:
        stamp = datetime.now().strftime("%H.%M.%S")
        name = _("What-if {time}").format(time=stamp)
        k = 2
        while session.scalars(select(Scenario).where(Scenario.name == name)).first():
            name = _("What-if {time}").format(time=stamp) + f" ({k})"
            k += 1
    parts = [f"{key}={value:g} %" for key, value in sorted((weights or {}).items())]
    if budget is not None:
        parts.append(_("budget {amount}").format(amount=_fmt_amount(budget, "DKK")))
    sc = weights_service.make_what_if(session, name, dict(weights or {}), base=base_sc,
                                      description=", ".join(parts))
    if budget is not None:
        set_frames(session, sc.id, [FrameSpec(amount=float(budget))])
    audit.log_event(session, "what-if shown in presentation", entity="scenario",
                    entity_id=str(sc.id), scenario_id=sc.id, old=base_sc.name,
                    new=f"{sc.name}: {', '.join(parts)}")
    return sc


def decision_values(
    initiative_id: str, outcome: str, reason: str, *, recommended: bool,
    scenario_id: int | None, conditions: str = "", user: str = "",
    today: date | None = None,
) -> dict[str, Any]:
    """The values of a ``Decision`` taken by the steering group in the meeting.

    ``recommended``: whether the initiative is in the recommended portfolio; approving one
    that is not, or rejecting/postponing one that is, departs from the recommendation.
    Raises ``UserError`` for an unknown outcome or a departure without a reason.
    """
    if outcome not in OUTCOMES:
        raise UserError(_("Unknown decision: {outcome}").format(outcome=outcome))
    yes = outcome in (DecisionOutcome.APPROVED.value, DecisionOutcome.APPROVED_WITH_CONDITIONS.value)
    departs = (yes and not recommended) or (
        outcome in (DecisionOutcome.REJECTED.value, DecisionOutcome.POSTPONED.value) and recommended)
    if departs and not reason.strip():
        raise UserError(_("{id}: a decision that departs from the recommendation needs a reason.")
                        .format(id=initiative_id))
    if outcome == DecisionOutcome.APPROVED_WITH_CONDITIONS.value and not (conditions or reason).strip():
        raise UserError(_("{id}: name the conditions of the approval.").format(id=initiative_id))
    return {
        "initiative_id": initiative_id, "outcome": outcome,
        "forum": Forum.STEERING_GROUP.value, "decided_on": today or date.today(),
        "reason": reason.strip(), "conditions": conditions.strip(),
        "scenario_id": scenario_id, "departs_from_recommendation": departs,
        "recorded_by": user or audit.current_user(),
    }


def weight_choices(session: Session, scenario: Any = None) -> list[tuple[str, str, float]]:
    """The top-level criteria a meeting may re-weigh: (key, name, percent now) under
    ``scenario`` (its weight set), in the criteria's order."""
    from app.models import Criterion
    from app.services import weights as weights_service

    sc = scenario_of(session, scenario)
    ws = weights_service.weight_set_for(session, sc)
    pct = weights_service.percents(session, ws.id if ws else None)
    crits = session.scalars(select(Criterion).where(Criterion.active.is_(True),
                                                    Criterion.parent_id.is_(None))
                            .order_by(Criterion.sort_order, Criterion.id))
    return [(c.key, c.name, pct.get(c.key, 0.0)) for c in crits]
