"""Alembic, run by the application itself (DESIGN §5): which schema a portfolio has, and
upgrading it in one transaction.

Usage (the store calls these; nothing else needs to)::

    head_revision()                      # "0002": the schema this version of the app writes
    known_revisions()                    # every revision this app can read and upgrade from
    revision_of(connection)              # the portfolio's revision, or None
    upgrade_sqlite(path)                 # one transaction, foreign keys off during the
                                         # batch rebuilds, PRAGMA foreign_key_check after
    upgrade_connection(connection)       # PostgreSQL / in-memory copies: caller's transaction
    stamp_head(connection)               # a new portfolio made by ``create_all``

The migrations live in ``migrations/`` beside the ``app`` package; ``migrations/env.py``
takes the connection from ``config.attributes["connection"]`` (Alembic cookbook, "Sharing a
Connection across one or more programmatic migration commands") and uses
``render_as_batch=True`` so SQLite can rebuild tables.

Errors: ``MigrationError`` (a ``UserError``) when an upgrade fails or leaves broken
foreign keys; the upgrade is then rolled back and the file is as before.

Start-up cost: Alembic (with Mako, Pygments and every SQL dialect's DDL module) takes
about a tenth of a second to import, and a file already at head needs none of it. So
``head_revision`` and ``known_revisions`` answer from the constants ``HEAD_REVISION`` and
``KNOWN_REVISIONS`` as long as ``migrations/versions`` holds exactly the scripts listed
in ``VERSION_SCRIPTS`` (one directory listing); Alembic is imported only to upgrade, to
stamp a new portfolio, or when the scripts differ from the list (a migration added
without updating the constants: then Alembic's own answer is used, never a stale one).
``tests/migrations/test_migrations.py`` keeps the constants equal to Alembic's.
"""

from __future__ import annotations

import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.pool import NullPool, StaticPool

from app.services.errors import UserError
from app.services.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def _migrations_dir() -> Path:
    """``migrations/`` beside the ``app`` package (a checkout, an editable install, or a
    PyInstaller bundle, whose spec ships it as data under ``sys._MEIPASS``)."""
    import sys

    here = Path(__file__).resolve().parent.parent.parent / "migrations"
    bundle = getattr(sys, "_MEIPASS", None)
    if not here.is_dir() and bundle:
        return Path(bundle) / "migrations"
    return here


MIGRATIONS_DIR = _migrations_dir()
VERSION_TABLE = "alembic_version"

#: The schema this version of Prioritise writes: the head of ``migrations/versions``.
HEAD_REVISION = "0002"
#: Every revision this version can read and upgrade from, oldest first.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002")
#: The revision scripts the two constants above describe (file names in
#: ``migrations/versions``); when the folder holds anything else, Alembic is asked.
VERSION_SCRIPTS = frozenset({"0001_initial_schema.py", "0002_followup_decisions_ahp.py"})


class MigrationError(UserError):
    """An upgrade failed and was rolled back; the portfolio is unchanged."""


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def _constants_describe_scripts() -> bool:
    """True when ``migrations/versions`` holds exactly ``VERSION_SCRIPTS`` (so
    ``HEAD_REVISION`` and ``KNOWN_REVISIONS`` are Alembic's answer without Alembic)."""
    try:
        names = {entry.name for entry in os.scandir(MIGRATIONS_DIR / "versions")
                 if entry.name.endswith(".py") and entry.is_file()}
    except OSError:
        return False
    return names == VERSION_SCRIPTS


def alembic_head_revision() -> str:
    """The head revision as Alembic reads it from the scripts (imports Alembic)."""
    head = _script().get_current_head()
    assert head is not None, "migrations/versions is empty"
    return head


