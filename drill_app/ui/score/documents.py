"""The documents from the GUI: print preview, print and PDF export of the scoring sheet
(演练评估表, the whole drill or one unit) and the after-action report (演练总结报告).

The documents are those of ``drill-app report`` (drill_app/reports), built from the open
exercise as the session has it: the same score, events and improvement items the score
view shows.  Building and writing run in a pool thread (``DocumentTask``); the window
keeps working and shows the progress.  The modal parts (file dialog, print dialog, print
preview) are classmethods of ``DocumentsPanel`` so tests replace them.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSize,
    QStandardPaths,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drill_app.reports.aar import after_action_report
from drill_app.reports.context import ImprovementRow, ReportContext, seats_of
from drill_app.reports.render import Document, document_font_family, export_pdf, print_document
from drill_app.reports.sheet import scoring_sheet
from drill_app.ui.act.commanding import show_feedback
from drill_app.ui.shared.describe import describe, set_waiting
from drill_app.ui.shared.screen_fit import fit_to_screen
from drill_app.wording import PlanWords
from drill_app.wording.palette import HINT_COLOUR

if TYPE_CHECKING:
    from drill_app.store.store import ImprovementInfo
    from drill_app.ui.session import ExerciseSession

SHEET = "sheet"
AAR = "aar"
DOCUMENTS = (SHEET, AAR)
PREVIEW = "preview"
PRINT = "print"
PDF = "pdf"
UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


def document_name(kind: str) -> str:
    names = {
        SHEET: QCoreApplication.translate("Documents", "Drill scoring sheet"),
        AAR: QCoreApplication.translate("Documents", "Drill after-action report"),
    }
    return names.get(kind, kind)


# --- the exercise as a document sees it ---------------------------------------------------------


def improvement_rows(items: Sequence[ImprovementInfo]) -> tuple[ImprovementRow, ...]:
    return tuple(
        ImprovementRow(
            i.issue,
            i.action,
            i.element,
            i.owner_unit,
            i.contact,
            i.plan_ref,
            i.start_date,
            i.due_date,
            i.status,
        )
        for i in items
    )


def report_context(
    session: ExerciseSession, improvements: Sequence[ImprovementInfo], language: str
) -> ReportContext:
    """Everything the documents need, from the open exercise (frozen: safe in a worker).

    The stored exercise gives the date, place, type, controller and evaluators; the
    footer carries the hash at the head of the stored event chain.
    """
    loaded = session.loaded
    return ReportContext(
        title=loaded.title,
        held_on=loaded.held_on,
        location=loaded.location,
        exercise_type=loaded.exercise_type or session.scenario.exercise_type,
        controller=loaded.controller,
        evaluators=loaded.evaluators,
        final_hash=session.head_hash,
        not_verified=loaded.not_verified,
        seats=seats_of(session.scenario, loaded.seats),
        plan=session.plan,
        scenario=session.scenario,
        rules=session.rules,
        sheet=session.score(),
        events=tuple(session.events),
        improvements=improvement_rows(improvements),
        language=language,
    )


def build_document(ctx: ReportContext, kind: str, unit: str | None) -> Document:
    return scoring_sheet(ctx, unit) if kind == SHEET else after_action_report(ctx)


# --- the work off the GUI thread ----------------------------------------------------------------


@dataclass(frozen=True)
class DocumentJob:
    kind: str
    """SHEET or AAR."""
    unit: str | None
    action: str
    """PREVIEW (build only), PRINT or PDF."""
    path: Path | None = None


class DocumentCancelledError(Exception):
    """The user cancelled: the export stops at the next page."""


class DocumentTaskSignals(QObject):
    progressed = Signal(int, int)  # page, pages
    finished = Signal(object, int)  # Document, pages written (0 for a preview)
    failed = Signal(str)  # what went wrong, for the user
    cancelled = Signal()


class DocumentTask(QRunnable):
    """Build a document and write it to a PDF file or a printer, in a pool thread.

    QPdfWriter, QPrinter, QTextDocument and QImage may all be painted off the GUI thread;
    the results come back as queued signals.
    """

    def __init__(self, ctx: ReportContext, job: DocumentJob, printer: QPrinter | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the panel keeps it until it has finished
        self.ctx = ctx
        self.job = job
        self.printer = printer
        self.signals = DocumentTaskSignals()
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def _progress(self, page: int, pages: int) -> None:
        if self._cancelled:
            raise DocumentCancelledError
        self.signals.progressed.emit(page, pages)

    def run(self) -> None:
        job = self.job
        try:
            document = build_document(self.ctx, job.kind, job.unit)
            if self._cancelled:
                raise DocumentCancelledError
            pages = 0
            if job.action == PDF:
                assert job.path is not None
                pages = export_pdf(document, job.path, self._progress)
            elif job.action == PRINT:
                assert self.printer is not None
                pages = print_document(document, self.printer, self._progress)
        except DocumentCancelledError:
            self._remove_partial()
            self.signals.cancelled.emit()
        except OSError as exc:
            self._remove_partial()
            self.signals.failed.emit(self._os_error_text(exc))
        except Exception as exc:  # never a traceback in front of the user: say what it was
            self._remove_partial()
            self.signals.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.signals.finished.emit(document, pages)

    def _os_error_text(self, exc: OSError) -> str:
        if self.job.action == PDF and self.job.path is not None:
            return QCoreApplication.translate(
                "Documents",
                "Cannot write {path}: check that the folder exists and that you may write to it",
            ).format(path=self.job.path)
        if self.job.action == PRINT:
            return QCoreApplication.translate(
                "Documents", "The printer did not accept the document ({error})"
            ).format(error=exc.strerror or exc)
        return str(exc)

    def _remove_partial(self) -> None:
        """export_pdf writes NAME.part first; a stopped export leaves nothing behind."""
        if self.job.action == PDF and self.job.path is not None:
            partial = self.job.path.with_name(self.job.path.name + ".part")
            with contextlib.suppress(OSError):  # e.g. the "folder" is a file: no partial file
                partial.unlink(missing_ok=True)


# --- the panel ----------------------------------------------------------------------------------


class DocumentsPanel(QWidget):
    """Buttons for the two documents: print preview, print, export PDF; one job at a time."""

    job_started = Signal(object)  # DocumentTask, just before it is queued
    job_finished = Signal(str)  # the message shown (success, failure or cancel)

    def __init__(
        self,
        session: ExerciseSession,
        context: Callable[[], ReportContext],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.words = PlanWords(session.plan)
        self.pool = QThreadPool.globalInstance()
        self.task: DocumentTask | None = None
        self.progress: QProgressDialog | None = None
        self.last_pages = 0
        self.last_path: Path | None = None
        self._folder: Path | None = None

        box = QGroupBox(self.tr("Print and export"), self)
        self.unit_combo = QComboBox(box)
        self.unit_combo.setObjectName("document_unit")
        self.unit_combo.setAccessibleName(self.tr("Scope of the scoring sheet"))
        self.unit_combo.addItem(self.tr("Whole drill (all units)"), None)
        for unit in session.scenario.seats:
            self.unit_combo.addItem(self.words.party(unit), unit)
        self.unit_combo.setToolTip(
            self.tr("The scoring sheet of the whole drill, or of one participating unit")
        )
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        labels = {
            PREVIEW: self.tr("Print preview"),
            PRINT: self.tr("Print…"),
            PDF: self.tr("Export PDF…"),
        }
        tips = {
            PREVIEW: self.tr("Show the {document} as it will print"),
            PRINT: self.tr("Print the {document} on a printer you choose"),
            PDF: self.tr("Save the {document} as a PDF file"),
        }
        aar_scope = QLabel(self.tr("Whole drill"), box)
        aar_scope.setStyleSheet(f"color: {HINT_COLOUR}")
        for row, kind in enumerate(DOCUMENTS):
            name = QLabel(f"<b>{document_name(kind)}</b>", box)
            grid.addWidget(name, row, 0)
            grid.addWidget(self.unit_combo if kind == SHEET else aar_scope, row, 1)
            for column, action in enumerate((PREVIEW, PRINT, PDF), start=2):
                button = QPushButton(labels[action], box)
                button.setObjectName(f"{kind}_{action}")
                button.clicked.connect(self._clicked)
                button.setProperty("document", kind)
                button.setProperty("action", action)
                describe(button, tips[action].format(document=document_name(kind)))
                self.buttons[(kind, action)] = button
                grid.addWidget(button, row, column)
        grid.setColumnStretch(1, 1)
        self.status = QLabel(box)
        self.status.setObjectName("document_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.idle_hint = self.tr(
            "Preview before printing. The PDF carries its fonts: it prints the same on any "
            "computer."
        )
        show_feedback(self.status, self.idle_hint, "wait")
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(grid)
        box_layout.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)

    # --- the modal parts (tests replace these) ---------------------------------------------

    @classmethod
    def ask_pdf_path(cls, parent: QWidget, suggested: Path) -> Path | None:
        """Where to save the PDF; None when the user cancels."""
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Documents", "Export PDF"),
            str(suggested),
            QCoreApplication.translate("Documents", "PDF documents (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    @classmethod
    def ask_printer(cls, parent: QWidget) -> QPrinter | None:
        """The printer the user chose in the system print dialog; None when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Documents", "Print"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return printer if accepted else None

    @classmethod
    def show_preview(cls, parent: QWidget, title: str, paint: Callable[[QPrinter], None]) -> None:
        """The print preview; *paint* lays the pages on the preview's printer."""
        dialog = QPrintPreviewDialog(parent)
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(paint)
        fit_to_screen(dialog, QSize(900, 1000))
        dialog.exec()
        dialog.deleteLater()

    # --- public -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None

    def set_unit(self, unit: str | None) -> None:
        """The scope of the scoring sheet (e.g. the unit chosen in the score view)."""
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit)))

    def unit(self) -> str | None:
        data = self.unit_combo.currentData()
        return str(data) if data is not None else None

    def preview(self, kind: str) -> None:
        self._start(DocumentJob(kind, self._unit_for(kind), PREVIEW))

    def print_document(self, kind: str) -> None:
        printer = type(self).ask_printer(self)
        if printer is not None:
            self._start(DocumentJob(kind, self._unit_for(kind), PRINT), printer)

    def export_pdf(self, kind: str) -> None:
        unit = self._unit_for(kind)
        path = type(self).ask_pdf_path(self, self._suggested_path(kind, unit))
        if path is not None:
            self._folder = path.parent
            self._start(DocumentJob(kind, unit, PDF, path))

    # --- internals --------------------------------------------------------------------------

    def _unit_for(self, kind: str) -> str | None:
        return self.unit() if kind == SHEET else None

    def _title(self, kind: str, unit: str | None) -> str:
        title = document_name(kind)
        return f"{title}（{self.words.party(unit)}）" if unit else title

    def _suggested_path(self, kind: str, unit: str | None) -> Path:
        folder = self._folder
        if folder is None:
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            folder = Path(documents) if documents else Path.home()
        parts = [self.session.loaded.title, document_name(kind)]
        if unit:
            parts.append(self.words.party(unit))
        name = UNSAFE_IN_FILE_NAMES.sub("_", "-".join(parts)).strip("_")
        return folder / f"{name}.pdf"

    @Slot()
    def _clicked(self) -> None:
        button = self.sender()
        kind = str(button.property("document"))
        action = str(button.property("action"))
        if action == PREVIEW:
            self.preview(kind)
        elif action == PRINT:
            self.print_document(kind)
        else:
            self.export_pdf(kind)

    def _start(self, job: DocumentJob, printer: QPrinter | None = None) -> None:
        if self.task is not None:
            return
        document_font_family()  # loads the bundled font once, here on the GUI thread
        task = DocumentTask(self.context(), job, printer)
        task.signals.progressed.connect(self._progressed)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        self.task = task
        busy = self.tr("A document is being made; one at a time.")
        for button in self.buttons.values():
            set_waiting(button, True, busy)
        title = self._title(job.kind, job.unit)
        wait = {
            PREVIEW: self.tr("Preparing the print preview of the {document}…"),
            PRINT: self.tr("Printing the {document}…"),
            PDF: self.tr("Exporting the {document} to PDF…"),
        }[job.action].format(document=title)
        show_feedback(self.status, wait, "wait")
        self.progress = self._progress_dialog(wait, job.action != PRINT)
        self.job_started.emit(task)
        self.pool.start(task)

    def _progress_dialog(self, text: str, can_cancel: bool) -> QProgressDialog:
        dialog = QProgressDialog(text, self.tr("Cancel") if can_cancel else "", 0, 0, self)
        dialog.setObjectName("document_progress")
        dialog.setWindowTitle(self.tr("Print and export"))
        # Not modal: the window stays usable (and no nested event loop runs in setValue).
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(300)  # short jobs finish without a flashing dialog
        if not can_cancel:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self._cancel)
        return dialog

    @Slot()
    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    @Slot(int, int)
    def _progressed(self, page: int, pages: int) -> None:
        progress = self.progress
        if progress is None:
            return
        progress.setLabelText(self.tr("Page {page} of {pages}").format(page=page, pages=pages))
        progress.setMaximum(pages)
        progress.setValue(page)

    def _done(self) -> DocumentJob | None:
        task, self.task = self.task, None
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        for button in self.buttons.values():
            set_waiting(button, False)
        return task.job if task is not None else None

    @Slot(object, int)
    def _finished(self, document: Document, pages: int) -> None:
        job = self._done()
        if job is None:
            return
        self.last_pages = pages
        if job.action == PDF:
            self.last_path = job.path
            text = self.tr("Exported {pages} pages: {path}").format(pages=pages, path=job.path)
        elif job.action == PRINT:
            text = self.tr("Sent {pages} pages to the printer").format(pages=pages)
        else:
            text = self.tr("Print preview of the {document}").format(
                document=self._title(job.kind, job.unit)
            )
        show_feedback(self.status, text, "ok")
        self.job_finished.emit(text)
        if job.action == PREVIEW:
            self._show_preview(document, self._title(job.kind, job.unit))

    def _show_preview(self, document: Document, title: str) -> None:
        def paint(printer: QPrinter) -> None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.last_pages = print_document(document, printer)
            except OSError as exc:
                show_feedback(
                    self.status,
                    self.tr("The preview could not be drawn: {error}").format(error=exc),
                    "error",
                )
            finally:
                QGuiApplication.restoreOverrideCursor()

        type(self).show_preview(self, title, paint)

    @Slot(str)
    def _failed(self, message: str) -> None:
        job = self._done()
        if job is None:
            return
        text = {
            PDF: self.tr("Not exported: {error}"),
            PRINT: self.tr("Not printed: {error}"),
            PREVIEW: self.tr("No preview: {error}"),
        }[job.action].format(error=message)
        show_feedback(self.status, text, "error")
        self.job_finished.emit(text)

    @Slot()
    def _cancelled(self) -> None:
        if self._done() is None:
            return
        text = self.tr("Cancelled")
        show_feedback(self.status, text, "error")
        self.job_finished.emit(text)
