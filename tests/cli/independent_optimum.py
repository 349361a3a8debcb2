"""An independent optimum for ``select`` (issue 4 acceptance): the model is rebuilt from
the portfolio file with raw SQL (not the application's loaders) and the rules of DESIGN §6
``select`` written out again, then solved either by dynamic programming (one total frame,
no dependencies) or by a separately built MILP."""

from __future__ import annotations

import math
import sqlite3
from functools import reduce
from pathlib import Path

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

CANDIDATE = {"idea", "proposal", "on_hold"}
COMMITTED = {"approved", "procurement", "implementation", "operation"}


def _data(path: Path, scenario: str | None):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        inis = con.execute(
            "select id, phase, mandatory, outside_frame from initiative").fetchall()
        obliged = {r[0] for r in con.execute(
            "select ir.initiative_id from initiative_requirement ir join external_requirement e "
            "on e.id = ir.requirement_id where e.obliges_local_work = 1")}
        lines = con.execute(
            "select initiative_id, budget_year, line_type, amount from business_case_line "
            "where flow = 'cost' and cash = 1").fetchall()
        deps = con.execute("select initiative_id, requires_id from dependency").fetchall()
        if scenario is None:
            sc = con.execute("select id, capacity_fte from scenario where is_default = 1").fetchone()
        else:
            sc = con.execute("select id, capacity_fte from scenario where name = ?",
                             (scenario,)).fetchone()
        frames = con.execute("select budget_year, frame_type, unit_id, amount from budget_frame "
                             "where scenario_id = ?", (sc[0],)).fetchall()
        forces = dict(con.execute("select initiative_id, mode from scenario_force "
                                  "where scenario_id = ?", (sc[0],)).fetchall())
        groups: dict[int, list[str]] = {}
        for gid, iid in con.execute(
                "select g.id, m.initiative_id from exclusion_group g join exclusion_member m "
                "on m.group_id = g.id where g.scenario_id = ?", (sc[0],)):
            groups.setdefault(gid, []).append(iid)
    finally:
        con.close()
    return inis, obliged, lines, deps, sc[1], frames, forces, list(groups.values())


def independent_optimum(path: Path, scores: dict[str, float], *, scenario: str | None = None,
                        budget: float | dict[int, float] | None = None) -> float:
    """The optimal Σ score under the scenario's frames (or ``budget``) by the rules of
    DESIGN §6, computed without the application's selection code."""
    inis, obliged, lines, deps, capacity, frames, forces, groups = _data(path, scenario)
    assert capacity is None, "capacity not modelled here"
    if budget is not None:
        frames = ([(None, "total", None, float(budget))] if not isinstance(budget, dict)
                  else [(y, "total", None, float(a)) for y, a in budget.items()])
    assert all(f[2] is None for f in frames), "per-unit frames not modelled here"
    yearly = any(f[0] is not None for f in frames)
    cost_lines: dict[str, list[tuple]] = {}
    for iid, year, ltype, amount in lines:
        cost_lines.setdefault(iid, []).append((year, ltype, amount))
    ids, must, out = [], [], []
    for iid, phase, mandatory, outside in inis:
        if phase in {"rejected", "closed"}:
            continue
        is_mand = bool(mandatory) or iid in obliged
        fixed = phase in COMMITTED or forces.get(iid) == "in" or is_mand
        ls = cost_lines.get(iid)
        unusable = not ls or (yearly and any(y is None for y, _t, _a in ls))
        ids.append(iid)
        must.append(fixed)
        out.append(forces.get(iid) == "out" or (not fixed and unusable))
    pos = {i: k for k, i in enumerate(ids)}
    outside_of = {i: bool(o) and (bool(m) or i in obliged) for i, _p, m, o in inis}

    def use(iid: str, frame) -> float:
        if outside_of.get(iid):
            return 0.0
        year, ftype, _unit, _amount = frame
        return sum(a for y, t, a in cost_lines.get(iid, [])
                   if (year is None or y == year) and (ftype == "total" or t == ftype))

    value = np.array([scores.get(i, 0.0) for i in ids])
    A = np.array([[use(i, f) for i in ids] for f in frames]).reshape(len(frames), len(ids))
    caps = np.array([f[3] for f in frames])
    dep_pairs = [(pos[a], pos[b]) for a, b in deps if a in pos and b in pos]
    for a, b in deps:  # a prerequisite that was rejected makes its dependant impossible
        if a in pos and b not in pos and dict((i, p) for i, p, _m, _o in inis)[b] == "rejected":
            out[pos[a]] = True
    must_a, out_a = np.array(must), np.array(out)
    if len(frames) == 1 and not dep_pairs and not groups:
        return _knapsack_dp(value, A[0], caps[0], must_a, out_a)
    return _milp(value, A, caps, must_a, out_a, dep_pairs, [[pos[i] for i in g if i in pos]
                                                           for g in groups])


def _knapsack_dp(value, cost, cap, must, out) -> float:
    """0/1 knapsack by dynamic programming over cost in units of the costs' gcd."""
    unit = reduce(math.gcd, [int(round(c)) for c in cost if c > 0], 0) or 1
    assert all(abs(c / unit - round(c / unit)) < 1e-9 for c in cost)
    base = float(value[must].sum())
    room = int(math.floor((cap - cost[must].sum()) / unit + 1e-9))
    assert room >= 0, "infeasible"
    best = np.zeros(room + 1)
    for v, c in zip(value[~must & ~out], cost[~must & ~out]):
        w = int(round(c / unit))
        if v <= 0 or w > room:
            continue
        if w == 0:
            best += v
            continue
        best[w:] = np.maximum(best[w:], best[:-w] + v)
    return base + float(best[room])


def _milp(value, A, caps, must, out, deps, groups) -> float:
    n = len(value)
    cons = [LinearConstraint(A, -np.inf, caps)] if len(caps) else []
    for a, b in deps:
        row = np.zeros(n)
        row[a], row[b] = 1, -1
        cons.append(LinearConstraint(row[None, :], -np.inf, 0))
    for g in groups:
        if len(g) > 1:
            row = np.zeros(n)
            row[g] = 1
            cons.append(LinearConstraint(row[None, :], -np.inf, 1))
    res = milp(-value, integrality=np.ones(n), constraints=cons,
               bounds=Bounds(must.astype(float), np.where(out, 0.0, 1.0)),
               options={"disp": False, "mip_rel_gap": 0})
    assert res.status == 0, res.message
    return float(-res.fun)
