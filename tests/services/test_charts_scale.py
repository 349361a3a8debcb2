"""The charts speak the one score scale people read (points 0–100 per initiative, a
portfolio's sum of them; ``formatting.format_score``) and, in English, write the kroner as
"DKK", never "kr.". The descriptions take the engine's 0–1 scores and convert once."""

from __future__ import annotations

import pytest

from app.services import presentation, scoring, selection, value_curve
from app.services.charts import bubble, sources, ticks
from app.services.charts.ranking import CurveInput, value_curve_chart
from app.services.formatting import format_score
from app.services.i18n import set_language
from app.services.snapshots import UnitInfo

UNITS = {1: UnitInfo(1, "BUF", "Børne- og Ungeforvaltningen", "forvaltning", None, 1)}


@pytest.fixture(autouse=True)
def _danish():
    set_language("da")
    yield
    set_language("da")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from app.services.demo import create_demo
    from app.services.store import open_portfolio

    path = tmp_path_factory.mktemp("scale") / "demo.portfolio"
    create_demo(path)
    pf = open_portfolio(path, readonly=True)
    yield pf
    pf.close()


def test_the_bubble_chart_draws_scores_in_points_on_a_0_to_100_axis():
    items = [bubble.BubbleInput("A", "a", 1e6, 0.72, 1e5, 1),
             bubble.BubbleInput("B", "b", 2e6, 0.30, 2e5, 1),
             bubble.BubbleInput("C", "c", 3e6, 0.50, None, 1)]
    chart = bubble.bubble_chart(items, UNITS)
    y = {b.id: b.y for b in chart.bubbles}
    assert y == pytest.approx({"A": 72.0, "B": 30.0, "C": 50.0})
    assert {b.id: b.score for b in chart.bubbles}["A"] == pytest.approx(0.72)  # for format_score
    assert 72.0 < chart.y_axis.hi <= 100.0 and chart.y_axis.lo == 0.0
    assert "0–100" in chart.y_axis.title
    median = next(r for r in chart.quadrant_lines if r.orientation == "h")
    assert median.value == pytest.approx(50.0)
    given = bubble.bubble_chart(items, UNITS, score_threshold=0.6)
    assert next(r for r in given.quadrant_lines if r.orientation == "h").value == pytest.approx(60.0)


def test_a_bubble_axis_never_ends_above_100_points():
    items = [bubble.BubbleInput("A", "a", 1e6, 0.98, None, 1)]
    assert bubble.bubble_chart(items, UNITS).y_axis.hi == 100.0


def test_the_value_curve_takes_the_engines_scores_and_draws_points_once():
    pts = [CurveInput(1e6, 0.8, ["A"]), CurveInput(3e6, 1.9, ["A", "B", "C"])]
    chart = value_curve_chart(pts, budget=2e6, recommended=(1.5e6, 1.25, 2))
    assert [m.y for m in chart.points] == pytest.approx([80.0, 190.0])
    assert [m.label for m in chart.points] == ["80,0", "190,0"]
    assert chart.recommended.y == pytest.approx(125.0)
    assert chart.y_axis.hi >= 190.0 and "(point)" in chart.y_axis.title


def test_ranking_chart_bars_and_totals_are_in_points(demo):
    with demo.read() as s:
        ranking = scoring.rank(s)
        chart = sources.chart(s, "ranking", limit=5)
    assert chart.value_axis.hi >= 100.0 and "0–100" in chart.value_axis.title
    for bar, row in zip(chart.bars, ranking.rows):
        assert bar.total_text.startswith(format_score(row.score))
        end = max(seg.start + seg.value for seg in bar.segments)
        assert end == pytest.approx(row.score * 100.0)


def test_the_slide_and_the_chart_value_curve_put_the_recommendation_at_its_score_in_points(demo):
    with demo.read() as s:
        result = selection.select_portfolio(s)
        frontier = value_curve.frontier(s, steps=12)
        meeting = presentation.load_meeting(s)
        chart = sources.chart(s, "value_curve", steps=12)
    for curve in (meeting.value_curve, chart):
        assert curve.recommended.y == pytest.approx(result.total_score * 100.0)
        assert [m.y for m in curve.points] == pytest.approx(
            [p.total_score * 100.0 for p in frontier])
        assert curve.y_axis.hi >= curve.recommended.y > 1.0
    bars = meeting.ranking.bars
    assert all(float(b.total_text.split()[0].replace(",", ".")) > 1.0 for b in bars)


def test_english_chart_money_is_dkk_never_kr():
    set_language("en")
    assert ticks.compact_amount(2_500_000, "DKK") == "2.5 m DKK"
    assert ticks.compact_amount(850_000, "DKK") == "850,000 DKK"
    axis = ticks.amount_axis("Total cost", 0.0, 40e6, "DKK")
    assert axis.title == "Total cost (m DKK)"
    items = [bubble.BubbleInput(f"P{i}", "", 10.0 ** (5 + i), 0.5, 1e6, 1) for i in range(5)]
    chart = bubble.bubble_chart(items, UNITS, currency="DKK")
    assert chart.x_log and "DKK" in chart.x_axis.title
    texts = [chart.x_axis.title, chart.y_axis.title, chart.size_note,
             *(t.label for t in chart.x_axis.ticks)]
    assert not any("kr." in t for t in texts), texts
    set_language("da")
    assert ticks.compact_amount(2_500_000, "DKK") == "2,5 mio. kr."
    assert "kr." in bubble.bubble_chart(items, UNITS, currency="DKK").x_axis.title


def test_english_slide_figures_have_no_kr(demo):
    set_language("en")
    with demo.read() as s:
        meeting = presentation.load_meeting(s)
    texts = [t for f in meeting.key_figures for t in (f.label, f.value, f.note)]
    texts += [meeting.value_curve.x_axis.title, meeting.bubble.x_axis.title,
              meeting.bubble.size_note]
    assert not any("kr." in (t or "") for t in texts), texts
    assert any("DKK" in (t or "") for t in texts)
