"""Left on overnight (a kiosk always is, a desk PC often): the pages move to the new day.

Measured before: the meals day page kept the date it was built with, so the next morning it listed
yesterday's orders and a delivery marked there went on yesterday's order; the desk's figures stopped at
yesterday and its "received today" list kept yesterday's visits until the page was visited again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QSettings

from desktop_app.core import clock
from desktop_app.ui.day_watch import CHECK_MS, day_watch, moved_day

D = date(2026, 12, 31)


@pytest.mark.parametrize(("shown", "old", "new", "month", "to"), [
    (D, D, D + timedelta(days=1), False, D + timedelta(days=1)),        # showed today: moves
    (D - timedelta(days=3), D, D + timedelta(days=1), False, None),     # someone chose another day: stays
    (date(2026, 12, 1), D, date(2027, 1, 1), True, date(2027, 1, 1)),   # this month, into a new one
    (date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 6), True, None),  # the same month: stays
    (date(2026, 11, 1), D, date(2027, 1, 1), True, None),               # another month chosen: stays
])
def test_where_a_date_box_goes_when_the_day_turns(shown, old, new, month, to):
    assert moved_day(shown, old, new, month=month) == to


def test_nothing_is_said_while_the_day_stays(qapp, monkeypatch):
    watch = day_watch()
    watch.reset()
    said = []
    watch.changed.connect(lambda old, new: said.append((old, new)))
    assert watch.check() is False
    tomorrow = clock.today() + timedelta(days=1)
    monkeypatch.setattr(clock, "today", lambda: tomorrow)
    assert watch.check() is True and watch.check() is False  # once per new day
    assert said == [(tomorrow - timedelta(days=1), tomorrow)]


def test_a_window_left_on_into_a_new_month_shows_the_new_day(qtbot, demo_db, tmp_path, monkeypatch, wait_ops):
    from sqlmodel import select

    from desktop_app.app import build_main_window
    from desktop_app.core.auth import Actor
    from desktop_app.core.db import make_engine, session_scope
    from desktop_app.core.models import StaffUser

    engine = make_engine(f"sqlite:///{demo_db}")
    with session_scope(engine, write=False) as s:
        admin = Actor.from_user(s.exec(select(StaffUser).where(StaffUser.username == "admin")).one())
    day_watch().reset()
    today = clock.today()
    window = build_main_window(engine, admin, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window._day_timer.isActive() and window._day_timer.interval() == CHECK_MS
    meals = window.show_page("meals")
    accounts = meals.accounts
    rosters = window.show_page("rosters")
    rosters.tabs.setCurrentIndex([name for name, _cls in rosters._tab_makers].index("national_tab"))
    national = rosters.national_tab
    reports = window.show_page("reports")
    desk = window.show_page("desk")
    wait_ops()
    last_month = today.replace(day=1) - timedelta(days=1)
    assert (reports.year.value(), reports.month.currentData()) == (last_month.year, last_month.month)
    chosen = QDate(today.year, today.month, today.day).addDays(-10)
    desk.jump.setDate(chosen)  # a date someone chose stays where it is
    wait_ops()
    assert desk.model.rowCount() > 0  # today's visits (the demo has some at any hour)
    assert meals.day.day() == today and rosters.month == today.replace(day=1)

    new = (today.replace(day=1) + timedelta(days=32)).replace(day=1)  # the first of next month
    monkeypatch.setattr(clock, "today", lambda: new)
    assert day_watch().check()
    wait_ops()

    assert meals.day.day() == new
    assert accounts.month.date().toPython() == new
    assert rosters.month == new
    assert national.recorded_on.date().toPython() == new  # hours entered in the national system today
    figures = desk.figures
    assert figures.fig_from.date().toPython() == new and figures.fig_to.date().toPython() == new
    assert desk.jump.date() == chosen
    assert (reports.year.value(), reports.month.currentData()) == (today.year, today.month)  # the month just ended
    assert desk.model.rowCount() == 0  # the page on screen read again: nothing received yet on the new day
    window.close()
    engine.dispose()
