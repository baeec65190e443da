"""Statutory holidays and adjusted workdays of a year; a new year's notice is entered here."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
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
from desktop_app.admin.ui.staff_tab import list_view
from desktop_app.core import workdays
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.tones import tone
from desktop_app.ui.widgets import fit_columns, pydate, qdate


class CalendarTab(QWidget):
    """Statutory holidays and adjusted workdays of a year; a new year's notice is entered here."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = QSpinBox()
        self.year.setObjectName("calendarYear")
        self.year.setRange(2004, 2100)
        self.year.setValue(date.today().year)
        self.status = QLabel()
        self.status.setObjectName("calendarStatus")
        self.status.setWordWrap(True)
        self.model = ListTableModel([
            Column(self.tr("Date"), lambda d: d.day.isoformat(), export=lambda d: d.day, chars=10),
            Column(self.tr("Weekday"), lambda d: QLocale().toString(qdate(d.day), "dddd"), chars=6),
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
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        edit = QHBoxLayout()
        for w in (self.day, self.kind, self.name, self.set_button, self.clear_button):
            edit.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(edit)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.set_button.clicked.connect(lambda: self.apply(self.kind.currentData()))
        self.clear_button.clicked.connect(lambda: self.apply(None))
        self.refresh()

    def refresh(self) -> None:
        actor, year = self.ctx.actor, self.year.value()
        ops.query(self, self.ctx.engine, lambda s: admin.calendar_days(s, actor=actor, year=year),
                  lambda days: self._show(year, days), latest="year")

    def _show(self, year: int, days: list) -> None:
        self.model.set_rows(days)
        fit_columns(self.table)
        holidays = sum(1 for d in days if d.kind == workdays.HOLIDAY)
        if holidays:
            self.status.setText(self.tr("{n} holiday days and {m} adjusted workdays entered for {year}.").format(
                n=holidays, m=len(days) - holidays, year=year))
            tone_name = ""
        else:
            self.status.setText(self.tr("No holidays entered for {year}: deadlines count Monday–Friday only. "
                                        "Enter the State Council's notice for the year below.").format(year=year))
            tone_name = "warning"
        self.status.setProperty("tone", tone_name)  # resources/styles/*.qss
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def apply(self, kind: str | None) -> None:
        day, name, actor = pydate(self.day.date()), self.name.text(), self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: admin.set_calendar_day(s, actor=actor, day=day, kind=kind, name=name),
                  on_done=lambda _none: self._applied(day))

    def _applied(self, day: date) -> None:
        if day.year != self.year.value():
            self.year.setValue(day.year)  # refreshes
        else:
            self.refresh()
