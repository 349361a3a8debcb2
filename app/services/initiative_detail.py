"""Everything the initiative editor shows about one initiative, as plain data, in one read.

Amounts in kr.; economics (NNV, payback, budget effect) from ``app.services.economics``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import inspect, or_, select
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    AuditEntry,
    BusinessCaseLine,
    Criterion,
    Decision,
    Dependency,
    ExternalRequirement,
    Initiative,
    SuccessCriterion,
    StrategicGoal,
)
from app.services import economics, snapshots, weights
from app.services.editing import LIST_FIELDS, SCALAR_FIELDS, initiative_values
from app.services.errors import UserError
from app.services.i18n import _


@dataclass(frozen=True)
class CriterionRow:
    """A leaf criterion with its scale: ``levels`` [(level, label, guide)] for ordinal."""

    id: int
    name: str
    description: str
    kind: str
    lower_is_better: bool
    anchor_low: float | None
    anchor_high: float | None
    unit_label: str
    levels: tuple[tuple[int, str, str], ...]


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    user: str
    action: str
    entity: str
    field: str
    old_value: str | None
    new_value: str | None
    context: str


@dataclass
class InitiativeDetail:
    """One initiative for the editor. ``fields`` holds every editable field (``SCALAR_FIELDS``
    plus ``unit_ids``, ``goal_ids``, ``requirement_ids``) as stored."""

    id: str
    fields: dict[str, Any]
    currency: str
    budget_year: int
    default_discount_rate: float
    default_horizon: int
    units: list[snapshots.UnitInfo]
    goals: list[tuple[int, str, str]]  # id, code, title
    requirements: list[tuple[int, str, str, bool]]  # id, code, title, obliges local work
    criteria: list[CriterionRow]
    assessments: dict[tuple[int, str], tuple[float, str]]  # (criterion, assessor) → value, comment
    lines: list[dict[str, Any]]
    key_figures: economics.KeyFigures | None
    budget: economics.BudgetTable | None
    requires: list[tuple[str, str]]  # id, title
    required_by: list[tuple[str, str]]
    others: list[tuple[str, str]]  # every other initiative: id, title
    success_criteria: list[dict[str, Any]] = field(default_factory=list)  # with "measurements"
    decisions: list[dict[str, Any]] = field(default_factory=list)
    history: list[AuditRow] = field(default_factory=list)


def _row(obj: Any) -> dict[str, Any]:
    return {a.key: getattr(obj, a.key) for a in inspect(type(obj)).column_attrs}


def load_detail(session: Session, initiative_id: str, *, history_limit: int = 500) -> InitiativeDetail:
    """The editor's data for ``initiative_id``; raises ``UserError`` when it does not exist."""
    ini = session.get(Initiative, initiative_id)
    if ini is None:
        raise UserError(_("Unknown initiative: {id}").format(id=initiative_id))
    settings = snapshots.load_settings(session)
    fields = initiative_values(session, initiative_id, [*sorted(SCALAR_FIELDS), *LIST_FIELDS])
    leaves = weights.leaf_criteria(session)
    crit_objs = {c.id: c for c in session.scalars(select(Criterion))}
    criteria = [
        CriterionRow(c.id, c.name, crit_objs[c.id].description, c.kind, c.lower_is_better,
                     c.anchor_low, c.anchor_high, c.unit_label,
                     tuple((lv.level, lv.label, lv.guide) for lv in crit_objs[c.id].levels))
        for c in leaves
    ]
    assessments = {
        (a.criterion_id, a.assessor): (a.value, a.comment or "")
        for a in session.scalars(select(Assessment).where(Assessment.initiative_id == initiative_id))
    }
    lines = [_row(b) for b in session.scalars(
        select(BusinessCaseLine).where(BusinessCaseLine.initiative_id == initiative_id)
        .order_by(BusinessCaseLine.flow.desc(), BusinessCaseLine.budget_year, BusinessCaseLine.id))]
    figures = economics.economics_by_initiative(session, [initiative_id]).get(initiative_id)
    budget = economics.initiative_budget(session, initiative_id)
    titles = dict(session.execute(select(Initiative.id, Initiative.title)).all())
    requires = [(b, titles.get(b, "")) for (b,) in session.execute(
        select(Dependency.requires_id).where(Dependency.initiative_id == initiative_id)
        .order_by(Dependency.requires_id))]
    required_by = [(a, titles.get(a, "")) for (a,) in session.execute(
        select(Dependency.initiative_id).where(Dependency.requires_id == initiative_id)
        .order_by(Dependency.initiative_id))]
    successes = []
    for sc in session.scalars(select(SuccessCriterion).where(
            SuccessCriterion.initiative_id == initiative_id).order_by(SuccessCriterion.id)):
        row = _row(sc)
        row["measurements"] = [_row(m) for m in sc.measurements]
        successes.append(row)
    decisions = [_row(d) for d in session.scalars(select(Decision).where(
        Decision.initiative_id == initiative_id).order_by(Decision.decided_on.desc(), Decision.id))]
    history = [
        AuditRow(e.at, e.user, e.action, e.entity, e.field, e.old_value, e.new_value, e.context)
        for e in session.scalars(
            select(AuditEntry).where(or_(AuditEntry.initiative_id == initiative_id,
                                         AuditEntry.entity_id == initiative_id))
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(history_limit))
    ]
    return InitiativeDetail(
        id=initiative_id, fields=fields, currency=settings.currency,
        budget_year=settings.budget_year, default_discount_rate=settings.discount_rate,
        default_horizon=settings.horizon_years, units=list(snapshots.load_units(session).values()),
        goals=[(g.id, g.code, g.title) for g in session.scalars(
            select(StrategicGoal).order_by(StrategicGoal.sort_order, StrategicGoal.code))],
        requirements=[(r.id, r.code, r.title, bool(r.obliges_local_work)) for r in session.scalars(
            select(ExternalRequirement).order_by(ExternalRequirement.code))],
        criteria=criteria, assessments=assessments, lines=lines, key_figures=figures,
        budget=budget, requires=requires, required_by=required_by,
        others=sorted((i, t) for i, t in titles.items() if i != initiative_id),
        success_criteria=successes, decisions=decisions, history=history,
    )


def initiative_ids(session: Session) -> list[tuple[str, str]]:
    """(id, title) of every initiative, ordered by id (the editor's chooser)."""
    return list(session.execute(select(Initiative.id, Initiative.title).order_by(Initiative.id))
                .all())
