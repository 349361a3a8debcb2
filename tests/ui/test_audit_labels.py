"""The audit views say what changed in the user's words (DESIGN §3), in Danish and
English: "ændrede tiltag", "slettede business case-linje", not the table names."""

from __future__ import annotations

from sqlalchemy import select

from app.models import BusinessCaseLine, Initiative


def _what_column(view) -> list[str]:
    model = view.model
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def _edit(window) -> None:
    from app.services.changes import Changes

    with window.portfolio.session(context="rettelse") as s:
        s.get(Initiative, "EK-001").title = "Ny titel"
        s.delete(s.scalars(select(BusinessCaseLine).where(
            BusinessCaseLine.initiative_id == "EK-001")).first())
    window.context.changes.emit_changes(Changes.everything())


def test_the_audit_log_names_what_changed_in_english(qtbot, window) -> None:
    from app.ui.views.audit import AuditLogView

    _edit(window)
    view = AuditLogView(window.context)
    qtbot.addWidget(view)
    what = _what_column(view)
    assert "changed initiative (rettelse)" in what
    assert "deleted business case line (rettelse)" in what
    assert not any("business_case_line" in w for w in what)


def test_the_audit_log_and_history_name_what_changed_in_danish(qtbot, window) -> None:
    from app.ui.views.audit import AuditLogView

    _edit(window)
    window.set_language("da")
    view = AuditLogView(window.context)
    qtbot.addWidget(view)
    what = _what_column(view)
    assert "ændrede tiltag (rettelse)" in what
    assert "slettede business case-linje (rettelse)" in what
    window.open_initiative("EK-001")
    history = window.view("initiative").history.model
    assert "ændrede tiltag (rettelse)" in [history.index(r, 2).data()
                                          for r in range(history.rowCount())]
    assert history.entity_label("en_ny_tabel") == "en_ny_tabel"
    window.set_language("en")
