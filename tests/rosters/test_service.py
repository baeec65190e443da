"""Roster use cases against a real database: shifts from templates and the calendar, solving and
saving, manual edits with refusal reasons, cover and repair, check-in and the hours ledger, findings."""

from __future__ import annotations

import re
from datetime import date, datetime, time

import pytest
from sqlmodel import select

from desktop_app.core import workdays
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, PermissionDenied, ValidationError
from desktop_app.rosters import (
    attendance,
    checker,
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
from desktop_app.rosters.models import Assignment, CheckIn, HoursEntry, Shift

from .helpers import make_team


def _month(engine, actor, team_id, start, end, time_limit=1.0):
    with session_scope(engine) as s:
        shifts.generate_shifts(s, actor=actor, team_id=team_id, start=start, end=end)
    with session_scope(engine, write=False) as s:
        prop = month.propose_roster(s, actor=actor, team_ids=[team_id], start=start, end=end, time_limit=time_limit)
    with session_scope(engine) as s:
        month.save_roster(s, actor=actor, proposal=prop)
    return prop


def _local(d: date, t: time) -> datetime:
    return datetime.combine(d, t).astimezone()


def test_shifts_from_templates_with_holiday_headcount(engine, admin):
    team_id, _ = make_team(engine, admin, members=6, leaders=2)
    with session_scope(engine) as s:
        tpl = shifts.templates_of(s, actor=admin, team_id=team_id)
        assert [(t.period, t.starts_at, t.ends_at) for t in tpl] == [
            ("morning", time(7, 30), time(9, 0)), ("afternoon", time(14, 30), time(16, 0)), ("evening", time(19, 0), time(20, 30))]
        shifts.update_template(s, actor=admin, template_id=tpl[0].id, starts_at=time(7, 0), ends_at=time(8, 30),
                                min_headcount=2, max_headcount=4, holiday_min_headcount=3)
        made = shifts.generate_shifts(s, actor=admin, team_id=team_id, start=date(2026, 9, 30), end=date(2026, 10, 2))
        assert made == 9
        assert shifts.generate_shifts(s, actor=admin, team_id=team_id, start=date(2026, 9, 30), end=date(2026, 10, 2)) == 0
        by_slot = {(x.date, x.period): x for x in s.exec(select(Shift).where(Shift.team_id == team_id))}
    assert by_slot[(date(2026, 10, 1), "morning")].is_holiday and by_slot[(date(2026, 10, 1), "morning")].min_headcount == 3
    assert by_slot[(date(2026, 10, 1), "morning")].holiday_name == "国庆节"
    assert by_slot[(date(2026, 9, 30), "morning")].min_headcount == 2 and by_slot[(date(2026, 9, 30), "morning")].starts_at == time(7, 0)
    assert not by_slot[(date(2026, 10, 1), "evening")].is_holiday or by_slot[(date(2026, 10, 1), "evening")].min_headcount == 2


def test_a_month_in_2027_after_entering_the_years_holidays(engine, admin):
    with session_scope(engine) as s:
        workdays.set_year(s, actor=admin, holidays=[(date(2027, 10, d), "国庆节") for d in range(1, 8)],
                          workdays=[date(2027, 9, 26), date(2027, 10, 9)])
    team_id, vids = make_team(engine, admin, members=30, leaders=14)
    prop = _month(engine, admin, team_id, date(2027, 10, 1), date(2027, 10, 31), time_limit=2.0)
    assert prop.violations == [] and prop.shortfalls == []
    assert prop.gaps == [], [(g.shift_id, g.missing) for g in prop.gaps]
    with session_scope(engine, write=False) as s:
        cells = month.coverage(s, actor=admin, team_id=team_id, start=date(2027, 10, 1), end=date(2027, 10, 31))
        assert len(cells) == 93
        assert cells[(date(2027, 10, 3), "morning")].is_holiday and cells[(date(2027, 10, 3), "morning")].holiday_name == "国庆节"
        assert not cells[(date(2027, 10, 9), "morning")].is_holiday
        assert all(c.state in ("ok", "full") for c in cells.values())
        loaded = month.load_problem(s, team_ids=[team_id], start=date(2027, 10, 1), end=date(2027, 10, 31))
        assert checker.violations(loaded.problem, loaded.roster) == []


def test_age_band_defaults_and_own_limits(engine, admin):
    team_id, vids = make_team(engine, admin, members=3, leaders=1, ages=[76, 71, 60])
    with session_scope(engine) as s:
        rows = {m.volunteer_id: m for m in teams.team_members(s, actor=admin, team_id=team_id, on=date(2026, 11, 1))}
        assert rows[vids[0]].limits == volunteers.Limits(2, 4, True)
        assert rows[vids[1]].limits.max_per_month == 8 and not rows[vids[1]].limits.no_evenings
        volunteers.set_limits(s, actor=admin, volunteer_id=vids[0], max_per_week=None, max_per_month=6, no_evenings=False)
        rows = {m.volunteer_id: m for m in teams.team_members(s, actor=admin, team_id=team_id, on=date(2026, 11, 1))}
        assert rows[vids[0]].limits == volunteers.Limits(2, 6, False)


@pytest.fixture
def solved(engine, admin):
    team_id, vids = make_team(engine, admin, members=24, leaders=9)
    prop = _month(engine, admin, team_id, date(2026, 11, 2), date(2026, 11, 15))
    assert prop.gaps == [] and prop.violations == []
    return team_id, vids, prop


def _shift_of(engine, team_id, day, period):
    with session_scope(engine, write=False) as s:
        return s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date == day, Shift.period == period)).one()


