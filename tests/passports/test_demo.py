"""Demo data obeys the same invariants as data written through the service."""

from __future__ import annotations

from sqlmodel import func, select

from desktop_app.core import clock
from desktop_app.core.db import session_scope
from desktop_app.passports import codes, demo, honours, stamps, wall
from desktop_app.passports.models import HonourAward, Passport, StampEntry


def test_small_demo_is_consistent(engine, admin):
    from desktop_app.residents import demo as residents_demo

    residents_demo.generate(engine, scale="small", seed=3)
    demo.generate(engine, scale="small", seed=3)
    with session_scope(engine, write=False) as s:
        passports = s.exec(select(Passport)).all()
        assert 250 <= len([p for p in passports if p.status == "active"]) <= 300
        assert all(codes.is_valid(p.number) for p in passports)
        assert s.exec(select(func.count()).select_from(StampEntry)).one() > 3000
        assert stamps.month_totals_match_ledger(s)
        negative = s.exec(
            select(StampEntry.resident_id).group_by(StampEntry.resident_id).having(func.sum(StampEntry.stamps) < 0)
        ).all()
        assert negative == []
        # every recorded honour is earned, and every earned level is recorded
        some = s.exec(select(HonourAward.resident_id).limit(20)).all()
        levels = honours.ladder(s)
        for rid in some:
            total = honours.earned(s, rid)
            have = {h.threshold for h in s.exec(select(HonourAward).where(HonourAward.resident_id == rid))}
            assert have == {lv.threshold for lv in levels if lv.threshold <= total}
        month = wall.month_leaderboard(s, actor=admin, month=stamps._month(clock.today()), limit=10)
        ledger = dict(wall.month_leaderboard_from_ledger(s, actor=admin, month=stamps._month(clock.today()), limit=10_000))
        assert month and all(ledger[r.resident_id] == r.month_stamps for r in month)
        opted_out = [r for r in month if wall.wall_opted_out(s, r.resident_id)]
        assert opted_out == []


def test_the_demo_made_just_after_midnight_gives_no_stamp_before_its_day(engine, admin):
    """Made five minutes after midnight, today's stamps were put "a little before now": the evening before the
    day they were earned on. Every award is given on its own day and none after the clock."""
    from datetime import UTC, date, datetime, time

    from desktop_app.residents import demo as residents_demo

    now = datetime.combine(date(2026, 5, 20), time(0, 5)).astimezone()
    residents_demo.generate(engine, scale="small", seed=3)
    demo.generate(engine, scale="small", seed=3, now=now)
    with session_scope(engine, write=False) as s:
        awards = s.exec(select(StampEntry.occurred_on, StampEntry.at).where(StampEntry.kind == "award")).all()
    at = [(day, t.replace(tzinfo=UTC) if t.tzinfo is None else t) for day, t in awards]
    assert any(day == now.date() for day, _t in at), "nothing awarded today: the test no longer covers the clamp"
    assert not [t for _day, t in at if t > now]
    assert not [(day, t) for day, t in at if t.astimezone().date() != day]
