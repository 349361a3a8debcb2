"""Checks on a ``.portfolio`` file before it is opened (DESIGN §5): is it a Prioritise
portfolio, is it whole, which schema does it have, does a crashed writer's journal need
rolling back, and may this process write it.

Nothing here writes the file, except ``recover_journal``, which lets SQLite roll a hot
journal back (restoring the file as it was before the crashed transaction), and
``leave_wal``, which an editor holding the lock calls to switch a file that another
program put in WAL mode back to a rollback journal (DESIGN §5: no WAL, the file may live
on a network or synced folder). A reader of such a file reads a private copy
(``wal_snapshot``), so it writes nothing beside it (no ``-wal``/``-shm`` files).

Sources: the SQLite file format (https://sqlite.org/fileformat2.html §1.3, the database
header: page size at offset 16, change counter at 24, size in pages at 28, application
id at 68, version-valid-for at 92; file format write/read versions at 18 and 19, 2 for
WAL), "Atomic Commit In SQLite" §4 (hot journals) and "Write-Ahead Logging" §2.1/§4
(https://sqlite.org/wal.html: the WAL mode persists in the file; a missing ``-shm`` is
rebuilt from the ``-wal`` file; changing the journal mode checkpoints the WAL and needs
exclusive access).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.services.errors import NotAPortfolioError, TooNewError, UserError
from app.services.i18n import _
from app.services.oserrors import os_error_text

MAGIC = b"SQLite format 3\x00"
#: ``PRAGMA application_id`` of every portfolio file: "PRIO" in ASCII
APPLICATION_ID = 0x5052494F


def looks_like_portfolio(path: Path) -> bool:
    """True when ``path`` is named as a portfolio (``.portfolio``) or begins with the
    SQLite header (a portfolio, or any SQLite database): a file that an export, a
    screenshot or a template must never replace and that is never an import source.
    An unreadable or missing file is judged by its name alone."""
    if path.suffix.lower() == ".portfolio":
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def journal_path(path: Path) -> Path:
    """The rollback journal SQLite keeps beside the file during a write."""
    return path.with_name(path.name + "-journal")


def wal_path(path: Path) -> Path:
    """The write-ahead log SQLite keeps beside a file in WAL mode."""
    return path.with_name(path.name + "-wal")


def wal_mode(path: Path) -> bool:
    """True when the file is in WAL mode (header bytes 18 and 19, the file format write and
    read versions, are 2). Prioritise never sets it; another program (e.g. a database
    browser) may have. Reads 20 bytes; False for a file too short to say."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and 2 in (header[18], header[19])


@contextmanager
def wal_snapshot(path: Path) -> Iterator[Path]:
    """A private copy of a WAL-mode portfolio, for a reader: the file and its ``-wal``
    file (committed changes not yet written into the file) copied into a temporary
    folder under the same name, switched there to a rollback journal (which writes the
    copied log into the copy). Yields the copy's path; the folder is removed afterwards.
    The original and its folder are only read. Raises ``NotAPortfolioError`` when the
    copy is not a readable database."""
    with tempfile.TemporaryDirectory(prefix="prioritise-wal-") as tmp:
        copy = Path(tmp) / path.name
        shutil.copyfile(path, copy)
        try:
            shutil.copyfile(wal_path(path), wal_path(copy))
        except FileNotFoundError:
            pass
        try:
            conn = sqlite3.connect(copy)
            try:
                conn.execute("PRAGMA journal_mode=DELETE").fetchone()
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise NotAPortfolioError(
                _("{name} is damaged and cannot be read ({error}); it was not opened and is "
                  "unchanged. Restore it from a backup.").format(name=path.name, error=exc)
            ) from exc
        yield copy


def leave_wal(path: Path) -> None:
    """Switch a file another program put in WAL mode back to a rollback journal (SQLite
    first writes the ``-wal`` file's committed changes into it and removes the ``-wal``
    and ``-shm`` files). Called by an editor holding the lock. Raises ``UserError`` when
    another program has the file open (the switch needs exclusive access); the file is
    then as before."""
    try:
        conn = sqlite3.connect(path, timeout=5)
        try:
            mode = str(conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]).lower()
        finally:
            conn.close()
    except sqlite3.OperationalError:
        mode = ""
    if mode != "delete":
        raise UserError(_("{name} is busy (another program is writing it): the change was "
                          "not saved. Try again in a moment.").format(name=path.name))


