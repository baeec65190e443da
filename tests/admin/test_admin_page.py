"""Administration page: add a staff account, enter a 2027 holiday, verify the audit chain."""

from datetime import date

from PySide6.QtCore import QDate, Qt

from desktop_app.admin.ui.page import AdminPage
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.workdays import WorkCalendar
from desktop_app.ui import messages


def test_admin_adds_a_front_desk_account(qtbot, ctx, engine, app_fonts, monkeypatch, wait_ops):
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc: shown.append(exc.text()))
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.staff
    wait_ops()
    qtbot.keyClicks(tab.username, "xiaowang")
    tab.display.setText("小王")
    qtbot.keyClicks(tab.password, "short")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert [u.username for u in tab.model.rows()] == ["admin"]  # refused: password too short
    assert shown and "8" in shown[0] and tab.username.text() == "xiaowang"  # said so; what was typed stays
    tab.password.setText("long-enough-1")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert [u.username for u in tab.model.rows()] == ["admin", "xiaowang"]
    assert auth.sign_in(engine, username="xiaowang", password="long-enough-1").role == auth.Role.FRONT_DESK


def test_enter_2027_national_day(qtbot, ctx, engine, app_fonts, wait_ops):
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.calendar
    tab.year.setValue(2027)
    wait_ops()
    assert "No holidays entered for 2027" in tab.status.text() and tab.status.property("tone") == "warning"
    tab.day.setDate(QDate(2027, 10, 1))
    tab.name.setText("国庆节")
    qtbot.mouseClick(tab.set_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dialog = tab.change_dialog  # the day is shown with what moves before it is saved
    assert dialog.days.rowCount() == 1 and "国庆节" in dialog.days.item(0, 3).text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert [d.day for d in tab.model.rows()] == [date(2027, 10, 1)]
    assert "1 holiday days" in tab.status.text() and "not marked complete" in tab.status.text()
    assert tab.complete_button.isVisible() or not tab.isVisible()
    with session_scope(engine, write=False) as s:
        assert not WorkCalendar.load(s).is_workday(date(2027, 10, 1))


def test_audit_tab_lists_changes_and_verifies(qtbot, ctx, app_fonts, monkeypatch, wait_ops):
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    audit = page.audit
    wait_ops()
    assert audit.model.rowCount() >= 2  # station + admin created
    audit.verify()
    wait_ops()
    assert "intact" in audit.verdict.text()
    audit.verdict.close()


def test_calendar_year_out_of_range_is_refused(engine, admin):
    import pytest

    from desktop_app import admin as administration
    from desktop_app.core.errors import ValidationError

    for year in (0, 10000, -5):
        with pytest.raises(ValidationError, match="between 1900 and 2200"), session_scope(engine, write=False) as s:
            administration.calendar_days(s, actor=admin, year=year)


def test_audit_tab_says_what_was_altered_in_chinese(qtbot, qapp, ctx, engine, app_fonts, wait_ops):
    """A rewritten audit row and the verify button, in zh_CN: the problem is told in Chinese."""
    from desktop_app.ui import translation
    from tests.security.helpers import tamper

    tamper(engine, "UPDATE audit_entry SET actor_name = '某人' WHERE id = (SELECT max(id) FROM audit_entry)")
    translation.install(qapp, "zh_CN")
    try:
        page = AdminPage(ctx)
        qtbot.addWidget(page)
        wait_ops()
        page.audit.verify()
        wait_ops()
        text = page.audit.verdict.text()
        assert "写入后内容被改动过" in text and "changed" not in text, text
        page.audit.verdict.close()
    finally:
        translation.install(qapp, "en")
