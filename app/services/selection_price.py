"""The price of mandatory (DESIGN §6 ``select``): the optimum without forcing the
mandatory items minus the optimum with them, under the same frames — and the two exact
solves that need, skipped or run side by side when that gives the same numbers faster
(``solve_with_price``). Works on a ``selection.Built`` (its ``problem`` and
``mandatory_only``); no session.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.services.errors import UserError
from app.services.selection_model import SelectionProblem, Solution, binding_rows, closure, solve

if TYPE_CHECKING:  # pragma: no cover
    from app.services.selection import Built


def _price_is_zero(built: Built) -> bool:
    """True when forcing the mandatory items cannot cost anything, so the second solve can
    be skipped exactly: what they bring in (with their prerequisites) uses no frame, is in
    no exclusion group and has no negative value — any free optimum can take them too."""
    p = built.problem
    extra = closure(p, built.mandatory_only) & ~closure(p, p.fixed_in & ~built.mandatory_only)
    if not extra.any():
        return True
    if p.m and (p.rows[:, extra] != 0).any():
        return False
    if (p.value[extra] < 0).any():
        return False
    members = {i for g in p.exclusions for i in g}
    return not any(extra[i] for i in members)


def _free_problem(built: Built) -> SelectionProblem:
    """The problem without forcing the mandatory items (committed and forced-in stay)."""
    p = built.problem
    return replace(p, fixed_in=p.fixed_in & ~built.mandatory_only)


def price_of_mandatory(built: Built, objective: float, *,
                       time_limit: float | None = None) -> float:
    """The optimum without forcing the mandatory items minus ``objective`` (the optimum
    with them), under the same frames (DESIGN §6); 0 without mandatory items that cost
    anything. One more exact solve."""
    if not built.mandatory_only.any() or _price_is_zero(built):
        return 0.0
    return max(0.0, solve(_free_problem(built), time_limit=time_limit).objective - objective)


def available_cpus() -> int:
    """CPUs this process may run on (its affinity where the OS tells it, else the count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _outlasts(job: Future[Any], thread_ident: int, seconds: float) -> bool:
    """True when ``job`` (running on the thread ``thread_ident``) is still running after
    that thread has used ``seconds`` of CPU time — CPU, not wall, so a busy machine does
    not cut the head start short; wall time where the OS has no per-thread clock."""
    try:
        clock = time.pthread_getcpuclockid(thread_ident)
        start = time.clock_gettime(clock)
    except (AttributeError, OSError):  # pragma: no cover - no per-thread CPU clock
        return bool(wait([job], timeout=seconds).not_done)
    while True:
        try:
            remaining = seconds - (time.clock_gettime(clock) - start)
        except OSError:  # the thread has just ended
            remaining = 0.0
        if remaining <= 0:
            return not job.done()
        # a thread's CPU time never runs ahead of the wall clock
        if not wait([job], timeout=max(0.01, remaining)).not_done:
            return False


#: CPU seconds the solve without the mandatory items runs alone before the forced solve starts
#: beside it (``solve_with_price``): municipal-size problems (150 initiatives: ~1 s) end
#: within it, and then one solve is often enough
PRICE_HEAD_START = 1.5


def solve_with_price(built: Built, *, time_limit: float | None = None,
                     parallel: bool | None = None,
                     head_start: float = PRICE_HEAD_START) -> tuple[Solution, float]:
    """The optimum of a built problem and the price of mandatory: the same numbers as
    ``solve`` followed by ``price_of_mandatory``, faster.

    Two exact solves may be needed when mandatory items cost something: with them forced
    in (the recommendation) and without (for the price). The problem without them is
    solved first: when its optimum already holds every mandatory item it is feasible for
    the forced problem, whose optimum can be no larger (more constraints), so it is that
    optimum too and the price is 0 — one solve. Otherwise the forced problem is solved
    and the price is the difference. ``parallel`` (default: when more than one CPU is
    available, ``available_cpus``): if the first solve has not ended after using
    ``head_start`` seconds of CPU, the forced one starts beside it in a second thread (HiGHS
    releases the GIL and keeps one scheduler per thread), so a long pair takes about the
    longer of the two instead of their sum in wall time (CPU time unchanged). Returns
    (solution of the forced problem, price ≥ 0). Raises ``UserError`` when the forced
    problem is infeasible (naming the conflict), or when a ``time_limit`` stopped either
    solve before it found any selection.
    """
    p = built.problem
    if not built.mandatory_only.any() or _price_is_zero(built):
        return solve(p, time_limit=time_limit), 0.0
    free_problem = _free_problem(built)
    if parallel is None:
        parallel = available_cpus() > 1
    free_job: Future[Solution] | None = None
    if parallel:
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="selection") as pool:
            ident: list[int] = []
            started = threading.Event()

            def free_solve() -> Solution:
                ident.append(threading.get_ident())
                started.set()
                return solve(free_problem, time_limit=time_limit)

            free_job = pool.submit(free_solve)
            started.wait()
            if _outlasts(free_job, ident[0], max(0.0, head_start)):
                sol = pool.submit(solve, p, time_limit=time_limit).result()
                free = free_job.result()
                return sol, max(0.0, free.objective - sol.objective)
    try:
        free = (free_job.result() if free_job is not None
                else solve(free_problem, time_limit=time_limit))
    except UserError as error:
        # infeasible without them means infeasible with them: the forced solve below
        # names the conflict; any other failure (a time limit with no selection found)
        # is raised as ``price_of_mandatory`` would raise it
        solve(p, time_limit=time_limit)
        raise error from None
    if free.optimal and free.x[built.mandatory_only].all():
        # the same x, reported against the forced problem (same rows, requires, exclusions)
        return replace(free, binding=binding_rows(p, free.x, free.used)), 0.0
    sol = solve(p, time_limit=time_limit)
    return sol, max(0.0, free.objective - sol.objective)
