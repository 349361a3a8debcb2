"""Undoable edits of the strategy and weights views: each a ``ServiceCommand`` whose do and
undo run one service call in one audited transaction and return the ``Changes`` made.

``session_command`` is the general form: ``do(session) -> memo`` and
``undo(session, memo)``; the memo (old values, a snapshot, a new id) travels from the last
do to the next undo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from app.services import scenarios, strategy, strategy_weights, weights
from app.services.changes import Changes, Kind
from app.ui.commands.base import ServiceCommand
from app.ui.context import ViewContext



def session_command(
    ctx: ViewContext, text: str, do: Callable[[Session], Any],
    undo: Callable[[Session, Any], None], changes: Changes,
) -> ServiceCommand:
    """A command running ``do``/``undo`` each in one transaction of ``ctx.portfolio``."""
    memo: dict[str, Any] = {}

    def run_do() -> Changes:
        with ctx.portfolio.session(context=text) as s:
            memo["value"] = do(s)
        return changes

    def run_undo() -> Changes:
        with ctx.portfolio.session(context=QCoreApplication.translate("WeightsCommands", "Undo: {what}").format(what=text)) as s:
            undo(s, memo.get("value"))
        return changes

    return ServiceCommand(text, run_do, run_undo)


STRATEGY = Changes.of(Kind.STRATEGY)
# a requirement that obliges local work makes its initiatives mandatory
REQUIREMENTS = Changes.of(Kind.STRATEGY, Kind.INITIATIVE)
WEIGHTS = Changes.of(Kind.WEIGHTS)


def edit_criterion(ctx: ViewContext, criterion_id: int, values: dict[str, Any], name: str) -> bool:
    """Change fields of a criterion (``strategy.CRITERION_FIELDS``)."""
    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "Edit criterion {name}").format(name=name),
        lambda s: strategy.update_criterion(s, criterion_id, dict(values)),
        lambda s, old: strategy.update_criterion(s, criterion_id, old), STRATEGY))


def edit_level(ctx: ViewContext, criterion_id: int, level: int, name: str, *,
               label: str | None = None, guide: str | None = None) -> bool:
    """Change the label or scoring guide of one level of an ordinal criterion."""
    def undo(s: Session, old: tuple[str, str]) -> None:
        strategy.set_level(s, criterion_id, level, label=old[0] if label is not None else None,
                           guide=old[1] if guide is not None else None)

    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "Edit scoring guide of {name}, level {level}").format(name=name, level=level),
        lambda s: strategy.set_level(s, criterion_id, level, label=label, guide=guide),
        undo, STRATEGY))


def set_weight_percents(ctx: ViewContext, weight_set_id: int, changes: dict[str, float],
                        text: str) -> bool:
    """Set percentages {criterion key: percent} of a draft (or what-if) weight set."""
    def do(s: Session) -> dict[str, float]:
        old = weights.percents(s, weight_set_id)
        weights.set_weights(s, weight_set_id, dict(changes))
        return {k: old.get(k, 0.0) for k in changes}

    return ctx.run(session_command(
        ctx, text, do, lambda s, old: weights.set_weights(s, weight_set_id, old), WEIGHTS))


def make_what_if(ctx: ViewContext, name: str, changes: dict[str, float]) -> int | None:
    """Make a named what-if scenario with changed weights (adopted weights stay locked)
    and show it; undo deletes it and shows the default scenario again. Returns the new
    scenario's id, or None when refused."""
    text = QCoreApplication.translate("WeightsCommands", "What-if: {name}").format(name=name)
    made: dict[str, int] = {}
    kinds = Changes.of(Kind.WEIGHTS, Kind.SCENARIO)

    def do() -> Changes:
        with ctx.portfolio.session(context=text) as s:
            made["id"] = weights.make_what_if(s, name, dict(changes)).id
        return kinds

    def undo() -> Changes:
        with ctx.portfolio.session(context=QCoreApplication.translate("WeightsCommands", "Undo: {what}").format(what=text)) as s:
            scenarios.delete_scenario(s, made["id"])
        if ctx.scenario().id == made["id"]:
            ctx.set_scenario(None)
        return kinds

    if not ctx.run(ServiceCommand(text, do, undo)):
        return None
    ctx.set_scenario(made["id"])
    return made["id"]


def set_judgement(ctx: ViewContext, weight_set_id: int, row_key: str, col_key: str,
                  value: float, text: str, parent_id: int | None = None) -> bool:
    """Store one pairwise judgement of the AHP workshop (among the children of criterion
    ``parent_id``, None = the top level)."""
    return ctx.run(session_command(
        ctx, text,
        lambda s: strategy_weights.set_judgement(s, weight_set_id, row_key, col_key, value, parent_id),
        lambda s, old: strategy_weights.set_judgement(s, weight_set_id, row_key, col_key, old, parent_id),
        WEIGHTS))


def add_goal(ctx: ViewContext, code: str, title: str) -> bool:
    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "Add strategic goal {code}").format(code=code),
        lambda s: strategy.add_goal(s, code, title),
        lambda s, gid: strategy.delete_goal(s, gid), STRATEGY))


def edit_goal(ctx: ViewContext, goal_id: int, values: dict[str, Any], code: str) -> bool:
    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "Edit strategic goal {code}").format(code=code),
        lambda s: strategy.update_goal(s, goal_id, dict(values)),
        lambda s, old: strategy.update_goal(s, goal_id, old), STRATEGY))


def delete_goal(ctx: ViewContext, goal_id: int, code: str) -> bool:
    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "Delete strategic goal {code}").format(code=code),
        lambda s: strategy.delete_goal(s, goal_id),
        lambda s, snap: strategy.restore_goal(s, snap), Changes.of(Kind.STRATEGY, Kind.INITIATIVE)))


def add_requirement(ctx: ViewContext, code: str, title: str, source_type: str) -> bool:
    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "Add external requirement {code}").format(code=code),
        lambda s: strategy.add_requirement(s, code, title, source_type),
        lambda s, rid: strategy.delete_requirement(s, rid), REQUIREMENTS))


def edit_requirement(ctx: ViewContext, requirement_id: int, values: dict[str, Any], code: str) -> bool:
    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "Edit external requirement {code}").format(code=code),
        lambda s: strategy.update_requirement(s, requirement_id, dict(values)),
        lambda s, old: strategy.update_requirement(s, requirement_id, old), REQUIREMENTS))


def delete_requirement(ctx: ViewContext, requirement_id: int, code: str) -> bool:
    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "Delete external requirement {code}").format(code=code),
        lambda s: strategy.delete_requirement(s, requirement_id),
        lambda s, snap: strategy.restore_requirement(s, snap), REQUIREMENTS))


def new_draft_weights(ctx: ViewContext, budget_year: int, copy_from: int | None) -> bool:
    """Create draft weights for ``budget_year`` as a copy of ``copy_from``."""
    return ctx.run(session_command(
        ctx, QCoreApplication.translate("WeightsCommands", "New draft weights for {year}").format(
            year=budget_year),
        lambda s: strategy_weights.new_draft_weights(s, budget_year, copy_from),
        lambda s, wid: strategy_weights.delete_draft_weights(s, wid), WEIGHTS))
