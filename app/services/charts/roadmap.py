"""(c) The roadmap: a Gantt chart by forvaltning with dependency arrows and budget years.

x is the calendar in day numbers (``date.toordinal()``); y counts rows from the top, each
forvaltning a lane (``lanes.Lane``, as in the dependency chart) whose bars are packed
into rows so neither bars nor their labels (printed right of the bar's end) overlap at
the nominal layout of 1280 px across. Arrows run from a prerequisite's end to its dependant's start;
an arrow whose dependant starts before the prerequisite ends is a roadmap conflict,
drawn vermillion and dashed and listed in the notes. The budget year and the three
overslagsår are shaded bands with their names; every 1 January has a rule.

The legend names each forvaltning with its colour and shape (the shape also marks each
bar's start and the lane's name), so the colour is never the only key. A slide, which
can name only a few lanes, passes the chart through ``group_lanes`` (the forvaltninger
leading the most bars keep their lanes, the rest share one lane "Other units" in grey,
each bar's label then starting with its forvaltning's code); a drawer gives lanes too
thin for their names more height with ``pad_lanes`` (``lanes.min_lane_rows``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from app.services import dependencies as dep
from app.services.charts import palette
from app.services.charts.lanes import (
    Lane, lane_units, lanes_to_group, min_lane_rows, other_units_key, padded, stack_lanes,
)
from app.services.charts.model import (
    CIRCLE, LINE_DASHED, LINE_SOLID, Axis, Band, LegendEntry, Rule, Tick,
)
from app.services.charts.ticks import date_axis, year_start
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, UnitInfo

#: Characters of label type that fit across the plot (about 600 px of plot at 12 px type,
#: the main window at 1280×720); a drawer with room for more may pass its own.
NOMINAL_CHARS = 85
#: Up to this many initiatives, bars are labelled with a shortened title, else the id.
TITLE_LABEL_LIMIT = 40
#: The most lanes a roadmap slide shows (``group_lanes``): six forvaltninger keep the six
#: first Okabe–Ito colours apart in most portfolios, the seventh lane is "Other units";
#: at 1280×720 with 24 px type each lane then keeps its name beside the bars.
SLIDE_LANES = 7


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
    #: the label the packing counted on (the short form: ``widen_labels`` may lengthen
    #: ``label`` into the room up to the next bar of its row or the axis end)
    packed_label: str = ""


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
    #: days of calendar per label character in the packing (a bar's label reaches
    #: ``x1 + (len(label) + 2) * label_days``); ``group_lanes`` packs again with it
    label_days: float = 0.0
    #: one name for the run of shaded bands ("Budget 2027, OY1–OY3"), for a drawer to
    #: print over them when a year is too narrow for each band's own name
    bands_label: str = ""


def _label(r: InitiativeRow, use_title: bool) -> str:
    if not use_title:
        return r.id
    return shorten(r.title, 28)


def shorten(text: str, chars: int) -> str:
    """``text`` cut to at most ``chars`` characters, an ellipsis marking a cut."""
    if len(text) <= chars:
        return text
    return text[: max(1, chars - 1)].rstrip() + "…"


def year_ticks(first: date, last: date, year_chars: float) -> tuple[Tick, ...]:
    """Ticks on 1 January every 1, 2 or 5 years (then 10), the smallest step whose ticks
    stand at least six label characters apart (a year "2028" and the air between two),
    on the multiples of the step from ``first`` to ``last``; ``year_chars``: label
    characters per calendar year on the plot."""
    step = next((k for k in (1, 2, 5) if k * year_chars >= 6), 10)
    y = -(-first.year // step) * step
    out = []
    while y <= last.year:
        if first <= date(y, 1, 1) <= last:
            out.append(Tick(year_start(y), str(y)))
        y += step
    return tuple(out)


def widen_labels(bars: Sequence[GanttBar], right: float, label_days: float,
                 full: Callable[[GanttBar], str | None]) -> tuple[GanttBar, ...]:
    """``bars`` with each title label lengthened (up to ``full(bar)``, shortened with an
    ellipsis) into the room the packing left it: up to the start of the next bar on its
    row, or ``right`` (the axis end), less the two characters of air the packing keeps
    (a label of ``n`` characters reaches ``x1 + (n + 2) · label_days``). A label is never made shorter; a bar whose ``full`` is None (labelled by
    id) keeps its label."""
    nxt: dict[str, float] = {}
    by_row: dict[float, list[GanttBar]] = defaultdict(list)
    for b in bars:
        by_row[b.y].append(b)
    for row in by_row.values():
        row.sort(key=lambda b: b.x0)
        for a, b in zip(row, row[1:]):
            nxt[a.id] = b.x0
    out = []
    for b in bars:
        whole = full(b)
        if whole is None or label_days <= 0:
            out.append(b)
            continue
        room = int((nxt.get(b.id, right) - b.x1) / label_days - 1e-9) - 2
        text = shorten(whole, room) if room > len(b.label) else b.label
        out.append(replace(b, label=text))
    return tuple(out)


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
    # a year's tick ("2028") and the air between two take about six characters
    axis = date_axis(_("Date"), first, last, max_ticks=max(2, calendar_chars // 6))
    ticks = axis.ticks
    if all("/" not in t.label for t in ticks):  # whole years: one every 1, 2 or 5
        ticks = year_ticks(first, last, 365.25 / days_per_char)
    axis = Axis(axis.title, axis.lo, axis.hi + longest * days_per_char, ticks)

    lane_ids = lane_units(dated, units, styles)
    index = {u: i for i, u in enumerate(lane_ids)}
    by_lane: dict[int, list[InitiativeRow]] = defaultdict(list)
    for r in dated:
        by_lane[index[dep.forvaltning_of(r, units)]].append(r)

    slot: dict[str, int] = {}
    lane_rows: dict[int, int] = {}
    for li, members in by_lane.items():
        members.sort(key=lambda r: (span_of[r.id][0], r.id))
        spans = [(r.id, float(span_of[r.id][0].toordinal()), float(span_of[r.id][1].toordinal())
                  + (len(_label(r, use_title)) + 2) * days_per_char) for r in members]
        lane_rows[li] = _pack(spans, slot)

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
            mandatory=r.mandatory, packed_label=_label(r, use_title),
        ))
    bars = list(widen_labels(bars, axis.hi, days_per_char,
                             lambda b: b.title if use_title else None))
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
        # short names: a year is often under 100 px wide; the budget year named with its
        # year, as the run's name and the note name it, on screen and in the bilag alike
        # (a drawer prints ``bands_label`` over the run instead when a year is too narrow)
        name = _("Budget {year}").format(year=year) if k == 0 else _("OY{n}").format(n=k)
        bands.append(Band(year_start(year), year_start(year + 1), 0.0, height,
                          "#E8EEF7" if k % 2 == 0 else "#F4F6FA", name))
    # 1 January of each year; over a long span only the years the axis names
    marked = {t.value for t in axis.ticks}
    rules = [Rule("v", year_start(yr), palette.MUTED, LINE_SOLID)
             for yr in range(first.year + 1, last.year + 1)
             if last.year - first.year <= 12 or year_start(yr) in marked]
    if today is not None:
        rules.append(Rule("v", float(today.toordinal()), palette.INK, LINE_DASHED, _("Today")))

    # colour and shape: with more than seven forvaltninger the colours repeat, the pairs not
    legend = [LegendEntry(st.name, st.colour, "marker", st.shape)
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
        label_days=days_per_char,
        bands_label=_("Budget {year}, OY1–OY3").format(year=budget_year),
    )


def _pack(spans: Iterable[tuple[str, float, float]], slot: dict[str, int]) -> int:
    """Put each (id, x0, right end of its label) of one lane, in the order given (by
    start), on the first row free before x0; writes ``slot[id]`` and returns the rows."""
    ends: list[float] = []
    for ident, x0, right in spans:
        free = next((k for k, end in enumerate(ends) if x0 > end), None)
        if free is None:
            ends.append(right)
            free = len(ends) - 1
        else:
            ends[free] = right
        slot[ident] = free
    return max(1, len(ends))


def _moved_arrows(arrows: Iterable[Arrow], y_of: Mapping[str, float]) -> tuple[Arrow, ...]:
    return tuple(replace(a, y0=y_of[a.prerequisite], y1=y_of[a.dependant]) for a in arrows)


def group_lanes(chart: RoadmapChart, max_lanes: int = SLIDE_LANES) -> RoadmapChart:
    """``chart`` with at most ``max_lanes`` lanes (unchanged when it has no more).

    The forvaltninger leading the most bars keep their lanes, in their order (ties: the
    palette's order); the others share one lane "Other units" (``Lane.members`` = their
    ids; code "Others") below them, its bars grey (``palette.OTHER``) and labelled
    "CODE: label" so that each still names its forvaltning; the lane "No lead unit"
    stays, last. The lanes are packed again (``label_days``), arrows follow their bars,
    and the legend keeps the kept forvaltninger and gains "Other units: CODE, CODE, …"
    (with many codes "Other units", the codes then in the first note: ``other_units_key``).
    ``max_lanes`` counts every lane, at least 2 (one kept forvaltning and the group).
    """
    plan = lanes_to_group(chart.lanes, Counter(b.lane for b in chart.bars), max_lanes)
    if plan is None:
        return chart
    kept, grouped, rest = plan
    code_of = {i: chart.lanes[i].code or chart.lanes[i].label for i in grouped}
    old_of_new: list[list[int]] = [[i] for i in kept] + [grouped] + [[i] for i in rest]
    new_index = {old: k for k, olds in enumerate(old_of_new) for old in olds}
    other = len(kept)
    members: dict[int, list[GanttBar]] = defaultdict(list)
    prefix = {b.id: f"{code_of[b.lane]}: " if b.lane in code_of else "" for b in chart.bars}
    for b in chart.bars:
        short = b.packed_label or b.label
        b = replace(b, label=prefix[b.id] + short, packed_label=prefix[b.id] + short)
        if b.lane in code_of:
            b = replace(b, colour=palette.OTHER, shape=CIRCLE)
        members[new_index[b.lane]].append(b)
    slot: dict[str, int] = {}
    rows: dict[int, int] = {}
    for k, bars in members.items():
        bars.sort(key=lambda b: (b.x0, b.id))
        rows[k] = _pack(((b.id, b.x0, b.x1 + (len(b.label) + 2) * chart.label_days)
                         for b in bars), slot)
    lanes: list[Lane] = []
    y = 0.0
    for k, olds in enumerate(old_of_new):
        height = float(rows.get(k, 1))
        if k == other:
            lanes.append(Lane(None, _("Other units"), palette.OTHER, CIRCLE, y, y + height,
                              _("Others"), tuple(int(chart.lanes[i].unit_id or 0) for i in grouped)))
        else:
            lanes.append(replace(chart.lanes[olds[0]], y0=y, y1=y + height))
        y += height
    bars_out = tuple(replace(b, lane=k, y=lanes[k].y0 + slot[b.id] + 0.5)
                     for k in range(len(lanes)) for b in members.get(k, []))
    y_of = {b.id: b.y for b in bars_out}
    # a "CODE: " before a label lengthens it: the axis still reaches the last label's end
    reach = max((b.x1 + (len(b.label) + 2) * chart.label_days for b in bars_out),
                default=chart.x_axis.hi)
    axis = replace(chart.x_axis, hi=max(chart.x_axis.hi, reach))
    bars_out = widen_labels(bars_out, axis.hi, chart.label_days,
                            lambda b: None if b.packed_label == prefix[b.id] + b.id
                            else prefix[b.id] + b.title)
    grouped_names = {chart.lanes[i].label for i in grouped}
    key, codes_note = other_units_key([code_of[i] for i in grouped])
    other_entry = LegendEntry(key, palette.OTHER, "marker", CIRCLE)
    legend = [e for e in chart.legend if e.kind != "line" and e.label not in grouped_names]
    legend += [other_entry, *(e for e in chart.legend if e.kind == "line")]
    return replace(
        chart, lanes=tuple(lanes), bars=bars_out, arrows=_moved_arrows(chart.arrows, y_of),
        bands=tuple(replace(band, y1=y) for band in chart.bands), legend=tuple(legend),
        height=y, x_axis=axis, notes=(*([codes_note] if codes_note else []), *chart.notes))


def pad_lanes(chart: RoadmapChart, min_rows: float) -> RoadmapChart:
    """``chart`` with every lane at least ``min_rows`` rows high (unchanged when all are):
    a padded lane keeps its bars in its middle; the lanes below, their bars and arrows
    move down, and the bands reach the new height (``lanes.padded``). A drawer picks
    ``min_rows`` with ``lanes.min_lane_rows`` so that every lane is tall enough for its
    name."""
    if not chart.lanes or min(lane.y1 - lane.y0 for lane in chart.lanes) >= min_rows:
        return chart
    lanes, move, y = padded(chart.lanes, min_rows)
    bars = tuple(replace(b, y=move(b.y)) for b in chart.bars)
    y_of = {b.id: b.y for b in bars}
    return replace(chart, lanes=lanes, bars=bars,
                   arrows=_moved_arrows(chart.arrows, y_of),
                   bands=tuple(replace(band, y1=y) for band in chart.bands), height=y)


def rows_fit(chart: RoadmapChart, room_px: float, row_px: float, lane_px: float) -> bool:
    """Whether ``chart`` fits a plot ``room_px`` pixels high (below its header) with every
    row at least ``row_px`` high — a bar's label needs a line of its type — once its
    lanes are padded (``pad_lanes``) so that each is at least ``lane_px`` high for its
    name (``lanes.min_lane_rows``). False when no padding lets the names fit."""
    heights = [lane.y1 - lane.y0 for lane in chart.lanes]
    if not heights:
        return True
    if room_px <= 0:
        return False
    m = min_lane_rows(heights, lane_px / room_px)
    if m is None:
        return False
    return sum(max(h, m) for h in heights) * row_px <= room_px
