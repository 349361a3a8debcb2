"""Backups of a portfolio file (DESIGN §5, issue 8): rolling daily backups, thinned, and
restore. Every copy is made with SQLite's online backup API, so it is consistent even
while an editor has the file open.

API (the GUI calls these; none of them needs Qt)::

    make_backup(path, kind="manual") -> Path      # a copy now, in the backup folder
    list_backups(path) -> list[Backup]            # newest first (folder + upgrade copies)
    restore_backup(path, backup) -> Path          # backs up the current file first,
                                                  # returns that safety copy's path
    ensure_daily_backup(path) -> Path | None      # an editor's first write of the day:
                                                  # one copy a day, then thin_backups
    thin_backups(path) -> list[Path]              # removes what the policy does not keep
    backup_before_upgrade(path, old) -> Path      # beside the file, never thinned

Where: rolling copies go to ``<file>.backups/`` beside the portfolio, named
``<stem>.<YYYYMMDDTHHMMSSZ>.<kind>.portfolio`` (UTC); the copy made before a schema
upgrade goes beside the file as ``<stem>.before-upgrade-<old>-<stamp>.portfolio``.

Thinning (a grandfather-father-son rotation): keep the newest copy of each of the last 7
days that have copies, of each of the last 4 ISO weeks and of each of the last 12
months; remove the rest. Upgrade copies are never removed. Setting the environment
variable ``PRIORITISE_NO_BACKUP_THINNING=1`` turns thinning off (the test suite does).

Restore: close the ``Portfolio`` first (or hold its lock in this process), call
``restore_backup``, then open the file again. The backup API copies the backup into the
live file in one SQLite transaction, so a crash half-way is rolled back on the next
open and the file is never half-restored. Raises ``LockedError`` when another editor
holds the file, ``NotAPortfolioError`` / ``TooNewError`` for a bad backup, ``UserError``
when the copy cannot be written (full disk, read-only folder).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.services.errors import UserError
from app.services.i18n import _
from app.services.oserrors import os_error_text

_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.*)\.(?P<stamp>\d{8}T\d{6}Z)(?:-\d+)?\.(?P<kind>[a-z-]+)\.portfolio$")
_UPGRADE = re.compile(r"^(?P<stem>.*)\.before-upgrade-(?P<rev>[^-]+)-(?P<stamp>\d{8}T\d{6}Z)"
                      r"(?:-\d+)?\.portfolio$")

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12


@dataclass(frozen=True)
class Backup:
    """One backup: its file, when it was taken (UTC), its kind and size in bytes.

    ``kind``: ``daily`` (automatic), ``manual``, ``before-restore`` or ``before-upgrade``.
    """

    path: Path
    taken_at: datetime
    kind: str
    size: int

    @property
    def label(self) -> str:
        """For a list in the GUI: "30.11.2026 05:12 · daily" (local time, translated)."""
        from app.services.formatting import format_date

        local = self.taken_at.astimezone()
        kinds = {"daily": _("daily"), "manual": _("manual"),
                 "before-restore": _("before restore"), "before-upgrade": _("before upgrade")}
        return f"{format_date(local.date())} {local:%H:%M} · {kinds.get(self.kind, self.kind)}"


def backup_dir(path: Path) -> Path:
    """The folder of rolling backups: ``<file>.backups`` beside the portfolio."""
    return path.with_name(path.name + ".backups")


def _copy(source: Path, target: Path) -> None:
    """A consistent copy with the backup API, written to a temporary file and moved
    into place, so ``target`` is either complete or absent."""
    from app.services.migrate import file_uri

    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    src = sqlite3.connect(file_uri(source, "ro"), uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(
            _("Could not write the backup {target}: {error}").format(
                target=target, error=os_error_text(exc))
        ) from exc
    finally:
        src.close()


def make_backup(path: Path, kind: str = "manual", now: datetime | None = None) -> Path:
    """Copy the portfolio into its backup folder now; returns the copy's path."""
    path = Path(path)
    now = now or datetime.now(timezone.utc)
    folder = backup_dir(path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise UserError(_("Could not create the backup folder {folder}: {error}").format(
            folder=folder, error=os_error_text(exc))) from exc
    stamp = now.strftime(_STAMP)
    target = folder / f"{path.stem}.{stamp}.{kind}.portfolio"
    if target.exists():
        target = folder / f"{path.stem}.{stamp}-{os.getpid()}.{kind}.portfolio"
    _copy(path, target)
    return target


def backup_before_upgrade(path: Path, old_revision: str) -> Path:
    """The copy made before a schema upgrade, beside the file (DESIGN §5)."""
    stamp = datetime.now(timezone.utc).strftime(_STAMP)
    target = path.with_name(f"{path.stem}.before-upgrade-{old_revision}-{stamp}.portfolio")
    if target.exists():
        target = path.with_name(f"{path.stem}.before-upgrade-{old_revision}-{stamp}-1.portfolio")
    _copy(path, target)
    return target


def _parse(file: Path) -> Backup | None:
    m = _NAME.match(file.name)
    kind = m.group("kind") if m else None
    if m is None:
        m = _UPGRADE.match(file.name)
        kind = "before-upgrade" if m else None
    if m is None or kind is None:
        return None
    taken = datetime.strptime(m.group("stamp"), _STAMP).replace(tzinfo=timezone.utc)
    try:
        size = file.stat().st_size
    except OSError:
        return None
    return Backup(path=file, taken_at=taken, kind=kind, size=size)


def list_backups(path: Path) -> list[Backup]:
    """Every backup of the portfolio, newest first: the rolling copies and the copies
    made before upgrades."""
    path = Path(path)
    found: list[Backup] = []
    folder = backup_dir(path)
    if folder.is_dir():
        for file in folder.iterdir():
            b = _parse(file)
            if b is not None and b.path.name.startswith(path.stem + "."):
                found.append(b)
    for file in path.parent.glob(f"{path.stem}.before-upgrade-*.portfolio"):
        b = _parse(file)
        if b is not None:
            found.append(b)
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def plan_thinning(backups: list[Backup]) -> tuple[list[Backup], list[Backup]]:
    """(kept, removed) under the policy of this module's docstring; upgrade copies are
    always kept."""
    rolling = sorted((b for b in backups if b.kind != "before-upgrade"),
                     key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = {b.path for b in backups if b.kind == "before-upgrade"}
    if rolling:
        keep.add(rolling[0].path)
    for key, limit in (
        (lambda b: b.taken_at.date(), KEEP_DAILY),
        (lambda b: tuple(b.taken_at.isocalendar()[:2]), KEEP_WEEKLY),
        (lambda b: (b.taken_at.year, b.taken_at.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for b in rolling:  # newest first: the first of each period is its newest copy
            period = key(b)
            if period in seen:
                continue
            if len(seen) >= limit:
                break
            seen.append(period)
            keep.add(b.path)
    kept = [b for b in backups if b.path in keep]
    removed = [b for b in backups if b.path not in keep]
    return kept, removed


def thin_backups(path: Path) -> list[Path]:
    """Remove the rolling backups the policy does not keep; returns what was removed."""
    if os.environ.get("PRIORITISE_NO_BACKUP_THINNING") == "1":
        return []
    _kept, removed = plan_thinning(list_backups(path))
    gone: list[Path] = []
    for b in removed:
        try:
            b.path.unlink()
            gone.append(b.path)
        except OSError:
            pass
    return gone


def ensure_daily_backup(path: Path, now: datetime | None = None) -> Path | None:
    """Make today's backup unless one exists, then thin. Returns the new copy, or None
    when today's exists already. Called by the store just before an editor's first write
    of the session (not on open, so a refused command leaves nothing behind); there a
    ``UserError`` (backup folder not writable, full disk) is ignored and tried again the
    next time. Raises ``UserError`` when the copy cannot be written."""
    now = now or datetime.now(timezone.utc)
    if any(b.taken_at.date() == now.date() and b.kind != "before-upgrade"
           for b in list_backups(path)):
        return None
    made = make_backup(path, kind="daily", now=now)
    thin_backups(path)
    return made


def restore_backup(path: Path, backup: Path | Backup) -> Path:
    """Replace the portfolio's contents with a backup's, after backing up the current
    file (kind ``before-restore``); returns that safety copy's path.

    The portfolio must not be open for editing in another process (``LockedError``);
    close this process's ``Portfolio`` first and open it again afterwards.
    """
    from app.services import lock as locking
    from app.services.migrate import file_uri
    from app.services.store import check_portfolio_file

    path = Path(path)
    source = backup.path if isinstance(backup, Backup) else Path(backup)
    check_portfolio_file(source)  # NotAPortfolioError / TooNewError, source untouched
    handle = locking.acquire(path)
    try:
        safety = make_backup(path, kind="before-restore")
        src = sqlite3.connect(file_uri(source, "ro"), uri=True)
        try:
            dst = sqlite3.connect(path)
            try:
                src.backup(dst)  # one step: one transaction in the destination
            finally:
                dst.close()
        except sqlite3.Error as exc:
            raise UserError(_("Could not restore {name} from {backup}: {error}. The "
                              "portfolio is unchanged.").format(
                name=path.name, backup=source.name, error=exc)) from exc
        finally:
            src.close()
        return safety
    finally:
        handle.release()
