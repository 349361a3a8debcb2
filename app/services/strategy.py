"""Editing the strategy: criteria (scales, anchors, scoring guides), strategic goals and
external requirements (DESIGN §3, §7). No Qt.

Each function works inside the caller's session (one audited transaction per call, e.g.
``with portfolio.session(context=...) as s: update_criterion(s, ...)``) and returns what an
undo needs: the old values, or a snapshot of what was deleted. Readers return plain rows.
Refused input raises ``ValidationError`` naming the field, and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models import (
    Criterion,
    CriterionLevel,
    ExternalRequirement,
    StrategicGoal,
    initiative_goal,
    initiative_requirement,
)
from app.models.enums import CriterionKind, RequirementSource
from app.services.errors import UserError, ValidationError
from app.services.i18n import _


@dataclass(frozen=True)
class LevelRow:
    level: int
    label: str
    guide: str


@dataclass(frozen=True)
class CriterionRow:
    """A criterion as plain data. Anchors in the criterion's own unit (``unit_label``)."""

    id: int
    key: str
    name: str
    description: str
    kind: str
    parent_id: int | None
    goal_id: int | None
    lower_is_better: bool
    anchor_low: float | None
    anchor_high: float | None
    unit_label: str
    sort_order: int
    active: bool
    levels: tuple[LevelRow, ...] = ()


@dataclass(frozen=True)
class GoalRow:
    id: int
    code: str
    title: str
    description: str = ""
    sort_order: int = 0
    initiative_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class RequirementRow:
    """An external requirement; ``deadline`` None = none given."""

    id: int
    code: str
    title: str
    source_type: str
    source: str = ""
    deadline: date | None = None
    obliges_local_work: bool = False
    description: str = ""
    url: str = ""
    initiative_ids: tuple[str, ...] = field(default=())


CRITERION_FIELDS = frozenset(
    {"name", "description", "lower_is_better", "anchor_low", "anchor_high", "unit_label",
     "active", "goal_id"})
GOAL_FIELDS = frozenset({"code", "title", "description", "sort_order"})
REQUIREMENT_FIELDS = frozenset(
    {"code", "title", "source_type", "source", "deadline", "obliges_local_work", "description",
     "url"})


# -- criteria -------------------------------------------------------------------------
def list_criteria(session: Session) -> list[CriterionRow]:
    """Every criterion (active or not) in sort order, with its levels."""
    crits = session.scalars(select(Criterion).order_by(Criterion.sort_order, Criterion.id)).all()
    return [
        CriterionRow(
            id=c.id, key=c.key, name=c.name, description=c.description or "", kind=c.kind,
            parent_id=c.parent_id, goal_id=c.goal_id, lower_is_better=bool(c.lower_is_better),
            anchor_low=c.anchor_low, anchor_high=c.anchor_high, unit_label=c.unit_label or "",
            sort_order=c.sort_order, active=bool(c.active),
            levels=tuple(LevelRow(lv.level, lv.label, lv.guide or "") for lv in c.levels),
        )
        for c in crits
    ]


def _criterion(session: Session, criterion_id: int) -> Criterion:
    crit = session.get(Criterion, criterion_id)
    if crit is None:
        raise UserError(_("Unknown criterion: {key}").format(key=criterion_id))
    return crit


