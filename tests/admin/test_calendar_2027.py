"""Issue 18, "done means": February 2027 built before and after the State Council's notice is entered as text.

Before: the year has no holidays, so a request received on Fri 2027-02-05 with 5 working days is due 02-12,
inside the Spring Festival; the Spring Festival patrols are ordinary ones; meals are ordered for it — and
every place that computes such a date knows the year is missing. After pasting the notice (and confirming
the preview): the open request is due 02-18, the future shifts are holiday shifts with the holiday
headcount and multiplier, scheduled meals on the holiday are cancelled and refunded; closed requests,
shifts worked and days past never move; re-running the month creates nothing and changes nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlmodel import select

from desktop_app import admin as administration
from desktop_app import features, residents
from desktop_app.core import workdays
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk import loop, visits
from desktop_app.desk.models import ServiceRecord
from desktop_app.meals import orders as meal_orders
from desktop_app.meals.accounts import balance
from desktop_app.meals.models import MealOrder, OrderStatus
from desktop_app.residents.models import ResidentCreate
from desktop_app.rosters import attendance, month, shifts
from desktop_app.rosters.models import Shift
from desktop_app.rosters.settings import multiplier_for
from tests.meals.helpers import make_recipient, weekdays
from tests.rosters.helpers import make_team

NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。
"""
FEB = [date(2027, 2, d) for d in range(1, 29)]
SPRING_FESTIVAL = [date(2027, 2, d) for d in range(6, 13)]


def _at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm)).astimezone()


@pytest.fixture
def february(engine, admin, monkeypatch):
    """The station on the morning of Fri 2027-02-05, before the 2027 notice is entered."""
    now = _at(date(2027, 2, 5), 10).astimezone(UTC)
    monkeypatch.setattr(visits, "utcnow", lambda: now)
    monkeypatch.setattr(loop, "utcnow", lambda: now)
    with session_scope(engine) as s:
        closed = visits.create_record(s, actor=admin, category_code="agency_service", summary="办理老年卡",
                                      walk_in_name="李四", received_at=_at(date(2027, 2, 1), 9))
        loop.start_record(s, actor=admin, record_id=closed.id, at=_at(date(2027, 2, 2), 9))
        loop.resolve_record(s, actor=admin, record_id=closed.id, result="已办好", at=_at(date(2027, 2, 3), 9))
        loop.follow_up_record(s, actor=admin, record_id=closed.id, satisfaction="satisfied", contact_method="phone",
                              at=_at(date(2027, 2, 3), 10))
        loop.close_record(s, actor=admin, record_id=closed.id, at=_at(date(2027, 2, 3), 11))
        open_ = visits.create_record(s, actor=admin, category_code="agency_service", summary="代办医保报销",
                                     walk_in_name="张三", received_at=_at(date(2027, 2, 5), 9))
    team_id, vids = make_team(engine, admin, members=14, leaders=5, today=date(2027, 1, 1))
    with session_scope(engine) as s:
        morning = shifts.templates_of(s, actor=admin, team_id=team_id)[0]
        shifts.update_template(s, actor=admin, template_id=morning.id, starts_at=morning.starts_at, ends_at=morning.ends_at,
                               min_headcount=2, max_headcount=4, holiday_min_headcount=3)
        made = shifts.generate_shifts(s, actor=admin, team_id=team_id, start=FEB[0], end=FEB[-1], today=date(2027, 1, 20))
    assert made == 28 * 3
    # Thursday's morning patrol was worked (a check-in) before anyone thought of the holidays
    with session_scope(engine) as s:
        thursday = s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date == date(2027, 2, 4),
                                              Shift.period == "morning")).one()
        month.save_roster(s, actor=admin, proposal=month.propose_roster(
            s, actor=admin, team_ids=[team_id], start=FEB[0], end=FEB[-1], time_limit=1.0, use_cpsat=False))
        someone = next(iter(month.load_problem(s, team_ids=[team_id], start=FEB[0], end=FEB[-1]).roster[thursday.id]))
        attendance.check_in(s, actor=admin, shift_id=thursday.id, volunteer_id=someone, at=_at(date(2027, 2, 4), 7, 30))
    with session_scope(engine) as s:
        resident = residents.create_resident(s, actor=admin, data=ResidentCreate(
            name="王秀英", birth_date=date(1939, 5, 1), compound="幸福小区", building="1", unit="1", room="301",
            phone="13905510001"))
    rid = make_recipient(engine, admin, resident.id, schedule=weekdays(0, 1, 2, 3, 4), top_up=20000,
                         top_up_day=date(2027, 1, 4))
    with session_scope(engine) as s:  # meals for next week made in advance
        for day in (date(2027, 2, 8), date(2027, 2, 9), date(2027, 2, 15)):
            meal_orders.generate_orders(s, actor=admin, day=day, meals=("lunch",))
    return {"open": open_.id, "closed": closed.id, "team": team_id, "recipient": rid, "worked": thursday.id}


