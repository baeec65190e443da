"""Issue 18 item 1: every page and command that computes a date in a year whose holidays are not entered
says so where the date is used — the desk form (the deadline a record saved now would get) and list, the
roster month, the meals day, the reports — and stops saying it once the year is entered."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime

from desktop_app import admin as administration
from desktop_app import cli
from desktop_app.core.db import session_scope
from desktop_app.desk import visits
from tests.admin.test_calendar_2027 import NOTICE_2027

GAP = "The holidays of 2027 are not entered yet"


def _enter_2027(engine, admin) -> None:
    with session_scope(engine) as s:
        administration.enter_notice(s, actor=admin, text=NOTICE_2027)


def test_desk_form_and_list_warn_about_deadlines_in_2027(qtbot, ctx, engine, admin, app_fonts, wait_ops, monkeypatch):
    from desktop_app.desk.ui.page import DeskPage

    received = datetime.combine(date(2026, 12, 28), time(9)).astimezone()
    monkeypatch.setattr(visits, "utcnow", lambda: received.astimezone(UTC))
    with session_scope(engine) as s:  # received in late December: 10 working days run into 2027
        visits.create_record(s, actor=admin, category_code="request", summary="楼道灯坏了", walk_in_name="张三",
                             received_at=received)
    page = DeskPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    page.view.setCurrentIndex(page.view.findData("open"))
    wait_ops()
    assert page.list_note.isVisible() and GAP in page.list_note.text()
    page.earlier.setChecked(True)
    page.when.setDateTime(QDateTime(QDate(2026, 12, 30), QTime(10, 0)))
    page.category.setCurrentIndex(page.category.findData("request"))
    assert page.due_note.isVisible() and GAP in page.due_note.text()
    page.category.setCurrentIndex(page.category.findData("consultation"))  # settled on the spot: no deadline
    assert not page.due_note.isVisible()
    page.when.setDateTime(QDateTime(QDate(2026, 11, 2), QTime(10, 0)))
    page.category.setCurrentIndex(page.category.findData("request"))
    assert not page.due_note.isVisible()  # due in November 2026: the year is entered
    _enter_2027(engine, admin)
    page.load_reference()
    wait_ops()
    page.when.setDateTime(QDateTime(QDate(2026, 12, 30), QTime(10, 0)))
    assert not page.due_note.isVisible() and not page.list_note.isVisible()


def test_roster_meals_and_reports_pages_warn_for_2027(qtbot, ctx, engine, admin, app_fonts, wait_ops, tmp_path):
    from desktop_app.meals.ui.page import MealsPage
    from desktop_app.reports.ui.page import ReportsPage
    from desktop_app.rosters.ui.page import RostersPage

    rosters = RostersPage(ctx)
    meals = MealsPage(ctx)
    reports = ReportsPage(ctx)
    for w in (rosters, meals, reports):
        qtbot.addWidget(w)
        w.show()
    wait_ops()
    rosters.month = date(2027, 2, 1)
    rosters.refresh()
    meals.day.date.setDate(QDate(2027, 2, 8))
    reports.year.setValue(2027)
    reports.refresh()
    wait_ops()
    for note in (rosters.calendar_note, meals.day.calendar_note, reports.calendar_note):
        assert note.isVisible() and GAP in note.text(), note.objectName()
    rosters.month = date(2026, 12, 1)
    rosters.refresh()
    meals.day.date.setDate(QDate(2026, 12, 7))
    wait_ops()
    assert not rosters.calendar_note.isVisible() and not meals.day.calendar_note.isVisible()
    _enter_2027(engine, admin)
    rosters.month = date(2027, 2, 1)
    rosters.refresh()
    meals.day.date.setDate(QDate(2027, 2, 8))
    reports.refresh()
    wait_ops()
    for note in (rosters.calendar_note, meals.day.calendar_note, reports.calendar_note):
        assert not note.isVisible(), note.objectName()


@pytest.mark.parametrize("argv", [["meals-day", "--date", "2027-02-08"], ["desk-figures", "--from", "2027-01-01",
                                                                          "--to", "2027-01-31"]])
def test_commands_say_so_on_stderr(engine, admin, db_arg, capsys, tmp_path, argv):
    if argv[0] == "meals-day":
        argv = [*argv, "--out", str(tmp_path)]
    assert cli.main([*argv, "--db", db_arg]) == 0
    assert GAP in capsys.readouterr().err
    _enter_2027(engine, admin)
    assert cli.main([*argv, "--db", db_arg]) == 0
    assert GAP not in capsys.readouterr().err
