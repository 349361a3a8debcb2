"""Sentences shared by the agenda item and the bilag: the method in brief and the
"at"-points of the Indstilling."""

from __future__ import annotations

from app.services.exports import labels
from app.services.exports.content import ReportContent
from app.services.formatting import format_amount, format_date, format_number, format_percent
from app.services.i18n import _


def method_facts(c: ReportContent) -> list[str]:
    """The method in sentences: weights and when adopted, CR, scales, tie rule, discount
    rate and horizon, price base, optimisation, date of the data (DESIGN §7)."""
    w = c.weights
    facts = []
    if w.status == "adopted" and w.adopted_on:
        facts.append(_("The weights “{name}” for budget year {year} were adopted on {date}"
                       "{by}.").format(name=w.name, year=w.budget_year,
                                       date=format_date(w.adopted_on),
                                       by=(" " + _("by {who}").format(who=w.adopted_by))
                                       if w.adopted_by else ""))
    else:
        facts.append(_("The weights “{name}” for budget year {year} are {status}.").format(
            name=w.name, year=w.budget_year, status=labels.weight_status(w.status).lower()))
    if w.consistency_ratio is not None:
        facts.append(_("The weights were proposed by a pairwise comparison (AHP) with "
                       "consistency ratio CR = {cr} ({verdict}; consistent when CR ≤ 0.10).")
                     .format(cr=format_number(w.consistency_ratio, 3),
                             verdict=_("consistent") if w.consistency_ratio <= 0.10
                             else _("not consistent")))
    facts.append(_("A score never depends on the other initiatives: every criterion has a "
                   "fixed scale with a scoring guide. Only the agreed assessments rank."))
    facts.append(_("Total score = Σ weight × score; ties are broken by value for money, then "
                   "lower cost, then id."))
    facts.append(_("Net present value uses a discount rate of {rate} and a horizon of {years} "
                   "years after go-live (Finansministeriet's socio-economic rate unless the "
                   "finance department set another).").format(
        rate=format_percent(c.discount_rate), years=c.horizon_years))
    facts.append(_("Amounts are in {currency} at {year} prices; budget tables in {unit}, "
                   "savings negative.").format(currency=c.currency_text, year=c.price_base_year,
                                               unit=c.unit))
    facts.append(_("The recommendation maximises {objective} under the budget frames by exact "
                   "integer optimisation; mandatory initiatives are forced in.").format(
        objective=labels.objective(c.scenario.objective).lower()))
    facts.append(_("Data as of {date}.").format(date=format_date(c.data_date)))
    return facts


def frames_text(c: ReportContent) -> str:
    """The scenario's budget frames in words: "2027: 3.000.000 kr.; 2028: 2.000.000 kr."."""
    parts = []
    for year, ftype, amount in c.scenario.frames:
        label = str(year) if year is not None else _("in total")
        if ftype != "total":
            label += " " + labels.frame_type(ftype).lower()
        parts.append(f"{label}: {format_amount(amount, c.currency)}")
    return "; ".join(parts)


def at_points(c: ReportContent) -> list[str]:
    """The numbered "at"-points of the Indstilling (each completes "… indstiller, at")."""
    rec = c.recommendation
    points: list[str] = []
    if rec is None:
        points.append(_("the ranking of the portfolio's initiatives is noted,"))
        points.append(_("budget frames for digitalisation are set for the budget year and the "
                        "outline years, so that a recommended portfolio can be computed,"))
    else:
        points.append(_("the steering group's recommendation of a portfolio of {n} initiatives "
                        "with a total cost of {cost} is approved (appendix 1),").format(
            n=len(rec.selected) + rec.hidden_selected,
            cost=format_amount(rec.total_cost, c.currency)))
        if c.scenario.frames:
            points.append(_("the budget frames for digitalisation are {frames},").format(
                frames=frames_text(c)))
        mand = c.visible(rec.mandatory)
        if mand:
            points.append(_("the mandatory initiatives ({items}) are carried out within the "
                            "deadlines set,").format(items=", ".join(i.id for i in mand)))
        points.append(_("the initiatives not in the recommendation are reconsidered at the next "
                        "budget revision."))
    return points
