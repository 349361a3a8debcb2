"""What a row-version conflict was about (DESIGN §5: concurrent edits are detected, never
silently overwritten): my values, the values now stored, and who stored them.

The store calls ``conflict_error`` when a commit fails with SQLAlchemy's
``StaleDataError`` (the ``Versioned`` mixin's ``row_version`` no longer matches), before it
rolls back, so the session still knows what this editor changed.
"""

from __future__ import annotations

from datetime import timezone
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.services.errors import ConflictError
from app.services.session_events import listen_once
from app.services.i18n import _

_SKIP = frozenset({"row_version", "updated_at", "created_at"})


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
    at = row.at
    if at is not None and at.tzinfo is None:  # SQLite returns stored UTC times naive
        at = at.replace(tzinfo=timezone.utc)
    when = at.astimezone().strftime("%H:%M") if at is not None else "?"
    return _("changed by {user} at {time}").format(user=row.user, time=when)


def remember_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    """``before_flush`` listener: note what this session is about to write to versioned
    rows (a failed flush rolls the objects back before the error reaches the store)."""
    pending: list[dict[str, Any]] = []
    for obj in list(session.dirty) + list(session.deleted):
        state = inspect(obj)
        mapper = state.mapper
        if mapper.version_id_col is None or not state.identity:
            continue
        deleted = obj in session.deleted
        changes = {"(delete)": True} if deleted else _my_changes(obj)
        if not changes:
            continue
        version_key = mapper.get_property_by_column(mapper.version_id_col).key
        pending.append({"class": mapper.class_, "identity": state.identity,
                        "table": obj.__tablename__, "version": getattr(obj, version_key),
                        "version_key": version_key, "changes": changes})
    session.info["versioned_pending"] = pending


def install(session_factory: sessionmaker[Session]) -> None:
    """Attach ``remember_changes`` to a ``sessionmaker`` (idempotent)."""
    listen_once(session_factory, "before_flush", remember_changes)


def conflict_error(session: Session, factory: sessionmaker[Session]) -> ConflictError:
    """A ``ConflictError`` naming the rows another editor changed since this session read
    them, with ``mine`` and ``theirs`` = {field: value} for the fields this editor changed
    (keys are ``"<table> <id>: <field>"`` when more than one row conflicts). A row the
    other editor deleted has ``theirs["(deleted)"] = True``; a row I deleted has
    ``mine["(delete)"] = True``.
    """
    conflicts: list[tuple[str, dict[str, Any], dict[str, Any], str]] = []
    with factory() as fresh:
        for item in session.info.get("versioned_pending", []):
            current = fresh.get(item["class"], item["identity"])
            if current is not None and getattr(current, item["version_key"]) == item["version"]:
                continue  # this row was not the one changed by someone else
            mine = item["changes"]
            fields = [k for k in mine if not k.startswith("(")]
            if current is None:
                theirs: dict[str, Any] = {key: None for key in fields} | {"(deleted)": True}
            else:
                theirs = {key: getattr(current, key, None) for key in fields}
            ident = "/".join(str(k) for k in item["identity"])
            conflicts.append((f"{item['table']} {ident}", mine, theirs,
                              _last_change(fresh, item["table"], ident)))
    if not conflicts:
        return ConflictError(_("Another user has changed the same data since it was read; "
                               "nothing was overwritten. Reload and try again."))
    multi = len(conflicts) > 1
    mine_all: dict[str, Any] = {}
    theirs_all: dict[str, Any] = {}
    names = []
    for label, mine, theirs, who in conflicts:
        prefix = f"{label}: " if multi else ""
        mine_all.update({prefix + k: v for k, v in mine.items()})
        theirs_all.update({prefix + k: v for k, v in theirs.items()})
        names.append(label + (f" ({who})" if who else ""))
    yours, others = _("yours"), _("theirs")
    lines = [f"  {k}: {yours} {mine_all[k]!r}, {others} {theirs_all.get(k)!r}"
             for k in mine_all if not k.endswith(")")]
    message = _("Another user has changed {rows} since you read it; nothing was overwritten. "
                "Reload and make your change again.").format(rows=", ".join(names))
    return ConflictError("\n".join([message, *lines]), mine=mine_all, theirs=theirs_all)
