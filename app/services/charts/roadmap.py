"""(c) The roadmap: a Gantt chart by forvaltning with dependency arrows and budget years.

x is the calendar in day numbers (``date.toordinal()``); y counts rows from the top, each
forvaltning a lane (``lanes.Lane``, as in the dependency chart) whose bars are packed
into rows so neither bars nor their labels (printed right of the bar's end) overlap at
the nominal layout of 1280 px across. Arrows run from a prerequisite's end to its dependant's start;
an arrow whose dependant starts before the prerequisite ends is a roadmap conflict,
drawn vermillion and dashed and listed in the notes. The budget year and the three
overslagsår are shaded bands with their names; every 1 January has a rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.services import dependencies as dep
from app.services.charts import palette
from app.services.charts.lanes import Lane, lane_units, stack_lanes
from app.services.charts.model import LINE_DASHED, LINE_SOLID, Axis, Band, LegendEntry, Rule
from app.services.charts.ticks import date_axis, year_start
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo

#: Characters of label type that fit across the plot (about 600 px of plot at 12 px type,
#: the main window at 1280×720); a drawer with room for more may pass its own.
NOMINAL_CHARS = 85
#: Up to this many initiatives, bars are labelled with a shortened title, else the id.
TITLE_LABEL_LIMIT = 40


@dataclass(frozen=True)
class GanttBar:
    """An initiative from ``x0`` to ``x1`` (day numbers) on row ``y`` (its middle).

    ``milestone`` is True when only one date is known (x0 == x1: drawn as a diamond).
    """

    id: str
    label: str
    title: str
    x0: float
    x1: float
    y: float
    lane: int
    colour: str
    shape: str
    milestone: bool
    conflict: bool
    mandatory: bool


@dataclass(frozen=True)
class Arrow:
    """A dependency arrow from (x0, y0) — the prerequisite's end — to (x1, y1)."""

    prerequisite: str
    dependant: str
    x0: float
    y0: float
    x1: float
    y1: float
    colour: str
    line: str
    conflict: bool


@dataclass(frozen=True)
class RoadmapChart:
    title: str
    lanes: tuple[Lane, ...]
    bars: tuple[GanttBar, ...]
    arrows: tuple[Arrow, ...]
    x_axis: Axis
    bands: tuple[Band, ...]  # budget year and overslagsår (y0..y1 = whole height)
    rules: tuple[Rule, ...]  # 1 January of each year; today when given
    legend: tuple[LegendEntry, ...]
    notes: tuple[str, ...]
    height: float
    undated: tuple[str, ...]  # ids left out for want of any date
    what_if: bool = False


def _label(r: InitiativeRow, use_title: bool) -> str:
    if not use_title:
        return r.id
    title = r.title if len(r.title) <= 28 else r.title[:27].rstrip() + "…"
    return title


