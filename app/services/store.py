"""The portfolio store: create and open a ``.portfolio`` file or a PostgreSQL URL.

Usage::

    with open_portfolio(path) as pf:          # an editor: takes the lock
        with pf.session(context="edit") as s:  # one transaction, audited
            s.add(...)
    with open_portfolio(path, readonly=True) as pf:   # a reader: no lock, no writes
        with pf.read() as s:
            ...

Opening a file (DESIGN §5), in this order: a crashed writer's hot journal is rolled back
(for readers too); a file that is not a portfolio, is truncated, or has a newer schema is
refused and left byte-identical; an editor takes the lock (``app.services.lock``) and
switches a file another program left in WAL mode back to a rollback journal (a reader
reads a private copy of such a file instead, writing nothing); an
older schema is upgraded in one transaction after a timestamped backup beside the file
(``app.services.migrate``, ``app.services.backup``); an editor's first open of the day
makes a rolling backup. A reader of an older file gets an upgraded in-memory copy, so it
never writes. An editor who may not write the file (write-protected file, read-only
folder) gets it read-only with ``readonly_reason`` saying why.

PostgreSQL: the same models and migrations. A role without write rights gets a read-only
portfolio (``readonly_reason`` says so); readers' transactions are read-only on the
server. Concurrent edits of the same row raise ``ConflictError`` with both values.

Errors: ``NotAPortfolioError``, ``TooNewError`` (file left byte-identical),
``LockedError`` (names the holder), ``ReadOnlyError``, ``ConflictError``, ``UserError``
(full disk, read-only folder, unreachable server; nothing is written).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from app.services import audit, migrate
from app.services.errors import (
    NotAPortfolioError,
    ReadOnlyError,
    UserError,
)
from app.services.i18n import _
from app.services.oserrors import os_error_text
from app.services.portfolio_file import (
    APPLICATION_ID,
    check_header,
    leave_wal,
    read_revision,
    recover_journal,
    wal_mode,
    wal_snapshot,
    write_block_reason,
)

SUFFIX = ".portfolio"


def is_url(target: str | os.PathLike[str]) -> bool:
    """True when ``target`` is a database URL (``postgresql+psycopg://…``), not a file."""
    return "://" in str(target)


@dataclass
class Portfolio:
    """An open portfolio. Use ``session()`` for a unit of work, ``read()`` for reading."""

    url: str
    path: Path | None
    readonly: bool
    engine: Engine
    session_factory: sessionmaker[Session]
    user: str = field(default_factory=audit.current_user)
    lock: Any = None  # app.services.lock.FileLock when this editor holds the file
    readonly_reason: str = ""
    #: today's rolling backup is made before the first write, not on open, so that a
    #: refused command (which writes nothing) leaves no backup behind either
    backup_due: bool = False

    @property
    def display_name(self) -> str:
        """The file name, or the database URL without its password."""
        if self.path is not None:
            return self.path.name
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, *, context: str = "") -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        Raises ``ReadOnlyError`` when the portfolio is read-only, ``ConflictError`` (with
        ``mine``/``theirs``) when another editor changed a row this session updates, and
        ``UserError`` when the disk is full or the file cannot be written; in every case
        nothing of the transaction is kept.
        """
        if self.readonly:
            raise ReadOnlyError(
                _("The portfolio {name} is open read-only").format(name=self.display_name)
                + (f" ({self.readonly_reason})" if self.readonly_reason else "")
            )
        self._check_lock()
        if self.backup_due and self.path is not None:
            self.backup_due = False
            from app.services import backup

            try:
                backup.ensure_daily_backup(self.path)
            except UserError:
                pass  # a full backup disk must not stop the editor; the next open tries again
        s = self.session_factory()
        s.info["user"] = self.user
        s.info["context"] = context
        try:
            yield s
            s.commit()
        except StaleDataError as exc:
            from app.services.conflicts import conflict_error

            error = conflict_error(s, self.session_factory)
            s.rollback()
            raise error from exc
        except DBAPIError as exc:
            s.rollback()
            raise storage_error(exc, self.display_name, path=self.path) from exc
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def _check_lock(self) -> None:
        """Before a write: if another editor took this file's lock over (e.g. while this
        machine slept past the heartbeat), take it back if it is free again, or raise
        ``LockedError`` naming the new holder."""
        if self.lock is None or not self.lock.lost or self.path is None:
            return
        from app.services import lock as locking

        fresh = locking.acquire(self.path)  # LockedError when the other editor is live
        self.lock.release()
        self.lock = fresh

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; never commits."""
        s = self.session_factory()
        try:
            yield s
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            damaged = damaged_error(exc, self.path or self.display_name)
            if damaged is None:
                raise
            raise damaged from exc
        finally:
            s.close()  # ends the transaction; loaded objects stay readable (detached)

    def close(self) -> None:
        """Release the lock (if held) and dispose of the engine."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self.engine.dispose()

    def __enter__(self) -> Portfolio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: SQLite result codes (https://sqlite.org/rescode.html) and PostgreSQL SQLSTATEs
_FULL = {13}  # SQLITE_FULL
_READONLY = {8, 14}  # SQLITE_READONLY, SQLITE_CANTOPEN
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_PG_FULL = {"53100", "53200"}  # disk_full, out_of_memory
_PG_READONLY = {"42501", "25006"}  # insufficient_privilege, read_only_sql_transaction


#: SQLite result codes of a damaged file: SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_NOTADB
_DAMAGED = {10, 11, 26}
#: the same in sqlite3's messages, for errors that carry no code (Python < 3.11 paths)
_DAMAGED_TEXTS = ("malformed", "not a database", "disk i/o error")


def damaged_error(exc: BaseException, where: Path | str | None) -> NotAPortfolioError | None:
    """``NotAPortfolioError`` naming the file and its backups when ``exc`` is SQLite's
    report of a damaged file, else None.

    ``exc``: a ``sqlite3.DatabaseError`` or SQLAlchemy ``DBAPIError`` wrapping one, as
    raised wherever a damaged page is first read (opening checks only the header, so a
    file damaged in the middle surfaces on a later query — no integrity check on open,
    to keep start-up quick). Recognised: result codes SQLITE_IOERR (10), SQLITE_CORRUPT
    (11), SQLITE_NOTADB (26) (https://sqlite.org/rescode.html), or, when the driver gives
    no code, the messages "database disk image is malformed", "file is not a database",
    "disk I/O error". ``where``: the portfolio's path (its backups are listed with
    ``app.services.backup.list_backups``) or a display name.
    """
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.DatabaseError):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(orig).lower()
    if primary not in _DAMAGED and not any(t in text for t in _DAMAGED_TEXTS):
        return None
    path = Path(where) if isinstance(where, Path) else None
    name = path.name if path is not None else str(where or "")
    message = _("{name} is damaged or cannot be read ({error}); nothing was changed.").format(
        name=name, error=orig)
    return NotAPortfolioError(message + " " + _backup_hint(path))


def _backup_hint(path: Path | None) -> str:
    """Where to restore from: the newest backup, or that there is none."""
    if path is None:
        return _("Restore it from a backup.")
    from app.services.backup import backup_dir, list_backups

    try:
        backups = list_backups(path)
    except OSError:
        backups = []
    if not backups:
        return _("Restore it from a backup; there is none in {folder}.").format(
            folder=backup_dir(path))
    return _("Restore it from a backup: {count} in {folder}, the newest {newest}.").format(
        count=len(backups), folder=backups[0].path.parent, newest=backups[0].path.name)


def storage_error(exc: DBAPIError, name: str, *, path: Path | None = None) -> Exception:
    """A ``UserError`` with a clear message for a full disk, a read-only file or folder,
    a busy file, a damaged file (``damaged_error``; ``path`` finds its backups) or lost
    connection; other database errors are returned unchanged."""
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    sqlstate = getattr(orig, "sqlstate", None)
    damaged = damaged_error(exc, path or name)
    if damaged is not None:
        return damaged
    if primary in _FULL or sqlstate in _PG_FULL:
        return UserError(_("The disk is full: the change to {name} was not saved and the "
                           "portfolio is unchanged. Free some space and try again.").format(name=name))
    if primary in _READONLY or sqlstate in _PG_READONLY:
        return UserError(_("{name} cannot be written here (read-only file, folder or "
                           "database role): the change was not saved and the portfolio is "
                           "unchanged.").format(name=name))
    if primary in _BUSY:
        return UserError(_("{name} is busy (another program is writing it): the change was "
                           "not saved. Try again in a moment.").format(name=name))
    if exc.connection_invalidated or (sqlstate or "").startswith("08"):
        return UserError(_("The connection to {name} was lost: the change was not saved. "
                           "Try again when the connection is back.").format(name=name))
    return exc


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=DELETE")  # never WAL: files live on OneDrive/shares
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    """An engine for a portfolio URL with the pragmas of DESIGN §5 on SQLite.

    ``readonly``: SQLite files are opened with ``mode=ro`` (the driver cannot write);
    PostgreSQL sessions run with ``default_transaction_read_only``.
    """
    if url.startswith("sqlite"):
        if readonly:
            path = Path(url.removeprefix("sqlite:///"))
            uri = migrate.file_uri(path, "ro")
            engine = create_engine(
                url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
            )
        else:
            engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {"options": "-c default_transaction_read_only=on"} if readonly else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _memory_engine(connection: sqlite3.Connection) -> Engine:
    engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory with the audit listener installed and no expiry on commit."""
    from app.services import conflicts

    factory = sessionmaker(bind=engine, expire_on_commit=False)
    audit.install(factory)
    conflicts.install(factory)
    return factory


