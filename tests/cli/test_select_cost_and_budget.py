"""``select --json``: the cost the frames carry apart from the cost financed outside them,
and one shape of ``budget`` whichever way the frames were given (DESIGN §6)."""

from __future__ import annotations

import json
import re

import pytest

from tests.services.engine_fixtures import YEAR, scenario_with_frames, small_portfolio


@pytest.fixture
def small(tmp_path):
    from app.services.scenarios import FrameSpec
    from app.services.store import open_portfolio

    path = tmp_path / "lille.portfolio"
    small_portfolio(path).close()
    with open_portfolio(path) as pf:
        scenario_with_frames(pf, "Typer", [FrameSpec(2_000_000, YEAR, "anlaeg"),
                                           FrameSpec(800_000, YEAR, "drift")])
        scenario_with_frames(pf, "Samlet", [FrameSpec(2_800_000)])
    return path


def _select(cli, path, *args):
    proc = cli("select", str(path), *args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("args", [["--scenario", "Typer"], ["--scenario", "Samlet"],
                                  ["--budget", "2800000"], ["--budget", f"{YEAR}=2800000"]])
def test_cost_outside_the_frame_is_reported_apart_and_the_rest_fits_the_budget(cli, small, args):
    doc = _select(cli, small, *args)
    assert "E" in doc["selected"]  # mandatory, financed outside the frame: 2.000.000 kr.
    assert doc["cost_outside_frame"] == pytest.approx(2_000_000)
    # cost_in_frame is what the frames hold: the frames' use, never more than the budget
    used = sum(f["used"] for f in doc["frames"] if f["unit"] == "kr." and f["unit_id"] is None)
    assert doc["cost_in_frame"] == pytest.approx(used)
    assert doc["cost_in_frame"] <= 2_800_000 + 1e-6 < doc["total_cost"]
    # total_cost is all cash cost over all years: with one total frame, the frame's part and
    # the part financed outside; with frames on 2027 only, 2028's cost of the selected too
    later = sum({"A": 200_000, "C": 400_000}.get(i, 0) for i in doc["selected"])
    yearly = any(f["year"] is not None for f in doc["frames"])
    assert doc["cost_in_frame"] + doc["cost_outside_frame"] + (later if yearly else 0) == \
        pytest.approx(doc["total_cost"])


def test_budget_is_keyed_by_year_however_the_yearly_frames_were_given(cli, small):
    by_type = _select(cli, small, "--scenario", "Typer")["budget"]
    by_option = _select(cli, small, "--budget", f"{YEAR}=2800000")["budget"]
    assert by_type == by_option == {str(YEAR): 2_800_000}
    assert _select(cli, small, "--scenario", "Samlet")["budget"] == 2_800_000
    assert _select(cli, small, "--budget", "2800000")["budget"] == 2_800_000


@pytest.mark.parametrize("value, words", [
    ("-5", ["--budget -5", "negativ"]),
    (f"{YEAR}=-5", [f"--budget {YEAR}=-5", "negativ"]),
    ("1.234,5", ["--budget 1.234,5", "ikke et beløb", "2500000"]),
])
def test_a_bad_budget_says_what_is_wrong_and_where(cli, small, value, words):
    proc = cli("select", str(small), f"--budget={value}", "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    for w in words:
        assert w in proc.stderr, proc.stderr


def test_frontier_without_a_budget_does_not_offer_an_option_it_lacks(cli, small):
    proc = cli("frontier", str(small), "--json")  # the default scenario has no frames
    assert proc.returncode == 2 and proc.stdout == ""
    assert "--budget" not in proc.stderr
    assert "Standard" in proc.stderr and "budgetramme" in proc.stderr


def test_select_text_reports_points_and_cost_outside_the_frame(cli, small):
    proc = cli("select", str(small), "--scenario", "Typer")
    assert proc.returncode == 0, proc.stderr
    assert "finansieret uden for rammen 2.000.000" in proc.stdout
    assert re.search(r"Samlet score \d+,\d point", proc.stdout)
    assert "budget 2027 anlæg" not in proc.stdout and f"{YEAR} anlæg" in proc.stdout
