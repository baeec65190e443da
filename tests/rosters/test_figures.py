"""rosters.figures: shifts and their staffing, check-ins, hours and findings counted per station and month."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop_app.core.db import session_scope
from desktop_app.core.periods import Period
from desktop_app.residents import create_resident
from desktop_app.residents.models import ResidentCreate
from desktop_app.rosters import attendance, figures, findings, hours, moves, shifts, teams
from desktop_app.rosters.models import Shift

DAY = date(2026, 4, 14)  # a Tuesday


def _team(engine, actor, name, person):
    with session_scope(engine) as s:
        team = teams.create_team(s, actor=actor, name=name)
        rid = create_resident(s, actor=actor, data=ResidentCreate(name=person, phone="13955123456")).id
        vol = teams.add_volunteer(s, actor=actor, resident_id=rid, team_id=team.id)
        shifts.generate_shifts(s, actor=actor, team_id=team.id, start=DAY, end=DAY)
        return team.id, vol.id


def test_patrol_figures_by_station_and_month(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    _team_a, vol_a = _team(engine, a, "逍遥津巡逻队", "张三")
    _team_b, vol_b = _team(engine, b, "琥珀巡逻队", "李四")
    with session_scope(engine) as s:
        first = shifts.shifts_on(s, actor=a, day=DAY)[0]
        shift = s.get(Shift, first.id)
        shift.min_headcount, shift.leader_required = 1, False  # one volunteer staffs it fully
        s.flush()
        moves.assign(s, actor=a, shift_id=shift.id, volunteer_id=vol_a)
        attendance.check_in(s, actor=a, shift_id=shift.id, volunteer_id=vol_a,
                    at=datetime.combine(DAY, shift.starts_at).astimezone())
        hours.correct_hours(s, actor=a, volunteer_id=vol_a, minutes=120, reason="补录", served_on=DAY)
        hours.correct_hours(s, actor=b, volunteer_id=vol_b, minutes=180, reason="补录", served_on=DAY + timedelta(days=20))
        findings.record_finding(s, actor=a, category="safety_hazard", location="3栋门口",
                          found_at=datetime.combine(DAY, datetime.min.time()).astimezone() + timedelta(hours=9))
    with session_scope(engine, write=False) as s:
        assert figures.today(s, actor=a, day=DAY) == figures.PatrolsToday(3, 1, 2, 1)
        assert figures.today(s, actor=b, day=DAY) == figures.PatrolsToday(3, 0, 3, 0)
        assert figures.today(s, actor=office, day=DAY) == figures.PatrolsToday(6, 1, 5, 1)
        assert figures.today(s, actor=office, day=DAY, station_id=st.b) == figures.PatrolsToday(3, 0, 3, 0)
        assert figures.today(s, actor=a, day=DAY + timedelta(days=1)).shifts == 0

        p = figures.period_figures(s, actor=a, period=Period.day(DAY))
        assert (p.shifts, p.covered, p.short, p.empty, p.attended) == (3, 1, 0, 2, 1)
        assert (p.volunteer_minutes, p.served_minutes, p.volunteers, p.findings) == (120, 120, 1, 1)
        month = figures.period_figures(s, actor=office, period=Period.month(2026, 4))
        assert (month.shifts, month.served_minutes, month.volunteers, month.findings) == (6, 120, 1, 1)
        assert figures.period_figures(s, actor=office, period=Period.month(2026, 5)).served_minutes == 180

        span = Period(date(2026, 3, 1), date(2026, 6, 1))
        assert figures.by_month(s, actor=a, period=span) == {"2026-04": figures.PatrolMonth(2.0, 1 / 3)}
        both = figures.by_month(s, actor=office, period=span)
        assert both == {"2026-04": figures.PatrolMonth(2.0, 1 / 6), "2026-05": figures.PatrolMonth(3.0, None)}
        assert figures.by_month(s, actor=office, period=span, station_id=st.b)["2026-04"] == figures.PatrolMonth(0.0, 0.0)
