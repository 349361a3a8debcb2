"""The 0/1 selection model on plain arrays, solved exactly (DESIGN §7 "Selection").

``SelectionProblem`` holds what the optimiser needs and nothing of the store, so the
application, the benchmarks and the OR-Library mknap tests share one code path:
``select_portfolio`` (store) → ``SelectionProblem`` → ``solve`` → ``Solution``.

The model: maximise Σ value_i x_i, x_i ∈ {0, 1}, subject to
  rows · x ≤ caps                 (budget frames in kr., capacity in årsværk)
  x_a ≤ x_b                       (a requires b)
  Σ_{i ∈ G} x_i ≤ 1               (mutual exclusion)
  x_i = 1 for fixed_in, 0 for fixed_out.
Solved by ``scipy.optimize.milp`` (HiGHS branch and cut) with relative gap 0 and no
printing (``disp=False``).
"""

from __future__ import annotations

import math
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from app.services.errors import UserError
from app.services.i18n import _

#: relative slack below which a constraint counts as at its limit
SLACK_TOLERANCE = 1e-7

#: the largest objective coefficient is scaled to this before solving when the objective
#: has no exact unit (see ``solve``)
OBJECTIVE_SCALE = 1e6

#: the largest denominator looked for in one objective coefficient (``integer_scale``)
MAX_DENOMINATOR = 10**6

#: integer objective coefficients stay below this (exact in doubles, far from HiGHS's int64
#: limits); a finer unit leaves the objective on the float path
MAX_INTEGER_COEFFICIENT = 1e9

#: distance from the unit's grid, relative to the largest coefficient, that counts as
#: floating-point noise: a score is a sum of about a dozen products, exact to a few
#: 1e-16 of the largest term. Far below the ~1/(q·MAX_DENOMINATOR) ≈ 1e-12 by which a
#: value that is no fraction (π, an NNV) misses its best approximation, and small enough
#: that even such a miss would move the objective of 1,000 items by < 1e-10 of the largest
#: coefficient (the float path's own stopping tolerance is 1e-12 of it per solve)
INTEGRALITY_TOLERANCE = 64 * 2.0**-52

_fd1_lock = threading.Lock()
_fd1_depth = 0
_fd1_saved: int | None = None


def _flush_c_stdio() -> None:
    """``fflush(NULL)`` in the C library: output a C library buffered (printf to a pipe is
    block-buffered) is written now, while fd 1 still points at the null device, instead
    of at exit into the JSON on stdout. No-op where the C library cannot be loaded."""
    global _libc
    try:
        if _libc is None:
            import ctypes

            _libc = ctypes.CDLL(None)
        _libc.fflush(None)
    except (OSError, AttributeError, TypeError):  # pragma: no cover - no C library
        pass


_libc = None


@contextmanager
def silenced_fd1() -> Iterator[None]:
    """Point file descriptor 1 at the null device while HiGHS runs: it prints debug lines
    ("HighsMipSolverData::…") with printf even with ``disp=False``. Thread-safe: parallel
    solves share one redirection, undone when the last one ends."""
    global _fd1_depth, _fd1_saved
    with _fd1_lock:
        if _fd1_depth == 0:
            try:
                sys.stdout.flush()
            except (AttributeError, ValueError, OSError):  # pragma: no cover - no stdout
                pass
            try:
                _fd1_saved = os.dup(1)
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.close(devnull)
            except OSError:  # pragma: no cover - no fd 1 (e.g. a windowed app)
                _fd1_saved = None
        _fd1_depth += 1
    try:
        yield
    finally:
        with _fd1_lock:
            _fd1_depth -= 1
            if _fd1_depth == 0 and _fd1_saved is not None:
                _flush_c_stdio()  # what C buffered goes to the null device, not to stdout
                os.dup2(_fd1_saved, 1)
                os.close(_fd1_saved)
                _fd1_saved = None


