"""The budget table model: 1.000 kr., savings negative, totals, qtmodeltester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import formatting
from app.ui.views.budget_model import LINE, TOTAL, BudgetTableModel, BudgetTableRow


@pytest.fixture(autouse=True)
def _danish():
    formatting.set_language("da")
    yield
    formatting.set_language("da")


def _model() -> BudgetTableModel:
    model = BudgetTableModel()
    rows = [
        BudgetTableRow("Anlæg", (1_250_000.0, 500_000.0, None, None, 1_750_000.0), LINE),
        BudgetTableRow("Drift", (100_000.0, 200_000.0, 200_000.0, 200_000.0, 700_000.0), LINE),
        BudgetTableRow("Gevinster", (None, -300_000.0, -1_234_567.0, -1_234_567.0, -2_769_134.0), LINE),
        BudgetTableRow("I alt", (1_350_000.0, 400_000.0, -1_034_567.0, -1_034_567.0, -319_134.0), TOTAL),
        BudgetTableRow("Interne ressourcer (årsværk)", (0.5, 1.3, None, None, 1.8), LINE, unit="fte"),
    ]
    model.set_table(["1.000 kr.", "2027", "2028", "2029", "2030", "I alt"], rows)
    return model


def test_budget_model_passes_qtmodeltester(qtmodeltester):
    qtmodeltester.check(_model(), force_py=True)


def test_amounts_show_in_thousands_with_savings_negative():
    model = _model()
    assert model.index(0, 1).data() == "1.250"
    assert model.index(2, 3).data() == "-1.235"
    assert model.index(2, 1).data() == ""  # nothing that year is blank, not zero
    assert model.headerData(1, Qt.Orientation.Horizontal) == "2027"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "I alt"


def test_total_row_is_bold_and_fte_rows_show_arsvaerk():
    model = _model()
    assert model.index(3, 5).data() == "-319"
    assert model.index(3, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(4, 2).data() == "1,3"


def test_row_with_wrong_number_of_years_is_refused():
    model = BudgetTableModel()
    with pytest.raises(ValueError):
        model.set_table(["", "2027", "2028"], [BudgetTableRow("x", (1.0,))])


def test_a_cost_without_a_type_is_its_own_row_never_drift(qapp):
    """An imported total whose source says neither anlæg nor drift (GMPP's whole-life
    cost) is "not split", and a benefit of unknown kind is no saving and not in the net;
    a table with typed lines only (the demo) has neither row."""
    from app.services.economics import UNSPLIT, Line, budget_table
    from app.ui.app import install_translators
    from app.ui.views.budget_model import budget_columns, budget_table_rows
    from tests.ui.conftest import reset_language

    install_translators(qapp, "da")  # the words a Danish user reads
    try:
        _unsplit_rows(budget_table, budget_columns, budget_table_rows, Line, UNSPLIT)
    finally:
        reset_language()


def _unsplit_rows(budget_table, budget_columns, budget_table_rows, Line, UNSPLIT):
    table = budget_table([Line("cost", None, UNSPLIT, 900_000.0),
                          Line("benefit", None, "drift", 400_000.0)], 2027)
    rows = {r.label: r for r in budget_table_rows(table, budget_columns(table))}
    assert rows["Ikke fordelt på anlæg/drift"].values[-1] == 900_000.0
    assert rows["Drift"].values[-1] == 0.0 and rows["Gevinster (mindreudgifter)"].values[-1] == 0
    assert rows["Nettobudgetvirkning"].values[-1] == 900_000.0
    assert rows["Gevinster af ikke oplyst art (indgår ikke i netto)"].values[-1] == 400_000.0
    typed = budget_table([Line("cost", 2027, "drift", 5.0)], 2027)
    labels = [r.label for r in budget_table_rows(typed, budget_columns(typed),
                                                 financing=False, fte=False)]
    assert labels == ["Anlæg", "Drift", "heraf afledt drift", "Gevinster (mindreudgifter)",
                      "Nettobudgetvirkning"]
