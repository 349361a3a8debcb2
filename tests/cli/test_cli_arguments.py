"""Argument handling of the CLI (DESIGN §6, §9): argparse's own errors in Danish, a
negative-looking number reaches the command's own check, ``--steps`` is bounded, and
``list`` orders ids naturally (EK-2 before EK-10)."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.models import Initiative
from app.services.store import create_portfolio


def _err(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().err


@pytest.fixture
def small(portfolio_path):
    with create_portfolio(portfolio_path, municipality="Testkommune") as pf, pf.session() as s:
        for ident in ("EK-10", "EK-2", "EK-1", "11", "2", "1", "EK-100"):
            s.add(Initiative(id=ident, title=f"Projekt {ident}"))
    return portfolio_path


def test_a_negative_budget_after_a_space_reaches_the_commands_check(capsys, small):
    code, err = _err(capsys, "select", str(small), "--budget", "-1e12")
    assert code == 2
    assert "negativ" in err and "expected one argument" not in err


@pytest.mark.parametrize("value,small_reading,large", [
    ("50.000", "50", "50000"), ("1.500", "1,5", "1500"), ("2027=12.700", "12,7", "12700")])
def test_a_budget_that_reads_both_ways_is_refused_naming_both(capsys, small, value,
                                                              small_reading, large):
    """"50.000" is 50 with the command line's decimal point, 50,000 to a Danish reader:
    refused (DESIGN §9), never read as 50 kr."""
    before = small.read_bytes()
    code, err = _err(capsys, "select", str(small), "--budget", value, "--json")
    assert code == 2 and capsys.readouterr().out == ""
    assert f"både som {small_reading} og som {large}" in err and f"fx {large}" in err
    assert small.read_bytes() == before


@pytest.mark.parametrize("value", ["0.500", "50.5", "50000", "1.5e6", "12.7000"])
def test_unambiguous_decimal_points_are_still_read(capsys, small, value):
    code, err = _err(capsys, "select", str(small), "--budget", value, "--json")
    assert "både som" not in err


@pytest.mark.parametrize("args,danish,english", [
    (["select", "X.portfolio", "--budget"], "mangler en værdi", "expected one argument"),
    (["list", "a", "b"], "ukendte argumenter: b", "unrecognized arguments"),
    (["frobnicate"], "ugyldigt valg: 'frobnicate'", "invalid choice"),
    (["list"], "disse argumenter skal angives: portfolio", "the following arguments"),
    (["export", "X.portfolio"], "et af argumenterne --pdf --docx --xlsx --csv skal angives",
     "is required"),
    (["frontier", "X.portfolio", "--steps", "x"], "ikke et helt tal: 'x'", "invalid int"),
    (["export", "X.portfolio", "--pdf", "a", "--csv", "b"],
     "kan ikke bruges sammen med argumentet --pdf", "not allowed"),
])
def test_argparse_errors_are_danish(capsys, args, danish, english):
    code, err = _err(capsys, *args)
    assert code == 2
    assert danish in err and english not in err
    assert "fejl:" in err and "error:" not in err and "brug:" in err


def test_argparse_errors_in_english_with_lang_en(capsys, monkeypatch):
    monkeypatch.setenv("PRIORITISE_LANG", "en")
    code, err = _err(capsys, "list", "a", "b")
    assert code == 2 and "unrecognised arguments: b" in err and "error:" in err


def test_an_unknown_argparse_message_passes_unchanged():
    assert cli.translate_argparse_error("something new in Python 3.99") == (
        "something new in Python 3.99")


@pytest.mark.parametrize("steps", ["0", "201", "100000"])
def test_frontier_steps_out_of_range_is_refused_before_any_work(capsys, small, steps):
    code, err = _err(capsys, "frontier", str(small), "--steps", steps)
    assert code == 2 and "--steps" in err and "200" in err and steps in err


def test_list_orders_ids_naturally(capsys, small):
    assert cli.main(["list", str(small), "--json"]) == 0
    ids = [i["id"] for i in json.loads(capsys.readouterr().out)["initiatives"]]
    assert ids == ["1", "2", "11", "EK-1", "EK-2", "EK-10", "EK-100"]