@dataclass
class SelectionProblem:
    """A 0/1 selection problem. n items, m resource rows.

    ``value``: (n,) objective coefficients (score or NNV in kr.). ``rows``: (m, n) use of
    each resource (kr. for budget frames, årsværk for capacity); ``caps``: (m,) limits;
    ``row_names``: e.g. "budget", "budget 2027 anlæg", "capacity 2027"; ``row_units``:
    "kr." or "årsværk". ``requires``: (a, b) index pairs, a requires b. ``exclusions``:
    index groups of which at most one may be chosen. ``labels``: texts naming items in
    messages (default: the ids). ``row_titles``: the rows as a reader names them in
    messages ("2027 anlæg", "Kapacitet 2027 (årsværk)"; default: ``row_names``).
    ``currency``: ISO 4217 code of the "kr." rows' amounts in messages ("DKK", "GBP").
    """

    ids: list[str]
    value: np.ndarray
    rows: np.ndarray
    caps: np.ndarray
    row_names: list[str]
    fixed_in: np.ndarray | None = None
    fixed_out: np.ndarray | None = None
    requires: list[tuple[int, int]] = field(default_factory=list)
    exclusions: list[list[int]] = field(default_factory=list)
    row_units: list[str] | None = None
    labels: list[str] | None = None
    row_titles: list[str] | None = None
    currency: str = "DKK"

    def __post_init__(self) -> None:
        n = len(self.ids)
        self.value = np.asarray(self.value, dtype=float).reshape(n)
        rows = np.asarray(self.rows, dtype=float)
        # with no items, -1 cannot be inferred: the row count comes from the row names
        self.rows = rows.reshape(len(self.row_names), 0) if n == 0 else rows.reshape(-1, n)
        self.caps = np.asarray(self.caps, dtype=float).reshape(self.rows.shape[0])
        self.fixed_in = (np.zeros(n, bool) if self.fixed_in is None
                         else np.asarray(self.fixed_in, dtype=bool))
        self.fixed_out = (np.zeros(n, bool) if self.fixed_out is None
                          else np.asarray(self.fixed_out, dtype=bool))
        if self.row_units is None:
            self.row_units = ["kr."] * len(self.row_names)
        if self.labels is None:
            self.labels = list(self.ids)
        if self.row_titles is None:
            self.row_titles = list(self.row_names)

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def m(self) -> int:
        return self.rows.shape[0]


@dataclass
class Solution:
    """The solver's answer. ``x`` bool (n,); ``objective`` Σ value of the chosen;
    ``used`` (m,) use of each row; ``binding`` names of the rows at their limit;
    ``optimal`` True when proven optimal (gap 0); ``bound`` the solver's proven upper bound
    on the objective and ``gap`` the relative gap (0 when optimal; > 0 only when a time
    limit stopped the search)."""

    x: np.ndarray
    objective: float
    optimal: bool
    used: np.ndarray
    binding: list[str]
    status: str = ""
    bound: float | None = None
    gap: float = 0.0


def integer_scale(value: np.ndarray) -> float | None:
    """The factor that makes every objective coefficient a whole number, or None.

    ``value``: (n,) objective coefficients. Returns ``s`` > 0 such that each ``value_i * s``
    is an integer (within ``INTEGRALITY_TOLERANCE`` × the largest: float noise) and the
    integers have no common divisor, i.e. ``1 / s`` is the objective's unit; None when no
    such unit exists with denominators up to ``MAX_DENOMINATOR`` and integers below
    ``MAX_INTEGER_COEFFICIENT``, or when all coefficients are 0.

    Scores are sums of weight × score on fixed scales (ordinal level / 4, numeric between
    anchors, DESIGN §7), so with weights in whole or decimal percent and raw values with a
    few decimals they are exact multiples of a small unit (the benchmark's: 2e-5). Nothing
    is rounded beyond float noise: one coefficient that is no multiple of the unit (e.g. a
    numeric score from an arbitrary raw value, an NNV in kr. and øre from discounting)
    returns None. Each coefficient's fraction is the best rational approximation of
    denominator ≤ ``MAX_DENOMINATOR`` (``fractions.Fraction.limit_denominator``); the unit
    is 1 / lcm of the denominators, divided by the gcd of the resulting integers.
    """
    v = np.abs(np.asarray(value, dtype=float))
    v = v[v != 0]
    if len(v) == 0 or not np.isfinite(v).all():
        return None
    top = float(v.max())
    noise = INTEGRALITY_TOLERANCE * top
    den = 1
    for x in np.unique(v).tolist():
        if abs(x * den - round(x * den)) <= noise * den:
            continue  # already a multiple of 1/den: no fraction needed (the common case)
        den = math.lcm(den, Fraction(x).limit_denominator(MAX_DENOMINATOR).denominator)
        if top * den >= MAX_INTEGER_COEFFICIENT:
            return None
    k = v * den
    whole = np.round(k)
    if (whole < 1).any() or (np.abs(k - whole) > noise * den).any():
        return None
    g = 0
    for w in np.unique(whole.astype(np.int64)).tolist():
        g = math.gcd(g, w)
        if g == 1:
            break
    return den / g


