"""The recommended portfolio (anbefalet portefølje) under a scenario's frames: DESIGN §6
``select`` and ``frontier``, §7 "Selection" and "Mandatory".

Who takes part: initiatives in phase idea, proposal or on_hold are candidates; committed
ones (approved, procurement, implementation, operation) are always in and use the frames;
rejected and closed are out. Mandatory items are forced in; financed outside the frame
(``outside_frame``) they use no budget. A candidate with no cash cost lines — or, under
yearly frames, with a cash cost line without a year — is not selectable unless forced in.
A candidate requiring a rejected initiative cannot be chosen (a closed prerequisite is
done, so satisfied). The model is built by ``build_problem`` and solved by
``selection_model.solve`` — the same path the benchmarks and the mknap tests use.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from app.models import Scenario
from app.models.enums import COMMITTED_PHASES, EXCLUDED_PHASES, Objective, Phase
from app.services import labels as labels_mod
from app.services.errors import UserError
from app.services.i18n import _
from app.services.scenarios import FrameSpec, ScenarioSpec, get_scenario, spec_of
from app.services.selection_data import CostData, load_cost_data
from app.services.selection_npv import NoNpvError, no_npv_message, npv_warning
from app.services.selection_model import SelectionProblem, closure, greedy, solve
from app.services.selection_price import solve_with_price


class NoBudgetError(UserError):
    """``select`` / ``frontier`` with no budget given and none in the scenario (exit 2)."""


FRAME_TYPE_LABEL = {"total": "", "anlaeg": "anlæg", "drift": "drift"}


def frame_name(frame: FrameSpec, unit_code: str | None = None) -> str:
    """The name of a frame as ``binding`` reports it: "budget", "budget 2027",
    "budget 2027 anlæg", "budget anlæg", "budget BUF 2027"."""
    parts = ["budget"]
    if unit_code:
        parts.append(unit_code)
    if frame.year is not None:
        parts.append(str(frame.year))
    if FRAME_TYPE_LABEL.get(frame.frame_type):
        parts.append(FRAME_TYPE_LABEL[frame.frame_type])
    return " ".join(parts)


@dataclass(frozen=True)
class FrameUse:
    """One constraint row after solving: ``cap`` and ``used`` in the portfolio's currency
    (or årsværk for capacity), ``binding`` when at its limit. ``unit`` is the engine's
    row unit (``SelectionProblem.row_units``): "kr." for any amount, whatever the currency
    (``SelectionResult.currency`` says which; ``to_json`` writes it), or "årsværk"."""

    name: str
    year: int | None
    frame_type: str
    unit_id: int | None
    cap: float
    used: float
    binding: bool
    unit: str = "kr."


@dataclass
class Built:
    """A problem built from the store, with what is needed to report on it."""

    problem: SelectionProblem
    spec: ScenarioSpec
    data: CostData
    frames: list[FrameSpec]
    row_meta: list[tuple[int | None, str, int | None]]  # (year, frame_type, unit_id) per row
    not_selectable: list[str]
    blocked: dict[str, str]
    mandatory_only: np.ndarray  # fixed in only because mandatory
    scores: dict[str, float]
    rank_order: list[str]
    #: under the NNV objective, the ids (rank order) that could be in the selection (taking
    #: part, not fixed out) but have no NNV (``economics.npv_by_initiative`` None: no
    #: business-case line with a budget year), so count as 0; empty under score
    without_npv: list[str] = field(default_factory=list)
    #: {id: completeness 0..1} of the initiatives not fully assessed (``RankedInitiative.
    #: completeness`` < 1): their missing agreed scores count 0 (DESIGN §7)
    incomplete: dict[str, float] = field(default_factory=dict)

    @property
    def without_year(self) -> list[str]:
        """The ``not_selectable`` that have cash cost lines, but (under yearly frames)
        lines without a budget year: no yearly frame can weigh them (the rest of
        ``not_selectable`` have no cost lines at all)."""
        return [i for i in self.not_selectable if self.data.total_cost.get(i) is not None]

    @property
    def in_play(self) -> int:
        """How many initiatives could be in the selection (taking part, not fixed out)."""
        return int((~self.problem.fixed_out).sum())

    def check_npv(self) -> None:
        """Raise ``NoNpvError`` under the NNV objective when candidates the optimiser could
        choose exist (not fixed in or out) and none of them has an NNV: the optimum would
        be what is always in, for no stated reason. Some without an NNV is a warning
        (``without_npv``), not an error."""
        p = self.problem
        if self.spec.objective != Objective.NPV.value:
            return
        free = [p.ids[k] for k in np.flatnonzero(~p.fixed_in & ~p.fixed_out)]
        missing = set(self.without_npv)
        if free and all(i in missing for i in free):
            raise NoNpvError(no_npv_message(len(free)), len(free), list(self.without_npv))

    def with_amounts(self, amounts: list[float]) -> Built:
        """The same problem with new frame amounts (kr.), one per ``frames`` entry in
        that order (capacity rows unchanged). Raises ``UserError`` on a wrong count or a
        negative amount."""
        if len(amounts) != len(self.frames):
            raise UserError(_("Expected {n} frame amounts, got {k}").format(
                n=len(self.frames), k=len(amounts)))
        if any(not np.isfinite(a) or a < 0 for a in amounts):
            raise UserError(_("A budget frame cannot be negative ({amount})").format(
                amount=min(amounts)))
        caps = self.problem.caps.copy()
        caps[: len(amounts)] = amounts
        return replace(self, problem=replace(self.problem, caps=caps),
                       frames=[replace(f, amount=float(a)) for f, a in zip(self.frames, amounts)])


@dataclass
class SelectionResult:
    """The recommended portfolio (DESIGN §6 ``select``; ``to_json`` gives that shape).

    ``selected``: ids in rank order (committed, mandatory and chosen candidates);
    ``chosen``: the candidates the optimiser chose; ``total_score``: Σ rank scores of the
    selected; ``total_cost``: Σ total cash cost (kr.) of the selected over all years,
    including ``cost_outside_frame``, that of the mandatory items financed outside the
    frame (they use no budget); ``cost_in_frame``: what the budget frames hold of the
    selected (kr., ``CostData.covered_cost``): with one total frame the total cost of the
    selected inside the frame (``total_cost − cost_outside_frame``), with yearly frames
    their cost in the framed years only (Σ of the frames' ``used`` when the frames do not
    overlap) — the value curve's budget measure (``value_curve.frontier``), never more
    than the frames' sum; ``objective_value``:
    Σ objective of the selected (score, or NNV in kr.); ``price_of_mandatory``: optimum
    without forcing the mandatory items minus the optimum with them; ``greedy_*``: the
    greedy cut-off down the ranking under the same constraints; ``gap``/``bound``: the
    proven relative gap and upper bound (gap 0 when ``optimal``).
    """

    scenario: str
    objective: str
    is_what_if: bool
    budget: float | dict[str, float]
    selected: list[str]
    chosen: list[str]
    always_in: list[str]
    not_selectable: list[str]
    blocked: dict[str, str]
    total_score: float
    total_cost: float
    objective_value: float
    optimal: bool
    binding: list[str]
    price_of_mandatory: float | None
    frame_use: list[FrameUse]
    greedy_selected: list[str]
    greedy_total_score: float
    greedy_objective_value: float
    gap: float = 0.0
    bound: float | None = None
    cost_outside_frame: float = 0.0
    cost_in_frame: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    currency: str = "DKK"
    without_npv: list[str] = field(default_factory=list)
    in_play: int = 0
    #: of ``not_selectable``, those with cost lines that have no budget year (yearly
    #: frames cannot weigh them; ``Built.without_year``); the rest have no cost lines
    not_selectable_without_year: list[str] = field(default_factory=list)
    #: {id: completeness 0..1} of the selected initiatives not fully assessed (rank
    #: order): recommended on an incomplete assessment, missing agreed scores counting 0
    incomplete: dict[str, float] = field(default_factory=dict)

    def money_unit(self) -> str:
        """The unit of the frames' amounts in the JSON: "kr." for DKK (as before the
        currency was written), else the portfolio's ISO 4217 code ("GBP")."""
        return "kr." if self.currency == "DKK" else self.currency

    def warnings(self, hint: str | None = None) -> list[str]:
        """What the reader should know about the result, in the output language: under
        the NNV objective, the initiatives without an NNV that count as 0
        (``npv_warning``; ``hint`` in the caller's words)."""
        if not self.without_npv:
            return []
        return [npv_warning(len(self.without_npv), self.in_play, self.without_npv, hint)]

    def to_json(self) -> dict[str, Any]:
        """The ``select`` JSON document of DESIGN §6 (plus added keys: ``currency`` the
        ISO 4217 code of every amount; ``frames[].unit`` "kr." (DKK), the currency code
        otherwise, or "årsværk"; ``without_npv`` the ids counted as 0 under the NNV
        objective; ``not_selectable_without_year`` those of ``not_selectable`` whose cost lines
        have no budget year (under yearly frames); ``incomplete`` the selected ids (rank
        order) whose assessment is not complete, missing agreed scores counting 0;
        ``warnings`` texts in the output language)."""
        money = self.money_unit()
        return {
            "scenario": self.scenario, "objective": self.objective, "budget": self.budget,
            "selected": self.selected, "not_selectable": self.not_selectable,
            "total_score": self.total_score, "total_cost": self.total_cost,
            "cost_in_frame": self.cost_in_frame,
            "cost_outside_frame": self.cost_outside_frame,
            "optimal": self.optimal, "binding": self.binding,
            "price_of_mandatory": self.price_of_mandatory,
            "is_what_if": self.is_what_if, "objective_value": self.objective_value,
            "gap": self.gap,
            "always_in": self.always_in, "chosen": self.chosen, "blocked": self.blocked,
            "frames": [
                {"name": u.name, "year": u.year, "frame_type": u.frame_type,
                 "unit_id": u.unit_id, "cap": u.cap, "used": u.used, "binding": u.binding,
                 "unit": money if u.unit == "kr." else u.unit}
                for u in self.frame_use
            ],
            "greedy": {"selected": self.greedy_selected, "total_score": self.greedy_total_score,
                       "objective_value": self.greedy_objective_value},
            "currency": self.currency,
            "not_selectable_without_year": self.not_selectable_without_year,
            "without_npv": self.without_npv,
            "incomplete": list(self.incomplete),
            "warnings": self.warnings(),
        }


