"""``select`` flags recommended initiatives whose assessment is incomplete: their missing
agreed scores count 0 (DESIGN §7), which a steering group must see."""

from __future__ import annotations

import pytest

from app.commands.selection import print_result
from app.services.scoring import rank
from app.services.selection import select_portfolio
from tests.services.engine_fixtures import FULL, YEAR, Ini, add_initiatives, small_portfolio


@pytest.fixture
def english():
    from app.services import formatting
    from app.services.i18n import set_language

    before = formatting.language()
    set_language("en")
    yield
    set_language(before)


def test_selected_initiatives_on_incomplete_assessments_are_flagged(tmp_path, capsys, english):
    pf = small_portfolio(tmp_path / "s.portfolio")
    try:
        add_initiatives(pf, [Ini("K", scores=dict(FULL), costs=[(YEAR, "anlaeg", 100_000)])])
        with pf.read() as s:
            res = select_portfolio(s, budget=2_100_000)
            rows = rank(s).by_id()
    finally:
        pf.close()
    assert "K" in res.selected and rows["K"].complete
    expected = {i: rows[i].completeness for i in res.selected if not rows[i].complete}
    assert expected and res.incomplete == expected
    assert "K" not in res.incomplete
    assert res.to_json()["incomplete"] == [i for i in res.selected if i in expected]
    print_result(res, {}, "DKK")
    out = capsys.readouterr().out
    listed = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    pct = round(rows["A"].completeness * 100)
    assert f"[assessment {pct}% complete]" in listed["A"]
    assert "[assessment" not in listed["K"]
    assert "incomplete assessment (missing agreed scores count 0)" in out


def test_an_almost_complete_assessment_never_reads_100_percent(english):
    from app.commands.selection import incomplete_tag

    assert incomplete_tag(0.996) == "assessment 99% complete"
    assert incomplete_tag(6 / 7) == "assessment 86% complete"