def _people(engine, shift_id):
    with session_scope(engine, write=False) as s:
        return set(s.exec(select(Assignment.volunteer_id).where(Assignment.shift_id == shift_id)).all())


def test_manual_edits_are_refused_with_reasons_and_nothing_written(engine, admin, solved):
    team_id, vids, _ = solved
    eve = _shift_of(engine, team_id, date(2026, 11, 5), "evening")
    morning = _shift_of(engine, team_id, date(2026, 11, 6), "morning")
    someone = next(iter(_people(engine, eve.id)))
    before = _people(engine, morning.id)
    assert someone not in before, "the solver put one person on an evening and the next morning"
    with session_scope(engine) as s:
        with pytest.raises(ConflictError) as exc:
            moves.assign(s, actor=admin, shift_id=morning.id, volunteer_id=someone)
    assert "evening before" in str(exc.value)
    assert _people(engine, morning.id) == before
    # same day twice
    noon = _shift_of(engine, team_id, date(2026, 11, 5), "afternoon")
    with session_scope(engine) as s, pytest.raises(ConflictError) as exc:
        moves.assign(s, actor=admin, shift_id=noon.id, volunteer_id=someone)
    assert "at most one a day" in str(exc.value)
    # leave
    free = next(v for v in vids if v not in _people(engine, noon.id) and v not in _people(engine, eve.id)
                and v not in _people(engine, _shift_of(engine, team_id, date(2026, 11, 5), "morning").id))
    with session_scope(engine) as s:
        volunteers.add_leave(s, actor=admin, volunteer_id=free, start=date(2026, 11, 5), end=date(2026, 11, 5), reason="看病")
    with session_scope(engine) as s, pytest.raises(ConflictError) as exc:
        moves.assign(s, actor=admin, shift_id=noon.id, volunteer_id=free)
    assert "on leave" in str(exc.value)


def test_removing_the_only_leader_is_refused_unless_a_gap_is_accepted(engine, admin, solved):
    team_id, vids, _ = solved
    sh = _shift_of(engine, team_id, date(2026, 11, 10), "afternoon")
    leaders = set(vids[:9]) & _people(engine, sh.id)
    assert len(leaders) >= 1
    leader = next(iter(leaders))
    if len(leaders) == 1:
        with session_scope(engine) as s, pytest.raises(ConflictError) as exc:
            moves.unassign(s, actor=admin, shift_id=sh.id, volunteer_id=leader)
        assert "only team leader" in str(exc.value)
    with session_scope(engine) as s:
        moves.set_locked(s, actor=admin, shift_id=sh.id, volunteer_id=leader, locked=True)
    with session_scope(engine) as s, pytest.raises(ConflictError) as exc:
        moves.unassign(s, actor=admin, shift_id=sh.id, volunteer_id=leader, allow_gap=True)
    assert "locked" in str(exc.value)
    # re-solving keeps the locked cell
    with session_scope(engine, write=False) as s:
        prop = month.propose_roster(s, actor=admin, team_ids=[team_id], start=date(2026, 11, 2), end=date(2026, 11, 15), time_limit=0.5)
    assert leader in prop.roster[sh.id]
    with session_scope(engine) as s:
        moves.set_locked(s, actor=admin, shift_id=sh.id, volunteer_id=leader, locked=False)
        moves.unassign(s, actor=admin, shift_id=sh.id, volunteer_id=leader, allow_gap=True)
    assert leader not in _people(engine, sh.id)


