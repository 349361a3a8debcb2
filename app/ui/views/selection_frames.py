"""The budget-frame editor of the recommendation view: one total frame, a frame per budget
year, or per budget year with anlæg and drift apart (DESIGN §7 "Selection").

Each frame has a number field in 1.000 kr. / 1,000 DKK (``formatting.thousands_unit``; Danish or English notation through
``app.services.formatting``; "2.5" in Danish is refused, never read as 25) and a slider.
While a slider is dragged, ``changing(frames)`` is emitted at every step so the view can
re-solve live; ``committed(frames)`` when the user lets go or finishes typing, so the view
stores the frames in the scenario (one undoable command). Amounts in the signals are kr.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from app.services.formatting import thousands_unit
from app.services.scenarios import FrameSpec
from app.ui.labels import line_types
from app.ui.widgets.number_edit import NumberEdit

TOTAL, YEARLY, SPLIT = "total", "yearly", "split"
#: kr. per unit of the fields and sliders (1.000 kr.)
UNIT = 1000.0


def mode_of(frames: Sequence[FrameSpec]) -> str:
    """The editor mode that shows ``frames`` (frames of units are not edited here)."""
    main = [f for f in frames if f.unit_id is None]
    if any(f.frame_type in ("anlaeg", "drift") for f in main):
        return SPLIT
    if any(f.year is not None for f in main):
        return YEARLY
    return TOTAL


def convert(frames: Sequence[FrameSpec], mode: str, years: Sequence[int]) -> list[FrameSpec]:
    """The frames of another mode, keeping the total: a total is spread evenly over the
    years; yearly amounts are split evenly into anlæg and drift; and back by summing."""
    main = [f for f in frames if f.unit_id is None]
    total = sum(f.amount for f in main)
    by_year = {y: sum(f.amount for f in main if f.year == y) for y in years}
    if not any(by_year.values()):
        by_year = {y: total / len(years) for y in years}
    if mode == TOTAL:
        return [FrameSpec(amount=round(total))]
    if mode == YEARLY:
        return [FrameSpec(amount=round(by_year[y]), year=y) for y in years]
    return [FrameSpec(amount=round(by_year[y] / 2), year=y, frame_type=t)
            for y in years for t in ("anlaeg", "drift")]


class _FrameField:
    """A number field and a slider for one frame."""

    def __init__(self, frame: FrameSpec, maximum: float) -> None:
        self.frame = frame
        self.edit = NumberEdit("amount")
        self.edit.setMinimumWidth(90)
        self.edit.setMaximumWidth(130)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(120)
        top = max(maximum, frame.amount) / UNIT
        self.slider.setRange(0, max(1, int(round(top * 1.1))))
        self.slider.setPageStep(max(1, self.slider.maximum() // 20))
        self.slider.setSingleStep(max(1, self.slider.maximum() // 200))
        self.use = QLabel()
        self.use.setMinimumWidth(self.use.fontMetrics().horizontalAdvance("000.000 ⚑") + 8)
        self.use.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.set_amount(frame.amount)

    @property
    def key(self) -> tuple[int | None, str, int | None]:
        return (self.frame.year, self.frame.frame_type, self.frame.unit_id)

    def set_amount(self, kr: float) -> None:
        self.frame = FrameSpec(amount=kr, year=self.frame.year, frame_type=self.frame.frame_type,
                               unit_id=self.frame.unit_id)
        self.edit.set_value(round(kr / UNIT))
        self.slider.blockSignals(True)
        self.slider.setValue(int(round(kr / UNIT)))
        self.slider.blockSignals(False)


class FramesEditor(QWidget):
    """Mode, then one field and slider per frame. See the module docstring."""

    changing = Signal(object)  # list[FrameSpec], kr., while a slider moves
    committed = Signal(object)  # list[FrameSpec], kr., when an edit is finished
    refused = Signal(str)  # a text that is not a number in the language's notation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years: list[int] = []
        self.fields: list[_FrameField] = []
        self.unit_frames: list[FrameSpec] = []
        self._maximum: Callable[[FrameSpec], float] = lambda f: f.amount
        self.mode = QComboBox()
        for key, label in ((TOTAL, QCoreApplication.translate("FramesEditor", "One total frame")),
                           (YEARLY, QCoreApplication.translate("FramesEditor", "A frame per budget year")),
                           (SPLIT, QCoreApplication.translate("FramesEditor", "Per budget year, capital (anlæg) and operating (drift) apart"))):
            self.mode.addItem(label, key)
        self.mode.activated.connect(self._mode_changed)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self._commit_timer = QTimer(self)
        self._commit_timer.setSingleShot(True)
        self._commit_timer.setInterval(600)  # keyboard steps on a slider: commit when they stop
        self._commit_timer.timeout.connect(self._commit)
        top = QHBoxLayout()
        self.title = QLabel()
        self.set_currency("DKK")
        top.addWidget(self.title)
        top.addWidget(self.mode)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.grid)

    def set_currency(self, currency: str) -> None:
        """The portfolio's ISO 4217 currency ("DKK", "GBP"): the fields are in thousands of
        it, titled "1.000 kr." (Danish) / "1,000 DKK" (English)."""
        self.title.setText(QCoreApplication.translate("FramesEditor", "Budget frames ({unit}):").format(
            unit=thousands_unit(currency)))

    # -- content -------------------------------------------------------------------------
    def set_frames(self, frames: Sequence[FrameSpec], years: Sequence[int],
                   maximum: Callable[[FrameSpec], float], editable: bool = True) -> None:
        """Show ``frames`` (kr.); ``years`` the budget year + overslagsår; ``maximum(f)``
        the cost of everything a frame could hold (kr.), which sets the slider's range."""
        self._commit_timer.stop()
        self.years = list(years)
        self._maximum = maximum
        self.unit_frames = [f for f in frames if f.unit_id is not None]
        main = [f for f in frames if f.unit_id is None] or [FrameSpec(amount=0.0)]  # none yet
        mode = mode_of(main)
        self.mode.setCurrentIndex(self.mode.findData(mode))
        self.mode.setEnabled(editable)
        self._build(main, mode, editable)

    def show_use(self, uses: dict[tuple[int | None, str, int | None], tuple[float, bool]]) -> None:
        """Show what the recommendation uses of each frame (kr.) and mark the binding ones
        (symbol and bold text, not colour alone); frames not in ``uses`` are cleared."""
        for field in self.fields:
            use = uses.get(field.key)
            if use is None:
                field.use.clear()
                field.use.setToolTip("")
                continue
            used, binding = use
            from app.services.formatting import format_thousands

            text = format_thousands(used) + (" ⚑" if binding else "")
            field.use.setText(f"<b>{text}</b>" if binding else text)
            field.use.setToolTip(
                QCoreApplication.translate(
                    "FramesEditor", "Used by the recommended portfolio; ⚑ = binding: no other "
                    "initiative fits (money may be left over)")
                if binding else QCoreApplication.translate("FramesEditor", "Used by the recommended portfolio"))

    def frames(self) -> list[FrameSpec]:
        """The frames shown (kr.), the per-unit frames included."""
        return [f.frame for f in self.fields] + list(self.unit_frames)

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.fields = []

    def _build(self, main: Sequence[FrameSpec], mode: str, editable: bool) -> None:
        self._clear()
        used = QCoreApplication.translate("FramesEditor", "Used")
        if mode == SPLIT:
            kinds = line_types()  # "Capital (anlæg)" / "Anlæg", as the budget lines and the PDF
            self.grid.addWidget(QLabel(kinds["anlaeg"]), 0, 1)
            self.grid.addWidget(QLabel(used), 0, 3, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(QLabel(kinds["drift"]), 0, 4)
            self.grid.addWidget(QLabel(used), 0, 6, Qt.AlignmentFlag.AlignRight)
        else:
            self.grid.addWidget(QLabel(used), 0, 3, Qt.AlignmentFlag.AlignRight)
        for f in main:
            field = _FrameField(f, self._maximum(f))
            field.edit.setReadOnly(not editable)  # read-only amounts stay black, readable
            field.slider.setEnabled(editable)
            field.edit.committed.connect(lambda v, fl=field: self._typed(fl, v))
            field.edit.refused.connect(self.refused.emit)
            field.slider.valueChanged.connect(lambda v, fl=field: self._slid(fl, v))
            field.slider.sliderReleased.connect(self._commit)
            if mode == TOTAL:
                row, col = 1, 0
                self.grid.addWidget(QLabel(QCoreApplication.translate("FramesEditor", "Total, all years")), row, 0)
            else:
                row = 1 + self.years.index(f.year) if f.year in self.years else 1 + len(self.fields)
                self.grid.addWidget(QLabel(str(f.year)), row, 0)
                col = 3 if f.frame_type == "drift" else 0
            self.grid.addWidget(field.edit, row, col + 1)
            self.grid.addWidget(field.slider, row, col + 2)
            self.grid.addWidget(field.use, row, col + 3)
            self.fields.append(field)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnStretch(5, 1 if mode == SPLIT else 0)

    # -- edits -------------------------------------------------------------------------
    def _mode_changed(self, _index: int) -> None:
        mode = self.mode.currentData()
        main = convert([f.frame for f in self.fields], mode, self.years)
        self._build(main, mode, True)
        self._commit()

    def _typed(self, field: _FrameField, value: float | None) -> None:
        field.set_amount(0.0 if value is None else value * UNIT)
        self.changing.emit(self.frames())
        self._commit()

    def _slid(self, field: _FrameField, value: int) -> None:
        field.set_amount(value * UNIT)
        self.changing.emit(self.frames())
        if not field.slider.isSliderDown():
            self._commit_timer.start()

    def _commit(self) -> None:
        self._commit_timer.stop()
        self.committed.emit(self.frames())
