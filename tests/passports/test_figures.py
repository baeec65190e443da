"""passports.figures: stamps earned and spent, passports issued and honours reached, per station and month."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.core.db import session_scope
from desktop_app.core.periods import Period
from desktop_app.passports import activities, cards, figures, rewards
from desktop_app.passports import stamps as stamp_ledger
from desktop_app.passports.models import ActivityCreate, RewardCreate
from desktop_app.residents import create_resident
from desktop_app.residents.models import ResidentCreate
from tests.passports.conftest import TODAY


def _station(engine, actor, people, activity, stamps):
    with session_scope(engine) as s:
        act = activities.create_activity(s, actor=actor, data=ActivityCreate(name=activity, start_date=TODAY, stamps=stamps))
        reward = rewards.create_reward(s, actor=actor, data=RewardCreate(name=f"{activity}纪念品", cost=1, stock=5))
        ids = []
        for person in people:
            rid = create_resident(s, actor=actor, data=ResidentCreate(name=person)).id
            cards.issue_passport(s, actor=actor, resident_id=rid, today=TODAY)
            stamp_ledger.award_stamp(s, actor=actor, resident_id=rid, activity_id=act.id, today=TODAY)
            ids.append(rid)
        return ids, reward.id


def test_stamp_figures_by_station_and_month(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    (zhang, _li), reward = _station(engine, a, ("张晓明", "李华"), "垃圾分类引导", 2)
    _station(engine, b, ("王秀英",), "楼道清洁", 5)  # five stamps: the first honour
    with session_scope(engine) as s:
        rewards.redeem(s, actor=a, resident_id=zhang, reward_id=reward, today=TODAY)
    with session_scope(engine, write=False) as s:
        assert figures.today(s, actor=a, day=TODAY) == figures.StampsToday(4, 2)
        assert figures.today(s, actor=b, day=TODAY) == figures.StampsToday(5, 1)
        assert figures.today(s, actor=office, day=TODAY) == figures.StampsToday(9, 3)
        assert figures.today(s, actor=office, day=TODAY, station_id=st.b) == figures.StampsToday(5, 1)
        assert figures.today(s, actor=a, day=TODAY + timedelta(days=1)).stamps == 0

        day = figures.period_figures(s, actor=a, period=Period.day(TODAY))
        assert (day.earned, day.residents, day.redeemed, day.passports_issued) == (4, 2, 1, 2)
        month = Period.month_of(TODAY)
        whole = figures.period_figures(s, actor=office, period=month)  # whole months: the month totals
        assert (whole.earned, whole.residents, whole.passports_issued) == (9, 3, 3)
        assert figures.period_figures(s, actor=office, period=month, station_id=st.b).earned == 5
        assert figures.period_figures(s, actor=a, period=month.previous_month()).earned == 0

        reached = Period.day(date.today())  # honours count by the day they were reached: now
        assert figures.period_figures(s, actor=b, period=reached).honours == [("微笑新星", 1)]
        assert figures.period_figures(s, actor=a, period=reached).honours == []
        assert figures.period_figures(s, actor=office, period=reached, station_id=st.a).honours_total == 0
        assert figures.period_figures(s, actor=office, period=reached).honours_total == 1

        key = f"{TODAY:%Y-%m}"
        assert figures.earned_by_month(s, actor=a, period=month) == {key: 4}
        assert figures.earned_by_month(s, actor=office, period=month) == {key: 9}
        assert figures.earned_by_month(s, actor=office, period=month, station_id=st.b) == {key: 5}
