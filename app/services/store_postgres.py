"""The PostgreSQL side of the store (DESIGN §5, "Shared"): create a portfolio in an empty
database, open one (refusing a non-portfolio or newer schema, upgrading an older one in one
transaction), and detect a role without write rights, which gets a read-only portfolio.

``app.services.store`` calls these for ``postgresql+psycopg://`` URLs; use ``store``'s
``create_portfolio`` / ``open_portfolio``, not this module.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from app.services import migrate
from app.services.errors import NotAPortfolioError, TooNewError, UserError
from app.services.i18n import _
from app.services.portfolio_file import APPLICATION_ID
from app.services.store import (
    Portfolio,
    _create_schema,
    _seed,
    make_engine,
    make_session_factory,
    storage_error,
)


def create_database(url: str, municipality: str, name: str, currency: str,
                    budget_year: int | None) -> Portfolio:
    """A new portfolio in the empty database at ``url``, open for editing. Raises
    ``UserError`` when it holds a portfolio already or cannot be reached."""
    engine = make_engine(url)
    try:
        if inspect(engine).has_table(migrate.VERSION_TABLE):
            raise UserError(_("The database {name} already holds a portfolio.").format(
                name=engine.url.render_as_string(hide_password=True)))
        _create_schema(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise connection_error(exc, engine) from exc
    except BaseException:
        engine.dispose()
        raise
    pf = Portfolio(url=url, path=None, readonly=False, engine=engine,
                   session_factory=make_session_factory(engine))
    _seed(pf, municipality, name, currency, budget_year)
    return pf


def connection_error(exc: DBAPIError, engine: Engine) -> Exception:
    """A ``UserError`` for a database error while opening (the password never shown)."""
    err = storage_error(exc, engine.url.render_as_string(hide_password=True))
    if isinstance(err, UserError):
        return err
    return UserError(_("Cannot open the database {name}: {error}").format(
        name=engine.url.render_as_string(hide_password=True), error=exc.orig))


def pg_write_block_reason(conn: Any) -> str:
    """Why this PostgreSQL role may not change the portfolio ("" when it may): no
    INSERT/UPDATE/DELETE on a portfolio table, or a read-only server (hot standby)."""
    from app.models import Base

    if conn.execute(text("SELECT current_setting('transaction_read_only')")).scalar() == "on":
        return _("the database server is read-only")
    role = conn.execute(text("SELECT current_user")).scalar()
    names = [t.name for t in Base.metadata.sorted_tables] + [migrate.VERSION_TABLE]
    refused = conn.execute(text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        " AND c.relname = ANY(:names) AND NOT (has_table_privilege(c.oid, 'INSERT')"
        " AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE'))"
    ), {"names": names}).first()
    if refused is not None:
        return _("the database role {role} has no write rights").format(role=role)
    return ""


def open_database(url: str, readonly: bool) -> Portfolio:
    """Open the portfolio at ``url`` (see the module docstring); raises
    ``NotAPortfolioError``, ``TooNewError`` or ``UserError``."""
    engine = make_engine(url)
    name = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            revision = migrate.revision_of(conn)
            known = migrate.known_revisions()
            if revision is None:
                raise NotAPortfolioError(
                    _("The database {name} holds no Prioritise portfolio.").format(name=name))
            if revision not in known:
                raise TooNewError(
                    _("The database {name} was written by a newer version of Prioritise "
                      "(schema {revision}); update Prioritise to open it.").format(
                        name=name, revision=revision))
            reason = "" if readonly else pg_write_block_reason(conn)
        if revision != migrate.head_revision():
            if readonly or reason:
                raise UserError(_("The database {name} must be upgraded to this version of "
                                  "Prioritise; open it once with a role that may write.").format(
                    name=name))
            _upgrade_database(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise connection_error(exc, engine) from exc
    except BaseException:
        engine.dispose()
        raise
    if readonly or reason:
        engine.dispose()
        engine = make_engine(url, readonly=True)
    return Portfolio(url=url, path=None, readonly=bool(readonly or reason), engine=engine,
                     session_factory=make_session_factory(engine), readonly_reason=reason)


def _upgrade_database(engine: Engine) -> None:
    """Upgrade a PostgreSQL portfolio in one transaction (DDL is transactional there);
    an advisory lock keeps two clients from upgrading at once."""
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": APPLICATION_ID})
        if migrate.revision_of(conn) != migrate.head_revision():
            migrate.upgrade_connection(conn)
