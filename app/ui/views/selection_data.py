"""What the recommendation view shows, loaded in one read (no Qt): the scenario's built
selection problem, the rows of its initiatives, the business-case lines for the budget
table, and the value curve. After this, re-solving needs no database."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.models.enums import COMMITTED_PHASES, Objective
from app.services import economics, value_curve
from app.services.charts.ranking import ValueCurveChart, value_curve_chart
from app.services.errors import UserError
from app.services.scenarios import FrameSpec, get_scenario
from app.services.selection import Built, SelectionResult, build_problem
from app.services.snapshots import load_settings
from app.ui.views.selection_model import (
    BLOCKED,
    NO_YEAR,
    NOT_SELECTABLE,
    PENDING,
    SelectionRow,
)

#: points on the value curve
CURVE_STEPS = 20


@dataclass
class SelectionData:
    scenario: str
    scenario_id: int
    is_what_if: bool
    built: Built
    rows: list[SelectionRow]
    years: list[int]
    budget_year: int
    currency: str
    lines: dict[str, list[economics.Line]]
    curve: list[value_curve.CurvePoint] = field(default_factory=list)
    unit_codes: dict[int, str] = field(default_factory=dict)
    # {id: (last year with lines, last year of the NNV horizon)} of the initiatives whose
    # NNV counts years without lines as 0 (economics.npv_horizon_gaps)
    npv_gaps: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def has_budget(self) -> bool:
        """True when the scenario has a frame that is not a per-unit budget."""
        return any(f.unit_id is None for f in self.built.frames)

    def maximum(self, frame: FrameSpec) -> float:
        """The cost (kr.) of everything taking part that ``frame`` would count."""
        data = self.built.data
        return float(sum(data.frame_cost(i, frame) for i in self.built.problem.ids))


def curve_signature(built: Built) -> tuple:
    """What the value curve depends on: everything of the problem but the amounts of the
    frames that are not per unit (the curve replaces those by one total frame)."""
    p = built.problem
    kept = [r for r, (_y, ftype, unit_id) in enumerate(built.row_meta)
            if unit_id is not None or ftype == "capacity"]
    return (tuple(p.ids), p.value.tobytes(), p.fixed_in.tobytes(), p.fixed_out.tobytes(),
            tuple(p.requires), tuple(map(tuple, p.exclusions)),
            tuple((built.row_meta[r], float(p.caps[r]), p.rows[r].tobytes()) for r in kept),
            bool(any(f.unit_id is None for f in built.frames)))


def load_selection(session: Session, scenario: str | None,
                   curve_cache: dict[tuple, list[value_curve.CurvePoint]] | None = None
                   ) -> SelectionData:
    """Build the selection problem of ``scenario`` (None = default) even without a budget,
    with the rows, lines and value curve the view shows. ``curve_cache`` keeps value
    curves by ``curve_signature``, so changing a frame's amount does not recompute it.
    Raises ``UserError`` for an unknown scenario."""
    sc = get_scenario(session, scenario)
    built = build_problem(session, sc, require_budget=False)
    settings = load_settings(session)
    data = built.data
    order = {i: k + 1 for k, i in enumerate(built.rank_order)}
    committed = {p.value for p in COMMITTED_PHASES}
    not_selectable = set(built.not_selectable)
    without_year = set(built.without_year)
    rows = []
    for i in sorted(built.problem.ids, key=lambda x: order.get(x, 0)):
        status, note = PENDING, ""
        if i in built.blocked:
            status, note = BLOCKED, built.blocked[i]
        elif i in without_year:
            status = NO_YEAR
        elif i in not_selectable:
            status = NOT_SELECTABLE
        forced = "in" if i in built.spec.forced_in else "out" if i in built.spec.forced_out else ""
        rows.append(SelectionRow(
            id=i, title=data.title[i], rank=order.get(i, 0), score=built.scores.get(i, 0.0),
            cost=data.total_cost[i], mandatory=bool(data.mandatory[i]),
            committed=data.phase[i] in committed, forced=forced, status=status, note=note))
    out = SelectionData(
        scenario=sc.name, scenario_id=sc.id, is_what_if=bool(sc.is_what_if), built=built,
        rows=rows, years=list(range(settings.budget_year, settings.budget_year + 4)),
        budget_year=settings.budget_year, currency=settings.currency,
        lines=economics.load_lines(session, list(built.problem.ids)),
        unit_codes=dict(data.unit_codes),
        # only the NNV objective's summary names them: no query under the score objective
        npv_gaps=(economics.npv_horizon_gaps(session, list(built.problem.ids))
                  if built.spec.objective == Objective.NPV.value else {}))
    if out.has_budget:
        key = curve_signature(built)
        if curve_cache is not None and key in curve_cache:
            out.curve = curve_cache[key]
            return out
        try:
            out.curve = value_curve.frontier(session, sc, steps=CURVE_STEPS)
        except UserError:
            out.curve = []  # e.g. a capacity limit no budget can meet: no curve, say nothing more
        if curve_cache is not None:
            curve_cache.clear()  # one scenario at a time: keep only the newest
            curve_cache[key] = out.curve
    return out


def curve_chart(data: SelectionData, result: SelectionResult, budget: float) -> ValueCurveChart:
    """The value curve (computed once) with the current frame and recommended portfolio.

    Scores are passed on the engine's 0–1 scale; ``value_curve_chart`` draws them in
    points (0–100 per initiative, summed), the unit the view's tables and texts use.
    The recommended portfolio sits at what it uses of the frames (the
    frames' measure: with yearly frames, the years framed), so it never appears to
    overrun the frame drawn beside it."""
    used = sum(u.used for u in result.frame_use if u.unit_id is None and u.unit == "kr.")
    return value_curve_chart(
        data.curve, currency=data.currency, budget=budget,
        recommended=(used, result.total_score, len(result.selected)),
        what_if=data.is_what_if)
