"""The net present value objective without NNVs (DESIGN §6 ``select --objective npv``, §9):
an initiative whose business case has no line with a budget year has no NNV
(``economics.npv_by_initiative`` None) and counts as 0. When none of the candidates has
one, nothing can be chosen by NNV: that is refused (``NoNpvError``, exit 2) instead of an
empty recommendation without a reason; when only some lack one, the result carries a
warning naming how many count as 0 and which."""

from __future__ import annotations

from app.services.errors import UserError
from app.services.i18n import _, ngettext


class NoNpvError(UserError):
    """The NNV objective with nothing to choose by: none of the ``candidates`` initiatives
    the optimiser could choose has a net present value (no business-case line has a budget
    year), so each would count as 0 and nothing would be chosen (exit 2). ``missing``: the
    ids taking part without an NNV, in rank order."""

    def __init__(self, message: str, candidates: int, missing: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates
        self.missing = missing


def no_npv_message(candidates: int, hint: str | None = None) -> str:
    """The message of ``NoNpvError`` for ``candidates`` initiatives that could be chosen
    and have no NNV; ``hint``: what the user can do, in the words of the caller (the CLI
    names ``--objective score``, the GUI its objective list); default a neutral one."""
    if hint is None:
        hint = _("Select by total score instead, or add cost and benefit lines per budget "
                 "year to the initiatives' business cases.")
    return ngettext(
        "No net present value to select by: the one initiative that can be chosen has no "
        "business-case lines with a budget year, so its net present value (NNV, discounted "
        "year by year) cannot be computed and nothing would be chosen. {hint}",
        "No net present value to select by: none of the {n} initiatives that can be chosen "
        "has business-case lines with a budget year, so their net present value (NNV, "
        "discounted year by year) cannot be computed and nothing would be chosen. {hint}",
        candidates).format(n=candidates, hint=hint)


def npv_warning(missing: int, taking_part: int, ids: list[str], hint: str | None = None,
                shown: int = 10) -> str:
    """The warning when some initiatives have no NNV under the NNV objective: ``missing``
    of ``taking_part`` initiatives count as 0, naming the first ``shown`` of ``ids``;
    ``hint`` as in ``no_npv_message``."""
    if hint is None:
        hint = _("Add cost and benefit lines per budget year to count them, or select by "
                 "total score.")
    named = ", ".join(ids[:shown]) + (", …" if len(ids) > shown else "")
    return ngettext(
        "{k} of {n} initiatives has no net present value (no business-case lines with a "
        "budget year) and counts as 0 in the objective: {ids}. {hint}",
        "{k} of {n} initiatives have no net present value (no business-case lines with a "
        "budget year) and count as 0 in the objective: {ids}. {hint}",
        missing).format(k=missing, n=taking_part, ids=named, hint=hint)
