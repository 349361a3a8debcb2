"""The portfolio table model: qtmodeltester, sorting on precomputed keys (missing values
last, ties by id), filters by masks, chosen columns remembered."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from app.services.snapshots import InitiativeRow, UnitInfo
from app.services.table_rows import TableData
from app.ui.models.initiative_table import ID_ROLE, InitiativeTableModel, TableFilter


def _row(iid: str, title: str, unit: int | None, phase: str, cost: float | None,
         mandatory: bool = False, confidential: bool = False) -> InitiativeRow:
    return InitiativeRow(
        id=iid, title=title, description=f"om {title}", lead_unit_id=unit,
        lead_department={1: "Børn og Unge", 2: "Dagtilbud", 3: "Teknik"}.get(unit or 0, ""),
        departments=[], unit_ids=[], phase=phase, kind="development", audience="citizen",
        maturity_level=None, mandatory=mandatory, marked_mandatory=mandatory,
        outside_frame=False, confidential=confidential, start_date=date(2027, 1, 1),
        end_date=None, total_cost=cost, total_benefit=None, internal_fte=0.0)


def _data() -> TableData:
    units = {1: UnitInfo(1, "BUF", "Børn og Unge", "forvaltning", None, 1),
             2: UnitInfo(2, "DAG", "Dagtilbud", "afdeling", 1, 1),
             3: UnitInfo(3, "TMF", "Teknik", "forvaltning", None, 3)}
    rows = [_row("A-1", "Øresund", 3, "idea", 500.0, mandatory=True),
            _row("A-2", "Ærø", 2, "proposal", None),
            _row("A-3", "Aabenraa", 1, "idea", 2000.0, confidential=True),
            _row("A-4", "Bornholm", 3, "approved", 500.0)]
    return TableData(rows=rows, complete={"A-1": True, "A-4": True}, units=units,
                     currency="DKK", criteria_count=7)


def _ids(model: InitiativeTableModel) -> list[str]:
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = InitiativeTableModel()
    model.set_table(_data())
    qtmodeltester.check(model, force_py=True)
    model.set_filter(TableFilter(phase="idea"))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_sort_by_cost_puts_missing_last_both_ways_and_breaks_ties_by_id(qtmodeltester) -> None:
    model = InitiativeTableModel()
    model.set_table(_data())
    model.set_column_keys(["id", "title", "total_cost"])
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert _ids(model) == ["A-1", "A-4", "A-3", "A-2"]
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert _ids(model) == ["A-3", "A-1", "A-4", "A-2"]


def test_sort_by_title_is_case_insensitive_text_order() -> None:
    model = InitiativeTableModel()
    model.set_table(_data())
    model.set_column_keys(["id", "title"])
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).title for r in range(4)] == ["Aabenraa", "Bornholm", "Ærø", "Øresund"]


def test_sorted_by_id_whatever_order_the_rows_arrive_in() -> None:
    """The model shows the snapshot order as it is only when that is the id order its
    sort keys give (ids compared case-insensitively); otherwise it sorts."""
    data = _data()
    for ids in (["A-3", "A-1", "A-2", "A-4"], ["B-1", "a-2", "c-3", "A-4"]):
        for row, iid in zip(data.rows, ids):
            row.id = iid
        model = InitiativeTableModel()
        model.set_table(data)
        model.sort(0, Qt.SortOrder.AscendingOrder)
        assert _ids(model) == sorted(ids, key=str.casefold)
        model.sort(0, Qt.SortOrder.DescendingOrder)
        assert _ids(model) == sorted(ids, key=str.casefold, reverse=True)
        model.sort(0, Qt.SortOrder.AscendingOrder)
        model.set_filter(TableFilter(phase="idea"))
        assert _ids(model) == sorted([ids[0], ids[2]], key=str.casefold)
        model.set_filter(TableFilter(text="  "))  # blank text filters nothing
        assert model.rowCount() == 4


def test_the_table_sorted_by_id_and_unfiltered_needs_no_numpy(tmp_path) -> None:
    """Start-up: the main window opens on this state; numpy is imported by the first
    other sort or filter (a tenth of the start-up's CPU time otherwise)."""
    import subprocess
    import sys

    probe = tmp_path / "probe.py"
    probe.write_text(
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from tests.ui.test_table_model import _data, _ids\n"
        "from app.ui.models.initiative_table import InitiativeTableModel, TableFilter\n"
        "m = InitiativeTableModel()\n"
        "m.set_table(_data())\n"
        "m.sort(0, Qt.SortOrder.AscendingOrder)\n"
        "print(_ids(m), 'numpy' in sys.modules)\n"
        "m.set_filter(TableFilter(phase='idea'))\n"
        "print(_ids(m), 'numpy' in sys.modules)\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True,
                         check=True, cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert out.stdout.splitlines() == ["['A-1', 'A-2', 'A-3', 'A-4'] False",
                                       "['A-1', 'A-3'] True"]


def test_filters_combine_as_masks() -> None:
    model = InitiativeTableModel()
    model.set_table(_data())
    model.set_filter(TableFilter(text="ærø"))
    assert _ids(model) == ["A-2"]
    model.set_filter(TableFilter(unit_id=1))  # the forvaltning includes its afdeling
    assert _ids(model) == ["A-2", "A-3"]
    model.set_filter(TableFilter(phase="idea", mandatory=True))
    assert _ids(model) == ["A-1"]
    model.set_filter(TableFilter(confidential=False, complete=False))
    assert _ids(model) == ["A-2"]
    model.set_filter(TableFilter(text="nothing matches this"))
    assert model.rowCount() == 0


def test_amounts_display_in_danish_with_kr(qapp) -> None:
    from app.services.i18n import set_language

    set_language("da")
    model = InitiativeTableModel()
    model.set_table(_data())
    model.set_column_keys(["id", "total_cost"])
    assert model.index(2, 1).data() == "2.000\u00a0kr."
    assert model.index(1, 1).data() == "–"
    assert model.index(0, 1).data(Qt.ItemDataRole.UserRole) == 500.0  # native sort value


def test_chosen_columns_are_remembered(window, ui_settings) -> None:
    from app.ui.settings import TABLE_COLUMNS

    table = window.view("table")
    table.toggle_column("financing", True)
    table.toggle_column("phase", False)
    assert "financing" in ui_settings.get(TABLE_COLUMNS)
    assert "phase" not in ui_settings.get(TABLE_COLUMNS)
    window.set_portfolio(None)
    from app.services.store import open_portfolio

    window.set_portfolio(open_portfolio(table.context.portfolio.path))
    again = window.view("table")
    assert again.model.column_keys() == ui_settings.get(TABLE_COLUMNS)


def test_table_view_filters_from_its_widgets_and_counts(window) -> None:
    table = window.view("table")
    table.search.setText("digital post")
    assert table.model.rowCount() == 1
    assert table.count_label.text() == "Showing 1 of 4"
    table.search.clear()
    table.phase_box.setCurrentIndex(table.phase_box.findData("idea"))
    assert [table.model.row_at(r).id for r in range(table.model.rowCount())] == ["EK-002"]


def test_new_initiative_from_the_table_is_undoable(window, dialogs) -> None:
    table = window.view("table")
    dialogs.answer("ask_text", "Ny løsning til Borgerservice")
    table.new_initiative()
    assert table.model.total_count() == 5
    assert window.view("initiative").initiative_id == "EK-005"
    assert window.size_label.text() == "5 initiatives"
    window.undo_stack.undo()
    window.show_view("table")
    assert table.model.total_count() == 4


def test_delete_initiative_after_asking_and_undo_restores_everything(window, dialogs) -> None:
    from sqlalchemy import func, select

    from app.models import Assessment, BusinessCaseLine, Dependency, Initiative

    def counts():
        with window.portfolio.read() as s:
            return (s.get(Initiative, "EK-001") is not None,
                    s.scalar(select(func.count()).select_from(Assessment).where(
                        Assessment.initiative_id == "EK-001")),
                    s.scalar(select(func.count()).select_from(BusinessCaseLine).where(
                        BusinessCaseLine.initiative_id == "EK-001")),
                    s.get(Dependency, ("EK-001", "EK-003")) is not None,
                    [u.id for u in s.get(Initiative, "EK-001").units]
                    if s.get(Initiative, "EK-001") else None)

    before = counts()
    assert before[0] and before[1] == 2 and before[2] == 2 and before[3]
    table = window.show_view("table")
    table.table.setCurrentIndex(table.model.index(table.model.row_of_id("EK-001"), 0))
    dialogs.answer("ask", False)
    table.delete_selected()
    assert counts() == before  # declined: nothing deleted
    dialogs.answer("ask", True)
    table.delete_selected()
    assert counts()[0] is False and counts()[1] == 0
    assert table.model.row_of_id("EK-001") is None
    window.undo_stack.undo()
    assert counts() == before
    assert table.model.row_of_id("EK-001") is not None
    window.undo_stack.redo()
    assert counts()[0] is False
