"""Issue 18 item 4: the hours ledger and the desk loop's events are append-only in the database itself
(SQLite and PostgreSQL), like the meal and stamp ledgers; triggers missing or altered are recreated when
the database opens, and ``smiledesk check`` reports them. One registry (core.db.guards) for every table."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop_app import cli
from desktop_app.core.db import guards, session_scope
from desktop_app.desk import loop, visits
from desktop_app.desk import privacy as desk_privacy
from desktop_app.features import declare_guards, open_app_database
from desktop_app.rosters import hours
from desktop_app.rosters import privacy as rosters_privacy
from tests.rosters.helpers import make_team


@pytest.fixture
def ledgers(engine, admin):
    """A volunteer with one hours entry; a desk record of the same resident with a note in its loop."""
    _team, vids = make_team(engine, admin, members=1, leaders=1)
    with session_scope(engine) as s:
        hours.correct_hours(s, actor=admin, volunteer_id=vids[0], minutes=90, reason="补记十月巡逻")
        rid = s.execute(text("SELECT resident_id FROM roster_volunteer WHERE id = :v"), {"v": vids[0]}).scalar()
        rec = visits.create_record(s, actor=admin, category_code="request", summary="楼道灯坏了", resident_id=rid)
        loop.dispatch_record(s, actor=admin, record_id=rec.id, assignee="物业", note="她家电话 13800001111")
    return rid


def _refused(engine, sql: str, **params) -> None:
    with pytest.raises(IntegrityError, match="append-only"), session_scope(engine) as s:
        s.execute(text(sql), params)


def test_every_ledger_is_declared_once():
    declare_guards()
    assert {t.table for t in guards.declared()} >= {"roster_hours_entry", "service_event", "meal_ledger", "passport_stamp"}


def test_hours_ledger_and_loop_events_refuse_update_and_delete(engine, ledgers):
    for sql in ("UPDATE roster_hours_entry SET minutes = 600", "UPDATE roster_hours_entry SET credited_minutes = 600",
                "DELETE FROM roster_hours_entry", "UPDATE service_event SET kind = 'closed'",
                "UPDATE service_event SET actor_id = NULL", "DELETE FROM service_event"):
        _refused(engine, sql)
    with session_scope(engine, write=False) as s:
        assert s.execute(text("SELECT sum(minutes) FROM roster_hours_entry")).scalar() == 90
        assert s.execute(text("SELECT count(*) FROM service_event")).scalar() == 2


def test_an_erasure_may_blank_the_free_text_and_nothing_else(engine, ledgers):
    resident_id = ledgers
    _refused(engine, "UPDATE service_event SET note = 'x'")
    _refused(engine, "UPDATE service_event SET note = '', actor_name = 'mallory'")
    _refused(engine, "UPDATE roster_hours_entry SET reason = '', minutes = 1")
    _refused(engine, "UPDATE roster_hours_entry SET reason = '另写一个理由'")
    with session_scope(engine) as s:  # the features' own erasure passes the triggers
        rosters_privacy.erase(s, resident_id)
        desk_privacy.erase(s, resident_id)
    with session_scope(engine, write=False) as s:
        assert s.execute(text("SELECT reason, minutes FROM roster_hours_entry")).one() == ("", 90)
        assert s.execute(text("SELECT count(*) FROM service_event")).scalar() == 2
        assert s.execute(text("SELECT count(*) FROM service_event WHERE note <> ''")).scalar() == 0


def _drop(engine, table: str) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"DROP TRIGGER {table}_no_update")
            conn.exec_driver_sql(f"DROP TRIGGER {table}_no_delete")
        else:
            conn.exec_driver_sql(f"DROP TRIGGER {table}_no_change ON {table}")


def _neuter(engine, table: str) -> None:
    """Replace the refusal with a trigger of the same name that refuses nothing."""
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"DROP TRIGGER {table}_no_delete")
            conn.exec_driver_sql(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT 1; END")
        else:
            conn.exec_driver_sql(f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ BEGIN "
                                 "RETURN OLD; END $$ LANGUAGE plpgsql")


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_missing_or_altered_triggers_are_reported_by_check_and_recreated_at_open(engine, ledgers, db_arg, capsys):
    assert cli.main(["check", "--db", db_arg]) == 0
    capsys.readouterr()
    _drop(engine, "roster_hours_entry")
    _neuter(engine, "service_event")
    _drop(engine, "meal_ledger")
    with session_scope(engine) as s:  # unprotected now: what the triggers are for
        s.execute(text("UPDATE roster_hours_entry SET reason = '改过'"))
    assert cli.main(["check", "--db", db_arg]) == 1
    out = capsys.readouterr().out
    for table in ("roster_hours_entry", "service_event", "meal_ledger"):
        assert f"keep {table} append-only are missing or altered" in out
    assert "passport_stamp" not in out
    engine.dispose()
    reopened = open_app_database(_url(engine))
    try:
        _refused(reopened, "UPDATE roster_hours_entry SET reason = '再改'")
        _refused(reopened, "DELETE FROM service_event")
        assert guards.verify(reopened) == []
        assert guards.ensure(reopened) == []  # nothing left to repair
    finally:
        reopened.dispose()
    assert cli.main(["check", "--db", db_arg]) == 0
