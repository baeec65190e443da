"""Each station has its own kiosk PIN and daily stamp limit (issue 22: one station's administrator overwrote
another's PIN, and the limit was one setting for the whole database)."""

from __future__ import annotations

import pytest

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError
from desktop_app.passports import activities, cards, settings, stamps
from desktop_app.passports.models import ActivityCreate
from desktop_app.residents import ResidentCreate, create_resident

from .conftest import TODAY


def _resident_with_activities(s, actor, n: int):
    rid = create_resident(s, actor=actor, data=ResidentCreate(name="周芳")).id
    cards.issue_passport(s, actor=actor, resident_id=rid, today=TODAY)
    acts = [activities.create_activity(s, actor=actor, data=ActivityCreate(name=f"活动{i}", start_date=TODAY, stamps=1)).id
            for i in range(n)]
    return rid, acts


def test_kiosk_pin_and_daily_limit_are_each_stations_own(engine, two_stations):
    st = two_stations
    admin_a, admin_b, kiosk_b = st.actor("admin", st.a), st.actor("admin", st.b), st.actor("kiosk", st.b)
    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin_a, pin="246813")
        settings.set_daily_cap(s, actor=admin_a, stamps=1)
    with session_scope(engine, write=False) as s:
        assert settings.has_kiosk_pin(s, station_id=st.a)
        assert not settings.has_kiosk_pin(s, station_id=st.b)  # station b's kiosk is not locked by a's PIN
        assert settings.daily_cap(s, station_id=st.b) == settings.DEFAULT_DAILY_CAP
    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin_b, pin="135792")  # b sets its own: a's stays
    kiosk_a = st.actor("kiosk", st.a)
    with session_scope(engine) as s:  # each kiosk opens with its own station's PIN only
        assert settings.unlock_kiosk(s, actor=kiosk_a, pin="246813").ok
        assert not settings.unlock_kiosk(s, actor=kiosk_b, pin="246813").ok
        assert settings.unlock_kiosk(s, actor=kiosk_b, pin="135792").ok
        assert not settings.unlock_kiosk(s, actor=kiosk_a, pin="135792").ok
    with session_scope(engine, write=False) as s:
        assert settings.kiosk_locks(s, actor=kiosk_b)
    with session_scope(engine) as s:  # the limit of the activity's station applies
        rid_a, acts_a = _resident_with_activities(s, admin_a, 2)
        rid_b, acts_b = _resident_with_activities(s, admin_b, 2)
    with session_scope(engine) as s:
        stamps.award_stamp(s, actor=admin_a, resident_id=rid_a, activity_id=acts_a[0], today=TODAY)
        for act in acts_b:
            stamps.award_stamp(s, actor=admin_b, resident_id=rid_b, activity_id=act, today=TODAY)
    with session_scope(engine) as s, pytest.raises(ConflictError, match="limit is 1"):
        stamps.award_stamp(s, actor=admin_a, resident_id=rid_a, activity_id=acts_a[1], today=TODAY)


def test_a_sub_district_default_applies_where_a_station_has_none(engine, two_stations):
    st = two_stations
    admin_b = st.actor("admin", st.b)
    with session_scope(engine) as s:
        settings.set_daily_cap(s, actor=st.office, stamps=4)
        settings.set_daily_cap(s, actor=admin_b, stamps=7)
    with session_scope(engine, write=False) as s:
        assert settings.daily_cap(s, station_id=st.a) == 4
        assert settings.daily_cap(s, station_id=st.b) == 7
