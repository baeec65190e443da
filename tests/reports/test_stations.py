"""Several stations on one database: a station's staff get their station's report, a sub-district
administrator the roll-up of every station or one chosen station (docs/postgres.md §5)."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop_app import desk as ds
from desktop_app import reports
from desktop_app.core.db import session_scope
from desktop_app.core.periods import Period


def test_report_figures_are_the_stations_own_and_roll_up(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("front_desk", st.a), st.actor("front_desk", st.b), st.office
    when = datetime.now().astimezone() - timedelta(minutes=5)
    with session_scope(engine) as s:
        ds.create_record(s, actor=a, category_code="request", summary="楼道灯坏了", walk_in_name="张三", received_at=when)
        for name in ("李四", "王五"):
            ds.create_record(s, actor=b, category_code="request", summary="路面积水", walk_in_name=name, received_at=when)
    day = when.date()
    period = reports.ReportPeriod.inclusive(day.replace(day=1), day)
    admin_a = st.actor("admin", st.a)
    with session_scope(engine, write=False) as s:
        def desk(actor, station_id=None):
            return reports.period_figures(s, actor=actor, period=period, station_id=station_id).desk

        assert (desk(admin_a).total.received, desk(admin_a).open_now) == (1, 1)
        assert desk(admin_a, st.b).total.received == 1  # a station's staff cannot pick another station
        assert (desk(office).total.received, desk(office).open_now) == (3, 3)
        assert (desk(office, st.b).total.received, desk(office, st.b).open_now) == (2, 2)
        assert reports.stations(s, actor=admin_a) == [(st.a, st.names[st.a])]
        assert [sid for sid, _ in reports.stations(s, actor=office)] == [st.a, st.b]
        assert reports.period_figures(s, actor=office, period=period, station_id=st.b).station_name == st.names[st.b]
        series = reports.monthly_series(s, actor=office, period=Period.month_of(day))
        assert series[-1].desk_received == 3
        assert reports.monthly_series(s, actor=admin_a, period=Period.month_of(day))[-1].desk_received == 1
