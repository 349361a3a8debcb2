"""AHP against published numbers (DESIGN §6 ``ahp``, issue 4 acceptance)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.services.ahp import SAATY_RI, analyse, consistency, fraction_text, matrix_from_judgements
from app.services.errors import ValidationError


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in the source language (English); Danish is the default."""
    from app.services import formatting
    from app.services.i18n import set_language

    before = formatting.language()
    set_language("en")
    yield
    set_language(before)

# Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services
# Sciences 1(1): relative consumption of drinks in the United States.
DRINKS = ["Coffee", "Wine", "Tea", "Beer", "Sodas", "Milk", "Water"]
DRINKS_MATRIX = [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
]
DRINKS_WEIGHTS = (0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327)

# Wikipedia, "Analytic hierarchy process – leader example": the criteria matrix.
LEADER = ["Experience", "Education", "Charisma", "Age"]
LEADER_MATRIX = [
    [1, 4, 3, 7],
    [1 / 4, 1, 1 / 3, 3],
    [1 / 3, 3, 1, 5],
    [1 / 7, 1 / 3, 1 / 5, 1],
]
LEADER_WEIGHTS = (0.547, 0.127, 0.270, 0.056)


def test_saaty_drinks_matrix_gives_published_weights_and_cr():
    r = analyse(DRINKS_MATRIX, DRINKS)
    assert np.allclose(r.weights, DRINKS_WEIGHTS, atol=0.0005)
    assert r.cr == pytest.approx(0.022, abs=0.0005)
    assert r.consistent is True
    assert r.suggestion is None
    assert r.weights.sum() == pytest.approx(1.0)


def test_wikipedia_leader_criteria_give_published_weights():
    r = analyse(LEADER_MATRIX, LEADER)
    # Wikipedia truncates 0.5476 to .547; the others agree to the third decimal
    assert np.allclose(r.weights, LEADER_WEIGHTS, atol=0.001)
    assert r.consistent


def test_inconsistent_matrix_is_answered_with_consistent_false_and_a_suggestion():
    # A > B (9), B > C (9), but C > A (9): a strong cycle
    m = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    r = analyse(m, ["A", "B", "C"])
    assert r.cr > 0.10
    assert r.consistent is False
    s = r.suggestion
    assert s is not None and s.cr_after < r.cr
    # applying the suggestion really gives the CR it promises
    a = np.array(m, dtype=float)
    a[s.row, s.col], a[s.col, s.row] = s.suggested, 1 / s.suggested
    assert analyse(a).cr == pytest.approx(s.cr_after)


def test_suggestion_names_the_judgement_that_lowers_cr_most():
    # consistent 4×4 matrix from weights (8, 4, 2, 1) with one judgement spoiled
    w = np.array([8, 4, 2, 1.0])
    a = w[:, None] / w[None, :]
    a[0, 3], a[3, 0] = 1 / 8, 8  # should be 8
    a = np.clip(a, 1 / 9, 9)
    r = analyse(a, list("ABCD"))
    assert not r.consistent
    assert (r.suggestion.row_name, r.suggestion.col_name) == ("A", "D")
    assert r.suggestion.suggested >= 7


def test_lambda_ci_cr_relations():
    r = analyse(DRINKS_MATRIX)
    assert r.ci == pytest.approx((r.lambda_max - 7) / 6)
    assert r.cr == pytest.approx(r.ci / SAATY_RI[6])


def test_configurable_random_index():
    r = analyse(DRINKS_MATRIX, ri=tuple(x * 2 for x in SAATY_RI))
    assert r.cr == pytest.approx(analyse(DRINKS_MATRIX).cr / 2)


def test_two_criteria_are_always_consistent():
    r = analyse([[1, 5], [1 / 5, 1]], ["x", "y"])
    assert r.cr == 0 and r.consistent
    assert r.weights == pytest.approx([5 / 6, 1 / 6])


