"""Plain data for the strategy and weights view (no Qt): weight sets, the criteria tree
with each criterion's percent and share of the whole, and the sums per sibling group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import WeightSet
from app.services import strategy, weights
from app.services.scenarios import get_scenario


@dataclass(frozen=True)
class WeightSetRow:
    id: int
    name: str
    budget_year: int
    status: str  # draft | adopted | what_if
    adopted_on: date | None
    adopted_by: str


@dataclass(frozen=True)
class WeightRow:
    """One criterion of the tree: ``percent`` within its parent (None = not set);
    ``share`` its leaf weight as a fraction of the whole (None for a group)."""

    key: str
    name: str
    depth: int
    percent: float | None
    share: float | None
    parent_key: str | None
    is_group: bool
    id: int = 0  # the criterion's id


@dataclass(frozen=True)
class WeightsData:
    sets: list[WeightSetRow]
    shown: int | None  # the weight set shown (the scenario's, unless another was picked)
    scenario_set: int | None  # the weight set the scenario shown ranks with
    rows: list[WeightRow]
    problems: list[str]  # sibling groups not summing to 100 %


def load_weight_sets(session: Session) -> list[WeightSetRow]:
    """Every weight set, newest budget year first, adopted before drafts and what-ifs."""
    order = {"adopted": 0, "draft": 1, "what_if": 2}
    rows = [WeightSetRow(w.id, w.name, w.budget_year, w.status, w.adopted_on, w.adopted_by or "")
            for w in session.scalars(select(WeightSet))]
    return sorted(rows, key=lambda r: (-r.budget_year, order.get(r.status, 3), -r.id))


def weight_rows(session: Session, weight_set_id: int | None) -> list[WeightRow]:
    """The active criteria in tree order with the percents of ``weight_set_id``."""
    crits = [c for c in strategy.list_criteria(session) if c.active]
    ids = {c.id for c in crits}
    keys = {c.id: c.key for c in crits}
    children: dict[int | None, list[strategy.CriterionRow]] = {}
    for c in crits:
        children.setdefault(c.parent_id if c.parent_id in ids else None, []).append(c)
    pct = weights.percents(session, weight_set_id)
    shares = weights.leaf_weights_from_percents(None, pct, session) if weight_set_id else {}
    out: list[WeightRow] = []

    def walk(parent: int | None, depth: int) -> None:
        for c in children.get(parent, []):
            group = bool(children.get(c.id))
            out.append(WeightRow(c.key, c.name, depth, pct.get(c.key),
                                 None if group else shares.get(c.key, 0.0),
                                 keys.get(c.parent_id) if c.parent_id else None, group, c.id))
            walk(c.id, depth + 1)

    walk(None, 0)
    return out


def load_weights(session: Session, scenario: str | None, picked: int | None) -> WeightsData:
    """What the weights tab shows: ``picked`` weight set, or the one the scenario uses."""
    sets = load_weight_sets(session)
    ws = weights.weight_set_for(session, get_scenario(session, scenario))
    scenario_set = ws.id if ws is not None else None
    shown = picked if picked in {s.id for s in sets} else scenario_set
    problems = weights.sum_problems(session, shown) if shown is not None else []
    return WeightsData(sets, shown, scenario_set, weight_rows(session, shown), problems)