def alembic_known_revisions() -> list[str]:
    """Every revision as Alembic reads it from the scripts, oldest first (imports Alembic)."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def head_revision() -> str:
    """The revision id of the schema this version of Prioritise writes (e.g. ``"0002"``).

    ``HEAD_REVISION`` while the scripts are the ones it describes, else Alembic's head.
    """
    if _constants_describe_scripts():
        return HEAD_REVISION
    return alembic_head_revision()


def known_revisions() -> list[str]:
    """Every revision id this app knows, oldest first (``KNOWN_REVISIONS`` while the
    scripts are the ones it describes, else Alembic's list)."""
    if _constants_describe_scripts():
        return list(KNOWN_REVISIONS)
    return alembic_known_revisions()


def revision_of(connection: Connection) -> str | None:
    """The Alembic revision stamped in a database, or None when it has none."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def revision_of_file(path: Path) -> str | None:
    """The revision of a SQLite file, read through a read-only connection (writes nothing).

    A file another program left in WAL mode is read as immutable (``immutable=1``, the
    file as of its last checkpoint), because a read-only connection to it would create
    ``-wal``/``-shm`` files beside it. Returns None when the file has no
    ``alembic_version`` table. Raises ``sqlite3.DatabaseError`` when the file is not a
    readable SQLite database.
    """
    from app.services.portfolio_file import wal_mode

    uri = file_uri(path, "ro") + ("&immutable=1" if wal_mode(path) else "")
    conn = sqlite3.connect(uri, uri=True)
    try:
        has = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (VERSION_TABLE,)
        ).fetchone()
        if not has:
            return None
        rows = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
        return rows[0][0] if len(rows) == 1 else None
    finally:
        conn.close()


def file_uri(path: Path, mode: str) -> str:
    """A SQLite URI for ``path`` (``file:///…``, percent-encoded, so spaces, æøå and
    Windows drive letters are safe; https://sqlite.org/uri.html)."""
    return f"{path.absolute().as_uri()}?mode={mode}"


def stamp_head(connection: Connection) -> None:
    """Stamp a database made with ``Base.metadata.create_all`` as being at head (without
    loading ``env.py``: a new portfolio needs only the version row)."""
    from alembic.runtime.migration import MigrationContext

    MigrationContext.configure(connection).stamp(_script(), "head")


def upgrade_connection(connection: Connection, target: str = "head") -> None:
    """Run the migrations up to ``target`` on ``connection`` inside the caller's
    transaction. On SQLite the caller must have turned foreign keys off first."""
    from alembic import command

    command.upgrade(_config(connection), target)


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({str(row[0]) for row in broken})
        raise MigrationError(
            _("The upgrade would leave broken references in {tables}; it was undone and "
              "the portfolio is unchanged.").format(tables=", ".join(tables))
        )


def sqlite_ddl_engine(creator: Any = None, url: str = "sqlite://") -> Any:
    """An engine whose connections run with foreign keys off and with transactions
    begun explicitly, so DDL is inside the transaction too (SQLAlchemy docs, "Serializable
    isolation / Savepoints / Transactional DDL" recipe for pysqlite)."""
    kwargs: dict[str, Any] = {"poolclass": StaticPool if creator else NullPool}
    if creator is not None:
        kwargs["creator"] = creator
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        dbapi_conn.execute("PRAGMA foreign_keys=OFF")  # no effect inside a transaction
        dbapi_conn.execute("PRAGMA busy_timeout=5000")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN EXCLUSIVE")

    return engine


def _upgrade_sqlite_engine(engine: Any, target: str) -> None:
    with engine.connect() as conn:
        with conn.begin():
            upgrade_connection(conn, target)
            _check_foreign_keys(conn)
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")


def upgrade_sqlite(path: Path, target: str = "head") -> None:
    """Upgrade a SQLite portfolio file to ``target`` in one transaction.

    Foreign keys are off while the batch rebuilds run (SQLite docs, "Making Other Kinds
    Of Table Schema Changes", step 1), ``PRAGMA foreign_key_check`` must come back empty
    before the commit, and they are on again afterwards. A crash half-way leaves a hot
    journal that SQLite rolls back on the next open. Raises ``MigrationError``.
    """
    engine = sqlite_ddl_engine(url=f"sqlite:///{path}")
    try:
        _upgrade_sqlite_engine(engine, target)
    except MigrationError:
        raise
    except Exception as exc:
        raise MigrationError(
            _("Upgrading {name} failed ({error}); it was undone and the portfolio is "
              "unchanged.").format(name=path.name, error=exc)
        ) from exc
    finally:
        engine.dispose()


def upgraded_memory_copy(path: Path, *, upgrade: bool = True) -> sqlite3.Connection:
    """An in-memory copy of a portfolio file, upgraded to head (unless ``upgrade`` is
    False), for a reader that must not write the file (SQLite online backup API, then the
    migrations in memory)."""
    source = sqlite3.connect(file_uri(path, "ro"), uri=True)
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source.backup(memory)
    finally:
        source.close()
    if not upgrade:
        return memory
    engine = sqlite_ddl_engine(creator=lambda: memory)
    _upgrade_sqlite_engine(engine, "head")
    memory.isolation_level = ""  # back to the driver's default for the app's engine
    return memory


def draft_revision(message: str, rev_id: str) -> Path:
    """Developer tool: write ``migrations/versions/<rev_id>_<slug>.py`` with the operations
    Alembic's autogenerate finds between the head schema and today's ``app.models``.

    Review the draft by hand before committing it: NOT NULL columns need a server default
    for existing rows (see revision 0002), and ``tests/migrations`` must pass (they
    compare a new portfolio with an upgraded one). Run as
    ``python -m app.services.migrate "what changed" 0003``.
    """
    import tempfile

    from alembic import command

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "head.portfolio"
        upgrade_sqlite(db)
        engine = create_engine(f"sqlite:///{db}")
        try:
            with engine.begin() as conn:
                script = command.revision(_config(conn), message=message, autogenerate=True,
                                          rev_id=rev_id)
        finally:
            engine.dispose()
    _script.cache_clear()
    assert script is not None and not isinstance(script, list)
    return Path(script.path)


if __name__ == "__main__":  # pragma: no cover - developer tool
    import sys

    if len(sys.argv) != 3:
        sys.exit('usage: python -m app.services.migrate "what changed" REVISION_ID')
    print(draft_revision(sys.argv[1], sys.argv[2]))
