"""Stamp ledger: awards, idempotency, caps, corrections, redemption, replacement, honours, month totals."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.models import AuditEntry
from desktop_app.passports import activities, cards, codes, honours, kiosk, rewards, stamps
from desktop_app.passports import settings as passport_settings
from desktop_app.passports.models import (
    Activity,
    ActivityCreate,
    HonourAward,
    Reward,
    RewardCreate,
    StampEntry,
)

from .conftest import TODAY


def count(engine, model=StampEntry) -> int:
    with session_scope(engine, write=False) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def new_activity(engine, admin, **kw):
    data = dict(name="社区议事会", category="议事", kind="once", start_date=TODAY, stamps=1)
    data.update(kw)
    with session_scope(engine) as s:
        return activities.create_activity(s, actor=admin, data=ActivityCreate(**data))


def test_kiosk_scan_stamps_once_and_second_scan_awards_nothing(engine, admin, passport, activity):
    with session_scope(engine) as s:
        first = kiosk.kiosk_check_in(s, actor=admin, code=passport.number, activity_id=activity.id, today=TODAY)
    with session_scope(engine) as s:
        second = kiosk.kiosk_check_in(s, actor=admin, code=passport.number, activity_id=activity.id, today=TODAY)
    assert (first.awarded, first.already) == (2, False)
    assert (second.awarded, second.already) == (0, True)
    assert count(engine) == 1
    with session_scope(engine, write=False) as s:
        assert stamps.balance(s, passport.resident_id) == 2
        entry = s.exec(select(StampEntry)).one()
        assert (entry.place, entry.passport_id, entry.actor_name, entry.kind) == ("kiosk", passport.id, "admin", "award")
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "stamp")).one().entity_id == str(entry.id)


def test_unique_constraint_catches_a_race_the_precheck_missed(engine, admin, passport, activity, monkeypatch):
    """If another writer slipped in between check and insert, the database constraint still says no."""
    with session_scope(engine) as s:
        stamps.award_stamp(s, actor=admin, resident_id=passport.resident_id, activity_id=activity.id, today=TODAY)
    monkeypatch.setattr(stamps, "_existing_award", lambda *a, **k: None)
    monkeypatch.setattr(stamps, "_check_caps", lambda *a, **k: None)
    audits = count(engine, AuditEntry)
    with session_scope(engine) as s:
        again = stamps.award_stamp(s, actor=admin, resident_id=passport.resident_id, activity_id=activity.id, today=TODAY)
    assert again.already and again.awarded == 0
    assert count(engine) == 1
    assert count(engine, AuditEntry) == audits  # nothing written
    with session_scope(engine, write=False) as s:
        assert stamps.month_totals_match_ledger(s)


def test_refusals_write_nothing(engine, admin, passport, activity, residents):
    before = (count(engine), count(engine, AuditEntry))
    cases = [
        ("12345", ValidationError, "has 5 digits"),
        (passport.number[:-1] + str((int(passport.number[-1]) + 1) % 10), ValidationError, "check digit"),
        ("abc\t123", ValidationError, "only digits"),
        (codes.make_number("100000000"), NotFound, "No passport has the number"),
    ]
    for code, exc_type, phrase in cases:
        with pytest.raises(exc_type) as exc, session_scope(engine) as s:
            kiosk.kiosk_check_in(s, actor=admin, code=code, activity_id=activity.id, today=TODAY)
        assert phrase in exc.value.english(), code
    with pytest.raises(ValidationError) as exc, session_scope(engine) as s:
        kiosk.kiosk_check_in(s, actor=admin, code=passport.number, activity_id=activity.id, today=TODAY + timedelta(days=1))
    assert "does not take place today" in exc.value.english()
    assert (count(engine), count(engine, AuditEntry)) == before


def test_lost_and_replaced_numbers_are_refused_and_stamps_carry_over(engine, admin, passport, activity):
    with session_scope(engine) as s:
        kiosk.kiosk_check_in(s, actor=admin, code=passport.number, activity_id=activity.id, today=TODAY)
        cards.report_lost(s, actor=admin, passport_id=passport.id, reason="丢在公交车上")
    with pytest.raises(ConflictError) as exc, session_scope(engine) as s:
        kiosk.lookup_card(s, actor=admin, code=passport.number, today=TODAY)
    assert "reported lost" in exc.value.english()
    with session_scope(engine, write=False) as s:
        assert cards.resolve_code(s, passport.number) is None
    with session_scope(engine) as s:
        new = cards.replace_passport(s, actor=admin, passport_id=passport.id, today=TODAY, rng=random.Random(9))
    assert new.number != passport.number
    with pytest.raises(ConflictError) as exc, session_scope(engine) as s:
        kiosk.lookup_card(s, actor=admin, code=passport.number, today=TODAY)
    assert "replaced by a newer card" in exc.value.english()
    with session_scope(engine, write=False) as s:
        card = kiosk.lookup_card(s, actor=admin, code=new.number, today=TODAY)
        assert cards.resolve_code(s, new.number) == passport.resident_id
        assert cards.resolve_code(s, " " + codes.display(new.number) + " ") == passport.resident_id
    assert card.balance == 2 and card.earned == 2  # carried over
    # The new card cannot be stamped again for the same activity on the same day.
    with session_scope(engine) as s:
        again = kiosk.kiosk_check_in(s, actor=admin, code=new.number, activity_id=activity.id, today=TODAY)
    assert again.already and count(engine) == 1
    with pytest.raises(ConflictError), session_scope(engine) as s:
        cards.issue_passport(s, actor=admin, resident_id=passport.resident_id)


def test_caps_visits_daily_and_capacity(engine, admin, residents):
    with session_scope(engine) as s:
        p = [cards.issue_passport(s, actor=admin, resident_id=r, today=TODAY, rng=random.Random(r)) for r in residents]
    weekly = new_activity(engine, admin, name="助老探访", kind="daily", end_date=TODAY + timedelta(days=30), max_visits=2)
    with session_scope(engine) as s:
        kiosk.kiosk_check_in(s, actor=admin, code=p[0].number, activity_id=weekly.id, today=TODAY)
        kiosk.kiosk_check_in(s, actor=admin, code=p[0].number, activity_id=weekly.id, today=TODAY + timedelta(days=1))
    with pytest.raises(ConflictError) as exc, session_scope(engine) as s:
        kiosk.kiosk_check_in(s, actor=admin, code=p[0].number, activity_id=weekly.id, today=TODAY + timedelta(days=2))
    assert "limit for 助老探访 is 2" in exc.value.english()

    small = new_activity(engine, admin, name="手工课", capacity=1)
    with session_scope(engine) as s:
        kiosk.kiosk_check_in(s, actor=admin, code=p[1].number, activity_id=small.id, today=TODAY)
    with pytest.raises(ConflictError) as exc, session_scope(engine) as s:
        kiosk.kiosk_check_in(s, actor=admin, code=p[2].number, activity_id=small.id, today=TODAY)
    assert "is full today" in exc.value.english()

    with session_scope(engine) as s:
        passport_settings.set_daily_cap(s, actor=admin, stamps=3)
    big = new_activity(engine, admin, name="清洁家园", stamps=3)
    with pytest.raises(ConflictError) as exc, session_scope(engine) as s:
        kiosk.kiosk_check_in(s, actor=admin, code=p[1].number, activity_id=big.id, today=TODAY)  # 1 + 3 > 3
    assert "Today's limit is 3 stamps" in exc.value.english()
    with session_scope(engine, write=False) as s:
        assert stamps.balance(s, residents[1]) == 1
        assert stamps.month_totals_match_ledger(s)


def test_reversal_is_a_new_entry_and_cannot_repeat(engine, admin, passport, activity):
    with session_scope(engine) as s:
        r = stamps.award_stamp(s, actor=admin, resident_id=passport.resident_id, activity_id=activity.id, today=TODAY)
    with pytest.raises(ValidationError), session_scope(engine) as s:
        stamps.reverse_entry(s, actor=admin, entry_id=r.entry_id, reason="  ")
    with session_scope(engine) as s:
        rev = stamps.reverse_entry(s, actor=admin, entry_id=r.entry_id, reason="盖错了人")
    assert rev.stamps == -2 and rev.reverses_id == r.entry_id and rev.kind == "reversal"
    with pytest.raises(ConflictError), session_scope(engine) as s:
        stamps.reverse_entry(s, actor=admin, entry_id=r.entry_id, reason="again")
    with pytest.raises(ConflictError), session_scope(engine) as s:
        stamps.reverse_entry(s, actor=admin, entry_id=rev.id, reason="undo the undo")
    with session_scope(engine, write=False) as s:
        assert stamps.balance(s, passport.resident_id) == 0
        rows = stamps.ledger_page(s, actor=admin, resident_id=passport.resident_id)
        assert [(x.kind, x.stamps, x.reversed) for x in rows] == [("reversal", -2, False), ("award", 2, True)]
        assert s.get(StampEntry, r.entry_id).stamps == 2  # the original is untouched
        assert stamps.month_totals_match_ledger(s)


def test_redemption_spends_stamps_and_stock_and_refuses_clearly(engine, admin, passport, residents):
    acts = [new_activity(engine, admin, name=f"活动{i}", stamps=3) for i in range(2)]
    with session_scope(engine) as s:
        for a in acts:
            stamps.award_stamp(s, actor=admin, resident_id=passport.resident_id, activity_id=a.id, today=TODAY)
        towel = rewards.create_reward(s, actor=admin, data=RewardCreate(name="毛巾", cost=4, stock=1))
        soap = rewards.create_reward(s, actor=admin, data=RewardCreate(name="香皂", cost=1, stock=0))
    with session_scope(engine) as s:
        rewards.redeem(s, actor=admin, resident_id=passport.resident_id, reward_id=towel.id, today=TODAY)
    before = (count(engine), count(engine, AuditEntry))
    with pytest.raises(ConflictError) as exc, session_scope(engine) as s:
        rewards.redeem(s, actor=admin, resident_id=passport.resident_id, reward_id=towel.id, today=TODAY)
    assert "has 2 stamps but 毛巾 costs 4: 2 more needed" in exc.value.english()
    with pytest.raises(ConflictError) as exc, session_scope(engine) as s:
        rewards.redeem(s, actor=admin, resident_id=passport.resident_id, reward_id=soap.id, today=TODAY)
    assert "out of stock" in exc.value.english()
    assert (count(engine), count(engine, AuditEntry)) == before
    with session_scope(engine, write=False) as s:
        assert stamps.balance(s, passport.resident_id) == 2
        assert honours.earned(s, passport.resident_id) == 6  # spending does not lower honours
        assert s.get(Reward, towel.id).stock == 0
        spent = s.exec(select(StampEntry).where(StampEntry.kind == "redemption")).one()
    # Giving the towel back refunds the stamps and the stock.
    with session_scope(engine) as s:
        stamps.reverse_entry(s, actor=admin, entry_id=spent.id, reason="尺寸不合适，退回")
    with session_scope(engine, write=False) as s:
        assert stamps.balance(s, passport.resident_id) == 6
        assert s.get(Reward, towel.id).stock == 1
        assert stamps.month_totals_match_ledger(s)


def test_honours_recorded_once_per_level(engine, admin, passport):
    acts = [new_activity(engine, admin, name=f"志愿{i}", stamps=3) for i in range(3)]
    reached = []
    for i, a in enumerate(acts):
        with session_scope(engine) as s:
            res = stamps.award_stamp(s, actor=admin, resident_id=passport.resident_id, activity_id=a.id, today=TODAY + timedelta(days=0))
        reached.append(res.new_honours)
        if i == 1:
            break
    assert reached == [(), ("微笑新星",)]  # 3 stamps, then 6 ≥ 5
    with session_scope(engine, write=False) as s:
        awards = s.exec(select(HonourAward)).all()
        card = kiosk.card_for_resident(s, actor=admin, resident_id=passport.resident_id, today=TODAY)
    assert [(h.name, h.threshold) for h in awards] == [("微笑新星", 5)]
    assert (card.level, card.next_level, card.to_next) == ("微笑新星", "微笑之星", 14)


def test_honour_queues_certificate(engine, admin, passport):
    from desktop_app.certificates.models import CertificateRequest

    acts = [new_activity(engine, admin, name=f"志愿{i}", stamps=3) for i in range(2)]
    with session_scope(engine) as s:
        for a in acts:
            stamps.award_stamp(s, actor=admin, resident_id=passport.resident_id, activity_id=a.id, today=TODAY)
    with session_scope(engine, write=False) as s:
        req = s.exec(select(CertificateRequest)).one()
        award = s.exec(select(HonourAward)).one()
    assert (req.kind, req.source, req.source_ref) == ("honour", "passports", f"honour:{passport.resident_id}:5")
    assert award.certificate_ref == req.source_ref


def test_sign_up_and_attendance(engine, admin, residents, activity):
    with session_scope(engine) as s:
        activities.sign_up(s, actor=admin, activity_id=activity.id, resident_id=residents[0], on_date=TODAY)
        activities.sign_up(s, actor=admin, activity_id=activity.id, resident_id=residents[1], on_date=TODAY)
    with pytest.raises(ConflictError), session_scope(engine) as s:
        activities.sign_up(s, actor=admin, activity_id=activity.id, resident_id=residents[0], on_date=TODAY)
    with pytest.raises(ValidationError), session_scope(engine) as s:
        activities.sign_up(s, actor=admin, activity_id=activity.id, resident_id=residents[2], on_date=TODAY + timedelta(days=1))
    with session_scope(engine) as s:
        stamps.award_stamp(s, actor=admin, resident_id=residents[1], activity_id=activity.id, today=TODAY)
        stamps.award_stamp(s, actor=admin, resident_id=residents[2], activity_id=activity.id, today=TODAY)  # walk-in
    with session_scope(engine, write=False) as s:
        rows = activities.attendance(s, actor=admin, activity_id=activity.id, on_date=TODAY)
    got = {r.name: (r.signed_up, r.attended) for r in rows}
    assert got == {"张晓明": (True, False), "李秀英": (True, True), "王建国": (False, True)}


def test_weekly_activity_occurs_only_on_its_weekdays(engine, admin):
    a = new_activity(engine, admin, name="周二周四巡查", kind="weekly", weekdays="24", end_date=TODAY + timedelta(days=14))
    days = [TODAY + timedelta(days=i) for i in range(7)]  # Tue..Mon
    assert [activities.occurs_on(a, d) for d in days] == [True, False, True, False, False, False, False]
    with pytest.raises(ValidationError), session_scope(engine) as s:
        activities.create_activity(s, actor=admin, data=ActivityCreate(name="x", kind="weekly", start_date=TODAY, weekdays=""))


@settings(max_examples=15)
@given(st.lists(st.tuples(st.sampled_from(["award", "reverse", "redeem"]), st.integers(0, 5)), max_size=12))
def test_ledger_invariants_under_random_operations(engine, admin, residents, ops):
    """Balance = sum of entries ≥ 0, month totals = ledger, originals never change, whatever happens."""
    with session_scope(engine) as s:
        if not s.exec(select(Reward)).first():
            rewards.create_reward(s, actor=admin, data=RewardCreate(name="贴纸", cost=2, stock=1000))
            for i in range(6):
                activities.create_activity(s, actor=admin, data=ActivityCreate(name=f"a{i}", start_date=TODAY, stamps=1 + i % 3))
        reward = s.exec(select(Reward)).first()
        acts = activities.list_activities(s, actor=admin)
    rid = residents[0]
    for op, k in ops:
        try:
            with session_scope(engine) as s:
                if op == "award":
                    stamps.award_stamp(s, actor=admin, resident_id=rid, activity_id=acts[k].id, today=TODAY)
                elif op == "redeem":
                    rewards.redeem(s, actor=admin, resident_id=rid, reward_id=reward.id, today=TODAY)
                else:
                    ids = s.exec(select(StampEntry.id).where(StampEntry.kind.in_(["award", "redemption"]))).all()
                    if ids:
                        stamps.reverse_entry(s, actor=admin, entry_id=ids[k % len(ids)], reason="test")
        except (ConflictError, ValidationError):
            pass
    with session_scope(engine, write=False) as s:
        entries = s.exec(select(StampEntry)).all()
        assert stamps.balance(s, rid) == sum(e.stamps for e in entries) >= 0
        assert stamps.month_totals_match_ledger(s)
        reversed_ids = [e.reverses_id for e in entries if e.reverses_id]
        assert len(reversed_ids) == len(set(reversed_ids))
        for e in entries:
            if e.reverses_id:
                assert e.stamps == -s.get(StampEntry, e.reverses_id).stamps


def test_the_database_refuses_to_change_or_delete_ledger_rows(engine, admin, passport, activity):
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError as SAIntegrityError
    from sqlalchemy.exc import OperationalError

    with session_scope(engine) as s:
        r = stamps.award_stamp(s, actor=admin, resident_id=passport.resident_id, activity_id=activity.id, today=TODAY)
    for sql in ("UPDATE passport_stamp SET stamps = 99 WHERE id = :id", "DELETE FROM passport_stamp WHERE id = :id"):
        with engine.connect() as conn, pytest.raises((SAIntegrityError, OperationalError)) as exc:
            conn.execute(text(sql), {"id": r.entry_id})
        assert "append-only" in str(exc.value)
    with session_scope(engine, write=False) as s:
        assert s.get(StampEntry, r.entry_id).stamps == 2


def test_a_change_on_a_stale_version_is_refused_naming_who_and_when(engine, db_path, admin, make_actor):
    """Two computers on one database file (two engines): the second change, made on version 1, is refused."""
    from desktop_app.core.db import make_engine, url_for
    from desktop_app.core.records import StaleEdit

    if engine.dialect.name != "sqlite":
        pytest.skip("two engines on one SQLite file; PostgreSQL reads the row FOR UPDATE, tested in test_page")
    coordinator = make_actor("coordinator")
    with session_scope(engine) as s:
        reward = rewards.create_reward(s, actor=admin, data=RewardCreate(name="毛巾", cost=5, stock=3))
        act = activities.create_activity(s, actor=admin, data=ActivityCreate(name="楼道清洁", start_date=TODAY))
    other = make_engine(url_for(str(db_path)))
    try:
        with session_scope(other) as s:
            rewards.restock_reward(s, actor=coordinator, reward_id=reward.id, add=10, expected_version=1)
            activities.set_activity_active(s, actor=coordinator, activity_id=act.id, active=False, expected_version=1)
    finally:
        other.dispose()
    audits = count(engine, AuditEntry)
    for change in (
        lambda s: rewards.restock_reward(s, actor=admin, reward_id=reward.id, add=5, expected_version=1),
        lambda s: rewards.set_reward_active(s, actor=admin, reward_id=reward.id, active=False, expected_version=1),
        lambda s: activities.set_activity_active(s, actor=admin, activity_id=act.id, active=True, expected_version=1),
    ):
        with pytest.raises(StaleEdit) as refused, session_scope(engine) as s:
            change(s)
        assert "coordinator1" in refused.value.text() and "after you opened it" in refused.value.text()
    assert count(engine, AuditEntry) == audits  # nothing written
    with session_scope(engine, write=False) as s:
        assert (s.get(Reward, reward.id).stock, s.get(Reward, reward.id).version, s.get(Reward, reward.id).active) == (13, 2, True)
        assert (s.get(Activity, act.id).active, s.get(Activity, act.id).version) == (False, 2)
    with session_scope(engine) as s:  # on the version now stored, the same change goes through
        assert rewards.restock_reward(s, actor=admin, reward_id=reward.id, add=5, expected_version=2).version == 3


def test_month_totals_can_be_rebuilt_from_the_ledger(engine, admin, passport, activity):
    from desktop_app.passports.models import MonthTotal

    with session_scope(engine) as s:
        stamps.award_stamp(s, actor=admin, resident_id=passport.resident_id, activity_id=activity.id, today=TODAY)
    with session_scope(engine) as s:  # a restore or a bulk import left the summary table wrong
        s.exec(select(MonthTotal)).one().earned = 99
    with session_scope(engine, write=False) as s:
        assert not stamps.month_totals_match_ledger(s)
    with session_scope(engine) as s:
        assert stamps.rebuild_month_totals(s, actor=admin) == 1
    with session_scope(engine, write=False) as s:
        assert stamps.month_totals_match_ledger(s) and s.exec(select(MonthTotal)).one().earned == activity.stamps
