"""The planner always has statistics, and the hot queries' plans do not depend on them (issue 21).

Without sqlite_stat1 the residents list picked the station index and sorted every resident for each
200-row page (1.3 s at 1,000,000 residents); the annual report's redemption sum scanned a million awards.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QObject
from sqlalchemy import event

from desktop_app import demo
from desktop_app.core import auth
from desktop_app.core.db import has_statistics, make_engine, session_scope
from desktop_app.features import open_app_database


def _stat_tables(path) -> set[str]:
    with sqlite3.connect(path) as raw:
        if not raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return set()
        return {row[0] for row in raw.execute("SELECT tbl FROM sqlite_stat1")}


def _forget_statistics(path) -> None:
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TABLE IF EXISTS sqlite_stat1")


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "station.sqlite3"
    engine = open_app_database(f"sqlite:///{path}")
    with session_scope(engine) as s:
        admin = auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin",
                                        display_name="王主任", password="admin-pass-1")
    return path, engine, admin


def test_a_database_never_analysed_is_analysed_when_opened(db_file):
    path, engine, _admin = db_file
    engine.dispose()
    _forget_statistics(path)
    assert not _stat_tables(path) and not has_statistics(make_engine(f"sqlite:///{path}"))
    reopened = open_app_database(f"sqlite:///{path}")
    assert has_statistics(reopened) and "staff_user" in _stat_tables(path)


def test_demo_data_is_analysed_once_written(db_file):
    path, engine, _admin = db_file
    demo.load(engine, scale="small", wanted=["residents"])
    assert "resident" in _stat_tables(path)


def test_the_app_refreshes_statistics_while_it_runs(qtbot, db_file):
    from desktop_app.app import schedule_statistics

    path, engine, _admin = db_file
    _forget_statistics(path)
    owner = QObject()
    timer = schedule_statistics(owner, engine, first_ms=0, every_ms=60_000)
    assert timer is not None and timer.isActive()
    qtbot.waitUntil(lambda: has_statistics(engine), timeout=10000)
    timer.stop()


def _plans(engine, work) -> dict[str, list[str]]:
    """EXPLAIN QUERY PLAN of every SELECT ``work(session)`` runs."""
    seen: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, *_args) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        with session_scope(engine, write=False) as s:
            work(s)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    raw = engine.raw_connection()
    try:
        return {stmt: [row[3] for row in raw.cursor().execute("EXPLAIN QUERY PLAN " + stmt, params)]
                for stmt, params in seen}
    finally:
        raw.close()


def _plan_of(plans: dict[str, list[str]], *words: str) -> list[str]:
    found = [plan for stmt, plan in plans.items() if all(w in stmt for w in words)]
    assert found, f"no statement with {words}"
    return found[0]


def test_hot_plans_use_their_indexes_without_statistics(db_file):
    """The plans the large database needs, on a database the planner knows nothing about."""
    from desktop_app.core.periods import Period
    from desktop_app.meals.figures import served_by_month
    from desktop_app.passports.figures import period_figures as stamp_figures
    from desktop_app.residents.lists import count, filter_choices, list_page

    path, engine, admin = db_file
    _forget_statistics(path)
    engine.dispose()
    year = Period.year(date.today().year)

    def work(s):
        list_page(s, actor=admin)
        count(s, actor=admin)
        filter_choices(s, actor=admin)
        stamp_figures(s, actor=admin, period=year)
        served_by_month(s, actor=admin, period=year)

    plans = _plans(engine, work)
    page = _plan_of(plans, "FROM resident", "ORDER BY resident.sort_key")
    assert any("ix_resident_station_list" in step for step in page) and not any("TEMP B-TREE" in s for s in page), page
    counted = _plan_of(plans, "count(*)", "FROM resident")
    assert any("COVERING INDEX ix_resident_station_list" in step for step in counted), counted
    for column in ("grid", "compound"):
        choices = _plan_of(plans, f"SELECT {column} FROM resident")
        assert any(f"ix_resident_station_{column}" in step for step in choices) and not any(
            "TEMP B-TREE" in s for s in choices), choices
    redeemed = _plan_of(plans, "sum(passport_stamp.stamps)", "passport_stamp.kind = ?")
    assert any("ix_passport_stamp_kind_day (kind=? AND occurred_on>? AND occurred_on<?)" in s for s in redeemed), redeemed
    served = _plan_of(plans, "FROM meal_order", "GROUP BY meal_order.day")
    assert any("COVERING INDEX ix_meal_order_day_figures" in s for s in served), served


def test_the_home_pages_check_in_questions_read_only_the_open_and_unreviewed(db_file):
    """Every refresh of the home page asks which patrols are still open and which automatic check-outs wait
    for a coordinator: partial indexes hold just those, not the years of check-ins (20-30 ms each on the
    large database, issue 21). The home page's reminders read them beside its figures."""
    from desktop_app.rosters import forgotten

    path, engine, admin = db_file
    _forget_statistics(path)
    engine.dispose()

    def work(s):
        forgotten.forgotten_due(s, actor=admin)
        forgotten.waiting(s, actor=admin)

    plans = _plans(engine, work)
    still_open = _plan_of(plans, "SELECT roster_checkin.id", "check_out_at IS NULL")
    assert len(still_open) == 1 and "INDEX ix_roster_checkin_open" in still_open[0], still_open
    waiting = _plan_of(plans, "SELECT roster_checkin.shift_id", "reviewed_at IS NULL")
    assert len(waiting) == 1 and "INDEX ix_roster_checkin_unreviewed" in waiting[0], waiting
