"""(d) Value versus cost: the bubble chart.

x = total cost (kr., undiscounted cash, likely values — ``InitiativeRow.total_cost``),
y = total score in points 0–100 (the engine's 0–1 × 100, ``formatting.score_points``), bubble area ∝ |NNV| (a negative NNV is drawn hollow), colour and
shape = the lead forvaltning. The quadrant lines cross at the medians of cost and score
unless thresholds are given; the quadrants are named ("high value, low cost", …).
When costs span more than two orders of magnitude (a national portfolio) the cost axis
is logarithmic: ``x_log`` True and every ``x`` is then log10(cost), the ticks printing
amounts. Labels (ids) are placed by ``labels.place_labels`` at the nominal plot size
``NOMINAL_PLOT`` px with ``FONT_PX`` type, most valuable first, at most ``MAX_LABELS``
(what the PDF draws); the screen's ``BubblePlot`` places them again in its own pixels, as
drawn, since axis padding and another size would move a label next to a neighbour.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from app.services.charts import palette
from app.services.charts.labels import place_labels, text_size
from app.services.charts.model import (
    CIRCLE, LINE_DASHED, Axis, LegendEntry, Rule, TextMark, Tick,
)
from app.services.charts.ticks import amount_axis, compact_amount, number_axis
from app.services.formatting import currency_unit
from app.services.i18n import _
from app.services.snapshots import UnitInfo

NOMINAL_PLOT = (1000.0, 520.0)
FONT_PX = 13.0
MAX_LABELS = 60
R_MIN, R_MAX = 4.0, 22.0


@dataclass(frozen=True)
class BubbleInput:
    """One initiative's numbers: cost in kr., score 0..1, NNV in kr. (None = unknown)."""

    id: str
    title: str
    cost: float | None
    score: float
    npv: float | None
    forvaltning_id: int | None
    mandatory: bool = False


@dataclass(slots=True)
class Bubble:
    """A bubble at (``x``, ``y``) in axis units (``y`` the score in points 0–100,
    ``score`` the same on the engine's 0–1 scale for ``format_score``) with radius ``radius`` in nominal px
    (not frozen only because 5,000 frozen objects cost 0.1 s to make: treat as read-only).

    ``label_position`` is one of ``labels.POSITIONS`` or None (no label shown).
    """

    id: str
    label: str
    title: str
    x: float
    y: float
    radius: float
    colour: str
    shape: str
    hollow: bool  # NNV below zero
    cost: float
    score: float
    npv: float | None
    label_position: str | None
    mandatory: bool


@dataclass(frozen=True)
class BubbleChart:
    title: str
    bubbles: tuple[Bubble, ...]  # drawn in this order (largest first, so small ones stay on top)
    x_axis: Axis
    y_axis: Axis
    x_log: bool
    quadrant_lines: tuple[Rule, ...]
    quadrant_labels: tuple[TextMark, ...]
    legend: tuple[LegendEntry, ...]
    size_note: str
    notes: tuple[str, ...]
    font_px: float = FONT_PX
    nominal_plot: tuple[float, float] = NOMINAL_PLOT
    what_if: bool = False
    currency: str = "DKK"  # ISO 4217 code of the bubbles' cost and npv (the portfolio's)


