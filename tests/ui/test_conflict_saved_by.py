"""The conflict dialog names who saved the other value and when (the audit log's user and
time, the date through formatting), or says that the log does not know. The dialogs are
the fake dialog service: no modal dialog is ever shown or waited on."""

from __future__ import annotations

from datetime import timezone

from sqlalchemy import select

from app.models import AuditEntry, Initiative
from app.services import formatting
from app.ui.dialogs import conflict_text


def _edit_title_after_other_editor(window, *, audit: bool = True) -> tuple[str, str]:
    window.open_initiative("EK-001")
    view = window.view("initiative")
    with window.portfolio.session(context="ole retter") as s:  # editor B ("ole") saves first
        s.info["user"] = "ole"
        s.info["audit"] = audit
        s.get(Initiative, "EK-001").title = "Olés titel"
    view.general.title_edit.setText("Min titel")
    view.general.title_edit.editingFinished.emit()
    return view.general.title_edit.text(), window.undo_stack.count()


def test_the_conflict_dialog_names_who_saved_the_other_value_and_when(window, dialogs):
    shown, undo_count = _edit_title_after_other_editor(window)
    kind, (title, text, mine, theirs) = dialogs.calls[-1]
    assert kind == "conflict"
    assert mine == {"title": "Min titel"} and theirs == {"title": "Olés titel"}
    with window.portfolio.read() as s:
        at = s.scalars(select(AuditEntry.at).where(AuditEntry.user == "ole")).one()
    local = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone()
    saved = (f"Saved by ole on {formatting.format_date(local.date())} at "
             f"{local.strftime('%H:%M')}.")
    assert saved in text
    assert saved in conflict_text(text, mine, theirs)  # what the real message box shows
    assert shown == "Olés titel" and undo_count == 0  # reloaded, nothing overwritten


def test_without_an_audit_entry_the_dialog_says_the_log_does_not_know(window, dialogs):
    with window.portfolio.session(context="test") as s:  # a log without EK-001's history
        s.info["audit"] = False
        s.execute(AuditEntry.__table__.delete())
    _edit_title_after_other_editor(window, audit=False)
    kind, (_title, text, _mine, _theirs) = dialogs.calls[-1]
    assert kind == "conflict"
    assert "The audit log does not say who saved it or when." in text
    assert "ole" not in text
