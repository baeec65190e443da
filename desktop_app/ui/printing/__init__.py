"""Printing every paper the app makes: preview (QtPdf) → the platform print dialog → the printer, and the
day's papers in one action. docs/printing.md explains the routes (CUPS queue, Qt's print engine) and why.

    open_preview(owner, ctx, kind, make, …)   the preview of one paper (``make(progress, skip)`` → Paper)
    print_paper(parent, ctx, paper, …)        the print dialog and the job, without the preview
    TodaysPapers(ctx, parent)                 kitchen sheet, route sheets, labels, sign-in sheets in order
"""

from desktop_app.ui.printing.backend import PrintFailed, PrintResult, PrintSettings, printer_names, send
from desktop_app.ui.printing.preview import (
    AskPrinter,
    AskSavePath,
    PrintPreview,
    document_info,
    open_preview,
    print_paper,
    show_print_error,
)
from desktop_app.ui.printing.today import TodaysPapers, open_todays_papers

__all__ = ["AskPrinter", "AskSavePath", "PrintFailed", "PrintPreview", "PrintResult", "PrintSettings", "TodaysPapers",
           "document_info", "open_preview", "open_todays_papers", "print_paper", "printer_names", "send", "show_print_error"]
