"""File → Import: a wizard that imports a spreadsheet (CSV/XLSX) into the open portfolio.

Pages: choose the file and sheet (a filled template or a Prioritise export needs no
mapping); map the columns with a preview of the first rows; see every problem before
anything is written (and save the mapping for next time). Finishing imports in one
transaction through ``app.services.importing.import_into`` (DESIGN §9: all or nothing).

Entry point (called by the main window's File menu):
``open_import_wizard(parent, context) -> ImportWizard``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import select

from app.models import Criterion, PortfolioSettings
from app.services.changes import Changes
from app.services.errors import UserError
from app.services.formatting import format_number
from app.services.importing import (
    ImportRefused,
    PortfolioState,
    SourceTable,
    import_into,
    load_mapping,
    parse_mapping,
    plan_import,
    read_source,
)
from app.services.importing.readers import XLSX_SUFFIXES, xlsx_sheet_names
from app.services.importing.report import summary_lines
from app.services.importing.service import is_export
from app.services.template import recognise

PREVIEW_ROWS = 5
# characters of a sample value on the mapping page, and widest preview column (pixels)
SAMPLE_CHARS = 40
PREVIEW_COLUMN_MAX = 240
PAGE_SOURCE, PAGE_MAPPING, PAGE_CHECK = range(3)
LIST_FIELDS = ("departments", "requires", "field_notes")


class ImportWizard(QWizard):
    """The import wizard. State shared by the pages lives here."""

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Import spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.source: Path | None = None
        self.table: SourceTable | None = None
        self.kind = "mapping"  # mapping | template | export
        self.loaded: dict[str, Any] | None = None
        self.result_lines: list[str] = []
        self.source_page = SourcePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.setPage(PAGE_SOURCE, self.source_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_CHECK, self.check_page)
        # "Import", not Qt's generic "Finish": it is the one step that writes
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.resize(960, 640)

    def mapping_doc(self) -> dict[str, Any] | None:
        """The mapping to import with (None for a template or a Prioritise export)."""
        if self.kind != "mapping":
            return None
        return self.mapping_page.mapping_doc()

    def accept(self) -> None:
        """Import for real; stays open with the reason when the import is refused."""
        try:
            result = import_into(self.context.portfolio, self.source, mapping=self.mapping_doc(),
                                 sheet=self.source_page.sheet(),
                                 skip_invalid=self.check_page.skip.isChecked())
        except UserError as exc:
            details = "\n".join(getattr(exc, "problems", []) or [])
            self.context.dialogs.warn(self.tr("Import refused"), str(exc), details)
            return
        self.result_lines = summary_lines(result.plan, result.table, dry_run=False)
        # rows the undo stack refers to may have been replaced by the import
        self.context.undo_stack.clear()
        self.context.changes.emit_changes(Changes.everything())
        self.context.dialogs.inform(self.tr("Import finished"), "\n".join(self.result_lines))
        super().accept()


class SourcePage(QWizardPage):
    """Choose the file, the sheet and the header row; optionally load a saved mapping."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(self.tr("CSV or Excel (XLSX). A filled project-proposal template or a "
                                 "file exported by Prioritise needs no column mapping."))
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.sheets = QComboBox()
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1000)
        self.mapping_label = QLabel(self.tr("No saved mapping loaded"))
        load = QPushButton(self.tr("Load a saved mapping…"))
        load.clicked.connect(self._load_mapping)
        map_row = QHBoxLayout()
        map_row.addWidget(self.mapping_label, 1)
        map_row.addWidget(load)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Sheet:"), self.sheets)
        form.addRow(self.tr("Header row:"), self.header_row)
        form.addRow(self.tr("Mapping:"), map_row)
        form.addRow(self.status)
        self.path.textChanged.connect(self._path_changed)

    def sheet(self) -> str | None:
        return self.sheets.currentText() or None if self.sheets.isEnabled() else None

    def set_path(self, path: str) -> None:
        self.path.setText(path)

    def _browse(self) -> None:
        chosen = self.wiz.context.dialogs.open_file(
            self.tr("Choose the spreadsheet"), self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt)"))
        if chosen:
            self.set_path(chosen)

    def _load_mapping(self) -> None:
        chosen = self.wiz.context.dialogs.open_file(self.tr("Load a saved mapping"),
                                                    self.tr("Mappings (*.json)"))
        if chosen:
            self.load_mapping_file(chosen)

    def load_mapping_file(self, path: str) -> bool:
        try:
            self.wiz.loaded = load_mapping(Path(path)).to_json()
        except UserError as exc:
            self.wiz.context.dialogs.warn(self.tr("The mapping cannot be used"), str(exc),
                                          "\n".join(getattr(exc, "problems", [])))
            return False
        self.mapping_label.setText(Path(path).name)
        if self.wiz.loaded.get("header_row"):
            self.header_row.setValue(int(self.wiz.loaded["header_row"]))
        sheet = self.wiz.loaded.get("sheet")
        if sheet and self.sheets.findText(sheet) >= 0:
            self.sheets.setCurrentText(sheet)
        return True

    def _path_changed(self, text: str) -> None:
        self.sheets.clear()
        p = Path(text.strip())
        xlsx = p.suffix.lower() in XLSX_SUFFIXES and p.is_file()
        self.sheets.setEnabled(xlsx)
        if xlsx:
            try:
                self.sheets.addItems(xlsx_sheet_names(p))
            except Exception:  # noqa: BLE001 - reported when the page is validated
                pass
        self.status.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return Path(self.path.text().strip()).is_file()

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        src = Path(self.path.text().strip())
        self.wiz.source = src
        if is_export(src):
            self.wiz.kind, self.wiz.table = "export", None
            return True
        if recognise(src) is not None:
            self.wiz.kind, self.wiz.table = "template", None
            return True
        self.wiz.kind = "mapping"
        loaded = self.wiz.loaded or {}
        try:
            self.wiz.table = read_source(src, sheet=self.sheet(), header_row=self.header_row.value(),
                                         encoding=loaded.get("encoding"),
                                         delimiter=loaded.get("delimiter"))
        except UserError as exc:
            self.status.setText(str(exc))
            return False
        return True

    def nextId(self) -> int:  # noqa: N802 - Qt API
        return PAGE_MAPPING if self.wiz.kind == "mapping" else PAGE_CHECK