def closure(problem: SelectionProblem, start: np.ndarray) -> np.ndarray:
    """The items in ``start`` plus, transitively, everything they require (bool (n,))."""
    inn = start.copy()
    req: dict[int, list[int]] = {}
    for a, b in problem.requires:
        req.setdefault(a, []).append(b)
    stack = list(np.flatnonzero(inn))
    while stack:
        a = stack.pop()
        for b in req.get(int(a), []):
            if not inn[b]:
                inn[b] = True
                stack.append(b)
    return inn


def _amount(value: float, unit: str, currency: str = "DKK") -> str:
    from app.services.formatting import format_amount, format_number

    if unit == "kr.":
        return format_amount(value, currency)
    return f"{format_number(value, 2)} {unit}"


def diagnose(problem: SelectionProblem) -> str:
    """Why a problem is infeasible, in words naming what conflicts (checks, in order:
    forced in and out at once; a required item forced out; two of an exclusion group
    forced in; the always-in items exceeding a frame)."""
    p = problem
    both = np.flatnonzero(p.fixed_in & p.fixed_out)
    if len(both):
        return _("{items} must be in (mandatory, committed or forced in) but is forced out "
                 "or cannot be selected").format(items=", ".join(p.labels[i] for i in both))
    must = closure(p, p.fixed_in)
    for a, b in p.requires:
        if must[a] and p.fixed_out[b]:
            return _("{a} must be in but requires {b}, which is out").format(
                a=p.labels[a], b=p.labels[b])
    for group in p.exclusions:
        inside = [i for i in group if must[i]]
        if len(inside) > 1:
            return _("{items} must all be in but exclude each other").format(
                items=", ".join(p.labels[i] for i in inside))
    use = p.rows[:, must].sum(axis=1) if p.m else np.zeros(0)
    for r in range(p.m):
        if use[r] > p.caps[r] * (1 + SLACK_TOLERANCE) + SLACK_TOLERANCE:
            return _("The items that must be in ({items}) use {use} of '{row}', more than its "
                     "{cap}").format(
                items=", ".join(p.labels[i] for i in np.flatnonzero(must & (p.rows[r] > 0))),
                use=_amount(use[r], p.row_units[r], p.currency), row=p.row_titles[r],
                cap=_amount(p.caps[r], p.row_units[r], p.currency))
    return _("No selection satisfies all the constraints together (frames, dependencies, "
             "exclusions and forced choices)")


def binding_rows(problem: SelectionProblem, x: np.ndarray, used: np.ndarray) -> list[str]:
    """Rows at their limit: slack ≈ 0 (of a frame above 0), or too small for some unchosen
    item of positive value that is otherwise allowed (its prerequisites chosen, no
    exclusion conflict)."""
    p = problem
    out = []
    slack = p.caps - used
    # an empty frame (0 of 0) is only binding when it keeps something out (below)
    at_limit = (slack <= SLACK_TOLERANCE * np.maximum(1.0, np.abs(p.caps))) & (p.caps > 0)
    allowed = (~x) & (~p.fixed_out) & (p.value > 0)
    for a, b in p.requires:
        if not x[b]:
            allowed[a] = False
    for group in p.exclusions:
        if x[group].any():
            allowed[group] = False
    blocked = np.zeros(p.m, dtype=bool)
    if allowed.any() and p.m:
        over = p.rows[:, allowed] > slack[:, None] + SLACK_TOLERANCE
        blocked = over.any(axis=1)
    for r in range(p.m):
        if at_limit[r] or blocked[r]:
            out.append(p.row_names[r])
    return out


def _drop_idle(problem: SelectionProblem, x: np.ndarray) -> np.ndarray:
    """Remove chosen items of no value (≤ 0 objective, not fixed, not required by a chosen
    item): an optimum may hold them by accident and they only spend the frames."""
    p = problem
    x = x.copy()
    changed = True
    while changed:
        changed = False
        needed = np.zeros(p.n, dtype=bool)
        for a, b in p.requires:
            if x[a]:
                needed[b] = True
        idle = x & ~p.fixed_in & ~needed & (p.value <= 0)
        if p.m:
            idle &= p.rows.max(axis=0, initial=0.0) > 0  # only those that spend something
        # dropping an item of value exactly 0 keeps the objective; negative raises it
        for i in np.flatnonzero(idle):
            x[i] = False
            changed = True
    return x


