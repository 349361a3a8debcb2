"""The audit log view and an initiative's history show field and values in words, in
Danish and English (issue 8): "Markeret obligatorisk", "Nej" → "Ja", a created row as
"Titel: …", not ``mandatory``, ``False`` or a dict; the stored text is the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import BusinessCaseLine, Initiative


def _edit(window) -> None:
    from app.services.changes import Changes

    with window.portfolio.session(context="rettelse") as s:
        ini = s.get(Initiative, "EK-001")
        ini.mandatory = not ini.mandatory
        ini.title = "Ny titel"
        s.delete(s.scalars(select(BusinessCaseLine).where(
            BusinessCaseLine.initiative_id == "EK-001")).first())
        s.add(Initiative(id="EK-900", title="Nyt tiltag", phase="proposal"))
    window.context.changes.emit_changes(Changes.everything())


def _cells(model, role=Qt.ItemDataRole.DisplayRole) -> list[list[str]]:
    return [[model.index(r, c).data(role) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _row(rows: list[list[str]], *texts: str) -> list[str]:
    found = [r for r in rows if all(t in r for t in texts)]
    assert found, (texts, rows[:5])
    return found[0]


def _no_internals(rows: list[list[str]], first_text_column: int) -> None:
    for row in rows:
        for text in row[first_text_column:]:
            assert text not in ("mandatory", "title", "True", "False")
            assert "{'" not in (text or "")


def test_the_audit_view_shows_fields_and_values_in_english(qtbot, qtmodeltester, window):
    from app.ui.views.audit import AuditLogView

    _edit(window)
    view = AuditLogView(window.context)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    rows = _cells(view.model)
    mandatory = _row(rows, "Marked mandatory")
    assert {mandatory[5], mandatory[6]} == {"Yes", "No"}
    _row(rows, "Title", "Ny titel")
    created = _row(rows, "created initiative (rettelse)")
    assert created[6].startswith("Title: Nyt tiltag; ") and "Phase: Project proposal" in created[6]
    deleted = _row(rows, "deleted business case line (rettelse)")
    assert deleted[5].startswith("Flow: ")
    _no_internals(rows, 4)
    # the stored text stays readable as the tooltip: nothing hidden
    index = rows.index(mandatory)
    tips = [view.model.index(index, c).data(Qt.ItemDataRole.ToolTipRole) for c in (4, 5, 6)]
    assert tips[0] == "mandatory" and set(tips[1:]) == {"True", "False"}
    tip = view.model.index(rows.index(created), 6).data(Qt.ItemDataRole.ToolTipRole)
    assert "Title: Nyt tiltag" in tip and "As stored:" in tip and "'title': 'Nyt tiltag'" in tip


def test_the_audit_view_and_history_in_danish(qtbot, window):
    from app.ui.views.audit import AuditLogView

    _edit(window)
    window.set_language("da")
    view = AuditLogView(window.context)
    qtbot.addWidget(view)
    rows = _cells(view.model)
    mandatory = _row(rows, "Markeret obligatorisk")
    assert {mandatory[5], mandatory[6]} == {"Ja", "Nej"}
    created = _row(rows, "oprettede tiltag (rettelse)")
    assert created[6].startswith("Titel: Nyt tiltag; ") and "Fase: Projektforslag" in created[6]
    _no_internals(rows, 4)
    # the search finds a field by its Danish label
    view.search.setText("obligatorisk")
    assert any(r[4] == "Markeret obligatorisk" for r in _cells(view.model))

    window.open_initiative("EK-001")
    history = _cells(window.view("initiative").history.model)
    mandatory = _row(history, "Markeret obligatorisk")
    assert {mandatory[4], mandatory[5]} == {"Ja", "Nej"}
    deleted = _row(history, "slettede business case-linje (rettelse)")
    assert deleted[4].startswith("Udgift/gevinst: ")
    _no_internals(history, 3)
    window.set_language("en")
