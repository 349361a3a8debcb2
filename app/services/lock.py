"""The editor's lock on a portfolio file (DESIGN §5).

An editor (the GUI, or a writing command such as ``import``) holds ``<file>.lock`` beside
the portfolio: a JSON document ``{"user", "host", "pid", "heartbeat", "since", "app",
"token"}`` with times as ISO 8601 UTC. A background thread refreshes ``heartbeat`` every
minute while the file is open (``HEARTBEAT_SECONDS``); the GUI may also call
``refresh()``. A lock is stale when its pid is dead on the same host, or its heartbeat
is older than 10 minutes (``STALE_AFTER``); a stale lock is taken over silently.
Readers take no lock.

Usage::

    lock = acquire(path)      # LockedError naming the holder when another editor has it
    ...
    lock.release()

Within one process the lock is shared: a second ``acquire`` of the same file by the same
process (e.g. the GUI opening a view that opens the portfolio again) succeeds and the
file is released when the last holder releases it. Every other process is refused.

The lock file is created complete (written to a temporary file, then hard-linked into
place, which fails when a lock already exists), so a reader never sees half a lock.
"""

from __future__ import annotations

import atexit
import json
import os
import socket
import threading
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from app import __version__
from app.services.audit import current_user
from app.services.errors import LockedError, UserError
from app.services.i18n import _
from app.services.oserrors import os_error_text

STALE_AFTER = timedelta(minutes=10)
HEARTBEAT_SECONDS = 60.0
SUFFIX = ".lock"


