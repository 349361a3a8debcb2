"""The slides of the presentation: big type (body ≥ 24 px at 1280×720), black on white,
no editing chrome. Each slide has ``show_meeting(data)`` to draw a ``MeetingData``.

Slides: key figures, ranking, value and cost (bubble chart), recommendation with the
value curve, budget table, dependencies, roadmap (the decisions slide lives in
``decisions.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget,
)

from app.services.formatting import format_thousands, thousands_unit
from app.services.presentation import MeetingData, roadmap_slide
from app.services.shortening import shorten
from app.ui.charts.dependency_view import DependencyPanel
from app.ui.charts.panels import BarsPanel, BubblePanel, RoadmapPanel, ValueCurvePanel
from app.ui.charts.style import font


#: characters of a note kept on the budget slide (two or three lines at 1280×720)
NOTE_CHARS = 240


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def label(text: str, px: float, bold: bool = False, parent: QWidget | None = None,
          wrap: bool = True) -> QLabel:
    """A slide label of ``px`` pixels, black on white."""
    w = QLabel(text, parent)
    w.setFont(font(px, bold))
    w.setWordWrap(wrap)
    w.setStyleSheet("color: black; background: transparent;")
    return w


class Slide(QWidget):
    """Base: a slide with a title (shown by the deck's header) and content."""

    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body_px = body_px
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), Qt.GlobalColor.white)
        self.setPalette(pal)

    def title(self) -> str:  # pragma: no cover - every slide overrides
        raise NotImplementedError

    def show_meeting(self, data: MeetingData) -> None:  # pragma: no cover
        raise NotImplementedError


