"""core.periods: one half-open convention for every period of days."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.periods import Period, month_bounds


def test_month_is_half_open_and_knows_its_last_day():
    p = Period.month(2027, 2)
    assert (p.start, p.end, p.last_day, len(p)) == (date(2027, 2, 1), date(2027, 3, 1), date(2027, 2, 28), 28)
    assert date(2027, 2, 28) in p and date(2027, 3, 1) not in p
    assert Period.month(2026, 12).end == date(2027, 1, 1)
    assert month_bounds(2028, 2) == (date(2028, 2, 1), date(2028, 3, 1))


def test_inclusive_input_and_months_touched():
    p = Period.inclusive(date(2026, 11, 20), date(2027, 1, 3))
    assert p.end == date(2027, 1, 4)
    assert [m.start for m in p.months()] == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1)]
    assert Period.month(2027, 1).previous_month() == Period.month(2026, 12)


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        Period(date(2026, 1, 2), date(2026, 1, 1))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_day_is_in_exactly_one_month(day):
    months = [Period.month(y, m) for y in (day.year - 1, day.year, day.year + 1) for m in range(1, 13)]
    assert sum(day in p for p in months) == 1
    assert day in Period.month_of(day) and day in Period.day(day) and len(Period.day(day)) == 1


def test_utc_bounds_are_local_midnights():
    start, end = Period.day(date(2026, 12, 5)).utc_bounds()
    assert start.tzinfo is not None and (end - start).total_seconds() in (82800, 86400, 90000)
