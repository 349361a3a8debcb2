"""``select --objective npv`` on initiatives without yearly business-case lines (the GMPP
import gives totals only) selected nothing and said nothing: now it is refused (exit 2,
nothing on stdout) saying, in Danish by default, how many initiatives lack what and what
to do (``--objective score`` or yearly lines); some without an NNV is a warning in the
text and in the JSON's ``warnings``. The frames' unit, the amounts of ``frontier`` and
its NNV column use the portfolio's currency (a GBP portfolio's frames said "kr.")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.scenarios import FrameSpec
from app.services.store import create_portfolio
from tests.cli.test_engine_cli import run  # noqa: F401 - the in-process CLI fixture
from tests.services.engine_fixtures import YEAR, Ini, add_initiatives, scenario_with_frames


def _portfolio(path: Path, items: list[Ini], currency: str = "DKK") -> Path:
    with create_portfolio(path, municipality="Testkommune", budget_year=YEAR,
                          currency=currency) as pf:
        add_initiatives(pf, items)
        scenario_with_frames(pf, "NNV", [FrameSpec(amount=1000.0)], objective="npv")
        scenario_with_frames(pf, "Ramme", [FrameSpec(amount=1000.0)])
    return path


@pytest.fixture
def totals_only(tmp_path) -> Path:
    # as the GMPP import: one total cost and benefit per initiative, no budget year
    return _portfolio(tmp_path / "totaler.portfolio", [
        Ini("P-1", scores={"citizen_value": 4}, costs=[(None, "anlaeg", 100.0)],
            benefits=[(None, 500.0)]),
        Ini("P-2", scores={"citizen_value": 2}, costs=[(None, "anlaeg", 100.0)])],
        currency="GBP")


def test_npv_without_any_yearly_lines_is_refused_saying_why(run, totals_only):  # noqa: F811
    text = run("select", str(totals_only), "--objective", "npv", "--budget", "1000")
    assert text.returncode == 2 and text.stdout == ""
    assert "ingen af de 2 tiltag, der kan vælges, har business case-linjer med budgetår" \
        in text.stderr
    assert "--objective score" in text.stderr
    doc = run("select", str(totals_only), "--objective", "npv", "--budget", "1000", "--json")
    assert doc.returncode == 2 and doc.stdout == "" and "--objective score" in doc.stderr
    curve = run("frontier", str(totals_only), "--scenario", "NNV")
    assert curve.returncode == 2 and "vælg samlet score som mål" in curve.stderr


def test_npv_with_some_missing_warns_in_text_and_json(run, tmp_path):  # noqa: F811
    path = _portfolio(tmp_path / "delvis.portfolio", [
        Ini("P-1", scores={"citizen_value": 4}, costs=[(YEAR, "anlaeg", 100.0)],
            benefits=[(YEAR + 1, 500.0)]),
        Ini("P-2", scores={"citizen_value": 2}, costs=[(None, "anlaeg", 100.0)])])
    text = run("select", str(path), "--objective", "npv", "--budget", "1000")
    assert text.returncode == 0, text.stderr
    assert "Advarsel: 1 af 2 tiltag har ingen nettonutidsværdi" in text.stdout
    # P-1's lines stop at YEAR + 1, its horizon (go-live YEAR + 5 years) runs on: said
    assert "NNV tæller år uden business case-linjer som 0" in text.stdout
    assert f"P-1 (linjer til {YEAR + 1}, horisont til {YEAR + 5})" in text.stdout
    doc = json.loads(run("select", str(path), "--objective", "npv", "--budget", "1000",
                         "--json").stdout)
    assert doc["selected"] == ["P-1"] and doc["without_npv"] == ["P-2"]
    warning, gap = doc["warnings"]
    assert "P-2" in warning and "--objective score" in warning
    assert f"P-1 (linjer til {YEAR + 1}, horisont til {YEAR + 5})" in gap


def test_amounts_in_the_portfolios_currency(run, totals_only):  # noqa: F811
    doc = json.loads(run("select", str(totals_only), "--budget", "1000", "--json").stdout)
    assert doc["currency"] == "GBP" and doc["frames"][0]["unit"] == "GBP"
    assert doc["warnings"] == [] and doc["without_npv"] == []  # score objective
    text = run("select", str(totals_only), "--budget", "1000").stdout
    assert "1.000\u00a0GBP" in text and "kr." not in text
    curve = json.loads(run("frontier", str(totals_only), "--scenario", "Ramme", "--json",
                           "--steps", "2").stdout)
    assert curve["currency"] == "GBP" and curve["objective"] == "score"


def test_yearless_costs_under_yearly_frames_are_named_as_such(run, tmp_path):  # noqa: F811
    # P-2 has a cost, only without a year: "no cost lines" was false
    path = _portfolio(tmp_path / "aar.portfolio", [
        Ini("P-1", scores={"citizen_value": 4}, costs=[(YEAR, "anlaeg", 100.0)]),
        Ini("P-2", scores={"citizen_value": 2}, costs=[(None, "anlaeg", 100.0)]),
        Ini("P-3", scores={"citizen_value": 1})])
    args = ("select", str(path), "--budget", f"{YEAR}=1000")
    text = run(*args).stdout
    assert "Kan ikke vælges under årlige rammer (udgiftslinjer uden budgetår), 1 tiltag: P-2" \
        in text
    assert "Kan ikke vælges (ingen udgiftslinjer), 1 tiltag: P-3" in text
    doc = json.loads(run(*args, "--json").stdout)
    assert doc["not_selectable"] == ["P-2", "P-3"]
    assert doc["not_selectable_without_year"] == ["P-2"]


def test_rank_and_ahp_read_right(run, totals_only, tmp_path, monkeypatch):  # noqa: F811
    text = run("rank", str(totals_only)).stdout.splitlines()
    # the rule orders the whole list; "* obligatorisk" only explains a mark that is there
    assert text[-1].startswith("Rækkefølge: obligatoriske først")
    assert json.loads(run("rank", str(totals_only), "--json").stdout)["currency"] == "GBP"
    matrix = tmp_path / "m.json"
    matrix.write_text(json.dumps({"criteria": ["Sigte", "Borger"],
                                  "matrix": [[1, 3], [1 / 3, 1]]}), encoding="utf-8")
    assert run("ahp", str(matrix)).stdout.splitlines()[0].endswith("75,0\u00a0%")
    monkeypatch.setenv("PRIORITISE_LANG", "en")
    assert run("ahp", str(matrix)).stdout.splitlines()[0].endswith(" 75.0%")  # not "75.0 %"
