"""Service functions for an initiative's child rows: business-case lines, decisions,
success criteria, measurements, assessments and dependencies. Each commits in one audited
transaction and returns a ``Changes``; updates are compare-and-set (see ``editing``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import inspect, select

from app.models import (
    Assessment,
    BusinessCaseLine,
    Criterion,
    Decision,
    Dependency,
    Initiative,
    Measurement,
    SuccessCriterion,
)
from app.models.enums import (
    Assessor,
    BenefitKind,
    Beneficiary,
    CostCategory,
    CriterionKind,
    DecisionOutcome,
    Flow,
    Forum,
    LineType,
)
from app.services import conflicts, dependencies
from app.services.changes import Changes, Kind
from app.services.errors import UserError, ValidationError
from app.services.i18n import _
from app.services.store import Portfolio

#: the child tables the editor adds, changes and deletes rows of, and the kind of data
ROW_KINDS: dict[str, tuple[type, str]] = {
    "line": (BusinessCaseLine, Kind.BUSINESS_CASE),
    "decision": (Decision, Kind.DECISION),
    "success_criterion": (SuccessCriterion, Kind.FOLLOWUP),
    "measurement": (Measurement, Kind.FOLLOWUP),
}


def _columns(model: type) -> list[str]:
    return [a.key for a in inspect(model).column_attrs]


def validate_row(kind: str, values: dict[str, Any]) -> list[str]:
    """Problems with a child row's values (DESIGN §9), each naming the field."""
    problems: list[str] = []
    if kind == "line":
        flow = values.get("flow")
        if flow not in {f.value for f in Flow}:
            problems.append(_("flow: must be cost or benefit"))
        for key in ("amount", "amount_low", "amount_high"):
            v = values.get(key)
            if flow == Flow.COST.value and v is not None and v < 0:
                problems.append(_("{field}: a cost cannot be negative").format(field=key))
        lo, mid, hi = values.get("amount_low"), values.get("amount"), values.get("amount_high")
        if mid is None:
            problems.append(_("amount: the likely amount is missing"))
        elif (lo is not None and lo > mid) or (hi is not None and hi < mid):
            problems.append(_("amount: low ≤ likely ≤ high is required"))
        year = values.get("budget_year")
        if year is not None and not 1990 <= int(year) <= 2200:
            problems.append(_("budget year {year} is not a plausible year").format(year=year))
        # "" = not split into anlæg and drift (an imported total whose source gave no type)
        if values.get("line_type", LineType.OPERATING.value) not in {"", *(t.value for t in LineType)}:
            problems.append(_("type: must be anlæg or drift"))
        if values.get("category", "andet") not in {c.value for c in CostCategory}:
            problems.append(_("category: unknown category"))
        if values.get("benefit_kind") not in {None, *(b.value for b in BenefitKind)}:
            problems.append(_("benefit kind: unknown value"))
        if values.get("beneficiary") not in {None, *(b.value for b in Beneficiary)}:
            problems.append(_("beneficiary: unknown value"))
        fte = values.get("fte")
        if fte is not None and fte < 0:
            problems.append(_("årsværk cannot be negative"))
    elif kind == "decision":
        if values.get("outcome") not in {o.value for o in DecisionOutcome}:
            problems.append(_("outcome: unknown decision"))
        if values.get("forum") not in {f.value for f in Forum}:
            problems.append(_("forum: unknown forum"))
        if not isinstance(values.get("decided_on"), date):
            problems.append(_("date: a decision needs a date"))
    elif kind == "success_criterion":
        if not str(values.get("name") or "").strip():
            problems.append(_("name: a success criterion needs a name"))
    elif kind == "measurement":
        if not isinstance(values.get("measured_on"), date):
            problems.append(_("date: a measurement needs a date"))
        if values.get("value") is None:
            problems.append(_("value: a measurement needs a value"))
    return problems


def _initiative_of(s: Any, obj: Any) -> str:
    if isinstance(obj, Measurement):
        return s.get(SuccessCriterion, obj.success_criterion_id).initiative_id
    return str(obj.initiative_id)


def _model(kind: str) -> tuple[type, str]:
    if kind not in ROW_KINDS:
        raise ValueError(f"unknown row kind {kind!r}")
    return ROW_KINDS[kind]


def add_row(pf: Portfolio, kind: str, values: dict[str, Any],
            row_id: int | None = None) -> tuple[int, Changes]:
    """Insert a child row (``row_id`` given when redoing an undone add); returns its id."""
    model, data_kind = _model(kind)
    problems = validate_row(kind, values)
    if problems:
        raise ValidationError(problems[0], problems)
    cols = set(_columns(model))
    with pf.session(context=_("edit")) as s:
        obj = model(**{k: v for k, v in values.items() if k in cols and k != "id"})
        if row_id is not None:
            obj.id = row_id
        s.add(obj)
        s.flush()
        new_id, iid = int(obj.id), _initiative_of(s, obj)
    return new_id, Changes.of(data_kind, ids=[iid])


def row_values(pf: Portfolio, kind: str, row_id: int) -> dict[str, Any]:
    """All column values of a child row (to restore it on undo)."""
    model, _kind = _model(kind)
    with pf.read() as s:
        obj = s.get(model, row_id)
        if obj is None:
            raise UserError(_("The row no longer exists; it was deleted by another editor."))
        return {c: getattr(obj, c) for c in _columns(model)}


