"""Weights workshop storage (no Qt): the stored AHP judgements of a weight set and draft
weights for a new budget year. Each function works in the caller's session (one audited
transaction per call) and returns what an undo needs. Method: ``app.services.ahp``;
weights: ``app.services.weights``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Criterion, PairwiseJudgement, WeightSet
from app.services.errors import UserError, ValidationError
from app.services.i18n import _


# -- pairwise-comparison workshop ---------------------------------------------------------
def load_judgements(session: Session, weight_set_id: int, parent_criterion_id: int | None = None
                    ) -> dict[tuple[str, str], float]:
    """The stored AHP judgements of a weight set among the children of
    ``parent_criterion_id`` (None = the top level): {(row key, col key): value}, each pair
    once (``ahp.matrix_from_judgements`` fills in reciprocals and missing pairs as 1)."""
    keys = {c.id: c.key for c in session.scalars(select(Criterion))}
    q = select(PairwiseJudgement).where(PairwiseJudgement.weight_set_id == weight_set_id)
    q = q.where(PairwiseJudgement.parent_criterion_id.is_(None) if parent_criterion_id is None
                else PairwiseJudgement.parent_criterion_id == parent_criterion_id)
    return {(keys[j.row_criterion_id], keys[j.col_criterion_id]): float(j.value)
            for j in session.scalars(q)
            if j.row_criterion_id in keys and j.col_criterion_id in keys}


def set_judgement(session: Session, weight_set_id: int, row_key: str, col_key: str,
                  value: float | None, parent_criterion_id: int | None = None) -> float | None:
    """Store how much more important ``row_key`` is than ``col_key`` (Saaty's 1/9..9), or
    forget the judgement (None); the reverse pair is replaced. Returns the old value of
    (row, col) or None. Raises ``ValidationError`` outside 1/9..9 or for a criterion
    compared with itself, ``UserError`` for an unknown criterion or weight set."""
    if row_key == col_key:
        raise ValidationError(_("A criterion cannot be compared with itself"))
    if value is not None and not (1 / 9 - 1e-9 <= value <= 9 + 1e-9):
        raise ValidationError(_("A judgement is between 1/9 and 9, not {value}").format(value=value))
    if session.get(WeightSet, weight_set_id) is None:
        raise UserError(_("Unknown weight set: {id}").format(id=weight_set_id))
    crits = {c.key: c for c in session.scalars(select(Criterion).where(Criterion.key.in_([row_key, col_key])))}
    for key in (row_key, col_key):
        if key not in crits:
            raise UserError(_("Unknown criterion: {key}").format(key=key))
    r, c = crits[row_key].id, crits[col_key].id
    old: float | None = None
    for j in session.scalars(select(PairwiseJudgement).where(
            PairwiseJudgement.weight_set_id == weight_set_id,
            PairwiseJudgement.row_criterion_id.in_([r, c]),
            PairwiseJudgement.col_criterion_id.in_([r, c]))):
        if {j.row_criterion_id, j.col_criterion_id} != {r, c}:
            continue
        old = float(j.value) if j.row_criterion_id == r else 1.0 / float(j.value)
        session.delete(j)
    session.flush()
    if value is not None:
        session.add(PairwiseJudgement(weight_set_id=weight_set_id, parent_criterion_id=parent_criterion_id,
                                      row_criterion_id=r, col_criterion_id=c, value=float(value)))
        session.flush()
    return old


# -- weight sets ----------------------------------------------------------------------------
def new_draft_weights(session: Session, budget_year: int, copy_from: int | None = None,
                      name: str | None = None) -> int:
    """Create draft weights (kladde) for ``budget_year``, a copy of the percentages of
    weight set ``copy_from`` (or empty); returns the new set's id. Refused
    (``ValidationError``) when the year already has a draft or adopted set, so a year never
    has two candidates (DESIGN §7: weights are adopted once per budget year)."""
    from app.models import Weight
    from app.models.enums import WeightStatus

    taken = session.scalars(select(WeightSet).where(
        WeightSet.budget_year == budget_year,
        WeightSet.status.in_([WeightStatus.DRAFT.value, WeightStatus.ADOPTED.value]))).first()
    if taken is not None:
        raise ValidationError(_("{year} already has weights ('{name}')").format(
            year=budget_year, name=taken.name))
    ws = WeightSet(name=name or _("Weights {year}").format(year=budget_year),
                   budget_year=budget_year, status=WeightStatus.DRAFT.value, based_on_id=copy_from)
    if copy_from is not None:
        source = session.get(WeightSet, copy_from)
        if source is None:
            raise UserError(_("Unknown weight set: {id}").format(id=copy_from))
        ws.weights = [Weight(criterion_id=w.criterion_id, percent=w.percent) for w in source.weights]
    session.add(ws)
    session.flush()
    return ws.id


def delete_draft_weights(session: Session, weight_set_id: int) -> None:
    """Delete draft weights (the undo of ``new_draft_weights``). Refused for adopted or
    what-if weights, and for weights a scenario uses."""
    from app.models import Scenario
    from app.models.enums import WeightStatus

    ws = session.get(WeightSet, weight_set_id)
    if ws is None:
        raise UserError(_("Unknown weight set: {id}").format(id=weight_set_id))
    if ws.status != WeightStatus.DRAFT.value:
        raise UserError(_("Only draft weights can be deleted ('{name}' is {status})").format(
            name=ws.name, status=ws.status))
    if session.scalars(select(Scenario).where(Scenario.weight_set_id == weight_set_id)).first():
        raise UserError(_("The weights '{name}' are used by a scenario").format(name=ws.name))
    session.delete(ws)
    session.flush()
