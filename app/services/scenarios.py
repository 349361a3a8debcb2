"""Scenarios: named weights, budget frames, objective and forced choices (DESIGN §3, §7).

A portfolio has one default scenario ("Standard"); a what-if is a scenario with
``is_what_if`` set (made by ``weights.make_what_if``). ``compare`` lays two scenarios side
by side: rank changes, portfolio differences and budget differences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import BudgetFrame, ExclusionGroup, ExclusionMember, Scenario, ScenarioForce
from app.models.enums import ForceMode, FrameType, Objective
from app.services.errors import UserError
from app.services.i18n import _


def list_scenarios(session: Session) -> list[Scenario]:
    """All scenarios: the default first, then by name."""
    rows = list(session.scalars(select(Scenario).order_by(Scenario.name)))
    return sorted(rows, key=lambda s: (not s.is_default, s.name))


def get_scenario(session: Session, scenario: str | Scenario | None) -> Scenario:
    """A scenario by name (or the object itself); None → the default scenario.

    Raises ``UserError`` (CLI exit 2) for an unknown name, listing the known ones, and when
    the portfolio has no scenario at all.
    """
    if isinstance(scenario, Scenario):
        return scenario
    if scenario is None:
        sc = session.scalars(select(Scenario).where(Scenario.is_default.is_(True))
                             .order_by(Scenario.id)).first()
        if sc is None:
            sc = session.scalars(select(Scenario).order_by(Scenario.id)).first()
        if sc is None:
            raise UserError(_("The portfolio has no scenario"))
        return sc
    sc = session.scalars(select(Scenario).where(Scenario.name == scenario)).first()
    if sc is None:
        known = ", ".join(s.name for s in list_scenarios(session))
        raise UserError(_("Unknown scenario: {name} (known: {known})").format(
            name=scenario, known=known))
    return sc


@dataclass(frozen=True)
class FrameSpec:
    """A budget frame in kr.: ``year`` None = a total over all years; ``frame_type`` total,
    anlaeg or drift; ``unit_id`` set = a per-unit budget (the unit and its sub-units)."""

    amount: float
    year: int | None = None
    frame_type: str = FrameType.TOTAL.value
    unit_id: int | None = None


@dataclass
class ScenarioSpec:
    """A scenario as plain data (what selection needs)."""

    name: str
    objective: str = Objective.SCORE.value
    frames: list[FrameSpec] = field(default_factory=list)
    forced_in: set[str] = field(default_factory=set)
    forced_out: set[str] = field(default_factory=set)
    exclusions: list[list[str]] = field(default_factory=list)
    capacity_fte: float | None = None
    is_what_if: bool = False
    weight_set_id: int | None = None


def spec_of(sc: Scenario) -> ScenarioSpec:
    """Plain data of a scenario row."""
    return ScenarioSpec(
        name=sc.name, objective=sc.objective or Objective.SCORE.value,
        frames=[FrameSpec(amount=float(f.amount), year=f.budget_year,
                          frame_type=f.frame_type or FrameType.TOTAL.value, unit_id=f.unit_id)
                for f in sc.frames],
        forced_in={f.initiative_id for f in sc.forces if f.mode == ForceMode.IN.value},
        forced_out={f.initiative_id for f in sc.forces if f.mode == ForceMode.OUT.value},
        exclusions=[[m.initiative_id for m in g.members] for g in sc.exclusion_groups],
        capacity_fte=sc.capacity_fte, is_what_if=bool(sc.is_what_if),
        weight_set_id=sc.weight_set_id,
    )


def create_scenario(
    session: Session, name: str, *, objective: str = Objective.SCORE.value,
    frames: list[FrameSpec] | None = None, forced_in: list[str] | None = None,
    forced_out: list[str] | None = None, exclusions: dict[str, list[str]] | None = None,
    capacity_fte: float | None = None, weight_set_id: int | None = None,
    description: str = "", is_what_if: bool = False,
) -> Scenario:
    """Create a named scenario. Raises ``UserError`` for a taken name, a bad objective, a
    negative frame, or an initiative both forced in and out."""
    name = name.strip()
    if not name:
        raise UserError(_("A scenario needs a name"))
    if session.scalars(select(Scenario).where(Scenario.name == name)).first() is not None:
        raise UserError(_("A scenario named '{name}' already exists").format(name=name))
    if objective not in {o.value for o in Objective}:
        raise UserError(_("Unknown objective: {objective}").format(objective=objective))
    both = set(forced_in or []) & set(forced_out or [])
    if both:
        raise UserError(_("Forced both in and out: {ids}").format(ids=", ".join(sorted(both))))
    for f in frames or []:
        if f.amount < 0:
            raise UserError(_("A budget frame cannot be negative ({amount})").format(amount=f.amount))
    sc = Scenario(name=name, objective=objective, capacity_fte=capacity_fte,
                  weight_set_id=weight_set_id, description=description, is_what_if=is_what_if,
                  created_by=str(session.info.get("user") or ""))
    sc.frames = [BudgetFrame(budget_year=f.year, frame_type=f.frame_type, unit_id=f.unit_id,
                             amount=f.amount) for f in frames or []]
    sc.forces = ([ScenarioForce(initiative_id=i, mode=ForceMode.IN.value) for i in forced_in or []]
                 + [ScenarioForce(initiative_id=i, mode=ForceMode.OUT.value)
                    for i in forced_out or []])
    sc.exclusion_groups = [
        ExclusionGroup(name=g, members=[ExclusionMember(initiative_id=i) for i in ids])
        for g, ids in (exclusions or {}).items()
    ]
    session.add(sc)
    session.flush()
    return sc


def _scenario_by_id(session: Session, scenario_id: int) -> Scenario:
    sc = session.get(Scenario, scenario_id)
    if sc is None:
        raise UserError(_("Unknown scenario: {name}").format(name=scenario_id))
    return sc


def set_frames(session: Session, scenario_id: int, frames: list[FrameSpec]) -> list[FrameSpec]:
    """Replace a scenario's budget frames (kr.); returns the old ones (for undo).
    Raises ``UserError`` for an unknown scenario or a negative amount."""
    sc = _scenario_by_id(session, scenario_id)
    for f in frames:
        if f.amount < 0:
            raise UserError(_("A budget frame cannot be negative ({amount})").format(amount=f.amount))
    old = spec_of(sc).frames
    sc.frames.clear()
    session.flush()
    sc.frames.extend(BudgetFrame(budget_year=f.year, frame_type=f.frame_type, unit_id=f.unit_id,
                                 amount=f.amount) for f in frames)
    session.flush()
    return old


def set_force(session: Session, scenario_id: int, initiative_id: str,
              mode: str | None) -> str | None:
    """Force an initiative in ("in") or out ("out") of a scenario, or release it (None);
    returns the old mode (for undo). Raises ``UserError`` for a bad mode or scenario."""
    if mode not in (None, ForceMode.IN.value, ForceMode.OUT.value):
        raise UserError(_("Unknown force mode: {mode}").format(mode=mode))
    sc = _scenario_by_id(session, scenario_id)
    current = next((f for f in sc.forces if f.initiative_id == initiative_id), None)
    old = current.mode if current is not None else None
    if current is not None and mode is None:
        sc.forces.remove(current)
    elif current is not None:
        current.mode = mode
    elif mode is not None:
        sc.forces.append(ScenarioForce(initiative_id=initiative_id, mode=mode))
    session.flush()
    return old


def set_objective(session: Session, scenario_id: int, objective: str) -> str:
    """Set a scenario's objective ("score" or "npv"); returns the old one (for undo)."""
    if objective not in {o.value for o in Objective}:
        raise UserError(_("Unknown objective: {objective}").format(objective=objective))
    sc = _scenario_by_id(session, scenario_id)
    old = sc.objective
    sc.objective = objective
    session.flush()
    return old


