"""The portfolio store: create and open a ``.portfolio`` file or a PostgreSQL URL.

Usage::

    with open_portfolio(path) as pf:          # an editor: takes the lock
        with pf.session(context="edit") as s:  # one transaction, audited
            s.add(...)
    with open_portfolio(path, readonly=True) as pf:   # a reader: no lock, no writes
        with pf.read() as s:
            ...

Errors: ``NotAPortfolioError``, ``TooNewError`` (file left byte-identical),
``LockedError`` (names the holder), ``ReadOnlyError``, ``ConflictError``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.services import audit
from app.services.errors import ConflictError, ReadOnlyError
from app.services.i18n import _

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

    @property
    def display_name(self) -> str:
        """The file name, or the database URL without its password."""
        if self.path is not None:
            return self.path.name
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, *, context: str = "") -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        Raises ``ReadOnlyError`` when the portfolio is read-only and ``ConflictError``
        when another editor changed a row this session updates.
        """
        if self.readonly:
            raise ReadOnlyError(
                _("The portfolio {name} is open read-only").format(name=self.display_name)
                + (f" ({self.readonly_reason})" if self.readonly_reason else "")
            )
        s = self.session_factory()
        s.info["user"] = self.user
        s.info["context"] = context
        try:
            yield s
            s.commit()
        except StaleDataError as exc:
            s.rollback()
            raise ConflictError(
                _("Another user has changed the same data since it was read; nothing was "
                  "overwritten. Reload and try again.")
            ) from exc
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; never commits."""
        s = self.session_factory()
        try:
            yield s
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


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=DELETE")  # never WAL: files live on OneDrive/shares
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    """An engine for a portfolio URL with the pragmas of DESIGN §5 on SQLite."""
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory with the audit listener installed and no expiry on commit."""
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    audit.install(factory)
    return factory


def _url_for(target: str | os.PathLike[str]) -> tuple[str, Path | None]:
    if is_url(target):
        return str(target), None
    path = Path(target).expanduser().absolute()
    return f"sqlite:///{path}", path


def create_portfolio(
    target: str | os.PathLike[str],
    *,
    municipality: str = "",
    name: str = "Digitaliseringsportefølje",
    currency: str = "DKK",
    budget_year: int | None = None,
) -> Portfolio:
    """Create a new portfolio (file or empty PostgreSQL database) and open it for editing.

    Raises ``UserError`` when the file already exists.
    """
    from app.models import Base
    from app.services.defaults import seed_new_portfolio
    from app.services.errors import UserError

    url, path = _url_for(target)
    if path is not None and path.exists():
        raise UserError(_("The file already exists: {path}").format(path=path))
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    pf = Portfolio(url=url, path=path, readonly=False, engine=engine,
                   session_factory=make_session_factory(engine))
    with pf.session(context="ny portefølje") as s:
        s.info["audit"] = False
        seed_new_portfolio(s, municipality=municipality, name=name, currency=currency,
                           budget_year=budget_year)
    return pf


def open_portfolio(target: str | os.PathLike[str], *, readonly: bool = False) -> Portfolio:
    """Open an existing portfolio; ``readonly`` takes no lock and never writes."""
    from app.services.errors import NotAPortfolioError

    url, path = _url_for(target)
    if path is not None and not path.is_file():
        raise NotAPortfolioError(_("The file does not exist: {path}").format(path=path))
    engine = make_engine(url, readonly=readonly)
    return Portfolio(url=url, path=path, readonly=readonly, engine=engine,
                     session_factory=make_session_factory(engine))
