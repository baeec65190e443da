"""Printing a rendered certificate PDF on the printer chosen in QPrintDialog (``dialogs.AskPrinter.ask``).

Each page of the PDF (QPdfDocument) is drawn onto the QPrinter, so what is printed is exactly what was
previewed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def printer_for(number: str, page_size: str, orientation: str) -> QPrinter:
    """A printer set up for a certificate issued on ``page_size`` paper in ``orientation``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5 if page_size == "A5" else QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if orientation == "landscape"
                               else QPageLayout.Orientation.Portrait)
    printer.setDocName(number)
    return printer


def print_pdf(path: str | Path, printer: QPrinter) -> int:
    """Draw every page of a PDF onto ``printer`` (copies the driver cannot make are drawn again). Returns pages drawn."""
    doc = QPdfDocument()
    error = doc.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise RuntimeError(f"cannot read {path}: {error}")
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer refused to start")
    drawn = 0
    try:
        dpi = printer.resolution()
        for _copy in range(copies):
            for i in range(doc.pageCount()):
                if drawn:
                    printer.newPage()
                points = doc.pagePointSize(i)
                target = painter.viewport()
                size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
                image = doc.render(i, size)
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                                         Qt.TransformationMode.SmoothTransformation))
                drawn += 1
    finally:
        painter.end()
    return drawn
