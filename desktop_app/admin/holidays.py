"""The holiday calendar: statutory holidays and adjusted workdays of a year. A new year's notice is entered
here every winter — pasted (core.holiday_notice reads it), from a newer chinese-calendar release, or a day
at a time — and every change is shown before it is saved: the days, and what moves with them in every
feature (open requests' deadlines, future shifts' holiday flag, headcount and hours multiplier, meal
service days: each feature's ``CalendarFollower``). Saving writes the days and moves all of it in one
audited transaction; what already happened (closed requests, shifts worked, past days) never moves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlmodel import Session, col, select

from desktop_app.core import holiday_notice, workdays
from desktop_app.core.auth import MANAGE_SETTINGS, Actor, require
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import CalendarDay, CalendarYear
from desktop_app.core.periods import Period
from desktop_app.core.workdays import CalendarChange, CalendarFollower, Move

F_YEAR = QT_TRANSLATE_NOOP("Fields", "Year")
Followers = Sequence[CalendarFollower] | Callable[[], Sequence[CalendarFollower]]


def _year(year: int) -> int:
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2200:
        raise ValidationError(F_YEAR, QT_TRANSLATE_NOOP("Errors", "choose a year between 1900 and 2200."))
    return year


def calendar_days(s: Session, *, actor: Actor, year: int) -> list[CalendarDay]:
    """The holidays and adjusted workdays entered for ``year``, in date order."""
    require(actor, MANAGE_SETTINGS)
    period = Period.year(_year(year))
    return list(
        s.exec(select(CalendarDay).where(CalendarDay.day >= period.start, CalendarDay.day < period.end,
                                         CalendarDay.kind != workdays.ORDINARY)
               .order_by(col(CalendarDay.day)))
    )


def calendar_year(s: Session, *, actor: Actor, year: int) -> CalendarYear | None:
    """How ``year`` was entered in full (None: not entered; dates in it count Monday–Friday only)."""
    require(actor, MANAGE_SETTINGS)
    return s.get(CalendarYear, _year(year))


def read_notice(s: Session, *, actor: Actor, text: str, year: int | None) -> holiday_notice.Notice:
    """The days of a pasted State Council notice (nothing is written)."""
    require(actor, MANAGE_SETTINGS)
    return holiday_notice.parse_notice(text, year)


def chinese_calendar_notice(s: Session, *, actor: Actor, year: int) -> holiday_notice.Notice:
    """The year as the installed chinese-calendar release has it (nothing is written)."""
    require(actor, MANAGE_SETTINGS)
    notice = holiday_notice.from_chinese_calendar(_year(year))
    if notice is None:
        covered = holiday_notice.chinese_calendar_years()
        raise ConflictError(QT_TRANSLATE_NOOP(
            "Errors", "The installed chinese-calendar package covers {first}–{last}, not {year}; paste the State Council's notice instead."),
            first=covered[0] if covered else "—", last=covered[1] if covered else "—", year=year)
    return notice


@dataclass(frozen=True)
class CalendarPlan:
    """A change as the person confirms it: days to set, or a year to make exactly what a notice says (its
    other entries back to ordinary days: worked out when previewed and again when saved), the years it
    completes, and where it comes from."""

    edits: Mapping[date, tuple[str | None, str]]
    years: tuple[int, ...] = ()
    source: str = "station"  # notice | chinese_calendar | station
    notice: holiday_notice.Notice | None = None

    def resolve(self, s: Session) -> Mapping[date, tuple[str | None, str]]:
        if self.notice is None:
            return self.edits
        n = self.notice
        return workdays.year_edits(s, n.year, n.holidays, n.workdays)


def notice_plan(s: Session | None, notice: holiday_notice.Notice, *, source: str = "notice") -> CalendarPlan:
    """The year exactly as the notice says: its days set, the year's other entries back to ordinary days."""
    return CalendarPlan({}, (notice.year,), source, notice)


