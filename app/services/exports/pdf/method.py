"""The method section: criteria, scales and scoring guides, weights and when they were
adopted, CR where a pairwise comparison was used, discount rate and horizon, tie rule,
date of the data (DESIGN §7)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from app.services.exports.content import CriterionFacts, ReportContent
from app.services.exports.pdf.styles import esc, styles
from app.services.exports.pdf.tables import data_table
from app.services.exports.texts import method_facts
from app.services.formatting import format_number, format_percent
from app.services.i18n import _


def scale_text(c: CriterionFacts) -> str:
    """How a criterion is scored, in one sentence."""
    if c.kind == "numeric":
        text = _("Numeric: {low} {unit} scores 0 points and {high} {unit} 100 points, linear "
                 "between and capped.").format(low=format_number(c.anchor_low, 0),
                                        high=format_number(c.anchor_high, 0),
                                        unit=c.unit_label).replace("  ", " ")
    else:
        text = _("Five levels 0–4 (points = level × 25).")
    if c.lower_is_better:
        text += " " + _("Lower is better (the scale is reversed).")
    return text


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
            rows = [[f"{lv.level} {lv.label}", lv.guide] for lv in cr.levels]
            out.append(KeepTogether([Paragraph(esc(cr.name), st["h3"]),
                                     data_table([_("Level"), _("Meaning")], rows, [80, 431])]))
    return out
