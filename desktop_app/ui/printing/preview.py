"""The print preview every paper opens in, and printing through the platform print dialog.

``open_preview(page, ctx, kind, make, …)`` opens a PrintPreview: ``make(progress, skip)`` (Qt-free work, run
off the GUI thread) makes the Paper; the preview shows it with QtPdf's view and its page count, takes an
offset for a partly used sheet of labels or cards (the paper is made again), and offers

* **Print…** (the default): QPrintDialog — printer, copies, page range, paper size, duplex — preset with the
  printer and paper this PC last used for this kind of paper (``settings.PRINTERS`` / ``PAPER_SIZES``), then
  ``backend.send`` off the GUI thread. Only once the print system accepted the job is the paper recorded:
  the audit log's "print" entry (``core.papers.record_print``) and the feature's own register
  (``on_printed``, e.g. certificates' print log).
* **Save as PDF…**: the same bytes to a file (audited as an export).

``print_paper`` is the same printing without the preview (the certificates register has its own preview).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings as opts
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.papers import SHEETS, Paper, PaperKind, kind_title, record_print
from desktop_app.core.progress import Progress
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import error_text, message_box, show_error
from desktop_app.ui.printing import backend
from desktop_app.ui.widgets import open_single

MakePaper = Callable[[Progress, int], Paper]  # (progress, labels to skip) → the paper


def show_print_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A printing failure in its own words ("Not printed"); a bug takes the one error policy."""
    if not isinstance(exc, SmileDeskError):
        return show_error(parent, exc)
    title = QCoreApplication.translate("Printing", "Not printed")
    return message_box(parent, QMessageBox.Icon.Warning, title, error_text(exc))


def set_tone(label: QLabel, tone: str, text: str) -> None:
    """A status line in the style sheets' colour for ``tone`` (note, error)."""
    label.setProperty("tone", tone)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)


class AskPrinter:
    """The platform print dialog on a printer already set up for the paper. Tests patch the dialog itself
    (``QPrintDialog.exec``) so that everything after it runs as it does for a person."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print {title}").format(title=printer.docName()))
        Option = QAbstractPrintDialog.PrintDialogOption
        for option in (Option.PrintPageRange, Option.PrintCollateCopies, Option.PrintShowPageSize, Option.PrintToFile):
            dialog.setOption(option, True)
        dialog.setMinMax(1, max(1, pages))
        answer = dialog.exec()
        dialog.deleteLater()
        return int(getattr(answer, "value", answer)) == QDialog.DialogCode.Accepted.value


class AskSavePath:
    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Printing", "Save as PDF"), suggested,
                                              QCoreApplication.translate("Printing", "PDF files (*.pdf)"))
        return path


def document_info(data: bytes) -> tuple[int, QSizeF]:
    """(pages, first page's size in points) of a PDF, read by QtPdf."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    try:
        pages = doc.pageCount()
        return pages, doc.pagePointSize(0) if pages else QSizeF(595.28, 841.89)
    finally:
        doc.close()
        buffer.close()


def page_size_name(points: QSizeF) -> str:
    """"A4 portrait" for a page of that size (the preview's line under the pages)."""
    size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyOrientationMatch)
    landscape = points.width() > points.height()
    if landscape:
        return QCoreApplication.translate("Printing", "{size} landscape").format(size=size.name())
    return QCoreApplication.translate("Printing", "{size} portrait").format(size=size.name())


def remembered_printer(ctx: AppContext, kind: str, names: list[str]) -> str:
    """The printer this PC used last for ``kind`` if it is still there; else the system's default."""
    name = opts.get(ctx.settings, opts.PRINTERS[kind])
    if name in names:
        return name
    default = backend.default_printer()
    return default if default in names else (names[0] if names else "")


def remember(ctx: AppContext, kind: str, printer: str, paper: str) -> None:
    opts.put(ctx.settings, opts.PRINTERS[kind], printer)
    opts.put(ctx.settings, opts.PAPER_SIZES[kind], paper)


