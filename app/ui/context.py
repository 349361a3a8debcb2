"""What every view gets: the open portfolio, the undo stack, the change broadcast, the
scenario shown, the dialog service, the settings, and a way to open an initiative.

See ``app.ui.views.registry`` for how views use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from app.models import Scenario
from app.services.changes import Changes, Kind
from app.services.store import Portfolio
from app.ui.dialogs import DialogService
from app.ui.settings import Settings


@dataclass(frozen=True)
class ScenarioInfo:
    """The scenario shown: a what-if is shown as such in the status bar and views."""

    id: int | None
    name: str
    is_what_if: bool


class ChangeBroadcast(QObject):
    """The one broadcast of changes: ``changed(Changes)`` after every edit, undo and redo."""

    changed = Signal(object)

    def emit_changes(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)


def default_scenario(portfolio: Portfolio) -> ScenarioInfo:
    """The portfolio's default scenario (or the first one; none → an unnamed placeholder)."""
    with portfolio.read() as s:
        sc = s.scalars(
            select(Scenario).order_by(Scenario.is_default.desc(), Scenario.id)
        ).first()
        if sc is None:
            return ScenarioInfo(None, "", False)
        return ScenarioInfo(sc.id, sc.name, bool(sc.is_what_if))


@dataclass
class ViewContext:
    """Handed to every view factory (``factory(context) -> QWidget``)."""

    portfolio: Portfolio
    undo_stack: QUndoStack
    changes: ChangeBroadcast
    dialogs: DialogService
    settings: Settings
    open_initiative: Callable[[str], None]
    show_read_only: bool = True  # False in screenshots: drawn as if editable
    _scenario: ScenarioInfo | None = None

    @property
    def readonly(self) -> bool:
        return self.portfolio.readonly

    @property
    def offers_edits(self) -> bool:
        """Whether views show edit controls as enabled (read-only greys them out, except
        in screenshots, which draw the ordinary look)."""
        return not (self.portfolio.readonly and self.show_read_only)

    def scenario(self) -> ScenarioInfo:
        if self._scenario is None:
            self._scenario = default_scenario(self.portfolio)
        return self._scenario

    def set_scenario(self, scenario_id: int | None) -> None:
        """Show another scenario (None = the default); broadcasts ``Kind.SCENARIO``."""
        if scenario_id is None:
            self._scenario = default_scenario(self.portfolio)
        else:
            with self.portfolio.read() as s:
                sc = s.get(Scenario, scenario_id)
                if sc is None:
                    raise KeyError(f"no scenario with id {scenario_id}")
                self._scenario = ScenarioInfo(sc.id, sc.name, bool(sc.is_what_if))
        self.changes.emit_changes(Changes.of(Kind.SCENARIO))

    def run(self, command: object) -> bool:
        """Run a ``ServiceCommand`` through the one change path; True when it was applied."""
        from app.ui.commands.base import run_command

        return run_command(self, command)  # type: ignore[arg-type]
