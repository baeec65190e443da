"""The holiday calendar: statutory holidays and adjusted workdays of a year (a new year's notice is entered
here every winter; deadlines of every feature count working days from it: ``core.workdays``)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from desktop_app.core import workdays
from desktop_app.core.auth import MANAGE_SETTINGS, Actor, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import CalendarDay
from desktop_app.core.periods import Period


def calendar_days(s: Session, *, actor: Actor, year: int) -> list[CalendarDay]:
    """The holidays and adjusted workdays entered for ``year``, in date order."""
    require(actor, MANAGE_SETTINGS)
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Year"),
                              QT_TRANSLATE_NOOP("Errors", "choose a year between 1900 and 2200."))
    period = Period.year(year)
    return list(
        s.exec(select(CalendarDay).where(CalendarDay.day >= period.start, CalendarDay.day < period.end,
                                         CalendarDay.kind != workdays.ORDINARY)
               .order_by(col(CalendarDay.day)))
    )


def set_calendar_day(s: Session, *, actor: Actor, day: date, kind: str | None, name: str = "") -> None:
    """A day becomes a holiday (day off) or an adjusted workday, or (``kind`` None) an ordinary day again."""
    workdays.set_day(s, actor=actor, day=day, kind=kind, name=name)