@dataclass(frozen=True)
class LockInfo:
    """The contents of a lock file."""

    user: str
    host: str
    pid: int
    heartbeat: str  # ISO 8601, UTC
    since: str  # ISO 8601, UTC
    app: str
    token: str

    @classmethod
    def mine(cls) -> LockInfo:
        now = _now().isoformat(timespec="seconds")
        return cls(user=current_user(), host=socket.gethostname(), pid=os.getpid(),
                   heartbeat=now, since=now, app=f"Prioritise {__version__}",
                   token=uuid.uuid4().hex)

    def heartbeat_time(self) -> datetime | None:
        return _parse_time(self.heartbeat)

    @property
    def unreadable(self) -> bool:
        """True for a lock file that could not be parsed (read as all fields empty)."""
        return not (self.user or self.host or self.token)

    def describe(self) -> str:
        """"user X on host Y since HH:MM" (local time; with the date when not today);
        for an unreadable lock file, what it is and when it turns stale."""
        since = _parse_time(self.since) or _parse_time(self.heartbeat)
        when = "?"
        if since is not None:
            local = since.astimezone()
            when = local.strftime("%H:%M")
            if local.date() != datetime.now().astimezone().date():
                from app.services.formatting import format_date

                when = f"{format_date(local.date())} {when}"
        if self.unreadable:
            return _("an unreadable lock file (last written {time}; it is taken over "
                     "{minutes} minutes after that, or delete it if nobody has the "
                     "portfolio open)").format(
                time=when, minutes=int(STALE_AFTER.total_seconds() // 60))
        return _("user {user} on host {host} since {time}").format(
            user=self.user or "?", host=self.host or "?", time=when)

    def as_holder(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if k != "token"}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _parse_time(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def lock_path(path: Path) -> Path:
    """``<file>.lock`` beside the portfolio file."""
    return path.with_name(path.name + SUFFIX)


def read_lock(path: Path) -> LockInfo | None:
    """The lock on a portfolio file, or None when there is none.

    A lock file that cannot be parsed is reported with empty fields and the file's
    modification time as heartbeat, so it turns stale after ``STALE_AFTER``.
    """
    return _read_lock_file(lock_path(path))


def _read_lock_file(lp: Path) -> LockInfo | None:
    """Raises ``UserError`` when something that is not a readable file (a folder, a file
    without read permission) stands where the lock file should be."""
    try:
        raw = lp.read_text(encoding="utf-8", errors="replace")
        mtime = datetime.fromtimestamp(lp.stat().st_mtime, timezone.utc).isoformat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UserError(
            _("The lock file {lock} cannot be read ({error}). Remove or rename it if "
              "nobody has the portfolio open.").format(lock=lp, error=os_error_text(exc))
        ) from exc
    try:
        data: dict[str, Any] = json.loads(raw)
        return LockInfo(
            user=str(data.get("user", "")), host=str(data.get("host", "")),
            pid=int(data.get("pid", 0)), heartbeat=str(data.get("heartbeat", mtime)),
            since=str(data.get("since", data.get("heartbeat", mtime))),
            app=str(data.get("app", "")), token=str(data.get("token", "")),
        )
    except (ValueError, TypeError, AttributeError):
        return LockInfo(user="", host="", pid=0, heartbeat=mtime, since=mtime, app="", token="")


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this machine (zombies count as dead)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True


def is_stale(info: LockInfo, now: datetime | None = None) -> bool:
    """Stale: the holder's pid is dead on this host, or the heartbeat is older than
    10 minutes (DESIGN §5), or more than 10 minutes in the future: a clock that far ahead
    (skew, or a hand-edited lock) would otherwise keep the lock live for ever, and a live
    holder rewrites its heartbeat every ``HEARTBEAT_SECONDS`` with its own clock."""
    now = now or _now()
    beat = info.heartbeat_time()
    if beat is None or abs(now - beat) > STALE_AFTER:
        return True
    return info.host == socket.gethostname() and not pid_alive(info.pid)


class _Held:
    """The lock file this process holds for one portfolio, with its heartbeat thread."""

    def __init__(self, path: Path, info: LockInfo) -> None:
        self.path = path
        self.info = info
        self.count = 1
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"lock {path.name}", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            try:
                self.refresh()
            except (OSError, UserError):
                pass  # a share that went away; the next beat tries again

    def refresh(self) -> bool:
        try:
            current = read_lock(self.path)
        except UserError:
            current = None
        if current is None or current.token != self.info.token:
            self.lost = True
            return False
        self.info = LockInfo(**{**asdict(self.info),
                                "heartbeat": _now().isoformat(timespec="seconds")})
        tmp = _write_temp(self.path, self.info)
        os.replace(tmp, lock_path(self.path))
        return True

    def release(self) -> None:
        self._stop.set()
        try:
            current = read_lock(self.path)
        except UserError:
            return  # not ours any more (something else stands there): leave it
        if current is not None and current.token == self.info.token:
            try:
                lock_path(self.path).unlink()
            except FileNotFoundError:
                pass


_HELD: dict[Path, _Held] = {}
_HELD_GUARD = threading.Lock()


class FileLock:
    """This process's handle on a portfolio's lock (``Portfolio.lock``)."""

    def __init__(self, held: _Held) -> None:
        self._held: _Held | None = held
        self.path = held.path

    @property
    def info(self) -> LockInfo:
        assert self._held is not None
        return self._held.info

    @property
    def lost(self) -> bool:
        """True when another editor took the lock over (e.g. after a long sleep)."""
        return self._held is None or self._held.lost

    def refresh(self) -> bool:
        """Write a new heartbeat now; False when the lock is no longer ours."""
        return self._held.refresh() if self._held is not None else False

    def release(self) -> None:
        """Give the lock up (idempotent); the file goes when this process's last handle does."""
        with _HELD_GUARD:
            held, self._held = self._held, None
            if held is None:
                return
            held.count -= 1
            if held.count <= 0:
                if _HELD.get(held.path) is held:
                    _HELD.pop(held.path)
                held.release()


def _write_temp(path: Path, info: LockInfo) -> Path:
    tmp = path.with_name(f".{path.name}.lock.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(asdict(info), fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    return tmp


def _try_create(path: Path, info: LockInfo) -> bool:
    """Create the lock file complete and atomically; False when one exists already."""
    tmp = _write_temp(path, info)
    try:
        os.link(tmp, lock_path(path))
        return True
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: exclusive create instead
        try:
            fd = os.open(lock_path(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(info), fh, ensure_ascii=False)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _take_over(path: Path) -> None:
    """Move a stale lock aside (atomic rename); put it back if it turned out fresh
    (another editor replaced the stale lock between our read and the rename)."""
    aside = path.with_name(f".{path.name}.stale.{os.getpid()}.{uuid.uuid4().hex[:8]}")
    try:
        os.rename(lock_path(path), aside)
    except FileNotFoundError:
        return  # someone else moved it; try again
    moved = _read_lock_file(aside)
    if moved is not None and not is_stale(moved):
        try:
            os.link(aside, lock_path(path))
        except OSError:
            pass
    aside.unlink(missing_ok=True)


def acquire(path: Path) -> FileLock:
    """Take the editor's lock on ``path`` (a portfolio file).

    Raises ``LockedError`` (with ``holder`` = the lock's JSON fields) when another live
    editor holds it, and ``UserError`` when the lock file cannot be written (read-only
    folder, full disk).
    """
    path = path.absolute()
    with _HELD_GUARD:
        held = _HELD.get(path)
        if held is not None and not held.lost:
            held.count += 1
            return FileLock(held)
        if held is not None:  # taken over by another editor: try to take it back below
            _HELD.pop(path)
        for _attempt in range(5):
            info = LockInfo.mine()
            try:
                if _try_create(path, info):
                    held = _Held(path, info)
                    _HELD[path] = held
                    return FileLock(held)
            except OSError as exc:
                raise UserError(
                    _("Cannot write the lock file {lock}: {error}").format(
                        lock=lock_path(path), error=os_error_text(exc))
                ) from exc
            current = read_lock(path)
            if current is None:
                continue
            if not is_stale(current):
                raise LockedError(
                    _("The portfolio {name} is held by {holder}.").format(
                        name=path.name, holder=current.describe()),
                    holder=current.as_holder(),
                )
            _take_over(path)
        raise LockedError(_("The portfolio {name} is being opened by another editor right "
                            "now; try again.").format(name=path.name))


@atexit.register
def _release_all() -> None:  # pragma: no cover - interpreter exit
    with _HELD_GUARD:
        for held in list(_HELD.values()):
            held.release()
        _HELD.clear()