def roadmap_chart(
    rows: Sequence[InitiativeRow],
    units: Mapping[int, UnitInfo],
    budget_year: int,
    *,
    today: date | None = None,
    title: str | None = None,
    what_if: bool = False,
    chars_across: int = NOMINAL_CHARS,
) -> RoadmapChart:
    """Lay out the roadmap of the dated initiatives of ``rows`` (see the module docstring).

    ``budget_year`` is the portfolio's budget year (the band "Budgetår" and three
    "Overslagsår" after it). Initiatives with neither date are listed in ``undated``.
    ``chars_across``: how many label characters fit across the plot; bars and labels are
    packed so that none overlap at that proportion, and the axis reaches the last label.
    """
    styles = palette.unit_styles(units)
    dated = [r for r in rows if r.start_date or r.end_date]
    undated = tuple(r.id for r in rows if not (r.start_date or r.end_date))
    span_of = {
        r.id: ((r.start_date or r.end_date), (r.end_date or r.start_date)) for r in dated
    }
    first = min([s for s, _e in span_of.values()] + [date(budget_year, 1, 1)])
    last = max([e for _s, e in span_of.values()] + [date(budget_year + 3, 12, 31)])
    use_title = len(dated) <= TITLE_LABEL_LIMIT
    longest = max((len(_label(r, use_title)) for r in dated), default=0) + 2
    # the plot must hold the calendar plus the last label: chars_across characters in all
    span = float(last.toordinal() - first.toordinal())
    days_per_char = span / max(10, chars_across - longest)
    calendar_chars = max(10, chars_across - longest)
    axis = date_axis(_("Date"), first, last, max_ticks=max(2, calendar_chars // 9))
    axis = Axis(axis.title, axis.lo, axis.hi + longest * days_per_char, axis.ticks)

    lane_ids = lane_units(dated, units, styles)
    index = {u: i for i, u in enumerate(lane_ids)}
    by_lane: dict[int, list[InitiativeRow]] = defaultdict(list)
    for r in dated:
        by_lane[index[dep.forvaltning_of(r, units)]].append(r)

    slot: dict[str, int] = {}
    lane_rows: dict[int, int] = {}
    for li, members in by_lane.items():
        members.sort(key=lambda r: (span_of[r.id][0], r.id))
        ends: list[float] = []
        for r in members:
            s, e = span_of[r.id]
            x0 = float(s.toordinal())
            right = float(e.toordinal()) + (len(_label(r, use_title)) + 2) * days_per_char
            free = next((k for k, end in enumerate(ends) if x0 > end), None)
            if free is None:
                ends.append(right)
                free = len(ends) - 1
            else:
                ends[free] = right
            slot[r.id] = free
        lane_rows[li] = max(1, len(ends))

    lanes, height = stack_lanes(lane_ids, lane_rows, styles)

    conflicts = dep.roadmap_conflicts(dated)
    conflict_pairs = {(c.prerequisite, c.dependant) for c in conflicts}
    in_conflict = {n for pair in conflict_pairs for n in pair}
    bars: list[GanttBar] = []
    ypos: dict[str, float] = {}
    for r in dated:
        li = index[dep.forvaltning_of(r, units)]
        s, e = span_of[r.id]
        by = lanes[li].y0 + slot[r.id] + 0.5
        ypos[r.id] = by
        bars.append(GanttBar(
            r.id, _label(r, use_title), r.title, float(s.toordinal()), float(e.toordinal()),
            by, li, lanes[li].colour, lanes[li].shape,
            milestone=not (r.start_date and r.end_date), conflict=r.id in in_conflict,
            mandatory=r.mandatory,
        ))
    bar_of = {b.id: b for b in bars}
    arrows: list[Arrow] = []
    for r in dated:
        for b in r.requires:
            if b not in bar_of:
                continue
            pre, post = bar_of[b], bar_of[r.id]
            bad = (b, r.id) in conflict_pairs
            arrows.append(Arrow(b, r.id, pre.x1, pre.y, post.x0, post.y,
                                palette.FLAG if bad else "#555555",
                                LINE_DASHED if bad else LINE_SOLID, bad))

    bands = []
    for k in range(4):
        year = budget_year + k
        # short names: a year is often under 100 px wide; the axis gives the years
        name = _("Budget") if k == 0 else _("OY{n}").format(n=k)
        if last.year - first.year > 12:  # a year is too narrow for its name: the note says it
            name = ""
        bands.append(Band(year_start(year), year_start(year + 1), 0.0, height,
                          "#E8EEF7" if k % 2 == 0 else "#F4F6FA", name))
    # 1 January of each year; over a long span only the years the axis names
    marked = {t.value for t in axis.ticks}
    rules = [Rule("v", year_start(yr), palette.MUTED, LINE_SOLID)
             for yr in range(first.year + 1, last.year + 1)
             if last.year - first.year <= 12 or year_start(yr) in marked]
    if today is not None:
        rules.append(Rule("v", float(today.toordinal()), palette.INK, LINE_DASHED, _("Today")))

    legend = [LegendEntry(st.name, st.colour, "patch", st.shape)
              for uid, st in styles.items() if uid in index]
    legend += [LegendEntry(_("Dependency"), palette.INK, "line"),
               LegendEntry(_("Roadmap conflict"), palette.FLAG, "line", line=LINE_DASHED)]
    notes = [
        _("{a} starts {days} days before {b} ends").format(
            a=c.dependant, b=c.prerequisite, days=c.overlap_days)
        for c in conflicts
    ]
    notes.append(_("Budget {year} is the budget year; OY1–OY3 the outline years.").format(
        year=budget_year))
    if undated:
        notes.append(_("Without dates, not shown: {ids}").format(ids=", ".join(undated)))
    return RoadmapChart(
        title=title or _("Roadmap"), lanes=tuple(lanes), bars=tuple(bars), arrows=tuple(arrows),
        x_axis=axis, bands=tuple(bands), rules=tuple(rules), legend=tuple(legend),
        notes=tuple(notes), height=height, undated=undated, what_if=what_if,
    )
