"""The optional appendix: one page per initiative (facts, description, scores,
business case by year, dependencies)."""

from __future__ import annotations

from collections import defaultdict

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Table, TableStyle

from app.services import labels
from app.services.exports.content import ReportContent
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.services.exports.pdf.fonts import BOLD, REGULAR
from app.services.exports.pdf.styles import RULE, esc, styles
from app.services.exports.pdf.tables import data_table
from app.services.formatting import format_amount, format_date
from app.services.exports.fmt import format_number, format_score
from app.services.i18n import _


def _facts_table(rows: list[tuple[str, str]]) -> Table:
    st = styles()
    data = [[Paragraph(esc(k), st["cell_bold"]) if stringWidth(k, BOLD, 8) > 112 else k,
             Paragraph(esc(v), st["cell"]) if stringWidth(v, REGULAR, 8) > 383 else v]
            for k, v in rows]
    t = Table(data, colWidths=[120, 391], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("FONT", (0, 0), (0, -1), BOLD, 8, 9.8),
                           ("FONT", (1, 0), (1, -1), REGULAR, 8, 9.8),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return t


def initiative_page(c: ReportContent, iid: str, required_by: dict[str, list[str]]) -> list[Flowable]:
    """The page of one initiative (starts on a new page)."""
    st = styles()
    ini = c.initiatives[iid]
    rank = next((r for r in c.ranking if r.id == iid), None)
    out: list[Flowable] = [PageBreak(), Paragraph(esc(f"{ini.id} {ini.title}"), st["h2"])]
    rec = c.recommendation
    in_rec = "–" if rec is None else labels.yes_no(iid in rec.selected)
    period = f"{format_date(ini.start_date)} – {format_date(ini.end_date)}"
    facts = [
        (_("Lead unit"), ini.lead_department or "–"),
        (_("Participating units"), ", ".join(ini.departments[1:]) or "–"),
        (_("Phase"), labels.phase(ini.phase)),
        (_("Kind / audience"), f"{labels.kind(ini.kind)} / {labels.audience(ini.audience)}"),
        (_("Mandatory"), labels.yes_no(ini.mandatory)
         + (" (" + _("financed outside the frame") + ")" if ini.outside_frame else "")),
        (_("Period"), period),
        (_("Project owner / manager"),
         " / ".join(x for x in (ini.project_owner, ini.project_manager) if x) or "–"),
        (_("Financing"), ini.financing or "–"),
        (_("Rank and score (0–100)"), f"{rank.rank} · {format_score(rank.score)}"
         if rank else "–"),
        (_("In the recommendation"), in_rec),
        (_("Cost in total"), format_amount(ini.total_cost, c.currency)),
        (_("Internal resources"), _("{fte} full-time equivalents").format(
            fte=format_number(ini.internal_fte, 1))),
    ]
    out.append(_facts_table(facts))
    if ini.description:
        out.append(Paragraph(esc(_("Description")), st["h3"]))
        out.append(Paragraph(esc(ini.description), st["body"]))
    agreed = c.agreed.get(iid, {})
    if c.criteria:
        rows = []
        for cr in c.criteria:
            value = agreed.get(cr.key)
            contrib = rank.contributions.get(cr.key, 0.0) if rank else 0.0
            if value is None:
                shown = _("not assessed")
            elif cr.kind == "numeric":
                shown = f"{format_number(value, 0)} {cr.unit_label}".strip()
            else:
                lv = next((lv for lv in cr.levels if lv.level == int(value)), None)
                shown = f"{int(value)} {lv.label}" if lv else format_number(value, 0)
            rows.append([cr.name, shown, format_score(contrib)])
        # each initiative starts a page, so the table needs no KeepTogether (a wrap pass saved)
        out.append(Paragraph(esc(_("Agreed assessment")), st["h3"]))
        out.append(data_table([_("Criterion"), _("Agreed value"), _("Contribution (points)")], rows,
                              [190, 221, 100], right=[2]))
    lines = [ln for ln in c.lines_by_initiative.get(iid, []) if ln.cash]
    if lines:
        years = sorted({ln.budget_year for ln in lines if ln.budget_year is not None})
        cols: list[int | None] = [*years, *([None] if any(ln.budget_year is None for ln in lines)
                                            else [])]
        table: dict[str, dict[int | None, float]] = defaultdict(lambda: defaultdict(float))
        for ln in lines:
            # a type or kind the source did not give is said so, never shown as drift/cash
            kind = labels.benefit_kind(ln.benefit_kind or "") or _("kind not stated")
            key = ((labels.line_type(ln.line_type) or _("Cost not split into capital/operating"))
                   if ln.flow == "cost" else _("Benefit") + f" ({kind})")
            sign = 1.0 if ln.flow == "cost" else -1.0
            table[key][ln.budget_year] += sign * ln.amount
        cols = cols[:8]  # at most eight columns fit the page; the rest are summed in "total"
        head = [c.unit, *(str(y) if y is not None else _("No year") for y in cols),
                _("Total")]
        rows = [[k, *(c.money(v.get(y, 0.0)) for y in cols),
                 c.money(sum(v.values()))] for k, v in table.items()]
        n = len(cols) + 1
        out.append(CondPageBreak(80))
        out.append(Paragraph(esc(_("Business case (cash, benefits negative)")), st["h3"]))
        out.append(data_table(head, rows, [140, *([371 / n] * n)], right=list(range(1, n + 1)),
                              zebra=False))
    needs = [c.initiatives[r].title if r in c.initiatives else r for r in ini.requires]
    needed = [c.initiatives[r].title for r in required_by.get(iid, []) if r in c.initiatives]
    if needs or needed:
        out.append(Paragraph(esc(_("Dependencies")), st["h3"]))
        if needs:
            out.append(Paragraph(esc(_("Requires: {items}").format(items="; ".join(needs))),
                                 st["small"]))
        if needed:
            out.append(Paragraph(esc(_("Required by: {items}").format(items="; ".join(needed))),
                                 st["small"]))
    return out


def appendix(c: ReportContent) -> list[Flowable]:
    """One page per visible initiative, in ranking order."""
    required_by: dict[str, list[str]] = defaultdict(list)
    for ini in c.initiatives.values():
        for r in ini.requires:
            required_by[r].append(ini.id)
    order = [r.id for r in c.ranking] + [i for i in c.initiatives if i not in
                                         {r.id for r in c.ranking}]
    out: list[Flowable] = []
    for k, iid in enumerate(order):
        page = initiative_page(c, iid, required_by)
        if k == 0:
            page.insert(1, Paragraph(esc(_("The initiatives one by one")), styles()["h1"]))
        out += page
    return out
