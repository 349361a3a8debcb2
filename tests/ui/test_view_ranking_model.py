"""The ranking table model: plain rows, marks in text, sort on native keys, qtmodeltester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import formatting
from app.ui.views.ranking_bars import CONTRIBUTIONS_ROLE
from app.ui.views.ranking_model import (
    COL_BAR,
    COL_COST,
    COL_INTERVAL,
    COL_MARKS,
    COL_SCORE,
    COL_VFM,
    ROW_ROLE,
    RankingTableModel,
    RankingViewRow,
)


def _rows() -> list[RankingViewRow]:
    return [
        RankingViewRow(1, "EK-003", "Digital post", 0.5, (0.3, 0.2), True, True, 2, 2,
                       None, None, 1, 2),
        RankingViewRow(2, "EK-001", "Selvbetjening", 0.72, (0.42, 0.3), False, True, 2, 2,
                       0.36, 2_000_000.0, 1, 3),
        RankingViewRow(3, "EK-002", "Ærø-løsning", 0.4, (0.4, 0.0), False, False, 1, 2,
                       0.8, 500_000.0, 3, 3),
    ]


def test_ranking_model_passes_qtmodeltester(qtmodeltester):
    model = RankingTableModel()
    model.set_rows(_rows())
    qtmodeltester.check(model, force_py=True)


def test_mandatory_and_incomplete_are_marked_in_text():
    formatting.set_language("da")
    model = RankingTableModel()
    model.set_rows(_rows())
    assert "⚑" in model.index(0, COL_MARKS).data()
    assert model.index(1, COL_MARKS).data() == ""
    assert model.index(2, COL_MARKS).data() == "◔"
    assert "1 of 2" in model.index(2, COL_MARKS).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, COL_SCORE).data() == "72,0"
    assert model.index(1, COL_COST).data() == "2.000"
    assert "kr." in model.headerData(COL_COST, Qt.Orientation.Horizontal)
    assert model.index(0, COL_VFM).data() == "–"
    assert model.index(1, COL_INTERVAL).data() == "1–3"
    assert model.index(2, COL_INTERVAL).data() == "3"
    assert model.index(1, COL_BAR).data(CONTRIBUTIONS_ROLE) == (0.42, 0.3)


def test_sorting_uses_native_values_and_restores_rank_order():
    model = RankingTableModel()
    model.set_rows(_rows())
    model.sort(COL_COST, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data(ROW_ROLE).id for r in range(3)] == ["EK-001", "EK-002", "EK-003"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data(ROW_ROLE).id for r in range(3)] == ["EK-003", "EK-001", "EK-002"]
    assert model.row_of("EK-002") == 2
