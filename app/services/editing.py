"""Small service functions behind the UI's undo commands: each one commits in one audited
transaction (``Portfolio.session``) and returns a ``Changes`` descriptor.

Every update is compare-and-set: the caller passes the values it showed the user
(``expected``); when the stored value differs, another editor changed it and
``ConflictError`` is raised with both values — nothing is overwritten (DESIGN §5). That
works on SQLite and PostgreSQL alike; row versions guard the rest.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ExternalRequirement, Initiative, OrgUnit, StrategicGoal
from app.models.enums import Audience, InitiativeKind, MaturityLevel, Phase
from app.services import conflicts
from app.services.changes import Changes, Kind
from app.services.errors import UserError, ValidationError
from app.services.i18n import _
from app.services.store import Portfolio

#: initiative columns the editor may change
SCALAR_FIELDS = frozenset({
    "title", "description", "lead_unit_id", "phase", "kind", "audience", "maturity_level",
    "project_owner", "project_manager", "benefit_owner", "system_owner", "start_date",
    "end_date", "mandatory", "outside_frame", "confidential", "financing", "note",
    "discount_rate", "horizon_years",
})
#: list-valued fields: participating unit ids, strategic goal ids, requirement ids
LIST_FIELDS = {"unit_ids": (OrgUnit, "units"), "goal_ids": (StrategicGoal, "goals"),
               "requirement_ids": (ExternalRequirement, "requirements")}

_CHOICES: dict[str, frozenset[str | None]] = {
    "phase": frozenset(p.value for p in Phase),
    "kind": frozenset(k.value for k in InitiativeKind),
    "audience": frozenset(a.value for a in Audience),
    "maturity_level": frozenset([*(m.value for m in MaturityLevel), None]),
}


def _current(ini: Initiative, name: str) -> Any:
    if name in LIST_FIELDS:
        return sorted(o.id for o in getattr(ini, LIST_FIELDS[name][1]))
    return getattr(ini, name)


def _normalise(name: str, value: Any) -> Any:
    return sorted(value) if name in LIST_FIELDS else value


def initiative_values(session: Session, initiative_id: str, names: list[str]) -> dict[str, Any]:
    """The stored values of ``names`` (scalar or list fields) of one initiative."""
    ini = _get(session, initiative_id)
    return {n: _current(ini, n) for n in names}


def _get(session: Session, initiative_id: str) -> Initiative:
    ini = session.get(Initiative, initiative_id)
    if ini is None:
        raise UserError(_("Unknown initiative: {id}").format(id=initiative_id))
    return ini


def validate_fields(values: dict[str, Any]) -> list[str]:
    """Problems with new initiative values (empty list = fine), each naming the field."""
    problems: list[str] = []
    for name, value in values.items():
        if name not in SCALAR_FIELDS and name not in LIST_FIELDS:
            problems.append(_("{field}: not a field that can be edited").format(field=name))
        elif name in _CHOICES and value not in _CHOICES[name]:
            problems.append(_("{field}: unknown value “{value}”").format(field=name, value=value))
    if "title" in values and not str(values["title"] or "").strip():
        problems.append(_("title: an initiative must have a title"))
    start, end = values.get("start_date"), values.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        problems.append(_("end date {end} is before start date {start}").format(
            end=end.isoformat(), start=start.isoformat()))
    rate = values.get("discount_rate")
    if rate is not None and "discount_rate" in values and not 0 <= float(rate) < 1:
        problems.append(_("discount rate must be between 0 and 100 %"))
    horizon = values.get("horizon_years")
    if horizon is not None and "horizon_years" in values and not 1 <= int(horizon) <= 60:
        problems.append(_("horizon must be between 1 and 60 years"))
    return problems


def update_initiative(
    pf: Portfolio, initiative_id: str, new: dict[str, Any], expected: dict[str, Any]
) -> Changes:
    """Set fields of one initiative (compare-and-set against ``expected``).

    ``new``/``expected`` map field names (``SCALAR_FIELDS`` or ``unit_ids``, ``goal_ids``,
    ``requirement_ids``) to values. Raises ``ValidationError`` for bad values,
    ``ConflictError`` when a stored value is not ``expected``.
    """
    problems = validate_fields(new)
    if problems:
        raise ValidationError(problems[0], problems)
    with pf.session(context=_("edit {id}").format(id=initiative_id)) as s:
        ini = _get(s, initiative_id)
        theirs = {n: _current(ini, n) for n in new if n in expected}
        stale = {n: v for n, v in theirs.items() if v != _normalise(n, expected[n])}
        if stale:
            raise conflicts.stale_values(
                s, _("{id} was changed by another editor; nothing was overwritten.").format(
                    id=initiative_id),
                mine={n: new[n] for n in stale}, theirs=stale, entity="initiative",
                entity_id=initiative_id,
                fields=[LIST_FIELDS[n][1] if n in LIST_FIELDS else n for n in stale])
        kinds = {Kind.INITIATIVE}
        for name, value in new.items():
            if name in LIST_FIELDS:
                model, attr = LIST_FIELDS[name]
                objs = [s.get(model, i) for i in value]
                if any(o is None for o in objs):
                    raise UserError(_("{field}: unknown id").format(field=name))
                setattr(ini, attr, objs)
                if name == "unit_ids":
                    kinds.add(Kind.UNITS)
            else:
                setattr(ini, name, value)
                if name == "lead_unit_id":
                    kinds.add(Kind.UNITS)
        if {"requirement_ids", "goal_ids"} & set(new):
            kinds.add(Kind.STRATEGY)
    return Changes.of(*kinds, ids=[initiative_id])


def next_initiative_id(session: Session, prefix: str = "EK-") -> str:
    """The next free id of the form ``EK-001`` (numbering after the highest in use)."""
    highest = 0
    for iid in session.scalars(select(Initiative.id).where(Initiative.id.like(f"{prefix}%"))):
        tail = iid[len(prefix):]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:03d}"


def create_initiative(pf: Portfolio, title: str, *, initiative_id: str | None = None,
                      lead_unit_id: int | None = None) -> tuple[str, Changes]:
    """A new initiative in phase idé; returns its id (generated as ``EK-nnn`` when None)."""
    if not title.strip():
        raise ValidationError(_("title: an initiative must have a title"))
    with pf.session(context=_("new initiative")) as s:
        iid = initiative_id or next_initiative_id(s)
        if s.get(Initiative, iid) is not None:
            raise UserError(_("An initiative with id {id} already exists").format(id=iid))
        s.add(Initiative(id=iid, title=title.strip(), lead_unit_id=lead_unit_id))
    return iid, Changes.of(Kind.INITIATIVE, ids=[iid])


def delete_empty_initiative(pf: Portfolio, initiative_id: str) -> Changes:
    """Delete an initiative that has no lines, assessments, decisions or dependencies yet
    (the undo of ``create_initiative``). Raises ``UserError`` when it has such data."""
    from app.models import Assessment, BusinessCaseLine, Decision, Dependency

    with pf.session(context=_("undo new initiative {id}").format(id=initiative_id)) as s:
        ini = _get(s, initiative_id)
        for model, col in ((BusinessCaseLine, BusinessCaseLine.initiative_id),
                           (Assessment, Assessment.initiative_id),
                           (Decision, Decision.initiative_id),
                           (Dependency, Dependency.initiative_id),
                           (Dependency, Dependency.requires_id)):
            if s.scalars(select(model).where(col == initiative_id)).first() is not None:
                raise UserError(_("{id} has data of its own now and is not deleted").format(
                    id=initiative_id))
        s.delete(ini)
    return Changes.of(Kind.INITIATIVE, ids=[initiative_id])
