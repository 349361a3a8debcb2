"""The method section: criteria, scales and scoring guides, weights and when they were
adopted, CR where a pairwise comparison was used, discount rate and horizon, tie rule,
date of the data (DESIGN §7)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from app.services.exports import labels
from app.services.exports.content import CriterionFacts, ReportContent
from app.services.exports.pdf.styles import esc, styles
from app.services.exports.pdf.tables import data_table
from app.services.formatting import format_date, format_number, format_percent
from app.services.i18n import _


def scale_text(c: CriterionFacts) -> str:
    """How a criterion is scored, in one sentence."""
    if c.kind == "numeric":
        text = _("Numeric: {low} → 0 and {high} → 1 {unit}, linear between and capped.").format(
            low=format_number(c.anchor_low, 0), high=format_number(c.anchor_high, 0),
            unit=c.unit_label).replace("  ", " ")
    else:
        text = _("Five levels 0–4 (score = level / 4).")
    if c.lower_is_better:
        text += " " + _("Lower is better (the scale is reversed).")
    return text


def method_facts(c: ReportContent) -> list[str]:
    """The method in sentences (shared by the PDF and the agenda item)."""
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
    facts.append(_("Amounts are in kr. at {year} prices; budget tables in 1,000 kr., savings "
                   "negative.").format(year=c.price_base_year))
    facts.append(_("The recommendation maximises {objective} under the budget frames by exact "
                   "integer optimisation; mandatory initiatives are forced in.").format(
        objective=labels.objective(c.scenario.objective).lower()))
    facts.append(_("Data as of {date}.").format(date=format_date(c.data_date)))
    return facts


def method(c: ReportContent) -> list[Flowable]:
    """The method section with the criteria table and the scoring guides."""
    st = styles()
    out: list[Flowable] = [Paragraph(esc(_("Method")), st["h1"])]
    for fact in method_facts(c):
        out.append(Paragraph(esc(fact), st["bullet"], bulletText="•"))
    out.append(Paragraph(esc(_("Criteria and weights")), st["h2"]))
    rows = [[cr.name, format_percent(cr.weight, 1), scale_text(cr), cr.description]
            for cr in c.criteria]
    out.append(data_table([_("Criterion"), _("Weight"), _("Scale"), _("What it measures")],
                          rows, [100, 42, 150, 219], right=[1]))
    guides = [cr for cr in c.criteria if cr.levels]
    if guides:
        out.append(Paragraph(esc(_("Scoring guides")), st["h2"]))
        for cr in guides:
            out.append(Paragraph(esc(cr.name), st["h3"]))
            rows = [[f"{lv.level} {lv.label}", lv.guide] for lv in cr.levels]
            out.append(data_table([_("Level"), _("Meaning")], rows, [80, 431]))
    return out