def test_swap_and_find_cover(engine, admin, solved):
    team_id, vids, _ = solved
    # two afternoon patrols a week apart, each with a member the other lacks
    a = b = va = vb = None
    for day in range(3, 8):
        sa = _shift_of(engine, team_id, date(2026, 11, day), "afternoon")
        sb = _shift_of(engine, team_id, date(2026, 11, day + 7), "afternoon")
        ma = [v for v in _people(engine, sa.id) - _people(engine, sb.id) if v not in vids[:9]]
        mb = [v for v in _people(engine, sb.id) - _people(engine, sa.id) if v not in vids[:9]]
        if ma and mb:
            a, b, va, vb = sa, sb, ma[0], mb[0]
            break
    assert a is not None
    with session_scope(engine) as s:
        try:
            moves.swap(s, actor=admin, shift_a=a.id, volunteer_a=va, shift_b=b.id, volunteer_b=vb)
            swapped = True
        except ConflictError as exc:
            swapped = False
            assert "Not allowed" in str(exc)  # a refusal names its reason
    if swapped:
        assert vb in _people(engine, a.id) and va in _people(engine, b.id)
    else:
        assert va in _people(engine, a.id) and vb in _people(engine, b.id)
    with session_scope(engine, write=False) as s:
        ranked = moves.find_cover(s, actor=admin, shift_id=a.id)
    assert ranked and all(c.volunteer_id not in _people(engine, a.id) for c in ranked)
    ok = [c for c in ranked if not c.blockers]
    blocked = [c for c in ranked if c.blockers]
    assert ranked == ok + blocked
    assert [c.patrols for c in ok] == sorted(c.patrols for c in ok) or any(c.is_leader for c in ok)


def test_dropout_repair_changes_little(engine, admin, solved):
    team_id, vids, _ = solved
    vid = vids[12]
    with session_scope(engine, write=False) as s:
        mine = s.exec(select(Shift.id).join(Assignment, Assignment.shift_id == Shift.id)
                      .where(Assignment.volunteer_id == vid, Shift.date >= date(2026, 11, 2), Shift.date <= date(2026, 11, 8))).all()
    with session_scope(engine) as s:
        rep = moves.repair_dropout(s, actor=admin, volunteer_id=vid, start=date(2026, 11, 2), end=date(2026, 11, 8))
    assert not rep.unfilled
    assert all(n <= 2 for n in rep.changes_per_slot.values())
    for sid in mine:
        assert vid not in _people(engine, sid)
    with session_scope(engine, write=False) as s:
        loaded = month.load_problem(s, team_ids=[team_id], start=date(2026, 11, 2), end=date(2026, 11, 15))
        assert checker.violations(loaded.problem, loaded.roster) == []
        assert not [g for g in checker.gaps(loaded.problem, loaded.roster) if g.shift_id in mine]