def configured_printer(ctx: AppContext, paper: Paper, first_page: QSizeF, names: list[str]) -> QPrinter:
    """A QPrinter set up as this PC last printed this kind of paper: its printer, its paper size (else the
    document's own, A4 or A5), the document's orientation."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = remembered_printer(ctx, paper.kind, names)
    if name:
        printer.setPrinterName(name)
    size = backend.page_size_of(opts.get(ctx.settings, opts.PAPER_SIZES[paper.kind]))
    if size is None:
        size = QPageSize(first_page, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyOrientationMatch)
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if first_page.width() > first_page.height()
                               else QPageLayout.Orientation.Portrait)
    printer.setDocName(paper.title)
    printer.setCopyCount(1)
    return printer


def print_paper(parent: QWidget, ctx: AppContext, paper: Paper, *, pages: int, first_page: QSizeF,
                on_printed: Callable[[backend.PrintResult], None] | None = None,
                on_failed: Callable[[BaseException], None] | None = None) -> ops.OpHandle | None:
    """The print dialog, then the job off the GUI thread. Returns the running op (None when there is no
    printer or the dialog was cancelled). The audit entry and ``on_printed`` follow only an accepted job."""
    names = backend.printer_names()
    failed = on_failed or (lambda exc: show_print_error(parent, exc))
    if not names:
        failed(backend.PrintFailed(backend.NO_PRINTER))
        return None
    printer = configured_printer(ctx, paper, first_page, names)
    if not AskPrinter.ask(parent, printer, pages):
        return None
    chosen = printer.pageLayout().pageSize().key()
    own = QPageSize(first_page, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyOrientationMatch).key()
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        remember(ctx, paper.kind, printer.printerName(), "" if chosen == own else chosen)
    job = backend.settings_from(printer, title=paper.title, actual_size=paper.actual_size)
    engine, actor = ctx.engine, ctx.actor

    def printed(result: backend.PrintResult) -> None:
        if paper.audited:
            ops.write(parent, engine, lambda s: record_print(
                s, actor=actor, paper=paper, printer=result.printer, copies=result.copies, pages=result.pages,
                job=result.job).id)
        if on_printed is not None:
            on_printed(result)

    return ops.run_op(parent, lambda progress: backend.send(paper.data, job, pages=pages, progress=progress),
                      printed, failed,
                      title=QCoreApplication.translate("Printing", "Printing {title}").format(title=paper.title))


class PrintPreview(QDialog):
    """A paper before it goes to a printer: its pages, their number and size, Print… and Save as PDF…."""

    def __init__(self, ctx: AppContext, kind: str, make: MakePaper, parent: QWidget | None = None, *,
                 save_name: str = "", on_printed: Callable[[Paper, backend.PrintResult], None] | None = None,
                 on_saved: Callable[[Paper, str], None] | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.make = ctx, PaperKind(kind), make
        self.save_name = save_name
        self.on_printed, self.on_saved = on_printed, on_saved
        self.paper: Paper | None = None
        self.last_box: QMessageBox | None = None
        self.last_op: ops.OpHandle | None = None
        self.last_result: backend.PrintResult | None = None
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Print preview — {kind}").format(kind=kind_title(kind)))
        self.doc = QPdfDocument(self)
        self.buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setObjectName("previewView")
        self.view.setDocument(self.doc)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Fitted to the width, a page a little taller than the view called for the scroll bar, which narrowed
        # the view and shrank the page until the bar was not needed, for ever (the GUI froze; at 520×778 with
        # one page): the bar is always there.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.pages_label = QLabel(self.tr("Preparing the paper…"), self)
        self.pages_label.setObjectName("pageCount")
        self.skip = QSpinBox(self)
        self.skip.setObjectName("skipLabels")
        self.skip.setRange(0, 23)
        self.skip.setAccessibleName(self.tr("Places already used on the first sheet"))
        self.skip_label = QLabel(self.tr("Places already used on the first sheet:"), self)
        sheet = self.kind in SHEETS
        self.skip.setVisible(sheet)
        self.skip_label.setVisible(sheet)
        self.skip.valueChanged.connect(lambda _v: self.remake())
        self.status = QLabel(self)
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePdfButton")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")
        self.print_button.clicked.connect(self.print_)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        info = QHBoxLayout()
        info.addWidget(self.pages_label, 1)
        info.addWidget(self.skip_label)
        info.addWidget(self.skip)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addLayout(info)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        self.resize(760, 640)
        self.remake()

    # --- the paper ---------------------------------------------------------------------------------------
    def remake(self) -> None:
        """Make the paper (again: another offset on the sheet) off the GUI thread."""
        skip, make = self.skip.value(), self.make
        self._enable(False)
        self.last_op = ops.run_op(self, lambda progress: make(progress, skip), self._show, self._not_made,
                                  title=self.tr("Preparing the paper"))

    def _show(self, paper: Paper) -> None:
        self.paper = paper
        self.doc.close()
        if self.buffer.isOpen():
            self.buffer.close()
        self.buffer.setData(QByteArray(paper.data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.doc.load(self.buffer)
        pages = self.doc.pageCount()
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=paper.title))
        size = page_size_name(self.doc.pagePointSize(0)) if pages else ""
        self.pages_label.setText(self.tr("{n} page(s), {size}").format(n=pages, size=size))
        self._enable(pages > 0)

    def _not_made(self, exc: BaseException) -> None:
        self.pages_label.setText(error_text(exc))
        self.last_box = show_error(self, exc)

    def _enable(self, on: bool) -> None:
        for w in (self.print_button, self.save_button):
            w.setEnabled(on)

    def pages(self) -> int:
        return self.doc.pageCount()

    # --- print and save ----------------------------------------------------------------------------------
    def print_(self) -> None:
        paper = self.paper
        if paper is None or not self.pages():
            return
        self.status.setText("")
        op = print_paper(self, self.ctx, paper, pages=self.pages(), first_page=self.doc.pagePointSize(0),
                         on_printed=lambda result: self._printed(paper, result), on_failed=self._not_printed)
        if op is not None:
            self.last_op = op
            self._enable(False)
            op.done.connect(lambda: self._enable(self.paper is not None))

    def _printed(self, paper: Paper, result: backend.PrintResult) -> None:
        self.last_result = result
        text = self.tr("Sent to {printer}: {pages} page(s), {copies} copy/copies.").format(
            printer=result.printer, pages=result.pages, copies=result.copies)
        if result.job:
            text += " " + self.tr("Print job {job}.").format(job=result.job)
        set_tone(self.status, "note", text)
        if self.on_printed is not None:
            self.on_printed(paper, result)

    def _not_printed(self, exc: BaseException) -> None:
        set_tone(self.status, "error", error_text(exc))
        self.last_box = show_print_error(self, exc)

    def save(self) -> None:
        paper = self.paper
        if paper is None:
            return
        path = AskSavePath.ask(self, self.save_name or f"{paper.title}.pdf")
        if not path:
            return
        try:
            Path(path).write_bytes(paper.data)
        except OSError as exc:
            self.last_box = show_print_error(self, backend.PrintFailed(backend.NOT_WRITTEN, path=path,
                                                                      reason=backend.os_reason(exc), detail=str(exc)))
            return
        set_tone(self.status, "note", self.tr("Saved {path}").format(path=path))
        engine, actor, pages = self.ctx.engine, self.ctx.actor, self.pages()
        if paper.audited:
            ops.write(self, engine, lambda s: record_print(s, actor=actor, paper=paper, printer=Path(path).name,
                                                           copies=1, pages=pages, how="export").id)
        if self.on_saved is not None:
            self.on_saved(paper, path)


def open_preview(owner: QWidget, ctx: AppContext, kind: str, make: MakePaper, *, key: object = None,
                 save_name: str = "", on_printed: Callable[[Paper, backend.PrintResult], None] | None = None,
                 on_saved: Callable[[Paper, str], None] | None = None) -> PrintPreview:
    """The preview of one paper, one per ``key`` and owner (a second click raises it; the screen lock hides
    it with the owner's other dialogs)."""
    def new() -> PrintPreview:
        dialog = PrintPreview(ctx, kind, make, owner, save_name=save_name, on_printed=on_printed, on_saved=on_saved)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        return dialog

    dialog = open_single(owner, ("print", kind, key), new)
    dialog.show()
    return dialog
