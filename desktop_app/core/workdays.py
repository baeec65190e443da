"""China's working-day calendar as data: statutory holidays and adjusted workdays (调休).

The calendar_day table holds the exceptions to "Monday–Friday work, weekend off". It is seeded from
db/reference/holidays.csv (generated from chinese-calendar, which stops at 2026) and edited by the
station for later years when the State Council publishes the notice. A date beyond the data never
crashes: it falls back to the weekday rule and ``known_until`` lets the UI warn.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, col, select

from desktop_app.core import audit, paths
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import CalendarDay

HOLIDAY = "holiday"
WORKDAY = "workday"
ORDINARY = "ordinary"  # the station set a reference day back to the weekday rule (kept so seeding won't re-add it)


@dataclass
class WorkCalendar:
    """An in-memory view of the calendar (load once, ask many times)."""

    holidays: dict[date, str] = field(default_factory=dict)
    workdays: dict[date, str] = field(default_factory=dict)

    @classmethod
    def load(cls, s: Session) -> WorkCalendar:
        cal = cls()
        for row in s.exec(select(CalendarDay)):
            if row.kind == HOLIDAY:
                cal.holidays[row.day] = row.name
            elif row.kind == WORKDAY:
                cal.workdays[row.day] = row.name
        return cal

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
        return any(d.year == year for d in self.holidays)

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


def reference_file() -> Path:
    return paths.db_dir() / "reference" / "holidays.csv"


def read_reference(path: Path | None = None) -> list[tuple[date, str, str]]:
    rows = []
    with open(path or reference_file(), encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            rows.append((date.fromisoformat(rec["date"]), rec["kind"], rec["name"]))
    return rows


def seed(s: Session) -> int:
    """Insert reference days the table lacks (never overwrites the station's own edits)."""
    have = set(s.exec(select(col(CalendarDay.day))))
    added = 0
    for day, kind, name in read_reference():
        if day not in have:
            s.add(CalendarDay(day=day, kind=kind, name=name, source="chinese_calendar"))
            added += 1
    return added


F_DAY = QT_TRANSLATE_NOOP("Fields", "Date")
F_KIND = QT_TRANSLATE_NOOP("Fields", "Kind of day")


def set_day(s: Session, *, actor, day: date, kind: str | None, name: str = "") -> None:
    """Mark a day as holiday / adjusted workday, or (kind None) back to the ordinary weekday rule."""
    from desktop_app.core.auth import MANAGE_SETTINGS, require

    require(actor, MANAGE_SETTINGS)
    if kind not in (HOLIDAY, WORKDAY, None):
        raise ValidationError(F_KIND, QT_TRANSLATE_NOOP("Errors", "choose holiday or adjusted workday."))
    if kind == WORKDAY and day.weekday() < 5:
        raise ValidationError(F_DAY, QT_TRANSLATE_NOOP("Errors", "{day} is already a weekday; only a weekend day can be an adjusted workday."), day=day.isoformat())
    row = s.get(CalendarDay, day)
    before = audit.snapshot(row) if row else None
    if kind is None:
        if row is not None:
            row.kind, row.name, row.source = ORDINARY, "", "station"
            s.add(row)
    elif row is None:
        s.add(CalendarDay(day=day, kind=kind, name=name.strip()[:50], source="station"))
    else:
        row.kind, row.name, row.source = kind, name.strip()[:50], "station"
        s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="calendar_day", entity_id=day.isoformat(), before=before,
                 after={"day": day, "kind": kind, "name": name})


def set_year(s: Session, *, actor, holidays: Iterable[tuple[date, str]], workdays: Iterable[date]) -> None:
    """Enter one year's State Council notice: its holidays (with names) and adjusted workdays."""
    for day, name in holidays:
        set_day(s, actor=actor, day=day, kind=HOLIDAY, name=name)
    for day in workdays:
        set_day(s, actor=actor, day=day, kind=WORKDAY, name="")


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