def _due(engine, record_id: int) -> date:
    with session_scope(engine, write=False) as s:
        return s.get(ServiceRecord, record_id).due_at.astimezone().date()


def _shift(engine, team_id: int, day: date, period: str = "morning") -> Shift:
    with session_scope(engine, write=False) as s:
        return s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date == day, Shift.period == period)).one()


def _orders(engine, day: date) -> list[str]:
    with session_scope(engine, write=False) as s:
        return [o.status for o in s.exec(select(MealOrder).where(MealOrder.day == day))]


def test_february_2027_before_and_after_the_notice(engine, admin, february):
    # --- before: Monday to Friday only, and everything that computes a 2027 date knows it --------------
    assert _due(engine, february["open"]) == date(2027, 2, 12)
    with session_scope(engine, write=False) as s:
        assert workdays.years_missing(s, date(2027, 2, 12)) == [2027]
        assert workdays.gap_text([2027]).startswith("The holidays of 2027 are not entered yet")
        sf = _shift(engine, february["team"], date(2027, 2, 8))
        assert not sf.is_holiday and sf.min_headcount == 2 and multiplier_for(s, sf, admin.station_id) == 1.0
    with session_scope(engine) as s:
        result = meal_orders.generate_orders(s, actor=admin, day=date(2027, 2, 10), meals=("lunch",))
        assert result.missing_years == (2027,) and result.created == 1
        s.rollback()  # only looked at
    assert _orders(engine, date(2027, 2, 9)) == [OrderStatus.ORDERED]
    with session_scope(engine, write=False) as s:
        paid = balance(s, february["recipient"])

    # --- the notice, pasted: what it says, and the preview of what moves --------------------------
    with session_scope(engine, write=False) as s:
        notice = administration.read_notice(s, actor=admin, text=NOTICE_2027, year=None)
        assert notice.year == 2027
        assert [d for d, _n in notice.holidays if d.month == 2] == SPRING_FESTIVAL
        assert [d for d, _n in notice.workdays] == [date(2027, 2, 14), date(2027, 2, 20)]
        plan = administration.notice_plan(s, notice)
        preview = administration.preview_calendar_change(s, actor=admin, plan=plan, followers=features.calendar_followers,
                                                         today=date(2027, 2, 5))
    areas = {m.area for m in preview.moves}
    assert areas == {"Desk requests", "Patrols", "Meals"}
    texts = [m.text() for m in preview.moves]
    assert any("due 2027-02-12 → 2027-02-18" in t for t in texts)
    assert "小红帽巡逻队, 2027-02-08: 3 patrol(s) become holiday patrols (春节); at least 2 → 2/3 people; hours ×1 → ×1.5" in texts
    assert any(t.startswith("2027-02-09 (春节): no meals; 1 scheduled meal(s)") for t in texts)
    assert not any("2027-02-04" in t for t in texts)  # nothing moves on a day already past
    assert _due(engine, february["open"]) == date(2027, 2, 12)  # a preview writes nothing

    # --- saved, in one transaction -------------------------------------------------------------------
    with session_scope(engine) as s:
        administration.apply_calendar_change(s, actor=admin, plan=plan, followers=features.calendar_followers,
                                             today=date(2027, 2, 5), expected=preview.fingerprint)
    assert _due(engine, february["open"]) == date(2027, 2, 18)  # 02-14 (Sun) is worked: 14, 15, 16, 17, 18
    assert _due(engine, february["closed"]) == date(2027, 2, 8)  # closed: never moves
    for day in SPRING_FESTIVAL[1:]:  # from 02-07 (today is 02-05)
        sf = _shift(engine, february["team"], day)
        assert sf.is_holiday and sf.holiday_name == "春节" and sf.min_headcount == 3, day
        with session_scope(engine, write=False) as s:
            assert multiplier_for(s, sf, admin.station_id) == 1.5
    assert not _shift(engine, february["team"], date(2027, 2, 14)).is_holiday
    worked = _shift(engine, february["team"], date(2027, 2, 4))
    assert worked.id == february["worked"] and not worked.is_holiday and worked.min_headcount == 2
    assert _orders(engine, date(2027, 2, 8)) == [OrderStatus.CANCELLED]
    assert _orders(engine, date(2027, 2, 9)) == [OrderStatus.CANCELLED]
    assert _orders(engine, date(2027, 2, 15)) == [OrderStatus.ORDERED]
    with session_scope(engine, write=False) as s:
        assert balance(s, february["recipient"]) == paid + 2 * (1500 - 600 + 300)  # two lunches refunded
        cal = WorkCalendar.load(s)
        assert cal.covers_year(2027) and workdays.years_missing(s, date(2027, 2, 12)) == []
        assert cal.add_workdays(date(2027, 2, 5), 5) == date(2027, 2, 18)
        assert cal.is_workday(date(2027, 2, 20)) and not cal.is_workday(date(2027, 2, 13))

    # --- afterwards: meals closed on the holiday, open on the adjusted Saturday; the month again ---------
    with session_scope(engine) as s:
        assert meal_orders.generate_orders(s, actor=admin, day=date(2027, 2, 10), meals=("lunch",)).created == 0
        assert shifts.generate_shifts(s, actor=admin, team_id=february["team"], start=FEB[0], end=FEB[-1],
                                      today=date(2027, 2, 5)) == 0
        assert shifts.sync_with_calendar(s, actor=admin, cal=WorkCalendar.load(s), today=date(2027, 2, 5), apply=False,
                                         shifts=list(s.exec(select(Shift)))) == []
        proposal = month.propose_roster(s, actor=admin, team_ids=[february["team"]], start=FEB[0], end=FEB[-1],
                                        time_limit=1.0, use_cpsat=False, keep_before=date(2027, 2, 5))
        held = {sid: len(v) for sid, v in proposal.roster.items()}
        sf = _shift(engine, february["team"], date(2027, 2, 10))
        assert held[sf.id] >= 3  # the holiday headcount is what the solver fills


