"""(h) The ranking with contributions and (i) the value curve, for the PDF and the slides.

Ranking: one horizontal bar per initiative in rank order, stacked by criterion
contribution (weight × score; they add up to the total score, DESIGN §7), the label
"rank. id title" led by the forvaltning's swatch, the total score after the bar, and
"(obl.)" marking mandatory initiatives. Criteria take Paul Tol's muted colours and, past
nine criteria, patterns.

Value curve (værdikurve): the most total score per budget level (``value_curve.frontier``
points), a line with a marker per point; the scenario's budget is a vertical rule and the
recommended portfolio a highlighted point. x is the budget in kr., y the total score.

Both take the engine's scores on the method's 0–1 scale (DESIGN §3) and draw them in
points (``formatting.score_points``: 0–100 per initiative, a portfolio's sum of them),
labelled with ``formatting.format_score`` — the one scale of every table and output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.services.charts import palette
from app.services.charts.model import (
    LINE_DASHED, Axis, Bar, LegendEntry, Rule, Segment, Series, StackedBarChart,
)
from app.services.charts.ticks import amount_axis, number_axis
from app.services.formatting import format_score, score_points
from app.services.i18n import _
from app.services.scoring import Ranking
from app.services.snapshots import UnitInfo

TITLE_CHARS = 38


def _short(text: str, n: int = TITLE_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def ranking_chart(
    ranking: Ranking,
    units: Mapping[int, UnitInfo],
    *,
    limit: int | None = 20,
    title: str | None = None,
    title_chars: int = TITLE_CHARS,
) -> StackedBarChart:
    """The top ``limit`` initiatives of ``ranking`` (None = all) with their contributions.

    ``ranking`` holds the engine's scores (0–1); the bars, segment values and the value
    axis are in points 0–100 (the axis wider when a score exceeds 100, which the scales do
    not allow but the axis would survive), the totals after the bars ``format_score``.
    ``Bar.key`` is the initiative id. Titles are shortened to ``title_chars`` characters
    (slides pass fewer).
    """
    styles = palette.unit_styles(units)
    keys = [c.key for c in ranking.criteria]
    series = tuple(
        Series(c.name, palette.criterion_colour(i), palette.criterion_pattern(i))
        for i, c in enumerate(ranking.criteria)
    )
    rows = ranking.rows if limit is None else ranking.rows[:limit]
    bars = []
    top = 100.0
    for n, r in enumerate(rows):
        fv = units[r.lead_unit_id].forvaltning_id if r.lead_unit_id in units else None
        st = styles.get(fv) if fv is not None else None
        start = 0.0
        segments = []
        for si, key in enumerate(keys):
            raw = r.contributions.get(key, 0.0)
            if raw > 0:
                v = score_points(raw)
                segments.append(Segment(si, start, v, format_score(raw)))
                start += v
        top = max(top, start)
        mark = " " + _("(mand.)") if r.mandatory else ""
        label = f"{r.rank}. {r.id} {_short(r.title, title_chars)}{mark}"
        total = format_score(r.score) + ("" if r.complete else " " + _("(incomplete)"))
        bars.append(Bar(n, label, tuple(segments), total,
                        st.colour if st else palette.NO_UNIT, st.shape if st else None, r.id))
    axis = number_axis(_("Total score (0–100)"), 0.0, top, 5)
    legend = tuple(LegendEntry(s.name, s.colour, "patch", pattern=s.pattern) for s in series)
    subtitle = _("Scenario: {name}").format(name=ranking.scenario)
    notes = (_("Ties: {rule}").format(rule=ranking.tie_rule),)
    shown = "" if limit is None or len(ranking.rows) <= limit else " " + _(
        "(top {n} of {total})").format(n=limit, total=len(ranking.rows))
    return StackedBarChart(
        (title or _("Ranking with contributions")) + shown, series, tuple(bars), axis, legend,
        subtitle, notes, ranking.is_what_if,
    )


@dataclass(frozen=True)
class CurveMark:
    """A point of the value curve: budget (kr.), total score in points (the sum of the
    selected initiatives' 0–100 scores), how many are selected."""

    x: float
    y: float
    count: int
    label: str


@dataclass(frozen=True)
class ValueCurveChart:
    title: str
    x_axis: Axis
    y_axis: Axis
    points: tuple[CurveMark, ...]  # budgets ascending; drawn as a line with markers
    line_colour: str
    rules: tuple[Rule, ...]  # the scenario's budget, when known
    recommended: CurveMark | None  # the recommended portfolio, highlighted
    legend: tuple[LegendEntry, ...]
    notes: tuple[str, ...] = ()
    what_if: bool = False


@dataclass(frozen=True)
class CurveInput:
    """One point as ``value_curve.CurvePoint`` gives it (budget kr., total score on the
    engine's 0–1 scale per initiative, ids)."""

    budget: float
    total_score: float
    selected: Sequence[str]


def value_curve_chart(
    points: Sequence[CurveInput],
    *,
    currency: str = "DKK",
    budget: float | None = None,
    recommended: tuple[float, float, int] | None = None,
    title: str | None = None,
    what_if: bool = False,
) -> ValueCurveChart:
    """The value curve of ``points`` (any objects with ``budget``, ``total_score``,
    ``selected``, as ``value_curve.frontier`` returns them). ``budget`` draws the scenario's
    frame; ``recommended`` = (cost kr., total score, number selected) of the recommended
    portfolio. Scores come on the engine's 0–1 scale (``SelectionResult.total_score``) and
    are drawn in points here, the only place that converts them: callers never scale."""
    pts = sorted(points, key=lambda p: p.budget)
    marks = tuple(
        CurveMark(p.budget, score_points(p.total_score), len(p.selected),
                  format_score(p.total_score))
        for p in pts
    )
    xs = [m.x for m in marks] + ([budget] if budget is not None else [])
    ys = [m.y for m in marks] + ([score_points(recommended[1])] if recommended else [])
    x_axis = amount_axis(_("Budget"), min(xs, default=0.0) if xs else 0.0,
                         max(xs, default=1.0) or 1.0, currency)
    y_axis = number_axis(_("Total score (points)"), 0.0,
                         max(ys, default=100.0) or 100.0)
    rules = (Rule("v", budget, palette.MUTED, LINE_DASHED, _("Budget frame")),) if budget else ()
    rec = None
    if recommended is not None:
        rec = CurveMark(recommended[0], score_points(recommended[1]), recommended[2],
                        _("Recommended: {n} initiatives").format(n=recommended[2]))
    legend = (
        LegendEntry(_("Most value per budget"), palette.DATA_LINE, "line"),
        LegendEntry(_("Recommended portfolio"), palette.INK, "marker", "diamond"),
    )
    return ValueCurveChart(
        title=title or _("Value curve"), x_axis=x_axis, y_axis=y_axis, points=marks,
        line_colour=palette.DATA_LINE, rules=rules, recommended=rec, legend=legend,
        what_if=what_if,
    )
