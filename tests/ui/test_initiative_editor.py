"""The initiative editor: every edit goes through the undo stack, is stored in one audited
transaction, undoes and redoes, and survives reopening the portfolio."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import Assessment, AuditEntry, BusinessCaseLine, Dependency, Initiative
from app.services.store import open_portfolio


def _editor(window, iid: str = "EK-001"):
    window.open_initiative(iid)
    view = window.view("initiative")
    assert view.initiative_id == iid
    return view


def _stored(path: Path, iid: str, field: str):
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        return getattr(s.get(Initiative, iid), field)


def test_title_edit_undo_redo_persisted_and_survives_reopening(window, sample_path) -> None:
    view = _editor(window)
    view.general.title_edit.setText("Selvbetjening på byggesager – fase 2")
    view.general.title_edit.editingFinished.emit()
    assert _stored(sample_path, "EK-001", "title") == "Selvbetjening på byggesager – fase 2"
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert _stored(sample_path, "EK-001", "title") == "Selvbetjening på byggesager"
    assert view.general.title_edit.text() == "Selvbetjening på byggesager"
    window.undo_stack.redo()
    assert view.heading.text().endswith("fase 2")
    window.set_portfolio(None)  # close; nothing to save
    assert _stored(sample_path, "EK-001", "title") == "Selvbetjening på byggesager – fase 2"
    with open_portfolio(sample_path, readonly=True) as pf, pf.read() as s:
        entries = s.scalars(select(AuditEntry).where(
            AuditEntry.initiative_id == "EK-001", AuditEntry.field == "title")).all()
    assert len(entries) == 3  # edit, undo, redo — each audited


def test_phase_and_flags_edits_go_through_the_stack(window, sample_path) -> None:
    view = _editor(window)
    box = view.general.phase_box
    box.setCurrentIndex(box.findData("approved"))
    box.activated.emit(box.currentIndex())
    view.general.mandatory_check.click()
    assert _stored(sample_path, "EK-001", "phase") == "approved"
    assert _stored(sample_path, "EK-001", "mandatory") is True
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert _stored(sample_path, "EK-001", "phase") == "proposal"
    assert _stored(sample_path, "EK-001", "mandatory") is False
    assert not view.general.mandatory_check.isChecked()


def test_table_refreshes_from_the_change_broadcast(window) -> None:
    table = window.view("table")
    view = _editor(window)
    view.general.title_edit.setText("Nyt navn")
    view.general.title_edit.editingFinished.emit()
    window.show_view("table")  # a hidden table reloads when shown again
    row = table.model.row_of_id("EK-001")
    assert table.model.row_at(row).title == "Nyt navn"


def test_bad_date_is_refused_and_nothing_stored(window, dialogs, sample_path) -> None:
    view = _editor(window)
    view.general.start_edit.setText("31.02.2027")
    view.general.start_edit.editingFinished.emit()
    assert _stored(sample_path, "EK-001", "start_date") is None
    assert window.undo_stack.count() == 0
    assert any("31.02.2027" in t for t in dialogs.texts("warn"))


def test_assessment_side_by_side_undo_redo(window, sample_path) -> None:
    view = _editor(window)
    crit = view.assessment.detail.criteria[1]
    box = view.assessment.value_widgets[(crit.id, "unit")]
    box.setCurrentIndex(box.findData(3.0))
    box.activated.emit(box.currentIndex())

    def stored():
        with open_portfolio(sample_path, readonly=True) as pf, pf.read() as s:
            return s.scalars(select(Assessment.value).where(
                Assessment.initiative_id == "EK-001", Assessment.criterion_id == crit.id,
                Assessment.assessor == "unit")).first()

    assert stored() == 3.0
    window.undo_stack.undo()
    assert stored() is None
    window.undo_stack.redo()
    assert stored() == 3.0
    # the proposer's inflated score and its comment are shown beside the agreed one
    first = view.assessment.detail.criteria[0]
    assert view.assessment.value_widgets[(first.id, "proposer")].currentData() == 4.0
    assert view.assessment.comment_edits[(first.id, "proposer")].text() == "Vi er meget strategiske"
    assert "Understøtter" in view.assessment.value_widgets[(first.id, "agreed")].toolTip()


def test_business_case_line_add_edit_delete_with_undo_and_live_figures(window, sample_path) -> None:
    view = _editor(window, "EK-004")  # no lines yet
    bc = view.business_case
    bc.add_cost.click()
    assert bc.model.rowCount() == 1
    amount_col = [f for f, _h, _k in __import__("app.ui.initiative.lines_model",
                  fromlist=["COLUMNS"]).COLUMNS].index("amount")
    bc.model.setData(bc.model.index(0, amount_col), 250_000.0)
    assert bc.figure_labels["cash_cost"].text().startswith("250,000")  # live key figures (English)
    with open_portfolio(sample_path, readonly=True) as pf, pf.read() as s:
        assert s.scalars(select(BusinessCaseLine.amount).where(
            BusinessCaseLine.initiative_id == "EK-004")).all() == [250_000.0]
    window.undo_stack.undo()
    assert bc.model.lines[0]["amount"] == 0.0
    window.undo_stack.undo()
    assert bc.model.rowCount() == 0
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert bc.model.lines[0]["amount"] == 250_000.0
    bc.table.setCurrentIndex(bc.model.index(0, 0))
    bc.delete_line.click()
    assert bc.model.rowCount() == 0
    window.undo_stack.undo()
    assert bc.model.rowCount() == 1 and bc.model.lines[0]["amount"] == 250_000.0


def test_negative_cost_is_refused_with_a_message(window, dialogs) -> None:
    view = _editor(window)
    bc = view.business_case
    cols = [f for f, _h, _k in __import__("app.ui.initiative.lines_model",
            fromlist=["COLUMNS"]).COLUMNS]
    cost_row = next(i for i, ln in enumerate(bc.model.lines) if ln["flow"] == "cost")
    bc.model.setData(bc.model.index(cost_row, cols.index("amount")), -5.0)
    assert any("negative" in t for t in dialogs.texts("warn"))
    assert window.undo_stack.count() == 0


def test_dependency_cycle_refused_and_named(window, dialogs, sample_path) -> None:
    view = _editor(window, "EK-003")  # EK-001 already requires EK-003
    deps = view.dependencies
    deps.choice.setCurrentIndex(deps.choice.findData("EK-001"))
    deps.add_button.click()
    warned = " ".join(dialogs.texts("warn"))
    assert "EK-003" in warned and "EK-001" in warned and "cycle" in warned
    with open_portfolio(sample_path, readonly=True) as pf, pf.read() as s:
        assert s.get(Dependency, ("EK-003", "EK-001")) is None
    deps.choice.setCurrentIndex(deps.choice.findData("EK-002"))
    deps.add_button.click()
    assert [deps.requires.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(deps.requires.count())] == ["EK-002"]
    window.undo_stack.undo()
    assert deps.requires.count() == 0


def test_history_shows_the_initiatives_audit_entries(window) -> None:
    view = _editor(window)
    view.roles.role_edits["project_owner"].setText("Søren Ærbø")
    view.roles.role_edits["project_owner"].editingFinished.emit()
    model = view.history.model
    texts = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(6)]
    # the field by its label (the stored attribute name is the tooltip, issue 8)
    assert "Søren Ærbø" in texts and "Project owner" in texts and "project_owner" not in texts


def test_conflict_shows_both_values_and_overwrites_nothing(window, dialogs, sample_path) -> None:
    view = _editor(window)
    with window.portfolio.session(context="another editor") as s:  # stands in for user B
        s.get(Initiative, "EK-001").title = "Ændret af en anden"
    view.general.title_edit.setText("Min titel")
    view.general.title_edit.editingFinished.emit()
    assert _stored(sample_path, "EK-001", "title") == "Ændret af en anden"
    kind, args = dialogs.calls[-1]
    assert kind == "conflict"
    assert args[2] == {"title": "Min titel"} and args[3] == {"title": "Ændret af en anden"}
    assert view.general.title_edit.text() == "Ændret af en anden"  # reloaded
    assert window.undo_stack.count() == 0


def test_read_only_portfolio_refuses_edits(qtbot, ui_settings, dialogs, sample_path) -> None:
    from app.ui.main_window import MainWindow

    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.set_portfolio(open_portfolio(sample_path, readonly=True))
    view = _editor(win)
    view.general.title_edit.setText("Forsøg")
    view.general.title_edit.editingFinished.emit()
    assert _stored(sample_path, "EK-001", "title") == "Selvbetjening på byggesager"
    assert dialogs.calls[-1][0] == "warn"
    win.set_portfolio(None)


def test_read_only_editor_shows_everything_but_offers_no_editing(
        qtbot, ui_settings, dialogs, sample_path) -> None:
    from app.ui.main_window import MainWindow

    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.set_portfolio(open_portfolio(sample_path, readonly=True))
    view = _editor(win)
    assert view.general.title_edit.isReadOnly()
    assert view.general.title_edit.text() == "Selvbetjening på byggesager"
    assert not view.general.phase_box.isEnabled()
    assert not view.business_case.add_cost.isEnabled()
    assert not view.general.participants.isEnabled()
    win.set_portfolio(None)


def test_choosing_another_initiative_in_the_chooser(window) -> None:
    view = _editor(window)
    index = view.chooser.findData("EK-003")
    view.chooser.setCurrentIndex(index)
    view.chooser.activated.emit(index)
    assert view.initiative_id == "EK-003"
    assert view.heading.text() == "EK-003 — Digital post til alle"
    assert [view.dependencies.required_by.item(i).data(256)
            for i in range(view.dependencies.required_by.count())] == ["EK-001"]


def test_npv_names_the_horizon_years_without_lines(window) -> None:
    """EK-001's lines stop in 2028 while its NNV horizon runs to 2032: the key figure says
    so (those years count as 0) and its tooltip explains the horizon and what to do."""
    bc = _editor(window, "EK-001").business_case
    text = bc.figure_labels["npv"].text()
    assert "2027–2032" in text and "lines only to 2028; 2029–2032 count as 0" in text
    tip = bc.figure_labels["npv"].toolTip()
    assert "go-live" in tip and "2029–2032" in tip and "shorten the horizon" in tip
    empty = _editor(window, "EK-004").business_case  # no lines: no NNV, no warning
    assert empty.figure_labels["npv"].toolTip() == ""


def test_the_scoring_guide_names_the_portfolio_currency_for_a_money_criterion() -> None:
    """A GBP portfolio's "Økonomisk gevinst" guide says GBP, not the stored "kr./år"."""
    from types import SimpleNamespace

    from app.ui.initiative.assessment_tab import guide_html

    c = SimpleNamespace(name="Økonomisk gevinst", description="Gevinst (kr. pr. år)",
                        kind="numeric", anchor_low=0, anchor_high=5_000_000,
                        unit_label="kr./år", levels=[], lower_is_better=False)
    html = guide_html(c, "GBP")
    assert "GBP/år" in html and "GBP pr. år" in html and "kr." not in html
    assert "kr./år" in guide_html(c, "DKK")