def test_a_stale_preview_is_refused_and_nothing_is_written(engine, admin, february):
    with session_scope(engine, write=False) as s:
        plan = administration.notice_plan(s, administration.read_notice(s, actor=admin, text=NOTICE_2027, year=2027))
        preview = administration.preview_calendar_change(s, actor=admin, plan=plan, followers=features.calendar_followers,
                                                         today=date(2027, 2, 5))
    with session_scope(engine) as s:  # another request arrives after the preview was shown
        visits.create_record(s, actor=admin, category_code="agency_service", summary="代办", walk_in_name="王五",
                             received_at=_at(date(2027, 2, 5), 9, 30))
    with pytest.raises(ConflictError, match="changed since the preview"), session_scope(engine) as s:
        administration.apply_calendar_change(s, actor=admin, plan=plan, followers=features.calendar_followers,
                                             today=date(2027, 2, 5), expected=preview.fingerprint)
    assert _due(engine, february["open"]) == date(2027, 2, 12)
    with session_scope(engine, write=False) as s:
        assert not WorkCalendar.load(s).covers_year(2027)


def test_removing_a_holiday_brings_deadlines_back_and_unmarks_future_shifts(engine, admin, february):
    with session_scope(engine) as s:
        administration.enter_notice(s, actor=admin, text=NOTICE_2027, followers=features.calendar_followers,
                                    today=date(2027, 2, 5))
    assert _due(engine, february["open"]) == date(2027, 2, 18)
    with session_scope(engine) as s:  # the station corrects one day: 02-12 is an ordinary Friday after all
        preview = administration.apply_calendar_change(
            s, actor=admin, plan=administration.day_plan(date(2027, 2, 12), None), followers=features.calendar_followers,
            today=date(2027, 2, 5))
    assert [d.day for d in preview.change.days] == [date(2027, 2, 12)]
    assert _due(engine, february["open"]) == date(2027, 2, 17)
    assert not _shift(engine, february["team"], date(2027, 2, 12)).is_holiday
    assert _shift(engine, february["team"], date(2027, 2, 12)).min_headcount == 2
    with pytest.raises(ConflictError, match="Nothing to change"), session_scope(engine) as s:
        administration.apply_calendar_change(s, actor=admin, plan=administration.day_plan(date(2027, 2, 12), None),
                                             followers=features.calendar_followers, today=date(2027, 2, 5))


