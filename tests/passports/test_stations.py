"""Several stations on one database: passports, activities, rewards and stamps belong to a station;
staff see their station's, a sub-district administrator every station's (docs/postgres.md §5)."""

from __future__ import annotations

import pytest

from desktop_app import reports
from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound
from desktop_app.passports import activities, cards, kiosk, rewards, stamps, wall
from desktop_app.passports.models import ActivityCreate, RewardCreate
from desktop_app.residents import create_resident
from desktop_app.residents.models import ResidentCreate
from tests.passports.conftest import TODAY


def _station(engine, actor, person, activity, count):
    with session_scope(engine) as s:
        rid = create_resident(s, actor=actor, data=ResidentCreate(name=person)).id
        passport = cards.issue_passport(s, actor=actor, resident_id=rid, today=TODAY)
        act = activities.create_activity(s, actor=actor, data=ActivityCreate(name=activity, start_date=TODAY, stamps=count))
        rewards.create_reward(s, actor=actor, data=RewardCreate(name=f"{activity}纪念品", cost=1, stock=5))
        stamps.award_stamp(s, actor=actor, resident_id=rid, activity_id=act.id, today=TODAY)
        return rid, passport.id, passport.number, act.id


def test_passports_activities_and_stamps_are_scoped_and_roll_up(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    res_a, pass_a, number_a, act_a = _station(engine, a, "张晓明", "垃圾分类引导", 2)
    res_b, pass_b, number_b, act_b = _station(engine, b, "李秀英", "楼道清洁", 3)
    with session_scope(engine, write=False) as s:
        assert [x.id for x in activities.list_activities(s, actor=a)] == [act_a]
        assert {x.id for x in activities.list_activities(s, actor=office)} == {act_a, act_b}
        assert [x.id for x in activities.activities_on(s, TODAY, a)] == [act_a]
        assert len(activities.activities_on(s, TODAY, office)) == 2
        assert [r.name for r in rewards.list_rewards(s, actor=b)] == ["楼道清洁纪念品"]
        assert len(rewards.list_rewards(s, actor=office)) == 2
        assert kiosk.overview(s, actor=a, day=TODAY).active_passports == 1
        assert kiosk.overview(s, actor=a, day=TODAY).stamps_today == 2
        assert kiosk.overview(s, actor=office, day=TODAY).active_passports == 2
        assert kiosk.overview(s, actor=office, day=TODAY).stamps_today == 5
        assert kiosk.lookup_card(s, actor=a, code=number_a, today=TODAY).name
        with pytest.raises(NotFound):
            kiosk.lookup_card(s, actor=a, code=number_b, today=TODAY)
        with pytest.raises(NotFound):
            stamps.ledger_page(s, actor=a, resident_id=res_b)
        with pytest.raises(NotFound):
            cards.passports_of(s, actor=a, resident_id=res_b)
        with pytest.raises(NotFound):
            activities.attendance(s, actor=a, activity_id=act_b, on_date=TODAY)
        assert len(stamps.ledger_page(s, actor=office, resident_id=res_b)) == 1
        month = TODAY.strftime("%Y-%m")
        assert [r.resident_id for r in wall.month_leaderboard(s, actor=a, month=month)] == [res_a]
        assert {r.resident_id for r in wall.month_leaderboard(s, actor=office, month=month)} == {res_a, res_b}
        assert wall.month_leaderboard_from_ledger(s, actor=b, month=month) == [(res_b, 3)]

        def figures(actor, station_id=None):
            return reports.period_figures(s, actor=actor, period=reports.ReportPeriod.inclusive(TODAY, TODAY),
                                          station_id=station_id).stamps

        assert (figures(a).earned, figures(a).passports_issued) == (2, 1)
        assert (figures(b).earned, figures(b).passports_issued) == (3, 1)
        assert (figures(office).earned, figures(office).passports_issued) == (5, 2)
        assert figures(office, st.b).earned == 3
    for use_case in (
        lambda s: stamps.award_stamp(s, actor=a, resident_id=res_b, activity_id=act_a, today=TODAY),
        lambda s: stamps.award_stamp(s, actor=a, resident_id=res_a, activity_id=act_b, today=TODAY),
        lambda s: cards.report_lost(s, actor=a, passport_id=pass_b),
        lambda s: kiosk.kiosk_check_in(s, actor=a, code=number_b, activity_id=act_a, today=TODAY),
    ):
        with session_scope(engine) as s, pytest.raises(NotFound):
            use_case(s)
    with session_scope(engine) as s:
        assert cards.report_lost(s, actor=office, passport_id=pass_b).status == "lost"
