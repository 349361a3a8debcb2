"""Opening a portfolio from the GUI: the lock is taken before any window is shown.

``open_for_editing`` opens a file or URL for editing; when another editor holds it, it
asks (through the dialog service) whether to open read-only, naming the holder. Refused
files (not a portfolio, too new, missing) are reported and nothing is opened.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


from app.services.errors import LockedError, UserError
from app.services.store import Portfolio, create_portfolio, damaged_error, open_portfolio
from app.ui.dialogs import DialogService
from app.ui.tr import tr



def describe_holder(holder: dict[str, object]) -> str:
    """"user on host (since 14:03)" from the lock's JSON (keys user, host, pid, since/heartbeat)."""
    user = str(holder.get("user") or tr("another user"))
    host = str(holder.get("host") or "")
    text = tr("{user} on {host}").format(user=user, host=host) if host else user
    since = holder.get("since") or holder.get("started") or holder.get("heartbeat")
    if isinstance(since, str):
        try:
            when = datetime.fromisoformat(since)
            text += " " + tr("(since {time})").format(time=when.astimezone().strftime("%H:%M"))
        except ValueError:
            pass
    return text


def open_for_editing(target: str, dialogs: DialogService) -> Portfolio | None:
    """Open ``target`` (a path or a ``postgresql+psycopg://`` URL) for editing.

    Held by another editor → ask to open read-only (naming the holder); refused → a
    warning and None. Returns the open portfolio, or None when nothing was opened.
    """
    try:
        return open_portfolio(target)
    except LockedError as exc:
        who = describe_holder(exc.holder) if exc.holder else str(exc)
        if not dialogs.ask(
            tr("The portfolio is in use"),
            tr("{name} is being edited by {who}.\n\nOpen it read-only? You can read and "
               "export, but not change anything.").format(name=_name(target), who=who),
            yes=tr("Open read-only"), no=tr("Cancel"),
        ):
            return None
        try:
            pf = open_portfolio(target, readonly=True)
        except UserError as exc2:
            dialogs.warn(tr("The portfolio could not be opened"), str(exc2))
            return None
        pf.readonly_reason = tr("being edited by {who}").format(who=who)
        return pf
    except UserError as exc:
        dialogs.warn(tr("The portfolio could not be opened"), str(exc))
        return None
    except Exception as exc:
        if not report_damaged(exc, target, dialogs):
            raise
        return None


def report_damaged(exc: BaseException, target: str | Path | None,
                   dialogs: DialogService) -> bool:
    """Warn that the portfolio ``target`` is damaged when ``exc`` is SQLite's report of a
    damaged file (``store.damaged_error``: names the file and its backups); returns
    whether it was. The GUI's error path for a damaged page first read after opening."""
    where = None if target is None else (
        str(target) if "://" in str(target) else Path(target).expanduser().absolute())
    damaged = damaged_error(exc, where)
    if damaged is None:
        return False
    dialogs.warn(tr("The portfolio could not be opened"), str(damaged))
    return True


def create_new(target: str, dialogs: DialogService, municipality: str = "") -> Portfolio | None:
    """Create a new portfolio at ``target``; a refusal is reported and None returned."""
    try:
        return create_portfolio(target, municipality=municipality)
    except UserError as exc:
        dialogs.warn(tr("The portfolio could not be created"), str(exc))
        return None


def demo_path() -> Path:
    """The per-user demo portfolio: ``user_data_dir/Eksempel Kommune.portfolio``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("Prioritise", appauthor=False)) / "Eksempel Kommune.portfolio"


def ensure_demo(path: Path | None = None) -> Path:
    """Create the demo portfolio at ``path`` (default ``demo_path()``) unless it exists."""
    path = path or demo_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        from app.services import demo
    except ModuleNotFoundError as exc:
        if exc.name != "app.services.demo":
            raise
        create_portfolio(path, municipality="Eksempel Kommune").close()
        return path
    demo.create_demo(path)
    return path


def _name(target: str) -> str:
    return target if "://" in target else Path(target).name
