"""Demo data is consistent: no meals on holidays or in pauses, every charge points at its order,
balances equal ledger sums, not-home meals have welfare checks (only today's stays open)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.core.progress import NO_PROGRESS
from desktop_app.core.workdays import WorkCalendar
from desktop_app.meals import demo
from desktop_app.meals.accounts import balances
from desktop_app.meals.models import MealLedgerEntry, MealOrder, MealPause, MealRecipient, WelfareCheck


def _check(engine, admin, end):
    with session_scope(engine, write=False) as s:
        cal = WorkCalendar.load(s)
        orders = s.exec(select(MealOrder.id, MealOrder.day, MealOrder.recipient_id, MealOrder.outcome, MealOrder.status,
                               MealOrder.price_fen, MealOrder.subsidy_fen, MealOrder.delivery_fee_fen)).all()
        assert orders
        assert not [o for o in orders if cal.is_holiday(o[1])]
        pauses = s.exec(select(MealPause.recipient_id, MealPause.start_day, MealPause.end_day)).all()
        for rid, a, b in pauses:
            assert not [o for o in orders if o[2] == rid and a <= o[1] <= b]
        charges = dict(s.exec(select(MealLedgerEntry.order_id, MealLedgerEntry.amount_fen)
                              .where(MealLedgerEntry.kind == "charge")).all())
        for oid, _day, _rid, _outcome, _status, price, subsidy, fee in orders:
            assert charges[oid] == -(price - subsidy + fee)
        full = dict(s.exec(select(MealLedgerEntry.recipient_id, func.sum(MealLedgerEntry.amount_fen))
                           .group_by(MealLedgerEntry.recipient_id)).all())
        assert balances(s) == full
        not_home = {o[0] for o in orders if o[3] == "not_home"}
        checks = s.exec(select(WelfareCheck.order_id, WelfareCheck.closed_at, WelfareCheck.day)).all()
        assert {c[0] for c in checks} == not_home
        assert [c[2] for c in checks if c[1] is None] == [end]


def test_small_demo(engine, admin, people):
    from desktop_app.residents.demo import generate as residents_demo

    residents_demo(engine, scale="small", seed=3, progress=NO_PROGRESS)
    demo.generate(engine, scale="small", seed=3, progress=NO_PROGRESS)
    with session_scope(engine, write=False) as s:
        n = s.exec(select(func.count()).select_from(MealRecipient)).one()
    assert 50 <= n <= 60
    _check(engine, admin, date.today())
    demo.generate(engine, scale="small", seed=3, progress=NO_PROGRESS)  # a second run adds nothing
    with session_scope(engine, write=False) as s:
        assert s.exec(select(func.count()).select_from(MealRecipient)).one() == n


def test_history_with_recipients_joining_and_leaving(engine, admin, people):
    from desktop_app.residents.demo import generate as residents_demo

    residents_demo(engine, scale="small", seed=4, progress=NO_PROGRESS)
    with session_scope(engine, write=False) as s:
        ids = [r for r, in s.execute(select(MealRecipient.id)).all()]
        from desktop_app.residents.models import Resident

        elderly = [r for r, in s.execute(select(Resident.id).where(Resident.birth_date <= date(1960, 1, 1))).all()][:40]
    assert not ids
    end = date(2026, 5, 20)
    demo.populate(engine, elderly, start=end - timedelta(days=200), end=end, rng=random.Random(1), spread=True,
                  leave_today_open=True)
    _check(engine, admin, end)
    with session_scope(engine, write=False) as s:
        statuses = set(s.exec(select(MealRecipient.status)).all())
    assert "active" in statuses


@pytest.mark.parametrize("clock", [(8, 20), (0, 5)])
def test_what_happened_today_happened_before_now(engine, admin, people, clock):
    """The demo made at 08:20 on a working day: no lunch delivered at 11:40, no top-up at 08:50, no food sample
    kept for a dinner not yet cooked; today's open welfare check is there all the same (issue 15 item 5). Made
    five minutes after midnight, what happened today still happened today (it was put the evening before)."""
    from datetime import UTC, datetime, time

    from desktop_app.meals.models import FoodSample, WelfareAttempt
    from desktop_app.residents.demo import generate as residents_demo

    residents_demo(engine, scale="small", seed=4, progress=NO_PROGRESS)
    with session_scope(engine, write=False) as s:
        from desktop_app.residents.models import Resident

        elderly = [r for r, in s.execute(select(Resident.id).where(Resident.birth_date <= date(1960, 1, 1))).all()][:40]
    end = date(2026, 5, 20)  # a Wednesday
    now = datetime.combine(end, time(*clock)).astimezone().astimezone(UTC)
    demo.populate(engine, elderly, start=end - timedelta(days=30), end=end, rng=random.Random(1),
                  leave_today_open=True, now=now)
    _check(engine, admin, end)
    with session_scope(engine, write=False) as s:
        times = [*s.exec(select(MealOrder.outcome_at)).all(), *s.exec(select(MealLedgerEntry.at)).all(),
                 *s.exec(select(WelfareCheck.opened_at)).all(), *s.exec(select(WelfareCheck.closed_at)).all(),
                 *s.exec(select(WelfareAttempt.at)).all(), *s.exec(select(FoodSample.kept_at)).all()]
    later = [t for t in times if t is not None and t.replace(tzinfo=UTC) > now]
    assert not later
    with session_scope(engine, write=False) as s:
        today = [*s.exec(select(MealOrder.outcome_at).where(MealOrder.day == end)).all(),
                 *s.exec(select(MealLedgerEntry.at).where(MealLedgerEntry.day == end)).all()]
    assert [t for t in today if t is not None] and not [
        t for t in today if t is not None and t.replace(tzinfo=UTC).astimezone().date() != end]
    with session_scope(engine, write=False) as s:
        lunches = s.exec(select(MealOrder.outcome).where(MealOrder.day == end, MealOrder.meal == "lunch")).all()
    assert lunches and not {"delivered", "served", "refused"} & set(lunches)  # lunch is at 11
