"""Scenarios: named weights, budget frames, objective and forced choices (DESIGN §3, §7).

A portfolio has one default scenario ("Standard"); a what-if is a scenario with
``is_what_if`` set (made by ``weights.make_what_if``). ``compare`` lays two scenarios side
by side: rank changes, portfolio differences and budget differences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import BudgetFrame, ExclusionGroup, ExclusionMember, Scenario, ScenarioForce
from app.models.enums import ForceMode, FrameType, Objective
from app.services.errors import UserError
from app.services.formatting import finite_number, format_amount
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
    """Create a named scenario. Raises ``UserError`` (nothing stored) for a taken name, a
    bad objective, a frame that is negative or not a number or names an unknown unit or
    frame type (``_check_frames``), an initiative both forced in and out, an unknown
    initiative forced or in an exclusion group, or a capacity that is not a number ≥ 0."""
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
    _check_frames(session, frames or [])
    _check_initiatives(session, [*(forced_in or []), *(forced_out or [])], name)
    for group, ids in (exclusions or {}).items():
        _check_initiatives(session, ids, name, group)
    fte = finite_number(capacity_fte)
    if capacity_fte is not None and (fte is None or fte < 0):
        raise UserError(_("The capacity of scenario '{name}' must be a number of full-time "
                          "equivalents of 0 or more").format(name=name))
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


def _check_frames(session: Session, frames: list[FrameSpec]) -> None:
    """Refuse (``UserError`` naming the frame as the papers do, e.g. "2027 anlæg") a frame
    whose amount is negative or not a finite number (NaN, infinity), whose type is not
    total/anlaeg/drift, or whose unit does not exist."""
    from app.models import OrgUnit
    from app.services import labels
    from app.services.snapshots import load_settings

    types = {t.value for t in FrameType}
    for f in frames:
        unit = session.get(OrgUnit, f.unit_id) if f.unit_id is not None else None
        if f.unit_id is not None and unit is None:
            raise UserError(_("A budget frame names an unknown organisational unit: {id}").format(
                id=f.unit_id))
        if f.frame_type not in types:
            raise UserError(_("Unknown budget frame type: {type}").format(type=f.frame_type))
        name = labels.frame(f.year, f.frame_type, unit.code if unit is not None else None)
        amount = finite_number(f.amount)
        if amount is None:
            raise UserError(_("The budget frame {frame} is not an amount: give an amount of 0 "
                              "or more").format(frame=name))
        if amount < 0:
            raise UserError(_("The budget frame {frame} cannot be negative ({amount})").format(
                frame=name, amount=format_amount(amount, load_settings(session).currency)))


def _check_initiatives(session: Session, ids: list[str], scenario: str,
                       group: str | None = None) -> None:
    """Refuse (``UserError`` naming the ids and the scenario) initiatives that do not
    exist, forced in or out of ``scenario`` or members of its exclusion ``group``."""
    from app.models import Initiative

    wanted = sorted(set(ids))
    if not wanted:
        return
    known = set(session.scalars(select(Initiative.id).where(Initiative.id.in_(wanted))))
    unknown = [i for i in wanted if i not in known]
    if not unknown:
        return
    if group is None:
        raise UserError(_("Scenario '{scenario}': no initiative has the id {ids}, so it cannot "
                          "be forced in or out").format(scenario=scenario, ids=", ".join(unknown)))
    raise UserError(_("Scenario '{scenario}': the exclusion group '{group}' names unknown "
                      "initiatives: {ids}").format(scenario=scenario, group=group,
                                                   ids=", ".join(unknown)))


def set_frames(session: Session, scenario_id: int, frames: list[FrameSpec]) -> list[FrameSpec]:
    """Replace a scenario's budget frames (kr.); returns the old ones (for undo).
    Raises ``UserError`` (nothing changed) for an unknown scenario or a frame refused by
    ``_check_frames`` (negative, not a number, unknown unit or type)."""
    sc = _scenario_by_id(session, scenario_id)
    _check_frames(session, frames)
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
    returns the old mode (for undo). Raises ``UserError`` for a bad mode or scenario, or
    an id no initiative has (nothing changed)."""
    if mode not in (None, ForceMode.IN.value, ForceMode.OUT.value):
        raise UserError(_("Unknown force mode: {mode}").format(mode=mode))
    sc = _scenario_by_id(session, scenario_id)
    if mode is not None:
        _check_initiatives(session, [initiative_id], sc.name)
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
    """One initiative's rank (1..n) and total score (0..1) under scenario A and B."""

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
class PortfolioDifference:
    """An initiative in one scenario's recommended portfolio only: ``score`` its total
    score (0..1) in that scenario, ``total_cost`` its undiscounted cash cost (kr., all
    years; None without cost lines)."""

    id: str
    title: str
    score: float
    total_cost: float | None


