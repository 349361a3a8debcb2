"""An operating-system error in the user's language.

``OSError.strerror`` is the C library's English text ("Permission denied"); inside a
Danish message it reads as a foreign fragment. ``os_error_text`` turns the errno values a
user meets when opening or writing files into translated words and keeps the system's
own text for any other error (errno names: POSIX ``<errno.h>``, Python's ``errno``).
"""

from __future__ import annotations

import errno

from app.services.i18n import _


def _words() -> dict[int, str]:
    """errno → translated words (built per call, so the current language applies)."""
    denied = _("permission denied")
    return {
        errno.EACCES: denied,
        errno.EPERM: denied,
        errno.ENOSPC: _("no space left on the disk"),
        errno.EROFS: _("the disk is read-only"),
        errno.ENOENT: _("no such file or folder"),
        errno.EISDIR: _("it is a folder, not a file"),
        errno.ENAMETOOLONG: _("the file name is too long"),
    }


def os_error_text(exc: BaseException) -> str:
    """The reason of ``exc`` in words for a message: for an ``OSError`` with one of the
    errno values above the translated words, else its ``strerror``, else ``str(exc)``
    (any other exception: ``str(exc)``). Never raises."""
    if isinstance(exc, OSError):
        words = _words().get(exc.errno) if exc.errno is not None else None
        if words:
            return words
        if exc.strerror:
            return exc.strerror
    return str(exc)
