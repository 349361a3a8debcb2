"""Deleting an initiative so that it can be restored exactly (the undo of a delete).

``delete_initiative`` returns a plain dump of the initiative and every row that belongs to
it (assessments, business-case lines, dependencies both ways, notes, success criteria
with measurements, decisions, forced choices, exclusion memberships);
``restore_initiative`` puts them back with the same ids. Both run through the ORM in one
audited transaction each, so the audit log shows the deletion and the restoration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, or_, select

from app.models import (
    Assessment,
    BusinessCaseLine,
    Decision,
    Dependency,
    ExclusionMember,
    ExternalRequirement,
    FieldNote,
    Initiative,
    Measurement,
    OrgUnit,
    ScenarioForce,
    StrategicGoal,
    SuccessCriterion,
)
from app.services.changes import Changes, Kind
from app.services.errors import UserError
from app.services.i18n import _
from app.services.store import Portfolio

#: rows that belong to an initiative, in the order they are restored
_CHILDREN: tuple[type, ...] = (Assessment, BusinessCaseLine, FieldNote, SuccessCriterion,
                               Decision, ScenarioForce, ExclusionMember)


@dataclass
class InitiativeDump:
    """Everything needed to restore a deleted initiative (plain values)."""

    initiative: dict[str, Any]
    unit_ids: list[int]
    goal_ids: list[int]
    requirement_ids: list[int]
    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (model, values)


def _values(obj: Any) -> dict[str, Any]:
    return {a.key: getattr(obj, a.key) for a in inspect(type(obj)).column_attrs}


_MODELS = {m.__name__: m for m in (*_CHILDREN, Dependency, Measurement)}


def delete_initiative(pf: Portfolio, initiative_id: str) -> tuple[InitiativeDump, Changes]:
    """Delete the initiative and what belongs to it; returns the dump for undo.
    Raises ``UserError`` when it does not exist."""
    with pf.session(context=_("delete {id}").format(id=initiative_id)) as s:
        ini = s.get(Initiative, initiative_id)
        if ini is None:
            raise UserError(_("Unknown initiative: {id}").format(id=initiative_id))
        dump = InitiativeDump(_values(ini), [u.id for u in ini.units], [g.id for g in ini.goals],
                              [r.id for r in ini.requirements])
        doomed: list[Any] = []
        for model in _CHILDREN:
            for obj in s.scalars(select(model).where(model.initiative_id == initiative_id)):
                dump.rows.append((model.__name__, _values(obj)))
                if model is SuccessCriterion:
                    for m in obj.measurements:
                        dump.rows.append(("Measurement", _values(m)))
                doomed.append(obj)
        for dep in s.scalars(select(Dependency).where(or_(
                Dependency.initiative_id == initiative_id, Dependency.requires_id == initiative_id))):
            dump.rows.append(("Dependency", _values(dep)))
            doomed.append(dep)
        for obj in doomed:
            s.delete(obj)
        s.flush()
        s.delete(ini)
        others = {v["initiative_id"] for m, v in dump.rows if m == "Dependency"} | {
            v["requires_id"] for m, v in dump.rows if m == "Dependency"}
    return dump, Changes.of(Kind.INITIATIVE, Kind.DEPENDENCY, ids=others | {initiative_id})


def restore_initiative(pf: Portfolio, dump: InitiativeDump) -> Changes:
    """Put a deleted initiative back exactly as it was (same ids). Raises ``UserError``
    when an initiative with its id exists again."""
    iid = dump.initiative["id"]
    with pf.session(context=_("restore {id}").format(id=iid)) as s:
        if s.get(Initiative, iid) is not None:
            raise UserError(_("An initiative with id {id} already exists").format(id=iid))
        values = {k: v for k, v in dump.initiative.items() if k != "row_version"}
        ini = Initiative(**values)
        ini.units = [u for u in (s.get(OrgUnit, i) for i in dump.unit_ids) if u is not None]
        ini.goals = [g for g in (s.get(StrategicGoal, i) for i in dump.goal_ids) if g is not None]
        ini.requirements = [r for r in (s.get(ExternalRequirement, i)
                                        for i in dump.requirement_ids) if r is not None]
        s.add(ini)
        s.flush()
        for model_name, row in dump.rows:
            if model_name == "Dependency":
                other = row["requires_id"] if row["initiative_id"] == iid else row["initiative_id"]
                if s.get(Initiative, other) is None:
                    continue  # the other end was deleted meanwhile
            s.add(_MODELS[model_name](**row))
            s.flush()
        others = {v["initiative_id"] for m, v in dump.rows if m == "Dependency"} | {
            v["requires_id"] for m, v in dump.rows if m == "Dependency"}
    return Changes.of(Kind.INITIATIVE, Kind.DEPENDENCY, ids=others | {iid})