def solver_objective(value: np.ndarray) -> tuple[np.ndarray, float]:
    """The objective handed to HiGHS (to maximise) and its factor: (value × scale, scale).

    With an exact unit (``integer_scale``) the coefficients are whole numbers: HiGHS
    detects that the objective is integral ("Objective function is integral with scale
    1") and rounds its dual bound to whole units, so it stops as soon as no selection can
    be worth one unit more than the best found — a proof of optimality (gap 0), reached
    with far fewer branch-and-bound nodes than a proof to 1e-6 of a float objective.
    Otherwise the largest coefficient is scaled to ``OBJECTIVE_SCALE`` (1e6): HiGHS stops
    at an absolute gap of 1e-6 as well as the relative one, so that is 1e-12 of it (gap 0
    in effect). Only the float noise of at most ``INTEGRALITY_TOLERANCE`` is rounded away.
    """
    value = np.asarray(value, dtype=float)
    unit_scale = integer_scale(value)
    if unit_scale is not None:
        return np.round(value * unit_scale), unit_scale
    top = float(np.abs(value).max()) if len(value) else 0.0
    scale = OBJECTIVE_SCALE / top if top > 1e-200 else 1.0  # no overflow on denormals
    return value * scale, scale


def solve(problem: SelectionProblem, *, time_limit: float | None = None) -> Solution:
    """Solve exactly (HiGHS via ``scipy.optimize.milp``, ``mip_rel_gap=0``, ``disp=False``).

    Raises ``UserError`` naming what conflicts when no selection is feasible
    (``diagnose``). ``optimal`` is False only when ``time_limit`` (s) stopped the search.
    """
    p = problem
    n = p.n
    if n == 0:
        return Solution(np.zeros(0, bool), 0.0, True, np.zeros(p.m), [], "empty")
    cons = []
    if p.m:
        cons.append(LinearConstraint(p.rows, -np.inf, p.caps))
    extra_r, extra_c, extra_v, ub = [], [], [], []
    k = 0
    for a, b in p.requires:
        extra_r += [k, k]
        extra_c += [a, b]
        extra_v += [1.0, -1.0]
        ub.append(0.0)
        k += 1
    for group in p.exclusions:
        if len(group) < 2:
            continue
        for i in group:
            extra_r.append(k)
            extra_c.append(i)
            extra_v.append(1.0)
        ub.append(1.0)
        k += 1
    if k:
        mat = coo_matrix((extra_v, (extra_r, extra_c)), shape=(k, n)).tocsr()
        cons.append(LinearConstraint(mat, -np.inf, np.array(ub)))
    lb = p.fixed_in.astype(float)
    ubx = np.where(p.fixed_out, 0.0, 1.0)
    if (lb > ubx).any():
        raise UserError(diagnose(p))
    options: dict[str, object] = {"disp": False, "mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    cost, scale = solver_objective(p.value)
    with silenced_fd1():
        res = milp(c=-cost, integrality=np.ones(n), bounds=Bounds(lb, ubx),
                   constraints=cons, options=options)
    if res.x is None:
        if res.status == 2:
            raise UserError(diagnose(p))
        raise UserError(_("The optimiser found no selection: {message}").format(
            message=res.message))
    x = np.asarray(res.x) > 0.5
    x = _drop_idle(p, x)
    used = p.rows @ x.astype(float) if p.m else np.zeros(0)
    optimal = res.status == 0
    bound = getattr(res, "mip_dual_bound", None)
    bound = None if bound is None or not np.isfinite(bound) else -float(bound) / scale
    gap = 0.0 if optimal else float(getattr(res, "mip_gap", None) or 0.0)
    return Solution(x=x, objective=float(p.value[x].sum()), optimal=optimal, used=used,
                    binding=binding_rows(p, x, used), status=str(res.message), bound=bound,
                    gap=gap)


def greedy(problem: SelectionProblem, order: list[int] | np.ndarray) -> np.ndarray:
    """The greedy cut-off down a ranking (for comparison, DESIGN §7): start with what must
    be in, then take each item in ``order`` that still fits every row, whose prerequisites
    are already taken and that excludes nothing taken. Returns bool (n,)."""
    p = problem
    x = closure(p, p.fixed_in) & ~p.fixed_out
    used = p.rows @ x.astype(float) if p.m else np.zeros(0)
    req: dict[int, list[int]] = {}
    for a, b in p.requires:
        req.setdefault(a, []).append(b)
    group_of: dict[int, list[int]] = {}
    for gi, group in enumerate(p.exclusions):
        for i in group:
            group_of.setdefault(i, []).append(gi)
    for i in order:
        if x[i] or p.fixed_out[i]:
            continue
        if not all(x[b] for b in req.get(int(i), [])):
            continue
        if any(x[j] for g in group_of.get(int(i), []) for j in p.exclusions[g] if j != i):
            continue
        if p.m and (used + p.rows[:, i] > p.caps * (1 + SLACK_TOLERANCE) + SLACK_TOLERANCE).any():
            continue
        x[i] = True
        if p.m:
            used = used + p.rows[:, i]
    return x
