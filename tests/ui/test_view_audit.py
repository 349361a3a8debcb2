"""The portfolio audit log view: every change with who, when, what, old → new, searchable,
and it follows edits (issue 8)."""

from __future__ import annotations

from app.models import Initiative
from app.services.audit_log import load_log


def test_the_audit_view_lists_changes_and_follows_an_edit(qtbot, qtmodeltester, window):
    from app.services.changes import Changes
    from app.ui.views.audit import AuditLogView

    view = AuditLogView(window.context)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    before = view.model.rowCount()
    with window.portfolio.session(context="test") as s:
        first = s.query(Initiative).order_by(Initiative.id).first()
        old = first.title
        first.title = "Ændret titel æøå"
        iid = first.id
    window.context.changes.emit_changes(Changes.everything())
    assert view.model.rowCount() == before + 1
    newest = view.model.rows[0]
    assert (newest.initiative_id, newest.field, newest.old_value, newest.new_value) == (
        iid, "title", old, "Ændret titel æøå")
    assert newest.user
    view.search.setText("Ændret titel")
    assert [r.new_value for r in view.model.rows] == ["Ændret titel æøå"]


def test_load_log_filters_case_insensitively(window):
    with window.portfolio.read() as s:
        everything = load_log(s)
        none = load_log(s, text="zzz-findes-ikke")
    assert everything and none == []
