"""Drawing a PDF onto a QPrinter with Qt's print engine (Windows printers, and print-to-file with a page
range): each page is rendered by QtPdf at the printer's resolution (capped at ``backend.RASTER_MAX_DPI``)
in horizontal bands, composited on white and drawn at its real size — not a screen grab: the pixels are
made for the paper, from the vector PDF, one band at a time. Off the GUI thread (QPainter on a QPrinter
and QPdfDocument are fine in a worker thread)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import Progress
from desktop_app.ui.printing import backend

BAND_BYTES = 8 << 20  # one band of a page in memory at a time


class _Pdf:
    """The PDF loaded by QtPdf from a private temporary file (removed on close)."""

    def __init__(self, data: bytes) -> None:
        fd, self.path = tempfile.mkstemp(prefix="smiledesk-print-", suffix=".pdf")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        self.doc = QPdfDocument()
        error = self.doc.load(self.path)
        if error != QPdfDocument.Error.None_:
            self.close()
            raise backend.PrintFailed(backend.UNREADABLE, detail=f"QPdfDocument.Error.{error.name}")

    def close(self) -> None:
        self.doc.close()
        Path(self.path).unlink(missing_ok=True)


def page_count(data: bytes) -> int:
    pdf = _Pdf(data)
    try:
        return pdf.doc.pageCount()
    finally:
        pdf.close()


def _setup(printer: QPrinter, job: backend.PrintSettings, first_page: QSizeF) -> int:
    """The dialog's choices on a printer of this thread; returns how many times to draw the pages (copies
    the driver cannot make itself)."""
    if job.output_file:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(job.output_file)
    else:
        printer.setPrinterName(job.printer)
    printer.setDocName(job.title)
    printer.setFullPage(True)
    size = backend.page_size_of(job.paper) if job.paper else None
    if size is None:
        size = QPageSize(first_page, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyOrientationMatch)
    printer.setPageSize(size)
    landscape = first_page.width() > first_page.height()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setDuplex({"long": QPrinter.DuplexMode.DuplexLongSide, "short": QPrinter.DuplexMode.DuplexShortSide}
                      .get(job.duplex, QPrinter.DuplexMode.DuplexNone))
    printer.setColorMode(QPrinter.ColorMode.GrayScale if job.grayscale else QPrinter.ColorMode.Color)
    if printer.supportsMultipleCopies():
        printer.setCopyCount(job.copies)
        printer.setCollateCopies(job.collate)
        return 1
    return job.copies


def draw(data: bytes, job: backend.PrintSettings, progress: Progress) -> int:
    """Draw the pages ``job`` asks for onto its printer; returns the pages drawn (all copies)."""
    pdf = _Pdf(data)
    try:
        return _draw(pdf.doc, job, progress)
    finally:
        pdf.close()


def _draw(doc: QPdfDocument, job: backend.PrintSettings, progress: Progress) -> int:
    first, last = job.page_range(doc.pageCount())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    runs = _setup(printer, job, doc.pagePointSize(first - 1))
    painter = QPainter()
    if not painter.begin(printer):
        raise backend.PrintFailed(backend.REFUSED, printer=job.printer or job.output_file, detail="QPainter.begin() failed")
    drawn, total = 0, (last - first + 1) * runs
    try:
        for _run in range(runs):
            for index in range(first - 1, last):
                progress(drawn, total, job.title)
                if drawn:
                    printer.newPage()
                _page(painter, printer, doc, index, job)
                drawn += 1
    except Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise backend.PrintFailed(backend.REFUSED, printer=job.printer or job.output_file, detail=f"QPrinter state {printer.printerState().name}")
    progress(total, total, job.title)
    return drawn


def _page(painter: QPainter, printer: QPrinter, doc: QPdfDocument, index: int, job: backend.PrintSettings) -> None:
    dpi = printer.resolution()
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    points = doc.pagePointSize(index)
    w, h = points.width() / 72 * dpi, points.height() / 72 * dpi
    scale = 1.0 if job.actual_size else min(1.0, paper.width() / w, paper.height() / h)
    tw, th = w * scale, h * scale
    # centred when shrunk to fit; at the paper's corner when printed at its real size (labels, cards)
    x0, y0 = (0.0, 0.0) if job.actual_size else ((paper.width() - tw) / 2, (paper.height() - th) / 2)
    # Rendered at the device's resolution, at most RASTER_MAX_DPI of the paper.
    cap = min(1.0, backend.RASTER_MAX_DPI / dpi)
    rw, rh = max(1, round(tw * cap)), max(1, round(th * cap))
    band = max(32, BAND_BYTES // (rw * 4))
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(QSize(rw, rh))
    k = th / rh
    for y in range(0, rh, band):
        bh = min(band, rh - y)
        options.setScaledClipRect(QRect(0, y, rw, bh))
        rendered = doc.render(index, QSize(rw, bh), options)
        image = QImage(rw, bh, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        with_white = QPainter(image)
        with_white.drawImage(0, 0, rendered)
        with_white.end()
        if job.grayscale:
            image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        top, bottom = round(y0 + y * k), round(y0 + (y + bh) * k)
        painter.drawImage(QRectF(x0, top, tw, bottom - top), image)