def test_check_in_late_check_out_and_append_only_hours(engine, admin, make_actor, solved):
    team_id, vids, _ = solved
    sh = _shift_of(engine, team_id, date(2026, 11, 7), "morning")
    p1, p2 = sorted(_people(engine, sh.id))[:2]
    desk = make_actor("front_desk")
    with session_scope(engine) as s:
        c = attendance.check_in(s, actor=desk, shift_id=sh.id, volunteer_id=p1, at=_local(sh.date, time(7, 42)))
        assert c.late_minutes == 12
        attendance.check_in(s, actor=desk, shift_id=sh.id, volunteer_id=p2, at=_local(sh.date, time(7, 31)), method="behalf")
    with session_scope(engine) as s, pytest.raises(ConflictError):
        attendance.check_in(s, actor=desk, shift_id=sh.id, volunteer_id=p1, at=_local(sh.date, time(7, 45)))
    # solving again never moves people who already checked in
    with session_scope(engine, write=False) as s:
        prop = month.propose_roster(s, actor=admin, team_ids=[team_id], start=date(2026, 11, 2), end=date(2026, 11, 15),
                                      time_limit=0.5, use_cpsat=False)
    assert {p1, p2} <= prop.roster[sh.id]
    with session_scope(engine) as s:
        e = attendance.check_out(s, actor=desk, shift_id=sh.id, volunteer_id=p1, at=_local(sh.date, time(9, 2)))
        assert e.minutes == 80 and e.credited_minutes == 80  # Saturday, not a holiday: ×1
        closed = attendance.credit_planned(s, actor=desk, shift_id=sh.id)
        assert [x.minutes for x in closed] == [90]
    with session_scope(engine) as s:
        with pytest.raises(PermissionDenied):
            hours.correct_hours(s, actor=desk, volunteer_id=p1, minutes=10, reason="补录")
    coord = make_actor("coordinator")
    with session_scope(engine) as s:
        hours.correct_hours(s, actor=coord, volunteer_id=p1, minutes=-20, reason="签退时间记错", corrects_id=e.id)
        assert hours.hours_minutes(s, actor=coord, volunteer_id=p1) == 60
        with pytest.raises(ValidationError):
            hours.correct_hours(s, actor=coord, volunteer_id=p1, minutes=-1000, reason="太多")
    with session_scope(engine, write=False) as s:
        entries = s.exec(select(HoursEntry).where(HoursEntry.volunteer_id == p1).order_by(HoursEntry.id)).all()
        assert [x.minutes for x in entries] == [80, -20]  # the first entry is untouched
        assert entries[1].corrects_id == entries[0].id


def test_holiday_multiplier_and_no_show(engine, admin, make_actor):
    team_id, vids = make_team(engine, admin, members=10, leaders=3)
    _month(engine, admin, team_id, date(2026, 10, 1), date(2026, 10, 3), time_limit=0.5)
    sh = _shift_of(engine, team_id, date(2026, 10, 2), "afternoon")
    p1, p2 = sorted(_people(engine, sh.id))[:2]
    with session_scope(engine) as s:
        attendance.check_in(s, actor=admin, shift_id=sh.id, volunteer_id=p1, at=_local(sh.date, time(14, 30)))
        e = attendance.check_out(s, actor=admin, shift_id=sh.id, volunteer_id=p1, at=_local(sh.date, time(16, 0)))
        assert (e.minutes, e.multiplier, e.credited_minutes) == (90, 1.5, 135)
        attendance.mark_no_show(s, actor=admin, shift_id=sh.id, volunteer_id=p2)
    with session_scope(engine) as s:
        people = {p.volunteer_id: p for p in shifts.shift_people(s, actor=admin, shift_id=sh.id)}
        assert people[p2].no_show and people[p1].checked_out is not None
        assert hours.hours_minutes(s, actor=admin, volunteer_id=p1, credited=False) == 90
        rows = hours_certificates.hours_certificate_contents(s, actor=admin, start=date(2026, 10, 1), end=date(2026, 10, 31), min_hours=1)
    assert [r["hours"] for r in rows] == [1.5]
    assert rows[0]["service_content"] == "社区治安巡逻" and "小红帽巡逻队" in rows[0]["organisation"]
    assert set(rows[0]) >= {"resident_id", "name", "id_number", "organisation", "period_start", "period_end", "hours", "service_content"}


def test_finding_opens_a_desk_record(engine, admin, solved):
    team_id, vids, _ = solved
    sh = _shift_of(engine, team_id, date(2026, 11, 7), "evening")
    with session_scope(engine) as s:
        f = findings.record_finding(s, actor=admin, category="ebike_charging", location="3栋2单元楼道", note="两辆电动车在充电",
                                   shift_id=sh.id, volunteer_id=vids[0], found_at=_local(sh.date, time(19, 20)), open_desk_record=True)
        assert f.desk_record_id is not None and f.grid == "一网格"
        from desktop_app.desk.models import ServiceRecord

        rec = s.get(ServiceRecord, f.desk_record_id)
        assert rec.channel == "patrol" and "电动车楼道充电" in rec.summary
        with pytest.raises(ConflictError):
            findings.open_desk_record_for(s, actor=admin, finding_id=f.id)
        other = teams.create_team(s, actor=admin, name="第二巡逻队", grid="二网格")
        shifts.generate_shifts(s, actor=admin, team_id=other.id, start=sh.date, end=sh.date)
        other_shift = shifts.shifts_on(s, actor=admin, day=sh.date, team_id=other.id)[0]
        g = findings.record_finding(s, actor=admin, category="sanitation", location="东门", shift_id=other_shift.id)
        assert g.grid == "二网格" and g.desk_record_id is None
        assert [x.id for x in findings.list_findings(s, actor=admin, team_id=team_id)] == [f.id]
        assert {x.id for x in findings.list_findings(s, actor=admin)} == {f.id, g.id}


