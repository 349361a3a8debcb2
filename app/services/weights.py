"""Weights per budget year: draft → adopted (locked); what-ifs (DESIGN §7 "Weights").

Weights are percentages stored per weight set, at every level of the criteria tree: a
criterion's percent is its share within its parent (the top level within the whole). A
leaf's weight is the product of the shares along its path, each sibling group normalised
to sum 1. An adopted set is locked: any change to it is a named what-if scenario (a new
weight set with status ``what_if`` and a ``Scenario`` with ``is_what_if``), logged in the
audit log.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    BudgetFrame,
    Criterion,
    ExclusionGroup,
    ExclusionMember,
    PortfolioSettings,
    Scenario,
    ScenarioForce,
    Weight,
    WeightSet,
)
from app.models.enums import CriterionKind, WeightStatus
from app.services import audit
from app.services.criterion_info import CriterionInfo
from app.services.errors import UserError, ValidationError
from app.services.formatting import finite_number, format_percent
from app.services.i18n import _

#: sibling percentages must sum to 100 within this tolerance to be adopted
SUM_TOLERANCE = 0.01


def _active_criteria(session: Session) -> list[Criterion]:
    return list(session.scalars(
        select(Criterion).where(Criterion.active.is_(True)).order_by(Criterion.sort_order, Criterion.id)
    ))


def _children(crits: list[Criterion]) -> dict[int | None, list[Criterion]]:
    ids = {c.id for c in crits}
    kids: dict[int | None, list[Criterion]] = defaultdict(list)
    for c in crits:
        parent = c.parent_id if c.parent_id in ids else None
        kids[parent].append(c)
    return kids


def leaf_criteria(session: Session) -> list[CriterionInfo]:
    """The active leaf criteria in tree order (depth first, by sort order), weight 0.

    A leaf is an active criterion without active children (a group criterion without
    children is assessed directly)."""
    crits = _active_criteria(session)
    kids = _children(crits)
    out: list[CriterionInfo] = []

    def walk(parent: int | None, path: tuple[str, ...], parent_key: str | None) -> None:
        for c in kids.get(parent, []):
            p = path + (c.name,)
            if kids.get(c.id):
                walk(c.id, p, c.key)
            else:
                out.append(CriterionInfo(
                    id=c.id, key=c.key, name=c.name,
                    kind=c.kind if c.kind != CriterionKind.GROUP.value else CriterionKind.ORDINAL.value,
                    weight=0.0, lower_is_better=bool(c.lower_is_better),
                    anchor_low=c.anchor_low, anchor_high=c.anchor_high,
                    unit_label=c.unit_label or "", parent_key=parent_key, path=p,
                ))

    walk(None, (), None)
    return out


def percents(session: Session, weight_set_id: int | None) -> dict[str, float]:
    """{criterion key: percent within its parent} of a weight set (missing = 0)."""
    if weight_set_id is None:
        return {}
    rows = session.execute(
        select(Criterion.key, Weight.percent)
        .join(Weight, Weight.criterion_id == Criterion.id)
        .where(Weight.weight_set_id == weight_set_id)
    ).all()
    return {k: float(p) for k, p in rows}


def leaf_weights_from_percents(
    crits: list[Criterion] | None, pct: dict[str, float], session: Session | None = None
) -> dict[str, float]:
    """Leaf weights {key: fraction} from per-level percentages: product along the path,
    each sibling group normalised (a group whose siblings are all 0 gives its leaves 0)."""
    if crits is None:
        assert session is not None
        crits = _active_criteria(session)
    kids = _children(crits)
    out: dict[str, float] = {}

    def walk(parent: int | None, share: float) -> None:
        group = kids.get(parent, [])
        total = sum(max(0.0, pct.get(c.key, 0.0)) for c in group)
        for c in group:
            s = share * (max(0.0, pct.get(c.key, 0.0)) / total if total > 0 else 0.0)
            if kids.get(c.id):
                walk(c.id, s)
            else:
                out[c.key] = s

    walk(None, 1.0)
    return out


def leaf_weights(session: Session, weight_set_id: int | None) -> dict[str, float]:
    """Leaf weights {criterion key: fraction, summing to 1} of a weight set."""
    return leaf_weights_from_percents(_active_criteria(session), percents(session, weight_set_id))


def current_weight_set(session: Session, budget_year: int | None = None) -> WeightSet | None:
    """The weights in force for a budget year (default: the portfolio's): the adopted set,
    else the newest draft, else the newest set of any year."""
    if budget_year is None:
        settings = session.get(PortfolioSettings, 1)
        budget_year = settings.budget_year if settings else None
    sets = list(session.scalars(select(WeightSet).order_by(WeightSet.id.desc())))
    for status in (WeightStatus.ADOPTED.value, WeightStatus.DRAFT.value):
        for ws in sets:
            if ws.budget_year == budget_year and ws.status == status:
                return ws
    non_what_if = [ws for ws in sets if ws.status != WeightStatus.WHAT_IF.value]
    return non_what_if[0] if non_what_if else (sets[0] if sets else None)


def weight_set_for(session: Session, scenario: Scenario | None) -> WeightSet | None:
    """The weight set a scenario ranks with: its own, else ``current_weight_set``."""
    if scenario is not None and scenario.weight_set_id is not None:
        ws = session.get(WeightSet, scenario.weight_set_id)
        if ws is not None:
            return ws
    return current_weight_set(session)


def percent_text(percent: float) -> str:
    """A percentage (0–100 scale) as the output language writes it, with the decimals it
    needs (none, one or two; ``formatting.format_percent``): 180 → "180 %", 83.333 →
    "83,33 %" (da); "180%" (en)."""
    if not math.isfinite(percent):
        return format_percent(percent / 100.0, 0)
    decimals = next((d for d in (0, 1) if abs(percent * 10 ** d - round(percent * 10 ** d)) < 1e-6),
                    2)
    return format_percent(percent / 100.0, decimals)


@dataclass(frozen=True)
class GroupSum:
    """A sibling group of a weight set whose percentages do not sum to 100 (±
    ``SUM_TOLERANCE``). ``parent_key``: the key of the criterion above the group (None =
    the top level); ``where``: its name (empty at the top level); ``total``: the group's sum
    in percent. Ranking scales such a group to 100 % (``leaf_weights_from_percents``), or
    gives its criteria 0 when the sum is 0."""

    parent_key: str | None
    where: str
    total: float

    def problem(self) -> str:
        """The weights tab's text: "Vægtene på øverste niveau summerer til 180 %, ikke 100 %"."""
        total, hundred = percent_text(self.total), percent_text(100.0)
        if self.parent_key is None:
            return _("The top-level weights sum to {total}, not {hundred}").format(
                total=total, hundred=hundred)
        return _("The weights under {where} sum to {total}, not {hundred}").format(
            where=self.where, total=total, hundred=hundred)

    def warning(self) -> str:
        """What ranking with these weights did: "Vægtene på øverste niveau summerer til
        180 %; de er skaleret til 100 % i rangordningen" (a group summing to 0: its
        criteria count 0)."""
        total, hundred = percent_text(self.total), percent_text(100.0)
        if self.total <= 0:
            if self.parent_key is None:
                return _("The top-level weights are all zero; every score counts 0")
            return _("The weights under {where} are all zero; those criteria count 0").format(
                where=self.where)
        if self.parent_key is None:
            return _("The top-level weights sum to {total}; the ranking scaled them to "
                     "{hundred}").format(total=total, hundred=hundred)
        return _("The weights under {where} sum to {total}; the ranking scaled them to "
                 "{hundred}").format(where=self.where, total=total, hundred=hundred)


def group_sums(session: Session, weight_set_id: int | None) -> list[GroupSum]:
    """The sibling groups of a weight set (active criteria) whose percentages do not sum
    to 100 (±``SUM_TOLERANCE``), top level first, then in tree order; [] for None. Two
    queries. These are the groups ranking rescales (``leaf_weights_from_percents``)."""
    if weight_set_id is None:
        return []
    crits = _active_criteria(session)
    pct = percents(session, weight_set_id)
    kids = _children(crits)
    by_id = {c.id: c for c in crits}
    out: list[GroupSum] = []

    def walk(parent: int | None) -> None:
        group = kids.get(parent, [])
        if not group:
            return
        total = sum(pct.get(c.key, 0.0) for c in group)
        if not abs(total - 100.0) <= SUM_TOLERANCE:  # NaN too
            p = by_id.get(parent) if parent is not None else None
            out.append(GroupSum(parent_key=p.key if p else None, where=p.name if p else "",
                                total=total))
        for c in group:
            walk(c.id)

    walk(None)
    return out


def sum_problems(session: Session, weight_set_id: int) -> list[str]:
    """Sibling groups whose percentages do not sum to 100 (±0.01), as readable texts in
    the output language (``GroupSum.problem``; numbers via ``formatting``)."""
    return [g.problem() for g in group_sums(session, weight_set_id)]


def _checked_percents(crits: dict[str, Criterion], changes: dict[str, object]) -> list[str]:
    """Problems of percentages {criterion key: value} typed by a user: an unknown key, a
    value that is not a finite number (NaN, ±infinity, text), a negative value; each text
    names the criterion."""
    problems: list[str] = []
    for key, value in changes.items():
        crit = crits.get(key)
        if crit is None:
            problems.append(_("Unknown criterion: {key}").format(key=key))
            continue
        number = finite_number(value)
        if number is None:
            problems.append(_("The weight of {name} ({key}) is not a number: give a percentage "
                              "of 0 or more").format(name=crit.name, key=key))
        elif number < 0:
            problems.append(_("The weight of {key} is negative").format(key=key))
    return problems


def set_weights(session: Session, weight_set_id: int, changes: dict[str, float]) -> None:
    """Set percentages {criterion key: percent} in a draft or what-if weight set.

    Raises ``UserError`` when the set is adopted (locked: use ``make_what_if``), and
    ``ValidationError`` (every problem, each naming the criterion) for an unknown key, a
    negative percent or one that is not a finite number (NaN, infinity). Nothing is changed
    on error.
    """
    ws = session.get(WeightSet, weight_set_id)
    if ws is None:
        raise UserError(_("Unknown weight set: {id}").format(id=weight_set_id))
    if ws.status == WeightStatus.ADOPTED.value:
        raise UserError(_("The weights '{name}' for {year} are adopted and locked; make a "
                          "what-if scenario to try other weights").format(
                              name=ws.name, year=ws.budget_year))
    crits = {c.key: c for c in session.scalars(select(Criterion))}
    problems = _checked_percents(crits, changes)
    if problems:
        raise ValidationError(problems[0], problems)
    existing = {w.criterion_id: w for w in ws.weights}
    for key, value in changes.items():
        cid = crits[key].id
        if cid in existing:
            existing[cid].percent = float(value)
        else:
            ws.weights.append(Weight(criterion_id=cid, percent=float(value)))
    session.flush()


def adopt(session: Session, weight_set_id: int, *, adopted_on: date | None = None,
          adopted_by: str = "") -> WeightSet:
    """Adopt (vedtag) a draft weight set: it becomes locked.

    Raises ``UserError`` when it is not a draft, when the percentages of a sibling group do
    not sum to 100, or when another set is already adopted for the same budget year.
    """
    ws = session.get(WeightSet, weight_set_id)
    if ws is None:
        raise UserError(_("Unknown weight set: {id}").format(id=weight_set_id))
    if ws.status != WeightStatus.DRAFT.value:
        raise UserError(_("Only draft weights can be adopted ('{name}' is {status})").format(
            name=ws.name, status=ws.status))
    problems = sum_problems(session, weight_set_id)
    if problems:
        raise ValidationError(problems[0], problems)
    other = session.scalars(select(WeightSet).where(
        WeightSet.budget_year == ws.budget_year, WeightSet.status == WeightStatus.ADOPTED.value,
        WeightSet.id != ws.id)).first()
    if other is not None:
        raise UserError(_("Weights for {year} are already adopted ('{name}')").format(
            year=ws.budget_year, name=other.name))
    ws.status = WeightStatus.ADOPTED.value
    ws.adopted_on = adopted_on or date.today()
    ws.adopted_by = adopted_by
    session.flush()
    audit.log_event(session, "weights adopted", entity="weight_set", entity_id=str(ws.id),
                    new=f"{ws.name} ({ws.budget_year})")
    return ws


def rebalance(pct: dict[str, float], changes: dict[str, float],
              siblings: dict[str, list[str]]) -> dict[str, float]:
    """New percentages: the changed ones as given; the unchanged siblings of each group
    scaled proportionally so the group still sums to what it summed to before.

    ``siblings`` maps every key to the keys of its sibling group (itself included).
    Raises ``UserError`` when the changed weights of a group exceed that sum, or when a
    changed weight is not a finite number of 0 or more.
    """
    bad = sorted(k for k, v in changes.items()
                 if (number := finite_number(v)) is None or number < 0)
    if bad:
        raise UserError(_("Weights must be zero or positive numbers: {keys}").format(
            keys=", ".join(bad)))
    out = dict(pct)
    done: set[tuple[str, ...]] = set()
    for key in changes:
        group = tuple(siblings[key])
        if group in done:
            continue
        done.add(group)
        before = sum(pct.get(k, 0.0) for k in group)
        fixed = sum(float(changes[k]) for k in group if k in changes)
        rest = [k for k in group if k not in changes]
        rest_before = sum(pct.get(k, 0.0) for k in rest)
        if fixed > before + SUM_TOLERANCE and rest:
            raise UserError(_("The changed weights sum to {fixed}, more than {total}").format(
                fixed=percent_text(fixed), total=percent_text(before)))
        for k in group:
            if k in changes:
                out[k] = float(changes[k])
            elif rest_before > 0:
                out[k] = pct.get(k, 0.0) * max(0.0, before - fixed) / rest_before
            else:
                out[k] = max(0.0, before - fixed) / len(rest)
    return out


def make_what_if(session: Session, name: str, changes: dict[str, float], *,
                 base: Scenario | str | None = None, description: str = "") -> Scenario:
    """A named what-if: a copy of the base scenario (default: the default scenario) with
    weights changed {criterion key: percent within its parent}; unchanged siblings are
    rescaled proportionally (``rebalance``). Creates a ``WeightSet`` (status what_if), a
    ``Scenario`` (is_what_if) copying the base's frames, forces and exclusions, and an
    audit event. Raises ``UserError`` for a taken name, an unknown key, a negative value
    or one that is not a finite number (``ValidationError`` naming the criterion).
    """
    from app.services.scenarios import get_scenario

    name = name.strip()
    if not name:
        raise UserError(_("A what-if scenario needs a name"))
    if session.scalars(select(Scenario).where(Scenario.name == name)).first() is not None:
        raise UserError(_("A scenario named '{name}' already exists").format(name=name))
    base_sc = get_scenario(session, base)
    base_ws = weight_set_for(session, base_sc)
    crits = _active_criteria(session)
    by_key = {c.key: c for c in crits}
    unknown = [k for k in changes if k not in by_key]
    if unknown:
        raise UserError(_("Unknown criterion: {key}").format(key=", ".join(unknown)))
    problems = _checked_percents(by_key, changes)
    if problems:
        raise ValidationError(problems[0], problems)
    kids = _children(crits)
    siblings = {c.key: [s.key for s in group] for group in kids.values() for c in group}
    pct = percents(session, base_ws.id if base_ws else None)
    new_pct = rebalance(pct, changes, siblings)
    year = base_ws.budget_year if base_ws else session.get(PortfolioSettings, 1).budget_year
    ws = WeightSet(name=name, budget_year=year, status=WeightStatus.WHAT_IF.value,
                   based_on_id=base_ws.id if base_ws else None)
    ws.weights = [Weight(criterion_id=by_key[k].id, percent=v) for k, v in new_pct.items()
                  if k in by_key]
    session.add(ws)
    session.flush()
    sc = Scenario(
        name=name, description=description, weight_set_id=ws.id, objective=base_sc.objective,
        is_what_if=True, is_default=False, based_on_id=base_sc.id,
        capacity_fte=base_sc.capacity_fte, created_by=str(session.info.get("user") or ""),
    )
    sc.frames = [BudgetFrame(budget_year=f.budget_year, frame_type=f.frame_type,
                             unit_id=f.unit_id, amount=f.amount) for f in base_sc.frames]
    sc.forces = [ScenarioForce(initiative_id=f.initiative_id, mode=f.mode) for f in base_sc.forces]
    sc.exclusion_groups = [
        ExclusionGroup(name=g.name, members=[ExclusionMember(initiative_id=m.initiative_id)
                                             for m in g.members])
        for g in base_sc.exclusion_groups
    ]
    session.add(sc)
    session.flush()
    audit.log_event(
        session, "what-if", entity="scenario", entity_id=str(sc.id), scenario_id=sc.id,
        old=", ".join(f"{k}={pct.get(k, 0.0):g}" for k in sorted(changes)),
        new=", ".join(f"{k}={float(v):g}" for k, v in sorted(changes.items())),
    )
    return sc
