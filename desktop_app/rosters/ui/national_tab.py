"""The national system tab: every volunteer's hours entry not yet recorded in the national volunteer service
information system, the earliest deadline first (10 working days; past ones marked), exported in the national
system's columns, and marked recorded once entered there.

A big station has thousands of entries waiting: they are shown through a model (``ui.widgets.RowTable``:
only the rows on screen become text), and read only while the tab is the one shown (issue 21: a cell
item per entry stalled the GUI thread 250–320 ms, and the rosters page read them on every visit)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock, workdays
from desktop_app.core.memo import FigureMemo
from desktop_app.rosters.labels import period_label
from desktop_app.rosters.national import export_unrecorded, mark_recorded, unrecorded
from desktop_app.rosters.permissions import CERTIFY_HOURS
from desktop_app.ui import ops
from desktop_app.ui.calendar_note import CalendarNote
from desktop_app.ui.day_watch import follow_today
from desktop_app.ui.export_action import add_export_action
from desktop_app.ui.lazy_model import Column
from desktop_app.ui.messages import show_info
from desktop_app.ui.tones import tone
from desktop_app.ui.widgets import RowTable, fit_columns, pydate


class NationalTab(QWidget):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page, self.ctx = page, page.ctx
        self.rows: list = []
        # The entries as last read, kept until an entry or a record is added (another PC's too), a write of
        # this app (a calendar edited), another day or ten minutes (issue 21: 200 ms a visit on a big station).
        self.memo = FigureMemo(strict=True, generation=ops.write_generation)
        self.stale = True  # asked to read while not shown: reads when it is shown next
        self.summary = QLabel(self)
        self.summary.setObjectName("nationalSummary")
        self.summary.setWordWrap(True)
        self.calendar_note = CalendarNote(self, "nationalCalendarNote")  # deadlines in a year not entered
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.table = RowTable([
            Column(self.tr("Deadline"), lambda r: r.deadline.isoformat(), foreground=self._deadline_colour,
                   export=lambda r: r.deadline),
            Column(self.tr("Served on"), lambda r: r.served_on.isoformat(), export=lambda r: r.served_on),
            Column(self.tr("Volunteer"), lambda r: r.name),
            Column(self.tr("ID number"), lambda r: r.id_masked),
            Column(self.tr("Team and shift"), self._shift_text),
            Column(self.tr("Hours"), lambda r: f"{r.minutes / 60:.2f}", right, export=lambda r: round(r.minutes / 60, 2)),
            Column(self.tr("Note"), lambda r: self.tr("correction") if r.is_correction else ""),
        ], self)
        self.table.setObjectName("unrecordedHours")
        self.table.setAccessibleName(self.tr("Hours not yet recorded in the national volunteer system"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.export_button = QPushButton(self.tr("Export for the national system…"), self)
        self.export_button.setObjectName("exportNational")
        self.recorded_on = follow_today(QDateEdit(QDate.currentDate(), self))  # the day hours go into the system
        self.recorded_on.setObjectName("recordedOn")
        self.recorded_on.setCalendarPopup(True)
        self.recorded_on.setDisplayFormat("yyyy-MM-dd")
        self.recorded_on.setAccessibleName(self.tr("Recorded on"))
        self.mark_button = QPushButton(self.tr("Mark selected as recorded"), self)
        self.mark_button.setObjectName("markRecorded")
        can = self.ctx.can(CERTIFY_HOURS)
        for w in (self.export_button, self.recorded_on, self.mark_button):
            w.setEnabled(can)
        bar = QHBoxLayout()
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Recorded on"), self))
        bar.addWidget(self.recorded_on)
        bar.addWidget(self.mark_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.calendar_note)
        lay.addWidget(self.table, 1)
        lay.addLayout(bar)
        self.export_button.clicked.connect(self.export)
        self.mark_button.clicked.connect(self.mark)
        # Ctrl+E: the list as shown (the tab is built after the main window gave the page's lists theirs)
        add_export_action(self.table, self.ctx, self.tr("Hours not yet recorded in the national volunteer system"))

    @staticmethod
    def _shift_text(r) -> str:
        return f"{r.team} {period_label(r.period)}".strip() if r.period else r.team

    @staticmethod
    def _deadline_colour(r):
        return tone("error") if r.overdue else tone("warning") if r.due_soon else None

    def is_shown(self) -> bool:
        """The tab is the rosters page's current one (the page itself is refreshed when it is shown)."""
        holder = self.parentWidget()
        return holder is not None and self.page.tabs.currentWidget() is holder

    def refresh(self) -> None:
        """Read the entries again, if the tab is shown; otherwise when it is shown next (RostersPage._tab_shown)."""
        if not self.is_shown():
            self.stale = True
            return
        self.stale = False
        actor = self.ctx.actor

        memo = self.memo

        def read(s) -> tuple[list, list[int]]:
            rows = unrecorded(s, actor=actor, memo=memo)
            return rows, workdays.years_missing(s, *{r.deadline for r in rows})

        ops.query(self, self.ctx.engine, read, lambda r: self._show(*r), latest="national")

    def _show(self, rows: list, missing_years: list[int]) -> None:
        same = rows == self.rows and self.table.model().rowCount() == len(rows)
        self.rows = rows
        self.calendar_note.show_years(missing_years)
        late = sum(1 for r in rows if r.overdue)
        soon = sum(1 for r in rows if r.due_soon)
        self.summary.setText(self.tr(
            "{n} hours entries are not yet recorded in the national volunteer system (10 working days are allowed): "
            "{late} past the deadline, {soon} due within 3 working days. Enter them there, then mark them here.").format(
            n=len(rows), late=late, soon=soon) if rows else self.tr("Every volunteer's hours are recorded in the national volunteer system."))
        self.summary.setProperty("tone", "warning" if late or soon else "")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        if not same:  # as shown: the selection and the scroll position stay (5,000 rows and their widths)
            self.table.set_rows(rows)
            fit_columns(self.table)

    def selected_ids(self) -> list[int]:
        model = self.table.model()
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r.entry_id for r in (model.row(i) for i in rows) if r is not None]

    def mark(self) -> None:
        ids, actor, on = self.selected_ids(), self.ctx.actor, pydate(self.recorded_on.date())
        self.page.write(lambda s: mark_recorded(s, actor=actor, entry_ids=ids, on=on))

    def export(self) -> None:
        suggested = self.tr("hours for the national system-{day}.xlsx").format(day=f"{clock.today():%Y%m%d}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), suggested, self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        actor = self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: export_unrecorded(s, actor=actor, target=path),
                  on_done=lambda n: setattr(self.page, "last_box", show_info(
                      self.page, self.tr("{n} entries saved to {path}").format(n=n, path=path))),
                  on_error=self.page.failed)
