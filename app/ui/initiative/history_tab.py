"""The initiative's audit history: who changed what, when, old → new (newest first).

Field and values are shown in words (``app.services.audit_text``: "Markeret obligatorisk",
"Nej" → "Ja", a created row as "Titel: …; Fase: …"); the stored text stays the tooltip of
those cells (aktindsigt: nothing hidden)."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from app.services import audit_text, formatting
from app.services.initiative_detail import AuditRow, InitiativeDetail
from app.ui.context import ViewContext
from app.ui.initiative.base import EditorTab

_Index = QModelIndex | QPersistentModelIndex

# column widths (px) of the initiative's history at 1280×720: when, who, what, field, old
# (new stretches)
WIDTHS = (115, 80, 230, 160, 200)


class HistoryModel(QAbstractTableModel):
    """Audit rows (``AuditRow``, or ``audit_log.LogRow``), newest first: when, who, what,
    [initiative,] field, old, new. ``show_initiative`` adds the initiative column for the
    portfolio-wide audit log (its rows carry ``initiative_id``). Field, old and new are
    shown in words (``audit_text.entry_texts``, worked out when a row is first drawn);
    their tooltip is the text as stored."""

    def __init__(self, parent: Any = None, *, show_initiative: bool = False) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.show_initiative = show_initiative
        self._labels: dict[str, str] | None = None
        self._currency = "DKK"
        self._lookup: audit_text.Lookup | None = None
        self._texts: dict[int, tuple[str, str, str]] = {}

    def set_rows(self, rows: list[Any], *, currency: str = "DKK",
                 lookup: audit_text.Lookup | None = None) -> None:
        """Show ``rows``; amounts in ``currency`` (ISO 4217), ids of units, criteria,
        scenarios … named by ``lookup`` (``audit_text.names``) when given."""
        self.beginResetModel()
        self.rows = list(rows)
        self._currency = currency
        self._lookup = lookup
        self._texts = {}
        self.endResetModel()

    def texts(self, row: int) -> tuple[str, str, str]:
        """(field, old value, new value) of row ``row`` in words (cached)."""
        cached = self._texts.get(row)
        if cached is None:
            r = self.rows[row]
            cached = self._texts[row] = audit_text.entry_texts(
                r.action, r.entity, r.field, r.old_value, r.new_value,
                self._currency, self._lookup)
        return cached

    def _columns(self) -> int:
        return 7 if self.show_initiative else 6

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._columns()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < self._columns():
            headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Field"),
                       self.tr("Old value"), self.tr("New value")]
            if self.show_initiative:
                headers.insert(3, self.tr("Initiative"))
            return headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) \
                or index.column() >= self._columns():
            return None
        r = self.rows[index.row()]
        first_text = 4 if self.show_initiative else 3  # the field column
        if role == Qt.ItemDataRole.ToolTipRole and index.column() >= first_text:
            raw = (r.field, r.old_value, r.new_value)[index.column() - first_text]
            if not raw:
                return None
            parts = None if r.field or r.action == "event" or index.column() == first_text \
                else audit_text.snapshot_parts(r.entity, raw, self._currency, self._lookup,
                                               cut=None)
            if not parts:
                return _wrapped(raw)
            # a created/deleted row: every value in words, then the record as stored
            return "\n".join(_wrapped(p) for p in parts) + "\n\n" \
                + self.tr("As stored:") + "\n" + _wrapped(raw)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() >= first_text:
                return self.texts(index.row())[index.column() - first_text]
            local = r.at.astimezone() if r.at.tzinfo else r.at
            action = {"create": self.tr("created"), "update": self.tr("changed"),
                      "delete": self.tr("deleted"), "event": self.tr("event")}.get(r.action, r.action)
            values = [f"{formatting.format_date(local.date())} {local:%H:%M}", r.user,
                      f"{action} {self.entity_label(r.entity)}"
                      + (f" ({r.context})" if r.context else ""),
                      "", "", ""]
            if self.show_initiative:
                values.insert(3, r.initiative_id)
            return values[index.column()]
        return None

    def entity_label(self, table: str) -> str:
        """What a changed row is, in the user's words (DESIGN §3): "initiative" → "tiltag";
        a table without a label is shown by its name. Built once per model (the UI is
        rebuilt when the language changes)."""
        if self._labels is not None:
            return self._labels.get(table, table)
        self._labels = {
            "initiative": self.tr("initiative"),
            "business_case_line": self.tr("business case line"),
            "assessment": self.tr("assessment"),
            "dependency": self.tr("dependency"),
            "decision": self.tr("decision"),
            "field_note": self.tr("field note"),
            "success_criterion": self.tr("success criterion"),
            "measurement": self.tr("measurement"),
            "criterion": self.tr("criterion"),
            "criterion_level": self.tr("scoring guide level"),
            "weight": self.tr("weight"),
            "weight_set": self.tr("weight set"),
            "pairwise_judgement": self.tr("pairwise comparison"),
            "org_unit": self.tr("organisational unit"),
            "strategic_goal": self.tr("strategic goal"),
            "external_requirement": self.tr("external requirement"),
            "scenario": self.tr("scenario"),
            "budget_frame": self.tr("budget frame"),
            "scenario_force": self.tr("forced choice"),
            "exclusion_group": self.tr("exclusion group"),
            "exclusion_member": self.tr("exclusion group member"),
            "portfolio_settings": self.tr("portfolio settings"),
            "portfolio": self.tr("portfolio"),
        }
        return self._labels.get(table, table)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def _wrapped(text: str, width: int = 100) -> str:
    """A stored text for a tooltip: its words as stored, lines longer than ``width``
    characters broken (a tooltip does not wrap by itself)."""
    return "\n".join(textwrap.fill(line, width) if len(line) > width else line
                     for line in str(text).splitlines())


class HistoryTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        QVBoxLayout(self).addWidget(self.table)

    def show_detail(self, detail: InitiativeDetail) -> None:
        with self.context.portfolio.read() as s:
            lookup = audit_text.names(s)
        self.model.set_rows(detail.history, currency=detail.currency, lookup=lookup)
        for col, width in enumerate(WIDTHS):
            self.table.setColumnWidth(col, width)
