"""What a row-version conflict was about (DESIGN §5: concurrent edits are detected, never
silently overwritten): my values, the values now stored, and who stored them.

The store calls ``conflict_error`` when a commit fails with SQLAlchemy's
``StaleDataError`` (the ``Versioned`` mixin's ``row_version`` no longer matches), before it
rolls back, so the session still knows what this editor changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.services import formatting
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


@dataclass(frozen=True)
class LastChange:
    """The newest audit entry of a row: who (``user``, the editor's user name) saved it,
    when (``at``, UTC, timezone-aware; None when not stored) and in what context (e.g.
    "edit EK-001", "import gmpp.csv"). The audit log stores no machine name."""

    user: str
    at: datetime | None
    context: str = ""


def last_change(session: Session, entity: str, entity_id: str | None = None, *,
                fields: Iterable[str] = (), initiative_id: str | None = None
                ) -> LastChange | None:
    """The newest audit entry (``AuditEntry``, written for every flushed change by
    ``app.services.audit``) of the row ``entity`` (table name) ``entity_id`` (its primary
    key as text, "/"-joined when composite), preferring an entry for one of ``fields``
    (column or relationship names) and falling back to any entry of the row. With
    ``entity_id`` None, the newest entry of ``entity`` about ``initiative_id``. None when
    the log has no such entry (audit switched off, a row written before the log).
    """
    from app.models import AuditEntry

    query = select(AuditEntry.user, AuditEntry.at, AuditEntry.context).where(
        AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    elif initiative_id is not None:
        query = query.where(AuditEntry.initiative_id == initiative_id)
    else:
        return None
    newest = query.order_by(AuditEntry.id.desc()).limit(1)
    wanted = [f for f in fields if not f.startswith("(")]
    row = None
    if wanted:
        row = session.execute(newest.where(AuditEntry.field.in_(wanted))).first()
    if row is None:
        row = session.execute(newest).first()
    if row is None:
        return None
    at = row.at
    if at is not None and at.tzinfo is None:  # SQLite returns stored UTC times naive
        at = at.replace(tzinfo=timezone.utc)
    return LastChange(str(row.user or ""), at, str(row.context or ""))


def describe_change(change: LastChange | None) -> str:
    """One sentence naming who saved the other value and when, in the output language:
    "Saved by ole on 30.11.2026 at 14:05." (date by ``formatting.format_date``, local time
    of this computer); without a user or a time it says what is not known."""
    if change is None or not (change.user or change.at):
        return _("The audit log does not say who saved it or when.")
    if change.at is None:
        return _("Saved by {user} (the time is not recorded).").format(user=change.user)
    local = change.at.astimezone()
    when = dict(date=formatting.format_date(local.date()), time=local.strftime("%H:%M"))
    if not change.user:
        return _("Saved on {date} at {time} (the user is not recorded).").format(**when)
    return _("Saved by {user} on {date} at {time}.").format(user=change.user, **when)


def stale_values(session: Session, message: str, mine: dict[str, Any],
                 theirs: dict[str, Any], *, entity: str, entity_id: str | None = None,
                 initiative_id: str | None = None, fields: Iterable[str] | None = None
                 ) -> ConflictError:
    """The ``ConflictError`` of a compare-and-set edit whose expected values are no longer
    stored: ``message`` (what was changed; nothing was overwritten) followed by who saved
    the other value and when (``describe_change`` of ``last_change`` for the fields of
    ``theirs``, or ``fields`` when the audit log names them otherwise), with ``mine``/
    ``theirs`` = {field: value}. ``entity``/``entity_id``/``initiative_id`` as for
    ``last_change``. Call it inside the editing session (it reads the audit log through
    ``session``)."""
    change = last_change(session, entity, entity_id,
                         fields=list(theirs) if fields is None else fields,
                         initiative_id=initiative_id)
    return ConflictError(f"{message} {describe_change(change)}", mine=mine, theirs=theirs)


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
            change = last_change(fresh, item["table"], ident, fields=fields)
            conflicts.append((f"{item['table']} {ident}", mine, theirs,
                              describe_change(change)))
    if not conflicts:
        return ConflictError(_("Another user has changed the same data since it was read; "
                               "nothing was overwritten. Reload and try again."))
    multi = len(conflicts) > 1
    mine_all: dict[str, Any] = {}
    theirs_all: dict[str, Any] = {}
    for label, mine, theirs, _who in conflicts:
        prefix = f"{label}: " if multi else ""
        mine_all.update({prefix + k: v for k, v in mine.items()})
        theirs_all.update({prefix + k: v for k, v in theirs.items()})
    # who saved each row and when: one sentence, or one line per row
    saved = [f"{label}: {who}" if multi else who for label, _m, _t, who in conflicts]
    yours, others = _("yours"), _("theirs")
    lines = [f"  {k}: {yours} {mine_all[k]!r}, {others} {theirs_all.get(k)!r}"
             for k in mine_all if not k.endswith(")")]
    message = _("Another user has changed {rows} since you read it; nothing was overwritten. "
                "Reload and make your change again.").format(
                    rows=", ".join(label for label, *_rest in conflicts))
    return ConflictError("\n".join([message, *saved, *lines]), mine=mine_all, theirs=theirs_all)
