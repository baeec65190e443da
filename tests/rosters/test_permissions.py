"""The role × use-case matrix of rosters, and Hypothesis on inputs: rejected input writes nothing."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied, SmileDeskError
from desktop_app.core.models import AuditEntry
from desktop_app.rosters import (
    attendance,
    findings,
    hours,
    hours_certificates,
    month,
    moves,
    sharing,
    shifts,
    teams,
    volunteers,
)
from desktop_app.rosters import settings as roster_settings
from desktop_app.rosters.models import HoursEntry, Leave, PatrolFinding, Team, Volunteer

from .helpers import make_team

ROLES = ("admin", "coordinator", "front_desk", "kiosk")

# use case -> roles allowed
MATRIX = {
    "create_team": {"admin", "coordinator"},
    "list_teams": {"admin", "coordinator", "front_desk"},
    "generate_shifts": {"admin", "coordinator"},
    "propose_roster": {"admin", "coordinator"},
    "set_limits": {"admin", "coordinator"},
    "add_leave": {"admin", "coordinator"},
    "find_cover": {"admin", "coordinator", "front_desk"},
    "correct_hours": {"admin", "coordinator"},
    "record_finding": {"admin", "coordinator", "front_desk"},
    "search_volunteers": {"admin", "coordinator", "front_desk", "kiosk"},
    "mark_no_show": {"admin", "coordinator", "front_desk"},
    "hours_certificate_contents": {"admin", "coordinator"},
    "wechat_text": {"admin", "coordinator", "front_desk"},
    "assign": {"admin", "coordinator"},
    "set_locked": {"admin", "coordinator"},
    "repair_dropout": {"admin", "coordinator"},
    "check_in": {"admin", "coordinator", "front_desk", "kiosk"},
    "check_in_behalf": {"admin", "coordinator", "front_desk"},
    "set_multiplier": {"admin", "coordinator"},
    "explain_gaps": {"admin", "coordinator", "front_desk"},
    "ics_for": {"admin", "coordinator", "front_desk"},
}


@pytest.fixture
def world(engine, admin):
    team_id, vids = make_team(engine, admin, members=6, leaders=2)
    with session_scope(engine) as s:
        shifts.generate_shifts(s, actor=admin, team_id=team_id, start=date(2026, 11, 2), end=date(2026, 11, 3))
        day_shifts = shifts.shifts_on(s, actor=admin, day=date(2026, 11, 2), team_id=team_id)
        moves.assign(s, actor=admin, shift_id=day_shifts[0].id, volunteer_id=vids[0])
    return team_id, vids, day_shifts[0].id


def _at(s, shift_id):
    from datetime import datetime

    from desktop_app.rosters.models import Shift

    sh = s.get(Shift, shift_id)
    return datetime.combine(sh.date, sh.starts_at).astimezone()


def _call(name, s, actor, team_id, vids, shift_id):
    calls = {
        "create_team": lambda: teams.create_team(s, actor=actor, name="垃圾分类督导队", kind="garbage_sorting"),
        "list_teams": lambda: teams.list_teams(s, actor=actor),
        "generate_shifts": lambda: shifts.generate_shifts(s, actor=actor, team_id=team_id, start=date(2026, 11, 4), end=date(2026, 11, 4)),
        "propose_roster": lambda: month.propose_roster(s, actor=actor, team_ids=[team_id], start=date(2026, 11, 2), end=date(2026, 11, 3), use_cpsat=False),
        "set_limits": lambda: volunteers.set_limits(s, actor=actor, volunteer_id=vids[1], max_per_week=2, max_per_month=None, no_evenings=None),
        "add_leave": lambda: volunteers.add_leave(s, actor=actor, volunteer_id=vids[1], start="2026-11-10", end="2026-11-12"),
        "find_cover": lambda: moves.find_cover(s, actor=actor, shift_id=shift_id),
        "correct_hours": lambda: hours.correct_hours(s, actor=actor, volunteer_id=vids[1], minutes=30, reason="补录"),
        "record_finding": lambda: findings.record_finding(s, actor=actor, category="sanitation", location="东门垃圾站"),
        "search_volunteers": lambda: volunteers.search_volunteers(s, actor=actor, q="wang"),
        "mark_no_show": lambda: attendance.mark_no_show(s, actor=actor, shift_id=shift_id, volunteer_id=vids[0]),
        "hours_certificate_contents": lambda: hours_certificates.hours_certificate_contents(s, actor=actor, start=date(2026, 1, 1), end=date(2026, 12, 31), min_hours=0),
        "wechat_text": lambda: sharing.wechat_text(s, actor=actor, day=date(2026, 11, 2)),
        "assign": lambda: moves.assign(s, actor=actor, shift_id=shift_id, volunteer_id=vids[1]),
        "set_locked": lambda: moves.set_locked(s, actor=actor, shift_id=shift_id, volunteer_id=vids[0], locked=True),
        "repair_dropout": lambda: moves.repair_dropout(s, actor=actor, volunteer_id=vids[0], start=date(2026, 11, 2), end=date(2026, 11, 2)),
        "check_in": lambda: attendance.check_in(s, actor=actor, shift_id=shift_id, volunteer_id=vids[0], at=_at(s, shift_id)),
        "check_in_behalf": lambda: attendance.check_in(s, actor=actor, shift_id=shift_id, volunteer_id=vids[0], at=_at(s, shift_id), method="behalf"),
        "set_multiplier": lambda: roster_settings.set_multiplier(s, actor=actor, kind="holiday", multiplier=2.0),
        "explain_gaps": lambda: month.explain_gaps(s, actor=actor, team_id=team_id, start=date(2026, 11, 2), end=date(2026, 11, 3)),
        "ics_for": lambda: sharing.ics_for(s, actor=actor, volunteer_id=vids[0], start=date(2026, 11, 1), end=date(2026, 11, 30)),
    }
    return calls[name]()


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(engine, make_actor, world, role):
    team_id, vids, shift_id = world
    actor = make_actor(role)
    for name, allowed in MATRIX.items():
        with session_scope(engine) as s:
            savepoint = s.begin_nested()  # rolled back: each call sees the same world
            try:
                if role in allowed:
                    _call(name, s, actor, team_id, vids, shift_id)
                else:
                    with pytest.raises(PermissionDenied):
                        _call(name, s, actor, team_id, vids, shift_id)
            finally:
                savepoint.rollback()


def _counts(engine):
    with session_scope(engine, write=False) as s:
        return tuple(s.exec(select(func.count()).select_from(m)).one() for m in (Team, Volunteer, Leave, HoursEntry, PatrolFinding, AuditEntry))


@pytest.fixture
def two(engine, admin):
    return make_team(engine, admin, members=2, leaders=1)


@settings(max_examples=40)
@given(
    name=st.text(max_size=80),
    kind=st.sampled_from(["patrol", "meal_delivery", "bogus", ""]),
    minutes=st.one_of(st.integers(-3000, 3000), st.just(0)),
    reason=st.text(max_size=250),
    start=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    end=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    category=st.sampled_from(["sanitation", "illegal_parking", "nonsense"]),
    location=st.text(max_size=120),
)
def test_rejected_input_writes_nothing(engine, admin, two, name, kind, minutes, reason, start, end, category, location):
    vid = two[1][0]
    for work in (
        lambda s: teams.create_team(s, actor=admin, name=name, kind=kind),
        lambda s: hours.correct_hours(s, actor=admin, volunteer_id=vid, minutes=minutes, reason=reason),
        lambda s: volunteers.add_leave(s, actor=admin, volunteer_id=vid, start=start, end=end, reason=reason[:50]),
        lambda s: findings.record_finding(s, actor=admin, category=category, location=location),
    ):
        before = _counts(engine)
        try:
            with session_scope(engine) as s:
                work(s)
        except SmileDeskError as exc:
            assert exc.text()
            assert _counts(engine) == before
        else:
            assert _counts(engine) != before


def test_template_times_must_make_sense(engine, admin):
    team_id, _ = make_team(engine, admin, members=1, leaders=1)
    with session_scope(engine) as s:
        tpl = shifts.templates_of(s, actor=admin, team_id=team_id)[0]
        with pytest.raises(SmileDeskError):
            shifts.update_template(s, actor=admin, template_id=tpl.id, starts_at=time(9, 0), ends_at=time(8, 0), min_headcount=2, max_headcount=4)
        with pytest.raises(SmileDeskError):
            shifts.update_template(s, actor=admin, template_id=tpl.id, starts_at=time(7, 0), ends_at=time(8, 0), min_headcount=5, max_headcount=4)
