"""Several stations on one database: the home page's tiles show the station's own figures to its staff
and the sum of every station to a sub-district administrator (docs/postgres.md §5)."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop_app import certificates
from desktop_app import desk as ds
from desktop_app.core.db import session_scope
from desktop_app.dashboard import charts, today
from tests.certificates.helpers import thank_you


def test_tiles_show_the_station_and_the_sub_district_sum(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    when = datetime.now().astimezone() - timedelta(minutes=1)
    if when.date() != datetime.now().astimezone().date():  # just after midnight: stay on today
        when = datetime.now().astimezone()
    with session_scope(engine) as s:
        ds.create_record(s, actor=a, category_code="request", summary="楼道灯坏了", walk_in_name="张三", received_at=when)
        ds.create_record(s, actor=b, category_code="request", summary="路面积水", walk_in_name="李四", received_at=when)
        ds.create_record(s, actor=b, category_code="request", summary="井盖松动", walk_in_name="王五", received_at=when)
        certificates.request_certificate(s, actor=b, content=thank_you())
    with session_scope(engine, write=False) as s:
        def tiles(actor, station_id=None):
            return today.today_figures(s, actor=actor, day=when.date(), station_id=station_id)

        assert (tiles(a).desk.received_today, tiles(a).desk.open) == (1, 1)
        assert tiles(a, st.b).desk.received_today == 1  # staff cannot pick another station
        assert (tiles(b).desk.received_today, tiles(b).certificates.requests) == (2, 1)
        assert tiles(a).certificates.requests == 0
        assert (tiles(office).desk.received_today, tiles(office).desk.open, tiles(office).certificates.requests) == (3, 3, 1)
        assert tiles(office, st.a).desk.received_today == 1
        cats = dict(charts.desk_categories(s, actor=office, months=1, today=when.date()))
        assert sum(cats["Request"]) == 3
        assert sum(dict(charts.desk_categories(s, actor=a, months=1, today=when.date()))["Request"]) == 1
