"""(e) Portfolio balance and (f) the maturity profile, as horizontal stacked bars.

Balance (DESIGN §1: "prioritising between development and operations, between internal
and citizen-facing initiatives, is hard"): four panels — development vs operation and
internal vs citizen-facing, each in money (total cost, kr.) and in count — one bar per
forvaltning plus a first bar for the whole portfolio. Maturity: initiatives per
modenhedsniveau (Siau & Long 2005: web presence, interaction, transaction,
transformation, e-democracy) per forvaltning, for the initiatives that carry the tag.

Rejected and closed initiatives are left out (they are not part of the portfolio's
balance). Segments carry their value as text, series their own pattern, so colour is
never the only carrier.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from app.models.enums import Audience, InitiativeKind, MaturityLevel, Phase
from app.services import dependencies as dep
from app.services.charts import palette
from app.services.charts.model import (
    DOTS, HATCH, SOLID, Bar, ChartSet, LegendEntry, Segment, Series, StackedBarChart,
)
from app.services.charts.ticks import amount_axis, compact_amount, number_axis
from app.services.formatting import format_number, format_percent
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo

_EXCLUDED = {Phase.REJECTED.value, Phase.CLOSED.value}


def _in_portfolio(rows: Sequence[InitiativeRow]) -> list[InitiativeRow]:
    return [r for r in rows if r.phase not in _EXCLUDED]


def _categories(
    rows: Sequence[InitiativeRow], units: Mapping[int, UnitInfo]
) -> list[tuple[str, str, str | None, str | None, str, list[InitiativeRow]]]:
    """(label, code, colour, shape, key, members): the whole portfolio first, then each
    forvaltning with initiatives."""
    styles = palette.unit_styles(units)
    out: list[tuple[str, str, str | None, str | None, str, list[InitiativeRow]]] = [
        (_("Whole portfolio"), _("All"), None, None, "", list(rows))]
    for uid, st in styles.items():
        members = [r for r in rows if dep.forvaltning_of(r, units) == uid]
        if members:
            out.append((st.name, st.code, st.colour, st.shape, str(uid), members))
    rest = [r for r in rows if dep.forvaltning_of(r, units) is None]
    if rest:
        out.append((_("No lead unit"), "–", palette.NO_UNIT, None, "none", rest))
    return out


def _stacked(
    title: str,
    rows: Sequence[InitiativeRow],
    units: Mapping[int, UnitInfo],
    series: Sequence[Series],
    part_of: Callable[[InitiativeRow], int | None],
    measure: Callable[[InitiativeRow], float],
    fmt: Callable[[float], str],
    axis_title: str,
    money: bool,
    currency: str,
) -> StackedBarChart:
    bars = []
    top = 0.0
    for row_no, (label, code, colour, shape, key, members) in enumerate(_categories(rows, units)):
        sums = [0.0] * len(series)
        for r in members:
            part = part_of(r)
            if part is not None:
                sums[part] += measure(r)
        start = 0.0
        segments = []
        for si, value in enumerate(sums):
            if value > 0:
                segments.append(Segment(si, start, value, fmt(value)))
                start += value
        top = max(top, start)
        bars.append(Bar(row_no, label, tuple(segments), fmt(start), colour, shape, key, code))
    axis = (amount_axis(axis_title, 0.0, top or 1.0, currency) if money
            else number_axis(axis_title, 0.0, max(top, 5.0)))  # counts: whole-number ticks
    legend = tuple(LegendEntry(s.name, s.colour, "patch", pattern=s.pattern) for s in series)
    whole = bars[0].segments if bars else ()
    total = sum(s.value for s in whole)
    notes = tuple(
        _("{series}: {share} of the whole portfolio").format(
            series=series[s.series].name, share=format_percent(s.value / total, 0))
        for s in whole
    ) if total else ()
    return StackedBarChart(title, tuple(series), tuple(bars), axis, legend, notes=notes)


def balance_chart(
    rows: Sequence[InitiativeRow], units: Mapping[int, UnitInfo], *, currency: str = "DKK",
    what_if: bool = False,
) -> ChartSet:
    """The four balance panels (see the module docstring); money is ``total_cost`` in kr."""
    rows = _in_portfolio(rows)
    kinds = (Series(_("Development"), palette.PAIR[0], SOLID),
             Series(_("Operation"), palette.PAIR[1], HATCH))
    audiences = (Series(_("Internal"), palette.PAIR[0], SOLID),
                 Series(_("Citizen-facing"), palette.PAIR[1], DOTS))
    kind_index = {InitiativeKind.DEVELOPMENT.value: 0, InitiativeKind.OPERATION.value: 1}
    aud_index = {Audience.INTERNAL.value: 0, Audience.CITIZEN.value: 1}

    def cost(r: InitiativeRow) -> float:
        return r.total_cost or 0.0

    def one(_r: InitiativeRow) -> float:
        return 1.0

    def money_text(v: float) -> str:
        return compact_amount(v, currency)

    def count_text(v: float) -> str:
        return format_number(v, 0)

    money_title, count_title = _("Total cost"), _("Number of initiatives")
    charts = (
        _stacked(_("Development and operation, cost"), rows, units, kinds,
                 lambda r: kind_index.get(r.kind), cost, money_text, money_title, True, currency),
        _stacked(_("Development and operation, number"), rows, units, kinds,
                 lambda r: kind_index.get(r.kind), one, count_text, count_title, False, currency),
        _stacked(_("Internal and citizen-facing, cost"), rows, units, audiences,
                 lambda r: aud_index.get(r.audience), cost, money_text, money_title, True, currency),
        _stacked(_("Internal and citizen-facing, number"), rows, units, audiences,
                 lambda r: aud_index.get(r.audience), one, count_text, count_title, False, currency),
    )
    charts = tuple(
        StackedBarChart(c.title, c.series, c.bars, c.value_axis, c.legend, c.subtitle, c.notes,
                        what_if) for c in charts
    )
    no_cost = sum(1 for r in rows if r.total_cost is None)
    notes = (_("{n} initiatives have no cost lines and count 0 kr. in the cost panels.").format(
        n=no_cost),) if no_cost else ()
    return ChartSet(_("Portfolio balance"), charts, notes)


MATURITY_ORDER: tuple[str, ...] = tuple(m.value for m in MaturityLevel)


def maturity_names() -> dict[str, str]:
    """The modenhedsniveauer in the current language (Siau & Long 2005 stages)."""
    return {
        MaturityLevel.WEB_PRESENCE.value: _("Web presence"),
        MaturityLevel.INTERACTION.value: _("Digital interaction"),
        MaturityLevel.TRANSACTION.value: _("Digital transaction"),
        MaturityLevel.TRANSFORMATION.value: _("Transformation"),
        MaturityLevel.E_DEMOCRACY.value: _("E-democracy"),
    }


def maturity_chart(
    rows: Sequence[InitiativeRow], units: Mapping[int, UnitInfo], *, what_if: bool = False,
) -> StackedBarChart:
    """Initiatives per modenhedsniveau per forvaltning (only tagged initiatives count)."""
    rows = _in_portfolio(rows)
    names = maturity_names()
    series = tuple(
        Series(names[m], palette.SEQUENTIAL[i], SOLID) for i, m in enumerate(MATURITY_ORDER)
    )
    index = {m: i for i, m in enumerate(MATURITY_ORDER)}
    tagged = [r for r in rows if r.maturity_level in index]
    chart = _stacked(
        _("Maturity profile"), tagged, units, series,
        lambda r: index.get(r.maturity_level or ""), lambda _r: 1.0,
        lambda v: format_number(v, 0), _("Number of initiatives"), False, "DKK",
    )
    untagged = len(rows) - len(tagged)
    notes = chart.notes + ((_("{n} of {total} initiatives have no maturity level.").format(
        n=untagged, total=len(rows)),) if untagged else ())
    return StackedBarChart(chart.title, chart.series, chart.bars, chart.value_axis, chart.legend,
                           _("Siau & Long (2005) stages of e-government"), notes, what_if)
