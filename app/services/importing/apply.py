"""Write a checked import plan into a portfolio session (one audited transaction).

Re-import matches on id (DESIGN §9): the fields the mapping fills are replaced — a field
left blank in the source becomes empty — and so are the cost lines (when a cost field is
mapped), the benefit lines (when a benefit field is mapped), the outgoing dependencies
(when ``requires`` is mapped) and the notes on imported fields. Kept: everything added in
the application — assessments other than imported scores, decisions, goal and
requirement links, success criteria, and the fields the mapping does not fill.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Assessment,
    BusinessCaseLine,
    Criterion,
    Dependency,
    FieldNote,
    Initiative,
    OrgUnit,
    utcnow,
)
from app.models.enums import Flow, LineType, UnitKind
from app.services.i18n import _
from app.services.importing.plan import ImportPlan, ImportRecord

#: ``Assessment.assessed_by`` of imported scores: only these are replaced on re-import
IMPORTED_BY = "import"

#: target field → Initiative attribute, and the value a blank source cell sets
_ATTRIBUTES: dict[str, tuple[str, Any]] = {
    "title": ("title", None),  # None: a blank keeps the current value
    "description": ("description", ""),
    "phase": ("phase", None),
    "kind": ("kind", None),
    "audience": ("audience", None),
    "maturity_level": ("maturity_level", ""),
    "owner": ("project_owner", ""),
    "project_manager": ("project_manager", ""),
    "start_date": ("start_date", ""),
    "end_date": ("end_date", ""),
    "mandatory": ("mandatory", False),
    "outside_frame": ("outside_frame", False),
    "confidential": ("confidential", False),
    "financing": ("financing", ""),
    "note": ("note", ""),
}
_NULLABLE = {"maturity_level", "start_date", "end_date"}


class _Units:
    """Organisational units by code and name; unknown ones are created (code = text)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[str, OrgUnit] = {}
        for unit in session.scalars(select(OrgUnit)):
            self.by_key.setdefault(unit.code, unit)
            self.by_key.setdefault(unit.name, unit)
        self.order = (session.scalar(select(func.max(OrgUnit.sort_order))) or 0) + 1

    def get(self, text: str) -> OrgUnit:
        unit = self.by_key.get(text)
        if unit is None:
            code, n = text[:40], 1
            while code in self.by_key:
                n += 1
                code = f"{text[:36]}-{n}"
            unit = OrgUnit(code=code, name=text[:200], kind=UnitKind.FORVALTNING.value,
                           sort_order=self.order)
            self.order += 1
            self.session.add(unit)
            self.by_key[text] = self.by_key[code] = unit
        return unit


def _set_fields(ini: Initiative, rec: ImportRecord, fields: set[str]) -> None:
    for name, (attr, blank) in _ATTRIBUTES.items():
        if name not in fields:
            continue
        if name in rec.values:
            setattr(ini, attr, rec.values[name])
        elif blank is not None:
            setattr(ini, attr, None if name in _NULLABLE else blank)


def _set_units(ini: Initiative, rec: ImportRecord, fields: set[str], units: _Units) -> None:
    if "lead_department" in fields:
        lead = rec.values.get("lead_department")
        ini.lead_unit = units.get(lead) if lead else None
    if "departments" in fields:
        lead_unit = ini.lead_unit
        wanted = [units.get(d) for d in rec.departments]
        ini.units = list(dict.fromkeys(u for u in wanted if u is not lead_unit))


def _set_lines(ini: Initiative, rec: ImportRecord, fields: set[str]) -> None:
    for flow, total_field, prefix in ((Flow.COST.value, "total_cost", "cost:"),
                                      (Flow.BENEFIT.value, "total_benefit", "benefit:")):
        if not any(f == total_field or f.startswith(prefix) for f in fields):
            continue
        ini.lines = [line for line in ini.lines if line.flow != flow]
        yearly = [ln for ln in rec.lines if ln.flow == flow]
        for ln in yearly:
            # line_type always given (the column default when the source has none), so
            # every line has the same columns and the flush inserts them in one batch
            ini.lines.append(BusinessCaseLine(
                flow=flow, budget_year=ln.budget_year, amount=ln.amount,
                financing=str(rec.values.get("financing") or ""),
                line_type=ln.line_type or LineType.OPERATING.value))
        total = rec.values.get(total_field)
        if total is not None and not yearly:
            ini.lines.append(BusinessCaseLine(flow=flow, budget_year=None, amount=total,
                                              financing=str(rec.values.get("financing") or ""),
                                              line_type=LineType.OPERATING.value))