def _header(path: Path) -> tuple[bytes, int]:
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            return fh.read(100), size
    except IsADirectoryError as exc:
        raise NotAPortfolioError(_("{path} is a folder, not a portfolio file.").format(
            path=path)) from exc
    except FileNotFoundError as exc:
        raise NotAPortfolioError(_("The file does not exist: {path}").format(path=path)) from exc
    except OSError as exc:
        raise UserError(_("Cannot read {path}: {error}").format(
            path=path, error=os_error_text(exc))) from exc


def _not_portfolio(path: Path) -> NotAPortfolioError:
    return NotAPortfolioError(
        _("{name} is not a Prioritise portfolio; it was not opened and is unchanged.").format(
            name=path.name)
    )


def _truncated(path: Path) -> NotAPortfolioError:
    return NotAPortfolioError(
        _("{name} is truncated or damaged (the file is shorter than its own header says); "
          "it was not opened and is unchanged. Restore it from a backup.").format(name=path.name)
    )


def check_header(path: Path) -> None:
    """Refuse a file that is not a SQLite database made by Prioritise, or is truncated.

    Raises ``NotAPortfolioError``; reads only the first 100 bytes and the file size.
    """
    header, size = _header(path)
    if not header.startswith(MAGIC[: min(len(header), len(MAGIC))]) or len(header) < len(MAGIC):
        raise _not_portfolio(path)
    if len(header) < 100:
        raise _truncated(path)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise _not_portfolio(path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _truncated(path)
    pages = int.from_bytes(header[28:32], "big")
    size_valid = header[24:28] == header[92:96]
    if size % page_size or (pages and size_valid and size < pages * page_size):
        raise _truncated(path)


def recover_journal(path: Path) -> bool:
    """Let SQLite roll back a crashed writer's hot journal, if there is one.

    SQLite does this on the first read by a connection that can write; a journal that
    belongs to a live writer (who holds the RESERVED lock) is not hot and is left alone.
    Readers call this too (DESIGN §5: recovery "for readers too"); it only restores the
    file as it was before the crashed transaction. Returns True when a journal was rolled
    back. Raises ``UserError`` when recovery is needed but the folder or file is
    read-only.
    """
    journal = journal_path(path)
    try:
        if journal.stat().st_size == 0:
            return False
    except FileNotFoundError:
        return False
    try:
        conn = sqlite3.connect(path, timeout=5)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise UserError(
            _("{name} was left half-written by a program that stopped (its journal {journal} "
              "is still there), and it cannot be repaired here: {error}. Open it once from "
              "a folder where you may write; the unfinished change is then undone.").format(
                name=path.name, journal=journal.name, error=exc)
        ) from exc
    return not journal.exists()


def read_revision(path: Path, known: list[str]) -> str:
    """The file's schema revision; refuses an unknown (newer) or missing one.

    Raises ``NotAPortfolioError`` (no revision, damaged) and ``TooNewError`` (written by a
    newer Prioritise). Reads through a read-only connection.
    """
    from app.services.migrate import revision_of_file

    try:
        revision = revision_of_file(path)
    except sqlite3.DatabaseError as exc:
        raise NotAPortfolioError(
            _("{name} is damaged and cannot be read ({error}); it was not opened and is "
              "unchanged. Restore it from a backup.").format(name=path.name, error=exc)
        ) from exc
    if revision is None:
        raise _not_portfolio(path)
    if revision not in known:
        raise TooNewError(
            _("{name} was saved by a newer version of Prioritise (schema {revision}); this "
              "version knows up to {head}. Update Prioritise to open it. The file is "
              "unchanged.").format(name=path.name, revision=revision, head=known[-1])
        )
    return revision


def write_block_reason(path: Path) -> str:
    """Why this process may not write the file ("" when it may): a write-protected file,
    or a folder where SQLite cannot create its journal."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return _("the folder {folder} is read-only").format(folder=path.parent)
    if not os.access(path, os.W_OK):
        return _("the file is write-protected")
    return ""