def budget_frames(budget: float | dict[int, float] | None) -> list[FrameSpec] | None:
    """Frames from a ``--budget``: one total amount, or {year: amount}; None = none given.
    Raises ``UserError`` on a negative amount."""
    if budget is None:
        return None
    if isinstance(budget, dict):
        frames = [FrameSpec(amount=float(v), year=int(y)) for y, v in sorted(budget.items())]
    else:
        frames = [FrameSpec(amount=float(budget))]
    for f in frames:
        if not np.isfinite(f.amount) or f.amount < 0:
            raise UserError(_("A budget must be a non-negative amount, not {amount}").format(
                amount=f.amount))
    return frames


def budget_document(frames: list[FrameSpec]) -> float | dict[str, float]:
    """The ``budget`` value of the JSON (DESIGN §6 ``float | {year: float}``): one float
    when no frame has a year, else {"2027": amount, …} keyed by budget year alone, the
    year's anlæg and drift frames summed (each frame apart is in ``frames``); frames
    without a year beside yearly ones come under "total". Per-unit frames left out."""
    main = [f for f in frames if f.unit_id is None]
    if all(f.year is None for f in main):
        return float(sum(f.amount for f in main))
    out: dict[str, float] = {}
    for f in main:
        key = str(f.year) if f.year is not None else "total"
        out[key] = out.get(key, 0.0) + f.amount
    return out


