"""Administration page: add a staff account, enter a 2027 holiday, verify the audit chain."""

from datetime import date

from PySide6.QtCore import QDate, Qt

from desktop_app.admin.page import AdminPage
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.workdays import WorkCalendar


def test_admin_adds_a_front_desk_account(qtbot, ctx, engine, app_fonts, monkeypatch):
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.staff
    qtbot.keyClicks(tab.username, "xiaowang")
    tab.display.setText("小王")
    qtbot.keyClicks(tab.password, "short")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert [u.username for u in tab.model.rows()] == ["admin"]  # refused: password too short
    tab.password.setText("long-enough-1")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert [u.username for u in tab.model.rows()] == ["admin", "xiaowang"]
    assert auth.sign_in(engine, username="xiaowang", password="long-enough-1").role == auth.Role.FRONT_DESK


def test_enter_2027_national_day(qtbot, ctx, engine, app_fonts):
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.calendar
    tab.year.setValue(2027)
    assert "No holidays entered for 2027" in tab.status.text()
    tab.day.setDate(QDate(2027, 10, 1))
    tab.name.setText("国庆节")
    qtbot.mouseClick(tab.set_button, Qt.MouseButton.LeftButton)
    assert [d.day for d in tab.model.rows()] == [date(2027, 10, 1)]
    assert "1 holiday days" in tab.status.text()
    with session_scope(engine, write=False) as s:
        assert not WorkCalendar.load(s).is_workday(date(2027, 10, 1))


def test_audit_tab_lists_changes_and_verifies(qtbot, ctx, app_fonts, monkeypatch):
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    assert page.audit.model.rowCount() >= 2  # station + admin created
    box = page.audit.verify()
    assert "intact" in box.text()
    box.close()


def test_calendar_year_out_of_range_is_refused(engine, admin):
    import pytest

    from desktop_app.admin import service
    from desktop_app.core.errors import ValidationError

    for year in (0, 10000, -5):
        with pytest.raises(ValidationError, match="between 1900 and 2200"), session_scope(engine, write=False) as s:
            service.calendar_days(s, actor=admin, year=year)
