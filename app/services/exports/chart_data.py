"""The chart descriptions for the bilag, from the CHARTS package (``app.services.charts``),
built from the public-filtered data so confidential initiatives never appear in a chart.

Returns ``[(key, description)]`` for the keys ranking, bubble, value_curve, dependencies,
roadmap. Scores are drawn in points 0–100 (the chart descriptions convert the engine's
0–1 themselves), the unit of the tables beside them and of the program's views. A chart
that cannot be made for this portfolio (the value curve without a budget frame) is left
out; the rest of the bilag still prints.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from app.services.errors import UserError
from app.services.exports.fmt import format_score
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, load_units

#: points of the value curve in the bilag (the screen's default is 20; each point is one
#: exact optimisation, and 12 draw the same curve at a bilag's size)
CURVE_STEPS = 12


def gather_charts(session: Session, scenario: Any, ranking: Any, rows: list[InitiativeRow],
                  hidden: set[str], budget_year: int, currency: str,
                  result: Any | None) -> list[tuple[str, Any]]:
    """The chart descriptions of the bilag (see module docstring). ``ranking`` is the
    engine's ``scoring.Ranking``; ``rows`` all initiatives; ``hidden`` ids to leave out;
    ``result`` the recommendation (``selection.SelectionResult``) or None. The value
    curve has ``CURVE_STEPS`` points (each an exact optimisation); it is left out when
    ``hidden`` is not empty (its frontier would hold the hidden initiatives' figures)."""
    from app.services.charts import sources
    from app.services.charts.bubble import bubble_chart
    from app.services.charts.dependency_chart import dependency_chart
    from app.services.charts.ranking import ranking_chart
    from app.services.charts.roadmap import roadmap_chart

    units = load_units(session)
    visible_rows = [r for r in rows if r.id not in hidden]
    if hidden:
        visible_rows = [replace(r, requires=[x for x in r.requires if x not in hidden])
                        for r in visible_rows]
    what_if = bool(ranking.is_what_if)
    out: list[tuple[str, Any]] = []
    shown = [r for r in ranking.rows if r.id not in hidden]
    chart = ranking_chart(replace(ranking, rows=shown), units,
                          limit=25)
    # the totals after the bars in the points and decimals of every other output
    bars = tuple(replace(b, total_text=format_score(r.score) + (
        "" if r.complete else " " + _("(incomplete)"))) for b, r in zip(chart.bars, shown))
    # the engine states its tie rule in English; the bilag states it in the output language
    chart = replace(chart, bars=bars, notes=(_(
        "Total score in points 0–100 = Σ weight × score; ties are broken by value for money, "
        "then lower cost, then id."),))
    out.append(("ranking", chart))
    items = [b for b in sources.bubble_inputs(session, scenario) if b.id not in hidden]
    out.append(("bubble", bubble_chart(items, units, currency=currency, what_if=what_if)))
    # the value curve is a frontier over every initiative: with confidential ones left out
    # its points would still hold their costs and scores, so a public output shows none
    if result is not None and not hidden:
        from app.services import value_curve
        from app.services.charts.ranking import value_curve_chart

        try:
            points = value_curve.frontier(session, scenario, steps=CURVE_STEPS)
        except UserError:
            points = None
        if points:
            budget = result.budget if isinstance(result.budget, (int, float)) else sum(
                result.budget.values())
            # the curve's budget measure is cost inside the frame: the recommendation sits
            # at its own in-frame cost, never at a total that includes what is financed
            # outside the frame
            curve = value_curve_chart(
                points,
                currency=currency, budget=float(budget),
                recommended=(result.cost_in_frame, result.total_score,
                             len(result.selected)),
                what_if=result.is_what_if)
            if any(u.year is not None for u in result.frame_use if u.unit_id is None):
                curve = replace(curve, notes=(*curve.notes, _(
                    "The curve gives the best portfolio for each total budget; the "
                    "recommendation must also keep within each year's frames, so it may lie "
                    "below the curve. Both are placed at their cost inside the frame."),))
            out.append(("value_curve", curve))
    out.append(("dependencies", _dependencies_for_the_page(visible_rows, units, what_if)))
    out.append(("roadmap", roadmap_chart(visible_rows, units, budget_year, what_if=what_if)))
    return out


def _dependencies_for_the_page(rows: list[InitiativeRow], units: Any, what_if: bool) -> Any:
    """The dependency chart laid out for the bilag's page (``pdf.charts.swimlane_plot``):
    its edge routes bend round the ids at the size they print, as the screen's do at
    the window's. The page's row height depends on the chart's number of rows and the
    layout's rows on the plot size, so the layout is repeated until the two agree (two or
    three rounds; the last is used if they never do)."""
    from app.services import dependencies as dep
    from app.services.charts.dependency_chart import dependency_chart
    from app.services.exports.pdf.charts import swimlane_plot

    report = dep.analyse(rows, units)
    chart = dependency_chart(rows, units, what_if=what_if, report=report)
    for _round in range(4):
        font_px, plot_px = swimlane_plot(chart)
        if (chart.font_px, chart.plot_px) == (font_px, plot_px):
            break
        chart = dependency_chart(rows, units, what_if=what_if, report=report,
                                 font_px=font_px, plot_px=plot_px)
    return chart