def check_frame_years(frames: list[FrameSpec], cost_years: list[int],
                      budget_year: int) -> None:
    """Refuse a yearly frame that can limit nothing (DESIGN §9): a frame (without a unit)
    for a year in which no initiative taking part has a cash cost line — every candidate
    would fit for free, so "select everything" would look like a recommendation.
    ``cost_years``: the years with cost lines (``CostData.cost_years``); ``budget_year``:
    the portfolio's budget year (the budget period is it and three outline years, named
    in the message). Raises ``UserError`` naming the year and the years that have costs."""
    for f in frames:
        if f.year is None or f.unit_id is not None or f.year in cost_years:
            continue
        if cost_years:
            have = _("the years with costs are {years}").format(
                years=", ".join(str(y) for y in cost_years))
        else:
            have = _("no initiative has cost lines with a year")
        raise UserError(_(
            "A budget frame for {year} limits nothing: no initiative has cost lines in "
            "{year} ({have}; the budget period is {y0}–{y3}). Give frames for years with "
            "costs, or one total budget.").format(
            year=f.year, have=have, y0=budget_year, y3=budget_year + 3))


def build_problem(session: Session, scenario: str | Scenario | None = None, *,
                  objective: str | None = None, frames: list[FrameSpec] | None = None,
                  require_budget: bool = True) -> Built:
    """Build the selection problem of a scenario from the store (see module docstring).

    ``frames`` replace the scenario's own budget frames (per-unit budgets are kept).
    Raises ``NoBudgetError`` when there is no budget frame and ``require_budget``;
    ``UserError`` for an unknown scenario or objective, or when one of ``frames`` is for
    a year without costs (``check_frame_years``).
    """
    from app.services.scoring import rank

    sc = get_scenario(session, scenario)
    spec = spec_of(sc)
    if objective is not None:
        if objective not in {o.value for o in Objective}:
            raise UserError(_("Unknown objective: {objective}").format(objective=objective))
        spec.objective = objective
    all_frames = list(spec.frames)
    if frames is not None:
        all_frames = [f for f in all_frames if f.unit_id is not None] + list(frames)
    if require_budget and not all_frames:
        raise NoBudgetError(_("No budget: give --budget or set budget frames on the scenario "
                              "'{name}'").format(name=spec.name))
    from app.services.snapshots import load_initiatives

    snapshot = load_initiatives(session)
    ranking = rank(session, sc, snapshot)
    scores = {r.id: r.score for r in ranking.rows}
    rank_pos = {r.id: k for k, r in enumerate(ranking.rows)}
    data = load_cost_data(session, snapshot)
    ids = [i for i in data.ids if data.phase[i] not in {p.value for p in EXCLUDED_PHASES}]
    if frames is not None:
        check_frame_years(frames, data.cost_years(ids), data.budget_year)
    pos = {i: k for k, i in enumerate(ids)}
    n = len(ids)
    committed = {p.value for p in COMMITTED_PHASES}
    yearly = any(f.year is not None for f in all_frames)
    fixed_in = np.zeros(n, bool)
    fixed_out = np.zeros(n, bool)
    mandatory_only = np.zeros(n, bool)
    not_selectable: list[str] = []
    blocked: dict[str, str] = {}
    for k, i in enumerate(ids):
        forced = i in spec.forced_in
        if data.phase[i] in committed or forced:
            fixed_in[k] = True
        elif data.mandatory[i]:
            fixed_in[k] = True
            mandatory_only[k] = True
        if i in spec.forced_out:
            fixed_out[k] = True
        if not fixed_in[k] and (data.total_cost[i] is None or (yearly and data.yearless_cost[i])):
            fixed_out[k] = True
            not_selectable.append(i)
    requires: list[tuple[int, int]] = []
    for a, b in data.requires:
        if a not in pos:
            continue
        if b in pos:
            requires.append((pos[a], pos[b]))
        elif data.phase.get(b) == Phase.REJECTED.value:
            fixed_out[pos[a]] = True
            blocked[a] = _("requires {b}, which is rejected").format(b=b)
    rows, caps, names, units, meta, titles = [], [], [], [], [], []
    for f in all_frames:
        rows.append(np.array([0.0 if (data.mandatory[i] and data.outside_frame[i])
                              else data.frame_cost(i, f) for i in ids]))
        caps.append(f.amount)
        code = data.unit_codes.get(f.unit_id) if f.unit_id else None
        names.append(frame_name(f, code))
        titles.append(labels_mod.frame(f.year, f.frame_type, code))
        units.append("kr.")
        meta.append((f.year, f.frame_type, f.unit_id))
    if spec.capacity_fte is not None:
        years = sorted({f.year for f in all_frames if f.year is not None}) or data.fte_years(ids)
        for y in years:
            rows.append(np.array([data.fte_in_year(i, y) for i in ids]))
            caps.append(float(spec.capacity_fte))
            names.append(f"capacity {y}")
            titles.append(labels_mod.frame(y, "capacity"))
            units.append("årsværk")
            meta.append((y, "capacity", None))
    if spec.objective == Objective.NPV.value:
        from app.services.economics import npv_by_initiative

        npv = npv_by_initiative(session)
        value = np.array([npv.get(i) or 0.0 for i in ids])
        without_npv = [i for k, i in enumerate(ids) if npv.get(i) is None and not fixed_out[k]]
    else:
        value = np.array([scores.get(i, 0.0) for i in ids])
        without_npv = []
    exclusions = [[pos[i] for i in g if i in pos] for g in spec.exclusions]
    labels = [f"{i} ({data.title[i]})" for i in ids]
    problem = SelectionProblem(
        ids=ids, value=value, rows=np.array(rows).reshape(len(rows), n),
        caps=np.array(caps, dtype=float), row_names=names, fixed_in=fixed_in,
        fixed_out=fixed_out, requires=requires, exclusions=[g for g in exclusions if len(g) > 1],
        row_units=units, labels=labels, row_titles=titles, currency=data.currency,
    )
    return Built(problem=problem, spec=spec, data=data, frames=all_frames, row_meta=meta,
                 not_selectable=not_selectable, blocked=blocked, mandatory_only=mandatory_only,
                 scores=scores, rank_order=[r.id for r in ranking.rows],
                 without_npv=sorted(without_npv, key=rank_pos.__getitem__),
                 incomplete={r.id: r.completeness for r in ranking.rows if not r.complete})