def day_plan(day: date, kind: str | None, name: str = "") -> CalendarPlan:
    return CalendarPlan({day: (kind, name)})


def year_complete_plan(year: int) -> CalendarPlan:
    """The days entered by hand are the whole year: dates in it stop counting Monday–Friday only."""
    return CalendarPlan({}, (_year(year),))


@dataclass(frozen=True)
class CalendarPreview:
    change: CalendarChange
    moves: list[Move]
    plan: CalendarPlan

    @property
    def fingerprint(self) -> str:
        """What the person saw: saving refuses when the days or the moves differ by then."""
        text = repr(([(d.day, d.before, d.after, d.name) for d in self.change.days], self.change.years,
                     [(m.area, m.day, m.what, m.params) for m in self.moves]))
        return hashlib.sha256(text.encode()).hexdigest()


def _followers(followers: Followers | None) -> Sequence[CalendarFollower]:
    if followers is None:
        return ()
    return followers() if callable(followers) else followers


def _run(s: Session, *, actor: Actor, plan: CalendarPlan, followers: Followers | None, today: date | None,
         apply: bool) -> CalendarPreview:
    change = workdays.plan_change(s, edits=plan.resolve(s), years=plan.years, today=today)
    if apply:
        workdays.write_change(s, actor=actor, change=change, source=plan.source)
    moves: list[Move] = []
    if change.changed:
        for follower in _followers(followers):
            moves.extend(follower.follow(s, actor=actor, change=change, apply=apply))
    return CalendarPreview(change, moves, plan)


def preview_calendar_change(s: Session, *, actor: Actor, plan: CalendarPlan, followers: Followers | None = None,
                            today: date | None = None) -> CalendarPreview:
    """What ``plan`` would change: the days and, per feature, what moves (nothing is written)."""
    require(actor, MANAGE_SETTINGS)
    return _run(s, actor=actor, plan=plan, followers=followers, today=today, apply=False)


def apply_calendar_change(s: Session, *, actor: Actor, plan: CalendarPlan, followers: Followers | None = None,
                          today: date | None = None, expected: str | None = None) -> CalendarPreview:
    """Write ``plan`` and move everything that follows it, in the caller's one transaction. With
    ``expected`` (the fingerprint of the preview the person confirmed), refuse when something changed since."""
    require(actor, MANAGE_SETTINGS)
    if s.get_bind().dialect.name == "postgresql":
        # One calendar change at a time on a server (SQLite queues writers already): a second administrator
        # saving the same notice waits, then reads the calendar the first one wrote and is told so.
        s.execute(text("SELECT pg_advisory_xact_lock(hashtext('smiledesk.calendar'))"))
    if expected is not None:
        again = _run(s, actor=actor, plan=plan, followers=followers, today=today, apply=False)
        if again.fingerprint != expected:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "Errors", "The calendar or the records it moves changed since the preview; look at the preview again before saving."))
    if workdays.plan_change(s, edits=plan.resolve(s), years=plan.years, today=today).empty:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Nothing to change: the calendar already says this."))
    return _run(s, actor=actor, plan=plan, followers=followers, today=today, apply=True)


def set_calendar_day(s: Session, *, actor: Actor, day: date, kind: str | None, name: str = "",
                     followers: Followers | None = None) -> CalendarPreview:
    """A day becomes a holiday (day off) or an adjusted workday, or (``kind`` None) an ordinary day again;
    what follows the calendar moves with it."""
    return apply_calendar_change(s, actor=actor, plan=day_plan(day, kind, name), followers=followers)


def enter_notice(s: Session, *, actor: Actor, text: str, year: int | None = None, followers: Followers | None = None,
                 today: date | None = None) -> CalendarPreview:
    """Read a pasted notice and save it with everything that follows (the command line's and tests' way; the
    page shows the preview first)."""
    notice = read_notice(s, actor=actor, text=text, year=year)
    return apply_calendar_change(s, actor=actor, plan=notice_plan(s, notice), followers=followers, today=today)
