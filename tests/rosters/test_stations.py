"""Several stations on one database: teams, volunteers, shifts, hours and findings belong to a station;
staff see their station's, a sub-district administrator every station's (docs/postgres.md §5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_app import reports
from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound
from desktop_app.residents import create_resident
from desktop_app.residents.models import ResidentCreate
from desktop_app.rosters import findings, hours, hours_certificates, shifts, teams, volunteers


def _station(engine, actor, team_name, person):
    with session_scope(engine) as s:
        team = teams.create_team(s, actor=actor, name=team_name)
        rid = create_resident(s, actor=actor, data=ResidentCreate(name=person, phone="13955123456")).id
        vol = teams.add_volunteer(s, actor=actor, resident_id=rid, team_id=team.id)
        return team.id, vol.id, rid


def test_teams_volunteers_hours_and_findings_are_scoped_and_roll_up(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    team_a, vol_a, _ = _station(engine, a, "逍遥津巡逻队", "张三")
    team_b, vol_b, res_b = _station(engine, b, "琥珀巡逻队", "李四")
    day = date.today() - timedelta(days=3)
    with session_scope(engine) as s:
        shifts.generate_shifts(s, actor=a, team_id=team_a, start=day, end=day)
        shifts.generate_shifts(s, actor=b, team_id=team_b, start=day, end=day)
        hours.correct_hours(s, actor=a, volunteer_id=vol_a, minutes=120, reason="补录", served_on=day)
        hours.correct_hours(s, actor=b, volunteer_id=vol_b, minutes=180, reason="补录", served_on=day)
        findings.record_finding(s, actor=a, category="safety_hazard", location="3栋门口")
        shift_b = shifts.shifts_on(s, actor=b, day=day)[0].id
        findings.record_finding(s, actor=b, category="safety_hazard", location="菜场", shift_id=shift_b)
    with session_scope(engine, write=False) as s:
        assert [t.id for t in teams.list_teams(s, actor=a)] == [team_a]
        assert {t.id for t in teams.list_teams(s, actor=office)} == {team_a, team_b}
        assert {sh.team_id for sh in shifts.shifts_on(s, actor=a, day=day)} == {team_a}
        assert {sh.team_id for sh in shifts.shifts_on(s, actor=office, day=day)} == {team_a, team_b}
        assert [h.volunteer_id for h in volunteers.search_volunteers(s, actor=a, q="13955123456")] == [vol_a]
        assert {h.volunteer_id for h in volunteers.search_volunteers(s, actor=office, q="13955123456")} == {vol_a, vol_b}
        assert volunteers.volunteer_for_resident(s, actor=a, resident_id=res_b) is None
        with pytest.raises(NotFound):
            teams.team_members(s, actor=a, team_id=team_b)
        with pytest.raises(NotFound):
            hours.hours_minutes(s, actor=a, volunteer_id=vol_b)
        with pytest.raises(NotFound):
            shifts.shift_people(s, actor=a, shift_id=shift_b)
        assert hours.hours_minutes(s, actor=office, volunteer_id=vol_b) == 180
        assert [f.location for f in findings.list_findings(s, actor=a)] == ["3栋门口"]
        assert sorted(f.location for f in findings.list_findings(s, actor=office)) == ["3栋门口", "菜场"]
        assert [f.station_id for f in findings.list_findings(s, actor=b)] == [st.b]
    with session_scope(engine) as s:
        assert [c["volunteer_id"] for c in hours_certificates.hours_certificate_contents(s, actor=a, start=day, end=day, min_hours=1)] == [vol_a]
        both = hours_certificates.hours_certificate_contents(s, actor=office, start=day, end=day, min_hours=1)
        assert {c["volunteer_id"] for c in both} == {vol_a, vol_b}
    with session_scope(engine) as s, pytest.raises(NotFound):
        hours.correct_hours(s, actor=a, volunteer_id=vol_b, minutes=60, reason="错站")
    with session_scope(engine) as s, pytest.raises(NotFound):
        teams.add_volunteer(s, actor=a, resident_id=res_b, team_id=team_a)
    with session_scope(engine, write=False) as s:
        def patrol(actor, station_id=None):
            return reports.period_figures(s, actor=actor, period=reports.ReportPeriod.inclusive(day, date.today()), station_id=station_id).patrol

        assert (patrol(a).shifts, patrol(a).served_minutes, patrol(a).findings) == (3, 120, 1)
        assert (patrol(b).served_minutes, patrol(b).findings) == (180, 1)
        assert (patrol(office).shifts, patrol(office).served_minutes, patrol(office).findings) == (6, 300, 2)
        assert patrol(office, st.b).served_minutes == 180
