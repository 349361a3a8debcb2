"""`prioritise sensitivity PORTFOLIO [--scenario NAME] [--top K] [--draws N] [--json]`
(DESIGN §7 "Sensitivity"; issue "Prioritisation engine" item 5): per-weight stability
intervals of the top K and the recommended portfolio, and rank intervals; the §6
conventions (exit 2 with a Danish message for refused input, --json one document)."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.services import i18n
from app.services.scenarios import FrameSpec
from tests.services.engine_fixtures import scenario_with_frames, small_portfolio


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    p = tmp_path_factory.mktemp("sensitivity") / "s.portfolio"
    pf = small_portfolio(p)
    scenario_with_frames(pf, "Ramme", [FrameSpec(2_000_000)])
    scenario_with_frames(pf, "Umulig", [FrameSpec(100_000)])  # mandatory F alone costs more
    pf.close()
    return str(p)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    finally:
        i18n.set_language("da")
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_both_intervals_per_weight_and_rank_intervals(path, capsys) -> None:
    code, out, err = _run(capsys, "sensitivity", path, "--scenario", "Ramme", "--top", "3",
                          "--draws", "300", "--json")
    assert code == 0, err
    doc = json.loads(out)  # one document, nothing else on stdout
    assert doc["scenario"] == "Ramme" and doc["top_k"] == 3 and len(doc["top"]) == 3
    assert doc["portfolio_note"] is None and len(doc["criteria"]) == 7
    for c in doc["criteria"]:
        for part in ("top_k", "portfolio"):
            assert 0 <= c[part]["low"] <= c["weight"] <= c[part]["high"] <= 1
    ri = doc["rank_intervals"]
    assert ri["draws"] == 300 and ri["percentiles"] == [5, 95]
    rows = ri["initiatives"]
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert [r["id"] for r in rows[:3]] == doc["top"]
    assert all(r["low"] <= r["rank"] <= r["high"] for r in rows)  # tie rule in every draw


def test_without_a_budget_only_the_top_k_is_tested(path, capsys) -> None:
    code, out, err = _run(capsys, "sensitivity", path, "--draws", "200", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["portfolio_note"] == "no_budget" and doc["top_k"] == 10
    assert all(c["portfolio"] is None for c in doc["criteria"])
    code, out, err = _run(capsys, "sensitivity", path, "--draws", "200")
    assert code == 0, err
    assert "Følsomhed — scenarie:" in out and "ingen budgetramme" in out
    assert "Vægten for" in out or "Enhver ændring af vægten for" in out
    assert "Placeringsintervaller" in out


def test_text_names_both_columns_when_there_is_a_budget(path, capsys) -> None:
    code, out, err = _run(capsys, "sensitivity", path, "--scenario", "Ramme", "--top", "2",
                          "--draws", "200")
    assert code == 0, err
    assert "Top 2 uændret" in out and "Portefølje uændret" in out
    assert "den anbefalede portefølje ændres" in out


@pytest.mark.parametrize("argv, words", [
    (["--top", "0"], "--top skal være mindst 1"),
    (["--draws", "0"], "--draws skal være mellem 1 og"),
    (["--scenario", "Findes ikke"], "Findes ikke"),
])
def test_refused_input_exits_2_with_a_message_and_no_output(path, capsys, argv, words) -> None:
    code, out, err = _run(capsys, "sensitivity", path, *argv, "--json")
    assert code == 2 and out == ""
    assert err.startswith("prioritise sensitivity: ") and words in err


def test_infeasible_selection_still_shows_top_k_and_rank_intervals(path, capsys) -> None:
    """Forced initiatives beyond the frame: the top-k and rank intervals do not depend on the
    selection, so they are shown (exit 0, as the GUI's tab shows them), with a note that
    the portfolio intervals cannot be computed and the selection's own message."""
    code, out, err = _run(capsys, "sensitivity", path, "--scenario", "Umulig", "--draws", "100",
                          "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["portfolio_note"] == "infeasible" and doc["portfolio_message"]
    assert all(c["portfolio"] is None and c["top_k"] is not None for c in doc["criteria"])
    assert doc["rank_intervals"]["initiatives"]
    code, out, err = _run(capsys, "sensitivity", path, "--scenario", "Umulig", "--draws", "100")
    assert code == 0, err
    assert "Portefølje uændret" not in out and "Placeringsintervaller" in out
    assert "kan ikke beregnes, fordi ingen udvælgelse overholder rammerne: " + \
        doc["portfolio_message"] in out
    assert "Smalleste interval: " in out


def test_text_sentences_name_the_narrowest_interval_of_each_kind(path, capsys) -> None:
    """The CLI's rule is the GUI's without a chosen row (sensitivity.stability_sentences)."""
    from app.services import sensitivity
    from app.services.store import open_portfolio

    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        report = sensitivity.analyse_scenario(s, "Ramme", k=2, draws=50)
    code, out, err = _run(capsys, "sensitivity", path, "--scenario", "Ramme", "--top", "2",
                          "--draws", "50")
    assert code == 0, err
    for ivs, k in ((report.topk, 2), (report.portfolio, None)):
        narrow = ivs[sensitivity.narrowest(ivs)]
        assert "Smalleste interval: " + sensitivity.stability_sentence(narrow, k) in out