def select_portfolio(session: Session, scenario: str | Scenario | None = None, *,
                     objective: str | None = None,
                     budget: float | dict[int, float] | None = None,
                     frames: list[FrameSpec] | None = None, with_price: bool = True,
                     time_limit: float | None = None) -> SelectionResult:
    """The optimal (recommended) portfolio of a scenario, DESIGN §6 ``select``.

    ``budget``: one total in kr. or {budget year: kr.}; it (or ``frames``) replaces the
    scenario's budget frames. ``with_price`` False skips the price of mandatory (a second
    exact solve; ``price_of_mandatory`` is then None — see ``price_of_mandatory``).
    ``time_limit`` (s, for interactive use): the search may stop early with ``optimal``
    False and the proven ``gap``; leave None for the recommendation. Raises
    ``NoBudgetError`` without any budget, ``NoNpvError`` under the NNV objective when no
    candidate has an NNV, ``UserError`` naming the conflict when infeasible, or for an
    unknown scenario.
    """
    if frames is None:
        frames = budget_frames(budget)
    return select_built(build_problem(session, scenario, objective=objective, frames=frames),
                        with_price=with_price, time_limit=time_limit)


def select_built(built: Built, *, with_price: bool = True,
                 time_limit: float | None = None) -> SelectionResult:
    """Solve a built problem (no session needed, e.g. off the GUI thread): the optimum,
    the price of mandatory (unless ``with_price`` is False; ``solve_with_price``) and the
    greedy cut-off. Raises ``NoNpvError`` under the NNV objective when no candidate has an
    NNV (``Built.check_npv``), ``UserError`` when infeasible."""
    built.check_npv()
    p = built.problem
    if with_price:
        sol, price = solve_with_price(built, time_limit=time_limit)
    else:
        sol, price = solve(p, time_limit=time_limit), None
    order = {i: k for k, i in enumerate(built.rank_order)}
    greedy_x = greedy(p, sorted(range(p.n), key=lambda k: order.get(p.ids[k], 0)))
    result = _result(built, sol.x, sol.optimal, sol.used, sol.binding, price, greedy_x)
    result.gap, result.bound = sol.gap, sol.bound
    return result