def test_days_past_and_worked_shifts_never_move(engine, admin, february):
    """The notice entered late, on Mon 02-08: the weekend's patrols happened as ordinary ones and stay so."""
    with session_scope(engine) as s:
        administration.enter_notice(s, actor=admin, text=NOTICE_2027, followers=features.calendar_followers,
                                    today=date(2027, 2, 8) + timedelta(days=0))
    for day in (date(2027, 2, 6), date(2027, 2, 7)):
        assert not _shift(engine, february["team"], day).is_holiday
    assert _shift(engine, february["team"], date(2027, 2, 8)).is_holiday
    assert _orders(engine, date(2027, 2, 8)) == [OrderStatus.ORDERED]  # today's meals are in the kitchen already
    assert _orders(engine, date(2027, 2, 9)) == [OrderStatus.CANCELLED]


def _refunds(engine, day: date) -> int:
    from desktop_app.meals.models import LedgerKind, MealLedgerEntry

    with session_scope(engine, write=False) as s:
        return len(s.exec(select(MealLedgerEntry).join(MealOrder, MealOrder.id == MealLedgerEntry.order_id)
                          .where(MealOrder.day == day, MealLedgerEntry.kind == LedgerKind.REFUND)).all())


def _at_the_same_time(engine, first, second) -> list:
    """``first`` in a transaction; ``second`` on another connection (another PC) while the first has not committed
    (PostgreSQL: it starts, runs until it waits for the first's lock, then the first commits) — on SQLite, whose
    writers queue (BEGIN IMMEDIATE), after it. What the second returned or the ConflictError it raised."""
    import threading

    from tests.rosters.test_hours import _until_waiting_on_a_lock

    outcome: list = []

    def other_pc() -> None:
        try:
            with session_scope(engine) as s:
                outcome.append(second(s))
        except ConflictError as exc:
            outcome.append(exc.text())

    thread = threading.Thread(target=other_pc)
    postgres = engine.dialect.name == "postgresql"
    with session_scope(engine) as s:
        first(s)
        if postgres:
            thread.start()
            _until_waiting_on_a_lock(engine, thread)
    if not postgres:
        thread.start()
    thread.join()
    return outcome


def test_a_meal_cancelled_by_hand_while_the_notice_is_saved_is_refunded_once(engine, admin, february):
    """The meals desk cancels Monday's lunch (02-08) as the administrator saves the notice that closes the canteen
    that day: the meal is refunded once (the ledger is append-only: a second refund could not be taken back), and
    whoever comes second is told it is cancelled already."""
    with session_scope(engine, write=False) as s:
        (monday,) = [o.id for o in s.exec(select(MealOrder).where(MealOrder.day == date(2027, 2, 8)))]
    outcome = _at_the_same_time(
        engine, lambda s: administration.enter_notice(s, actor=admin, text=NOTICE_2027, followers=features.calendar_followers,
                                                      today=date(2027, 2, 5)),
        lambda s: meal_orders.cancel_order(s, actor=admin, order_id=monday, now=_at(date(2027, 2, 5), 10)))
    assert outcome == ["This meal is already cancelled."]
    assert _orders(engine, date(2027, 2, 8)) == [OrderStatus.CANCELLED] and _refunds(engine, date(2027, 2, 8)) == 1
    assert _orders(engine, date(2027, 2, 9)) == [OrderStatus.CANCELLED] and _refunds(engine, date(2027, 2, 9)) == 1


def test_two_administrators_saving_the_notice_at_once_save_it_once(engine, admin, february):
    def save(s):
        return administration.enter_notice(s, actor=admin, text=NOTICE_2027, followers=features.calendar_followers,
                                           today=date(2027, 2, 5)).change.days

    outcome = _at_the_same_time(engine, save, save)
    assert outcome == ["Nothing to change: the calendar already says this."]
    assert _due(engine, february["open"]) == date(2027, 2, 18)
    assert _refunds(engine, date(2027, 2, 8)) == 1 and _refunds(engine, date(2027, 2, 9)) == 1
