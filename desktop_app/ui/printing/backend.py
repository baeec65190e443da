"""Sending a paper (a PDF) to the printer chosen in the print dialog: the one path every paper takes.

Three routes, chosen per job (``send``):

* **CUPS queue** (Linux, macOS — every printer Qt lists there is a CUPS queue): the PDF itself goes to the
  queue (``cups.submit``) with the dialog's copies, page range, paper size, duplex and colour as IPP
  options. CUPS' filters and the printer's driver rasterise the vector pages at the printer's own
  resolution. The job id is the proof of acceptance.
* **Qt's print engine** (Windows printers, or a printer CUPS does not know): the pages are rendered with
  QtPdf (pdfium, the same renderer as the preview) at the printer's resolution (at most 600 dpi: office
  lasers' native resolution; label printers have 203–300) in bands of a few hundred lines, so a page never
  needs more than ~10 MB, and drawn onto the QPrinter at their real size (``raster.py``).
* **Print to file** (Qt's own "Print to File (PDF)"): the PDF is written as it is when the whole document
  is wanted once; otherwise through Qt's print engine.

Failures — no printer, printer offline or paused, queue not accepting, job refused — raise PrintFailed
with a translated message that says what to do. What the print system or the OS said in its own words
(libcups' reason, printer-state-message, an OS error) goes to the log, not into the message: the message
names the cause in the user's language (``Phrases``). Runs off the GUI thread (``ops.run_op``).
"""

from __future__ import annotations

import errno
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop_app.core.errors import SmileDeskError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.ui.printing import cups

NO_PRINTER = QT_TRANSLATE_NOOP(
    "Printing", "No printer is set up on this computer. Add the printer in the system's printer settings "
                "(Windows: Settings → Bluetooth & devices → Printers & scanners), then print again — or save the "
                "paper as a PDF. Nothing was recorded as printed.")
GONE = QT_TRANSLATE_NOOP(
    "Printing", "The printer “{printer}” is not set up on this computer any more. Choose another printer, or add "
                "it again in the system's printer settings. Nothing was recorded as printed.")
OFFLINE = QT_TRANSLATE_NOOP(
    "Printing", "The printer “{printer}” is offline or paused ({reasons}). Check that it is switched on, connected "
                "and has paper, resume it in the system's printer settings, then print again. Nothing was "
                "recorded as printed.")
NOT_ACCEPTING = QT_TRANSLATE_NOOP(
    "Printing", "The printer “{printer}” is not accepting print jobs now. Let it accept jobs again in the system's "
                "printer settings, or choose another printer. Nothing was recorded as printed.")
REFUSED = QT_TRANSLATE_NOOP(
    "Printing", "The printer “{printer}” refused the job. Check the printer and print again, or choose another "
                "printer. Nothing was recorded as printed.")
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "Printing", "Could not write {path} ({reason}). Choose another folder, or check that the disk is not full.")
UNREADABLE = QT_TRANSLATE_NOOP(
    "Printing", "The paper could not be read back for printing. Make it again and print again.")

# printer-state-reasons (RFC 8011 keywords, without their -report/-warning/-error suffix) → what the message
# says; the first match of a keyword's start wins
STATE_REASONS = {
    "offline": QT_TRANSLATE_NOOP("Printing", "it does not answer"),
    "shutdown": QT_TRANSLATE_NOOP("Printing", "it is switched off"),
    "paused": QT_TRANSLATE_NOOP("Printing", "paused"),
    "media-empty": QT_TRANSLATE_NOOP("Printing", "out of paper"),
    "media-needed": QT_TRANSLATE_NOOP("Printing", "out of paper"),
    "media-jam": QT_TRANSLATE_NOOP("Printing", "paper jam"),
    "toner-empty": QT_TRANSLATE_NOOP("Printing", "out of toner or ink"),
    "marker-supply-empty": QT_TRANSLATE_NOOP("Printing", "out of toner or ink"),
    "door-open": QT_TRANSLATE_NOOP("Printing", "a door or cover is open"),
    "cover-open": QT_TRANSLATE_NOOP("Printing", "a door or cover is open"),
    "interlock-open": QT_TRANSLATE_NOOP("Printing", "a door or cover is open"),
}
STOPPED = QT_TRANSLATE_NOOP("Printing", "stopped")
PRINTER_ERROR = QT_TRANSLATE_NOOP("Printing", "it reports an error")
# OS errors writing a file → what the message says
OS_REASONS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("Printing", "the disk is full"),
    errno.EACCES: QT_TRANSLATE_NOOP("Printing", "no permission to write there"),
    errno.EPERM: QT_TRANSLATE_NOOP("Printing", "no permission to write there"),
    errno.EROFS: QT_TRANSLATE_NOOP("Printing", "no permission to write there"),
    errno.ENOENT: QT_TRANSLATE_NOOP("Printing", "the folder does not exist"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Printing", "a folder has that name"),
}
OS_OTHER = QT_TRANSLATE_NOOP("Printing", "the system did not allow it")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Printing", ", ")

