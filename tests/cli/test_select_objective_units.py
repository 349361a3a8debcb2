"""``select`` text output states every objective value in the objective's unit: with the
NNV objective the optimum, the price of mandatory and the greedy comparison are amounts
in kr. that agree with the JSON (the price was printed as score points ×100 and the
greedy cut-off in points, so it looked better than the optimum); with the score
objective they stay in points."""

from __future__ import annotations

import json

import pytest

from app.services.demo import create_demo
from app.services.formatting import format_amount, format_score


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("select-units") / "d.portfolio"
    create_demo(path)
    return path


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_npv_objective_prints_amounts(cli, demo):
    text = cli("select", str(demo), "--objective", "npv")
    doc = json.loads(cli("select", str(demo), "--objective", "npv", "--json").stdout)
    assert text.returncode == 0, text.stderr
    out = _flat(text.stdout)
    price, value = doc["price_of_mandatory"], doc["objective_value"]
    greedy = doc["greedy"]["objective_value"]
    assert price and price > 0
    assert f"Prisen for det obligatoriske: {_flat(format_amount(price, 'DKK'))}" in out
    assert _flat(format_amount(value, "DKK")) in out
    assert _flat(format_amount(greedy, "DKK")) in out
    assert greedy <= value + 1e-6  # the optimum is never worse than the greedy cut-off
    assert format_score(price) not in out
    assert "Prisen for det obligatoriske" in out and "point (" not in out.split("Prisen")[1]


def test_score_objective_prints_points(cli, demo):
    text = cli("select", str(demo))
    doc = json.loads(cli("select", str(demo), "--json").stdout)
    out = _flat(text.stdout)
    if doc["price_of_mandatory"] is not None:
        assert f"{format_score(doc['price_of_mandatory'])} point" in out
    assert f"samlet score {format_score(doc['greedy']['total_score'])} point" in out
