"""Today's papers: everything the morning needs, printed in one action and in order — the kitchen sheet,
the route sheets, the meal labels, the patrol sign-in sheets — each kind on the printer this PC uses for it
(the label printer for labels), off the GUI thread with progress and Cancel (``ops.run_op``).

The papers come from the features that make them (``ctx.services.morning_papers``: meals, then rosters).
Each paper is its own print job; the audit log records it as printed when its job was accepted. A paper
that fails (printer offline, job refused) says why on its line, and the papers on the other printers still
print; Cancel stops before the next paper (or page, through Qt's engine).
"""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings as opts
from desktop_app.core import clock
from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.papers import Paper, PaperKind, kind_title, record_print
from desktop_app.core.progress import Progress
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import error_text
from desktop_app.ui.printing import backend
from desktop_app.ui.printing.preview import remember, remembered_printer, set_tone, show_print_error
from desktop_app.ui.widgets import open_single, pydate, qdate

ORDER = (PaperKind.KITCHEN, PaperKind.ROUTES, PaperKind.LABELS, PaperKind.SIGN_IN)


class _Outcome:
    """What happened to each kind of paper in a run (filled by the worker, read after it ended)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.printed: dict[str, list[backend.PrintResult]] = {k: [] for k in ORDER}
        self.failed: dict[str, str] = {}
        self.made: dict[str, int] = {k: 0 for k in ORDER}

    def add(self, kind: str, result: backend.PrintResult) -> None:
        with self.lock:
            self.printed[kind].append(result)

    def fail(self, kind: str, text: str) -> None:
        with self.lock:
            self.failed.setdefault(kind, text)


def print_morning(engine, *, actor, providers, day: date, printers: dict[str, str], papers_sizes: dict[str, str],
                  label_skip: int, outcome: _Outcome, progress: Progress) -> int:
    """The worker: make the chosen kinds of paper, then print them in order. Returns papers printed."""
    def step(done: int = 0, total: int = 0, label: str = "") -> None:
        progress.check()  # sub-steps only honour Cancel; the dialog shows papers, not pages

    progress(0, 0, QCoreApplication.translate("Printing", "Preparing the papers"))
    papers: list[Paper] = []
    refused: list[str] = []
    for provider in providers:
        try:
            made = provider.morning_papers(engine, actor=actor, day=day, label_skip=label_skip, progress=step)
        except SmileDeskError as exc:  # e.g. a role that may not see meals: the other papers still print
            refused.append(exc.text())
            continue
        papers += [p for p in made if p.kind in printers]
    for p in papers:
        outcome.made[p.kind] += 1
    for kind in printers:
        if refused and not outcome.made[kind]:
            outcome.fail(kind, refused[0])
    printed = 0
    for i, paper in enumerate(papers):
        printer = printers[paper.kind]
        progress(i, len(papers), QCoreApplication.translate("Printing", "Printing {title} on {printer}").format(
            title=paper.title, printer=printer))
        if paper.kind in outcome.failed:
            continue  # its printer failed already: the same message stands
        job = backend.PrintSettings(printer=printer, title=paper.title, paper=papers_sizes.get(paper.kind, ""),
                                    actual_size=paper.actual_size)
        try:
            result = backend.send(paper.data, job, progress=step)
        except backend.PrintFailed as exc:
            outcome.fail(paper.kind, exc.text())
            continue
        with session_scope(engine) as s:
            record_print(s, actor=actor, paper=paper, printer=result.printer, copies=result.copies,
                         pages=result.pages, job=result.job)
        outcome.add(paper.kind, result)
        printed += 1
    progress(len(papers), len(papers), "")
    return printed


class TodaysPapers(QDialog):
    """Choose the day, which papers and the printer of each kind; Print prints them all in order."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, day: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("todaysPapers")
        self.setWindowTitle(self.tr("Today's papers"))
        self.last_op: ops.OpHandle | None = None
        self.last_box: QMessageBox | None = None
        self.outcome: _Outcome | None = None
        names = backend.printer_names()
        self.day = QDateEdit(qdate(day or clock.today()), self)
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setAccessibleName(self.tr("Day"))
        grid = QGridLayout()
        self.checks: dict[str, QCheckBox] = {}
        self.printers: dict[str, QComboBox] = {}
        self.states: dict[str, QLabel] = {}
        for row, kind in enumerate(ORDER):
            check = QCheckBox(f"{row + 1}. {kind_title(kind)}", self)
            check.setObjectName(f"paper_{kind}")
            check.setChecked(True)
            combo = QComboBox(self)
            combo.setObjectName(f"printer_{kind}")
            combo.setAccessibleName(self.tr("Printer for {kind}").format(kind=kind_title(kind)))
            combo.addItems(names)
            chosen = remembered_printer(ctx, kind, names)
            if chosen:
                combo.setCurrentText(chosen)
            state = QLabel(self)
            state.setObjectName(f"state_{kind}")
            state.setWordWrap(True)
            self.checks[kind], self.printers[kind], self.states[kind] = check, combo, state
            grid.addWidget(check, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(state, row, 2)
        grid.setColumnStretch(2, 1)
        self.skip = QSpinBox(self)
        self.skip.setObjectName("skipLabels")
        self.skip.setRange(0, 23)
        self.skip.setAccessibleName(self.tr("Label places already used on the first sheet"))
        skip_row = QHBoxLayout()
        skip_row.addWidget(QLabel(self.tr("Label places already used on the first sheet:"), self))
        skip_row.addWidget(self.skip)
        skip_row.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print"), self)
        self.print_button.setObjectName("printAll")
        self.print_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")
        self.print_button.clicked.connect(self.print_all)
        self.close_button.clicked.connect(self.reject)
        day_row = QHBoxLayout()
        day_row.addWidget(QLabel(self.tr("Day"), self))
        day_row.addWidget(self.day)
        day_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Printed in this order, each kind on its printer:"), self))
        lay.addLayout(day_row)
        lay.addLayout(grid)
        lay.addLayout(skip_row)
        lay.addWidget(self.summary)
        lay.addLayout(buttons)
        if not names:
            set_tone(self.summary, "error", backend.PrintFailed(backend.NO_PRINTER).text())

    def chosen(self) -> dict[str, str]:
        return {k: self.printers[k].currentText() for k in ORDER if self.checks[k].isChecked()}

    def print_all(self) -> None:
        printers = self.chosen()
        if not printers:
            return
        if not backend.printer_names() or not all(printers.values()):
            self.last_box = show_print_error(self, backend.PrintFailed(backend.NO_PRINTER))
            return
        for kind, name in printers.items():
            remember(self.ctx, kind, name, opts.get(self.ctx.settings, opts.PAPER_SIZES[kind]))
        sizes = {k: opts.get(self.ctx.settings, opts.PAPER_SIZES[k]) for k in printers}
        engine, actor, day, skip = self.ctx.engine, self.ctx.actor, pydate(self.day.date()), self.skip.value()
        providers = self.ctx.services.morning_papers
        self.outcome = outcome = _Outcome()
        for kind in ORDER:
            set_tone(self.states[kind], "note", "")
        set_tone(self.summary, "note", "")
        self.print_button.setEnabled(False)
        self.last_op = ops.run_op(
            self, lambda progress: print_morning(engine, actor=actor, providers=providers, day=day, printers=printers,
                                                 papers_sizes=sizes, label_skip=skip, outcome=outcome,
                                                 progress=progress),
            None, self._failed, title=self.tr("Printing today's papers"))
        self.last_op.done.connect(lambda: self._finished(outcome, printers))

    def _failed(self, exc: BaseException) -> None:
        set_tone(self.summary, "error", error_text(exc))
        self.last_box = show_print_error(self, exc)

    def _finished(self, outcome: _Outcome, printers: dict[str, str]) -> None:
        self.print_button.setEnabled(True)
        printed = 0
        for kind in printers:
            done = outcome.printed[kind]
            printed += len(done)
            if kind in outcome.failed:
                text = self.tr("Not printed: {reason}").format(reason=outcome.failed[kind])
                if done:
                    text = self.tr("{n} printed, then: {reason}").format(n=len(done), reason=outcome.failed[kind])
                set_tone(self.states[kind], "error", text)
            elif done:
                jobs = ", ".join(r.job for r in done if r.job)
                text = self.tr("{n} printed on {printer}").format(n=len(done), printer=printers[kind])
                set_tone(self.states[kind], "note", text + (f" ({jobs})" if jobs else ""))
                self.checks[kind].setChecked(False)  # printed: the next Print does the rest only
            elif not outcome.made[kind]:
                set_tone(self.states[kind], "note", self.tr("nothing to print for this day"))
        cancelled = self.last_op is not None and self.last_op.cancelled
        text = self.tr("{n} paper(s) sent to the printers.").format(n=printed)
        if cancelled:
            text += " " + self.tr("Cancelled: the papers not yet sent were not printed.")
        if outcome.failed:
            text += " " + self.tr("Fix what the lines above say, then print again: only the papers still ticked are "
                                  "printed.")
        set_tone(self.summary, "error" if outcome.failed or cancelled else "note", text)


def open_todays_papers(owner: QWidget, ctx: AppContext, *, day: date | None = None) -> TodaysPapers:
    dialog = open_single(owner, "todays-papers", lambda: TodaysPapers(ctx, owner, day=day))
    dialog.show()
    return dialog