def bubble_chart(
    items: Sequence[BubbleInput],
    units: Mapping[int, UnitInfo],
    *,
    currency: str = "DKK",
    cost_threshold: float | None = None,
    score_threshold: float | None = None,
    log_x: bool | None = None,
    title: str | None = None,
    what_if: bool = False,
    font_px: float = FONT_PX,
    nominal_plot: tuple[float, float] = NOMINAL_PLOT,
) -> BubbleChart:
    """Lay out the bubble chart (see the module docstring).

    ``items`` carry scores 0–1; ``score_threshold`` is on that scale too (the chart
    draws both in points). Initiatives without cost (or with cost 0 on a log axis) cannot be placed and are
    named in ``notes``. ``log_x`` None chooses by the spread of costs. ``font_px`` and
    ``nominal_plot`` give the label type and plot size (px) the labels are placed for (a
    projector slide passes larger type). Vectorised: 5,000 initiatives lay out in a few
    tens of milliseconds.
    """
    styles = palette.unit_styles(units)
    placed = [i for i in items if i.cost is not None and i.cost >= 0]
    costs = np.array([i.cost for i in placed], dtype=float)
    positive = costs[costs > 0]
    if log_x is None:
        log_x = bool(positive.size >= 2 and positive.max() / max(positive.min(), 1.0) > 100)
    if log_x:
        placed = [i for i in placed if i.cost and i.cost > 0]
        costs = np.array([i.cost for i in placed], dtype=float)
    left_out = sorted({i.id for i in items} - {i.id for i in placed})
    scores = np.array([i.score for i in placed], dtype=float)
    points = scores * 100.0  # the drawn scale (formatting.score_points)
    npvs = np.array([abs(i.npv) if i.npv is not None else 0.0 for i in placed], dtype=float)
    top_npv = float(npvs.max()) if npvs.size and npvs.max() > 0 else 1.0
    radii = R_MIN + (R_MAX - R_MIN) * np.sqrt(npvs / top_npv)

    xs = np.log10(costs) if log_x else costs
    x_med = float(np.median(costs)) if costs.size else 0.0
    y_med = float(np.median(points)) if points.size else 50.0
    cx = cost_threshold if cost_threshold is not None else x_med
    cy = score_threshold * 100.0 if score_threshold is not None else y_med

    x_title = _("Total cost")
    if log_x:
        lo = math.floor(float(xs.min())) if xs.size else 5.0
        hi = math.ceil(float(xs.max())) if xs.size else 7.0
        hi = max(hi, lo + 1)
        ticks = tuple(Tick(float(k), compact_amount(10.0 ** k, currency, with_unit=False))
                      for k in range(lo, hi + 1))
        unit = currency_unit(currency)
        x_axis = Axis(_("{title} ({unit}, logarithmic)").format(title=x_title, unit=unit),
                      float(lo), float(hi), ticks)
    else:
        x_axis = amount_axis(x_title, 0.0, float(costs.max()) if costs.size else 1.0, currency)
    # the score scale is absolute (0–100 points); the axis ends a little above the best
    # score so a portfolio of low scores is not squeezed against the bottom
    y_hi = min(100.0, max(20.0, 1.15 * float(points.max()))) if points.size else 100.0
    y_axis = number_axis(_("Total score (0–100)"), 0.0, y_hi, 5)

    # nominal pixels, y up
    w, h = nominal_plot
    px = (xs - x_axis.lo) / max(x_axis.hi - x_axis.lo, 1e-12) * w
    py = (points - y_axis.lo) / max(y_axis.hi - y_axis.lo, 1e-12) * h
    ids = np.array([i.id for i in placed], dtype=str)
    order = np.lexsort((ids, -scores)).tolist() if placed else []
    corner_texts = (_("High value, low cost"), _("High value, high cost"),
                    _("Low value, low cost"), _("Low value, high cost"))
    # the corner texts are bold and drawn at the plot's edge, outside the nominal area's
    # margins a drawer adds: keep a third more free round them
    cw = max(text_size(t, font_px, bold=True)[0] for t in corner_texts) * 1.3
    ch = text_size("X", font_px)[1] * 1.7
    corners = [(0.0, h - ch, cw, h), (w - cw, h - ch, w, h), (0.0, 0.0, cw, ch), (w - cw, 0.0, w, ch)]
    head = order[: 4 * MAX_LABELS]  # only these compete for a label (see place_labels)
    pxl, pyl, radius_l = px.tolist(), py.tolist(), radii.tolist()
    positions = place_labels(
        [(pxl[k], pyl[k]) for k in order],
        [text_size(placed[k].id, font_px) for k in head],
        [radius_l[k] for k in order], nominal_plot, max_labels=MAX_LABELS, blocked=corners,
    )
    label_of = {placed[k].id: pos for k, pos in zip(order, positions) if pos is not None}

    # largest first, so small bubbles stay on top; ties by id
    draw_order = np.lexsort((ids, -radii)).tolist() if placed else []
    xl, y_l, score_l, cost_l = xs.tolist(), points.tolist(), scores.tolist(), costs.tolist()
    bubbles = []
    for k in draw_order:
        it = placed[k]
        st = styles.get(it.forvaltning_id) if it.forvaltning_id is not None else None
        bubbles.append(Bubble(
            it.id, it.id, it.title, xl[k], y_l[k], radius_l[k],
            st.colour if st else palette.NO_UNIT, st.shape if st else CIRCLE,
            hollow=it.npv is not None and it.npv < 0, cost=cost_l[k],
            score=score_l[k], npv=it.npv, label_position=label_of.get(it.id),
            mandatory=it.mandatory,
        ))

    qx = math.log10(cx) if log_x and cx > 0 else cx
    lines = (
        Rule("v", qx, palette.MUTED, LINE_DASHED, _("Median cost") if cost_threshold is None else ""),
        Rule("h", cy, palette.MUTED, LINE_DASHED, _("Median score") if score_threshold is None else ""),
    )
    qlabels = (
        TextMark(x_axis.lo, y_axis.hi, corner_texts[0], palette.MUTED, "left", True),
        TextMark(x_axis.hi, y_axis.hi, corner_texts[1], palette.MUTED, "right", True),
        TextMark(x_axis.lo, y_axis.lo, corner_texts[2], palette.MUTED, "left", True),
        TextMark(x_axis.hi, y_axis.lo, corner_texts[3], palette.MUTED, "right", True),
    )
    present = {i.forvaltning_id for i in placed}
    legend = [LegendEntry(st.name, st.colour, "marker", st.shape)
              for uid, st in styles.items() if uid in present]
    legend.append(LegendEntry(_("Negative NNV (hollow)"), "#FFFFFF", "marker", CIRCLE))
    if npvs.size and npvs.max() > 0:
        size_note = _("Bubble area shows the net present value (NNV); largest: {amount}").format(
            amount=compact_amount(top_npv, currency))
    else:
        size_note = _("No NNV is known, so all bubbles have the same size.")
    notes = []
    if left_out:
        shown = ", ".join(left_out[:8])
        if len(left_out) > 8:
            shown += " " + _("… ({n} in all)").format(n=len(left_out))
        notes.append(_("Without cost, not shown: {ids}").format(ids=shown))
    return BubbleChart(
        title=title or _("Value versus cost"), bubbles=tuple(bubbles), x_axis=x_axis,
        y_axis=y_axis, x_log=log_x, quadrant_lines=lines, quadrant_labels=qlabels,
        legend=tuple(legend), size_note=size_note, notes=tuple(notes), font_px=font_px,
        nominal_plot=nominal_plot, what_if=what_if, currency=currency,
    )

