"""Axis ticks: "nice" numbers, compact amounts and calendar ticks.

Nice numbers after P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems (1990):
steps of 1, 2 or 5 × 10^k. Amounts print compactly ("2,5 mio. kr.") with the portfolio's
currency; dates are day numbers (``date.toordinal()``) with month/quarter/year ticks.
"""

from __future__ import annotations

import math
from datetime import date

from app.services.charts.model import Axis, Tick
from app.services.formatting import currency_unit, format_number
from app.services.i18n import _


def nice_step(span: float, count: int = 5) -> float:
    """A step of 1, 2 or 5 × 10^k giving about ``count`` intervals over ``span`` (> 0)."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power  # pragma: no cover - the loop always returns


def nice_range(lo: float, hi: float, count: int = 5) -> tuple[float, float, float]:
    """``(lo', hi', step)``: the range widened to whole steps (lo' ≤ lo, hi' ≥ hi)."""
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        hi = lo + (abs(lo) or 1.0)
    step = nice_step(hi - lo, count)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step))) if step < 1 else 0


def number_axis(title: str, lo: float, hi: float, count: int = 5, *, percent: bool = False) -> Axis:
    """A numeric axis over ``lo``..``hi`` widened to nice steps, ticks formatted in the
    current language (``percent`` prints 0.25 as "25 %")."""
    lo2, hi2, step = nice_range(lo, hi, count)
    ticks = []
    n = int(round((hi2 - lo2) / step))
    for i in range(n + 1):
        v = lo2 + i * step
        if percent:
            label = format_number(v * 100, _decimals(step * 100)) + " %"
        else:
            label = format_number(v, _decimals(step))
        ticks.append(Tick(v, label))
    return Axis(title, lo2, hi2, tuple(ticks))


def compact_amount(value: float, currency: str = "DKK", step: float | None = None,
                   with_unit: bool = True) -> str:
    """An amount in kr. written short: "2,5 mio. kr.", "1,2 mia. kr.", "850.000 kr.".

    Other currencies: "2,5 mio. GBP"; in English the kroner are "DKK" ("2.5 m DKK",
    ``formatting.currency_unit``). ``step`` (a tick step) sets the decimals so the
    ticks of an axis print alike; without it, one decimal below 100 of the unit when the
    amount is not whole ("25,5 mio. kr.", "40 mio. kr.").
    """
    unit = currency_unit(currency) if with_unit else ""
    a = abs(value)

    def decimals(scaled: float, scale: float) -> int:
        if step:
            return 0 if step >= scale else (1 if step >= scale / 10 else 2)
        return 1 if abs(scaled) < 100 and round(scaled, 1) != round(scaled) else 0

    if a >= 1e9 or (step and step >= 1e9):
        n = value / 1e9
        return _("{n} bn {unit}").format(n=format_number(n, decimals(n, 1e9)), unit=unit).strip()
    if a >= 1e6 or (step and step >= 1e5):
        n = value / 1e6
        return _("{n} m {unit}").format(n=format_number(n, decimals(n, 1e6)), unit=unit).strip()
    return f"{format_number(value, 0)} {unit}".strip()


def amount_axis(title: str, lo: float, hi: float, currency: str = "DKK", count: int = 5) -> Axis:
    """A money axis (values in kr. or the portfolio's currency): ticks are plain numbers in
    one scale for the whole axis and the title names it — "Samlet udgift (mio. kr.)", as
    budget documents write it; tick values stay in kr."""
    lo2, hi2, step = nice_range(lo, hi, count)
    n = int(round((hi2 - lo2) / step))
    unit = currency_unit(currency)
    top = max(abs(lo2), abs(hi2))
    if top >= 1e9:
        scale, label = 1e9, _("bn {unit}").format(unit=unit)
    elif top >= 1e6:
        scale, label = 1e6, _("m {unit}").format(unit=unit)
    elif top >= 1e4:
        scale, label = 1e3, _("thousand {unit}").format(unit=unit)
    else:
        scale, label = 1.0, unit
    dec = _decimals(step / scale)
    ticks = tuple(
        Tick(lo2 + i * step, format_number((lo2 + i * step) / scale, dec)) for i in range(n + 1)
    )
    return Axis(f"{title} ({label})", lo2, hi2, ticks)


def date_axis(title: str, first: date, last: date, max_ticks: int = 12) -> Axis:
    """A calendar axis in day numbers (``date.toordinal()``) from ``first`` to ``last``.

    Ticks on the first of a month every 1, 3 (quarters), 6 or 12 months — whichever keeps
    the count at most ``max_ticks``; labels "jan. 2027"-style are kept short: "1/2027" for
    months, "2027" for whole years.
    """
    if last <= first:
        last = date.fromordinal(first.toordinal() + 30)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    every = next((m for m in (1, 3, 6, 12, 24, 60) if months / m <= max_ticks), 120)
    start_month = ((first.month - 1) // every) * every + 1 if every < 12 else 1
    y, m = first.year, start_month
    ticks = []
    while date(y, m, 1) <= last:
        d = date(y, m, 1)
        if d >= first:
            label = str(y) if every >= 12 or m == 1 and every >= 6 else f"{m}/{y}"
            ticks.append(Tick(float(d.toordinal()), label))
        m += every
        while m > 12:
            m -= 12
            y += 1
    return Axis(title, float(first.toordinal()), float(last.toordinal()), tuple(ticks))


def year_start(year: int) -> float:
    """Day number of 1 January ``year`` (where a budget year begins)."""
    return float(date(year, 1, 1).toordinal())
