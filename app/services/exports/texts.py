"""Sentences shared by the agenda item and the bilag: the method in brief and the
"at"-points of the Indstilling."""

from __future__ import annotations

from app.services import labels
from dataclasses import dataclass

from app.services.exports.content import ReportContent
from app.services.exports.fmt import format_score
from app.services.formatting import format_amount, format_date, format_number, format_percent
from app.services.i18n import _, ngettext
from app.services.snapshots import InitiativeRow


@dataclass(frozen=True)
class RecommendedLine:
    """One initiative of the recommended portfolio as the papers print it: rank, why it
    is in (``basis``), cost in the tables' unit and score in points."""

    rank: str
    id: str
    title: str
    lead_department: str
    basis: str
    cost: str
    score: str


def basis(c: ReportContent, ini: InitiativeRow) -> str:
    """Why an initiative is in the recommendation: mandatory, committed or chosen."""
    if ini.mandatory:
        return _("mandatory")
    rec = c.recommendation
    return _("committed") if rec is not None and ini.id in rec.always_in else _("chosen")


def recommended_lines(c: ReportContent) -> list[RecommendedLine]:
    """The visible initiatives of the recommendation in rank order (none without one)."""
    if c.recommendation is None:
        return []
    ranks = {r.id: r for r in c.ranking}
    out = []
    for ini in c.visible(c.recommendation.selected):
        r = ranks.get(ini.id)
        out.append(RecommendedLine(str(r.rank) if r else "", ini.id, ini.title,
                                   ini.lead_department, basis(c, ini), c.money(ini.total_cost),
                                   format_score(r.score) if r else ""))
    return out


def hidden_note(count: int) -> str:
    """The note under the budget of a public version: how many confidential initiatives
    it leaves out — of the lists and of every figure, totals included."""
    return ngettext(
        "{n} confidential initiative is left out of this version: of the lists and of every "
        "figure, totals included.",
        "{n} confidential initiatives are left out of this version: of the lists and of "
        "every figure, totals included.", count).format(n=count)


def no_recommendation_hint(c: ReportContent) -> str:
    """What it takes to get a recommendation: budget frames when the scenario has none;
    "" when a recommendation was computed or the scenario has frames (the reason then
    says what went wrong)."""
    if c.recommendation is not None or c.scenario.frames:
        return ""
    return _("A recommended portfolio is computed once the scenario has budget frames "
             "(set them in the Recommendation view).")


def cost_split(c: ReportContent) -> str:
    """"Of the total cost, X is within the budget frames and Y is financed outside the
    frame" (and Z falls in years or types no frame covers, when yearly frames leave some
    out) — or "" when the frames hold the whole total cost."""
    rec = c.recommendation
    if rec is None:
        return ""
    rest = rec.total_cost - rec.cost_in_frame - rec.cost_outside_frame
    rest = rest if abs(rest) > 0.005 else 0.0
    if rec.cost_outside_frame <= 0 and not rest:
        return ""
    inside = format_amount(rec.cost_in_frame, c.currency)
    if not rest:
        return _("Of the total cost, {inside} is within the budget frames and {outside} is "
                 "financed outside the frame (mandatory initiatives).").format(
            inside=inside, outside=format_amount(rec.cost_outside_frame, c.currency))
    text = _("Of the total cost, {inside} is within the budget frames and {rest} falls in "
             "years or types without a frame.").format(
        inside=inside, rest=format_amount(rest, c.currency))
    if rec.cost_outside_frame > 0:
        text += " " + _("{outside} is financed outside the frame (mandatory "
                        "initiatives).").format(
            outside=format_amount(rec.cost_outside_frame, c.currency))
    return text


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
        rate=format_percent(c.discount_rate), years=c.horizon_years)
        + " " + _("Years of the horizon without business-case lines count as 0: nothing is "
                  "extrapolated, so an NNV whose lines stop before its horizon ends leaves "
                  "out any cost or benefit that continues."))
    facts.append(_("Amounts are in {currency} in {prices}; budget tables in {unit}, "
                   "savings negative.").format(
        currency=c.currency_text, unit=c.unit,
        prices=c.prices or _("{year} prices").format(year=c.price_base_year)))
    facts.append(_("The recommendation maximises {objective} under the budget frames by exact "
                   "integer optimisation; mandatory initiatives are forced in.").format(
        objective=labels.objective(c.scenario.objective).lower()))
    facts.append(_("Data as of {date}.").format(date=format_date(c.data_date)))
    return facts


def frames_text(c: ReportContent) -> str:
    """The scenario's budget frames in words: "2027: 3.000.000 kr.; 2028: 2.000.000 kr."."""
    parts = []
    for year, ftype, amount in c.scenario.frames:
        parts.append(f"{labels.frame(year, ftype)}: {format_amount(amount, c.currency)}")
    return "; ".join(parts)


def at_points(c: ReportContent) -> list[str]:
    """The numbered "at"-points of the Indstilling (each completes "… indstiller, at")."""
    rec = c.recommendation
    points: list[str] = []
    if rec is None:
        points.append(_("the ranking of the portfolio's initiatives is noted,"))
        points.append(_("budget frames for digitalisation are set for the budget year and the "
                        "outline years, so that a recommended portfolio can be computed."))
    else:
        points.append(_("the steering group's recommendation of a portfolio of {n} initiatives "
                        "with a total cost of {cost} is approved (appendix 1),").format(
            n=len(rec.selected),  # public: the cost leaves the hidden out, so does n
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
