"""What a row-version conflict was about (DESIGN §5: concurrent edits are detected, never
silently overwritten): my values, the values now stored, and who stored them.

The store calls ``conflict_error`` when a commit fails with SQLAlchemy's
``StaleDataError`` (the ``Versioned`` mixin's ``row_version`` no longer matches), before it
rolls back, so the session still knows what this editor changed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.services.errors import ConflictError
from app.services.i18n import _

_SKIP = frozenset({"row_version", "updated_at", "created_at"})


def _label(obj: Any) -> str:
    state = inspect(obj)
    ident = "/".join(str(k) for k in (state.identity or ()))
    return f"{obj.__tablename__} {ident}".strip()


def _my_changes(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP:
            continue
        hist = state.attrs[attr.key].history
        if hist.added:
            changes[attr.key] = hist.added[0]
    return changes


def _last_change(session: Session, table: str, ident: str) -> str:
    from app.models import AuditEntry

    row = session.execute(
        select(AuditEntry.user, AuditEntry.at)
        .where(AuditEntry.entity == table, AuditEntry.entity_id == ident)
        .order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if row is None:
        return ""
    when = row.at.astimezone().strftime("%H:%M") if row.at else "?"
    return _("changed by {user} at {time}").format(user=row.user, time=when)


def conflict_error(session: Session, factory: sessionmaker[Session]) -> ConflictError:
    """A ``ConflictError`` naming the rows another editor changed since this session read
    them, with ``mine`` and ``theirs`` = {field: value} for the fields this editor changed
    (keys are ``"<table> <id>: <field>"`` when more than one row conflicts).
    """
    candidates = [
        obj for obj in list(session.dirty) + list(session.deleted)
        if inspect(obj).mapper.version_id_col is not None and inspect(obj).identity
    ]
    conflicts: list[tuple[Any, dict[str, Any], dict[str, Any], str]] = []
    with factory() as fresh:
        for obj in candidates:
            state = inspect(obj)
            mapper = state.mapper
            version_key = mapper.get_property_by_column(mapper.version_id_col).key
            read_version = state.committed_state.get(version_key, getattr(obj, version_key))
            current = fresh.get(mapper.class_, state.identity)
            if current is not None and getattr(current, version_key) == read_version:
                continue  # this row was not the one changed by someone else
            mine = _my_changes(obj) if obj not in session.deleted else {"(delete)": True}
            if current is None:
                theirs = {key: None for key in mine} | {"(deleted)": True}
            else:
                theirs = {key: getattr(current, key, None) for key in mine if key != "(delete)"}
            ident = "/".join(str(k) for k in state.identity)
            conflicts.append((obj, mine, theirs, _last_change(fresh, obj.__tablename__, ident)))
    if not conflicts:
        return ConflictError(_("Another user has changed the same data since it was read; "
                               "nothing was overwritten. Reload and try again."))
    multi = len(conflicts) > 1
    mine_all: dict[str, Any] = {}
    theirs_all: dict[str, Any] = {}
    names = []
    for obj, mine, theirs, who in conflicts:
        prefix = f"{_label(obj)}: " if multi else ""
        mine_all.update({prefix + k: v for k, v in mine.items()})
        theirs_all.update({prefix + k: v for k, v in theirs.items()})
        names.append(_label(obj) + (f" ({who})" if who else ""))
    lines = [f"  {k}: {_('yours')} {mine_all[k]!r}, {_('theirs')} {theirs_all.get(k)!r}"
             for k in mine_all]
    message = _("Another user has changed {rows} since you read it; nothing was overwritten. "
                "Reload and make your change again.").format(rows=", ".join(names))
    return ConflictError("\n".join([message, *lines]), mine=mine_all, theirs=theirs_all)
