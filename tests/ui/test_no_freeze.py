"""No page freezes the window (issue 21): every page and tab of the real main window, visited and visited
again on a database with every feature's demo data, runs no SQL on the GUI thread, a bounded number of
statements per visit, and never loads the PDF fonts on the GUI thread (ReportLab parsed 58 MB of TrueType
there for a glyph check).

The large-database benchmark (bench/gui.py, docs/benchmarks.md) measures the stalls; this test keeps what
made them from coming back: any query on the GUI thread is a freeze on a big database, and a statement
count that grows with the data (one query per row or per month) is one too.
"""

from __future__ import annotations

import threading
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QTabWidget
from sqlalchemy import event

from desktop_app import demo
from desktop_app.app import load_features
from desktop_app.core import pdf
from desktop_app.ui.main_window import MainWindow

# Statements a visit may take (a page's lists, figures and choices): demo data has a few hundred rows of
# each kind, so one statement per row or per month would show far above this.
MOST_PER_VISIT = 60


class Recorder:
    """Every statement the engine runs, with the page being visited and whether it ran on the GUI thread."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.visit = "start"
        self.on_gui: list[tuple[str, str]] = []
        self.counts: dict[str, int] = defaultdict(int)
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, *_args) -> None:
        self.counts[self.visit] += 1
        if threading.current_thread() is threading.main_thread():
            self.on_gui.append((self.visit, " ".join(statement.split())[:160]))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


def _tabs(page) -> list[QTabWidget]:
    return [t for t in page.findChildren(QTabWidget) if t.isVisible() and t.count() > 1]


@pytest.mark.slow
def test_no_page_queries_the_database_on_the_gui_thread(qtbot, ctx, wait_ops, monkeypatch):
    demo.load(ctx.engine, scale="small")
    fonts_on_gui: list[str] = []
    real_load = pdf._load

    def load(font) -> None:  # a PDF preview loads its font on the worker that draws it, never here
        if threading.current_thread() is threading.main_thread():
            fonts_on_gui.append(font.name)
        real_load(font)

    monkeypatch.setattr(pdf, "_load", load)
    recorder = Recorder(ctx.engine)
    try:
        recorder.visit = "first dashboard"
        window = MainWindow(ctx, load_features())
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.wait(300)  # the home page reads its figures after the window's first paint
        wait_ops(30000)
        for kind in ("first", "again"):
            for row, key in enumerate(window.page_keys()):
                recorder.visit = f"{kind} {key}"
                window.nav.setCurrentRow(row)
                wait_ops(30000)
                for tabs in _tabs(window.pages[key]):
                    for i in [*range(1, tabs.count()), 0]:
                        recorder.visit = f"{kind} {key}/{tabs.widget(i).objectName() or i}"
                        tabs.setCurrentIndex(i)
                        wait_ops(30000)
        recorder.visit = "end"
    finally:
        recorder.close()
    assert not recorder.on_gui, "SQL on the GUI thread (a freeze on a big database):\n" + "\n".join(
        f"  {visit}: {sql}" for visit, sql in recorder.on_gui)
    heavy = {visit: n for visit, n in recorder.counts.items() if n > MOST_PER_VISIT}
    assert not heavy, f"statements per visit above {MOST_PER_VISIT}: {heavy}"
    assert not fonts_on_gui, f"PDF fonts loaded on the GUI thread: {fonts_on_gui}"
    assert len([v for v in recorder.counts if v.startswith("again")]) >= len(window.page_keys())
