"""Printing (ui.printing.backend), each against a floor measured in the same run:

* ``print_cups``: a day's route sheets (1,800 stops, ~80 A4 pages) sent to a CUPS queue until the job is
  accepted, against CUPS' own client (``lp``) sending the same file to the same queue. A private CUPS server
  (tests/cups_server.py) with the Generic PDF printer; skipped where CUPS is not installed.
* ``print_raster_page``: one page through Qt's print engine (the Windows route: rendered by QtPdf at 600 dpi
  in bands, composited on white, drawn on the QPrinter; here Qt's PDF engine stands in for the printer),
  against the page rendered at 600 dpi in one piece and drawn onto the same engine in one piece (the way the
  certificates were printed before: ~140 MB of image at once).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from io import BytesIO
from pathlib import Path

from bench.common import BenchContext, Result, median, timeit

DAY = date(2026, 3, 2)


def _route_sheets(stops: int) -> bytes:
    from desktop_app.meals import pdf
    from desktop_app.meals.deliveries import Route
    from desktop_app.meals.orders import OrderRow

    def row(i: int) -> OrderRow:
        return OrderRow(i, i, i, f"王秀英{i % 97}", "139****0001", f"幸福小区 {i % 30 + 1}栋 {i % 6 + 1}单元 {i % 18 + 1}01室",
                        f"幸福小区{i // 90}", str(i % 30 + 1), "1", "101", "delivery", "ordered", "", None,
                        ("low_salt",) if i % 3 == 0 else (), "不吃香菜" if i % 7 == 0 else "", "耳背，请用力敲门" if i % 11 == 0 else "",
                        None, 1200, "lunch", DAY)

    rows = [row(i) for i in range(stops)]
    routes = [Route(f"幸福小区{k}", "lunch", DAY, "赵志强", "13905510004", rows[k * 90:(k + 1) * 90])
              for k in range((stops + 89) // 90)]
    return pdf.route_sheets(routes, BytesIO(), station="逍遥津社区党群服务中心").getvalue()


def bench_cups(ctx: BenchContext) -> list[Result]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from cups_server import CupsServer, missing

    if missing():
        print(f"print_cups skipped: {missing()}")
        return []
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.printing import backend

    QApplication.instance() or QApplication([])
    data = _route_sheets(600 if ctx.quick else 1800)
    path = ctx.workdir / "routes.pdf"
    path.write_bytes(data)
    server = CupsServer().start()
    old = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = server.socket
    try:
        from desktop_app.ui.printing import raster

        pages = raster.page_count(data)
        job = backend.PrintSettings(printer=server.queue, title="送餐单")
        ours = timeit(lambda: backend.send(data, job, pages=pages), repeat=5)
        floor = timeit(lambda: subprocess.run(["lp", "-d", server.queue, "-t", "送餐单", str(path)], check=True,
                                              capture_output=True, env={**os.environ}), repeat=5)
    finally:
        server.stop()
        if old is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = old
    return [Result("print_cups", median(ours), median(floor), "s", "job accepted within 1 s",
                   extra={"pages": pages, "pdf_bytes": len(data)})]


def bench_raster(ctx: BenchContext) -> list[Result]:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.printing import backend

    QApplication.instance() or QApplication([])
    data = _route_sheets(90)  # two pages
    target = ctx.workdir / "raster.pdf"
    job = backend.PrintSettings(printer="", title="送餐单", output_file=str(target), first_page=1, last_page=1)
    ours = timeit(lambda: backend.send(data, job), repeat=3)
    path = ctx.workdir / "page.pdf"
    path.write_bytes(data)
    doc = QPdfDocument()
    doc.load(str(path))

    def whole_page() -> None:
        """The page rendered at 600 dpi in one piece and drawn onto the same engine in one piece."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(ctx.workdir / "floor.pdf"))
        printer.setFullPage(True)
        points = doc.pagePointSize(0)
        dpi = backend.RASTER_MAX_DPI
        image = doc.render(0, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
        painter = QPainter(printer)
        painter.drawImage(printer.paperRect(QPrinter.Unit.DevicePixel), image)
        painter.end()

    floor = timeit(whole_page, repeat=3)
    doc.close()
    return [Result("print_raster_page", median(ours), median(floor), "s", "about the floor: bands cost nothing extra",
                   extra={"dpi": backend.RASTER_MAX_DPI, "printed_file_bytes": target.stat().st_size})]


BENCHMARKS = {"print_cups": bench_cups, "print_raster_page": bench_raster}
