"""The pairwise matrix model: reciprocals filled, diagonal fixed, Saaty's scale."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.ui.views.weights_pairwise_model import (
    HIGHLIGHT_ROLE,
    PairwiseMatrixModel,
    judgement_text,
    parse_judgement,
)


def _model() -> PairwiseMatrixModel:
    m = PairwiseMatrixModel()
    m.set_matrix(["Borgerværdi", "Økonomi", "Risiko"], np.ones((3, 3)))
    return m


def test_pairwise_model_passes_qtmodeltester(qtmodeltester):
    qtmodeltester.check(_model(), force_py=True)


def test_setting_a_judgement_fills_its_reciprocal(qtbot):
    m = _model()
    with qtbot.waitSignal(m.judgement_changed) as blocker:
        assert m.setData(m.index(0, 2), "5")
    assert blocker.args == [0, 2, 5.0]
    assert m.index(0, 2).data() == "5"
    assert m.index(2, 0).data() == "1/5"
    assert m.matrix()[2, 0] == pytest.approx(0.2)


def test_diagonal_and_out_of_scale_values_are_refused():
    m = _model()
    assert not m.setData(m.index(1, 1), "3")
    assert not m.setData(m.index(0, 1), "12")
    assert not m.setData(m.index(0, 1), "banan")
    assert not (m.flags(m.index(1, 1)) & Qt.ItemFlag.ItemIsEditable)
    assert m.matrix()[0, 1] == 1.0


def test_highlight_marks_both_cells_of_a_judgement():
    m = _model()
    m.set_highlight((0, 1))
    assert m.index(0, 1).data(HIGHLIGHT_ROLE) and m.index(1, 0).data(HIGHLIGHT_ROLE)
    assert m.index(0, 1).data().startswith("⚠")
    assert not m.index(0, 2).data(HIGHLIGHT_ROLE)


def test_judgement_text_and_parse_round_trip():
    for v in (1 / 9, 1 / 2, 1.0, 3.0, 9.0):
        assert parse_judgement(judgement_text(v)) == pytest.approx(v)
    with pytest.raises(ValueError):
        parse_judgement("1/10")
