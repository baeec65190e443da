"""Subsidy tiers on the meal date: best tier, tiers changing mid-month, birthdays, statements and the claim."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.core.db import session_scope
from desktop_app.meals.deliveries import record_outcome
from desktop_app.meals.orders import generate_orders
from desktop_app.meals.rates import Rates, set_tier
from desktop_app.meals.statements import month_statements, statement, subsidy_claim

from .helpers import make_recipient


def _march(engine, admin):
    day = date(2026, 3, 1)
    while day.month == 3:
        with session_scope(engine) as s:
            generate_orders(s, actor=admin, day=day, meals=("lunch",))
        day += timedelta(days=1)


def test_best_tier_is_the_highest_subsidy_they_qualify_for(engine, admin):
    with session_scope(engine, write=False) as s:
        rates = Rates.load(s)
    d = date(2026, 3, 2)
    assert rates.best_tier(d, birth_date=date(1939, 5, 1), hardship=False).code == "age_85"
    assert rates.best_tier(d, birth_date=date(1960, 1, 10), hardship=True).code == "hardship"
    assert rates.best_tier(d, birth_date=date(1990, 1, 1), hardship=False) is None
    assert rates.best_tier(d, birth_date=date(1990, 1, 1), hardship=False, granted="age_60").code == "age_60"
    assert rates.best_tier(d, birth_date=date(1939, 5, 1), hardship=False, granted="none") is None
    # the reference data raises 75–84 from 4.00 to 5.00 on 2026-07-01
    assert rates.best_tier(date(2026, 6, 30), birth_date=date(1949, 8, 1), hardship=False).subsidy_fen == 400
    assert rates.best_tier(date(2026, 7, 1), birth_date=date(1949, 8, 1), hardship=False).subsidy_fen == 500


def test_tier_changing_mid_month_bills_each_day_at_its_own_rate(engine, admin, people):
    with session_scope(engine) as s:
        set_tier(s, actor=admin, code="age_75", name="75–84岁", effective_from=date(2026, 3, 16),
                         subsidy="4.50", funding_source="区级财政", min_age=75, max_age=84)
    rid = make_recipient(engine, admin, people["李建国"], top_up=100000)
    _march(engine, admin)
    with session_scope(engine, write=False) as s:
        st = statement(s, actor=admin, recipient_id=rid, year=2026, month=3)
        claim = subsidy_claim(s, actor=admin, year=2026, month=3)
    assert len(st.meals) == 31
    # 1–15 March at 4.00 subsidy (charge 14.00), 16–31 March at 4.50 (charge 13.50)
    assert st.charged_fen == 15 * 1400 + 16 * 1350
    assert st.subsidy_fen == 15 * 400 + 16 * 450
    assert (st.opening_fen, st.closing_fen) == (0, 100000 - st.charged_fen)
    lines = [(x.code, x.subsidy_fen, x.meals, x.amount_fen) for x in claim.lines]
    assert lines == [("age_75", 400, 15, 6000), ("age_75", 450, 16, 7200)]
    assert claim.total_fen == 13200 and claim.by_source() == {"区级财政": 13200}


def test_birthday_mid_month_moves_to_the_next_tier_that_day(engine, admin, people):
    from desktop_app import residents as residents
    from desktop_app.residents.models import ResidentCreate

    with session_scope(engine) as s:
        r = residents.create_resident(s, actor=admin, data=ResidentCreate(
            name="孙德胜", birth_date=date(1951, 3, 20), compound="幸福小区", building="5", room="202"))
    rid = make_recipient(engine, admin, r.id, top_up=100000)
    _march(engine, admin)
    with session_scope(engine, write=False) as s:
        st = statement(s, actor=admin, recipient_id=rid, year=2026, month=3)
        claim = subsidy_claim(s, actor=admin, year=2026, month=3)
    by_day = {m.day.day: m.subsidy_fen for m in st.meals}
    assert by_day[19] == 200 and by_day[20] == 400  # 74 → 75 on 20 March
    assert {(x.code, x.meals) for x in claim.lines} == {("age_60", 19), ("age_75", 12)}


def test_cancelled_meals_are_not_claimed_and_statement_shows_refund(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=50000)
    _march(engine, admin)
    with session_scope(engine) as s:
        record_outcome(s, actor=admin, recipient_id=rid, day=date(2026, 3, 10), meal="lunch", outcome="cancelled")
    with session_scope(engine, write=False) as s:
        st = statement(s, actor=admin, recipient_id=rid, year=2026, month=3)
        claim = subsidy_claim(s, actor=admin, year=2026, month=3)
        april = statement(s, actor=admin, recipient_id=rid, year=2026, month=4)
    assert [e.kind for e in st.entries].count("refund") == 1
    assert st.charged_fen == 30 * 1200
    assert claim.lines[0].meals == 30 and claim.lines[0].code == "age_85"
    assert april.opening_fen == st.closing_fen == 50000 - 30 * 1200


def test_month_statements_cover_everyone_with_activity(engine, admin, people):
    make_recipient(engine, admin, people["王秀英"], top_up=50000)
    make_recipient(engine, admin, people["李建国"], top_up=50000)
    make_recipient(engine, admin, people["张桂兰"])  # no money, no meals (credit 0): no statement
    _march(engine, admin)
    seen = []
    with session_scope(engine, write=False) as s:
        from desktop_app.core.progress import Progress

        out = month_statements(s, actor=admin, year=2026, month=3, progress=Progress(lambda d, t, _l: seen.append((d, t))))
    assert sorted(x.name for x in out) == ["李建国", "王秀英"]
    assert seen[-1] == (2, 2)