def _result(built: Built, x: np.ndarray, optimal: bool, used: np.ndarray,
            binding: list[str], price: float | None, greedy_x: np.ndarray) -> SelectionResult:
    p, data, spec = built.problem, built.data, built.spec
    order = {i: k for k, i in enumerate(built.rank_order)}

    def ranked(mask: np.ndarray) -> list[str]:
        return sorted((p.ids[k] for k in np.flatnonzero(mask)), key=lambda i: order.get(i, 0))

    selected = ranked(x)
    always = closure(p, p.fixed_in)
    use = []
    for r in range(p.m):
        year, ftype, unit_id = built.row_meta[r]
        use.append(FrameUse(name=p.row_names[r], year=year, frame_type=ftype, unit_id=unit_id,
                            cap=float(p.caps[r]), used=float(used[r]),
                            binding=p.row_names[r] in binding, unit=p.row_units[r]))
    return SelectionResult(
        scenario=spec.name, objective=spec.objective, is_what_if=spec.is_what_if,
        budget=budget_document(built.frames), selected=selected,
        chosen=ranked(x & ~always), always_in=ranked(always),
        not_selectable=sorted(built.not_selectable, key=lambda i: order.get(i, 0)),
        not_selectable_without_year=sorted(built.without_year, key=lambda i: order.get(i, 0)),
        blocked=built.blocked,
        total_score=float(sum(built.scores.get(i, 0.0) for i in selected)),
        total_cost=float(sum(data.total_cost[i] or 0.0 for i in selected)),
        cost_outside_frame=float(sum(data.total_cost[i] or 0.0 for i in selected
                                     if data.mandatory[i] and data.outside_frame[i])),
        cost_in_frame=float(sum(data.covered_cost(i, built.frames) for i in selected)),
        objective_value=float(p.value[x].sum()), optimal=optimal, binding=binding,
        price_of_mandatory=None if price is None else float(price), frame_use=use,
        greedy_selected=ranked(greedy_x),
        greedy_total_score=float(sum(built.scores.get(i, 0.0) for i in ranked(greedy_x))),
        greedy_objective_value=float(p.value[greedy_x].sum()),
        currency=data.currency, without_npv=list(built.without_npv), in_play=built.in_play,
        incomplete={i: built.incomplete[i] for i in selected if i in built.incomplete},
    )