def delete_scenario(session: Session, scenario_id: int) -> None:
    """Delete a scenario, and its weight set when that is a what-if set used by no other
    scenario. Refuses (``UserError``) the default scenario."""
    from app.models import WeightSet
    from app.models.enums import WeightStatus

    sc = _scenario_by_id(session, scenario_id)
    if sc.is_default:
        raise UserError(_("The default scenario '{name}' cannot be deleted").format(name=sc.name))
    ws_id = sc.weight_set_id
    session.delete(sc)
    session.flush()
    if ws_id is not None:
        ws = session.get(WeightSet, ws_id)
        used = session.scalars(select(Scenario).where(Scenario.weight_set_id == ws_id)).first()
        if ws is not None and ws.status == WeightStatus.WHAT_IF.value and used is None:
            session.delete(ws)
            session.flush()


@dataclass(frozen=True)
class RankChange:
    id: str
    title: str
    rank_a: int
    rank_b: int
    score_a: float
    score_b: float

    @property
    def moved(self) -> int:
        """Places moved up (positive) from scenario A to B."""
        return self.rank_a - self.rank_b


@dataclass(frozen=True)
class ScenarioComparison:
    """Two scenarios side by side. ``only_a``/``only_b``: ids selected in one recommended
    portfolio only (None when a scenario has no budget); ``budget_a``/``budget_b``: frame
    use by frame name in kr."""

    a: str
    b: str
    rank_changes: list[RankChange]
    only_a: list[str] | None
    only_b: list[str] | None
    total_score_a: float | None
    total_score_b: float | None
    total_cost_a: float | None
    total_cost_b: float | None
    budget_a: dict[str, float]
    budget_b: dict[str, float]


def compare(session: Session, a: str | None, b: str | None) -> ScenarioComparison:
    """Compare two scenarios (names; None = default): every initiative's rank in both, the
    difference between their recommended portfolios, and their frames' use.

    A scenario without budget frames has no recommended portfolio (``only_*`` None).
    Raises ``UserError`` for an unknown name or an infeasible selection.
    """
    from app.services.scoring import rank
    from app.services.selection import NoBudgetError, select_portfolio

    ra, rb = rank(session, a), rank(session, b)
    rows_b = rb.by_id()
    changes = [
        RankChange(r.id, r.title, r.rank, rows_b[r.id].rank, r.score, rows_b[r.id].score)
        for r in ra.rows if r.id in rows_b
    ]
    results = []
    for name in (a, b):
        try:
            results.append(select_portfolio(session, scenario=name, with_price=False))
        except NoBudgetError:
            results.append(None)
    sa, sb = results
    only_a = only_b = None
    if sa is not None and sb is not None:
        only_a = sorted(set(sa.selected) - set(sb.selected))
        only_b = sorted(set(sb.selected) - set(sa.selected))
    elif sa is not None:
        only_a, only_b = sorted(sa.selected), []
    elif sb is not None:
        only_a, only_b = [], sorted(sb.selected)
    return ScenarioComparison(
        a=ra.scenario, b=rb.scenario, rank_changes=changes, only_a=only_a, only_b=only_b,
        total_score_a=sa.total_score if sa else None, total_score_b=sb.total_score if sb else None,
        total_cost_a=sa.total_cost if sa else None, total_cost_b=sb.total_cost if sb else None,
        budget_a={u.name: u.used for u in sa.frame_use} if sa else {},
        budget_b={u.name: u.used for u in sb.frame_use} if sb else {},
    )