log = logging.getLogger(__name__)


class Phrases(tuple):
    """Translatable phrases (QT_TRANSLATE_NOOP sources, context "Printing") put into a message: English in
    ``str()`` (logs, ``english()``), translated when the message is shown."""

    def __str__(self) -> str:
        return ", ".join(self)

    def translated(self) -> str:
        return translate("Printing", LIST_SEPARATOR).join(translate("Printing", p) for p in self)


def state_reasons(queue: cups.Queue) -> Phrases:
    """What a stopped or offline queue's printer-state-reasons say, as phrases (at least one)."""
    found: list[str] = []
    for reason in queue.reasons.split(","):
        for key, phrase in STATE_REASONS.items():
            if reason.strip().startswith(key) and phrase not in found:
                found.append(phrase)
                break
    return Phrases(found or [STOPPED if queue.stopped else PRINTER_ERROR])


def os_reason(exc: OSError) -> Phrases:
    return Phrases([OS_REASONS.get(exc.errno or 0, OS_OTHER)])


RASTER_MAX_DPI = 600


class PrintFailed(SmileDeskError):
    """The paper did not reach a printer; the message says why and what to do. Nothing was recorded.
    ``detail``: what the print system or the OS said in its own (often English) words — logged, not shown."""

    context = "Printing"

    def __init__(self, message: str, *, detail: str = "", **params: object) -> None:
        super().__init__(message, **params)
        self.detail = detail
        if detail:
            log.warning("%s — %s", self.english(), detail)

    def text(self) -> str:
        return translate(self.context, self.message, **{k: v.translated() if isinstance(v, Phrases) else v
                                                        for k, v in self.params.items()})


@dataclass(frozen=True)
class PrintSettings:
    """What the print dialog chose, as plain values (built on the GUI thread, used by the worker)."""

    printer: str
    title: str = ""
    copies: int = 1
    collate: bool = True
    first_page: int = 0  # 1-based; 0 = from the first page
    last_page: int = 0  # 0 = to the last page
    paper: str = ""  # QPageSize key ("A4", "A5"); "" = the paper's own size
    duplex: str = "none"  # "none", "long" (book-like) or "short" (flip up)
    grayscale: bool = False
    actual_size: bool = False  # labels, cards, covers, certificates: 100 %, never shrunk
    output_file: str = ""  # Qt's "print to file"

    def page_range(self, pages: int) -> tuple[int, int]:
        """(first, last), 1-based and inside the document."""
        first = min(max(1, self.first_page or 1), max(pages, 1))
        last = min(pages, self.last_page or pages)
        return first, max(first, last)


@dataclass(frozen=True)
class PrintResult:
    printer: str
    job: str  # the print system's job id where it gives one ("PDF-12"); "" otherwise
    copies: int
    pages: int  # pages of the document sent (per copy)
    route: str  # "cups", "qt" or "file"


_DUPLEX = {QPrinter.DuplexMode.DuplexLongSide: "long", QPrinter.DuplexMode.DuplexShortSide: "short"}


def settings_from(printer: QPrinter, *, title: str, actual_size: bool) -> PrintSettings:
    """The dialog's choices on ``printer`` (GUI thread)."""
    duplex = _DUPLEX.get(printer.duplex(), "none")
    if printer.duplex() == QPrinter.DuplexMode.DuplexAuto:
        landscape = printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
        duplex = "short" if landscape else "long"
    ranged = printer.printRange() == QPrinter.PrintRange.PageRange
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())
    return PrintSettings(
        printer=printer.printerName(), title=title, copies=max(1, printer.copyCount()), collate=printer.collateCopies(),
        first_page=printer.fromPage() if ranged else 0, last_page=printer.toPage() if ranged else 0,
        paper=printer.pageLayout().pageSize().key(), duplex=duplex,
        grayscale=printer.colorMode() == QPrinter.ColorMode.GrayScale, actual_size=actual_size,
        output_file=printer.outputFileName() if to_file else "")


