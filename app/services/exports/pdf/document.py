"""Build the PDF bilag (reportlab platypus, A4): page frame, "Side x af y", and the order
of the sections.

Page numbers are written after layout by ``NumberedCanvas`` (it keeps each page's state
and draws the footer once the page count is known), so "Side x af y" is right without a
second layout pass. The cancel hook is checked after every page; the progress callback
gets the fraction of flowables laid out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate

from app.services.exports.common import ExportHooks
from app.services.exports.content import ReportContent
from app.services.exports.pdf.fonts import BOLD, REGULAR, register_fonts
from app.services.exports.pdf.styles import MUTED, RULE, WHAT_IF
from app.services.exports.texts import hidden_note
from app.services.formatting import format_date
from app.services.i18n import _

MARGIN = 42.0
PAGE_W, PAGE_H = A4


def _numbered_canvas(header: str, footer_left: str, what_if: str | None) -> type:
    """A canvas class that stamps the header, footer and "Side x af y" on every page."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self._pageNumber
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 1.6 * cm, PAGE_W - MARGIN, 1.6 * cm)
            self.setFillColor(MUTED)
            self.setFont(REGULAR, 7.5)
            self.drawString(MARGIN, 1.15 * cm, footer_left)
            self.drawRightString(PAGE_W - MARGIN, 1.15 * cm,
                                 _("Page {page} of {total}").format(page=page, total=total))
            if page > 1:
                self.line(MARGIN, PAGE_H - 1.4 * cm, PAGE_W - MARGIN, PAGE_H - 1.4 * cm)
                self.drawString(MARGIN, PAGE_H - 1.2 * cm, header)
            if what_if:
                self.setFillColor(WHAT_IF)
                self.setFont(BOLD, 8)
                self.drawRightString(PAGE_W - MARGIN, PAGE_H - 1.2 * cm, what_if)
            self.restoreState()

    return NumberedCanvas


class _BilagDoc(BaseDocTemplate):
    def __init__(self, filename: str, hooks: ExportHooks, total: int, **kw: Any) -> None:
        super().__init__(filename, **kw)
        self._hooks = hooks
        self._total = max(total, 1)
        self._done = 0
        frame = Frame(MARGIN, 2.0 * cm, PAGE_W - 2 * MARGIN, PAGE_H - 2.0 * cm - 1.8 * cm,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover = Frame(MARGIN + 20, 2.4 * cm, PAGE_W - 2 * MARGIN - 40, PAGE_H - 5 * cm, id="cover")
        self.addPageTemplates([PageTemplate("cover", [cover]), PageTemplate("body", [frame])])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab API
        self._done += 1
        if self._done % 25 == 0:
            self._hooks.step(0.2 + 0.75 * self._done / self._total, _("Laying out pages"))

    def afterPage(self) -> None:  # noqa: N802 - reportlab API
        self._hooks.check()


def build_pdf(content: ReportContent, out: Path, *, appendix: bool = False,
              hooks: ExportHooks | None = None) -> int:
    """Write the bilag of ``content`` to ``out`` (the caller makes it atomic); returns
    the number of pages. Raises ``Cancelled`` when the cancel hook fires."""
    from app.services.exports.pdf import appendix as appendix_mod
    from app.services.exports.pdf import charts, front, method, ranking
    from app.services.exports.pdf.tables import budget_flowables
    from app.services.exports.pdf.styles import esc, styles
    from reportlab.platypus import Paragraph

    hooks = hooks or ExportHooks()
    register_fonts()
    st = styles()
    story: list[Flowable] = [*front.cover(content), NextPageTemplate("body"), PageBreak()]
    story += front.summary(content)
    story += front.recommendation(content)
    story += [Paragraph(esc(_("Economy")), st["h1"]),
              Paragraph(esc(content.budget_scope + " " + _(
                  "Amounts in {unit} in {prices}; savings are negative.").format(
                  unit=content.unit, prices=content.prices or _("{year} prices").format(
                      year=content.price_base_year))), st["body"]),
              *budget_flowables(content)]
    if content.hidden_count and content.public:
        story.append(Paragraph(esc(hidden_note(content.hidden_count)), st["note"]))
    hooks.step(0.16, _("Charts"))
    story += [PageBreak(), *ranking.ranking(content)]
    story += charts.chart_pages(content, hooks)
    story += [PageBreak(), *method.method(content)]
    if appendix:
        hooks.step(0.18, _("Initiative pages"))
        story += appendix_mod.appendix(content)
    header = " · ".join(x for x in (content.municipality, content.title,
                                    _("Scenario: {name}").format(name=content.scenario.name))
                        if x)
    footer = _("Prioritise · printed {date}").format(
        date=format_date(content.generated_at.date()) + " " + content.generated_at.strftime("%H:%M"))
    what_if = _("WHAT-IF") if content.scenario.is_what_if else None
    doc = _BilagDoc(str(out), hooks, len(story), pagesize=A4, title=content.title,
                    author=content.municipality or "Prioritise", creator="Prioritise",
                    subject=front.cover_subtitle(content),
                    leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN)
    doc.build(story, canvasmaker=_numbered_canvas(header, footer, what_if))
    return doc.page
