"""Write a checked import plan into a portfolio session (one audited transaction).

Re-import matches on id (DESIGN §9): the fields the mapping fills are replaced — a field
left blank in the source becomes empty — and so are the cost lines (when a cost field is
mapped), the benefit lines (when a benefit field is mapped), the outgoing dependencies
(when ``requires`` is mapped) and the notes on imported fields. Kept: everything added in
the application — assessments other than imported scores, decisions, goal and
requirement links, success criteria, and the fields the mapping does not fill.
"""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Assessment,
    AuditEntry,
    BusinessCaseLine,
    Criterion,
    Dependency,
    FieldNote,
    Initiative,
    OrgUnit,
    initiative_unit,
    utcnow,
)
from app.models.enums import Flow, LineType, UnitKind
from app.services import audit
from app.services.economics import UNSPLIT, UNSTATED_PRICE_FIELD
from app.services.i18n import _
from app.services.importing.bulk import RowDefaults, insert_rows
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


def _field_values(rec: ImportRecord, fields: set[str]) -> list[tuple[str, Any]]:
    """(Initiative attribute, value) of the mapped scalar fields of ``rec``; a blank cell
    gives the field's blank value (a blank title keeps the current one)."""
    out: list[tuple[str, Any]] = []
    for name, (attr, blank) in _ATTRIBUTES.items():
        if name not in fields:
            continue
        if name in rec.values:
            out.append((attr, rec.values[name]))
        elif blank is not None:
            out.append((attr, None if name in _NULLABLE else blank))
    return out


def _set_fields(ini: Initiative, rec: ImportRecord, fields: set[str]) -> None:
    for attr, value in _field_values(rec, fields):
        setattr(ini, attr, value)


def _set_units(ini: Initiative, rec: ImportRecord, fields: set[str], units: _Units) -> None:
    if "lead_department" in fields:
        lead = rec.values.get("lead_department")
        ini.lead_unit = units.get(lead) if lead else None
    if "departments" in fields:
        lead_unit = ini.lead_unit
        wanted = [units.get(d) for d in rec.departments]
        ini.units = list(dict.fromkeys(u for u in wanted if u is not lead_unit))


def _replaced_flows(fields: set[str]) -> list[str]:
    """The flows (cost, benefit) whose lines the import replaces: those it maps a field of."""
    return [flow for flow, total_field, prefix in (
        (Flow.COST.value, "total_cost", "cost:"), (Flow.BENEFIT.value, "total_benefit", "benefit:"))
        if any(f == total_field or f.startswith(prefix) for f in fields)]


def _line_type(flow: str, given: str | None) -> str:
    """The stored ``line_type`` of an imported line: the mapping's, else for a cost
    ``economics.UNSPLIT`` (the source does not say anlæg or drift: never read as drift)
    and for a benefit the column default drift (a benefit's type is not budgeted)."""
    if given:
        return given
    return UNSPLIT if flow == Flow.COST.value else LineType.OPERATING.value


def _line_values(rec: ImportRecord, flows: list[str]) -> list[dict[str, Any]]:
    """The new business-case lines of ``rec`` for ``flows`` (column → value), in order:
    the yearly lines of a flow, else one line of its total. Type and benefit kind as the
    mapping gives them for the column (``line_type``, ``benefit_kind``), else a cost is
    not split into anlæg/drift and a benefit's kind is unknown (None)."""
    financing = str(rec.values.get("financing") or "")
    out: list[dict[str, Any]] = []
    for flow in flows:
        yearly = [ln for ln in rec.lines if ln.flow == flow]
        for ln in yearly:
            # line_type and benefit_kind always given, so every line has the same
            # columns and is inserted in one batch
            out.append(dict(flow=flow, budget_year=ln.budget_year, amount=ln.amount,
                            financing=financing, line_type=_line_type(flow, ln.line_type),
                            benefit_kind=ln.benefit_kind))
        total_field = "total_cost" if flow == Flow.COST.value else "total_benefit"
        total = rec.values.get(total_field)
        if total is not None and not yearly:
            line_type, kind = rec.total_types.get(total_field, (None, None))
            out.append(dict(flow=flow, budget_year=None, amount=total, financing=financing,
                            line_type=_line_type(flow, line_type), benefit_kind=kind))
    return out


