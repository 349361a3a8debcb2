"""The one change path: a ``QUndoCommand`` over two service calls (do, undo).

``run_command(context, command)`` applies the command once (one transaction through the
service), and only when that succeeded pushes it on the undo stack (whose first
``redo()`` is then skipped) and broadcasts the change. A refused edit (``UserError``) is
shown through the dialog service and changes nothing; a ``ConflictError`` shows both
values. Undo and redo call the services again; a refused undo/redo is shown and the
command is made obsolete so the stack never claims a state the database does not have.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.services.changes import Changes
from app.services.errors import ConflictError, UserError
from app.ui.tr import tr

if TYPE_CHECKING:
    from app.ui.context import ViewContext



class ServiceCommand(QUndoCommand):
    """An undoable edit: ``do()`` and ``undo_fn()`` each run one service call and return the
    ``Changes`` it made. Subclasses or callers supply both callables."""

    def __init__(self, text: str, do: Callable[[], Changes], undo: Callable[[], Changes]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._skip_first_redo = False
        self.context: ViewContext | None = None

    def apply(self) -> Changes:
        """Run the edit now (raises what the service raises)."""
        return self._do()

    def redo(self) -> None:  # called by QUndoStack.push and by redo
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._guarded(self._do)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, fn: Callable[[], Changes]) -> None:
        ctx = self.context
        try:
            changes = fn()
        except UserError as exc:
            self.setObsolete(True)
            if ctx is not None:
                _show_refusal(ctx, exc)
                ctx.changes.emit_changes(Changes.everything())
            return
        if ctx is not None:
            ctx.changes.emit_changes(changes)


def _show_refusal(ctx: ViewContext, exc: UserError) -> None:
    if isinstance(exc, ConflictError):
        ctx.dialogs.conflict(tr("Changed by another editor"), str(exc), exc.mine, exc.theirs)
    else:
        details = "\n".join(getattr(exc, "problems", []) or [])
        ctx.dialogs.warn(tr("The change was refused"), str(exc), details)


def run_command(ctx: ViewContext, command: ServiceCommand) -> bool:
    """Apply ``command`` through the services, then push it for undo; True when applied."""
    if ctx.readonly:
        ctx.dialogs.warn(tr("Read-only"), tr("The portfolio is open read-only; nothing was changed."))
        return False
    command.context = ctx
    try:
        changes = command.apply()
    except UserError as exc:
        _show_refusal(ctx, exc)
        if isinstance(exc, ConflictError):
            ctx.changes.emit_changes(Changes.everything())  # show what the other editor saved
        return False
    command._skip_first_redo = True
    ctx.undo_stack.push(command)
    ctx.changes.emit_changes(changes)
    return True
