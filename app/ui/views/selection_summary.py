"""Texts of the recommendation view: the recommended portfolio in figures, the frames and
which of them bind, the price of mandatory and the greedy cut-off beside the optimum."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.services.formatting import format_number, format_score
from app.services.selection import FrameUse, SelectionResult


def frame_label(use: FrameUse, unit_codes: dict[int, str] | None = None) -> str:
    """A frame's name as the view writes it: "Total frame", "Frame 2027 anlæg",
    "Capacity 2027 (årsværk)", "Frame BUF 2027"."""
    if use.frame_type == "capacity" or use.unit == "årsværk":
        return QCoreApplication.translate("SelectionSummary", "Capacity {year} (årsværk)").format(year=use.year)
    parts = []
    if use.unit_id is not None:
        parts.append((unit_codes or {}).get(use.unit_id, str(use.unit_id)))
    if use.year is not None:
        parts.append(str(use.year))
    if use.frame_type == "anlaeg":
        parts.append(QCoreApplication.translate("SelectionSummary", "anlæg"))
    elif use.frame_type == "drift":
        parts.append(QCoreApplication.translate("SelectionSummary", "drift"))
    if not parts:
        return QCoreApplication.translate("SelectionSummary", "the total frame")
    return " ".join(parts)


def summary_html(result: SelectionResult, unit_codes: dict[int, str] | None = None,
                 currency_unit: str = "kr.",
                 npv_gaps: dict[str, tuple[int, int]] | None = None) -> str:
    """The recommended portfolio in a few lines of rich text; under the NNV objective,
    ``npv_gaps`` ({id: (last year with lines, horizon's last year)},
    ``economics.npv_horizon_gaps``) names the recommended initiatives whose NNV counts
    years without lines as 0."""
    npv = result.objective == "npv"
    n = len(result.selected)
    lines = []
    verdict = ("✓ " + QCoreApplication.translate("SelectionSummary", "optimal")) if result.optimal else (
        "⚠ " + QCoreApplication.translate("SelectionSummary", "not proven optimal"))
    lines.append("<b>" + QCoreApplication.translate("SelectionSummary", "Recommended portfolio: {n} initiatives, total score "
                           "{score}").format(n=n, score=format_score(result.total_score))
                 + f"</b> ({escape(verdict)})")

    def money(value: float | None) -> str:
        # a sentence, not a budget table: whole kr. as the CLI and the papers write them
        # ("-15.367.371 kr."), never "-15.367 1.000 kr."
        return "–" if value is None else f"{format_number(value)}\u00a0{currency_unit}"

    if npv:
        lines.append(QCoreApplication.translate("SelectionSummary", "Objective: net present value, {value}").format(
            value=money(result.objective_value)))
    if result.binding:
        bound = [frame_label(u, unit_codes) for u in result.frame_use if u.binding]
        lines.append("⚑ " + QCoreApplication.translate("SelectionSummary", "Binding (no other initiative fits): {names}").format(
            names=escape(", ".join(bound) or ", ".join(result.binding))))
    else:
        lines.append(QCoreApplication.translate("SelectionSummary", "No frame binds: everything that adds value fits."))
    price = money(result.price_of_mandatory) if npv else (
        format_score(result.price_of_mandatory) + " " + QCoreApplication.translate("SelectionSummary", "score points"))
    lines.append(QCoreApplication.translate("SelectionSummary", "Price of mandatory: {price}").format(price=price))
    g_n = len(result.greedy_selected)
    g_value = result.greedy_objective_value
    gap = result.objective_value - g_value
    g_text = money(g_value) if npv else format_score(result.greedy_total_score)
    gap_text = money(gap) if npv else format_score(gap)
    lines.append(QCoreApplication.translate("SelectionSummary", "Greedy cut-off down the ranking: {n} initiatives, {value} "
                   "({gap} less than the optimum)").format(n=g_n, value=g_text, gap=gap_text))
    yearless = result.not_selectable_without_year
    has_lines = frozenset(yearless)
    no_cost = [i for i in result.not_selectable if i not in has_lines]
    # one string per number (English "1 initiative"), not Qt's %n plurals: fill_ts fills
    # plain translations
    if len(no_cost) == 1:
        lines.append(QCoreApplication.translate(
            "SelectionSummary", "Not selectable (no cost lines): 1 initiative ({ids})").format(
                ids=escape(no_cost[0])))
    elif no_cost:
        lines.append(QCoreApplication.translate(
            "SelectionSummary", "Not selectable (no cost lines): {n} initiatives ({ids})").format(
                n=len(no_cost), ids=escape(_first(no_cost))))
    if len(yearless) == 1:
        lines.append(QCoreApplication.translate(
            "SelectionSummary", "Not selectable under yearly frames (cost lines without a "
            "budget year): 1 initiative ({ids})").format(ids=escape(yearless[0])))
    elif yearless:
        lines.append(QCoreApplication.translate(
            "SelectionSummary", "Not selectable under yearly frames (cost lines without a "
            "budget year): {n} initiatives ({ids})").format(
                n=len(yearless), ids=escape(_first(yearless))))
    if result.without_npv:
        lines.append("⚠ " + escape(npv_warning(result)))
    gaps = [i for i in result.selected if i in (npv_gaps or {})] if npv else []
    if gaps:
        assert npv_gaps is not None
        first = gaps[0]
        lines.append("⚠ " + escape(QCoreApplication.translate(
            "SelectionSummary", "NNV counts years without business-case lines as 0 for {k} of "
            "the {n} recommended (e.g. {id}: lines to {data}, horizon to {last})").format(
                k=len(gaps), n=n, id=first, data=npv_gaps[first][0], last=npv_gaps[first][1])))
    return "<br>".join(lines)


def _first(ids: list[str], shown: int = 5) -> str:
    """The first ``shown`` ids, then "…" when there are more."""
    return ", ".join(ids[:shown]) + (", …" if len(ids) > shown else "")


def npv_warning(result: SelectionResult) -> str:
    """Under the NNV objective: how many of the initiatives in play have no net present
    value and count as 0, naming the first five."""
    ids = result.without_npv
    shown = _first(ids)
    if len(ids) == 1:
        text = QCoreApplication.translate(
            "SelectionSummary", "1 of {n} initiatives has no net present value (no "
            "business-case lines with a budget year) and counts as 0: {ids}")
    else:
        text = QCoreApplication.translate(
            "SelectionSummary", "{k} of {n} initiatives have no net present value (no "
            "business-case lines with a budget year) and count as 0: {ids}")
    return text.format(k=len(ids), n=result.in_play, ids=shown)
