"""The day the station is on, watched: a program left running overnight moves to the new day.

A desk PC is often left on overnight, a kiosk always is. Pages set their date boxes to today (and this month)
when they are built; the next morning they still showed yesterday — the meals day page listed yesterday's
orders, and a delivery marked there went on yesterday's order. ``day_watch().changed(old, new)`` is emitted
once when the local date changes (the main window's timer asks every ``CHECK_MS``; a PC waking from sleep is
seen at its next tick). ``follow_today`` makes a date box move with it while it still shows the old day (a
date someone chose stays), and the main window refreshes the page on screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QDateEdit

from desktop_app.core import clock

CHECK_MS = 30_000


class DayWatch(QObject):
    """One per application, on the GUI thread. ``check()`` compares the local date with the last seen."""

    changed = Signal(object, object)  # (the old day, the new day)

    def __init__(self) -> None:
        super().__init__()
        self.day = clock.today()

    def reset(self) -> None:
        """Today is the day (tests start afresh; nothing is emitted)."""
        self.day = clock.today()

    def check(self) -> bool:
        today = clock.today()
        if today == self.day:
            return False
        old, self.day = self.day, today
        self.changed.emit(old, today)
        return True


_watch: DayWatch | None = None


def day_watch() -> DayWatch:
    global _watch
    if _watch is None:
        _watch = DayWatch()
    return _watch


def _month(d: date) -> date:
    return d.replace(day=1)


def moved_day(shown: date, old: date, new: date, *, month: bool = False) -> date | None:
    """Where a box showing ``shown`` goes when the day turns from ``old`` to ``new``: None if it stays (someone
    chose another day, or, for a month box, the month has not changed)."""
    if month:
        return _month(new) if shown == _month(old) and _month(new) != _month(old) else None
    return new if shown == old else None


class _Follower(QObject):
    """A child of the date box: the connection goes when the box does (no call on a deleted widget)."""

    def __init__(self, edit: QDateEdit, month: bool) -> None:
        super().__init__(edit)
        self.month = month
        day_watch().changed.connect(self.moved)

    def moved(self, old: date, new: date) -> None:
        edit = self.parent()
        assert isinstance(edit, QDateEdit)
        to = moved_day(edit.date().toPython(), old, new, month=self.month)
        if to is not None:
            edit.setDate(QDate(to.year, to.month, to.day))  # its dateChanged refreshes what it filters


def follow_today(edit: QDateEdit, *, month: bool = False) -> QDateEdit:
    """``edit`` shows today (``month``: the first of this month) until someone picks another date; at a new day
    it moves with it."""
    _Follower(edit, month)
    return edit
