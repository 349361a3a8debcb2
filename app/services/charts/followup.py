"""(g) Follow-up of a success criterion (succeskriterium): baseline, target band, measurements.

x is the calendar (day numbers), y the indicator's value in its own unit. The target
band is a fan from the baseline (nulpunktsmåling) at its date to the pessimistic and
optimistic targets at the target date — the path a benefit is planned to follow if it is
realised evenly (gevinstrealiseringsplan; Digitaliseringsstyrelsen's business-case
model for the state plans benefits this way); the likely target is a dashed line through
the band. Measurements are points joined in time order, each printed with its value;
the latest is judged against the band at its date ("ahead of plan", "within the target
band", "behind plan"), the direction given by whether the optimistic target lies above
or below the pessimistic one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.services.charts import palette
from app.services.charts.model import LINE_DASHED, LINE_SOLID, Axis, LegendEntry, Rule
from app.services.charts.ticks import date_axis, number_axis
from app.services.formatting import format_date, format_number
from app.services.i18n import _


@dataclass(frozen=True)
class FollowupInput:
    """A success criterion as plain data (see ``app.models.SuccessCriterion``)."""

    name: str
    unit_label: str
    baseline: float | None
    baseline_date: date | None
    target_pessimistic: float | None
    target_likely: float | None
    target_optimistic: float | None
    target_date: date | None
    measurements: tuple[tuple[date, float], ...]
    initiative_id: str = ""
    initiative_title: str = ""


@dataclass(frozen=True)
class PointMark:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class FollowupChart:
    title: str
    subtitle: str
    x_axis: Axis
    y_axis: Axis
    band: tuple[tuple[float, float], ...]  # polygon (x, y), empty when no band is known
    band_colour: str
    likely: tuple[tuple[float, float], ...]  # polyline, may be empty
    baseline: PointMark | None
    measurements: tuple[PointMark, ...]
    rules: tuple[Rule, ...]
    legend: tuple[LegendEntry, ...]
    status: str  # "ahead" | "within" | "behind" | "" (not judged)
    status_text: str
    notes: tuple[str, ...] = ()


def _interp(x0: float, y0: float, x1: float, y1: float, x: float) -> float:
    if x1 == x0:
        return y1
    t = min(1.0, max(0.0, (x - x0) / (x1 - x0)))
    return y0 + t * (y1 - y0)


def followup_chart(item: FollowupInput, *, decimals: int = 1) -> FollowupChart:
    """Lay out the follow-up chart of one success criterion (see the module docstring)."""
    meas = sorted(item.measurements)
    dates = [d for d, _v in meas] + [d for d in (item.baseline_date, item.target_date) if d]
    first = min(dates) if dates else date.today()
    last = max(dates) if dates else first + timedelta(days=365)
    if last <= first:
        last = first + timedelta(days=365)
    pad = max(15, (last - first).days // 20)
    x_axis = date_axis(_("Date"), first - timedelta(days=pad), last + timedelta(days=pad))
    unit = f" ({item.unit_label})" if item.unit_label else ""

    def fmt(v: float) -> str:
        return format_number(v, decimals) + (f" {item.unit_label}" if item.unit_label else "")

    bx = float((item.baseline_date or first).toordinal())
    tx = float(item.target_date.toordinal()) if item.target_date else None
    band: tuple[tuple[float, float], ...] = ()
    likely: tuple[tuple[float, float], ...] = ()
    b = item.baseline
    pess, opt, lik = item.target_pessimistic, item.target_optimistic, item.target_likely
    if tx is not None and pess is not None and opt is not None:
        start = b if b is not None else pess
        band = ((bx, start), (tx, pess), (tx, opt), (bx, start))
    if tx is not None and lik is not None:
        likely = ((bx, b if b is not None else lik), (tx, lik))

    values = [v for _d, v in meas] + [v for v in (b, pess, opt, lik) if v is not None]
    lo = min(values) if values else 0.0
    hi = max(values) if values else 1.0
    y_axis = number_axis(_("Value") + unit, min(0.0, lo) if lo >= 0 else lo, hi)
    baseline = PointMark(bx, b, _("Baseline {value}").format(value=fmt(b))) if b is not None else None
    points = tuple(PointMark(float(d.toordinal()), v, fmt(v)) for d, v in meas)

    status, status_text = "", _("No measurement yet.")
    if meas and tx is not None and pess is not None and opt is not None:
        d, v = meas[-1]
        x = float(d.toordinal())
        start = b if b is not None else pess
        p_at, o_at = _interp(bx, start, tx, pess, x), _interp(bx, start, tx, opt, x)
        higher_better = opt >= pess
        lo_at, hi_at = min(p_at, o_at), max(p_at, o_at)
        if lo_at <= v <= hi_at:
            status = "within"
        elif (v > hi_at) == higher_better:
            status = "ahead"
        else:
            status = "behind"
        text = {"within": _("within the target band"), "ahead": _("ahead of plan"),
                "behind": _("behind plan")}[status]
        status_text = _("Latest measurement {value} on {date}: {status}.").format(
            value=fmt(v), date=format_date(d), status=text)
    elif meas:
        status_text = _("Latest measurement {value} on {date}; no target band to compare with.").format(
            value=fmt(meas[-1][1]), date=format_date(meas[-1][0]))

    rules = []
    if tx is not None:
        rules.append(Rule("v", tx, palette.MUTED, LINE_DASHED,
                          _("Target date {date}").format(date=format_date(item.target_date))))
    legend = (
        LegendEntry(_("Target band (pessimistic–optimistic)"), "#BDD7E7", "patch"),
        LegendEntry(_("Likely target"), palette.DATA_LINE, "line", line=LINE_DASHED),
        LegendEntry(_("Measurements"), palette.INK, "marker", "circle", line=LINE_SOLID),
        LegendEntry(_("Baseline"), "#FFFFFF", "marker", "square"),
    )
    subtitle = f"{item.initiative_id} {item.initiative_title}".strip()
    return FollowupChart(
        title=item.name, subtitle=subtitle, x_axis=x_axis, y_axis=y_axis, band=band,
        band_colour="#BDD7E7", likely=likely, baseline=baseline, measurements=points,
        rules=tuple(rules), legend=legend, status=status, status_text=status_text,
    )
