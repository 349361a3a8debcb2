"""The portfolio table view: filters (free text, unit, phase, kind, audience, mandatory,
confidential, completeness), the chosen columns (remembered), sort by header click,
double-click opens the initiative, and "New initiative" through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import editing
from app.services.changes import Changes, Kind
from app.services.table_rows import load_table
from app.ui import labels
from app.ui.commands.initiative import CreateInitiativeCommand, DeleteInitiativeCommand
from app.ui.context import ViewContext
from app.ui.models.initiative_table import ID_ROLE, InitiativeTableModel, TableFilter
from app.ui.models.table_columns import COLUMNS
from app.ui.settings import TABLE_COLUMNS
from app.ui.views.registry import register

_REFRESH_KINDS = (Kind.INITIATIVE, Kind.UNITS, Kind.ASSESSMENT, Kind.BUSINESS_CASE,
                  Kind.DEPENDENCY, Kind.STRATEGY)


def _combo(all_label: str, items: dict[object, str]) -> QComboBox:
    box = QComboBox()
    box.addItem(all_label, None)
    for value, label in items.items():
        box.addItem(label, value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class TableView(QWidget):
    """The portfolio at a glance; see module docstring."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = False
        self.model = InitiativeTableModel(self)
        self.model.set_column_keys(context.settings.get(TABLE_COLUMNS))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search id, title, description, unit, owner…"))
        self.search.setClearButtonEnabled(True)
        self.unit_box = QComboBox()
        self.phase_box = _combo(self.tr("All phases"), labels.phases())
        self.kind_box = _combo(self.tr("All kinds"), labels.kinds())
        self.audience_box = _combo(self.tr("All audiences"), labels.audiences())
        self.mandatory_box = _combo(self.tr("Mandatory or not"),
                                    {True: self.tr("Mandatory"), False: self.tr("Not mandatory")})
        self.confidential_box = _combo(self.tr("Confidential or not"),
                                       {True: self.tr("Confidential"),
                                        False: self.tr("Not confidential")})
        self.complete_box = _combo(self.tr("Assessed or not"),
                                   {True: self.tr("Fully assessed"),
                                    False: self.tr("Assessment incomplete")})
        self.new_button = QPushButton(self.tr("New initiative…"))
        self.new_button.setEnabled(context.offers_edits)
        self.new_button.clicked.connect(self.new_initiative)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setEnabled(context.offers_edits)
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.unit_box)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        filters = QHBoxLayout()
        for box in (self.phase_box, self.kind_box, self.audience_box, self.mandatory_box,
                    self.confidential_box, self.complete_box):
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: fast at 10,000
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vh.hide()
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(False)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._column_menu)
        self.table.doubleClicked.connect(self._open)
        self.table.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.search.textChanged.connect(self._filter_changed)
        for box in (self.unit_box, self.phase_box, self.kind_box, self.audience_box,
                    self.mandatory_box, self.confidential_box, self.complete_box):
            box.currentIndexChanged.connect(self._filter_changed)
        context.changes.changed.connect(self._on_changes)
        self.reload()

    # data ------------------------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        with self.context.portfolio.read() as s:
            data = load_table(s)
        current = self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(self.tr("All units"), None)
        for unit in data.units.values():
            indent = "    " if unit.parent_id is not None else ""
            self.unit_box.addItem(indent + unit.name, unit.id)
        found = self.unit_box.findData(current)
        self.unit_box.setCurrentIndex(max(found, 0))
        self.unit_box.blockSignals(False)
        self.model.set_table(data)
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(False)
        for i, key in enumerate(self.model.column_keys()):
            hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            if key == "title":
                continue
            width = max(hh.sectionSizeFromContents(i).width(),
                        self.table.sizeHintForColumn(i) if self.model.rowCount() < 500 else 0)
            self.table.setColumnWidth(i, min(width + 8, 170))
        self._fit_title()

    def _fit_title(self) -> None:
        """The title takes the width the other columns leave (at least 180 px)."""
        keys = self.model.column_keys()
        if "title" not in keys:
            return
        col = keys.index("title")
        others = sum(self.table.columnWidth(i) for i in range(len(keys)) if i != col)
        available = self.table.viewport().width() - others
        self.table.setColumnWidth(col, max(180, available - 2))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()  # also when a scroll bar appears or goes
        return super().eventFilter(watched, event)

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(*_REFRESH_KINDS):
            return
        if self.isVisibleTo(self.window()) or self.window() is self:
            self.reload()
        else:  # hidden behind another view: reload once when shown again
            self._stale = True

    def on_shown(self) -> None:
        """Called by the main window when this view is shown."""
        if self._stale:
            self.reload()

    def _filter_changed(self) -> None:
        self.model.set_filter(TableFilter(
            text=self.search.text(), unit_id=self.unit_box.currentData(),
            phase=self.phase_box.currentData(), kind=self.kind_box.currentData(),
            audience=self.audience_box.currentData(),
            mandatory=self.mandatory_box.currentData(),
            confidential=self.confidential_box.currentData(),
            complete=self.complete_box.currentData()))
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Showing {shown} of {total}").format(
            shown=self.model.rowCount(), total=self.model.total_count()))

    # actions -----------------------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.context.open_initiative(str(index.data(ID_ROLE)))

    def new_initiative(self) -> None:
        title = self.context.dialogs.ask_text(self.tr("New initiative"), self.tr("Title:"))
        if not title or not title.strip():
            return
        with self.context.portfolio.read() as s:
            new_id = editing.next_initiative_id(s)
        if self.context.run(CreateInitiativeCommand(self.context.portfolio, new_id, title)):
            self.context.open_initiative(new_id)

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def delete_selected(self) -> None:
        """Delete the selected initiative after asking (undo restores it exactly)."""
        iid = self.selected_id()
        if iid is None:
            return
        row = self.model.row_at(self.table.currentIndex().row())
        if not self.context.dialogs.ask(
                self.tr("Delete initiative"),
                self.tr("Delete {id} “{title}” with its business case, assessments, "
                        "dependencies and decisions? Undo (Ctrl+Z) brings it back.").format(
                    id=iid, title=row.title),
                yes=self.tr("Delete"), no=self.tr("Cancel")):
            return
        self.context.run(DeleteInitiativeCommand(self.context.portfolio, iid))

    def _column_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """A menu of checkable columns; toggling one shows/hides it and remembers the choice."""
        menu = QMenu(self)
        chosen = self.model.column_keys()
        for col in COLUMNS:
            action = menu.addAction(col.header())
            action.setCheckable(True)
            action.setChecked(col.key in chosen)
            action.setEnabled(col.key not in ("id", "title"))
            action.toggled.connect(lambda on, k=col.key: self.toggle_column(k, on))
        return menu

    def toggle_column(self, key: str, shown: bool) -> None:
        keys = self.model.column_keys()
        if shown and key not in keys:
            order = [c.key for c in COLUMNS]
            keys = sorted([*keys, key], key=order.index)
        elif not shown:
            keys = [k for k in keys if k != key]
        self.model.set_column_keys(keys)
        self.context.settings.set(TABLE_COLUMNS, keys)
        self._fit_columns()


def _title() -> str:
    return QCoreApplication.translate("Views", "Portfolio")


register("table", _title, TableView, icon="table.svg", order=10)