class KeyFiguresSlide(Slide):
    """Six big numbers: portfolio, proposals' cost, frame, recommended, mandatory, cross."""

    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        super().__init__(body_px, parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(40, 30, 40, 30)
        self.grid.setSpacing(24)
        self.cards: list[tuple[QLabel, QLabel, QLabel]] = []
        for i in range(6):
            card = QFrame(self)
            card.setStyleSheet("QFrame { border: 3px solid black; background: white; }")
            box = QVBoxLayout(card)
            value = label("", body_px * 2.6, True, card, wrap=False)
            name = label("", body_px * 1.1, True, card)
            note = label("", body_px, False, card)
            for w in (value, name, note):
                w.setStyleSheet("border: none; color: black;")
                box.addWidget(w)
            box.addStretch(1)
            self.grid.addWidget(card, i // 3, i % 3)
            self.cards.append((value, name, note))

    def title(self) -> str:
        return self.tr("Key figures")

    def show_meeting(self, data: MeetingData) -> None:
        for (value, name, note), fig in zip(self.cards, data.key_figures):
            value.setText(fig.value)
            name.setText(fig.label)
            note.setText(fig.note)


class ChartSlide(Slide):
    """A slide holding one chart panel (no toolbar)."""

    def __init__(self, body_px: float, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(body_px, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        self.panel = panel
        panel.setParent(self)
        layout.addWidget(panel)


class RankingSlide(ChartSlide):
    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        super().__init__(body_px, BarsPanel(None, body_px, toolbar=False), parent)
        self.panel.legend.setFixedWidth(int(body_px * 11))

    def title(self) -> str:
        return self.tr("Ranking")

    def show_meeting(self, data: MeetingData) -> None:
        self.panel.show_chart(data.ranking)  # type: ignore[attr-defined]
        self.panel.title_label.hide()  # type: ignore[attr-defined]
        self.panel.set_notes([])  # type: ignore[attr-defined]


class BubbleSlide(ChartSlide):
    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        super().__init__(body_px, BubblePanel(None, body_px, toolbar=False), parent)
        self.panel.legend.setFixedWidth(int(body_px * 11))

    def title(self) -> str:
        return self.tr("Value and cost")

    def show_meeting(self, data: MeetingData) -> None:
        self.panel.show_chart(data.bubble)  # type: ignore[attr-defined]
        self.panel.title_label.hide()  # type: ignore[attr-defined]
        self.panel.set_notes([data.bubble.size_note])  # type: ignore[attr-defined]


class RecommendationSlide(Slide):
    """The recommended portfolio (the first lines) beside the value curve."""

    LINES = 9

    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        super().__init__(body_px, parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 16, 8)
        left = QVBoxLayout()
        self.summary = label("", body_px, True, self)
        self.lines = label("", body_px, False, self)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        left.addWidget(self.summary)
        left.addWidget(self.lines)
        left.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(left)
        holder.setMaximumWidth(int(body_px * 20))
        row.addWidget(holder, 4)
        self.curve = ValueCurvePanel(None, body_px, toolbar=False)
        self.curve.legend.setFixedWidth(int(body_px * 9))
        row.addWidget(self.curve, 6)

    def title(self) -> str:
        return self.tr("Recommendation")

    def show_meeting(self, data: MeetingData) -> None:
        from app.services.charts.ticks import compact_amount

        recs = data.recommended
        if not recs:
            self.summary.setText(self.tr("No recommendation"))
            self.lines.setText(data.selection_note)
        else:
            total = sum(r.cost or 0.0 for r in recs)
            text = self.tr("{n} initiatives, {cost} within the frame").format(
                n=len(recs), cost=compact_amount(data.cost_in_frame, data.currency))
            if data.cost_outside_frame:
                text += "\n" + self.tr("+ {cost} mandatory, financed outside the frame").format(
                    cost=compact_amount(data.cost_outside_frame, data.currency))
            unframed = total - data.cost_in_frame - data.cost_outside_frame
            if unframed > 0.5:
                text += "\n" + self.tr("+ {cost} in years or types without a frame").format(
                    cost=compact_amount(unframed, data.currency))
            self.summary.setText(text)
            shown = [f"{r.id} {_short(r.title, 22)}" + (" ●" if r.mandatory else "")
                     for r in recs[: self.LINES]]
            if any(r.mandatory for r in recs[: self.LINES]):
                shown.append(self.tr("● mandatory"))
            if len(recs) > self.LINES:
                shown.append(self.tr("… and {n} more").format(n=len(recs) - self.LINES))
            self.lines.setText("\n".join(shown))
        if data.value_curve is not None:
            self.curve.show()
            self.curve.show_chart(data.value_curve)
            self.curve.title_label.setText(self.tr("Value curve"))
            self.curve.set_notes([])
        else:
            self.curve.hide()


class BudgetSlide(Slide):
    """The budget of the recommended portfolio: budget year + 3 overslagsår, 1.000 kr."""

    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        super().__init__(body_px, parent)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(40, 20, 40, 20)
        self.caption = label("", body_px, False, self)
        self.outer.addWidget(self.caption)
        self.table = QFrame(self)
        self.grid = QGridLayout(self.table)
        self.grid.setHorizontalSpacing(int(body_px * 1.2))
        self.grid.setVerticalSpacing(int(body_px * 0.6))
        self.outer.addWidget(self.table)
        self.outer.addStretch(1)

    def title(self) -> str:
        return self.tr("Budget")

    def show_meeting(self, data: MeetingData) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        px = self.body_px * 1.15
        # the prices as the budget view and the bilag name them (``MeetingData.prices``)
        if data.budget_of_all:  # no recommendation: all initiatives, as the budget view
            # why there is none, its start and end (an infeasible scenario names every
            # initiative that must be in: hundreds in a large portfolio); whole in the tooltip
            caption = shorten(data.selection_note, NOTE_CHARS) + " " + self.tr(
                "The table shows all {n} initiatives that are not rejected or closed, in "
                "{unit}, {prices}; savings are negative.").format(
                n=data.budget_of_all, unit=thousands_unit(data.currency), prices=data.prices)
        elif data.budget_rows:
            caption = self.tr(
                "The recommended portfolio in {unit}, {prices}; savings are negative.").format(
                unit=thousands_unit(data.currency), prices=data.prices)
        else:  # no table: the note says why
            caption = ""
        self.caption.setToolTip(data.selection_note if data.budget_of_all else "")
        if data.outside_frame_ids:  # the rows the budget frames do not hold, explained
            caption += " " + self.tr(
                "“Of which outside the frame”: mandatory initiatives financed outside the "
                "budget frame ({ids}), so they use none of it.").format(
                ids=", ".join(data.outside_frame_ids))
        self.caption.setText(caption)
        if not data.budget_rows:
            self.grid.addWidget(label(shorten(data.selection_note, NOTE_CHARS)
                                      or self.tr("No recommendation"), px,
                                      False, self.table), 0, 0)
            return
        heads = ["", *[str(y) for y in data.budget_years], *data.budget_extra_columns,
                 self.tr("Total")]
        if data.budget_extra_columns:  # one or two columns more: smaller type, nothing cut
            px *= 0.85 if len(data.budget_extra_columns) == 1 else 0.75
        for c, text in enumerate(heads):
            w = label(text, px, True, self.table, wrap=False)
            w.setAlignment(Qt.AlignmentFlag.AlignRight if c else Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(w, 0, c)
        n = len(data.budget_rows)
        for r, (name, values, total) in enumerate(data.budget_rows, start=1):
            last = r == n
            row = r + 1 if last else r  # the total under a rule of its own grid row
            of_which = (r - 1) in data.of_which_rows  # "of which outside the frame"
            size = px * 0.85 if of_which else px
            name_label = label(name, size, last, self.table, wrap=False)
            if of_which:
                name_label.setIndent(int(px))
            self.grid.addWidget(name_label, row, 0)
            for c, v in enumerate([*values, total], start=1):
                w = label(format_thousands(v), size, last, self.table, wrap=False)
                w.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.grid.addWidget(w, row, c)
        line = QFrame(self.table)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: black;")
        self.grid.addWidget(line, n, 0, 1, len(heads))
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)


class DependencySlide(ChartSlide):
    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        panel = DependencyPanel(None, body_px, toolbar=False)
        panel.plot.compact = True
        panel.info_label.hide()
        panel.legend.setFixedWidth(int(body_px * 12))
        super().__init__(body_px, panel, parent)

    def title(self) -> str:
        return self.tr("Dependencies")

    def show_meeting(self, data: MeetingData) -> None:
        panel: DependencyPanel = self.panel  # type: ignore[assignment]
        panel.currency = data.currency
        panel.set_data(data.rows, data.units)
        panel.title_label.hide()
        panel.info_label.hide()


class RoadmapSlide(ChartSlide):
    """The roadmap of the best ranked recommended initiatives, as many as the slide shows
    with every bar's name legible (``presentation.roadmap_slide`` with the plot's own
    measure, ``RoadmapPlot.fits``), chosen again when the slide changes size; the note
    under it says what is shown and where the whole roadmap is."""

    def __init__(self, body_px: float, parent: QWidget | None = None) -> None:
        panel = RoadmapPanel(None, body_px, toolbar=False)
        panel.plot.compact = True
        panel.legend.setFixedWidth(int(body_px * 12))
        super().__init__(body_px, panel, parent)
        self.data: MeetingData | None = None
        self.note = ""  # what the slide shows, when not the whole pool
        self._fitted_to: tuple[float, float] = (0.0, 0.0)  # the plot size it was fitted to
        self._fitting = False
        panel.plot.getPlotItem().getViewBox().sigResized.connect(self._refit)

    def title(self) -> str:
        return self.tr("Roadmap")

    def show_meeting(self, data: MeetingData) -> None:
        self.data = data
        self._fitted_to = (0.0, 0.0)
        self.panel.title_label.hide()  # type: ignore[attr-defined]
        self._refit()

    def _refit(self, *args: object) -> None:
        plot = self.panel.plot  # type: ignore[attr-defined]
        vb = plot.getPlotItem().getViewBox()
        size = (round(vb.width()), round(vb.height()))
        if self.data is None or self._fitting or size == self._fitted_to:
            return
        if plot.room_px() < 3 * plot.label_row_px():
            return  # not laid out yet: the first resize fits it
        self._fitting = True
        try:
            self._fitted_to = size
            labels = [r.title for r in self.data.roadmap_pool[:120]]
            chart, self.note = roadmap_slide(self.data, plot.fits,
                                             chars_across=plot.chars_across(labels))
            self.panel.show_chart(chart)  # type: ignore[attr-defined]
            # what is shown, then the forvaltninger in "Other units" (when the legend
            # cannot list them) or the budget years, conflicts
            notes = ([self.note] if self.note else []) + list(chart.notes)
            self.panel.set_notes(notes[:3], limit=3)  # type: ignore[attr-defined]
        finally:
            self._fitting = False