def _set_lines(ini: Initiative, rec: ImportRecord, fields: set[str]) -> None:
    flows = _replaced_flows(fields)
    if not flows:
        return
    # the replaced lines go as orphans of the collection (the audit logs them)
    ini.lines = [line for line in ini.lines if line.flow not in flows]
    for values in _line_values(rec, flows):
        ini.lines.append(BusinessCaseLine(**values))


def _given_scores(rec: ImportRecord, criteria: dict[str, Criterion]) -> dict[tuple[int, str], float]:
    """(criterion id, assessor) → value of ``rec``'s scores (a later column wins)."""
    return {(criteria[s.criterion].id, s.assessor): float(s.value) for s in rec.scores}


def _set_scores(ini: Initiative, rec: ImportRecord, mapped: set[tuple[str, str]],
                criteria: dict[str, Criterion], comment: str) -> None:
    given = _given_scores(rec, criteria)
    keys = {(criteria[name].id, assessor) for name, assessor in mapped}
    kept: list[Assessment] = []
    for a in ini.assessments:
        key = (a.criterion_id, a.assessor)
        if key in given:  # updated in place: the unique key stays
            a.value, a.comment, a.assessed_by = given.pop(key), comment, IMPORTED_BY
            a.assessed_at = utcnow()
        elif key in keys and a.assessed_by == IMPORTED_BY:
            continue  # an imported score whose source cell is now blank: dropped
        kept.append(a)
    for (crit_id, assessor), value in given.items():
        kept.append(Assessment(criterion_id=crit_id, assessor=assessor, value=value,
                               assessed_by=IMPORTED_BY, comment=comment))
    ini.assessments = kept


def _set_notes(ini: Initiative, rec: ImportRecord, fields: set[str]) -> None:
    note_fields = fields | {f for f, _t in rec.notes}
    if _replaced_flows(fields):  # new amounts: an old note on their price base goes too
        note_fields.add(UNSTATED_PRICE_FIELD)
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


def _create_units(plan: ImportPlan, units: _Units) -> None:
    """Create the units the rows name that the portfolio lacks, in the order the rows
    name them (lead before participants), so they have ids before the rows are written."""
    if "lead_department" not in plan.fields and "departments" not in plan.fields:
        return
    for rec in plan.records:
        if "lead_department" in plan.fields and rec.values.get("lead_department"):
            units.get(rec.values["lead_department"])
        if "departments" in plan.fields:
            for name in rec.departments:
                units.get(name)


