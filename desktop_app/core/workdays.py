"""China's working-day calendar as data: statutory holidays and adjusted workdays (调休).

The calendar_day table holds the exceptions to "Monday–Friday work, weekend off". It is seeded from
db/reference/holidays.csv (generated from chinese-calendar, which stops at 2026) and entered by the
station for later years when the State Council publishes the notice (core.holiday_notice reads it).
calendar_year lists the years entered in full: a date in any other year falls back to the weekday rule,
and every page or command that computes one says so (``calendar_gap``).

A change of the calendar moves dates that were computed from it (open requests' deadlines, future
shifts' holiday flag and headcount, meal service days). ``plan_change`` describes a change; each
feature's ``CalendarFollower`` (desktop_app/<feature>/calendar_follow.py) previews or applies what moves
in it; admin.holidays runs them all in the transaction that writes the change.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlmodel import Session, col, select

from desktop_app.core import audit, paths
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.models import CalendarDay, CalendarYear

if TYPE_CHECKING:
    from desktop_app.core.auth import Actor

HOLIDAY = "holiday"
WORKDAY = "workday"
ORDINARY = "ordinary"  # the station set a reference day back to the weekday rule (kept so seeding won't re-add it)


@dataclass
class WorkCalendar:
    """An in-memory view of the calendar (load once, ask many times)."""

    holidays: dict[date, str] = field(default_factory=dict)
    workdays: dict[date, str] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)  # entered in full (calendar_year)

    @classmethod
    def load(cls, s: Session) -> WorkCalendar:
        cal = cls()
        # Columns, not CalendarDay objects: years of days, read by every deadline (20 ms as objects, issue 21).
        for day, kind, name in s.exec(select(col(CalendarDay.day), col(CalendarDay.kind), col(CalendarDay.name))):
            if kind == HOLIDAY:
                cal.holidays[day] = name
            elif kind == WORKDAY:
                cal.workdays[day] = name
        cal.years = set(s.exec(select(CalendarYear.year)))
        return cal

    def with_edits(self, edits: Mapping[date, tuple[str | None, str]], years: Iterable[int] = ()) -> WorkCalendar:
        """A copy with ``edits`` (day -> (HOLIDAY | WORKDAY | None for an ordinary day, name)) applied."""
        cal = replace(self, holidays=dict(self.holidays), workdays=dict(self.workdays), years=set(self.years) | set(years))
        for day, (kind, name) in edits.items():
            cal.holidays.pop(day, None)
            cal.workdays.pop(day, None)
            if kind == HOLIDAY:
                cal.holidays[day] = name
            elif kind == WORKDAY:
                cal.workdays[day] = name
        return cal

    def fingerprint(self) -> int:
        """Equal for calendars that give every day the same kind (a key for what deadlines were worked out with)."""
        return hash((tuple(sorted(self.holidays)), tuple(sorted(self.workdays)), tuple(sorted(self.years))))

    def kind_of(self, day: date) -> str:
        return HOLIDAY if day in self.holidays else WORKDAY if day in self.workdays else ORDINARY

    def is_holiday(self, day: date) -> bool:
        """A statutory holiday (not an ordinary weekend)."""
        return day in self.holidays

    def is_workday(self, day: date) -> bool:
        if day in self.holidays:
            return False
        if day in self.workdays:
            return True
        return day.weekday() < 5

    def holiday_name(self, day: date) -> str:
        return self.holidays.get(day, "")

    def known_until(self) -> date | None:
        days = list(self.holidays) + list(self.workdays)
        return max(days) if days else None

    def covers_year(self, year: int) -> bool:
        """Is the year entered in full (its notice, a chinese-calendar release, or confirmed by the station)?"""
        return year in self.years

    def missing_years(self, *days: date | datetime | None) -> list[int]:
        """The years of ``days`` not entered: dates in them count Monday–Friday only."""
        return sorted({d.year for d in days if d is not None and d.year not in self.years})

    def add_workdays(self, start: date, n: int) -> date:
        """The date ``n`` working days after ``start`` (start itself not counted)."""
        day = start
        counted = 0
        while counted < n:
            day += timedelta(days=1)
            if self.is_workday(day):
                counted += 1
        return day

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        if end <= start:
            return 0
        return sum(1 for i in range(1, (end - start).days + 1) if self.is_workday(start + timedelta(days=i)))

    def last_day_more_than(self, n: int, end: date) -> date:
        """The latest day more than ``n`` working days before ``end``: ``workdays_between(day, end) > n``
        holds exactly for the days up to it (one walk back instead of a count per row)."""
        day, counted = end, 0
        while counted <= n:
            counted += self.is_workday(day)
            day -= timedelta(days=1)
        return day

    def due_at(self, received: datetime, workdays: int) -> datetime:
        """Deadline: end of the n-th working day after the day something was received."""
        local = received.astimezone()
        due_day = self.add_workdays(local.date(), workdays) if workdays > 0 else local.date()
        return datetime.combine(due_day, datetime.max.time().replace(microsecond=0), tzinfo=local.tzinfo)


# What every page and command that computes a date in a year without its holidays says, where the date is used.
GAP_TEXT = QT_TRANSLATE_NOOP(
    "Calendar", "The holidays of {years} are not entered yet: dates in {years} count Monday to Friday only, so "
    "deadlines, holiday patrols and meal days there may be wrong. An administrator enters the State Council's "
    "notice under Administration → Holidays and adjusted workdays.")


def years_missing(s: Session, *days: date | datetime | None) -> list[int]:
    """The years of ``days`` whose holidays are not entered (one indexed query; any signed-in user may ask)."""
    wanted = {d.year for d in days if d is not None}
    if not wanted:
        return []
    have = set(s.exec(select(CalendarYear.year).where(col(CalendarYear.year).in_(wanted))))
    return sorted(wanted - have)


def gap_text(years: Iterable[int]) -> str:
    """The warning for dates in ``years`` (translated), or "" when every year is entered."""
    years = sorted(set(years))
    if not years:
        return ""
    return translate("Calendar", GAP_TEXT, years="、".join(str(y) for y in years))


def reference_file() -> Path:
    return paths.db_dir() / "reference" / "holidays.csv"


def read_reference(path: Path | None = None) -> list[tuple[date, str, str]]:
    rows = []
    with open(path or reference_file(), encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            rows.append((date.fromisoformat(rec["date"]), rec["kind"], rec["name"]))
    return rows


def seed(s: Session) -> int:
    """Insert reference days the table lacks (never overwrites the station's own edits), and mark the
    reference years as entered."""
    have = set(s.exec(select(col(CalendarDay.day))))
    added = 0
    years: set[int] = set()
    for day, kind, name in read_reference():
        if kind == HOLIDAY:
            years.add(day.year)
        if day not in have:
            s.add(CalendarDay(day=day, kind=kind, name=name, source="chinese_calendar"))
            added += 1
    known = set(s.exec(select(CalendarYear.year)))
    for year in sorted(years - known):
        s.add(CalendarYear(year=year, source="reference"))
    return added


F_DAY = QT_TRANSLATE_NOOP("Fields", "Date")
F_KIND = QT_TRANSLATE_NOOP("Fields", "Kind of day")
KINDS = (HOLIDAY, WORKDAY, None)


# --- a change of the calendar, and what moves with it ---------------------------------------------


@dataclass(frozen=True)
class DayChange:
    day: date
    before: str  # HOLIDAY | WORKDAY | ORDINARY
    after: str
    name: str  # the name after the change ("" for an ordinary day)


@dataclass(frozen=True)
class CalendarChange:
    """What a change does to the calendar: the calendars before and after, the days whose kind or name
    changes, the years it marks as entered in full, and ``today`` (what is in the past never moves)."""

    before: WorkCalendar
    after: WorkCalendar
    days: tuple[DayChange, ...]
    years: tuple[int, ...]
    today: date
    edits: dict[date, tuple[str | None, str]] = field(default_factory=dict)

    @property
    def changed(self) -> set[date]:
        return {d.day for d in self.days if d.before != d.after}

    @property
    def empty(self) -> bool:
        return not self.days and not set(self.years) - self.before.years


@dataclass(frozen=True)
class Move:
    """One thing that moves with a calendar change, in words (``what``: QT_TRANSLATE_NOOP("Calendar", ...))."""

    area: str  # QT_TRANSLATE_NOOP("Calendar", ...): the feature's name for it (desk requests, patrols, meals)
    day: date | None
    what: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self) -> str:
        return translate("Calendar", self.what, **dict(self.params))

    def area_text(self) -> str:
        return translate("Calendar", self.area)


def move(area: str, day: date | None, what: str, /, **params: object) -> Move:
    return Move(area, day, what, tuple(params.items()))


class CalendarFollower(Protocol):
    """A feature's dates that follow the calendar. ``follow`` lists what ``change`` moves in the feature and,
    with ``apply``, moves it (audited, in the caller's transaction). Never what already happened: dates
    before ``change.today``, shifts worked, closed requests."""

    def follow(self, s: Session, *, actor: Actor, change: CalendarChange, apply: bool) -> list[Move]: ...


def check_edit(day: date, kind: str | None) -> None:
    if kind not in KINDS:
        raise ValidationError(F_KIND, QT_TRANSLATE_NOOP("Errors", "choose holiday or adjusted workday."))
    if kind == WORKDAY and day.weekday() < 5:
        raise ValidationError(F_DAY, QT_TRANSLATE_NOOP("Errors", "{day} is already a weekday; only a weekend day can be an adjusted workday."), day=day.isoformat())


def plan_change(s: Session, *, edits: Mapping[date, tuple[str | None, str]], years: Iterable[int] = (),
                today: date | None = None) -> CalendarChange:
    """The change ``edits`` (day -> (HOLIDAY | WORKDAY | None: an ordinary day, name)) makes, marking
    ``years`` as entered in full. Reads only."""
    from desktop_app.core import clock

    clean: dict[date, tuple[str | None, str]] = {}
    for day, (kind, name) in sorted(edits.items()):
        check_edit(day, kind)
        clean[day] = (kind, (name or "").strip()[:50] if kind else "")
    before = WorkCalendar.load(s)
    after = before.with_edits(clean, years)
    days = []
    for day in clean:
        b, a = before.kind_of(day), after.kind_of(day)
        old_name = before.holidays.get(day, before.workdays.get(day, ""))
        new_name = after.holidays.get(day, after.workdays.get(day, ""))
        if b != a or old_name != new_name:
            days.append(DayChange(day, b, a, new_name))
    return CalendarChange(before, after, tuple(days), tuple(sorted(set(years))), today or clock.today(), clean)


def year_edits(s: Session, year: int, holidays: Iterable[tuple[date, str]],
               workdays: Iterable[tuple[date, str]]) -> dict[date, tuple[str | None, str]]:
    """The edits that make ``year`` exactly what a notice says: its days set, every other holiday or
    adjusted workday of the year back to an ordinary day. Days of the notice outside the year (元旦 from
    12月31日) are set too."""
    edits: dict[date, tuple[str | None, str]] = {}
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    for row in s.exec(select(CalendarDay).where(CalendarDay.day >= start, CalendarDay.day < end, CalendarDay.kind != ORDINARY)):
        edits[row.day] = (None, "")
    for day, name in holidays:
        edits[day] = (HOLIDAY, name)
    for day, name in workdays:
        edits[day] = (WORKDAY, name)
    return edits


def write_change(s: Session, *, actor: Actor, change: CalendarChange, source: str = "station") -> None:
    """Write the days and years of ``change`` with one audit entry (the features' moves are the caller's)."""
    from desktop_app.core.auth import MANAGE_SETTINGS, require

    require(actor, MANAGE_SETTINGS)
    for d in change.days:
        row = s.get(CalendarDay, d.day)
        kind = d.after
        if row is None:
            if kind != ORDINARY:
                s.add(CalendarDay(day=d.day, kind=kind, name=d.name, source=source))
            continue
        row.kind, row.name, row.source = kind, d.name, source
        s.add(row)
    for year in change.years:
        entered = s.get(CalendarYear, year)
        if entered is None:
            s.add(CalendarYear(year=year, source=source, entered_by=actor.id))
        else:
            entered.source, entered.entered_at, entered.entered_by = source, utcnow(), actor.id
            s.add(entered)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="calendar_day",
                 entity_id=",".join(sorted({str(d.day.year) for d in change.days} | {str(y) for y in change.years}))[:50],
                 before={d.day.isoformat(): change.before.kind_of(d.day) for d in change.days},
                 after={"days": {d.day.isoformat(): [d.after, d.name] for d in change.days}, "years": list(change.years),
                        "source": source})


def set_day(s: Session, *, actor, day: date, kind: str | None, name: str = "") -> None:
    """Mark a day as holiday / adjusted workday, or (kind None) back to the ordinary weekday rule — the
    calendar only (admin.holidays.apply_calendar_change also moves the dates that follow it)."""
    from desktop_app.core.auth import MANAGE_SETTINGS, require

    require(actor, MANAGE_SETTINGS)
    write_change(s, actor=actor, change=plan_change(s, edits={day: (kind, name)}))


def set_year(s: Session, *, actor, holidays: Iterable[tuple[date, str]], workdays: Iterable[date]) -> None:
    """Enter one year's State Council notice (the calendar only): its holidays (with names) and adjusted
    workdays; the year counts as entered."""
    from desktop_app.core.auth import MANAGE_SETTINGS, require

    require(actor, MANAGE_SETTINGS)
    holidays = list(holidays)
    workdays = list(workdays)
    from collections import Counter

    year = Counter(d.year for d, _n in holidays).most_common(1)[0][0] if holidays else min(workdays).year
    edits = year_edits(s, year, holidays, [(d, "") for d in workdays])
    write_change(s, actor=actor, change=plan_change(s, edits=edits, years=[year]), source="notice")


def generate_reference_csv(path: Path, first_year: int = 2004, last_year: int = 2026) -> int:
    """Developer tool: regenerate db/reference/holidays.csv from the chinese-calendar package."""
    import chinese_calendar

    zh = {
        "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
        "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
        "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
    }

    def name_of(value) -> str:
        text = str(value.value) if hasattr(value, "value") else str(value)
        return zh.get(text, text)

    rows = []
    for day, name in sorted(chinese_calendar.holidays.items()):
        if first_year <= day.year <= last_year:
            rows.append((day, HOLIDAY, name_of(name)))
    for day, name in sorted(chinese_calendar.workdays.items()):
        if first_year <= day.year <= last_year and day.weekday() >= 5:
            rows.append((day, WORKDAY, name_of(name) + "调休"))
    rows.sort()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "kind", "name"])
        for day, kind, name in rows:
            w.writerow([day.isoformat(), kind, name])
    return len(rows)
