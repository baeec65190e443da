"""Working days with China's holidays and adjusted workdays; years beyond the data never crash."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core import workdays
from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied, ValidationError
from desktop_app.core.workdays import WorkCalendar


def test_national_day_and_adjusted_workday(engine):
    with session_scope(engine, write=False) as s:
        cal = WorkCalendar.load(s)
    assert not cal.is_workday(date(2026, 10, 1))
    assert cal.holiday_name(date(2026, 10, 1)) == "国庆节"
    # 2026-09-30 (Wed) + 2 working days skips the National Day week
    assert cal.add_workdays(date(2026, 9, 30), 2) == date(2026, 10, 10) or cal.is_workday(date(2026, 10, 10))
    saturday_workdays = [d for d in cal.workdays if d.year == 2026]
    assert saturday_workdays and all(d.weekday() >= 5 for d in saturday_workdays)


def test_year_beyond_data_falls_back_to_weekdays(engine):
    with session_scope(engine, write=False) as s:
        cal = WorkCalendar.load(s)
    assert not cal.covers_year(2027)
    assert cal.add_workdays(date(2027, 1, 1), 1) == date(2027, 1, 4)  # Fri → Mon, no crash


def test_station_enters_2027_notice(engine, admin, make_actor):
    with session_scope(engine) as s:
        workdays.set_year(s, actor=admin, holidays=[(date(2027, 1, 1), "元旦")], workdays=[date(2027, 1, 2)])
    with session_scope(engine, write=False) as s:
        cal = WorkCalendar.load(s)
    assert not cal.is_workday(date(2027, 1, 1)) and cal.is_workday(date(2027, 1, 2))
    with pytest.raises(ValidationError, match="already a weekday"):
        with session_scope(engine) as s:
            workdays.set_day(s, actor=admin, day=date(2027, 1, 4), kind="workday")
    with pytest.raises(PermissionDenied):
        with session_scope(engine) as s:
            workdays.set_day(s, actor=make_actor("front_desk"), day=date(2027, 1, 5), kind="holiday")


def test_reset_reference_holiday_survives_reseeding(engine, admin):
    with session_scope(engine) as s:
        workdays.set_day(s, actor=admin, day=date(2026, 10, 8), kind=None)
    with session_scope(engine) as s:
        workdays.seed(s)
        cal = WorkCalendar.load(s)
    assert cal.is_workday(date(2026, 10, 8))  # Thursday, back to the weekday rule, not re-seeded


@given(end=st.dates(date(2024, 1, 1), date(2027, 12, 31)), n=st.integers(0, 30),
       holidays=st.sets(st.dates(date(2023, 10, 1), date(2027, 12, 31)), max_size=40),
       offset=st.integers(0, 120))
def test_last_day_more_than_agrees_with_counting(end, n, holidays, offset):
    """Issue 21: the certificates' warnings counted working days for each of 400 rows at every visit."""
    cal = WorkCalendar(holidays={d: "假" for d in holidays})
    limit = cal.last_day_more_than(n, end)
    day = end - timedelta(days=offset)
    assert (day <= limit) == (cal.workdays_between(day, end) > n)
