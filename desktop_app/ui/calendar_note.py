"""The warning every page shows where it computes a date in a year whose holidays are not entered
(core.workdays.gap_text): deadlines, holiday patrols and meal days there count Monday to Friday only.
Hidden when every year is entered; the style sheets colour it (QLabel[tone="warning"])."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.core import workdays
from desktop_app.ui import ops


class CalendarNote(QLabel):
    def __init__(self, parent: QWidget | None = None, name: str = "calendarNote") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setProperty("tone", "warning")
        self.years: list[int] = []
        self.setVisible(False)

    def show_years(self, years: Iterable[int]) -> None:
        """Show the warning for ``years`` (none: hide it)."""
        self.years = sorted(set(years))
        self.setText(workdays.gap_text(self.years))
        self.setAccessibleName(self.text())
        self.setVisible(bool(self.years))

    def check(self, engine, *days: date | datetime | None) -> None:
        """Ask the database which years of ``days`` are not entered, then show or hide the warning."""
        wanted = [d for d in days if d is not None]
        if not wanted:
            self.show_years([])
            return
        ops.query(self, engine, lambda s: workdays.years_missing(s, *wanted), self.show_years, latest="calendar-years")