def _url_for(target: str | os.PathLike[str]) -> tuple[str, Path | None]:
    if is_url(target):
        return str(target), None
    path = Path(target).expanduser().absolute()
    return f"sqlite:///{path}", path


def check_portfolio_file(path: Path) -> str:
    """Check a portfolio file without writing it; returns its schema revision.

    Raises ``NotAPortfolioError`` (missing, not a portfolio, truncated, damaged) or
    ``TooNewError``. Does not roll back a hot journal (``open_portfolio`` does).
    """
    check_header(path)
    return read_revision(path, migrate.known_revisions())


def _seed(pf: Portfolio, municipality: str, name: str, currency: str,
          budget_year: int | None) -> None:
    from app.services.defaults import seed_new_portfolio

    with pf.session(context="ny portefølje") as s:
        s.info["audit"] = False
        seed_new_portfolio(s, municipality=municipality, name=name, currency=currency,
                           budget_year=budget_year)


def _create_schema(engine: Engine) -> None:
    """Tables from the models and the head stamp, in one transaction (on SQLite through
    an engine that puts DDL inside the transaction, so a failure leaves nothing)."""
    from app.models import Base

    ddl_engine = engine
    if engine.dialect.name == "sqlite":
        ddl_engine = migrate.sqlite_ddl_engine(url=engine.url.render_as_string())
    try:
        _create_tables(ddl_engine, Base.metadata)
    finally:
        if ddl_engine is not engine:
            ddl_engine.dispose()


