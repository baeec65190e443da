"""Several stations on one database: desk staff see their station's records, a sub-district
administrator sees every station's, and the figures roll up (docs/postgres.md §5)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop_app.core.clock import utcnow
from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound
from desktop_app.desk import day_figures, lists, loop, visits
from desktop_app.residents import create_resident
from desktop_app.residents.models import ResidentCreate


def test_staff_see_their_station_and_the_sub_district_sees_the_sum(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("front_desk", st.a), st.actor("front_desk", st.b), st.office
    when = datetime.now().astimezone() - timedelta(minutes=5)
    with session_scope(engine) as s:
        mine = visits.create_record(s, actor=a, category_code="request", summary="楼道灯坏了", walk_in_name="张三", received_at=when).id
        theirs = visits.create_record(s, actor=b, category_code="request", summary="路面积水", walk_in_name="李四", received_at=when).id
        also = visits.create_record(s, actor=b, category_code="consultation", summary="咨询医保", walk_in_name="王五", received_at=when).id
        b_resident = create_resident(s, actor=b, data=ResidentCreate(name="赵六")).id
    today = when.date()
    with session_scope(engine, write=False) as s:
        assert [r.id for r in lists.list_page(s, actor=a)] == [mine]
        assert sorted(r.id for r in lists.list_page(s, actor=b)) == sorted([theirs, also])
        assert sorted(r.id for r in lists.list_page(s, actor=office)) == sorted([mine, theirs, also])
        assert [r.id for r in lists.list_page(s, actor=a, until_day=today)] == [mine]
        assert [r.id for r in lists.list_page(s, actor=a, before=(utcnow(), 10**9))] == [mine]
        assert [r.id for r in lists.list_day(s, actor=a, day=today)] == [mine]
        assert [r.id for r in lists.list_open(s, actor=a)] == [mine]
        assert len(lists.list_open(s, actor=office)) == 2  # the consultation was settled on the spot
        for fetch in (lists.get_row, lists.get_record, lists.timeline, lists.repeat_candidates):
            with pytest.raises(NotFound):
                fetch(s, actor=a, record_id=theirs)
        assert lists.get_record(s, actor=office, record_id=theirs).summary == "路面积水"
        assert lists.open_requests_of(s, actor=a, resident_id=b_resident) == []
        assert day_figures.stations(s, actor=a) == [(st.a, st.names[st.a])]
        assert [sid for sid, _ in day_figures.stations(s, actor=office)] == [st.a, st.b]

        def total(actor, station_id=None, from_records=False):
            fn = day_figures.category_figures_from_records if from_records else day_figures.category_figures
            return fn(s, actor=actor, start=today, end=today, station_id=station_id)[-1].received

        for from_records in (False, True):
            assert total(a, from_records=from_records) == 1
            assert total(a, st.b, from_records) == 1  # staff always get their own station
            assert total(b, from_records=from_records) == 2
            assert total(office, from_records=from_records) == 3  # the roll-up
            assert total(office, st.b, from_records) == 2
    with session_scope(engine) as s, pytest.raises(NotFound):
        loop.dispatch_record(s, actor=a, record_id=theirs, assignee="网格员")
    with session_scope(engine) as s, pytest.raises(NotFound):
        visits.create_record(s, actor=a, category_code="request", summary="找人", resident_id=b_resident)
    with session_scope(engine) as s:
        assert loop.dispatch_record(s, actor=office, record_id=theirs, assignee="网格员").status == "dispatched"
        assert visits.create_record(s, actor=b, category_code="request", summary="找人", resident_id=b_resident).station_id == st.b


def test_a_sub_district_record_has_no_station_and_staff_do_not_see_it(engine, two_stations):
    st = two_stations
    with session_scope(engine) as s:
        rid = visits.create_record(s, actor=st.office, category_code="request", summary="街道督办", walk_in_name="张三").id
    with session_scope(engine, write=False) as s:
        assert lists.get_record(s, actor=st.office, record_id=rid).station_id is None
        assert lists.list_page(s, actor=st.actor("front_desk", st.a)) == []
        day = date.today()
        assert day_figures.category_figures(s, actor=st.office, start=day - timedelta(days=1), end=day + timedelta(days=1))[-1].received == 1
