"""The first sections of the bilag: cover, summary and the recommended portfolio."""

from __future__ import annotations

import io

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from app.services import labels
from app.services.exports.content import ReportContent
from app.services.exports.pdf.styles import WHAT_IF, esc, styles
from app.services.exports.fmt import format_number, format_score
from app.services.exports.pdf.tables import data_table
from app.services.exports.texts import cost_split, no_recommendation_hint, recommended_lines
from app.services.formatting import format_amount, format_date, format_long_date
from app.services.i18n import _, ngettext


def logo(png: bytes | None, max_w: float = 5 * cm, max_h: float = 2.5 * cm) -> Flowable | None:
    """The municipality's logo scaled into ``max_w`` × ``max_h``; None when there is none
    or it cannot be read (a broken logo never stops the bilag)."""
    if not png:
        return None
    try:
        from reportlab.lib.utils import ImageReader

        reader = ImageReader(io.BytesIO(png))
        w, h = reader.getSize()
        scale = min(max_w / w, max_h / h)
        img = Image(io.BytesIO(png), width=w * scale, height=h * scale)
        img.hAlign = "LEFT"
        return img
    except Exception:  # noqa: BLE001 - an unreadable logo is left out
        return None


def what_if_stamp() -> Table:
    """A red framed "HVAD-NU-HVIS" stamp for what-if scenarios."""
    st = styles()
    p = Paragraph(f'<font color="{WHAT_IF.hexval()}"><b>{esc(_("WHAT-IF SCENARIO"))}</b></font>'
                  f'<br/>{esc(_("Not the adopted basis: weights or frames differ."))}',
                  st["body"])
    t = Table([[p]], colWidths=[9 * cm], hAlign="LEFT")
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2, WHAT_IF),
                           ("TOPPADDING", (0, 0), (-1, -1), 6),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return t


def cover_subtitle(c: ReportContent) -> str:
    """What the bilag is: the steering group's recommendation, or — when none was computed
    (no budget frame, or frames nothing fits) — the portfolio's ranking."""
    if c.recommendation is None:
        return _("Appendix to the agenda item: the ranking of the digitalisation portfolio "
                 "(no recommendation computed)")
    return _("Appendix to the agenda item: the digitalisation steering group's "
             "recommendation")