def _create_tables(engine: Engine, metadata: Any) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        metadata.create_all(conn)
        migrate.stamp_head(conn)


def create_portfolio(
    target: str | os.PathLike[str],
    *,
    municipality: str = "",
    name: str = "Digitaliseringsportefølje",
    currency: str = "DKK",
    budget_year: int | None = None,
) -> Portfolio:
    """Create a new portfolio (file or empty PostgreSQL database) and open it for editing.

    The schema is made from the models and stamped with the head revision (a test proves
    it equals running every migration). A file is built under a temporary name and moved
    into place only when complete, so a failure leaves no file behind. Raises
    ``UserError`` when the file exists, the folder is missing or read-only, or the
    database already holds a portfolio.
    """
    url, path = _url_for(target)
    if path is None:
        from app.services.store_postgres import create_database

        return create_database(url, municipality, name, currency, budget_year)
    if path.exists():
        raise UserError(_("The file already exists: {path}").format(path=path))
    if not path.parent.is_dir():
        raise UserError(_("The folder does not exist: {folder}").format(folder=path.parent))
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise UserError(_("Cannot create {name}: the folder {folder} is read-only.").format(
            name=path.name, folder=path.parent))
    from app.services import lock as locking

    handle = locking.acquire(path)
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    try:
        engine = make_engine(f"sqlite:///{tmp}")
        try:
            _create_schema(engine)
            _seed(Portfolio(url=f"sqlite:///{tmp}", path=tmp, readonly=False, engine=engine,
                            session_factory=make_session_factory(engine)),
                  municipality, name, currency, budget_year)
        finally:
            engine.dispose()
        try:
            os.link(tmp, path)  # fails when the file appeared meanwhile
        except FileExistsError as exc:
            raise UserError(_("The file already exists: {path}").format(path=path)) from exc
        except OSError:
            os.replace(tmp, path)  # a file system without hard links
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        handle.release()
        if isinstance(exc, DBAPIError):
            err = storage_error(exc, path.name)
            if isinstance(err, UserError):
                raise err from exc
        raise UserError(_("Cannot create {path}: {error}").format(
            path=path, error=os_error_text(exc))) from exc
    except BaseException:
        handle.release()
        raise
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + "-journal").unlink(missing_ok=True)
    engine = make_engine(url)
    return Portfolio(url=url, path=path, readonly=False, engine=engine,
                     session_factory=make_session_factory(engine), lock=handle)


