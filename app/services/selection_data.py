"""Cost data for selection: every initiative's cash cost lines by year and type, its
internal working time (årsværk), phase and mandatory status — loaded in one query per
table (DESIGN §6 ``select``: likely values, cash lines only; internal time counts against
capacity, never the budget)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import BusinessCaseLine, Dependency
from app.models.enums import Flow
from app.services.scenarios import FrameSpec
from app.services.snapshots import InitiativeRow, load_initiatives, load_settings, load_units


@dataclass
class CostData:
    """Plain cost data. ``lines[id]``: (budget year or None, line type, amount kr.) of the
    cash cost lines; ``fte[id]``: (budget year or None, årsværk) of internal time;
    ``total_cost[id]``: Σ cash cost (None = no cash cost lines); ``currency``: the
    portfolio's ISO 4217 currency, the unit of every amount here (kr. for DKK)."""

    ids: list[str]
    title: dict[str, str]
    phase: dict[str, str]
    mandatory: dict[str, bool]
    outside_frame: dict[str, bool]
    lead_unit: dict[str, int | None]
    total_cost: dict[str, float | None]
    yearless_cost: dict[str, bool]
    lines: dict[str, list[tuple[int | None, str, float]]]
    fte: dict[str, list[tuple[int | None, float]]]
    requires: list[tuple[str, str]]
    unit_codes: dict[int, str]
    unit_ancestors: dict[int, set[int]]  # unit → itself and every unit above it
    budget_year: int
    currency: str = "DKK"
    _cache: dict[tuple, float] = field(default_factory=dict)

    def frame_cost(self, iid: str, frame: FrameSpec) -> float:
        """Cash cost (kr.) of an initiative that a frame counts: all years (``year``
        None) or one budget year; all lines (``total``) or anlæg / drift (a line not
        split into anlæg and drift, type "", counts against both); for a per-unit
        frame only when the lead unit is that unit or below it."""
        if frame.unit_id is not None:
            lead = self.lead_unit[iid]
            if lead is None or frame.unit_id not in self.unit_ancestors.get(lead, {lead}):
                return 0.0
        total = 0.0
        for year, line_type, amount in self.lines.get(iid, []):
            if frame.year is not None and year != frame.year:
                continue
            # a cost not split into anlæg/drift (line type "") may be either: it counts
            # against a frame of each type, so an unknown split never slips past a frame
            if frame.frame_type != "total" and line_type not in (frame.frame_type, ""):
                continue
            total += amount
        return total

    def covered_cost(self, iid: str, frames: list[FrameSpec]) -> float:
        """Cash cost (kr.) of an initiative that the budget frames hold: the sum of its
        cash cost lines that at least one of ``frames`` counts (``frame_cost``), each line
        once however many frames count it. Frames without a unit are used when there are
        any (per-unit frames only count what the main frames already hold), else the
        per-unit frames. With one total frame this is the initiative's total cost; with
        yearly frames, its cost in the framed years (and types). Lines of years no frame
        names are not held by the frames. A mandatory item financed outside the frame is
        not held (0). ``frames`` empty gives 0."""
        if self.mandatory.get(iid) and self.outside_frame.get(iid):
            return 0.0
        main = [f for f in frames if f.unit_id is None] or list(frames)
        if not main:
            return 0.0
        lead = self.lead_unit.get(iid)
        above = self.unit_ancestors.get(lead, {lead}) if lead is not None else set()
        usable = [f for f in main if f.unit_id is None or f.unit_id in above]
        total = 0.0
        for year, line_type, amount in self.lines.get(iid, []):
            if any((f.year is None or f.year == year)
                   and (f.frame_type == "total" or line_type in (f.frame_type, ""))
                   for f in usable):
                total += amount
        return total

    def cost_years(self, ids: list[str]) -> list[int]:
        """The budget years in which any of ``ids`` has a cash cost line (lines without a
        year left out), ascending."""
        return sorted({y for i in ids for y, _t, _a in self.lines.get(i, []) if y is not None})

    def fte_in_year(self, iid: str, year: int) -> float:
        """Årsværk of internal time in a budget year (lines without a year count in the
        portfolio's budget year)."""
        return sum(f for y, f in self.fte.get(iid, [])
                   if (y if y is not None else self.budget_year) == year)

    def fte_years(self, ids: list[str]) -> list[int]:
        """The budget years in which any of ``ids`` uses internal time."""
        years = {y if y is not None else self.budget_year
                 for i in ids for y, f in self.fte.get(i, []) if f}
        return sorted(years)


def load_cost_data(session: Session, rows: list[InitiativeRow] | None = None) -> CostData:
    """Load ``CostData`` for every initiative of the portfolio (``rows``: the
    ``snapshots.load_initiatives`` result if already loaded)."""
    if rows is None:
        rows = load_initiatives(session)
    units = load_units(session)
    ancestors: dict[int, set[int]] = {}
    for uid, u in units.items():
        chain, cur = {uid}, u.parent_id
        while cur is not None and cur not in chain and cur in units:
            chain.add(cur)
            cur = units[cur].parent_id
        ancestors[uid] = chain
    lines: dict[str, list[tuple[int | None, str, float]]] = defaultdict(list)
    fte: dict[str, list[tuple[int | None, float]]] = defaultdict(list)
    for iid, flow, year, line_type, amount, cash, line_fte in session.execute(
        select(BusinessCaseLine.initiative_id, BusinessCaseLine.flow,
               BusinessCaseLine.budget_year, BusinessCaseLine.line_type,
               BusinessCaseLine.amount, BusinessCaseLine.cash, BusinessCaseLine.fte)
    ):
        if line_fte:
            fte[iid].append((year, float(line_fte)))
        if flow == Flow.COST.value and cash:
            lines[iid].append((year, line_type, float(amount)))
    requires = [(a, b) for a, b in session.execute(
        select(Dependency.initiative_id, Dependency.requires_id)
        .order_by(Dependency.initiative_id, Dependency.requires_id))]
    settings = load_settings(session)
    return CostData(
        ids=[r.id for r in rows], title={r.id: r.title for r in rows},
        phase={r.id: r.phase for r in rows}, mandatory={r.id: r.mandatory for r in rows},
        outside_frame={r.id: r.outside_frame for r in rows},
        lead_unit={r.id: r.lead_unit_id for r in rows},
        total_cost={r.id: r.total_cost for r in rows},
        yearless_cost={r.id: any(y is None for y, _t, _a in lines.get(r.id, [])) for r in rows},
        lines=dict(lines), fte=dict(fte), requires=requires,
        unit_codes={uid: u.code for uid, u in units.items()}, unit_ancestors=ancestors,
        budget_year=settings.budget_year, currency=settings.currency,
    )
