"""A legend drawn from the description's ``LegendEntry`` list: swatch (colour + shape /
pattern / line) and the label, in one column, wrapped labels never clipped."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.charts.model import LegendEntry
from app.ui.charts.style import font, paint_swatch


class LegendWidget(QWidget):
    """Paints the entries top to bottom; ``font_px`` sets the type size."""

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0,
                 width: int = 230) -> None:
        super().__init__(parent)
        self._entries: list[LegendEntry] = []
        self._font = font(font_px)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setFixedWidth(width)

    def set_entries(self, entries: Sequence[LegendEntry]) -> None:
        """Show ``entries``; the legend widens so that its longest word is never cut."""
        self._entries = list(entries)
        fm = QFontMetricsF(self._font)
        words = [w for e in self._entries for w in e.label.split()]
        need = fm.height() * 0.95 + 16 + max((fm.horizontalAdvance(w) for w in words), default=0)
        width = int(max(self._base_width, min(need, self._base_width * 1.8)))
        if width != self._width:
            self._width = width
            QWidget.setFixedWidth(self, width)
        self.updateGeometry()
        self.update()

    def setFixedWidth(self, w: int) -> None:  # noqa: N802 - Qt's name
        """Fix the (least) width; ``set_entries`` may widen it for a long word."""
        self._base_width = w
        self._width = w
        super().setFixedWidth(w)

    def entries(self) -> list[LegendEntry]:
        return list(self._entries)

    def _layout(self) -> list[tuple[LegendEntry, QRectF, float]]:
        fm = QFontMetricsF(self._font)
        swatch = fm.height() * 0.95
        text_w = self._width - swatch - 14
        y = 2.0
        out = []
        for entry in self._entries:
            rect = fm.boundingRect(QRectF(0, 0, text_w, 10_000),
                                   int(Qt.TextFlag.TextWordWrap), entry.label)
            h = max(rect.height(), swatch)
            out.append((entry, QRectF(swatch + 10, y, text_w, h), swatch))
            y += h + fm.height() * 0.3
        return out

    def sizeHint(self) -> QSize:
        rows = self._layout()
        height = int(rows[-1][1].bottom() + 4) if rows else 0
        return QSize(self._width, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self._font)
        for entry, rect, swatch in self._layout():
            paint_swatch(painter, entry, 2, rect.top() + (min(rect.height(), swatch * 1.2) - swatch) / 2,
                         swatch)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop), entry.label)
        painter.end()
