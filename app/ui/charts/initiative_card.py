"""The initiative a click on the dependency chart opened: its facts and its chains.

Shown under the chart (in the main window and on the presentation's dependency slide)
when a node is clicked, so the chart keeps its highlighted chains while the facts a
steering group asks about are read off: lead unit, phase, dates, cost, whether it is
mandatory, what it needs and what depends on it (directly, with the whole chain counted),
and the flags of the chart (a start before a prerequisite ends, a cycle). "Open in
editor" (only where editing is possible) hands the id to ``open_initiative``; × closes
the card and clears the selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services import dependencies as dep
from app.services.formatting import format_amount, format_date
from app.services.snapshots import InitiativeRow
from app.ui.charts.style import font
from app.ui.labels import phases

# direct prerequisites / dependants named on the card; more are counted
SHOWN_LINKS = 4


class InitiativeCard(QFrame):
    """Facts of one initiative; ``show_initiative`` fills it, ``closed`` on ×."""

    closed = Signal()

    def __init__(self, font_px: float = 13.0, parent: QWidget | None = None,
                 open_initiative: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("initiativeCard")
        self.setStyleSheet("#initiativeCard { background: #F4F4F4; border: 1px solid #999999; }")
        self.open_initiative = open_initiative
        self.initiative_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(2)
        head = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setFont(font(font_px * 1.1, bold=True))
        self.title_label.setWordWrap(True)
        head.addWidget(self.title_label, 1)
        self.open_button = QPushButton(self.tr("Open in editor"), self)
        self.open_button.setFont(font(font_px))
        self.open_button.setVisible(open_initiative is not None)
        self.open_button.clicked.connect(self._open)
        head.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.close_button = QPushButton("×", self)
        self.close_button.setFont(font(font_px))
        self.close_button.setToolTip(self.tr("Close and clear the selection"))
        self.close_button.setFixedWidth(int(font_px * 2.2))
        self.close_button.clicked.connect(self.closed)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.facts_label = self._line(font_px)
        self.needs_label = self._line(font_px)
        self.needed_by_label = self._line(font_px)
        self.flags_label = self._line(font_px)
        self.flags_label.setStyleSheet("color: #B2182B;")
        for label in (self.facts_label, self.needs_label, self.needed_by_label, self.flags_label):
            layout.addWidget(label)
        self.hide()

    def _line(self, font_px: float) -> QLabel:
        label = QLabel(self)
        label.setFont(font(font_px))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_initiative(self, row: InitiativeRow, rows_by_id: dict[str, InitiativeRow],
                        report: dep.DependencyReport, currency: str = "DKK") -> None:
        """Fill the card with ``row`` (its links from ``report.graph``) and show it."""
        self.initiative_id = row.id
        self.title_label.setText(f"{row.id} {row.title}")
        facts = [row.lead_department or self.tr("No lead unit"),
                 phases().get(row.phase, row.phase)]
        if row.start_date or row.end_date:
            facts.append(self.tr("{start} to {end}").format(
                start=format_date(row.start_date), end=format_date(row.end_date)))
        facts.append(self.tr("cost {amount}").format(amount=format_amount(row.total_cost, currency)))
        if row.mandatory:
            facts.append(self.tr("mandatory"))
        self.facts_label.setText(" · ".join(facts))
        graph = report.graph
        needs = sorted(graph.predecessors(row.id)) if row.id in graph else []
        needed_by = sorted(graph.successors(row.id)) if row.id in graph else []
        up = len(dep.upstream(graph, row.id)) if row.id in graph else 0
        down = len(dep.downstream(graph, row.id)) if row.id in graph else 0
        self.needs_label.setText(self.tr("Needs: {items}").format(
            items=self._links(needs, up, rows_by_id)))
        self.needed_by_label.setText(self.tr("Needed by: {items}").format(
            items=self._links(needed_by, down, rows_by_id)))
        flags = []
        for c in report.conflicts:
            if c.dependant == row.id:
                flags.append(self.tr("Starts {start}, before {id} ends ({end})").format(
                    start=format_date(c.dependant_start), id=c.prerequisite,
                    end=format_date(c.prerequisite_end)))
            elif c.prerequisite == row.id:
                flags.append(self.tr("Ends {end}, after {id} starts ({start})").format(
                    end=format_date(c.prerequisite_end), id=c.dependant,
                    start=format_date(c.dependant_start)))
        if any(row.id in cycle for cycle in report.cycles):
            flags.append(self.tr("On a dependency cycle"))
        self.flags_label.setText("; ".join(flags))
        self.flags_label.setVisible(bool(flags))
        self.show()

    def _links(self, ids: Sequence[str], chain: int, rows_by_id: dict[str, InitiativeRow]) -> str:
        """``EK-002 Title, EK-003 Title`` (at most ``SHOWN_LINKS``), with the whole chain
        counted when it is longer than the direct links; "none" without any."""
        if not ids:
            return self.tr("none")
        named = [f"{i} {rows_by_id[i].title}" if i in rows_by_id else i
                 for i in ids[:SHOWN_LINKS]]
        text = ", ".join(named)
        if len(ids) > SHOWN_LINKS:
            text += " " + self.tr("and {n} more").format(n=len(ids) - SHOWN_LINKS)
        if chain > len(ids):
            text += " " + self.tr("({n} in the whole chain)").format(n=chain)
        return text

    def _open(self) -> None:
        if self.open_initiative is not None and self.initiative_id is not None:
            self.open_initiative(self.initiative_id)
