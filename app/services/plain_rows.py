"""Many rows of plain columns straight from the database driver (no ``Row`` objects).

SQLAlchemy wraps each result row in a ``Row`` (about 1 µs each on top of the driver):
for the tens of thousands of assessments or business-case lines a chart or ranking reads
at once, that is as much time as the query. ``plain_rows`` runs a Core statement on the
session's own connection and returns the driver's tuples.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session


def plain_rows(session: Session, statement: Select[Any]) -> list[tuple[Any, ...]]:
    """The rows of a Core ``statement`` as the database driver returns them (tuples).

    For reading tens of thousands of rows of plain columns (text, integers, floats) at
    once: SQLAlchemy's ``Row`` objects cost about 1 µs each on top of the driver (60,000
    assessments: ~110 ms through ``session.execute``, ~50 ms as driver tuples). Runs on
    the session's own connection and transaction after flushing pending changes, as
    ``session.execute`` would; bound values go to the driver as parameters. No type
    conversion happens on either side: use it for columns and parameters the driver
    maps as they are (text, integers, floats, booleans), not for dates, decimals, JSON
    or enums stored through a converting type.
    """
    session.flush()
    conn = session.connection()
    compiled = statement.compile(dialect=conn.dialect,
                                 compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positional:
        params = tuple(params[name] for name in compiled.positiontup or ())
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return cursor.fetchall()
    finally:
        cursor.close()
