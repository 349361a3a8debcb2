"""Re-solving the recommendation off the GUI thread while the user drags a budget frame.

``SolveRunner.request(built)`` hands a built problem (``selection.Built``, plain data, no
session) to a worker thread that runs ``selection.select_built``. Requests arriving while
a solve runs are coalesced: only the newest waits, older ones are dropped, so the result
follows a slider without a queue building up. ``finished(token, result)`` and
``failed(token, message)`` arrive in the GUI thread; the token says which request it was,
and the view keeps showing the last result until a newer one arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.services.errors import UserError
from app.services.selection import Built, SelectionResult, select_built


class _Signals(QObject):
    done = Signal(int, object)
    error = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, token: int, built: Built, signals: _Signals) -> None:
        super().__init__()
        self.token = token
        self.built = built
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = select_built(self.built)
        except UserError as exc:  # e.g. infeasible: mandatory items above the frame
            self.signals.error.emit(self.token, str(exc))
            return
        self.signals.done.emit(self.token, result)


class SolveRunner(QObject):
    """One solve at a time on a private thread pool; the newest request wins."""

    finished = Signal(int, object)  # token, SelectionResult
    failed = Signal(int, str)  # token, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.error.connect(self._error)
        self._token = 0
        self._running = False
        self._waiting: tuple[int, Built] | None = None

    @property
    def busy(self) -> bool:
        """True while a solve runs or waits."""
        return self._running or self._waiting is not None

    def request(self, built: Built) -> int:
        """Ask for a solve of ``built``; returns its token (newer requests replace a waiting one)."""
        self._token += 1
        if self._running:
            self._waiting = (self._token, built)
        else:
            self._start(self._token, built)
        return self._token

    def latest(self) -> int:
        """The token of the newest request."""
        return self._token

    def _start(self, token: int, built: Built) -> None:
        self._running = True
        self.pool.start(_Job(token, built, self._signals))

    def _next(self) -> None:
        self._running = False
        if self._waiting is not None:
            token, built = self._waiting
            self._waiting = None
            self._start(token, built)

    def _done(self, token: int, result: SelectionResult) -> None:
        self._next()
        self.finished.emit(token, result)

    def _error(self, token: int, message: str) -> None:
        self._next()
        self.failed.emit(token, message)

    def wait(self) -> None:
        """Block until no solve runs (used when closing)."""
        self.pool.waitForDone()

    @staticmethod
    def solve_now(built: Built) -> SelectionResult:
        """Solve in the calling thread (first display, screenshots). Raises ``UserError``."""
        return select_built(built)