@pytest.mark.parametrize("matrix, where", [
    ([[1, 3], [1 / 2, 1]], "row a, column b"),          # not reciprocal
    ([[1, 10], [1 / 10, 1]], "row a, column b"),        # out of range
    ([[1, -2], [-0.5, 1]], "row a, column b"),          # not positive
    ([[2, 1], [1, 1]], "row a, column a"),              # diagonal
])
def test_bad_matrices_are_refused_naming_the_cell(matrix, where):
    with pytest.raises(ValidationError) as exc:
        analyse(matrix, ["a", "b"])
    assert where in str(exc.value)


def test_reciprocal_to_relative_tolerance_is_accepted():
    analyse([[1, 3], [0.3333333334, 1]], ["a", "b"])


def test_too_many_criteria_refused():
    with pytest.raises(ValidationError):
        consistency(20.0, 16)


def test_helpers():
    assert fraction_text(1 / 3) == "1/3"
    assert fraction_text(7.0) == "7"
    a = matrix_from_judgements(["x", "y", "z"], {("x", "y"): 3, ("z", "y"): 2})
    assert a[1, 0] == pytest.approx(1 / 3) and a[1, 2] == pytest.approx(0.5) and a[0, 2] == 1


def test_judgements_in_messages_are_formatted():
    """Not "20.0" or "0.05" raw: through app.services.formatting (English here)."""
    with pytest.raises(ValidationError) as exc:
        analyse([[1, 20], [0.05, 1]], ["a", "b"])
    assert exc.value.problems == ["row a, column b: 20 is outside 1/9 … 9",
                                  "row b, column a: 0.05 is outside 1/9 … 9"]
    with pytest.raises(ValidationError) as exc:
        analyse([[1, 3], [3, 1]], ["a", "b"])
    assert str(exc.value) == "row a, column b: 3 is not the reciprocal of 3 (row b, column a)"


def test_judgements_in_danish_messages_use_danish_numbers():
    from app.services.i18n import set_language

    set_language("da")  # the autouse fixture restores the language
    with pytest.raises(ValidationError) as exc:
        analyse([[1, 1500], [1 / 1500, 1]], ["a", "b"])
    text = " ".join(exc.value.problems)
    assert "1.500 ligger uden for" in text and "0,000667" in text and "1500.0" not in text


def test_cli_names_a_json_error_by_line_in_danish(cli, tmp_path):
    bad = tmp_path / "matrix.json"
    bad.write_text('{"criteria": ["a", "b"],\n "matrix": [[1, 2], [0.5, 1]\n', encoding="utf-8")
    r = cli("ahp", str(bad))
    assert r.returncode == 2
    assert f"{bad} er ikke gyldig JSON: linje 3" in r.stderr
    assert "Expecting" not in r.stderr
    folder = tmp_path / "folder.json"
    folder.mkdir()
    r = cli("ahp", str(folder))
    assert r.returncode == 2 and "er en mappe, ikke en matrixfil" in r.stderr


def test_cli_names_the_file_and_each_bad_cell_once(cli, tmp_path):
    path = tmp_path / "matrix.json"
    path.write_text(json.dumps({"criteria": ["a", "b"], "matrix": [[1, 20], [0.05, 1]]}),
                    encoding="utf-8")
    r = cli("ahp", str(path))
    assert r.returncode == 2
    assert r.stderr.splitlines() == [f"prioritise ahp: {path}: 2 ugyldige vurderinger",
                                     "  række a, kolonne b: 20 ligger uden for 1/9 … 9",
                                     "  række b, kolonne a: 0,05 ligger uden for 1/9 … 9"]
    path.write_text(json.dumps({"criteria": ["a", "b"], "matrix": [[1, 3], [3, 1]]}),
                    encoding="utf-8")
    r = cli("ahp", str(path))
    assert r.returncode == 2
    assert r.stderr.splitlines() == [
        f"prioritise ahp: {path}: række a, kolonne b: 3 er ikke den reciprokke værdi af 3 "
        "(række b, kolonne a)"]