def open_portfolio(target: str | os.PathLike[str], *, readonly: bool = False) -> Portfolio:
    """Open an existing portfolio; ``readonly`` takes no lock and never writes.

    See the module docstring for the order of checks. Raises ``NotAPortfolioError``,
    ``TooNewError``, ``LockedError``, ``MigrationError`` or ``UserError``.
    """
    url, path = _url_for(target)
    if path is None:
        from app.services.store_postgres import open_database

        return open_database(url, readonly)
    if not path.exists():
        raise NotAPortfolioError(_("The file does not exist: {path}").format(path=path))
    check_header(path)  # before anything touches the file
    recover_journal(path)
    check_header(path)  # the rolled-back file, whole?
    reason = "" if readonly else write_block_reason(path)
    if (readonly or reason) and wal_mode(path):
        return _open_wal_file_readonly(url, path, reason)
    revision = read_revision(path, migrate.known_revisions())
    if readonly or reason:
        return _open_file_readonly(url, path, revision, reason)
    return _open_file_for_editing(url, path, revision)


def _open_wal_file_readonly(url: str, path: Path, reason: str) -> Portfolio:
    """A reader of a file another program left in WAL mode: an in-memory copy made from
    a private snapshot (``portfolio_file.wal_snapshot``), upgraded when older, so nothing
    is written beside the file (a read-only connection would create ``-wal``/``-shm``)."""
    with wal_snapshot(path) as copy:
        revision = read_revision(copy, migrate.known_revisions())
        memory = migrate.upgraded_memory_copy(copy,
                                              upgrade=revision != migrate.head_revision())
    engine = _memory_engine(memory)
    return Portfolio(url=url, path=path, readonly=True, engine=engine,
                     session_factory=make_session_factory(engine), readonly_reason=reason)


def _open_file_readonly(url: str, path: Path, revision: str, reason: str) -> Portfolio:
    if revision == migrate.head_revision():
        engine = make_engine(url, readonly=True)
    else:
        engine = _memory_engine(migrate.upgraded_memory_copy(path))
    return Portfolio(url=url, path=path, readonly=True, engine=engine,
                     session_factory=make_session_factory(engine), readonly_reason=reason)


def _open_file_for_editing(url: str, path: Path, revision: str) -> Portfolio:
    from app.services import backup
    from app.services import lock as locking

    handle = locking.acquire(path)
    try:
        if wal_mode(path):  # put in WAL mode by another program: never write in WAL
            leave_wal(path)
        revision = read_revision(path, migrate.known_revisions())  # as of holding the lock
        if revision != migrate.head_revision():
            backup.backup_before_upgrade(path, revision)
            migrate.upgrade_sqlite(path)
        engine = make_engine(url)
    except BaseException:
        handle.release()
        raise
    return Portfolio(url=url, path=path, readonly=False, engine=engine,
                     session_factory=make_session_factory(engine), lock=handle,
                     backup_due=True)
