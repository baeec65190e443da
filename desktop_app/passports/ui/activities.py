"""The activities tab (活动): the station's activities, a new one, ending one; sign-up and attendance by day."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.passports import activities
from desktop_app.passports.permissions import MANAGE_ACTIVITIES
from desktop_app.passports.ui.common import ACTIVITY_KIND_LABELS, make_table, tr_p
from desktop_app.passports.ui.dialogs import ActivityDialog
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui import ops
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.messages import show_info
from desktop_app.ui.widgets import fit_columns, open_single, pydate, qdate


class ActivitiesTab(QWidget):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.model = ListTableModel([
            Column(self.tr("Activity"), lambda a: a.name),
            Column(self.tr("Category"), lambda a: a.category),
            Column(self.tr("Repeats"), lambda a: tr_p(ACTIVITY_KIND_LABELS.get(a.kind, a.kind))),
            Column(self.tr("From"), lambda a: a.start_date.isoformat(), export=lambda a: a.start_date),
            Column(self.tr("To"), lambda a: a.end_date.isoformat() if a.end_date else "", export=lambda a: a.end_date),
            Column(self.tr("Stamps"), lambda a: a.stamps),
            Column(self.tr("Limit per person"), lambda a: a.max_visits or ""),
            Column(self.tr("Places"), lambda a: a.capacity or ""),
            Column(self.tr("Organiser"), lambda a: a.organiser),
        ])
        self.table = make_table(self.model, "activityTable")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_attendance())
        self.new_button = QPushButton(self.tr("New activity…"), self)
        self.new_button.clicked.connect(self.new_activity)
        self.end_button = QPushButton(self.tr("End activity"), self)
        self.end_button.clicked.connect(self.end_activity)
        can = self.ctx.can(MANAGE_ACTIVITIES)
        self.new_button.setEnabled(can)
        self.end_button.setEnabled(can)

        self.day = QDateEdit(qdate(page.today()), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.show_attendance())
        self.picker = ResidentPicker(self.ctx, self)
        self.signup_button = QPushButton(self.tr("Sign up"), self)
        self.signup_button.clicked.connect(self.sign_up)
        self.attendance_model = ListTableModel([
            Column(self.tr("Resident"), lambda r: r.name),
            Column(self.tr("Signed up"), lambda r: self.tr("yes") if r.signed_up else ""),
            Column(self.tr("Attended"), lambda r: self.tr("yes") if r.attended else ""),
        ])
        self.attendance = make_table(self.attendance_model, "attendanceTable")

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        box = QGroupBox(self.tr("Sign-up and attendance"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Day"), self.day)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.signup_button)
        form.addRow(self.tr("Resident"), row)
        form.addRow(self.attendance)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 2)
        lay.addWidget(box, 1)
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: activities.list_activities(s, actor=actor), self._show, latest="list")

    def _show(self, rows: list) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        fit_columns(self.table)
        if selected is not None:
            for i, a in enumerate(rows):
                if a.id == selected.id:
                    self.table.selectRow(i)
        self.show_attendance()

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() else None

    def new_activity(self) -> None:
        def make() -> ActivityDialog:
            dialog = ActivityDialog(self.ctx, self, self.page.today())
            dialog.saved.connect(lambda _a: self.page.changed())
            return dialog

        open_single(self, "new", make).open()

    def end_activity(self) -> None:
        a = self.selected()
        if a is None:
            return
        actor, activity_id, version = self.ctx.actor, a.id, a.version

        def failed(exc: BaseException) -> None:  # StaleEdit and the rest: say why, show what is there now
            ops.report_error(self, exc)
            self.refresh()

        ops.write(self, self.ctx.engine,
                  lambda s: activities.set_activity_active(s, actor=actor, activity_id=activity_id, active=False,
                                                           expected_version=version),
                  on_done=lambda _a: self.page.changed(), on_error=failed)

    def show_attendance(self) -> None:
        a = self.selected()
        if a is None:
            self.attendance_model.set_rows([])
            return
        actor, activity_id, day = self.ctx.actor, a.id, pydate(self.day.date())
        ops.query(self, self.ctx.engine, lambda s: activities.attendance(s, actor=actor, activity_id=activity_id, on_date=day),
                  self._show_attendance, latest="attendance")

    def _show_attendance(self, rows: list) -> None:
        self.attendance_model.set_rows(rows)
        fit_columns(self.attendance)

    def sign_up(self) -> None:
        a = self.selected()
        row = self.picker.current
        if a is None or row is None:
            show_info(self, self.tr("Choose an activity and a resident first."))
            return
        actor, activity_id, resident_id, day = self.ctx.actor, a.id, row.id, pydate(self.day.date())

        def signed(_row) -> None:
            self.picker.clear()
            self.show_attendance()

        ops.write(self, self.ctx.engine,
                  lambda s: activities.sign_up(s, actor=actor, activity_id=activity_id, resident_id=resident_id, on_date=day),
                  on_done=signed)