def field_choices(context: Any) -> list[tuple[str, str]]:
    """The portfolio-specific targets: (``score:<criterion>``, name) for each criterion
    and (``cost:<year>``/``benefit:<year>``, year) for the budget year + 3 overslagsår."""
    with context.portfolio.read() as s:
        names = list(s.scalars(select(Criterion.name).where(Criterion.kind != "group")
                               .order_by(Criterion.sort_order)))
        settings = s.get(PortfolioSettings, 1)
        year = settings.budget_year if settings else 2027
    out = [("score:" + n, n) for n in names]
    out += [(f"cost:{y}", str(y)) for y in range(year, year + 4)]
    out += [(f"benefit:{y}", str(y)) for y in range(year, year + 4)]
    return out


class MappingPage(QWizardPage):
    """One row per source column: the target field, a multiplier and sample values."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(self.tr("Choose the field each column fills; unmapped columns are "
                                 "ignored. The first rows of the file are shown below."))
        self.columns = QTableWidget(0, 4)
        self.columns.setObjectName("columnMapping")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Field"), self.tr("Multiplier"), self.tr("Sample values")])
        self.columns.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().setVisible(False)
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)  # one line per row, long cells elided
        self.decimal = QComboBox()
        self.decimal.addItem(self.tr("Detect (ambiguous values are reported)"), None)
        self.decimal.addItem(self.tr("Comma: 1.234,56"), ",")
        self.decimal.addItem(self.tr("Point: 1,234.56"), ".")
        self.date_format = QLineEdit()
        self.date_format.setPlaceholderText(self.tr("e.g. %d.%m.%Y (ISO and Excel dates are always read)"))
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.currency.setPlaceholderText(self.tr("the portfolio's"))
        self.missing = QLineEdit()
        self.missing.setPlaceholderText(self.tr("Texts that mean “missing”, separated by ; (* = anything)"))
        options = QFormLayout()
        options.addRow(self.tr("Decimal mark:"), self.decimal)
        options.addRow(self.tr("Date format:"), self.date_format)
        options.addRow(self.tr("Currency:"), self.currency)
        options.addRow(self.tr("Missing values:"), self.missing)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns, 3)
        layout.addLayout(options)
        layout.addWidget(QLabel(self.tr("First rows:")))
        layout.addWidget(self.preview, 2)
        self._choices: list[tuple[str, str]] = []

    def _labels(self) -> list[tuple[str, str]]:
        base = [
            ("", self.tr("— not imported —")), ("id", self.tr("Id")), ("title", self.tr("Title")),
            ("description", self.tr("Description")), ("lead_department", self.tr("Lead unit")),
            ("departments", self.tr("Participating units")), ("phase", self.tr("Phase")),
            ("kind", self.tr("Kind")), ("audience", self.tr("Audience")),
            ("maturity_level", self.tr("Maturity level")), ("owner", self.tr("Project owner")),
            ("project_manager", self.tr("Project manager")), ("start_date", self.tr("Start date")),
            ("end_date", self.tr("End date")), ("total_cost", self.tr("Total cost")),
            ("total_benefit", self.tr("Total benefit")), ("financing", self.tr("Financing")),
            ("mandatory", self.tr("Mandatory")), ("outside_frame", self.tr("Outside the frame")),
            ("confidential", self.tr("Confidential")), ("requires", self.tr("Requires (ids)")),
            ("note", self.tr("Note")), ("field_notes", self.tr("Notes on withheld values")),
        ]
        extra = []
        for field, label in field_choices(self.wiz.context):
            if field.startswith("score:"):
                extra.append((field, self.tr("Score: {criterion}").format(criterion=label)))
            elif field.startswith("cost:"):
                extra.append((field, self.tr("Cost {year}").format(year=label)))
            else:
                extra.append((field, self.tr("Benefit {year}").format(year=label)))
        return base + extra

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        table = self.wiz.table
        assert table is not None
        self._choices = self._labels()
        loaded = self.wiz.loaded or {}
        specs = loaded.get("columns", {})
        self.columns.setRowCount(len(table.columns))
        for r, name in enumerate(table.columns):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(r, 0, item)
            combo = QComboBox()
            for field, label in self._choices:
                combo.addItem(label, field)
            spec = specs.get(name, {})
            index = combo.findData(spec.get("field", ""))
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(self.completeChanged)
            self.columns.setCellWidget(r, 1, combo)
            mult = spec.get("multiplier")
            self.columns.setItem(r, 2, QTableWidgetItem("" if mult is None else f"{mult:.15g}"))
            samples = [str(row.cells[r]) for row in table.rows[:20]
                       if r < len(row.cells) and row.cells[r] not in (None, "")][:3]
            sample = QTableWidgetItem(" | ".join(_clip(s, SAMPLE_CHARS) for s in samples))
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(r, 3, sample)
        self.columns.resizeColumnsToContents()
        self.decimal.setCurrentIndex(max(self.decimal.findData(loaded.get("decimal")), 0))
        self.date_format.setText(loaded.get("date_format", ""))
        self.currency.setText(loaded.get("currency", ""))
        self.missing.setText("; ".join(loaded.get("missing", [])))
        self._fill_preview(table)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        """Next needs at least one column mapped to a field."""
        return any(self.columns.cellWidget(r, 1).currentData()
                   for r in range(self.columns.rowCount()))

    def _fill_preview(self, table: SourceTable) -> None:
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setColumnCount(len(table.columns))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(table.columns)
        self.preview.setVerticalHeaderLabels([str(r.number) for r in rows])
        for i, row in enumerate(rows):
            for j in range(len(table.columns)):
                value = row.cells[j] if j < len(row.cells) else None
                text = "" if value is None else str(value).replace("\n", " ")
                item = QTableWidgetItem(_clip(text, 60))
                item.setToolTip(text[:500])
                self.preview.setItem(i, j, item)
        # columns as wide as their contents up to a limit, never narrower than the header
        self.preview.resizeColumnsToContents()
        header = self.preview.horizontalHeader()
        for j in range(len(table.columns)):
            self.preview.setColumnWidth(j, max(min(self.preview.columnWidth(j), PREVIEW_COLUMN_MAX),
                                               header.sectionSizeFromContents(j).width()))

    def set_field(self, column: str, field: str, multiplier: float | None = None) -> None:
        """Map ``column`` to ``field`` (used by tests and by loaded mappings)."""
        for r in range(self.columns.rowCount()):
            if self.columns.item(r, 0).text() == column:
                combo = self.columns.cellWidget(r, 1)
                combo.setCurrentIndex(max(combo.findData(field), 0))
                if multiplier is not None:
                    self.columns.item(r, 2).setText(f"{multiplier:.15g}")
                return
        raise KeyError(column)

    def mapping_doc(self) -> dict[str, Any]:
        """The DESIGN §10 mapping chosen on this page (value maps of a loaded mapping kept)."""
        loaded = self.wiz.loaded or {}
        doc: dict[str, Any] = {k: v for k, v in loaded.items() if k != "columns"}
        table = self.wiz.table
        doc["header_row"] = table.header_row if table else 1
        if table is not None and table.kind == "csv":
            doc["encoding"], doc["delimiter"] = table.encoding, table.delimiter
        if table is not None and table.sheet:
            doc["sheet"] = table.sheet
        for key, value in (("decimal", self.decimal.currentData()),
                           ("date_format", self.date_format.text().strip()),
                           ("currency", self.currency.text().strip().upper())):
            doc.pop(key, None)
            if value:
                doc[key] = value
        missing = [m.strip() for m in self.missing.text().split(";") if m.strip()]
        doc.pop("missing", None)
        if missing:
            doc["missing"] = missing
        columns: dict[str, Any] = {}
        old = loaded.get("columns", {})
        for r in range(self.columns.rowCount()):
            name = self.columns.item(r, 0).text()
            field = self.columns.cellWidget(r, 1).currentData()
            if not field:
                continue
            spec = dict(old.get(name, {})) if old.get(name, {}).get("field") == field else {}
            spec["field"] = field
            mult = self.columns.item(r, 2).text().strip().replace(",", ".")
            spec.pop("multiplier", None)
            if mult:
                try:
                    spec["multiplier"] = float(mult)
                except ValueError:
                    spec["multiplier"] = mult  # reported by the mapping check
            if field in LIST_FIELDS and "split" not in spec:
                spec["split"] = " | " if field == "field_notes" else ";"
            columns[name] = spec
        doc["columns"] = columns
        return doc


class CheckPage(QWizardPage):
    """Every problem before anything is written; save the mapping for next time."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been written yet. The import is all or nothing: "
                                 "it runs only when no problem is left."))
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setObjectName("importSummary")
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.skip = QCheckBox(self.tr("Skip rows with problems (they are listed)"))
        self.skip.toggled.connect(self.check)
        self.save = QPushButton(self.tr("Save the mapping…"))
        self.save.clicked.connect(self._save)
        row = QHBoxLayout()
        row.addWidget(self.skip, 1)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 2)
        self.problems_label = QLabel(self.tr("Problems (row, column, reason):"))
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 3)
        layout.addLayout(row)
        self.ok = False

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.save.setEnabled(self.wiz.kind == "mapping")
        self.skip.setEnabled(self.wiz.kind != "export")
        self.check()

    def check(self) -> None:
        """A dry run: read and check everything, write nothing."""
        self.problems.clear()
        self.ok = False
        try:
            if self.wiz.kind == "export":
                result = import_into(self.wiz.context.portfolio, self.wiz.source, dry_run=True)
                plan, table = result.plan, None
            else:
                doc = self.wiz.mapping_doc()
                mapping = (parse_mapping(doc, where=self.tr("chosen on the previous page"))
                           if doc is not None else recognise(self.wiz.source))
                with self.wiz.context.portfolio.read() as s:
                    state = PortfolioState.load(s)
                table, plan = plan_import(self.wiz.source, mapping, state,
                                          sheet=self.wiz.source_page.sheet(),
                                          skip_invalid=self.skip.isChecked())
        except ImportRefused as exc:
            plan, table = exc.plan, exc.table
        except UserError as exc:
            self.summary.setPlainText(str(exc))
            found = list(getattr(exc, "problems", []) or [])
            self.problems.addItems(found)
            self.problems_label.setText(self.tr("Problems (row, column, reason): {n}").format(
                n=format_number(len(found))))
            self.completeChanged.emit()
            return
        lines = summary_lines(plan, table, dry_run=True, problems=False, records_last=True)
        if plan.errors():  # first, so a refused import never reads as "would import 244"
            lines.insert(0, self.tr("Nothing can be imported until the errors below are "
                                    "corrected in the file or the mapping, or their rows are "
                                    "skipped."))
        self.summary.setPlainText("\n".join(lines))
        self.summary.moveCursor(QTextCursor.MoveOperation.Start)  # the totals first
        found = [str(p) for p in plan.all_problems()]
        self.problems.addItems(found)
        self.problems_label.setText(self.tr("Problems (row, column, reason): {n}").format(
            n=format_number(len(found))))
        self.ok = plan.ok
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.ok

    def _save(self) -> None:
        path = self.wiz.context.dialogs.save_file(self.tr("Save the mapping"),
                                                  self.tr("Mappings (*.json)"), "mapping.json")
        if path:
            self.save_mapping(path)

    def save_mapping(self, path: str) -> None:
        doc = self.wiz.mapping_doc() or {}
        Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")


def _clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…" when it was longer."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


def open_import_wizard(parent: QWidget, context: Any) -> ImportWizard:
    """Show the import wizard (window-modal, never ``exec()``) and return it."""
    wizard = ImportWizard(context, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
