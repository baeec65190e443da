"""Issue 18 item 7: a setting per station for meals on statutory holidays (closed, or as scheduled) and on
adjusted workdays (the weekday's own schedule, or like a working day); the calendar's followers use it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop_app import admin as administration
from desktop_app import features
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ValidationError
from desktop_app.core.records import StaleEdit
from desktop_app.meals.models import MealOrder, MealRecipient, OrderStatus
from desktop_app.meals.orders import generate_orders
from desktop_app.meals.service_days import meal_service_days, service_days, set_service_days
from tests.meals.helpers import make_recipient, weekdays

HOLIDAY_MONDAY = date(2026, 2, 16)  # the Spring Festival 2026
WORKED_SATURDAY = date(2026, 2, 14)  # 春节调休: people work
ORDINARY_SATURDAY = date(2026, 2, 7)


@pytest.fixture
def recipients(engine, admin, people):
    every_weekday = make_recipient(engine, admin, people["王秀英"], schedule=weekdays(0, 1, 2, 3, 4), top_up=50000,
                                   top_up_day=date(2026, 1, 5))
    mondays = make_recipient(engine, admin, people["李建国"], schedule=weekdays(0), top_up=50000, top_up_day=date(2026, 1, 5))
    saturdays = make_recipient(engine, admin, people["张桂兰"], schedule=weekdays(5), top_up=50000, top_up_day=date(2026, 1, 5))
    return {"every_weekday": every_weekday, "mondays": mondays, "saturdays": saturdays}


def _ordered(engine, admin, day: date) -> set[int]:
    with session_scope(engine) as s:
        result = generate_orders(s, actor=admin, day=day, meals=("lunch",))
        ids = set(s.exec(select(MealOrder.recipient_id).where(MealOrder.day == day, MealOrder.status == OrderStatus.ORDERED)))
    assert result.missing_years == ()
    return ids


def _set(engine, actor, holidays: str, workdays: str) -> None:
    with session_scope(engine) as s:
        version = meal_service_days(s, actor=actor).version
        set_service_days(s, actor=actor, holidays=holidays, adjusted_workdays=workdays, expected_version=version)


def test_by_default_the_canteen_closes_on_holidays_and_a_worked_saturday_is_a_saturday(engine, admin, recipients):
    assert _ordered(engine, admin, HOLIDAY_MONDAY) == set()
    assert _ordered(engine, admin, WORKED_SATURDAY) == {recipients["saturdays"]}
    assert _ordered(engine, admin, ORDINARY_SATURDAY) == {recipients["saturdays"]}


def test_a_station_that_serves_on_holidays_and_treats_worked_days_as_working_days(engine, admin, recipients):
    _set(engine, admin, "scheduled", "working_day")
    assert _ordered(engine, admin, HOLIDAY_MONDAY) == {recipients["every_weekday"], recipients["mondays"]}
    assert _ordered(engine, admin, WORKED_SATURDAY) == {recipients["every_weekday"]}  # whoever eats Monday to Friday
    assert _ordered(engine, admin, ORDINARY_SATURDAY) == {recipients["saturdays"]}


def test_the_setting_is_per_station_validated_and_never_lost(engine, two_stations):
    st = two_stations
    a, b = st.actor("admin", st.a), st.actor("admin", st.b)
    _set(engine, a, "scheduled", "scheduled")
    with session_scope(engine, write=False) as s:
        assert service_days(s, st.a).holidays == "scheduled" and service_days(s, st.b).holidays == "closed"
    with pytest.raises(ValidationError), session_scope(engine) as s:
        set_service_days(s, actor=b, holidays="sometimes", adjusted_workdays="scheduled")
    with pytest.raises(StaleEdit), session_scope(engine) as s:
        set_service_days(s, actor=a, holidays="closed", adjusted_workdays="scheduled", expected_version=0)


def test_the_calendar_change_keeps_holiday_meals_of_a_station_that_serves_them(engine, admin, recipients):
    """Entering 2027's Spring Festival cancels scheduled meals only where the canteen closes on holidays."""
    day = date(2027, 2, 8)
    _ordered_2027 = _ordered_in(engine, admin, day)
    assert _ordered_2027 == {recipients["every_weekday"], recipients["mondays"]}
    _set(engine, admin, "scheduled", "scheduled")
    from tests.admin.test_calendar_2027 import NOTICE_2027

    with session_scope(engine) as s:
        preview = administration.enter_notice(s, actor=admin, text=NOTICE_2027, followers=features.calendar_followers,
                                              today=date(2027, 1, 20))
    assert not [m for m in preview.moves if m.area == "Meals"]
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(MealOrder).where(MealOrder.day == day, MealOrder.status == OrderStatus.ORDERED)).all()) == 2
        assert s.exec(select(MealRecipient)).first() is not None


def _ordered_in(engine, admin, day: date) -> set[int]:
    with session_scope(engine) as s:
        generate_orders(s, actor=admin, day=day, meals=("lunch",))
        return set(s.exec(select(MealOrder.recipient_id).where(MealOrder.day == day)))


def test_the_settings_dialog_saves_the_station_s_choice(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    from desktop_app.meals.ui.rates_dialog import RatesDialog

    dialog = RatesDialog(ctx)
    qtbot.addWidget(dialog)
    wait_ops()
    assert dialog.holiday_meals.currentData() == "closed" and dialog.workday_meals.currentData() == "scheduled"
    dialog.holiday_meals.setCurrentIndex(dialog.holiday_meals.findData("scheduled"))
    dialog.workday_meals.setCurrentIndex(dialog.workday_meals.findData("working_day"))
    qtbot.mouseClick(dialog.save_days, Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine, write=False) as s:
        days = service_days(s, admin.station_id)
    assert (days.holidays, days.adjusted_workdays, days.version) == ("scheduled", "working_day", 1)
    assert dialog.holiday_meals.currentData() == "scheduled"
