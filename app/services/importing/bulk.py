"""Insert many new rows with SQLAlchemy Core (one executemany per table) and audit them.

The ORM's unit of work costs ~0.1 ms per new object (instrumentation, cascades, the
flush's bookkeeping) and the audit listener as much again; an import of 5,000 initiatives
creates ~80,000 rows. Here rows are plain dicts: every column given (the model's
Python-side defaults filled in, as the ORM would), primary keys numbered before the insert
on SQLite and returned by the insert elsewhere, and the audit entries written by
``audit.log_created`` with the same content the listener writes for an ORM insert.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session


class RowDefaults:
    """The value every column of a mapped class's table gets when an insert does not set
    it: the column's Python-side default (a scalar, or a callable evaluated once per
    ``RowDefaults``), else None. Raises ``TypeError`` for a table with server-side
    defaults or SQL-expression defaults (an insert that lists every column would
    override them), and when an attribute key differs from its column key (rows here are
    keyed by both at once)."""

    def __init__(self, model: type[Any]) -> None:
        self.model = model
        self.table: Table = model.__table__
        values: dict[str, Any] = {}
        for col in self.table.columns:
            if col.server_default is not None:
                raise TypeError(f"{self.table.name}.{col.key} has a server default")
            prop = model.__mapper__.get_property_by_column(col)
            if prop.key != col.key:
                raise TypeError(f"{self.table.name}.{col.key} is mapped as {prop.key}")
            default = col.default
            if default is None:
                values[col.key] = None
            elif default.is_scalar:
                values[col.key] = default.arg
            elif default.is_callable:
                values[col.key] = default.arg(None)  # wrapped by SQLAlchemy to take a context
            else:
                raise TypeError(f"{self.table.name}.{col.key} has an SQL default")
        self.values = values

    def row(self, **given: Any) -> dict[str, Any]:
        """A complete row: the defaults, overridden by ``given`` (column keys)."""
        out = dict(self.values)
        out.update(given)
        return out


def insert_rows(session: Session, model: type[Any] | Table,
                rows: Sequence[dict[str, Any]], *, ids: bool = True) -> None:
    """Insert ``rows`` (complete dicts, same keys) into the table of ``model`` (a mapped
    class, or a plain ``Table`` such as an association table) in the session's
    transaction, with one executemany. A single integer primary key ``id`` that is None in
    the rows is filled in place: on SQLite numbered max(id) + 1 onwards in the given
    order (what SQLite itself assigns to an INTEGER PRIMARY KEY), on other databases
    returned by the insert (RETURNING, in parameter order). ``ids=False``: rows without
    ``id`` get theirs from the database and are not told them (e.g. audit entries)."""
    if not rows:
        return
    table: Table = model if isinstance(model, Table) else model.__table__
    pk = list(table.primary_key.columns)
    numbered = ids and len(pk) == 1 and pk[0].key == "id" and rows[0].get("id") is None
    sqlite = session.get_bind().dialect.name == "sqlite"
    if numbered and sqlite:
        start = (session.scalar(select(func.max(table.c.id))) or 0) + 1
        for number, row in enumerate(rows, start=start):
            row["id"] = number
    elif numbered:
        params = [{k: v for k, v in row.items() if k != "id"} for row in rows]
        ids = session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), params
        ).scalars().all()
        for row, new_id in zip(rows, ids, strict=True):
            row["id"] = new_id
        return
    if sqlite:
        _sqlite_executemany(session, table, rows)
    else:
        session.execute(insert(table), list(rows))


def _sqlite_executemany(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """``INSERT`` of ``rows`` as one DB-API executemany of positional tuples: the statement
    compiled once by SQLAlchemy and each value passed through its column type's bind
    processor (dates and times to SQLite's text, booleans to 0/1), as SQLAlchemy's own
    executemany does, without its per-row parameter bookkeeping (~30 % of the insert)."""
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup or ())
    if sorted(order) != sorted(keys):  # pragma: no cover - bind names other than the keys
        session.execute(insert(table), list(rows))
        return
    get = operator.itemgetter(*order)
    processed = []
    for i, k in enumerate(order):
        proc = table.c[k].type.dialect_impl(dialect).bind_processor(dialect)
        if proc is not None:
            processed.append((i, _last_value_cached(proc)))
    if len(order) == 1:
        params: list[Any] = [(get(row),) for row in rows]
    else:
        params = [get(row) for row in rows]
    if processed:
        for n, values in enumerate(params):
            values = list(values)
            for i, proc in processed:
                values[i] = proc(values[i])
            params[n] = tuple(values)
    connection.exec_driver_sql(compiled.string, params)


def _last_value_cached(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``proc`` remembering its last argument (by identity) and result: the rows of one
    insert share their time stamps (one default or audit time per import)."""
    last: list[Any] = [object(), None]

    def run(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, proc(value)
        return last[1]

    return run
