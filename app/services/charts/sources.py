"""Build each chart description from an open portfolio session (one place, for both drawers).

``chart(session, key, **options)`` returns the description for a chart key:

=============  ==========================================  =============================
key            description                                 options
=============  ==========================================  =============================
dependencies   ``DependencyChart``                         mode, selected
matrix         ``HeatmapChart``
roadmap        ``RoadmapChart``                            today
bubble         ``BubbleChart``                             scenario, cost_threshold,
                                                           score_threshold
balance        ``ChartSet`` of four ``StackedBarChart``
maturity       ``StackedBarChart``
followup       ``list[FollowupChart]`` (one per success    initiative_id
               criterion; empty when none is recorded)
ranking        ``StackedBarChart``                         scenario, limit
value_curve    ``ValueCurveChart`` (raises ``NoBudgetError``  scenario, steps
               when the scenario has no budget)
=============  ==========================================  =============================

Reads only; the session is not changed. The scenario is a name, a ``Scenario`` or None
(the default scenario); a what-if scenario sets ``what_if`` on the description.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.models import BusinessCaseLine, Initiative, SuccessCriterion
from app.models.enums import Flow
from app.services.charts.balance import balance_chart, maturity_chart
from app.services.charts.bubble import BubbleInput, bubble_chart
from app.services.charts.dependency_chart import dependency_chart
from app.services.charts.followup import FollowupChart, FollowupInput, followup_chart
from app.services.charts.heatmap import heatmap_chart
from app.services.charts.ranking import ranking_chart, value_curve_chart
from app.services.charts.roadmap import roadmap_chart
from app.services.errors import UserError
from app.services.i18n import _
from app.services.snapshots import load_initiatives, load_settings, load_units

KEYS = ("dependencies", "matrix", "roadmap", "bubble", "balance", "maturity", "followup",
        "ranking", "value_curve")


def _is_what_if(session: Session, scenario: Any) -> bool:
    from app.services.scenarios import get_scenario

    return bool(get_scenario(session, scenario).is_what_if)


def bubble_inputs(session: Session, scenario: Any = None) -> list[BubbleInput]:
    """Cost (kr.), total score under ``scenario`` and NNV (kr.) of every initiative, by id.

    Reads only the columns the chart needs, as plain rows (no ``InitiativeRow`` with
    its units, dependencies and text): the cost is ``InitiativeRow.total_cost`` (cash
    cost lines, all years, likely values; None without such lines), ``mandatory`` the
    same rule as ``snapshots.load_initiatives`` (marked, or linked to a requirement
    that obliges local work), the score ``scoring.total_scores`` (the totals
    ``scoring.rank`` reports) and the NNV ``economics.npv_by_initiative``. Raises
    ``UserError`` for an unknown scenario."""
    from app.models import ExternalRequirement, initiative_requirement
    from app.services import economics, scoring
    from app.services import weights as weights_service
    from app.services.scenarios import get_scenario

    ws = weights_service.weight_set_for(session, get_scenario(session, scenario))
    units = load_units(session)
    c = Initiative.__table__.c
    line = BusinessCaseLine.__table__.c
    link = initiative_requirement.c
    obliged = (select(link.initiative_id)
               .join(ExternalRequirement, ExternalRequirement.id == link.requirement_id)
               .where(ExternalRequirement.obliges_local_work.is_(True)))
    rows = session.execute(
        select(c.id, c.title, c.lead_unit_id, c.mandatory, c.id.in_(obliged)).order_by(c.id)
    ).all()
    cost = dict(session.execute(
        select(line.initiative_id, func.sum(line.amount))
        .where(line.flow == Flow.COST.value, line.cash.is_(True))
        .group_by(line.initiative_id)
    ).all())
    ids = [r[0] for r in rows]
    scores = scoring.total_scores(
        session, weights_service.leaf_weights(session, ws.id if ws else None), ids).tolist()
    npv = economics.npv_by_initiative(session)
    out = []
    for (iid, title, lead, marked, by_requirement), score in zip(rows, scores):
        unit = units.get(lead) if lead is not None else None
        out.append(BubbleInput(iid, title, cost.get(iid), score, npv.get(iid),
                               unit.forvaltning_id if unit else None,
                               bool(marked or by_requirement)))
    return out


def followup_inputs(session: Session, initiative_id: str | None = None) -> list[FollowupInput]:
    """Every success criterion (of one initiative, or all) as plain data, by initiative."""
    q = (select(SuccessCriterion, Initiative.title)
         .join(Initiative, Initiative.id == SuccessCriterion.initiative_id)
         .options(selectinload(SuccessCriterion.measurements))
         .order_by(SuccessCriterion.initiative_id, SuccessCriterion.id))
    if initiative_id is not None:
        q = q.where(SuccessCriterion.initiative_id == initiative_id)
    return [
        FollowupInput(
            sc.name, sc.unit_label, sc.baseline, sc.baseline_date, sc.target_pessimistic,
            sc.target_likely, sc.target_optimistic, sc.target_date,
            tuple((m.measured_on, m.value) for m in sc.measurements), sc.initiative_id, title,
        )
        for sc, title in session.execute(q)
    ]


def chart(session: Session, key: str, **options: Any) -> Any:
    """The description of chart ``key`` (see the table in the module docstring).

    Raises ``UserError`` for an unknown key or scenario.
    """
    scenario = options.get("scenario")
    settings = load_settings(session)
    currency = settings.currency
    if key == "ranking":
        from app.services import scoring

        return ranking_chart(scoring.rank(session, scenario), load_units(session),
                             limit=options.get("limit", 20))
    if key == "value_curve":
        from app.services import selection, value_curve

        points = value_curve.frontier(session, scenario, steps=options.get("steps", 20))
        result = selection.select_portfolio(session, scenario, with_price=False)
        budget = result.budget if isinstance(result.budget, (int, float)) else sum(
            result.budget.values())
        return value_curve_chart(
            points, currency=currency, budget=float(budget),
            recommended=(result.cost_in_frame, result.total_score, len(result.selected)),
            what_if=result.is_what_if,
        )
    if key == "bubble":
        return bubble_chart(
            bubble_inputs(session, scenario), load_units(session), currency=currency,
            cost_threshold=options.get("cost_threshold"),
            score_threshold=options.get("score_threshold"),
            what_if=_is_what_if(session, scenario),
        )
    if key == "followup":
        return [followup_chart(item) for item in followup_inputs(session, options.get("initiative_id"))]
    rows = load_initiatives(session)
    units = load_units(session)
    if key == "dependencies":
        return dependency_chart(rows, units, mode=options.get("mode", "generation"),
                                selected=options.get("selected"))
    if key == "matrix":
        return heatmap_chart(rows, units)
    if key == "roadmap":
        return roadmap_chart(rows, units, settings.budget_year, today=options.get("today"))
    if key == "balance":
        return balance_chart(rows, units, currency=currency)
    if key == "maturity":
        return maturity_chart(rows, units)
    raise UserError(_("Unknown chart: {key}; known charts: {keys}").format(
        key=key, keys=", ".join(KEYS)))


def followup_charts(session: Session, initiative_id: str | None = None) -> list[FollowupChart]:
    """The follow-up chart of every success criterion (of one initiative, or all)."""
    return [followup_chart(item) for item in followup_inputs(session, initiative_id)]
