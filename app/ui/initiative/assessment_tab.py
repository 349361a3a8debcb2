"""Assessments side by side: proposer, digitalisation unit and agreed, per criterion, each
with a comment; the criterion's scoring guide is in the tooltip and in the side panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services import formatting
from app.services.defaults import shown_description, shown_unit
from app.services.initiative_detail import CriterionRow, InitiativeDetail
from app.ui import labels
from app.ui.commands.rows import AssessmentCommand
from app.ui.context import ViewContext
from app.ui.initiative.base import EditorTab
from app.ui.widgets.number_edit import NumberEdit
from app.ui.tr import tr

ASSESSORS = ("proposer", "unit", "agreed")


def guide_html(c: CriterionRow, currency: str) -> str:
    """The scoring guide of a criterion as HTML (levels with their meaning, or anchors)."""
    description = shown_description(c.description, c.unit_label, currency)
    parts = [f"<b>{_esc(c.name)}</b>", f"<p>{_esc(description)}</p>"]
    if c.kind == "numeric":
        low = formatting.format_number(c.anchor_low)
        high = formatting.format_number(c.anchor_high)
        parts.append("<p>" + tr("Score 0 at {low} and 1 at {high} {unit}, capped.")
                     .format(low=low, high=high, unit=_esc(shown_unit(c.unit_label, currency))) + "</p>")
    else:
        parts.append("<table cellspacing='4'>" + "".join(
            f"<tr><td valign='top'><b>{lv}&nbsp;{_esc(label)}</b></td><td>{_esc(guide)}</td></tr>"
            for lv, label, guide in c.levels) + "</table>")
    if c.lower_is_better:
        parts.append("<p><i>" + tr("Lower is better.") + "</i></p>")
    return "".join(parts)



def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AssessmentTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(0, 2)
        for col in (1, 2, 3):
            self.grid.setColumnStretch(col, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.guide = QTextBrowser()
        self.guide.setMinimumWidth(260)
        self.guide.setMaximumWidth(360)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.guide)
        self.value_widgets: dict[tuple[int, str], QWidget] = {}
        self.comment_edits: dict[tuple[int, str], QLineEdit] = {}
        self._criteria: dict[int, CriterionRow] = {}

    def show_detail(self, detail: InitiativeDetail) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                old = item.widget()
                old.hide()  # gone from the screen now, not at the next event-loop turn
                old.setParent(None)
                old.deleteLater()
        self.value_widgets.clear()
        self.comment_edits.clear()
        self._criteria = {c.id: c for c in detail.criteria}
        names = labels.assessors()
        self.grid.addWidget(QLabel("<b>" + self.tr("Criterion") + "</b>"), 0, 0)
        for col, who in enumerate(ASSESSORS, start=1):
            self.grid.addWidget(QLabel(f"<b>{names[who]}</b>"), 0, col)
        for row, c in enumerate(detail.criteria, start=1):
            unit = shown_unit(c.unit_label, detail.currency)
            name = QLabel(c.name + (f" ({unit})" if unit else ""))
            name.setWordWrap(True)
            name.setToolTip(guide_html(c, detail.currency))
            self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            for col, who in enumerate(ASSESSORS, start=1):
                value, comment = detail.assessments.get((c.id, who), (None, ""))
                cell = QWidget()
                box = QVBoxLayout(cell)
                box.setContentsMargins(0, 0, 0, 4)
                box.setSpacing(2)
                widget = self._value_widget(c, value, detail.currency)
                widget.setToolTip(guide_html(c, detail.currency))
                widget.installEventFilter(self)
                widget.setProperty("criterion_id", c.id)
                comment_edit = QLineEdit(comment)
                comment_edit.setCursorPosition(0)
                comment_edit.setToolTip(comment)
                comment_edit.setPlaceholderText(self.tr("Comment"))
                comment_edit.editingFinished.connect(
                    lambda cid=c.id, w=who: self._commit(cid, w))
                box.addWidget(widget)
                box.addWidget(comment_edit)
                self.value_widgets[(c.id, who)] = widget
                self.comment_edits[(c.id, who)] = comment_edit
                self.grid.addWidget(cell, row, col)
        self.grid.setRowStretch(len(detail.criteria) + 1, 1)
        if detail.criteria and not self.guide.toPlainText():
            self.guide.setHtml(guide_html(detail.criteria[0], detail.currency))

    def _value_widget(self, c: CriterionRow, value: float | None, currency: str) -> QWidget:
        if c.kind == "numeric":
            edit = NumberEdit("value")
            edit.set_value(value)
            edit.setPlaceholderText(shown_unit(c.unit_label, currency))
            edit.committed.connect(lambda _v, cid=c.id, e=edit: self._commit_from(cid, e))
            edit.refused.connect(self.refuse)
            return edit
        box = QComboBox()
        box.addItem("–", None)
        for level, label, _guide in c.levels:
            box.addItem(f"{level} {label}", float(level))
        if not c.levels:
            for level in range(5):
                box.addItem(str(level), float(level))
        box.setCurrentIndex(max(0, box.findData(value)) if value is not None else 0)
        box.activated.connect(lambda _i, cid=c.id, b=box: self._commit_from(cid, b))
        return box

    def _commit_from(self, criterion_id: int, widget: QWidget) -> None:
        for (cid, who), w in self.value_widgets.items():
            if w is widget:
                self._commit(cid, who)
                return

    def _commit(self, criterion_id: int, assessor: str) -> None:
        if self.loading or self.detail is None:
            return
        widget = self.value_widgets[(criterion_id, assessor)]
        value = widget.value() if isinstance(widget, NumberEdit) else widget.currentData()  # type: ignore[attr-defined]
        comment = self.comment_edits[(criterion_id, assessor)].text().strip()
        old = self.detail.assessments.get((criterion_id, assessor), (None, ""))
        new = (value, comment)
        if new == old:
            return
        if value is None and comment:
            self.refuse(self.tr("Give a value before a comment."))
            return
        self.context.run(AssessmentCommand(self.context.portfolio, self.detail.id,
                                           criterion_id, assessor, new, old))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusIn and self.detail is not None:
            cid = watched.property("criterion_id")
            if cid in self._criteria:
                self.guide.setHtml(guide_html(self._criteria[cid], self.detail.currency))
        return super().eventFilter(watched, event)
