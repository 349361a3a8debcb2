"""The frame every chart sits in: a toolbar (chart controls, PNG, SVG, copy) above a canvas
holding the title, the what-if badge, the plot, the legend and the notes.

Exports render the canvas (title, plot, legend and notes; not the toolbar): PNG at
``PNG_SCALE`` × the on-screen size with 300 dpi written into the file (96 dpi × 3.2 ≥
300 dpi), SVG through ``QSvgGenerator`` (vector), and the clipboard gets the image at 2×.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from app.ui.charts.legend import LegendWidget
from app.ui.charts.style import font

PNG_SCALE = 3.2
PNG_DPI = 300


def render_image(widget: QWidget, scale: float, dpi: int | None = None) -> QImage:
    """``widget`` painted at ``scale`` × its size into a white image (``dpi`` written in)."""
    size = widget.size()
    image = QImage(max(1, int(size.width() * scale)), max(1, int(size.height() * scale)),
                   QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    if dpi:
        dpm = int(round(dpi / 0.0254))
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    widget.render(painter, QPoint(), QRegion(),
                  QWidget.RenderFlag.DrawChildren | QWidget.RenderFlag.DrawWindowBackground)
    painter.end()
    return image


def render_svg(widget: QWidget, path: Path, title: str = "") -> None:
    """``widget`` painted as vector graphics into the SVG file ``path``."""
    size = widget.size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("Prioritise")
    painter = QPainter(generator)
    widget.render(painter, QPoint(), QRegion(),
                  QWidget.RenderFlag.DrawChildren | QWidget.RenderFlag.DrawWindowBackground)
    painter.end()


class ChartPanel(QWidget):
    """Toolbar + canvas. Subclasses put their plot widget in with ``set_plot_widget``.

    ``dialogs`` is the dialog service (for the save dialogs); ``font_px`` the base type
    size (13 on screen; the presentation passes its own); ``toolbar`` False hides the
    toolbar (slides).
    """

    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True,
                 legend_width: int = 230) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.font_px = font_px
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.toolbar = QWidget(self)
        bar = QHBoxLayout(self.toolbar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.controls = QHBoxLayout()
        bar.addLayout(self.controls)
        bar.addStretch(1)
        self.png_button = QPushButton(self.tr("Save PNG…"), self.toolbar)
        self.svg_button = QPushButton(self.tr("Save SVG…"), self.toolbar)
        self.copy_button = QPushButton(self.tr("Copy"), self.toolbar)
        self.copy_button.setToolTip(self.tr("Copy the chart to the clipboard as an image"))
        for b in (self.png_button, self.svg_button, self.copy_button):
            bar.addWidget(b)
        self.png_button.clicked.connect(self._ask_png)
        self.svg_button.clicked.connect(self._ask_svg)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        outer.addWidget(self.toolbar)
        self.toolbar.setVisible(toolbar)

        self.canvas = QFrame(self)
        self.canvas.setObjectName("chartCanvas")
        self.canvas.setStyleSheet("#chartCanvas { background: white; }")
        self.canvas.setAutoFillBackground(True)
        pal = self.canvas.palette()
        pal.setColor(self.canvas.backgroundRole(), Qt.GlobalColor.white)
        pal.setColor(self.canvas.foregroundRole(), Qt.GlobalColor.black)
        self.canvas.setPalette(pal)
        inner = QVBoxLayout(self.canvas)
        inner.setContentsMargins(8, 6, 8, 6)
        head = QHBoxLayout()
        self.title_label = QLabel(self.canvas)
        self.title_label.setFont(font(font_px * 1.35, bold=True))
        self.title_label.setWordWrap(True)
        self.badge = QLabel(self.canvas)
        self.badge.setFont(font(font_px * 1.1, bold=True))
        self.badge.setStyleSheet("background: black; color: white; padding: 2px 8px;")
        self.badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.badge.hide()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(head)
        self.subtitle_label = QLabel(self.canvas)
        self.subtitle_label.setFont(font(font_px))
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.hide()
        inner.addWidget(self.subtitle_label)
        self.body = QHBoxLayout()
        inner.addLayout(self.body, 1)
        self.legend = LegendWidget(self.canvas, font_px=font_px, width=legend_width)
        self.body.addStretch(1)
        self.body.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignTop)
        self.notes_label = QLabel(self.canvas)
        self.notes_label.setFont(font(font_px))
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label.hide()
        inner.addWidget(self.notes_label)
        outer.addWidget(self.canvas, 1)
        self._plot_widget: QWidget | None = None

    # -- content ---------------------------------------------------------------------
    def set_plot_widget(self, widget: QWidget) -> None:
        """Put the plot (or a grid of plots) left of the legend."""
        if self._plot_widget is not None:
            self.body.removeWidget(self._plot_widget)
            self._plot_widget.deleteLater()
        else:
            item = self.body.takeAt(0)  # the placeholder stretch
            del item
        self._plot_widget = widget
        widget.setParent(self.canvas)
        self.body.insertWidget(0, widget, 1)

    def set_header(self, title: str, subtitle: str = "", what_if: str | None = None) -> None:
        """Title, optional subtitle, and the what-if badge when ``what_if`` names one."""
        self.title_label.setText(title)
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))
        if what_if is not None:
            self.badge.setText(self.tr("What-if: {name}").format(name=what_if))
        self.badge.setVisible(what_if is not None)

    def set_notes(self, notes: Sequence[str], limit: int = 4) -> None:
        shown = list(notes[:limit])
        if len(notes) > limit:
            shown.append(self.tr("… and {n} more").format(n=len(notes) - limit))
        self.notes_label.setText("\n".join(shown))
        self.notes_label.setVisible(bool(shown))

    # -- export ----------------------------------------------------------------------
    def chart_title(self) -> str:
        return self.title_label.text()

    def export_png(self, path: Path | str, scale: float = PNG_SCALE) -> QSize:
        """Write the canvas as PNG at ``scale`` × (300 dpi in the file); returns its size."""
        image = render_image(self.canvas, scale, PNG_DPI)
        if not image.save(str(path), "PNG"):
            raise OSError(self.tr("Could not write {path}").format(path=path))
        return image.size()

    def export_svg(self, path: Path | str) -> None:
        render_svg(self.canvas, Path(path), self.chart_title())

    def copy_to_clipboard(self) -> QImage:
        image = render_image(self.canvas, 2.0)
        QGuiApplication.clipboard().setImage(image)
        return image

    def _suggested(self, suffix: str) -> str:
        name = "".join(c if c.isalnum() or c in " -_æøåÆØÅ" else "_" for c in self.chart_title())
        return (name.strip() or "chart") + suffix

    def _ask_png(self) -> None:
        self._ask_and_write(self.tr("Save chart as PNG"), self.tr("PNG image (*.png)"), ".png",
                            self.export_png)

    def _ask_svg(self) -> None:
        self._ask_and_write(self.tr("Save chart as SVG"), self.tr("SVG drawing (*.svg)"), ".svg",
                            self.export_svg)

    def _ask_and_write(self, title: str, file_filter: str, suffix: str, write: object) -> None:
        if self.dialogs is None:
            return
        path = self.dialogs.save_file(title, file_filter, self._suggested(suffix))  # type: ignore[attr-defined]
        if not path:
            return
        if not str(path).lower().endswith(suffix):
            path = str(path) + suffix
        try:
            write(path)  # type: ignore[operator]
        except OSError as exc:
            self.dialogs.warn(title, str(exc))  # type: ignore[attr-defined]
