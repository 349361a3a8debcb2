"""The audit log, written automatically for every flushed change (DESIGN §4, §8 issue).

An ``after_flush`` listener on the store's sessions records, for every new, changed and
deleted row, who, when, what, old → new; rows deleted as orphans and rows deleted by an
ORM bulk ``DELETE`` statement are logged by listeners of their own. The user and a context text (e.g. "import
gmpp.csv") come from ``session.info["user"]`` and ``session.info["context"]``.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from app.models import AuditEntry, Base, utcnow
from app.services.session_events import listen_once

#: columns whose changes are bookkeeping, not content
_SKIP_COLUMNS = frozenset({"row_version", "updated_at", "created_at"})


def current_user() -> str:
    """The operating-system user name, used as the editor's name."""
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no user database (some containers)
        return "ukendt"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _initiative_of(obj: Any) -> str | None:
    if obj.__tablename__ == "initiative":
        return str(obj.id)
    return getattr(obj, "initiative_id", None)


def _identity(obj: Any) -> str:
    state = inspect(obj)
    if state.identity:
        return "/".join(str(k) for k in state.identity)
    mapper = state.mapper
    return "/".join(str(getattr(obj, c.key, "")) for c in mapper.primary_key)


def _record(session: Session, obj: Any, action: str,
            base_fields: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The audit entries of one flushed row. ``base_fields`` (who, when, context) is
    computed once per flush by the listener; given alone, it is computed here."""
    if base_fields is None:
        base_fields = _base_fields(session)
    state = inspect(obj)
    base: dict[str, Any] = dict(
        base_fields,
        action=action,
        entity=obj.__tablename__,
        entity_id=_identity(obj),
        initiative_id=_initiative_of(obj),
    )
    entries: list[dict[str, Any]] = []
    if action == "update":
        for attr in state.mapper.column_attrs:
            if attr.key in _SKIP_COLUMNS:
                continue
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if _text(old) == _text(new):
                continue
            entries.append(
                dict(base, field=attr.key, old_value=_text(old), new_value=_text(new))
            )
        for rel in state.mapper.relationships:
            if rel.secondary is None:
                continue
            hist = state.attrs[rel.key].history
            if not hist.has_changes():
                continue
            entries.append(
                dict(
                    base,
                    field=rel.key,
                    old_value=", ".join(_identity(o) for o in (hist.deleted or ())) or None,
                    new_value=", ".join(_identity(o) for o in (hist.added or ())) or None,
                )
            )
    elif action == "create":
        summary = {}
        loaded = state.dict
        for key in _content_keys(state.mapper):
            # a freshly inserted row holds its values in the state; getattr only for
            # one that is not there (it may load it)
            value = loaded[key] if key in loaded else getattr(obj, key)
            if value is not None:
                summary[key] = _text(value)
        entries.append(dict(base, field="", old_value=None, new_value=repr(summary)))
    else:
        summary = {key: _text(getattr(obj, key)) for key in _content_keys(state.mapper)}
        entries.append(dict(base, field="", old_value=repr(summary), new_value=None))
    return entries


_CONTENT_KEYS: dict[Any, tuple[str, ...]] = {}


def _content_keys(mapper: Any) -> tuple[str, ...]:
    """The column attributes of ``mapper`` that are content (not bookkeeping), in order."""
    keys = _CONTENT_KEYS.get(mapper)
    if keys is None:
        keys = tuple(a.key for a in mapper.column_attrs if a.key not in _SKIP_COLUMNS)
        _CONTENT_KEYS[mapper] = keys
    return keys


def _base_fields(session: Session) -> dict[str, Any]:
    return dict(
        at=utcnow(),
        user=str(session.info.get("user") or current_user()),
        context=str(session.info.get("context") or ""),
    )


def _after_flush(session: Session, flush_context: Any) -> None:
    # after_flush: generated ids are known and attribute history is still intact.
    if session.info.get("audit", True) is False:
        return
    entries: list[dict[str, Any]] = []
    base = _base_fields(session)  # who, when, context: once per flush
    for obj in list(session.new):
        if isinstance(obj, Base) and not isinstance(obj, AuditEntry):
            entries.extend(_record(session, obj, "create", base))
    for obj in list(session.dirty):
        if isinstance(obj, Base) and not isinstance(obj, AuditEntry) and session.is_modified(obj):
            entries.extend(_record(session, obj, "update", base))
    logged = session.info.setdefault(_LOGGED, set())
    for obj in list(session.deleted):
        if isinstance(obj, Base) and not isinstance(obj, AuditEntry):
            entries.extend(_record(session, obj, "delete", base))
            logged.add(id(obj))
    if entries:
        session.connection().execute(insert(AuditEntry.__table__), entries)


#: types whose ``_text`` is ``str(value)``
_STR_IS_TEXT = frozenset({int, float, bool})


def created_entries(session: Session,
                    rows: Iterable[tuple[type[Any], Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """The "create" audit entries (``AuditEntry`` column → value) of rows inserted without
    the ORM (a Core ``insert(Model.__table__)`` executemany, which no flush sees), in the
    order given; ``log_created`` writes them.

    ``rows``: (mapped class, row) pairs; a row maps every column attribute to the value
    stored (defaults included, the primary key known). Each entry is the one the
    ``after_flush`` listener writes for the same row created through the ORM: who, when
    and the context from the session, action "create", entity = table, entity_id = the
    primary key ("/"-joined), initiative_id, and ``new_value`` = the summary of the
    non-empty content columns. Empty when the session's audit is off
    (``session.info["audit"] is False``).
    """
    if session.info.get("audit", True) is False:
        return []
    base = dict(_base_fields(session), action="create", field="", old_value=None)
    specs: dict[type[Any], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    entries: list[dict[str, Any]] = []
    for model, row in rows:
        spec = specs.get(model)
        if spec is None:
            mapper = inspect(model)
            pk = tuple(mapper.get_property_by_column(c).key for c in mapper.primary_key)
            spec = specs[model] = (model.__tablename__, _content_keys(mapper), pk)
        table, keys, pk = spec
        # the same text as _text, without calling it for str, int, float and bool
        summary = {k: v if (t := type(v)) is str else str(v) if t in _STR_IS_TEXT else _text(v)
                   for k in keys if (v := row.get(k)) is not None}
        entries.append(dict(
            base, entity=table,
            entity_id=str(row[pk[0]]) if len(pk) == 1 else "/".join(str(row[k]) for k in pk),
            initiative_id=str(row["id"]) if table == "initiative" else row.get("initiative_id"),
            new_value=repr(summary)))
    return entries


def log_created(session: Session, rows: Iterable[tuple[type[Any], Mapping[str, Any]]]) -> int:
    """Write the ``created_entries`` of ``rows`` (rows inserted without the ORM) in the
    session's transaction; returns the number of entries written."""
    entries = created_entries(session, rows)
    if entries:
        session.connection().execute(insert(AuditEntry.__table__), entries)
    return len(entries)


#: session.info keys: rows that may be deleted as orphans in this flush, and the
#: explicitly deleted rows the after-flush listener has logged already
_ORPHANS = "_audit_orphan_candidates"
_LOGGED = "_audit_logged_deletes"


def _collect_orphans(session: Session, flush_context: Any, instances: Any) -> None:
    """Before a flush: remember the rows taken out of a ``delete-orphan`` relationship
    (``initiative.lines.remove(line)``, ``initiative.lines = [...]``). SQLAlchemy deletes
    them during the flush without their ever being in ``session.deleted``, so the
    after-flush listener cannot see them; ``_log_orphans`` logs the ones it deleted."""
    candidates: list[Any] = []
    session.info[_ORPHANS] = candidates
    session.info[_LOGGED] = set()
    if session.info.get("audit", True) is False:
        return
    for obj in list(session.dirty):
        if not isinstance(obj, Base):
            continue
        state = inspect(obj)
        for rel in state.mapper.relationships:
            if not rel.cascade.delete_orphan:
                continue
            removed = state.attrs[rel.key].history.deleted
            candidates.extend(o for o in removed or () if isinstance(o, Base))


def _log_orphans(session: Session, flush_context: Any) -> None:
    """After a flush: an audit entry for every remembered row the flush deleted as an
    orphan (``was_deleted``), unless it was deleted explicitly and logged already."""
    candidates = session.info.pop(_ORPHANS, None) or []
    logged = session.info.pop(_LOGGED, None) or set()
    if not candidates:
        return
    base = _base_fields(session)
    entries: list[dict[str, Any]] = []
    for obj in candidates:
        if id(obj) in logged or not inspect(obj).was_deleted:
            continue
        logged.add(id(obj))
        entries.extend(_record(session, obj, "delete", base))
    if entries:
        session.connection().execute(insert(AuditEntry.__table__), entries)


def _log_bulk_delete(state: ORMExecuteState) -> None:
    """Before an ORM-enabled bulk ``DELETE`` (``session.execute(delete(Model).where(…))``,
    as the restore of an own export uses for lines, assessments, notes, dependencies,
    frames): an audit entry with the old content for every row it will delete. Such a
    statement never passes through a flush, so the after-flush listener cannot see it.
    The rows are read first in the same transaction (the statement's own WHERE clause),
    so the entries are exactly the rows deleted; the entries are written before the
    delete, in the same transaction, and roll back with it."""
    if not state.is_delete or state.session.info.get("audit", True) is False:
        return
    mapper = state.bind_mapper
    if mapper is None or mapper.class_ is AuditEntry:
        return
    statement = state.statement
    query = select(mapper.class_)
    where = getattr(statement, "whereclause", None)
    if where is not None:
        query = query.where(where)
    session = state.session
    base = _base_fields(session)
    entries: list[dict[str, Any]] = []
    for obj in session.scalars(query):
        entries.extend(_record(session, obj, "delete", base))
    if entries:
        session.connection().execute(insert(AuditEntry.__table__), entries)


def install(session_factory: Any) -> None:
    """Attach the audit listeners to a ``sessionmaker`` (idempotent): rows created,
    changed and deleted through a flush, rows deleted as orphans, and rows deleted by an
    ORM bulk ``DELETE`` statement."""
    listen_once(session_factory, "before_flush", _collect_orphans)
    listen_once(session_factory, "after_flush", _after_flush)
    listen_once(session_factory, "after_flush_postexec", _log_orphans)
    listen_once(session_factory, "do_orm_execute", _log_bulk_delete)


def log_event(
    session: Session,
    what: str,
    *,
    entity: str = "portfolio",
    entity_id: str = "",
    initiative_id: str | None = None,
    old: str | None = None,
    new: str | None = None,
    scenario_id: int | None = None,
) -> None:
    """Record an event that is not a row change (e.g. "what-if shown in presentation")."""
    session.add(
        AuditEntry(
            user=str(session.info.get("user") or current_user()),
            action="event",
            entity=entity,
            entity_id=entity_id,
            initiative_id=initiative_id,
            field=what,
            old_value=old,
            new_value=new,
            context=str(session.info.get("context") or ""),
            scenario_id=scenario_id,
        )
    )
