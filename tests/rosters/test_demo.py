"""The rosters demo gives the meals feature its delivery volunteers (at both scales: same code path)."""

from __future__ import annotations

from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.residents import demo as residents_demo
from desktop_app.rosters import demo
from desktop_app.rosters.models import Team, TeamMember


def test_small_demo_has_patrol_and_meal_delivery_teams(engine, admin):
    residents_demo.generate(engine, scale="small", seed=3)
    demo.generate(engine, scale="small", seed=3)
    with session_scope(engine, write=False) as s:
        kinds = dict(s.exec(select(Team.kind, func.count()).group_by(Team.kind)).all())
        meal_team = s.exec(select(Team.id).where(Team.kind == "meal_delivery")).one()
        members = s.exec(select(func.count()).select_from(TeamMember).where(TeamMember.team_id == meal_team)).one()
    assert kinds == {"patrol": 1, "meal_delivery": 1}
    assert members == demo.MEAL_TEAM["small"]


def test_the_demo_made_during_the_morning_patrol_has_it_under_way(engine, admin):
    """Made at 08:20 on 20 May: the morning patrol (07:30–09:00) has its people checked in and nobody checked
    out; the afternoon and evening patrols wait; nothing was recorded after 08:20 (issue 15 item 5)."""
    from datetime import UTC, date, datetime, time

    from desktop_app.rosters.models import CheckIn, HoursEntry, PatrolFinding, Shift

    now = datetime.combine(date(2026, 5, 20), time(8, 20)).astimezone()
    residents_demo.generate(engine, scale="small", seed=3)
    demo.generate(engine, scale="small", seed=3, now=now)
    with session_scope(engine, write=False) as s:
        today = {(sh.period, sh.team_id): sh.id for sh in s.exec(select(Shift).where(Shift.date == now.date())).all()}
        by_shift: dict[int, list] = {}
        for c in s.exec(select(CheckIn)).all():
            by_shift.setdefault(c.shift_id, []).append(c)
        times = [*s.exec(select(CheckIn.check_in_at)).all(), *s.exec(select(CheckIn.check_out_at)).all(),
                 *s.exec(select(HoursEntry.created_at)).all(), *s.exec(select(PatrolFinding.found_at)).all()]
        today_hours = s.exec(select(func.count()).select_from(HoursEntry).where(HoursEntry.served_on == now.date())).one()
    assert not [t for t in times if t is not None and t.replace(tzinfo=UTC) > now]
    morning = [sid for (period, _team), sid in today.items() if period == "morning"]
    later = [sid for (period, _team), sid in today.items() if period != "morning"]
    assert morning and later
    assert any(by_shift.get(sid) for sid in morning), "the morning patrol under way has nobody checked in"
    assert all(c.check_out_at is None and c.check_in_at is not None for sid in morning for c in by_shift.get(sid, []))
    assert not [c for sid in later for c in by_shift.get(sid, [])]
    assert today_hours == 0
