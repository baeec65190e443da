"""desk.figures: a few records in, the right counts out, each station its own and the sub-district the sum."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop_app import desk as ds
from desktop_app.core.db import session_scope
from desktop_app.core.periods import Period
from desktop_app.desk import day_figures, figures
from desktop_app.desk.models import ServiceRecord


def _now():
    when = datetime.now().astimezone() - timedelta(minutes=1)
    return when if when.date() == datetime.now().astimezone().date() else datetime.now().astimezone()  # stay on today


def test_desk_figures_by_station(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    when = _now()
    with session_scope(engine) as s:
        ds.create_record(s, actor=a, category_code="consultation", summary="问路", walk_in_name="路人", received_at=when)
        ds.create_record(s, actor=a, category_code="request", summary="路灯不亮", walk_in_name="王阿姨", received_at=when)
        late = ds.create_record(s, actor=a, category_code="request", summary="漏水", walk_in_name="李叔", received_at=when)
        s.get(ServiceRecord, late.id).due_at = when - timedelta(hours=1)
        ds.create_record(s, actor=b, category_code="request", summary="井盖松动", walk_in_name="王五", received_at=when)
    day, month = when.date(), Period.month_of(when.date())
    key = f"{day:%Y-%m}"
    with session_scope(engine, write=False) as s:
        assert figures.today(s, actor=a, day=day) == figures.DeskToday(3, 2, 1)  # the consultation closed on the spot
        assert figures.today(s, actor=a, day=day, station_id=st.b) == figures.DeskToday(3, 2, 1)  # staff: their own
        assert figures.today(s, actor=b, day=day) == figures.DeskToday(1, 1, 0)
        assert figures.today(s, actor=office, day=day) == figures.DeskToday(4, 3, 1)
        assert figures.today(s, actor=office, day=day, station_id=st.b) == figures.DeskToday(1, 1, 0)
        assert figures.today(s, actor=a, day=day - timedelta(days=1)).received_today == 0

        mine = figures.period_figures(s, actor=a, period=month)
        assert [(x.category, x.received, x.closed) for x in mine.lines] == [("Consultation", 1, 1), ("Request", 2, 0)]
        assert (mine.total.received, mine.total.closed, mine.total.closure_rate) == (3, 1, 1 / 3)
        assert (mine.open_now, mine.overdue_now) == (2, 1)
        assert figures.period_figures(s, actor=office, period=month).total.received == 4
        assert figures.period_figures(s, actor=a, period=month.previous_month()).total.received == 0

        assert figures.by_month(s, actor=a, period=month) == {key: figures.DeskMonth(3, 1, 1)}
        assert figures.by_month(s, actor=office, period=month)[key].received == 4
        assert figures.received_by_category(s, actor=a, period=month) == [("Consultation", {key: 1}), ("Request", {key: 2})]
        assert figures.received_by_category(s, actor=office, period=month, station_id=st.b) == [("Request", {key: 1})]


def test_desk_figures_agree_with_the_records(engine, admin):
    """The day figures the desk keeps and a count straight from the records give the same period figures."""
    when = _now()
    with session_scope(engine) as s:
        for code in ("consultation", "request", "request"):
            ds.create_record(s, actor=admin, category_code=code, summary="事项", walk_in_name="路人", received_at=when)
    with session_scope(engine, write=False) as s:
        ours = figures.period_figures(s, actor=admin, period=Period.day(when.date())).total
        theirs = day_figures.category_figures_from_records(s, actor=admin, start=when.date(), end=when.date())[-1]
    assert (ours.received, ours.closed, ours.closed_on_time, ours.followed_up, ours.satisfied) == (
        theirs.received, theirs.closed, theirs.closed_on_time, theirs.followed_up, theirs.satisfied)
