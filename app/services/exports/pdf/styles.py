"""Paragraph and table styles of the bilag, and safe text for Paragraph markup."""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from app.services.exports.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
ACCENT = colors.HexColor("#1f4e79")  # a sober municipal blue
RULE = colors.HexColor("#b7c4d1")
ZEBRA = colors.HexColor("#f2f5f8")
HEADER_BG = colors.HexColor("#dfe7ef")
SELECTED_BG = colors.HexColor("#e3f1e3")
WHAT_IF = colors.HexColor("#b3261e")


def esc(text: object) -> str:
    """User text as Paragraph markup that prints literally: ``&``, ``<``, ``>`` escaped,
    line breaks kept. Paragraph parses its text as XML-like markup, so every piece of user
    text must pass through here (DESIGN §9)."""
    return escape(str(text)).replace("\n", "<br/>")


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles (DejaVu Sans; body 9.5 pt)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=INK,
                          spaceAfter=5)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, spaceAfter=2),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8, leading=10,
                                textColor=MUTED, spaceAfter=2),
        "note": ParagraphStyle("note", parent=body, fontName=ITALIC, fontSize=8.5,
                               leading=11, textColor=MUTED),
        "h1": ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=16, leading=20,
                             textColor=ACCENT, spaceBefore=4, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=12, leading=15,
                             textColor=ACCENT, spaceBefore=8, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=10, leading=13,
                             spaceBefore=6, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=9.8, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=BOLD, fontSize=8,
                                    leading=9.8, spaceAfter=0),
        "cell_right": ParagraphStyle("cell_right", parent=body, fontSize=8, leading=9.8,
                                     spaceAfter=0, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=body, fontName=BOLD, fontSize=7.5, leading=9,
                               spaceAfter=0, alignment=TA_LEFT),
        "head_right": ParagraphStyle("head_right", parent=body, fontName=BOLD, fontSize=7.5,
                                     leading=9, spaceAfter=0, alignment=TA_RIGHT),
        "cover_title": ParagraphStyle("cover_title", parent=body, fontName=BOLD, fontSize=24,
                                      leading=30, textColor=ACCENT, spaceAfter=12),
        "cover_sub": ParagraphStyle("cover_sub", parent=body, fontSize=13, leading=18,
                                    spaceAfter=6),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2,
                                 spaceAfter=2),
    }
