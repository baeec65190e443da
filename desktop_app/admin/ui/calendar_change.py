"""A change of the holiday calendar, shown before it is saved: the days (before → after) and, per feature,
what moves with them (open requests' deadlines, future patrols, meal days). Saving writes it all in one
transaction; a change made by someone else meanwhile is refused (the preview is read again).

Three ways in: a pasted State Council notice (the text box, then "Read"), a chinese-calendar release, or one
day set on the tab — the last two open with the preview read already."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
)

from desktop_app import admin
from desktop_app.core import workdays
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error
from desktop_app.ui.widgets import fit_columns, read_only_item


def weekday_text(day) -> str:
    """The day's weekday in the interface's language (not the PC's locale: an English Windows shows the
    Chinese interface too)."""
    return (
        QCoreApplication.translate("Weekdays", "Monday"), QCoreApplication.translate("Weekdays", "Tuesday"),
        QCoreApplication.translate("Weekdays", "Wednesday"), QCoreApplication.translate("Weekdays", "Thursday"),
        QCoreApplication.translate("Weekdays", "Friday"), QCoreApplication.translate("Weekdays", "Saturday"),
        QCoreApplication.translate("Weekdays", "Sunday"),
    )[day.weekday()]


class CalendarChangeDialog(QDialog):
    """``plan_of(session)`` gives the admin.CalendarPlan to preview (None: the notice box is shown and "Read"
    builds it from the pasted text)."""

    def __init__(self, ctx: AppContext, *, year: int, plan_of: Callable | None = None, title: str = "",
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: admin.CalendarPreview | None = None
        self.saved: admin.CalendarPreview | None = None
        self.setObjectName("calendarChangeDialog")
        self.setWindowTitle(title or self.tr("Enter the State Council's notice"))
        self.resize(920, 600)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("noticeText")
        self.text.setAccessibleName(self.tr("Notice text"))
        self.text.setPlaceholderText(self.tr(
            "Paste the notice here (国务院办公厅关于××××年部分节假日安排的通知), e.g.\n"
            "二、春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。"))
        self.year = QSpinBox(self)
        self.year.setObjectName("noticeYear")
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.read_button = QPushButton(self.tr("Read the notice"), self)
        self.read_button.setObjectName("readNotice")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.read_button)
        self.summary = QLabel(self)
        self.summary.setObjectName("changeSummary")
        self.summary.setWordWrap(True)
        self.days = QTableWidget(0, 4, self)
        self.days.setObjectName("changedDays")
        self.days.setAccessibleName(self.tr("Days that change"))
        self.days.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Weekday"), self.tr("Now"), self.tr("After saving")])
        self.moves = QTableWidget(0, 3, self)
        self.moves.setObjectName("calendarMoves")
        self.moves.setAccessibleName(self.tr("What moves with the change"))
        self.moves.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Date"), self.tr("What changes")])
        for table in (self.days, self.moves):
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.days)
        split.addWidget(self.moves)
        split.setSizes([400, 520])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveCalendarChange")
        self.save_button.setEnabled(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 3)
        lay.addWidget(self.buttons)
        self.read_button.clicked.connect(self.read)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(lambda: self.save_button.setEnabled(False))
        self._plan_of = plan_of
        if plan_of is not None:  # a chinese-calendar year or one day: nothing to paste
            self.text.hide()
            self.read_button.hide()
            self.year.setEnabled(False)
            self.load(plan_of)

    # --- preview -------------------------------------------------------------------------------
    def _followers(self):
        return self.ctx.services.calendar_followers

    def read(self) -> None:
        text, year = self.text.toPlainText(), self.year.value()
        actor = self.ctx.actor

        def plan_of(s):
            return admin.notice_plan(s, admin.read_notice(s, actor=actor, text=text, year=year))

        self._plan_of = plan_of
        self.load(plan_of)

    def load(self, plan_of: Callable) -> None:
        actor, followers = self.ctx.actor, self._followers()
        self.save_button.setEnabled(False)
        self.summary.setText(self.tr("Reading…"))
        ops.query(self, self.ctx.engine,
                  lambda s: admin.preview_calendar_change(s, actor=actor, plan=plan_of(s), followers=followers),
                  self._show, on_error=self._failed, latest="preview")

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText("")
        self.last_box = show_error(self, exc)

    def _show(self, preview: admin.CalendarPreview) -> None:
        self.preview = preview
        change = preview.change
        self.days.setRowCount(len(change.days))
        for i, d in enumerate(change.days):
            cells = [d.day.isoformat(), weekday_text(d.day),
                     self._kind(d.before), self._kind(d.after) + (f" {d.name}" if d.name else "")]
            for c, text in enumerate(cells):
                self.days.setItem(i, c, read_only_item(text))
        self.moves.setRowCount(len(preview.moves))
        for i, m in enumerate(preview.moves):
            for c, text in enumerate((m.area_text(), m.day.isoformat() if m.day else "", m.text())):
                self.moves.setItem(i, c, read_only_item(text, tooltip=text if c == 2 else ""))
        fit_columns(self.days)
        fit_columns(self.moves)
        if change.empty:
            self.summary.setText(self.tr("Nothing to change: the calendar already says this."))
        else:
            years = "、".join(str(y) for y in change.years)
            parts = [self.tr("{n} day(s) change; {m} thing(s) move with them (shown on the right).").format(
                n=len(change.days), m=len(preview.moves))]
            if years:
                parts.append(self.tr("After saving, {years} counts as entered in full.").format(years=years))
            parts.append(self.tr("Closed requests, patrols already worked and past days do not change."))
            self.summary.setText(" ".join(parts))
        self.save_button.setEnabled(not change.empty)

    def _kind(self, kind: str) -> str:
        return {workdays.HOLIDAY: self.tr("holiday (day off)"), workdays.WORKDAY: self.tr("adjusted workday"),
                workdays.ORDINARY: self.tr("ordinary day")}.get(kind, kind)

    # --- save ----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.preview is None or self._plan_of is None:
            return
        actor, followers, plan, expected = self.ctx.actor, self._followers(), self.preview.plan, self.preview.fingerprint
        self.save_button.setEnabled(False)

        def done(result) -> None:
            self.saved = result
            self.accept()

        def refused(exc: BaseException) -> None:
            self.last_box = show_error(self, exc)
            self.load(self._plan_of)  # what holds now, to confirm again

        ops.write(self, self.ctx.engine,
                  lambda s: admin.apply_calendar_change(s, actor=actor, plan=plan, followers=followers, expected=expected),
                  on_done=done, on_error=refused)
