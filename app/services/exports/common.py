"""What every export shares: cancel and progress hooks, atomic output files, cell safety.

An export runs in steps (gathering, sections, pages). Between steps it calls
``hooks.step(fraction, text)``: the progress callback gets ``(fraction 0..1, text)`` and
the cancel check, when it returns True, makes the export raise ``Cancelled``. The output
is written to a temporary file beside the target and renamed over it only when complete
(``atomic_output``), so a cancelled or failed export leaves no partial file and an older
file at the target stays intact.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.services.i18n import _
from app.services.oserrors import os_error_text
from app.services.portfolio_file import looks_like_portfolio

ProgressCallback = Callable[[float, str], None]
CancelCheck = Callable[[], bool]

def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: the file mode a new output gets (mkstemp makes 0600; an export is an ordinary file)
_FILE_MODE = 0o666 & ~_umask()

#: first characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@")


class Cancelled(Exception):
    """The user cancelled the export; nothing was written."""


@dataclass
class ExportHooks:
    """Progress and cancel hooks for a worker thread (both optional)."""

    progress: ProgressCallback | None = None
    cancel: CancelCheck | None = None

    def step(self, fraction: float, text: str = "") -> None:
        """Report progress (0..1) and raise ``Cancelled`` when the user has cancelled."""
        if self.cancel is not None and self.cancel():
            raise Cancelled(_("The export was cancelled."))
        if self.progress is not None:
            self.progress(max(0.0, min(1.0, fraction)), text)

    def check(self) -> None:
        """Raise ``Cancelled`` when the user has cancelled (no progress report)."""
        if self.cancel is not None and self.cancel():
            raise Cancelled(_("The export was cancelled."))


@contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    On any exception (``Cancelled`` included) the temporary file is removed and the
    exception propagates; ``target`` is untouched. The temporary file is in the same
    folder so the rename is atomic on the same file system (``os.replace``). A symbolic
    link is followed: the file it points to is written (and refused like any target, see
    ``refuse_overwriting_data``), the link itself stays.

    Raises ``UserError`` naming ``target`` for a missing or unwritable folder, a refused
    target, and a write that failed for a full disk or a refusing file system (an
    ``OSError`` such as ENOSPC, or any writer error while the folder has under
    ``_FULL_BELOW`` bytes free); other errors propagate unchanged.
    """
    from app.services.errors import UserError

    target = Path(target)
    try:
        if target.is_symlink():  # write the file the link points to; the link stays a link
            target = Path(os.path.realpath(target))
    except OSError as exc:  # e.g. a file name too long for the file system
        raise UserError(_("Cannot write {path}: {error}").format(
            path=target, error=os_error_text(exc))) from exc
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=folder))
    refuse_overwriting_data(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(_("Cannot write in the folder {folder}: {error}").format(
            folder=folder, error=os_error_text(exc))) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
        except (UserError, Cancelled):
            raise
        except Exception as exc:
            refusal = _write_failure(exc, target, folder)
            if refusal is None:
                raise
            raise refusal from exc
        os.chmod(tmp, _FILE_MODE)
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise UserError(_("Cannot write {path}: {error}").format(
                path=target, error=os_error_text(exc))) from exc
    except BaseException:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        raise


#: errno values of a write that failed for lack of room (full disk, quota, file size limit)
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
#: errno values of a write the file system refused (I/O error, read-only, permission)
_NOT_WRITABLE = {errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM}
#: below this many free bytes the folder counts as full (a writer library that reports a
#: failed write as its own error, e.g. lxml's "LxmlSyntaxError" under openpyxl, hides the
#: ENOSPC; the free space tells it)
_FULL_BELOW = 64 * 1024


def _write_failure(exc: BaseException, target: Path, folder: Path) -> Exception | None:
    """A ``UserError`` naming ``target`` when writing it failed because the disk is full
    or the file system refused the write; None for any other error (a bug stays one).

    Looks for an ``OSError`` with one of ``_NO_ROOM``/``_NOT_WRITABLE`` in ``exc`` and
    its causes; else, when the folder has less than ``_FULL_BELOW`` bytes free
    (``shutil.disk_usage``), reports a full disk."""
    from app.services.errors import UserError

    seen: BaseException | None = exc
    for _depth in range(8):
        if seen is None:
            break
        if isinstance(seen, OSError) and seen.errno in _NO_ROOM:
            return UserError(_disk_full(target))
        if isinstance(seen, OSError) and seen.errno in _NOT_WRITABLE:
            return UserError(_("Cannot write {path}: {error}. Nothing was written.").format(
                path=target, error=os_error_text(seen)))
        seen = seen.__cause__ or seen.__context__
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    if free < _FULL_BELOW:
        return UserError(_disk_full(target))
    return None


def _disk_full(target: Path) -> str:
    return _("The disk is full: {path} could not be written, and no partial file was "
             "left. Free some space or choose another folder.").format(path=target)


def refuse_overwriting_data(target: Path) -> None:
    """Raise ``UserError`` when ``target`` is a folder, a portfolio (or any SQLite
    database) or a portfolio's lock file: an export must never replace the data it was
    made from (e.g. ``export P.portfolio --csv P.portfolio``); nor when it exists and is
    not a regular file (a device such as ``/dev/full``, a FIFO, a socket), which a rename
    would replace."""
    from app.services.errors import UserError

    if target.is_dir():
        raise UserError(_("{path} is a folder; give a file name for the export.").format(
            path=target))
    try:
        mode = target.stat().st_mode  # follows a symbolic link
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UserError(_("Cannot write {path}: {error}").format(
            path=target, error=os_error_text(exc))) from exc
    if mode is not None and not stat.S_ISREG(mode):
        raise UserError(_("{path} is not an ordinary file (a device, pipe or socket); an "
                          "export never replaces it. Choose a file name.").format(path=target))
    if looks_like_portfolio(target) or target.suffix.lower() == ".lock":
        raise UserError(_("{path} is a portfolio or its lock file; an export never "
                          "overwrites it. Choose another file name.").format(path=target))


def neutralise_csv(text: str) -> str:
    """Text for a CSV cell that no spreadsheet runs as a formula: a leading ``'`` is added
    when it starts with ``= + - @`` (DESIGN §9) — also after quotes of its own, so a text
    that really starts with ``'=`` survives the round trip. ``restore_csv`` undoes it."""
    if text.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def restore_csv(text: str) -> str:
    """Undo ``neutralise_csv`` on a cell read back from Prioritise's own CSV export."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text
