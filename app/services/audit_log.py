"""The portfolio's audit log as plain rows for the audit view (issue 8: a view of every
change for the whole portfolio, beside the per-initiative history)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import AuditEntry
from app.services import audit_text


@dataclass(frozen=True)
class LogRow:
    """One audit entry: ``at`` (UTC), who, action (create/update/delete/event), table,
    row id, initiative id (or ''), field, old → new, context (e.g. "import gmpp.csv")."""

    at: datetime
    user: str
    action: str
    entity: str
    entity_id: str
    initiative_id: str
    field: str
    old_value: str
    new_value: str
    context: str


def load_log(session: Session, *, text: str = "", limit: int = 5000) -> list[LogRow]:
    """The newest ``limit`` audit entries, newest first; ``text`` (case-insensitive)
    keeps entries whose user, table, initiative, field, values or context contain it, or
    whose field's label in the output language does (``audit_text.fields_matching``:
    "obligatorisk" finds the changes of ``mandatory``). Values are matched as stored."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    needle = text.strip()
    if needle:
        pattern = f"%{needle}%"
        conditions = [
            AuditEntry.user.ilike(pattern), AuditEntry.entity.ilike(pattern),
            AuditEntry.initiative_id.ilike(pattern), AuditEntry.field.ilike(pattern),
            AuditEntry.old_value.ilike(pattern), AuditEntry.new_value.ilike(pattern),
            AuditEntry.context.ilike(pattern)]
        labelled = audit_text.fields_matching(needle)
        if labelled:
            conditions.append(AuditEntry.field.in_(sorted(labelled)))
        query = query.where(or_(*conditions))
    return [
        LogRow(e.at, e.user, e.action, e.entity, e.entity_id, e.initiative_id or "",
               e.field, e.old_value or "", e.new_value or "", e.context)
        for e in session.scalars(query.limit(limit))
    ]