def test_wechat_text_and_ics(qapp, engine, admin, solved):
    """The day's text for the WeChat group as stations write it in Chinese; in the English interface, English."""
    from desktop_app.ui import translation

    team_id, vids, _ = solved
    translation.install(qapp, "zh_CN")
    try:
        with session_scope(engine, write=False) as s:
            text = sharing.wechat_text(s, actor=admin, day=date(2026, 11, 9), team_id=team_id)
    finally:
        translation.install(qapp, "en")
    with session_scope(engine, write=False) as s:
        english = sharing.wechat_text(s, actor=admin, day=date(2026, 11, 9), team_id=team_id)
        ics = sharing.ics_for(s, actor=admin, volunteer_id=vids[0], start=date(2026, 11, 1), end=date(2026, 11, 30))
    assert text.startswith("【小红帽巡逻队】11月9日 星期一 巡逻安排")
    assert "早班 07:30–09:00" in text and "（队长）" in text
    assert english.startswith("[小红帽巡逻队] 11/9 Monday patrols") and " (leader)" in english
    assert re.search(r"SUMMARY:小红帽巡逻队 (morning|afternoon|evening)\r\n", ics)
    assert ics.startswith("BEGIN:VCALENDAR") and ics.count("BEGIN:VEVENT") >= 1 and "\r\n" in ics


def test_check_in_outside_the_window_is_refused(engine, admin, solved):
    team_id, vids, _ = solved
    sh = _shift_of(engine, team_id, date(2026, 11, 7), "morning")
    p1 = next(iter(_people(engine, sh.id)))
    with session_scope(engine) as s, pytest.raises(ConflictError):
        attendance.check_in(s, actor=admin, shift_id=sh.id, volunteer_id=p1, at=_local(sh.date, time(15, 0)))
    with session_scope(engine, write=False) as s:
        assert s.exec(select(CheckIn)).all() == []


def test_check_in_refuses_an_unknown_method_and_reads_a_zoneless_time_as_local(engine, make_actor, solved):
    team_id, _vids, _ = solved
    sh = _shift_of(engine, team_id, date(2026, 11, 7), "morning")
    p1 = sorted(_people(engine, sh.id))[0]
    desk = make_actor("front_desk")
    with session_scope(engine) as s, pytest.raises(ValidationError) as err:
        attendance.check_in(s, actor=desk, shift_id=sh.id, volunteer_id=p1, at=_local(sh.date, time(7, 35)), method="")
    assert "Check-in method" in err.value.text()
    with session_scope(engine) as s:  # nothing was written by the refusal; a naive 07:40 is the station's 07:40
        c = attendance.check_in(s, actor=desk, shift_id=sh.id, volunteer_id=p1, at=datetime.combine(sh.date, time(7, 40)))
        assert c.late_minutes == 10
    with session_scope(engine, write=False) as s:
        assert len(volunteers.search_volunteers(s, actor=desk, q="a", limit=10**20)) <= 200


def test_a_station_multiplier_wins_over_the_default_whatever_the_row_order(engine, admin):
    from types import SimpleNamespace

    from desktop_app.rosters import settings
    from desktop_app.rosters.models import HoursMultiplier

    with session_scope(engine) as s:
        settings.set_multiplier(s, actor=admin, kind="holiday", multiplier=2.0)
        default = s.exec(select(HoursMultiplier).where(HoursMultiplier.station_id == None,  # noqa: E711
                                                       HoursMultiplier.kind == "holiday")).one()
        s.delete(default)
        s.flush()
        s.add(HoursMultiplier(station_id=None, kind="holiday", multiplier=1.5))  # the default now comes last
        s.flush()
        holiday_morning = SimpleNamespace(is_holiday=True, period="morning")
        assert settings.multiplier_for(s, holiday_morning, admin.station_id) == 2.0
        assert settings.multiplier_for(s, holiday_morning, None) == 1.5