def update_row(pf: Portfolio, kind: str, row_id: int, new: dict[str, Any],
               expected: dict[str, Any]) -> Changes:
    """Change fields of a child row (compare-and-set against ``expected``)."""
    model, data_kind = _model(kind)
    with pf.session(context=_("edit")) as s:
        obj = s.get(model, row_id)
        if obj is None:
            raise UserError(_("The row no longer exists; it was deleted by another editor."))
        merged = {c: getattr(obj, c) for c in _columns(model)} | new
        problems = validate_row(kind, merged)
        if problems:
            raise ValidationError(problems[0], problems)
        stale = {k: getattr(obj, k) for k in new if k in expected and getattr(obj, k) != expected[k]}
        if stale:
            raise conflicts.stale_values(
                s, _("The row was changed by another editor; nothing was overwritten."),
                mine={k: new[k] for k in stale}, theirs=stale, entity=model.__tablename__,
                entity_id=str(row_id))
        for k, v in new.items():
            setattr(obj, k, v)
        iid = _initiative_of(s, obj)
    return Changes.of(data_kind, ids=[iid])


def delete_row(pf: Portfolio, kind: str, row_id: int) -> tuple[dict[str, Any], Changes]:
    """Delete a child row; returns its values (with ``id``) so undo can restore it.

    Deleting a success criterion deletes its measurements (they are restored apart by
    the caller only when it saved them; the editor asks before such a delete)."""
    model, data_kind = _model(kind)
    with pf.session(context=_("edit")) as s:
        obj = s.get(model, row_id)
        if obj is None:
            raise UserError(_("The row no longer exists; it was deleted by another editor."))
        values = {c: getattr(obj, c) for c in _columns(model)}
        iid = _initiative_of(s, obj)
        s.delete(obj)
    return values, Changes.of(data_kind, ids=[iid])


def set_assessment(pf: Portfolio, initiative_id: str, criterion_id: int, assessor: str,
                   value: float | None, comment: str,
                   expected: tuple[float | None, str]) -> Changes:
    """Set (or with ``value`` None, clear) one assessment; compare-and-set on ``expected``.

    ``value`` is on the criterion's own scale: an ordinal level 0..4 (whole number) or
    the numeric criterion's raw quantity. Raises ``ValidationError`` for an out-of-scale
    value, ``ConflictError`` when another editor changed it.
    """
    if assessor not in {a.value for a in Assessor}:
        raise ValueError(f"unknown assessor {assessor!r}")
    with pf.session(context=_("assessment {id}").format(id=initiative_id)) as s:
        crit = s.get(Criterion, criterion_id)
        if crit is None or s.get(Initiative, initiative_id) is None:
            raise UserError(_("Unknown initiative or criterion"))
        if value is not None and crit.kind != CriterionKind.NUMERIC.value and (
                value != int(value) or not 0 <= value <= 4):
            raise ValidationError(_("{criterion}: a level must be a whole number 0–4, not {value}")
                                  .format(criterion=crit.name, value=value))
        row = s.scalars(select(Assessment).where(
            Assessment.initiative_id == initiative_id, Assessment.criterion_id == criterion_id,
            Assessment.assessor == assessor)).first()
        current = (None, "") if row is None else (row.value, row.comment or "")
        if current != tuple(expected):
            # who saved it: the row's newest audit entry (unknown when the row is gone)
            raise conflicts.stale_values(
                s, _("The assessment of {criterion} was changed by another editor; nothing "
                     "was overwritten.").format(criterion=crit.name),
                mine={crit.name: value}, theirs={crit.name: current[0]}, entity="assessment",
                entity_id=None if row is None else str(row.id), fields=["value", "comment"])
        if value is None and not comment:
            if row is not None:
                s.delete(row)
        elif value is None:
            raise ValidationError(_("{criterion}: a comment needs a value").format(
                criterion=crit.name))
        elif row is None:
            s.add(Assessment(initiative_id=initiative_id, criterion_id=criterion_id,
                             assessor=assessor, value=float(value), comment=comment,
                             assessed_by=pf.user))
        else:
            row.value, row.comment, row.assessed_by = float(value), comment, pf.user
    return Changes.of(Kind.ASSESSMENT, ids=[initiative_id])


def add_dependency(pf: Portfolio, initiative_id: str, requires_id: str, note: str = "") -> Changes:
    """``initiative_id`` requires ``requires_id``. A self-dependency, a duplicate or a
    dependency that closes a cycle is refused (``UserError`` naming the whole cycle)."""
    with pf.session(context=_("dependency {a} → {b}").format(a=initiative_id, b=requires_id)) as s:
        for iid in (initiative_id, requires_id):
            if s.get(Initiative, iid) is None:
                raise UserError(_("Unknown initiative: {id}").format(id=iid))
        edges = s.execute(select(Dependency.initiative_id, Dependency.requires_id)).all()
        dependencies.check_new_dependency([tuple(e) for e in edges], initiative_id, requires_id)
        s.add(Dependency(initiative_id=initiative_id, requires_id=requires_id, note=note))
    return Changes.of(Kind.DEPENDENCY, ids=[initiative_id, requires_id])


def remove_dependency(pf: Portfolio, initiative_id: str, requires_id: str) -> tuple[str, Changes]:
    """Remove the dependency; returns its note (for undo)."""
    with pf.session(context=_("dependency {a} → {b}").format(a=initiative_id, b=requires_id)) as s:
        dep = s.get(Dependency, (initiative_id, requires_id))
        if dep is None:
            raise UserError(_("{a} does not require {b}").format(a=initiative_id, b=requires_id))
        note = dep.note
        s.delete(dep)
    return note, Changes.of(Kind.DEPENDENCY, ids=[initiative_id, requires_id])