def _insert_new(session: Session, plan: ImportPlan, records: list[ImportRecord],
                units: _Units, criteria: dict[str, Criterion], comment: str) -> None:
    """Insert the initiatives of ``records`` (none of them in the portfolio yet) with their
    unit links, lines, scores and notes: one Core executemany per table and the audit
    entries the ORM flush would give them (per initiative: the initiative, its lines,
    scores and notes; unit links, like the ORM's, are part of no create entry)."""
    fields = plan.fields
    flows = _replaced_flows(fields)
    source = plan.source[:300]
    ini_defaults, line_defaults = RowDefaults(Initiative), RowDefaults(BusinessCaseLine)
    score_defaults, note_defaults = RowDefaults(Assessment), RowDefaults(FieldNote)
    ini_rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    lines: list[list[dict[str, Any]]] = []
    scores: list[list[dict[str, Any]]] = []
    notes: list[list[dict[str, Any]]] = []
    for rec in records:
        row = ini_defaults.row(id=rec.id, title=rec.title)
        row.update(_field_values(rec, fields))
        row["source"] = source
        lead_unit = None
        if "lead_department" in fields:
            lead = rec.values.get("lead_department")
            lead_unit = units.get(lead) if lead else None
            row["lead_unit_id"] = lead_unit.id if lead_unit is not None else None
        if "departments" in fields:
            wanted = dict.fromkeys(units.get(d) for d in rec.departments)
            links.extend({"initiative_id": rec.id, "unit_id": u.id}
                         for u in wanted if u is not lead_unit)
        ini_rows.append(row)
        lines.append([line_defaults.row(initiative_id=rec.id, **v)
                      for v in _line_values(rec, flows)])
        scores.append([score_defaults.row(initiative_id=rec.id, criterion_id=crit_id,
                                          assessor=assessor, value=value,
                                          assessed_by=IMPORTED_BY, comment=comment)
                       for (crit_id, assessor), value in _given_scores(rec, criteria).items()])
        notes.append([note_defaults.row(initiative_id=rec.id, field=name, text=text)
                      for name, text in rec.notes])
    insert_rows(session, Initiative, ini_rows)
    insert_rows(session, initiative_unit, links)
    for model, per_record in ((BusinessCaseLine, lines), (Assessment, scores),
                              (FieldNote, notes)):
        insert_rows(session, model, [r for rows in per_record for r in rows])
    insert_rows(session, AuditEntry, audit.created_entries(session, (
        item for i, row in enumerate(ini_rows) for item in itertools.chain(
            ((Initiative, row),), ((BusinessCaseLine, r) for r in lines[i]),
            ((Assessment, r) for r in scores[i]), ((FieldNote, r) for r in notes[i])))),
        ids=False)


def apply_plan(session: Session, plan: ImportPlan, *, bulk: bool = True) -> None:
    """Write ``plan`` (already checked: ``plan.ok``) into ``session``; no commit here.

    Initiatives the portfolio has are updated through the ORM (the audit listener logs
    each changed field, old → new). New ones are inserted with Core executemany and
    their audit entries written directly (``_insert_new``); ``bulk=False`` creates them
    through the ORM instead (same rows and audit content, ~10× slower: the reference the
    tests compare the fast path with).
    """
    units = _Units(session)
    criteria: dict[str, Criterion] = {}
    for c in session.scalars(select(Criterion)):
        criteria[c.name] = criteria[c.key] = c
    mapped_scores = {(f[6:].strip(), assessor) for f, assessor in plan.score_columns}
    source = plan.source
    comment = _("Imported from {source}").format(source=source)
    updated = set(plan.updated_ids)
    existing = _load_existing(session, [r.id for r in plan.records if r.id in updated])
    _create_units(plan, units)
    session.flush()  # the new units get their ids
    new_records: list[ImportRecord] = []
    with session.no_autoflush:  # one flush for the whole source, not one per row
        for rec in plan.records:
            ini = existing.get(rec.id)
            if ini is None:
                if bulk:
                    new_records.append(rec)
                    continue
                ini = Initiative(id=rec.id, title=rec.title)
                session.add(ini)
            _set_fields(ini, rec, plan.fields)
            _set_units(ini, rec, plan.fields, units)
            _set_lines(ini, rec, plan.fields)
            _set_scores(ini, rec, mapped_scores, criteria, comment)
            _set_notes(ini, rec, plan.fields)
            ini.source = source[:300]
        _number_new_rows(session)
    session.flush()
    _insert_new(session, plan, new_records, units, criteria, comment)
    if "requires" in plan.fields:
        for chunk in _chunks([r.id for r in plan.records if r.id in existing]):
            for dep in session.scalars(select(Dependency).where(Dependency.initiative_id.in_(chunk))):
                session.delete(dep)
        session.flush()
        note = _("Imported from {source}").format(source=source)
        dep_defaults = RowDefaults(Dependency)
        deps = [dep_defaults.row(initiative_id=rec.id, requires_id=req, note=note)
                for rec in plan.records for req in rec.requires]
        if bulk:
            insert_rows(session, Dependency, deps)
            insert_rows(session, AuditEntry,
                        audit.created_entries(session, ((Dependency, d) for d in deps)), ids=False)
        else:
            session.add_all(Dependency(**d) for d in deps)
    session.flush()
