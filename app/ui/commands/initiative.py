"""Undo commands for an initiative's own fields and for creating one."""

from __future__ import annotations

from typing import Any


from app.services import editing
from app.services.changes import Changes
from app.services.store import Portfolio
from app.ui.commands.base import ServiceCommand
from app.ui.tr import tr



class SetFieldsCommand(ServiceCommand):
    """Set fields of one initiative; undo puts the old values back (both compare-and-set)."""

    def __init__(self, pf: Portfolio, initiative_id: str, new: dict[str, Any],
                 old: dict[str, Any], text: str = "") -> None:
        self.initiative_id = initiative_id
        super().__init__(
            text or tr("Edit {id}").format(id=initiative_id),
            lambda: editing.update_initiative(pf, initiative_id, new, old),
            lambda: editing.update_initiative(pf, initiative_id, old, new))


class CreateInitiativeCommand(ServiceCommand):
    """Create an initiative with a given id; undo deletes it (it has nothing else yet)."""

    def __init__(self, pf: Portfolio, initiative_id: str, title: str) -> None:
        def do() -> Changes:
            return editing.create_initiative(pf, title, initiative_id=initiative_id)[1]

        def undo() -> Changes:
            return editing.delete_empty_initiative(pf, initiative_id)

        super().__init__(tr("New initiative {id}").format(id=initiative_id), do, undo)


class DeleteInitiativeCommand(ServiceCommand):
    """Delete an initiative with everything that belongs to it; undo restores it exactly."""

    def __init__(self, pf: Portfolio, initiative_id: str) -> None:
        from app.services import deleting

        self.dump: deleting.InitiativeDump | None = None

        def do() -> Changes:
            self.dump, changes = deleting.delete_initiative(pf, initiative_id)
            return changes

        def undo() -> Changes:
            assert self.dump is not None
            return deleting.restore_initiative(pf, self.dump)

        super().__init__(tr("Delete {id}").format(id=initiative_id), do, undo)