@dataclass(frozen=True)
class BudgetDifference:
    """One budget frame (or capacity row) of either scenario. ``name`` the engine's
    ("budget 2027 anlæg", DESIGN §6 ``binding``); ``unit`` "kr." or "årsværk";
    ``cap_*`` the frame's amount in that scenario (None: the scenario has no such frame);
    ``used_*`` what its recommended portfolio uses of it (None: no portfolio)."""

    name: str
    year: int | None
    frame_type: str
    unit_id: int | None
    unit: str
    cap_a: float | None
    cap_b: float | None
    used_a: float | None
    used_b: float | None

    @property
    def difference(self) -> float | None:
        """B's frame minus A's; None when either scenario has no such frame."""
        if self.cap_a is None or self.cap_b is None:
            return None
        return self.cap_b - self.cap_a


def frame_title(row: BudgetDifference, units: dict[int, str]) -> str:
    """A compared frame as the papers name it ("2027 anlæg", "Kapacitet 2027 (årsværk)");
    ``units``: unit id → code for per-unit frames."""
    from app.services import labels

    ftype = "capacity" if row.unit != "kr." else row.frame_type
    return labels.frame(row.year, ftype, units.get(row.unit_id) if row.unit_id else None)


def frame_amount(value: float | None, unit: str) -> str:
    """A compared frame's amount or use: in thousands for "kr." rows ("12.700"), årsværk
    with two decimals, "–" for None (no such frame, or no portfolio)."""
    from app.services.formatting import format_number, format_thousands

    if value is None:
        return "–"
    return format_thousands(value) if unit == "kr." else format_number(value, 2)


def frame_difference(value: float | None, unit: str) -> str:
    """A difference B − A with its sign ("+1.200", "-300", "0"; "–" for None): a sign, no
    judgement — more budget is neither good nor bad."""
    text = frame_amount(value, unit)
    return "+" + text if value is not None and value > 0 and text.strip("0,.") else text


@dataclass(frozen=True)
class ScenarioComparison:
    """Two scenarios side by side.

    ``rank_changes``: every initiative, biggest movers first (then by rank in B);
    ``only_a``/``only_b``: ids in one recommended portfolio only, in rank order (None when
    either scenario has no portfolio: no budget frames, or refused — see ``message_*``);
    ``only_a_rows``/``only_b_rows`` the same with title, score and cost (empty when None);
    ``budget_a``/``budget_b``: frame use by the engine's frame name in kr. (empty without a
    portfolio); ``budget_rows``: every frame of either scenario with both amounts and
    uses; ``no_budget_*``: the scenario has no budget frame; ``message_*``: why it has no
    recommended portfolio (no budget, infeasible, no NNV), None when it has one."""

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
    what_if_a: bool = False
    what_if_b: bool = False
    objective_a: str = Objective.SCORE.value
    objective_b: str = Objective.SCORE.value
    no_budget_a: bool = False
    no_budget_b: bool = False
    message_a: str | None = None
    message_b: str | None = None
    only_a_rows: list[PortfolioDifference] = field(default_factory=list)
    only_b_rows: list[PortfolioDifference] = field(default_factory=list)
    budget_rows: list[BudgetDifference] = field(default_factory=list)
    currency: str = "DKK"

    @property
    def moved(self) -> list[RankChange]:
        """The initiatives whose rank differs, biggest movers first."""
        return [r for r in self.rank_changes if r.moved]


@dataclass
class ComparisonInput:
    """What ``prepare_comparison`` reads from the store: plain data (no session), so
    ``finish_comparison`` can solve both selections off the GUI thread. ``built_*`` None
    when the scenario has no budget frame or its problem was refused (``message_*``)."""

    ranking_a: Any
    ranking_b: Any
    built_a: Any
    built_b: Any
    message_a: str | None
    message_b: str | None
    no_budget_a: bool
    no_budget_b: bool
    caps_a: list[tuple[str, int | None, str, int | None, str, float]]
    caps_b: list[tuple[str, int | None, str, int | None, str, float]]
    currency: str


def _no_budget_text(name: str) -> str:
    return _("The scenario '{name}' has no budget frames, so it has no recommended "
             "portfolio").format(name=name)


def _side(session: Session, name: str | None) -> tuple[Any, str | None, bool, list]:
    """(built problem or None, message, no budget, rows) of one scenario; rows are
    (name, year, frame_type, unit_id, unit, cap) of its frames and capacity."""
    from app.services.selection import build_problem

    sc = get_scenario(session, name)
    try:
        built = build_problem(session, sc, require_budget=False)
    except UserError as exc:  # e.g. a frame for a year without costs
        return None, str(exc), False, []
    p = built.problem
    rows = [(p.row_names[r], *built.row_meta[r], (p.row_units or [])[r], float(p.caps[r]))
            for r in range(p.m)]
    if not built.frames:
        return None, _no_budget_text(sc.name), True, rows
    return built, None, False, rows


def prepare_comparison(session: Session, a: str | None, b: str | None) -> ComparisonInput:
    """Read both scenarios (names; None = the default) from the store: their rankings and
    selection problems. Raises ``UserError`` for an unknown scenario name."""
    from app.services.scoring import rank
    from app.services.snapshots import load_initiatives, load_settings

    rows = load_initiatives(session)  # read once for both rankings
    ra, rb = rank(session, a, rows), rank(session, b, rows)
    built_a, msg_a, none_a, caps_a = _side(session, a)
    built_b, msg_b, none_b, caps_b = _side(session, b)
    return ComparisonInput(ra, rb, built_a, built_b, msg_a, msg_b, none_a, none_b,
                           caps_a, caps_b, load_settings(session).currency)