def test_a_week_over_its_limit_by_what_already_happened_is_still_filled_and_saved(engine, admin, make_actor, solved):
    """The station's coordinator lowers a volunteer's weekly limit after the volunteer has patrolled that week and
    checked in today. Filling the rest of the month ("自动排班") used to be refused for ever that week: the week broke
    the limit whatever the plan did (the day at the desk failed on it on a Sunday). Now the plan is saved, keeps
    the check-in, and gives that volunteer nothing more that week; a manual addition is still refused."""
    team_id, _vids, _ = solved
    today = date(2026, 11, 12)  # a Thursday
    sh = _shift_of(engine, team_id, today, "morning")
    person = sorted(_people(engine, sh.id))[0]
    with session_scope(engine, write=False) as s:
        earlier = s.exec(select(Shift.date).join(Assignment, Assignment.shift_id == Shift.id).where(
            Assignment.volunteer_id == person, Shift.date >= date(2026, 11, 9), Shift.date < today)).all()
    with session_scope(engine) as s:
        attendance.check_in(s, actor=make_actor("front_desk"), shift_id=sh.id, volunteer_id=person,
                            at=_local(today, time(7, 35)))
        # with today's check-in the week is one over the new limit, whatever any plan does
        volunteers.set_limits(s, actor=admin, volunteer_id=person, max_per_week=len(earlier), max_per_month=None,
                              no_evenings=None)
    with session_scope(engine, write=False) as s:
        prop = month.propose_roster(s, actor=admin, team_ids=[team_id], start=date(2026, 11, 2), end=date(2026, 11, 15),
                                    time_limit=1.0, keep_before=today)
    assert prop.status != "warm start" and prop.violations == []
    assert person in prop.roster[sh.id]
    this_week = [sid for sid, people in prop.roster.items() if person in people and sid != sh.id
                 and _date_of(engine, sid) <= date(2026, 11, 15)]
    assert this_week == []
    with session_scope(engine) as s:
        month.save_roster(s, actor=admin, proposal=prop)
    assert person in _people(engine, sh.id)


def _date_of(engine, shift_id):
    with session_scope(engine, write=False) as s:
        return s.get(Shift, shift_id).date


def test_another_teams_cancelled_patrol_does_not_count_against_a_volunteer(engine, admin):
    """A volunteer in two teams: the other team's patrol that day was cancelled (weather), so it neither
    takes their one patrol a day nor counts toward their week or month when this team's roster is made."""
    from desktop_app.rosters.models import Volunteer

    day = date(2026, 11, 4)
    a_id, vids = make_team(engine, admin, members=4, leaders=2, name="甲队")
    b_id, _others = make_team(engine, admin, members=2, leaders=1, name="乙队")
    with session_scope(engine) as s:
        resident_id = s.get(Volunteer, vids[0]).resident_id
        teams.add_volunteer(s, actor=admin, resident_id=resident_id, team_id=b_id)
        shifts.generate_shifts(s, actor=admin, team_id=b_id, start=day, end=day, today=day)
        theirs = s.exec(select(Shift).where(Shift.team_id == b_id, Shift.date == day, Shift.period == "morning")).one()
        moves.assign(s, actor=admin, shift_id=theirs.id, volunteer_id=vids[0])
        shifts.generate_shifts(s, actor=admin, team_id=a_id, start=day, end=day, today=day)
    with session_scope(engine, write=False) as s:
        counted = month.load_problem(s, team_ids=[a_id], start=day, end=day).problem.outside
    assert (vids[0], day, "morning") in counted  # a patrol of the other team: it counts
    with session_scope(engine) as s:
        s.get(Shift, theirs.id).cancelled = True
    with session_scope(engine, write=False) as s:
        counted = month.load_problem(s, team_ids=[a_id], start=day, end=day).problem.outside
    assert not [o for o in counted if o[0] == vids[0]], counted  # cancelled: it does not
