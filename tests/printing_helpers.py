"""Printing as a person does it, for the tests of every paper: open the preview, click Print…, the platform
print dialog (QPrintDialog itself, patched to accept with the person's choices), then read what the print
system wrote (tests/cups_server.py) and compare it with the document."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog


@dataclass
class DialogChoices:
    """What the person sets in the print dialog (None: leave the dialog's preset), and what it showed."""

    printer: str | None = None
    copies: int = 1
    first: int = 0
    last: int = 0
    duplex: QPrinter.DuplexMode | None = None
    grayscale: bool = False
    accept: bool = True
    shown: list[dict] = field(default_factory=list)  # printer, paper, orientation, pages as the dialog opened


def patch_print_dialog(monkeypatch, choices: DialogChoices | None = None) -> DialogChoices:
    choices = choices or DialogChoices()

    def exec_(dialog: QPrintDialog) -> int:
        p: QPrinter = dialog.printer()
        layout = p.pageLayout()
        choices.shown.append({"printer": p.printerName(), "paper": layout.pageSize().key(),
                              "landscape": layout.orientation() == layout.Orientation.Landscape,
                              "max_page": dialog.maxPage(), "title": p.docName()})
        if choices.printer is not None:
            p.setPrinterName(choices.printer)
        p.setCopyCount(choices.copies)
        if choices.first:
            p.setPrintRange(QPrinter.PrintRange.PageRange)
            p.setFromTo(choices.first, choices.last or choices.first)
        if choices.duplex is not None:
            p.setDuplex(choices.duplex)
        if choices.grayscale:
            p.setColorMode(QPrinter.ColorMode.GrayScale)
        return (QDialog.DialogCode.Accepted if choices.accept else QDialog.DialogCode.Rejected).value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return choices


def plain(text: str) -> str:
    """Text without any white space: a printer's PDF breaks lines and runs of another font differently."""
    return re.sub(r"\s+", "", text)


def pdf_pages(source: bytes | Path) -> list[str]:
    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    return [plain(page.extract_text() or "") for page in reader.pages]


def click_print(qtbot, preview, wait_ops) -> None:
    """Click Print… on a preview whose paper is made, and wait until the job was sent (or refused)."""
    qtbot.waitUntil(lambda: preview.paper is not None and preview.print_button.isEnabled(), timeout=20000)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    wait_ops(60000)


def assert_printed_as_made(cups, preview) -> Path:
    """The print system's PDF of the preview's last job has the document's pages and text."""
    assert preview.last_result is not None, preview.status.text()
    printed = cups.printed(preview.last_result.job)
    assert pdf_pages(printed) == pdf_pages(preview.paper.data)
    return printed
