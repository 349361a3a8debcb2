"""Long messages shortened for a place of fixed size (a status line, a slide): the start
and the end of the text, cut at words. No Qt: the views and the services share it."""

from __future__ import annotations

#: About how many characters a shortened message keeps (a few lines at 1280×720).
SUMMARY_CHARS = 400


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    """``text``, or about ``limit`` characters of it: its start and its end (where a
    refusal says which frame is exceeded and by how much), cut at words, " … " between.
    ``limit`` in characters (> 0); the result is at most ``limit`` + 3 characters long."""
    if len(text) <= limit:
        return text
    head = text[: limit * 2 // 3].rsplit(" ", 1)[0]
    tail = text[-(limit // 3):].split(" ", 1)[-1]
    return f"{head} … {tail}"
