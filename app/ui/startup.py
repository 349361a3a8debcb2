"""Start-up of the desktop application: Python's cyclic garbage collector waits until
the main window is on screen.

Opening the application creates ~165,000 objects that live for the whole session
(SQLAlchemy and its mapped models, PySide6 wrappers and enums, Babel's CLDR data, the
table's rows), and every full collection during start-up walks all of those made so far:
at 5,000 initiatives that was ~20 % of the start-up's CPU time (1.07 s → 0.85 s with the
collector paused). So ``prioritise gui`` pauses the collector before anything is
imported (``pause_garbage_collection``) and the main window resumes it when it is first
shown (``resume_garbage_collection``): what start-up made is frozen (``gc.freeze``, not
scanned again) and collection goes on as usual for everything made afterwards. Frozen
objects are still freed by reference counting when no longer used; only the few
hundred unreachable cycles among them (a full ``gc.collect`` at that point finds ~850
objects) would stay, so ``THAW_AFTER_MS`` later they are handed back to the collector
(``gc.unfreeze``) and the next ordinary full collection takes them, off the start-up
path. Source: Python docs, ``gc.freeze`` ("to avoid ... collections of objects that
live long"), and the measurement above (CPU time of the window_5000 benchmark's child).

Without a pause (tests, ``--screenshot``, other commands) both functions do nothing.
No Qt import at module level: the CLI calls ``pause_garbage_collection`` first thing.
"""

from __future__ import annotations

import gc

#: how long after the window is shown the start-up objects go back to the collector
THAW_AFTER_MS = 30_000

_paused = False


def pause_garbage_collection() -> None:
    """Pause the cyclic garbage collector until ``resume_garbage_collection`` (no-op
    when it is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def is_paused() -> bool:
    """True between ``pause_garbage_collection`` and ``resume_garbage_collection``."""
    return _paused


def resume_garbage_collection() -> None:
    """Freeze what start-up made and turn the collector on again; ``THAW_AFTER_MS``
    later the frozen objects go back to the collector. Only after a pause; safe to call
    more than once."""
    global _paused
    if not _paused:
        return
    _paused = False
    gc.freeze()
    gc.enable()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(THAW_AFTER_MS, gc.unfreeze)
