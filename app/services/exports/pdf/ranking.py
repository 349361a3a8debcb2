"""The ranking table of the bilag (every visible initiative, header on every page)."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from app.services import labels
from app.services.exports.content import ReportContent
from app.services.exports.pdf.fonts import BOLD, REGULAR
from app.services.exports.pdf.styles import esc, styles
from app.services.exports.pdf.tables import data_table
from app.services.exports.fmt import format_score
from app.services.formatting import format_value_for_money
from app.services.i18n import _


def ranking(c: ReportContent) -> list[Flowable]:
    """Ranking with score, value for money, cost and whether it is recommended.
    Marks: "O" obligatorisk; "✓" in the recommendation; "*" incomplete assessment."""
    st = styles()
    out: list[Flowable] = [Paragraph(esc(_("Ranking")), st["h1"])]
    out.append(Paragraph(esc(_(
        "Total score in points 0–100 = Σ weight × score on each criterion's fixed scale. "
        "Mandatory initiatives come first. Value for money = score points per {currency} 1m "
        "of cost. * = not assessed on every criterion (a missing score counts "
        "as 0).").format(currency=c.currency_text)), st["body"]))
    rec_col = c.recommendation is not None
    rows = []
    highlight = []
    for k, r in enumerate(c.ranking):
        title = r.title + (" *" if not r.complete else "")
        row = [str(r.rank), r.id, title, r.lead_department, labels.phase(r.phase),
               "O" if r.mandatory else "", format_score(r.score),
               format_value_for_money(r.value_for_money),
               c.money(r.total_cost)]
        if rec_col:
            row.append("✓" if r.selected else "")
            if r.selected:
                highlight.append(k)
        rows.append(row)
    head = [_("Rank"), _("Id"), _("Initiative"), _("Lead unit"), _("Phase"), _("Mand."),
            _("Score (0–100)"), _("Value for money"), _("Cost, {unit}").format(unit=c.unit)]
    widths = [28, 44, 136, 88, 66, 32, 32, 45, 40]
    if rec_col:
        head.append(_("Rec."))
        widths = [28, 44, 110, 88, 66, 32, 32, 45, 40, 26]
    # long source ids (e.g. "DFT_0023_1718-Q4") get their own line width, from the title
    id_w = min(92.0, max([44.0] + [stringWidth(r.id, REGULAR, 8) + 7 for r in c.ranking]))
    widths[2] -= id_w - widths[1]
    widths[1] = id_w
    # the phase column as wide as the phases present (a GMPP import has only "Idé"); the
    # room it does not need goes to the title
    phase_w = max([stringWidth(w, REGULAR, 8) + 7 for r in rows for w in str(r[4]).split()]
                  + [stringWidth(head[4], BOLD, 7.5) + 7, 40.0])
    if phase_w < widths[4]:
        widths[2] += widths[4] - phase_w
        widths[4] = phase_w
    out.append(data_table(head, rows, widths, right=[0, 6, 7, 8], highlight_rows=highlight,
                          flex=(2, 3)))
    if rec_col:
        out.append(Paragraph(esc(_("✓ = in the recommended portfolio (green rows); "
                                   "O = mandatory.")), st["muted"]))
    return out