def printer_names() -> list[str]:
    """The printers of this computer, as the print dialog lists them."""
    cups.follow_server()
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    return QPrinterInfo.defaultPrinterName()


def page_size_of(key: str) -> QPageSize | None:
    """A QPageSize from a stored key ("A4"), or None for an unknown key."""
    for pid in QPageSize.PageSizeId:
        if pid != QPageSize.PageSizeId.Custom and QPageSize.key(pid) == key:
            return QPageSize(pid)
    return None


def cups_options(job: PrintSettings, pages: int) -> dict[str, str]:
    """The IPP job options of the dialog's choices."""
    first, last = job.page_range(pages)
    opts = {"copies": str(job.copies), "collate": "true" if job.collate else "false"}
    if (first, last) != (1, pages):
        opts["page-ranges"] = f"{first}-{last}"
    if job.paper:
        opts["media"] = job.paper
    opts["sides"] = {"long": "two-sided-long-edge", "short": "two-sided-short-edge"}.get(job.duplex, "one-sided")
    if job.grayscale:
        opts["print-color-mode"] = "monochrome"
    if job.actual_size:
        opts["print-scaling"] = "none"
    return opts


def _cups_queue(name: str) -> cups.Queue | None:
    return cups.queue(name) if cups.available() else None


def send(data: bytes, job: PrintSettings, *, pages: int = 0, progress: Progress = NO_PROGRESS) -> PrintResult:
    """Print the PDF ``data`` as ``job`` says (off the GUI thread). Returns once the print system accepted
    the job; PrintFailed (translated, says what to do) otherwise; Cancelled if cancelled first."""
    from desktop_app.ui.printing import raster

    cups.follow_server()
    pages = pages or raster.page_count(data)
    first, last = job.page_range(pages)
    progress(0, last - first + 1, job.title)
    if job.output_file:
        if (first, last) == (1, pages) and job.copies == 1:
            try:
                Path(job.output_file).write_bytes(data)
            except OSError as exc:
                raise PrintFailed(NOT_WRITTEN, path=job.output_file, reason=os_reason(exc), detail=str(exc)) from exc
            return PrintResult(job.output_file, "", 1, pages, "file")
        raster.draw(data, job, progress)
        return PrintResult(job.output_file, "", job.copies, last - first + 1, "file")
    if not job.printer:
        raise PrintFailed(NO_PRINTER)
    queue = _cups_queue(job.printer)
    if queue is not None:
        return _send_to_cups(data, job, queue, pages, last - first + 1)
    info = QPrinterInfo.printerInfo(job.printer)
    if info.isNull():
        raise PrintFailed(GONE if printer_names() else NO_PRINTER, printer=job.printer)
    if info.state() == QPrinter.PrinterState.Error:
        raise PrintFailed(OFFLINE, printer=job.printer, reasons=Phrases([PRINTER_ERROR]))
    raster.draw(data, job, progress)
    return PrintResult(job.printer, "", job.copies, last - first + 1, "qt")


def _send_to_cups(data: bytes, job: PrintSettings, queue: cups.Queue, pages: int, sent: int) -> PrintResult:
    if not queue.accepting:
        raise PrintFailed(NOT_ACCEPTING, printer=job.printer)
    if queue.offline:
        raise PrintFailed(OFFLINE, printer=job.printer, reasons=state_reasons(queue),
                          detail=f"printer-state-reasons={queue.reasons} printer-state-message={queue.message!r}")
    fd, path = tempfile.mkstemp(prefix="smiledesk-print-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        options = cups_options(job, pages)
        if job.grayscale and (gray := cups.gray_color_model(job.printer)):
            options["ColorModel"] = gray  # a PPD queue whose black-and-white choice CUPS does not map itself
        job_id = cups.submit(job.printer, path, job.title, options)
    except cups.CupsRefused as exc:
        raise PrintFailed(REFUSED, printer=job.printer, detail=str(exc)) from exc
    finally:
        Path(path).unlink(missing_ok=True)
    return PrintResult(job.printer, f"{job.printer}-{job_id}", job.copies, sent, "cups")
