"""Issue 14 item 7: ``smiledesk demo`` never adds a second copy, and never touches a station's real data; issue 15
item 5: its story holds together."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func
from sqlmodel import select

from desktop_app import cli, demo, residents
from desktop_app.core.db import session_scope
from desktop_app.residents.models import Resident, ResidentCreate


def _residents(engine) -> int:
    with session_scope(engine, write=False) as s:
        return s.exec(select(func.count()).select_from(Resident)).one()


def test_demo_twice_adds_nothing_the_second_time(engine, db_arg, capsys):
    assert cli.main(["demo", "--db", db_arg, "--only", "residents"]) == 0
    first = _residents(engine)
    assert first > 0
    assert cli.main(["demo", "--db", db_arg, "--only", "residents"]) == 0
    assert _residents(engine) == first
    out = capsys.readouterr().out
    assert "already there, not added again: Residents" in out and "nothing added" in out
    with session_scope(engine, write=False) as s:
        assert demo.loaded(s) == ["residents"]


def test_demo_one_feature_at_a_time_builds_one_database(engine, db_arg):
    """The way the large benchmark database is built (docs/reports.md): residents first, then each feature."""
    assert cli.main(["demo", "--db", db_arg, "--only", "residents"]) == 0
    plan = demo.plan(engine, ["residents", "desk"])
    assert plan.to_load == ["desk"] and plan.already == ["residents"]


def test_demo_refuses_a_database_with_real_residents(engine, admin, db_arg, capsys):
    with session_scope(engine) as s:
        residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三"))
    assert cli.main(["demo", "--db", db_arg]) == 1
    assert "already holds residents that are not demo data" in capsys.readouterr().err
    assert _residents(engine) == 1


@pytest.mark.slow
def test_the_small_demo_tells_one_story_this_month_and_last(engine, db_arg):
    """Issue 15 item 5: every feature has last month (where reports open) and this month; the honours'
    certificates are counted alike on the passports, certificates and home pages; certificates were issued in
    working hours."""
    from desktop_app import startup
    from desktop_app.certificates.figures import pending_requests, waiting
    from desktop_app.certificates.models import Certificate
    from desktop_app.core.clock import to_local
    from desktop_app.core.periods import Period
    from desktop_app.dashboard import charts, today
    from desktop_app.desk.models import ServiceEvent
    from desktop_app.passports import kiosk
    from desktop_app.passports.models import HonourAward
    from desktop_app.reports.monthly import month_to_open
    from desktop_app.rosters.models import Shift

    assert cli.main(["demo", "--db", db_arg]) == 0
    actor = startup.first_admin(engine)
    day = date.today()
    this_month = Period.month_of(day)
    with session_scope(engine, write=False) as s:
        last, this = charts.chart_series(s, actor=actor, months=2)
        assert all((last.desk_received, last.volunteer_hours, last.meals_served, last.stamps, last.patrol_coverage))
        assert month_to_open(s, actor=actor, today=day) == (last.year, last.month)
        assert s.exec(select(func.count()).select_from(Shift).where(Shift.date >= this_month.start,
                                                                     Shift.date < this_month.end)).one() > 0
        # The honours: none left without a request; those of this month wait at the certificates desk.
        honours = s.exec(select(HonourAward)).all()
        assert honours and all(h.certificate_ref for h in honours)
        this_months = [h for h in honours if to_local(h.reached_at).date() >= this_month.start]
        waiting_honours = kiosk.overview(s, actor=actor, day=day).honours_waiting
        assert waiting_honours == pending_requests(s, actor=actor, source="passports") == len(this_months)
        requests = waiting(s, actor=actor).requests
        assert today.today_figures(s, actor=actor).certificates.requests == requests >= waiting_honours
        hours = {to_local(at).hour for at in s.exec(select(Certificate.issued_at)).all()}
        assert hours and min(hours) >= 9 and max(hours) <= 16  # working hours on the station's clock
        # The desk's records moved along in office hours (a record was not followed up at 22:54).
        steps = s.exec(select(ServiceEvent.at).where(ServiceEvent.kind.not_in(("received", "settled")))).all()
        night = [at for at in steps if not time(8, 30) <= to_local(at).time() <= time(17, 30)]
        assert steps and not night, sorted(night)[:5]
