"""Issue 14 item 7: ``smiledesk demo`` never adds a second copy, and never touches a station's real data."""

from __future__ import annotations

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
