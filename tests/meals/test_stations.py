"""Several stations on one database: staff see their station's meals, a sub-district administrator
sees all of them and the figures roll up (docs/postgres.md §5). Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from desktop_app import residents as residents
from desktop_app.core.auth import Actor, Role
from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound, ValidationError
from desktop_app.core.models import Station
from desktop_app.meals.accounts import all_balances, balance, ledger_page, top_up
from desktop_app.meals.deliveries import record_outcome, routes
from desktop_app.meals.models import FoodSample, MealOrder
from desktop_app.meals.orders import cancel_order, day_orders, generate_orders, kitchen_sheet
from desktop_app.meals.recipients import get_recipient, list_pauses, list_recipients, recipient_for_resident
from desktop_app.meals.samples import discard_sample, keep_sample, list_samples
from desktop_app.meals.statements import claim_details, month_statements, statement, subsidy_claim
from desktop_app.meals.welfare import record_attempt, welfare_checks
from desktop_app.residents.models import ResidentCreate

from .helpers import MONDAY, local, make_recipient


@pytest.fixture
def two_stations(engine, admin, people):
    """Station A (the admin's, with the ``people`` fixture) and station B with one recipient."""
    with session_scope(engine) as s:
        b = Station(name="琥珀社区党群服务中心", code="HP")
        s.add(b)
        s.flush()
        b_id = b.id
    staff_b = Actor(admin.id, "hp-admin", "琥珀站长", Role.ADMIN, b_id)
    office = Actor(admin.id, "office", "街道", Role.ADMIN, None)
    with session_scope(engine) as s:
        far = residents.create_resident(s, actor=staff_b, data=ResidentCreate(
            name="钱玉珍", birth_date=date(1938, 3, 3), compound="琥珀山庄", building="5", room="202",
            phone="13905519999", emergency_contact="钱小林", emergency_phone="13800000009"))
        far_id = far.id
    a_rec = make_recipient(engine, admin, people["王秀英"], top_up=50000)
    b_rec = make_recipient(engine, staff_b, far_id, top_up=50000)
    return {"a": admin, "b": staff_b, "office": office, "a_rec": a_rec, "b_rec": b_rec, "b_resident": far_id}


def test_each_station_runs_its_own_day_and_the_office_sees_the_roll_up(engine, two_stations):
    t = two_stations
    with session_scope(engine) as s:
        assert generate_orders(s, actor=t["a"], day=MONDAY, meals=("lunch",)).created == 1
    with session_scope(engine) as s:  # station B's own run: only its recipient
        assert generate_orders(s, actor=t["b"], day=MONDAY, meals=("lunch",)).created == 1
    with session_scope(engine, write=False) as s:
        assert {r.recipient_id for r in day_orders(s, actor=t["a"], day=MONDAY)} == {t["a_rec"]}
        assert {r.recipient_id for r in day_orders(s, actor=t["b"], day=MONDAY)} == {t["b_rec"]}
        assert {r.recipient_id for r in day_orders(s, actor=t["office"], day=MONDAY)} == {t["a_rec"], t["b_rec"]}
        assert kitchen_sheet(s, actor=t["a"], day=MONDAY).counts["lunch"]["total"] == 1
        assert kitchen_sheet(s, actor=t["office"], day=MONDAY).counts["lunch"]["total"] == 2
        assert [r.compound for r in routes(s, actor=t["b"], day=MONDAY, meal="lunch")] == ["琥珀山庄"]
        assert [r.id for r in list_recipients(s, actor=t["a"])] == [t["a_rec"]]
        assert {r.id for r in list_recipients(s, actor=t["office"])} == {t["a_rec"], t["b_rec"]}
        assert set(all_balances(s, actor=t["a"])) == {t["a_rec"]}
        assert set(all_balances(s, actor=t["office"])) == {t["a_rec"], t["b_rec"]}
        a_claim = subsidy_claim(s, actor=t["a"], year=MONDAY.year, month=MONDAY.month)
        b_claim = subsidy_claim(s, actor=t["b"], year=MONDAY.year, month=MONDAY.month)
        all_claim = subsidy_claim(s, actor=t["office"], year=MONDAY.year, month=MONDAY.month)
        assert all_claim.total_fen == a_claim.total_fen + b_claim.total_fen > a_claim.total_fen > 0
        assert [d.recipient_id for d in claim_details(s, actor=t["b"], year=MONDAY.year, month=MONDAY.month)] == [t["b_rec"]]
        assert [x.recipient_id for x in month_statements(s, actor=t["a"], year=MONDAY.year, month=MONDAY.month)] == [t["a_rec"]]


def test_staff_cannot_reach_another_stations_recipient_order_or_check(engine, two_stations):
    t = two_stations
    with session_scope(engine) as s:
        generate_orders(s, actor=t["office"], day=MONDAY, meals=("lunch",))
        record_outcome(s, actor=t["b"], recipient_id=t["b_rec"], day=MONDAY, meal="lunch", outcome="not_home",
                               at=local(MONDAY, 11, 30))
    with session_scope(engine, write=False) as s:
        b_order = s.exec(select(MealOrder).where(MealOrder.recipient_id == t["b_rec"])).one()
        assert [c.recipient_id for c in welfare_checks(s, actor=t["a"])] == []
        checks = welfare_checks(s, actor=t["office"])
        assert [c.recipient_id for c in checks] == [t["b_rec"]]
    reach = [
        lambda s: get_recipient(s, actor=t["a"], recipient_id=t["b_rec"]),
        lambda s: ledger_page(s, actor=t["a"], recipient_id=t["b_rec"]),
        lambda s: list_pauses(s, actor=t["a"], recipient_id=t["b_rec"]),
        lambda s: top_up(s, actor=t["a"], recipient_id=t["b_rec"], amount="10", method="cash", receipt_no="X"),
        lambda s: cancel_order(s, actor=t["a"], order_id=b_order.id, now=local(MONDAY, 7)),
        lambda s: record_attempt(s, actor=t["a"], check_id=checks[0].id, target="recipient", result="answered"),
        lambda s: statement(s, actor=t["a"], recipient_id=t["b_rec"], year=MONDAY.year, month=MONDAY.month),
    ]
    for call in reach:
        with pytest.raises(NotFound), session_scope(engine) as s:
            call(s)
    with session_scope(engine, write=False) as s:  # nothing was written by the refused calls
        assert balance(s, t["b_rec"]) == 50000 - b_order.charge_fen
        assert recipient_for_resident(s, actor=t["a"], resident_id=t["b_resident"]) is None
    with pytest.raises(ValidationError), session_scope(engine) as s:  # nor enrol B's resident from station A
        make_recipient(engine, t["a"], t["b_resident"])


def test_food_samples_belong_to_the_canteen_that_kept_them(engine, two_stations):
    t = two_stations
    with session_scope(engine) as s:
        a = keep_sample(s, actor=t["a"], day=MONDAY, meal="lunch", dishes="红烧鱼", kept_by="王师傅",
                                at=local(MONDAY, 11))
        b = keep_sample(s, actor=t["b"], day=MONDAY, meal="lunch", dishes="清蒸鸡", kept_by="钱师傅",
                                at=local(MONDAY, 11))
        assert (a.station_id, b.station_id) == (t["a"].station_id, t["b"].station_id)
    with session_scope(engine, write=False) as s:
        assert [x.id for x in list_samples(s, actor=t["a"], since=MONDAY)] == [a.id]
        assert {x.id for x in list_samples(s, actor=t["office"], since=MONDAY)} == {a.id, b.id}
    with pytest.raises(NotFound), session_scope(engine) as s:
        discard_sample(s, actor=t["a"], sample_id=b.id, discarded_by="王师傅", at=local(MONDAY.replace(day=5), 12))
    with session_scope(engine, write=False) as s:
        assert s.get(FoodSample, b.id).discarded_at is None
