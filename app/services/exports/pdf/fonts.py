"""The TrueType family embedded in every PDF: DejaVu Sans (Bitstream Vera licence, see
``resources/fonts/LICENSE-DejaVu.txt``). It covers Latin Extended (Ł, Č, Æ, Ø, Å),
subscript digits (CO₂), en dash and the non-breaking hyphen, so any European text prints.
reportlab embeds the used glyphs as a subset.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[4] / "resources" / "fonts"

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_registered = False


def register_fonts() -> None:
    """Register the DejaVu Sans family with reportlab once (idempotent).

    Raises ``FileNotFoundError`` naming the file when a font is missing from resources.
    """
    global _registered
    if _registered:
        return
    for name, filename in _FILES.items():
        path = FONT_DIR / filename
        if not path.is_file():
            raise FileNotFoundError(f"font missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    _registered = True
