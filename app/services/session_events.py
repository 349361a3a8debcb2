"""Attaching listeners to a session factory exactly once.

``sqlalchemy.event.contains`` cannot be used for this: its registry is keyed by
``id()`` of the target and keeps the key after a ``sessionmaker`` is garbage collected,
so a new factory that happens to get the same address is reported as already having
the listener, and the listener is silently never attached (seen as audit entries
missing after another portfolio had been opened and closed). The factory itself
therefore records which listeners it has.
"""

from __future__ import annotations

from typing import Any, Callable

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

_MARK = "_prioritise_listeners"


def listen_once(factory: sessionmaker[Session], identifier: str,
                fn: Callable[..., Any]) -> None:
    """Listen to ``identifier`` (e.g. ``"after_flush"``) on the sessions ``factory``
    makes, unless this factory already has ``fn`` for it."""
    attached: set[tuple[str, Any]] = factory.__dict__.setdefault(_MARK, set())
    if (identifier, fn) in attached:
        return
    event.listen(factory, identifier, fn)
    attached.add((identifier, fn))
