"""Undo commands for an initiative's assessments, child rows and dependencies."""

from __future__ import annotations

from typing import Any


from app.services import editing_rows as rows
from app.services.changes import Changes
from app.services.store import Portfolio
from app.ui.commands.base import ServiceCommand
from app.ui.tr import tr



class AssessmentCommand(ServiceCommand):
    """Set one assessment (value on the criterion's scale, comment); undo restores it."""

    def __init__(self, pf: Portfolio, initiative_id: str, criterion_id: int, assessor: str,
                 new: tuple[float | None, str], old: tuple[float | None, str],
                 text: str = "") -> None:
        super().__init__(
            text or tr("Assessment of {id}").format(id=initiative_id),
            lambda: rows.set_assessment(pf, initiative_id, criterion_id, assessor,
                                        new[0], new[1], old),
            lambda: rows.set_assessment(pf, initiative_id, criterion_id, assessor,
                                        old[0], old[1], new))


class AddRowCommand(ServiceCommand):
    """Add a business-case line, decision, success criterion or measurement."""

    def __init__(self, pf: Portfolio, kind: str, values: dict[str, Any], text: str) -> None:
        self.row_id: int | None = None

        def do() -> Changes:
            self.row_id, changes = rows.add_row(pf, kind, values, self.row_id)
            return changes

        def undo() -> Changes:
            assert self.row_id is not None
            return rows.delete_row(pf, kind, self.row_id)[1]

        super().__init__(text, do, undo)


class UpdateRowCommand(ServiceCommand):
    """Change fields of a child row (compare-and-set both ways)."""

    def __init__(self, pf: Portfolio, kind: str, row_id: int, new: dict[str, Any],
                 old: dict[str, Any], text: str) -> None:
        super().__init__(text, lambda: rows.update_row(pf, kind, row_id, new, old),
                         lambda: rows.update_row(pf, kind, row_id, old, new))


class DeleteRowCommand(ServiceCommand):
    """Delete a child row; undo re-inserts it with the same id and values."""

    def __init__(self, pf: Portfolio, kind: str, row_id: int, text: str) -> None:
        self.values: dict[str, Any] = {}

        def do() -> Changes:
            self.values, changes = rows.delete_row(pf, kind, row_id)
            return changes

        def undo() -> Changes:
            return rows.add_row(pf, kind, self.values, row_id)[1]

        super().__init__(text, do, undo)


class DependencyCommand(ServiceCommand):
    """Add (``add`` True) or remove "``initiative_id`` requires ``requires_id``"."""

    def __init__(self, pf: Portfolio, initiative_id: str, requires_id: str, add: bool) -> None:
        note = {"text": ""}

        def add_it() -> Changes:
            return rows.add_dependency(pf, initiative_id, requires_id, note["text"])

        def remove_it() -> Changes:
            note["text"], changes = rows.remove_dependency(pf, initiative_id, requires_id)
            return changes

        text = (tr("{a} requires {b}") if add else tr("{a} no longer requires {b}")).format(
            a=initiative_id, b=requires_id)
        super().__init__(text, add_it if add else remove_it, remove_it if add else add_it)
