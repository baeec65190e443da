"""Statutory holidays and adjusted workdays of a year. A new year's notice is entered here: pasted (the
State Council's text), from a newer chinese-calendar release, or a day at a time — every change is shown
with what moves before it is saved (admin/ui/calendar_change.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import admin
from desktop_app.admin.ui.calendar_change import CalendarChangeDialog, weekday_text
from desktop_app.admin.ui.staff_tab import list_view
from desktop_app.core import holiday_notice, workdays
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.tones import tone
from desktop_app.ui.widgets import fit_columns, open_single, pydate


class CalendarTab(QWidget):
    """Statutory holidays and adjusted workdays of a year; a new year's notice is entered here."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.change_dialog: CalendarChangeDialog | None = None
        self.year = QSpinBox()
        self.year.setObjectName("calendarYear")
        self.year.setRange(2004, 2100)
        self.year.setValue(date.today().year)
        self.status = QLabel()
        self.status.setObjectName("calendarStatus")
        self.status.setWordWrap(True)
        self.notice_button = QPushButton(self.tr("Paste the State Council's notice…"))
        self.notice_button.setObjectName("pasteNotice")
        self.package_button = QPushButton(self.tr("From chinese-calendar"))
        self.package_button.setObjectName("fromChineseCalendar")
        self.complete_button = QPushButton(self.tr("The year is complete"))
        self.complete_button.setObjectName("confirmYear")
        self.complete_button.setToolTip(self.tr("The days entered by hand are all of the year's holidays and adjusted workdays"))
        self.model = ListTableModel([
            Column(self.tr("Date"), lambda d: d.day.isoformat(), export=lambda d: d.day, chars=10),
            Column(self.tr("Weekday"), lambda d: weekday_text(d.day), chars=6),
            Column(self.tr("Kind"), lambda d: self.tr("holiday (day off)") if d.kind == workdays.HOLIDAY else self.tr("adjusted workday"),
                   background=lambda d: tone("holiday") if d.kind == workdays.HOLIDAY else tone("workday"), chars=10),
            Column(self.tr("Name"), lambda d: d.name, chars=8),
        ], parent=self)
        self.table = list_view(self.model, "calendarTable")
        self.day = QDateEdit()
        self.day.setObjectName("calendarDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.kind = QComboBox()
        self.kind.setObjectName("calendarKind")
        self.kind.addItem(self.tr("holiday (day off)"), workdays.HOLIDAY)
        self.kind.addItem(self.tr("adjusted workday"), workdays.WORKDAY)
        self.name = QLineEdit()
        self.name.setObjectName("calendarName")
        self.name.setPlaceholderText(self.tr("e.g. 春节"))
        self.set_button = QPushButton(self.tr("Set day"))
        self.set_button.setObjectName("setDay")
        self.clear_button = QPushButton(self.tr("Back to ordinary day"))
        self.clear_button.setObjectName("clearDay")
        self.day.setAccessibleName(self.tr("Date"))
        self.kind.setAccessibleName(self.tr("Kind"))
        self.year.setAccessibleName(self.tr("Year"))
        self.name.setAccessibleName(self.tr("Name"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        enter = QHBoxLayout()
        for w in (self.notice_button, self.package_button, self.complete_button):
            enter.addWidget(w)
        enter.addStretch(1)
        edit = QHBoxLayout()
        for w in (self.day, self.kind, self.name, self.set_button, self.clear_button):
            edit.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(enter)
        lay.addWidget(self.table, 1)
        lay.addLayout(edit)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.notice_button.clicked.connect(self.paste_notice)
        self.package_button.clicked.connect(self.from_package)
        self.complete_button.clicked.connect(self.confirm_year)
        self.set_button.clicked.connect(lambda: self.apply(self.kind.currentData()))
        self.clear_button.clicked.connect(lambda: self.apply(None))
        self.refresh()

    def refresh(self) -> None:
        actor, year = self.ctx.actor, self.year.value()

        def read(s):
            return (admin.calendar_days(s, actor=actor, year=year), admin.calendar_year(s, actor=actor, year=year),
                    holiday_notice.chinese_calendar_years())

        ops.query(self, self.ctx.engine, read, lambda r: self._show(year, *r), latest="year")

    def _show(self, year: int, days: list, entered, package: tuple[int, int] | None) -> None:
        self.model.set_rows(days)
        fit_columns(self.table)
        holidays = sum(1 for d in days if d.kind == workdays.HOLIDAY)
        counts = self.tr("{n} holiday days and {m} adjusted workdays entered for {year}.").format(
            n=holidays, m=len(days) - holidays, year=year)
        if entered is not None:
            self.status.setText(counts)
            tone_name = ""
        elif days:
            self.status.setText(counts + " " + self.tr(
                "The year is not marked complete: dates in {year} still count Monday–Friday only and every page "
                "warns. Paste the notice, or confirm the year is complete.").format(year=year))
            tone_name = "warning"
        else:
            self.status.setText(self.tr("No holidays entered for {year}: deadlines count Monday–Friday only. "
                                        "Enter the State Council's notice for the year below.").format(year=year))
            tone_name = "warning"
        covered = package is not None and package[0] <= year <= package[1]
        self.package_button.setEnabled(covered)
        self.package_button.setToolTip(
            self.tr("The installed chinese-calendar package has {year}.").format(year=year) if covered else
            self.tr("The installed chinese-calendar package does not have {year}; a newer release may.").format(year=year))
        self.complete_button.setVisible(entered is None and bool(days))
        self.status.setProperty("tone", tone_name)  # resources/styles/*.qss
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    # --- changes: each shown with what moves, then saved ----------------------------------------------
    def _open(self, title: str, plan_of=None) -> CalendarChangeDialog:
        def make() -> CalendarChangeDialog:
            dialog = CalendarChangeDialog(self.ctx, year=self.year.value(), plan_of=plan_of, title=title, parent=self)
            dialog.accepted.connect(lambda: self._saved(dialog))
            return dialog

        self.change_dialog = open_single(self, "change", make)
        self.change_dialog.show()
        return self.change_dialog

    def paste_notice(self) -> CalendarChangeDialog:
        return self._open(self.tr("Enter the State Council's notice"))

    def from_package(self) -> CalendarChangeDialog:
        actor, year = self.ctx.actor, self.year.value()
        return self._open(self.tr("Holidays of {year} from chinese-calendar").format(year=year),
                          lambda s: admin.notice_plan(s, admin.chinese_calendar_notice(s, actor=actor, year=year),
                                                      source="chinese_calendar"))

    def confirm_year(self) -> CalendarChangeDialog:
        year = self.year.value()
        return self._open(self.tr("{year} is complete").format(year=year), lambda _s: admin.year_complete_plan(year))

    def apply(self, kind: str | None) -> CalendarChangeDialog:
        day, name = pydate(self.day.date()), self.name.text()
        return self._open(self.tr("Change {day}").format(day=day.isoformat()), lambda _s: admin.day_plan(day, kind, name))

    def _saved(self, dialog: CalendarChangeDialog) -> None:
        change = dialog.saved.change if dialog.saved is not None else None
        years = sorted({d.day.year for d in change.days} | set(change.years)) if change else []
        if years and self.year.value() not in years:
            self.year.setValue(years[0])  # refreshes
        else:
            self.refresh()
