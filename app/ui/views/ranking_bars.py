"""Contributions drawn as a stacked bar: one segment per criterion, one colour per criterion.

The delegate reads a tuple of contributions (weight × score, in criterion order) from the
model's ``CONTRIBUTIONS_ROLE`` and paints them left to right on a common scale, so bars
of different rows compare by length. Colour is never the only carrier: the legend names
the criteria in the same order as the segments, each segment's tooltip (the model's
ToolTipRole) spells out the numbers, and the comparison panel lists them in text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

#: Paul Tol's "muted" qualitative scheme (colour-blind safe; https://personal.sron.nl/~pault/),
#: kept apart from the Okabe–Ito colours the charts use for forvaltninger so that a criterion
#: is never mistaken for a unit.
CRITERION_COLOURS: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
    "#DDCC77", "#CC6677", "#882255", "#AA4499",
)

#: Model role carrying ``tuple[float, ...]`` contributions in criterion order.
CONTRIBUTIONS_ROLE = int(Qt.ItemDataRole.UserRole) + 10


def criterion_colour(index: int) -> QColor:
    """The colour of the ``index``-th criterion (cycles after nine criteria)."""
    return QColor(CRITERION_COLOURS[index % len(CRITERION_COLOURS)])


class ContributionBarDelegate(QStyledItemDelegate):
    """Paints the contributions of a row as a stacked horizontal bar.

    ``scale`` is the score that fills the whole cell (1.0 = the best possible total
    score, so lengths are absolute, not relative to the portfolio's best).
    """

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self._scale = scale

    def set_scale(self, scale: float) -> None:
        """Set the score that fills the whole cell width (must be > 0)."""
        self._scale = scale if scale > 0 else 1.0

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        values = index.data(CONTRIBUTIONS_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        if not values:
            return
        rect = QRectF(opt.rect.adjusted(4, 5, -4, -5))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        x = rect.left()
        for i, value in enumerate(values):
            width = rect.width() * max(0.0, float(value)) / self._scale
            if width <= 0:
                continue
            width = min(width, rect.right() - x)
            if width <= 0:
                break
            painter.fillRect(QRectF(x, rect.top(), width, rect.height()), criterion_colour(i))
            x += width
        # A thin outline of the whole possible length keeps short bars readable on a projector.
        painter.setPen(QPen(opt.palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(QRect(int(rect.left()), int(rect.top()), int(rect.width()), int(rect.height())))
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        return QSize(max(base.width(), 220), base.height())


def legend_html(names: Sequence[str], weights: Sequence[float] | None = None,
                extra: Sequence[str] = ()) -> str:
    """Rich text naming the criteria with a square of each one's colour, in bar order.

    ``weights`` in percent (optional) is shown after each name; ``extra`` texts (e.g. what
    the marks mean) follow the criteria.
    """
    parts = []
    for i, name in enumerate(names):
        colour = CRITERION_COLOURS[i % len(CRITERION_COLOURS)]
        suffix = ""
        if weights is not None and i < len(weights):
            from app.services.formatting import format_percent

            suffix = "&nbsp;(" + format_percent(weights[i] / 100, 0).replace("\u00a0", "&nbsp;") + ")"
        parts.append(
            f'<span style="color:{colour}; font-size:large">&#9632;</span>&nbsp;'
            f"{i + 1}.&nbsp;{escape(name)}{suffix}"
        )
    parts += [escape(text).replace(" ", "&nbsp;") for text in extra]
    return "&nbsp;&nbsp; ".join(parts)


class CriterionLegend(QLabel):
    """A wrapping legend: coloured square, number and name of each criterion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._names: list[str] = []

    def set_criteria(self, names: Sequence[str], weights: Sequence[float] | None = None,
                     extra: Sequence[str] = ()) -> None:
        """Show ``names`` (in segment order) with their weights in percent, then ``extra``."""
        self._names = list(names)
        self.setText(legend_html(names, weights, extra))

    def names(self) -> list[str]:
        """The criterion names shown, in segment order."""
        return list(self._names)
