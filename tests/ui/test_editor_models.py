"""The editor's item models pass qtmodeltester and never change themselves on setData."""

from __future__ import annotations

from datetime import datetime, timezone

from app.services.initiative_detail import AuditRow
from app.ui.initiative.history_tab import HistoryModel
from app.ui.initiative.lines_model import FIELDS, LinesModel


def _lines() -> list[dict]:
    return [
        {"id": 1, "flow": "cost", "budget_year": 2027, "line_type": "anlaeg",
         "category": "anskaffelse", "financing": "Digitaliseringspuljen", "amount_low": 900.0,
         "amount": 1000.0, "amount_high": 1500.0, "fte": None, "benefit_kind": None,
         "beneficiary": None, "giving_unit_id": None},
        {"id": 2, "flow": "benefit", "budget_year": None, "line_type": "drift",
         "category": "andet", "financing": "", "amount_low": None, "amount": -200.0,
         "amount_high": None, "fte": 0.5, "benefit_kind": "budgetrealiserbar",
         "beneficiary": "borgere", "giving_unit_id": 7},
    ]


def test_lines_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = LinesModel()
    model.set_lines(_lines(), "DKK", {7: "Børn og Unge"}, editable=True)
    qtmodeltester.check(model, force_py=True)


def test_lines_model_asks_for_an_edit_instead_of_changing_itself() -> None:
    model = LinesModel()
    model.set_lines(_lines(), "DKK", {7: "Børn og Unge"}, editable=True)
    asked: list[tuple] = []
    model.edit_requested.connect(lambda *a: asked.append(a))
    col = FIELDS.index("amount")
    assert model.setData(model.index(0, col), 2500.0) is False
    assert asked == [(1, "amount", 2500.0, 1000.0)]
    assert model.lines[0]["amount"] == 1000.0
    assert model.index(1, FIELDS.index("giving_unit_id")).data() == "Børn og Unge"


def test_read_only_lines_are_not_editable() -> None:
    model = LinesModel()
    model.set_lines(_lines(), "DKK", {}, editable=False)
    from PySide6.QtCore import Qt

    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_history_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = HistoryModel()
    model.set_rows([AuditRow(datetime(2026, 11, 30, 9, 15, tzinfo=timezone.utc), "mette",
                             "update", "initiative", "title", "Gammel", "Ny", "edit EK-001")])
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 5).data() == "Ny"


def test_a_cost_line_of_no_type_reads_not_split() -> None:
    """An imported total of no stated type (line_type "") is shown as such, not blank."""
    model = LinesModel()
    lines = _lines()
    lines[0]["line_type"] = ""
    model.set_lines(lines, "DKK", {}, editable=True)
    col = FIELDS.index("line_type")
    assert model.index(0, col).data() == model.choices("line_type")[""]
    assert model.index(0, col).data() not in ("", "Drift", "Operating")
    assert model.index(1, col).data() != model.index(0, col).data()
