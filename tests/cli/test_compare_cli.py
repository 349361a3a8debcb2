"""`prioritise compare PORTFOLIO A B [--json]`: two scenarios side by side (issue
"Prioritisation engine" item 6): rank changes, the portfolios' differences and the
budget frames; an unknown scenario exits 2 naming it; --json is one document."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.services import i18n
from app.services.formatting import thousands_unit
from app.services.scenarios import FrameSpec
from app.services.weights import make_what_if
from tests.services.engine_fixtures import YEAR, scenario_with_frames, small_portfolio


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    p = tmp_path_factory.mktemp("compare") / "c.portfolio"
    pf = small_portfolio(p)
    scenario_with_frames(pf, "Lille", [FrameSpec(1_000_000)])
    scenario_with_frames(pf, "Stor", [FrameSpec(4_000_000, year=YEAR), FrameSpec(1_000_000, year=YEAR + 1)])
    scenario_with_frames(pf, "Umulig", [FrameSpec(100_000)])  # mandatory F alone costs more
    with pf.session() as s:
        make_what_if(s, "Borgere først", {"citizen_value": 60}, base="Stor")
    pf.close()
    return str(p)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    finally:
        i18n.set_language("da")
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_one_document_with_moves_portfolios_and_frames(path, capsys) -> None:
    code, out, err = _run(capsys, "compare", path, "Stor", "Borgere først", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["a"] == "Stor" and doc["b"] == "Borgere først" and doc["currency"] == "DKK"
    assert doc["scenarios"]["b"]["is_what_if"] and not doc["scenarios"]["a"]["is_what_if"]
    moves = [abs(r["moved"]) for r in doc["rank_changes"]]
    assert len(moves) == 8 and moves == sorted(moves, reverse=True) and moves[0] > 0
    assert all(r["rank_a"] - r["rank_b"] == r["moved"] for r in doc["rank_changes"])
    # the what-if copies Stor's frames: same frames, so every difference is 0
    assert [(b["name"], b["difference"]) for b in doc["budget"]] == [
        (f"budget {YEAR}", 0.0), (f"budget {YEAR + 1}", 0.0)]


def test_frames_differ_and_portfolio_difference_has_cost_and_score(path, capsys) -> None:
    code, out, _err = _run(capsys, "compare", path, "Lille", "Stor", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["only_a"] == []
    only_b = {r["id"]: r for r in doc["only_b"]}
    assert "A" in only_b and only_b["A"]["total_cost"] == pytest.approx(1_200_000)
    assert 0 < only_b["A"]["score"] <= 1
    rows = {b["name"]: b for b in doc["budget"]}
    assert rows["budget"]["cap_a"] == 1_000_000 and rows["budget"]["cap_b"] is None
    assert rows["budget"]["difference"] is None  # no such frame in B: no difference
    assert rows[f"budget {YEAR}"]["cap_b"] == 4_000_000 and rows[f"budget {YEAR}"]["used_a"] is None


def test_without_budget_and_infeasible_say_why(path, capsys) -> None:
    code, out, _err = _run(capsys, "compare", path, "Standard", "Umulig", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["only_a"] is None and doc["only_b"] is None
    a, b = doc["scenarios"]["a"], doc["scenarios"]["b"]
    assert not a["has_budget"] and not a["has_portfolio"] and "Standard" in a["message"]
    assert b["has_budget"] and not b["has_portfolio"] and "F" in b["message"]
    code, out, _err = _run(capsys, "compare", path, "Standard", "Lille")
    assert code == 0
    assert "har ingen budgetrammer" in out and "ingen anbefalet portefølje" in out


def test_text_is_danish_with_ranks_a_to_b_and_thousands(path, capsys) -> None:
    code, out, _err = _run(capsys, "compare", path, "Stor", "Borgere først")
    assert code == 0
    assert out.startswith("Sammenligning af scenarier — A: Stor; B: Borgere først [hvad-nu-hvis]")
    assert "Rangændringer" in out and " → " in out
    assert f"Budgetrammer ({thousands_unit('DKK')}; B − A)" in out and "4.000" in out


def test_unknown_scenario_exits_2_naming_it(path, capsys) -> None:
    code, out, err = _run(capsys, "compare", path, "Stor", "Findes ikke", "--json")
    assert code == 2 and out == ""
    assert "Findes ikke" in err and "Ukendt scenarie" in err


def test_text_portfolio_rows_say_point_in_danish(path, capsys) -> None:
    code, out, _err = _run(capsys, "compare", path, "Lille", "Stor")
    assert code == 0
    rows = [ln for ln in out.splitlines() if ln.startswith("    A ")]
    assert rows and all(" point " in ln and "points" not in ln for ln in rows)


def test_the_same_scenario_twice_is_said(path, capsys) -> None:
    code, out, _err = _run(capsys, "compare", path, "Lille", "Lille")
    assert code == 0 and "samme scenarie" in out.splitlines()[1]