def finish_comparison(data: ComparisonInput) -> ScenarioComparison:
    """Solve both recommended portfolios (exactly, without the price of mandatory) and lay
    the scenarios side by side; needs no session. A refused selection (infeasible, no
    NNV) becomes that scenario's ``message_*``; nothing is raised for it."""
    from app.services.selection import select_built

    ra, rb = data.ranking_a, data.ranking_b
    rows_a, rows_b = ra.by_id(), rb.by_id()
    changes = [
        RankChange(r.id, r.title, r.rank, rows_b[r.id].rank, r.score, rows_b[r.id].score)
        for r in ra.rows if r.id in rows_b
    ]
    changes.sort(key=lambda c: (-abs(c.moved), c.rank_b, c.id))
    results: list[Any] = []
    messages = [data.message_a, data.message_b]
    for k, built in enumerate((data.built_a, data.built_b)):
        result = None
        if built is not None:
            try:
                result = select_built(built, with_price=False)
            except UserError as exc:  # infeasible, or no candidate with an NNV
                messages[k] = str(exc)
        results.append(result)
    sa, sb = results
    only_a = only_b = None
    rows_only_a: list[PortfolioDifference] = []
    rows_only_b: list[PortfolioDifference] = []
    if sa is not None and sb is not None:
        in_b, in_a = set(sb.selected), set(sa.selected)
        only_a = [i for i in sa.selected if i not in in_b]
        only_b = [i for i in sb.selected if i not in in_a]
        rows_only_a = [PortfolioDifference(i, rows_a[i].title, rows_a[i].score,
                                           rows_a[i].total_cost) for i in only_a]
        rows_only_b = [PortfolioDifference(i, rows_b[i].title, rows_b[i].score,
                                           rows_b[i].total_cost) for i in only_b]
    return ScenarioComparison(
        a=ra.scenario, b=rb.scenario, rank_changes=changes, only_a=only_a, only_b=only_b,
        total_score_a=sa.total_score if sa else None, total_score_b=sb.total_score if sb else None,
        total_cost_a=sa.total_cost if sa else None, total_cost_b=sb.total_cost if sb else None,
        budget_a={u.name: u.used for u in sa.frame_use} if sa else {},
        budget_b={u.name: u.used for u in sb.frame_use} if sb else {},
        what_if_a=ra.is_what_if, what_if_b=rb.is_what_if,
        objective_a=data.built_a.spec.objective if data.built_a else Objective.SCORE.value,
        objective_b=data.built_b.spec.objective if data.built_b else Objective.SCORE.value,
        no_budget_a=data.no_budget_a, no_budget_b=data.no_budget_b,
        message_a=messages[0], message_b=messages[1],
        only_a_rows=rows_only_a, only_b_rows=rows_only_b,
        budget_rows=_budget_rows(data.caps_a, data.caps_b, sa, sb),
        currency=data.currency,
    )


_TYPE_ORDER = {FrameType.TOTAL.value: 0, FrameType.CAPITAL.value: 1, FrameType.OPERATING.value: 2}


def _budget_rows(caps_a: list, caps_b: list, sa: Any, sb: Any) -> list[BudgetDifference]:
    """Every frame of either scenario, matched by the engine's name: budgets before
    capacity, the whole-budget frames first, then by unit, year and type."""
    used_a = {u.name: u.used for u in sa.frame_use} if sa else {}
    used_b = {u.name: u.used for u in sb.frame_use} if sb else {}
    meta: dict[str, tuple] = {}
    cap_a: dict[str, float] = {}
    cap_b: dict[str, float] = {}
    for caps, into in ((caps_a, cap_a), (caps_b, cap_b)):
        for name, year, ftype, unit_id, unit, cap in caps:
            meta.setdefault(name, (year, ftype, unit_id, unit))
            into[name] = cap
    rows = [BudgetDifference(name, year, ftype, unit_id, unit, cap_a.get(name), cap_b.get(name),
                             used_a.get(name) if sa else None, used_b.get(name) if sb else None)
            for name, (year, ftype, unit_id, unit) in meta.items()]
    rows.sort(key=lambda r: (r.unit != "kr.", r.unit_id is not None, r.unit_id or 0,
                             r.year is not None, r.year or 0, _TYPE_ORDER.get(r.frame_type, 9),
                             r.name))
    return rows


def compare(session: Session, a: str | None, b: str | None) -> ScenarioComparison:
    """Compare two scenarios (names; None = default): every initiative's rank in both
    (biggest movers first), the difference between their recommended portfolios, and
    their frames (amounts and use). ``prepare_comparison`` then ``finish_comparison``.

    A scenario without budget frames, or whose selection is refused (infeasible, no NNV),
    has no recommended portfolio: ``only_*`` None and ``message_*`` says why.
    Raises ``UserError`` for an unknown name.
    """
    return finish_comparison(prepare_comparison(session, a, b))
