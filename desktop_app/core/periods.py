"""Periods of days with one convention: half-open, ``start <= day < end``.

    p = Period.month(2027, 2)        # 2027-02-01 .. 2027-03-01 (end excluded)
    p.last_day                       # 2027-02-28, for showing "1–28 Feb" to a person
    p.utc_bounds()                   # aware datetimes for ``at >= start AND at < end`` on a timestamp column

Every query over dates or timestamps uses ``>= start`` and ``< end``; only text shown to people uses the
inclusive ``last_day``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # excluded

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends before it starts: {self.start} .. {self.end}")

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day + timedelta(days=1))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = date(year, month, 1)
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return cls(start, end)

    @classmethod
    def month_of(cls, day: date) -> Period:
        return cls.month(day.year, day.month)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year + 1, 1, 1))

    @classmethod
    def inclusive(cls, first: date, last: date) -> Period:
        """From a person's "from … to …" (both days included)."""
        return cls(first, last + timedelta(days=1))

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def __contains__(self, day: object) -> bool:
        if isinstance(day, datetime):
            day = day.date()
        return isinstance(day, date) and self.start <= day < self.end

    def __len__(self) -> int:
        return (self.end - self.start).days

    def days(self) -> Iterator[date]:
        day = self.start
        while day < self.end:
            yield day
            day += timedelta(days=1)

    def months(self) -> Iterator[Period]:
        """The calendar months this period touches, each whole."""
        year, month = self.start.year, self.start.month
        while date(year, month, 1) < self.end:
            yield Period.month(year, month)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def previous_month(self) -> Period:
        first = self.start.replace(day=1) - timedelta(days=1)
        return Period.month(first.year, first.month)

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """Local midnight at ``start`` and at ``end``, as aware UTC datetimes (for timestamp columns)."""
        start = datetime.combine(self.start, time.min).astimezone()  # a naive time read as this computer's
        end = datetime.combine(self.end, time.min).astimezone()
        return start.astimezone(UTC), end.astimezone(UTC)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """(first day, first day of the next month): the half-open bounds of a month."""
    p = Period.month(year, month)
    return p.start, p.end
