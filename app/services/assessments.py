"""Assessments side by side (DESIGN §7 "Assessments"): the proposer's own, the
digitalisation unit's and the agreed score of each criterion; only the agreed one ranks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Assessment, Criterion
from app.models.enums import Assessor
from app.services.errors import UserError
from app.services.i18n import _
from app.services.scoring import scale_value


@dataclass(frozen=True)
class AssessmentView:
    """The three assessments of one criterion side by side (DESIGN §7 "Assessments").

    ``*_value`` raw values on the criterion's scale (None = not given); ``*_score`` the
    same on 0..1 (None = not given)."""

    criterion_key: str
    criterion_name: str
    kind: str
    proposer_value: float | None
    unit_value: float | None
    agreed_value: float | None
    proposer_score: float | None
    unit_score: float | None
    agreed_score: float | None
    comments: dict[str, str]


def assessments_for(session: Session, initiative_id: str) -> list[AssessmentView]:
    """Proposer / digitalisation unit / agreed assessments of one initiative, one entry
    per leaf criterion in criteria order. Raises ``UserError`` for an unknown id."""
    from app.models import Initiative
    from app.services import weights as weights_service

    if session.get(Initiative, initiative_id) is None:
        raise UserError(_("Unknown initiative: {id}").format(id=initiative_id))
    leaves = weights_service.leaf_criteria(session)
    got: dict[tuple[int, str], tuple[float, str]] = {}
    for cid, who, value, comment in session.execute(
        select(Assessment.criterion_id, Assessment.assessor, Assessment.value, Assessment.comment)
        .where(Assessment.initiative_id == initiative_id)
    ):
        got[(cid, who)] = (value, comment or "")
    out = []
    for c in leaves:
        vals = {a: got.get((c.id, a.value)) for a in Assessor}

        def raw(a: Assessor) -> float | None:
            v = vals[a]
            return None if v is None else float(v[0])

        def sc(a: Assessor) -> float | None:
            v = raw(a)
            return None if v is None else scale_value(c, v)

        out.append(AssessmentView(
            criterion_key=c.key, criterion_name=c.name, kind=c.kind,
            proposer_value=raw(Assessor.PROPOSER), unit_value=raw(Assessor.UNIT),
            agreed_value=raw(Assessor.AGREED), proposer_score=sc(Assessor.PROPOSER),
            unit_score=sc(Assessor.UNIT), agreed_score=sc(Assessor.AGREED),
            comments={a.value: vals[a][1] for a in Assessor if vals[a] and vals[a][1]},
        ))
    return out


def criterion_by_key(session: Session, key: str) -> Criterion:
    """The criterion with ``key`` (or with that name). Raises ``UserError`` if unknown."""
    crit = session.scalars(select(Criterion).where(Criterion.key == key)).first()
    if crit is None:
        crit = session.scalars(select(Criterion).where(Criterion.name == key)).first()
    if crit is None:
        raise UserError(_("Unknown criterion: {key}").format(key=key))
    return crit