def cover(c: ReportContent) -> list[Flowable]:
    """Cover: logo, municipality, title, date, scenario, what-if stamp, data date."""
    st = styles()
    out: list[Flowable] = []
    img = logo(c.logo_png)
    if img is not None:
        out += [img, Spacer(1, 0.6 * cm)]
    else:
        out.append(Spacer(1, 2.5 * cm))
    if c.municipality:
        out.append(Paragraph(esc(c.municipality), st["cover_sub"]))
    out.append(Spacer(1, 2 * cm))
    out.append(Paragraph(esc(c.title), st["cover_title"]))
    out.append(Paragraph(esc(cover_subtitle(c)), st["cover_sub"]))
    out.append(Spacer(1, 1 * cm))
    facts = [
        *([(_("Meeting date"), format_long_date(c.meeting_date))] if c.meeting_date else []),
        (_("Date"), format_long_date(c.generated_at.date())),
        (_("Scenario"), c.scenario.name),
        (_("Budget year"), f"{c.budget_year}–{c.budget_year + 3}"),
        (_("Data as of"), format_date(c.data_date)),
        (_("Weights"), c.weights.name or "–"),
    ]
    t = Table([[Paragraph(esc(k), st["h3"]), Paragraph(esc(v), st["body"])] for k, v in facts],
              colWidths=[4 * cm, 10 * cm], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    out.append(t)
    if c.scenario.is_what_if:
        out += [Spacer(1, 1 * cm), what_if_stamp()]
    out.append(Spacer(1, 1.5 * cm))
    if c.public and c.hidden_count:
        out.append(Paragraph(esc(ngettext(
            "For a public agenda: {n} confidential initiative is left out.",
            "For a public agenda: {n} confidential initiatives are left out.",
            c.hidden_count).format(n=c.hidden_count)), st["note"]))
    elif not c.public and any(r.confidential for r in c.initiatives.values()):
        out.append(Paragraph(esc(_("For internal use: this appendix includes confidential "
                                   "initiatives.")), st["note"]))
    return out


def _money(c: ReportContent, value: float | None) -> str:
    return format_amount(value, c.currency)


def summary(c: ReportContent) -> list[Flowable]:
    """The summary (resumé): the portfolio in numbers and the recommendation in brief."""
    st = styles()
    out: list[Flowable] = [Paragraph(esc(_("Summary")), st["h1"])]
    n = len(c.initiatives)
    bullets = [ngettext("The portfolio holds {n} initiative.",
                        "The portfolio holds {n} initiatives.", n).format(n=n)]
    mandatory = [r for r in c.initiatives.values() if r.mandatory]
    if mandatory:
        bullets.append(ngettext("{n} initiative is mandatory (law or binding agreement).",
                                "{n} initiatives are mandatory (law or binding agreement).",
                                len(mandatory)).format(n=len(mandatory)))
    rec = c.recommendation
    if rec is None:
        bullets.append(c.no_recommendation_reason)
        bullets.append(_("The ranking, the charts and the method below still show how the "
                         "initiatives compare."))
    else:
        bullets.append(ngettext(
            "The steering group recommends a portfolio of {n} initiative with a total cost "
            "of {cost} and a total score of {score} points.",
            "The steering group recommends a portfolio of {n} initiatives with a total cost "
            "of {cost} and a total score of {score} points.", len(rec.selected)).format(
            n=len(rec.selected), cost=_money(c, rec.total_cost),
            score=format_score(rec.total_score)))
        if cost_split(c):
            bullets.append(cost_split(c))
        bullets.append(_("{chosen} of them are chosen among the proposals; {fixed} are already "
                         "committed or mandatory.").format(chosen=len(rec.chosen),
                                                         fixed=len(rec.always_in)))
        if rec.binding:
            bullets.append(_("Binding (no other initiative fits): {names}.").format(
                names=", ".join(rec.binding)))
        if rec.price_of_mandatory > 0 and rec.objective == "npv":  # the NNV's price: kr.
            bullets.append(_("The price of the mandatory initiatives: the free budget loses "
                             "{value} of net present value.").format(
                value=_money(c, rec.price_of_mandatory)))
        elif rec.price_of_mandatory > 0:
            bullets.append(_("The price of the mandatory initiatives: the free budget loses "
                             "{value} points of total score.").format(
                value=format_score(rec.price_of_mandatory)))
        bullets.append(_("For comparison, simply going down the ranking until the money runs "
                         "out gives a total score of {greedy} (the recommendation: {best}).")
                       .format(greedy=format_score(rec.greedy_total_score),
                               best=format_score(rec.total_score)))
        if rec.hidden_selected:
            bullets.append(ngettext(
                "{n} confidential initiative in the recommendation is not listed.",
                "{n} confidential initiatives in the recommendation are not listed.",
                rec.hidden_selected).format(n=rec.hidden_selected))
    for b in bullets:
        out.append(Paragraph(esc(b), st["bullet"], bulletText="•"))
    if rec is None:
        if no_recommendation_hint(c):
            out.append(Paragraph(esc(no_recommendation_hint(c)), st["note"]))
    else:
        out.append(Paragraph(esc(_("The recommendation is the steering group's proposal to "
                                   "the committee, not a decision.")), st["note"]))
    return out


def _mandatory_list(c: ReportContent, ids: list[str], st: dict) -> list[Flowable]:
    """The "Mandatory initiatives" heading and one bullet per visible mandatory item."""
    out: list[Flowable] = [Paragraph(esc(_("Mandatory initiatives")), st["h2"])]
    shown = c.visible(ids)
    if not ids:
        out.append(Paragraph(esc(_("None of the initiatives is mandatory.")), st["body"]))
    for ini in shown:
        text = f"{ini.id} {ini.title}"
        if ini.outside_frame:
            text += " — " + _("financed outside the frame")
        out.append(Paragraph(esc(text), st["bullet"], bulletText="•"))
    return out


def recommendation(c: ReportContent) -> list[Flowable]:
    """The recommended portfolio with the mandatory items and the frames used."""
    st = styles()
    out: list[Flowable] = [Paragraph(esc(_("Recommended portfolio")), st["h1"])]
    rec = c.recommendation
    if rec is None:
        out.append(Paragraph(esc(c.no_recommendation_reason), st["body"]))
        # the mandatory items go into any recommendation; the reader still sees them
        mandatory = [r.id for r in c.ranking if r.mandatory]
        out += _mandatory_list(c, mandatory, st)
        if mandatory:
            out.append(Paragraph(esc(_("Mandatory initiatives are part of every recommended "
                                       "portfolio.")), st["small"]))
        return out
    out.append(Paragraph(esc(_(
        "The recommendation is the set of initiatives with the highest total score within "
        "the budget frames of the scenario “{scenario}”, found by exact optimisation "
        "(integer programming); committed and mandatory initiatives are always included, "
        "and an initiative is only chosen together with what it requires.").format(
        scenario=c.scenario.name)), st["body"]))
    rows = [[x.rank, x.id, x.title, x.lead_department, x.basis, x.cost, x.score]
            for x in recommended_lines(c)]
    widths = [28, 50, 175, 105, 58, 50, 45]
    out.append(data_table([_("Rank"), _("Id"), _("Initiative"), _("Lead unit"), _("Basis"),
                           _("Cost, {unit}").format(unit=c.unit), _("Score (0–100)")], rows,
                          widths, right=[0, 5, 6], flex=(2, 3)))
    out.append(Spacer(1, 6))
    out += _mandatory_list(c, rec.mandatory, st)
    if rec.frames:
        out.append(Paragraph(esc(_("Budget frames")), st["h2"]))
        frows = [[f.label, *((c.money(f.cap), c.money(f.used)) if f.unit == "kr." else
                             (format_number(f.cap, 1), format_number(f.used, 1))),
                  labels.yes_no(f.binding)] for f in rec.frames]
        out.append(data_table([_("Frame"), _("Frame, {unit}").format(unit=c.unit),
                               _("Used, {unit}").format(unit=c.unit),
                               _("Binding")], frows, [180, 100, 100, 80], right=[1, 2],
                              flex=0))
        out.append(Paragraph(esc(_("Binding: no other initiative fits within the frame; "
                                   "money may still be left over.")), st["small"]))
    if rec.not_selectable:
        out.append(Paragraph(esc(_("Not selectable (no costs, or costs without a year)")),
                             st["h3"]))
        names = ", ".join(f"{i.id} {i.title}" for i in c.visible(rec.not_selectable))
        out.append(Paragraph(esc(names), st["small"]))
    if not rec.optimal:
        out.append(Paragraph(esc(_("The optimiser stopped before proving optimality; the "
                                   "portfolio is the best found.")), st["note"]))
    return out