def update_criterion(session: Session, criterion_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Change fields of a criterion (``CRITERION_FIELDS``); returns their old values.

    Refused (``ValidationError``): an empty or taken name; a numeric criterion whose two
    anchors are missing or equal (its scale would be undefined, DESIGN §7).
    """
    unknown = set(changes) - CRITERION_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    crit = _criterion(session, criterion_id)
    problems: list[str] = []
    if "name" in changes:
        name = str(changes["name"]).strip()
        changes = {**changes, "name": name}
        if not name:
            problems.append(_("Criterion: the name cannot be empty"))
        elif session.scalars(select(Criterion).where(Criterion.name == name, Criterion.id != crit.id)).first():
            problems.append(_("Criterion: the name '{name}' is already used").format(name=name))
    low = changes.get("anchor_low", crit.anchor_low)
    high = changes.get("anchor_high", crit.anchor_high)
    if crit.kind == CriterionKind.NUMERIC.value and (low is None or high is None or low == high):
        problems.append(_("Criterion '{name}': a numeric scale needs two different anchors").format(
            name=crit.name))
    if problems:
        raise ValidationError(problems[0], problems)
    old = {k: getattr(crit, k) for k in changes}
    for k, v in changes.items():
        setattr(crit, k, v)
    session.flush()
    return old


def set_level(session: Session, criterion_id: int, level: int, *, label: str | None = None,
              guide: str | None = None) -> tuple[str, str]:
    """Set the label and/or scoring guide (scoringsvejledning) of one level 0..4 of an
    ordinal criterion; returns the old ``(label, guide)``. Raises ``ValidationError`` for a
    level outside 0..4 or an empty label."""
    crit = _criterion(session, criterion_id)
    if not 0 <= level <= 4:
        raise ValidationError(_("A level is 0 to 4, not {level}").format(level=level))
    if label is not None and not label.strip():
        raise ValidationError(_("Criterion '{name}', level {level}: the label cannot be empty").format(
            name=crit.name, level=level))
    row = next((lv for lv in crit.levels if lv.level == level), None)
    if row is None:
        row = CriterionLevel(level=level, label=label or str(level), guide=guide or "")
        crit.levels.append(row)
        session.flush()
        return ("", "")
    old = (row.label, row.guide or "")
    if label is not None:
        row.label = label.strip()
    if guide is not None:
        row.guide = guide
    session.flush()
    return old


# -- goals and requirements ---------------------------------------------------------------
def list_goals(session: Session) -> list[GoalRow]:
    """Strategic goals in sort order, each with the ids of the initiatives linked to it."""
    links: dict[int, list[str]] = {}
    for iid, gid in session.execute(select(initiative_goal.c.initiative_id, initiative_goal.c.goal_id)):
        links.setdefault(gid, []).append(iid)
    return [
        GoalRow(g.id, g.code, g.title, g.description or "", g.sort_order,
                tuple(sorted(links.get(g.id, []))))
        for g in session.scalars(select(StrategicGoal).order_by(StrategicGoal.sort_order, StrategicGoal.code))
    ]


def list_requirements(session: Session) -> list[RequirementRow]:
    """External requirements by code, each with the ids of the initiatives linked to it."""
    links: dict[int, list[str]] = {}
    for iid, rid in session.execute(
        select(initiative_requirement.c.initiative_id, initiative_requirement.c.requirement_id)
    ):
        links.setdefault(rid, []).append(iid)
    return [
        RequirementRow(r.id, r.code, r.title, r.source_type, r.source or "", r.deadline,
                       bool(r.obliges_local_work), r.description or "", r.url or "",
                       tuple(sorted(links.get(r.id, []))))
        for r in session.scalars(select(ExternalRequirement).order_by(ExternalRequirement.code))
    ]


def _check_code_title(session: Session, model: Any, row_id: int | None, values: dict[str, Any],
                      what: str) -> list[str]:
    problems = []
    if "code" in values:
        code = str(values["code"]).strip()
        if not code:
            problems.append(_("{what}: the code cannot be empty").format(what=what))
        elif session.scalars(select(model).where(model.code == code, model.id != (row_id or -1))).first():
            problems.append(_("{what}: the code '{code}' is already used").format(what=what, code=code))
    if "title" in values and not str(values["title"]).strip():
        problems.append(_("{what}: the title cannot be empty").format(what=what))
    return problems


def _check_requirement(values: dict[str, Any]) -> list[str]:
    problems = []
    if "source_type" in values and values["source_type"] not in {s.value for s in RequirementSource}:
        problems.append(_("External requirement: unknown source type '{value}'").format(
            value=values["source_type"]))
    if "deadline" in values and values["deadline"] is not None and not isinstance(values["deadline"], date):
        problems.append(_("External requirement: the deadline is not a date"))
    return problems


def add_goal(session: Session, code: str, title: str, description: str = "") -> int:
    """Create a strategic goal; returns its id. Refused: empty or taken code, empty title."""
    values = {"code": code, "title": title}
    problems = _check_code_title(session, StrategicGoal, None, values, _("Strategic goal"))
    if problems:
        raise ValidationError(problems[0], problems)
    order = len(session.scalars(select(StrategicGoal.id)).all())
    goal = StrategicGoal(code=code.strip(), title=title.strip(), description=description,
                         sort_order=order)
    session.add(goal)
    session.flush()
    return goal.id


def add_requirement(session: Session, code: str, title: str, source_type: str, **values: Any) -> int:
    """Create an external requirement; returns its id. ``values``: other
    ``REQUIREMENT_FIELDS``. Refused: empty/taken code, empty title, unknown source type."""
    allv = {"code": code, "title": title, "source_type": source_type, **values}
    problems = _check_code_title(session, ExternalRequirement, None, allv, _("External requirement"))
    problems += _check_requirement(allv)
    if problems:
        raise ValidationError(problems[0], problems)
    req = ExternalRequirement(**{**allv, "code": code.strip(), "title": title.strip()})
    session.add(req)
    session.flush()
    return req.id


def update_goal(session: Session, goal_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Change fields of a goal (``GOAL_FIELDS``); returns the old values."""
    return _update(session, StrategicGoal, goal_id, changes, GOAL_FIELDS, _("Strategic goal"))


def update_requirement(session: Session, requirement_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Change fields of an external requirement (``REQUIREMENT_FIELDS``); returns the old
    values. Changing ``obliges_local_work`` makes its linked initiatives (not) mandatory."""
    problems = _check_requirement(changes)
    if problems:
        raise ValidationError(problems[0], problems)
    return _update(session, ExternalRequirement, requirement_id, changes, REQUIREMENT_FIELDS,
                   _("External requirement"))


def _update(session: Session, model: Any, row_id: int, changes: dict[str, Any],
            allowed: frozenset[str], what: str) -> dict[str, Any]:
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    row = session.get(model, row_id)
    if row is None:
        raise UserError(_("{what} {id} does not exist").format(what=what, id=row_id))
    problems = _check_code_title(session, model, row_id, changes, what)
    if problems:
        raise ValidationError(problems[0], problems)
    old = {k: getattr(row, k) for k in changes}
    for k, v in changes.items():
        setattr(row, k, v.strip() if k in ("code", "title") else v)
    session.flush()
    return old


def delete_goal(session: Session, goal_id: int) -> GoalRow:
    """Delete a goal (its links to initiatives go with it); returns a snapshot for
    ``restore_goal``. Criteria tied to the goal lose the tie."""
    snap = next((g for g in list_goals(session) if g.id == goal_id), None)
    if snap is None:
        raise UserError(_("{what} {id} does not exist").format(what=_("Strategic goal"), id=goal_id))
    session.delete(session.get(StrategicGoal, goal_id))  # an ORM delete, so it is audited
    session.flush()
    return snap


def restore_goal(session: Session, snap: GoalRow) -> None:
    """Re-create a deleted goal with its id and its links (the undo of ``delete_goal``)."""
    session.add(StrategicGoal(id=snap.id, code=snap.code, title=snap.title,
                              description=snap.description, sort_order=snap.sort_order))
    session.flush()
    if snap.initiative_ids:
        session.execute(insert(initiative_goal), [
            {"initiative_id": i, "goal_id": snap.id} for i in snap.initiative_ids])


def delete_requirement(session: Session, requirement_id: int) -> RequirementRow:
    """Delete an external requirement (and its links); returns a snapshot for undo."""
    snap = next((r for r in list_requirements(session) if r.id == requirement_id), None)
    if snap is None:
        raise UserError(_("{what} {id} does not exist").format(
            what=_("External requirement"), id=requirement_id))
    session.delete(session.get(ExternalRequirement, requirement_id))
    session.flush()
    return snap


def restore_requirement(session: Session, snap: RequirementRow) -> None:
    """Re-create a deleted requirement with its id and links (undo of ``delete_requirement``)."""
    values = {f.name: getattr(snap, f.name) for f in fields(snap) if f.name != "initiative_ids"}
    session.add(ExternalRequirement(**values))
    session.flush()
    if snap.initiative_ids:
        session.execute(insert(initiative_requirement), [
            {"initiative_id": i, "requirement_id": snap.id} for i in snap.initiative_ids])
