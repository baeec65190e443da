"""The day's work: schedules, pauses, holidays, idempotent generation, late changes, kitchen sheet, routes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.meals.accounts import balance
from desktop_app.meals.deliveries import (
    assign_route,
    day_view,
    delivery_volunteers,
    record_outcome,
    routes,
    serve_dine_in,
)
from desktop_app.meals.models import MealLedgerEntry, MealOrder, MealRecipientBase
from desktop_app.meals.orders import add_order, cancel_order, day_orders, generate_orders, kitchen_sheet
from desktop_app.meals.recipients import add_pause, list_recipients, update_recipient
from desktop_app.meals.samples import discard_sample, keep_sample, list_samples

from .helpers import LABOUR_DAY, MONDAY, every_day, local, make_recipient, weekdays


def _count(engine, model, *where):
    with session_scope(engine, write=False) as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def _generate(engine, actor, day, meals=("lunch",)):
    with session_scope(engine) as s:
        return generate_orders(s, actor=actor, day=day, meals=meals)


def test_schedule_decides_who_gets_a_meal_on_which_weekday(engine, admin, people):
    mon_wed = make_recipient(engine, admin, people["王秀英"], schedule=weekdays(0, 2), top_up=50000)
    every = make_recipient(engine, admin, people["李建国"], schedule=every_day("lunch", "dinner"), top_up=50000)
    res = _generate(engine, admin, MONDAY + timedelta(days=1), meals=("lunch", "dinner"))  # Tuesday
    assert res.created == 2
    with session_scope(engine, write=False) as s:
        rows = day_orders(s, actor=admin, day=MONDAY + timedelta(days=1))
    assert {(r.recipient_id, r.meal) for r in rows} == {(every, "lunch"), (every, "dinner")}
    res = _generate(engine, admin, MONDAY + timedelta(days=2), meals=("lunch",))  # Wednesday
    assert res.created == 2
    with session_scope(engine, write=False) as s:
        assert {r.recipient_id for r in day_orders(s, actor=admin, day=MONDAY + timedelta(days=2))} == {mon_wed, every}


def test_generation_is_idempotent_and_charges_once(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=10000)
    first = _generate(engine, admin, MONDAY)
    second = _generate(engine, admin, MONDAY)
    assert (first.created, second.created, second.existing) == (1, 0, 1)
    assert _count(engine, MealOrder) == 1
    assert _count(engine, MealLedgerEntry, MealLedgerEntry.kind == "charge") == 1
    with session_scope(engine, write=False) as s:
        # 86 years old: lunch 15.00 − 85+ subsidy 6.00 + delivery 3.00 = 12.00
        assert balance(s, rid) == 10000 - 1200


def test_a_cancelled_meal_is_not_regenerated(engine, admin, people):
    make_recipient(engine, admin, people["王秀英"], top_up=10000)
    _generate(engine, admin, MONDAY)
    with session_scope(engine) as s:
        order = s.exec(select(MealOrder)).one()
        cancel_order(s, actor=admin, order_id=order.id, now=local(MONDAY, 7))
    again = _generate(engine, admin, MONDAY)
    assert again.created == 0 and again.existing == 1
    with session_scope(engine, write=False) as s:
        assert s.exec(select(MealOrder)).one().status == "cancelled"


def test_pause_stops_orders_only_on_its_days_and_ends_by_itself(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=50000)
    with session_scope(engine) as s:
        add_pause(s, actor=admin, recipient_id=rid, start=MONDAY, end=MONDAY + timedelta(days=2), reason="hospital")
    for offset, expected in [(0, 0), (1, 0), (2, 0), (3, 1)]:
        res = _generate(engine, admin, MONDAY + timedelta(days=offset))
        assert res.created == expected, offset
    with session_scope(engine, write=False) as s:
        rows = list_recipients(s, actor=admin, today=MONDAY + timedelta(days=1))
        assert rows[0].effective_status == "paused" and rows[0].paused_until == MONDAY + timedelta(days=2)
        rows = list_recipients(s, actor=admin, today=MONDAY + timedelta(days=3))
        assert rows[0].effective_status == "active"


def test_pause_ending_before_it_starts_is_refused_and_nothing_written(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"])
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        add_pause(s, actor=admin, recipient_id=rid, start=MONDAY, end=MONDAY - timedelta(days=1), reason="away")
    assert "before the pause starts" in str(err.value)
    from desktop_app.meals.models import MealPause

    assert _count(engine, MealPause) == 0


def test_statutory_holiday_generates_nothing(engine, admin, people):
    make_recipient(engine, admin, people["王秀英"], top_up=50000)
    res = _generate(engine, admin, LABOUR_DAY)
    assert res.holiday == "劳动节" and res.created == 0
    assert _count(engine, MealOrder) == 0


def test_inactive_statuses_get_no_orders(engine, admin, people):
    make_recipient(engine, admin, people["王秀英"], status="stopped")
    make_recipient(engine, admin, people["李建国"], status="pending")
    assert _generate(engine, admin, MONDAY).created == 0


def test_credit_limit_refuses_the_order_and_lists_the_name(engine, admin, people):
    poor = make_recipient(engine, admin, people["王秀英"], credit=1000)  # 12.00 meal, 10.00 credit
    ok = make_recipient(engine, admin, people["李建国"], credit=2000)
    res = _generate(engine, admin, MONDAY)
    assert res.created == 1 and res.short == ["王秀英"]
    with session_scope(engine, write=False) as s:
        assert balance(s, poor) == 0
        assert balance(s, ok) == -1400  # 76: 15.00 − 4.00 + 3.00


def test_late_changes_before_cutoff_only(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=10000)
    with session_scope(engine) as s:
        order = add_order(s, actor=admin, recipient_id=rid, day=MONDAY, meal="dinner", now=local(MONDAY, 10))
        assert order.source == "manual" and order.charge_fen == 1200 - 600 + 300  # dinner 12 − 6 + 3
    with pytest.raises(ConflictError) as err, session_scope(engine) as s:
        add_order(s, actor=admin, recipient_id=rid, day=MONDAY, meal="lunch", now=local(MONDAY, 9, 30))
    assert "cut-off" in str(err.value)
    with pytest.raises(ConflictError), session_scope(engine) as s:
        cancel_order(s, actor=admin, order_id=order.id, now=local(MONDAY, 15))
    with session_scope(engine) as s:
        cancel_order(s, actor=admin, order_id=order.id, now=local(MONDAY, 14))
        assert balance(s, rid) == 10000  # charged and refunded


def test_kitchen_sheet_counts_meals_and_diets(engine, admin, people):
    make_recipient(engine, admin, people["王秀英"], top_up=50000, low_salt=True, soft=True, avoid="不吃香菜")
    make_recipient(engine, admin, people["李建国"], top_up=50000, low_sugar=True)
    make_recipient(engine, admin, people["张桂兰"], top_up=50000, service_kind="dine_in", halal=True)
    _generate(engine, admin, MONDAY)
    with session_scope(engine, write=False) as s:
        sheet = kitchen_sheet(s, actor=admin, day=MONDAY)
    lunch = sheet.counts["lunch"]
    assert (lunch["total"], lunch["delivery"], lunch["dine_in"]) == (3, 2, 1)
    assert (lunch["low_salt"], lunch["soft"], lunch["low_sugar"], lunch["halal"], lunch["plain"]) == (1, 1, 1, 1, 0)
    assert sheet.avoid["lunch"] == [("王秀英", "不吃香菜")]
    assert sheet.counts["dinner"]["total"] == 0


def test_routes_group_by_compound_in_building_order_with_volunteer(engine, admin, people):
    a = make_recipient(engine, admin, people["李建国"], top_up=50000)  # 幸福小区 2栋
    b = make_recipient(engine, admin, people["王秀英"], top_up=50000)  # 幸福小区 1栋
    c = make_recipient(engine, admin, people["张桂兰"], top_up=50000)  # 阳光花园 12栋
    with session_scope(engine) as s:
        assign_route(s, actor=admin, compound="幸福小区", volunteer_resident_id=people["赵志强"])
    _generate(engine, admin, MONDAY)
    with session_scope(engine, write=False) as s:
        rts = routes(s, actor=admin, day=MONDAY, meal="lunch")
    assert [r.compound for r in rts] == ["幸福小区", "阳光花园"]
    assert [st.recipient_id for st in rts[0].stops] == [b, a]
    assert rts[0].volunteer_name == "赵志强" and rts[0].volunteer_phone == "13905510004"
    assert [st.recipient_id for st in rts[1].stops] == [c] and rts[1].volunteer_name == ""
    with session_scope(engine) as s:
        assert assign_route(s, actor=admin, compound="阳光花园", volunteer_resident_id=people["赵志强"], day=MONDAY) == 1
        assert routes(s, actor=admin, day=MONDAY, meal="lunch")[1].volunteer_name == "赵志强"
        # the day view hands the orders it read to routes (issue 21: a big day's orders were read twice)
        view = day_view(s, actor=admin, day=MONDAY, meal="lunch")
        assert view.routes == routes(s, actor=admin, day=MONDAY, meal="lunch")


def test_outcome_for_a_meal_not_ordered_is_refused(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"], schedule=weekdays(1), top_up=50000)  # Tuesdays only
    _generate(engine, admin, MONDAY)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        record_outcome(s, actor=admin, recipient_id=rid, day=MONDAY, meal="lunch", outcome="delivered")
    assert "no lunch ordered" in str(err.value)


def test_outcome_cancelled_refunds_and_delivered_keeps_the_time(engine, admin, people):
    a = make_recipient(engine, admin, people["王秀英"], top_up=10000)
    b = make_recipient(engine, admin, people["李建国"], top_up=10000)
    _generate(engine, admin, MONDAY)
    with session_scope(engine) as s:
        record_outcome(s, actor=admin, recipient_id=a, day=MONDAY, meal="lunch", outcome="delivered",
                               at=local(MONDAY, 11, 20))
        record_outcome(s, actor=admin, recipient_id=b, day=MONDAY, meal="lunch", outcome="cancelled")
    with session_scope(engine, write=False) as s:
        rows = {r.recipient_id: r for r in day_orders(s, actor=admin, day=MONDAY)}
        assert rows[a].outcome == "delivered" and rows[a].outcome_at == local(MONDAY, 11, 20)
        assert rows[b].status == "cancelled" and balance(s, b) == 10000
        assert kitchen_sheet(s, actor=admin, day=MONDAY).counts["lunch"]["total"] == 1


def test_dine_in_check_in_serves_or_orders_on_the_spot(engine, admin, people):
    rid = make_recipient(engine, admin, people["张桂兰"], service_kind="dine_in", schedule=0, top_up=5000)
    with session_scope(engine) as s:
        order = serve_dine_in(s, actor=admin, resident_id=people["张桂兰"], at=local(MONDAY, 11, 30))
        assert (order.meal, order.source, order.outcome, order.day) == ("lunch", "walk_in", "served", MONDAY)
        assert balance(s, rid) == 5000 - 500  # 15.00 − 10.00 hardship subsidy, no delivery fee
    with pytest.raises(ConflictError) as err, session_scope(engine) as s:
        serve_dine_in(s, actor=admin, resident_id=people["张桂兰"], at=local(MONDAY, 11, 45))
    assert "already served" in str(err.value)
    with pytest.raises(ConflictError), session_scope(engine) as s:
        serve_dine_in(s, actor=admin, resident_id=people["赵志强"], at=local(MONDAY, 11, 45))


def test_food_sample_kept_48_hours(engine, admin):
    with session_scope(engine) as s:
        sample = keep_sample(s, actor=admin, day=MONDAY, meal="lunch", dishes="红烧鱼 青菜 米饭",
                                     kept_by="刘师傅", at=local(MONDAY, 11))
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        discard_sample(s, actor=admin, sample_id=sample.id, discarded_by="刘师傅", at=local(MONDAY, 20))
    assert "48 hours" in str(err.value)
    with session_scope(engine) as s:
        done = discard_sample(s, actor=admin, sample_id=sample.id, discarded_by="陈阿姨",
                                      at=local(MONDAY + timedelta(days=2), 11, 5))
        assert done.discarded_by == "陈阿姨"
        listed = list_samples(s, actor=admin, since=MONDAY)
        assert listed[0].kept_by == "刘师傅" and listed[0].discarded_at is not None


def test_active_delivery_recipient_needs_a_schedule(engine, admin, people):
    with pytest.raises(ValidationError), session_scope(engine) as s:
        make_recipient(engine, admin, people["王秀英"], schedule=0)
    rid = make_recipient(engine, admin, people["王秀英"])
    with pytest.raises(ConflictError):
        make_recipient(engine, admin, people["王秀英"])
    with session_scope(engine) as s:
        rec = update_recipient(s, actor=admin, recipient_id=rid, data=MealRecipientBase(
            status="active", service="delivery", schedule=every_day("dinner"), delivery_notes="耳背，请用力敲门"))
        assert rec.delivery_notes == "耳背，请用力敲门"


def test_delivery_volunteers_come_from_meal_delivery_teams(engine, admin, people):
    from desktop_app.rosters.models import Team, TeamMember, Volunteer

    with session_scope(engine) as s:
        meal_team = Team(name="送餐队", kind="meal_delivery")
        patrol = Team(name="小红帽巡逻队", kind="patrol")
        v1 = Volunteer(resident_id=people["赵志强"])
        v2 = Volunteer(resident_id=people["张桂兰"])
        s.add_all([meal_team, patrol, v1, v2])
        s.flush()
        s.add_all([TeamMember(team_id=meal_team.id, volunteer_id=v1.id), TeamMember(team_id=patrol.id, volunteer_id=v2.id)])
    with session_scope(engine, write=False) as s:
        vols = delivery_volunteers(s, actor=admin)
    assert [(v.name, v.phone) for v in vols] == [("赵志强", "13905510004")]
