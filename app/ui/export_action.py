"""File → Export: the agenda item (DOCX), the PDF bilag, XLSX or CSV, written by
``app.services.exports`` in a worker thread behind a progress dialog with Cancel.

The export opens its own read-only connection (no lock) and writes atomically: a
cancelled or failed export leaves no partial file (``exports.atomic_output``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.errors import UserError
from app.ui.tr import tr

if TYPE_CHECKING:
    from app.ui.context import ViewContext

FILTERS = {"pdf": "PDF (*.pdf)", "docx": "Word (*.docx)", "xlsx": "Excel (*.xlsx)",
           "csv": "CSV (*.csv)"}


def suggested_name(kind: str) -> str:
    names = {"pdf": tr("Bilag.pdf"), "docx": tr("Agenda item.docx"),
             "xlsx": tr("Portfolio.xlsx"), "csv": tr("Portfolio.csv")}
    return names[kind]


class ExportWorker(QThread):
    """Runs one export; ``progress(percent, text)``, then ``succeeded(path)``,
    ``failed(message)`` or ``was_cancelled()`` — exactly one of the three."""

    progress = Signal(int, str)
    succeeded = Signal(str)
    failed = Signal(str)
    was_cancelled = Signal()

    def __init__(self, target: str, kind: str, out: Path, scenario: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target, self.kind, self.out, self.scenario = target, kind, out, scenario
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        from app.services.exports import Cancelled, ExportHooks, export

        hooks = ExportHooks(progress=lambda f, text: self.progress.emit(int(f * 100), text),
                            cancel=lambda: self._cancel)
        try:
            hooks.check()
            path = export(self.target, self.kind, self.out, scenario=self.scenario, hooks=hooks)
        except Cancelled:
            self.was_cancelled.emit()
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user; nothing was written
            self.failed.emit(tr("The export failed: {error}").format(error=exc))
        else:
            self.succeeded.emit(str(path))


class ExportRun(QObject):
    """Main-thread receiver of a worker's signals (queued: GUI calls stay on this thread)."""

    def __init__(self, parent: QWidget, context: ViewContext, worker: ExportWorker,
                 dialog: QProgressDialog) -> None:
        super().__init__(parent)
        self.window, self.context, self.worker, self.dialog = parent, context, worker, dialog
        worker.progress.connect(self.on_progress)
        worker.succeeded.connect(self.on_succeeded)
        worker.failed.connect(self.on_failed)
        worker.was_cancelled.connect(self.on_cancelled)
        worker.finished.connect(self.on_finished)
        dialog.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)

    @Slot(int, str)
    def on_progress(self, percent: int, text: str) -> None:
        self.dialog.setValue(percent)
        if text:
            self.dialog.setLabelText(text)

    @Slot(str)
    def on_succeeded(self, path: str) -> None:
        self.dialog.close()
        self.context.dialogs.inform(tr("Export"), tr("Wrote {path}").format(path=path))

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self.dialog.close()
        self.context.dialogs.warn(tr("The export failed"),
                                  message + "\n" + tr("No file was written."))

    @Slot()
    def on_cancelled(self) -> None:
        self.dialog.close()
        self.context.dialogs.inform(tr("Export"),
                                    tr("The export was cancelled; no file was written."))

    @Slot()
    def on_finished(self) -> None:
        self.worker.wait()
        self.window.setProperty("export_running", False)
        self.dialog.deleteLater()
        self.worker.deleteLater()
        self.deleteLater()


def start_export(parent: QWidget, context: ViewContext, kind: str) -> ExportWorker | None:
    """Ask where to save, then export in a worker with a progress dialog (Cancel works)."""
    out = context.dialogs.save_file(tr("Export"), FILTERS[kind], suggested_name(kind))
    if not out:
        return None
    path = Path(out)
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(path.name + f".{kind}")
    pf = context.portfolio
    target = str(pf.path) if pf.path is not None else pf.url
    worker = ExportWorker(target, kind, path, context.scenario().name or None)
    dialog = QProgressDialog(tr("Exporting {name} …").format(name=path.name), tr("Cancel"),
                             0, 100, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    parent.setProperty("export_running", True)
    ExportRun(parent, context, worker, dialog)
    worker.start()
    return worker
