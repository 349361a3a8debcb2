"""``list`` and ``rank`` text tables keep their columns aligned whatever the labels' and
titles' lengths: the list's columns shifted after the long phase label "I
drift/gevinstrealisering"; titles cut to the column's width show "…" (rank cut them
silently)."""

from __future__ import annotations

import pytest

from app.models import Initiative
from app.services.demo import create_demo
from app.services.store import open_portfolio

LONG = ("Fælles digital platform for borgerdialog, sagsbehandling og ledelsesinformation "
        "på tværs af alle forvaltninger")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("tables") / "d.portfolio"
    create_demo(path)
    with open_portfolio(path) as pf, pf.session(context="test") as s:
        s.get(Initiative, "EK-013").title = LONG
    return path


def test_list_columns_stay_aligned(cli, demo):
    result = cli("list", str(demo))
    assert result.returncode == 0, result.stderr
    rows = [ln for ln in result.stdout.splitlines() if ln.startswith("EK-")]
    assert len(rows) == 37
    assert any("I drift/gevinstrealisering" in ln for ln in rows)
    ends = {ln.index("kr.") for ln in rows}
    assert len(ends) == 1, sorted(ends)  # the cost column ends in one place
    phase_at = {ln.index(p) for ln in rows for p in ("Godkendt", "Projektforslag", "Idé",
                                                     "I drift/gevinstrealisering") if p in ln}
    assert len(phase_at) == 1, sorted(phase_at)
    cut = next(ln for ln in rows if ln.startswith("EK-013"))
    assert LONG not in cut and LONG[:40] in cut and "…" in cut


def test_rank_cuts_titles_with_an_ellipsis(cli, demo):
    result = cli("rank", str(demo))
    assert result.returncode == 0, result.stderr
    rows = [ln for ln in result.stdout.splitlines() if " EK-" in ln]
    line = next(ln for ln in rows if "EK-013" in ln)
    assert LONG not in line and LONG[:40] in line and "…" in line
    assert len({ln.index("%") for ln in rows}) == 1  # the columns after the title align


def test_rank_prints_value_for_money_with_its_unit_and_the_ranking_views_digits(cli, demo):
    """Value for money in the text ranking: points per 1 mio. of the portfolio's currency,
    formatted as the ranking view and the bilag write it (never in the score's format)."""
    import json

    from app.services.formatting import format_value_for_money

    text = cli("rank", str(demo)).stdout
    assert "Værdi for pengene (point pr. 1 mio. kr.)" in text
    doc = json.loads(cli("rank", str(demo), "--json").stdout)
    row = next(r for r in doc["ranking"] if r["value_for_money"])
    line = next(ln for ln in text.splitlines() if f" {row['id']} " in ln)
    assert line.rstrip().endswith(format_value_for_money(row["value_for_money"], lang="da"))