def _set_scores(ini: Initiative, rec: ImportRecord, mapped: set[tuple[str, str]],
                criteria: dict[str, Criterion], source: str) -> None:
    given = {(criteria[s.criterion].id, s.assessor): s for s in rec.scores}
    keys = {(criteria[name].id, assessor) for name, assessor in mapped}
    comment = _("Imported from {source}").format(source=source)
    kept: list[Assessment] = []
    for a in ini.assessments:
        key = (a.criterion_id, a.assessor)
        if key in given:  # updated in place: the unique key stays
            a.value, a.comment, a.assessed_by = float(given.pop(key).value), comment, IMPORTED_BY
            a.assessed_at = utcnow()
        elif key in keys and a.assessed_by == IMPORTED_BY:
            continue  # an imported score whose source cell is now blank
        kept.append(a)
    for (crit_id, assessor), s in given.items():
        kept.append(Assessment(criterion_id=crit_id, assessor=assessor, value=float(s.value),
                               assessed_by=IMPORTED_BY, comment=comment))
    ini.assessments = kept


def _set_notes(ini: Initiative, rec: ImportRecord, fields: set[str]) -> None:
    note_fields = fields | {f for f, _t in rec.notes}
    ini.notes = [n for n in ini.notes if n.field not in note_fields]
    for name, text in rec.notes:
        ini.notes.append(FieldNote(field=name, text=text))


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def _load_existing(session: Session, ids: list[str]) -> dict[str, Initiative]:
    """The initiatives being updated, with what the import replaces, in a few queries."""
    out: dict[str, Initiative] = {}
    for chunk in _chunks(ids):
        query = select(Initiative).where(Initiative.id.in_(chunk)).options(
            selectinload(Initiative.lines), selectinload(Initiative.assessments),
            selectinload(Initiative.notes), selectinload(Initiative.units),
            selectinload(Initiative.lead_unit))
        out.update((i.id, i) for i in session.scalars(query))
    return out


def _number_new_rows(session: Session) -> None:
    """On SQLite, give the new lines, assessments and notes their ids before the flush:
    max(id) + 1 onwards in the order they were added, which is what SQLite itself
    assigns to an INTEGER PRIMARY KEY. Left to the database, SQLAlchemy inserts such rows
    one statement per row (to learn each id); numbered, it inserts them in batches.
    Other databases keep their sequences."""
    if session.get_bind().dialect.name != "sqlite":
        return
    pending: dict[type, list[Any]] = {}
    for obj in session.new:
        if type(obj) in (BusinessCaseLine, Assessment, FieldNote) and obj.id is None:
            pending.setdefault(type(obj), []).append(obj)
    for model, objs in pending.items():
        objs.sort(key=lambda o: inspect(o).insert_order)
        start = (session.scalar(select(func.max(model.id))) or 0) + 1
        for number, obj in enumerate(objs, start=start):
            obj.id = number


def apply_plan(session: Session, plan: ImportPlan) -> None:
    """Write ``plan`` (already checked: ``plan.ok``) into ``session``; no commit here."""
    units = _Units(session)
    criteria: dict[str, Criterion] = {}
    for c in session.scalars(select(Criterion)):
        criteria[c.name] = criteria[c.key] = c
    mapped_scores = {(f[6:].strip(), assessor) for f, assessor in plan.score_columns}
    source = plan.source
    existing = _load_existing(session, [r.id for r in plan.records if r.id in set(plan.updated_ids)])
    with session.no_autoflush:  # one flush for the whole source, not one per row
        for rec in plan.records:
            ini = existing.get(rec.id)
            if ini is None:
                ini = Initiative(id=rec.id, title=rec.title)
                session.add(ini)
            _set_fields(ini, rec, plan.fields)
            _set_units(ini, rec, plan.fields, units)
            _set_lines(ini, rec, plan.fields)
            _set_scores(ini, rec, mapped_scores, criteria, source)
            _set_notes(ini, rec, plan.fields)
            ini.source = source[:300]
        _number_new_rows(session)
    session.flush()
    if "requires" in plan.fields:
        ids = [r.id for r in plan.records]
        for chunk in _chunks(ids):
            for dep in session.scalars(select(Dependency).where(Dependency.initiative_id.in_(chunk))):
                session.delete(dep)
        session.flush()
        for rec in plan.records:
            for req in rec.requires:
                session.add(Dependency(initiative_id=rec.id, requires_id=req,
                                       note=_("Imported from {source}").format(source=source)))
    session.flush()

