"""Issue 18 items 1–2 on the administration page: the 2027 notice pasted, read, shown with what moves, and
saved; a notice with a mistake says which line; a preview that went stale is refused and read again."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from desktop_app.admin.ui.page import AdminPage
from desktop_app.app import make_services
from desktop_app.core.db import session_scope
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk import visits
from desktop_app.desk.models import ServiceRecord
from tests.admin.test_calendar_2027 import NOTICE_2027


def _page(qtbot, ctx, year=2027):
    ctx.services = make_services()
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.calendar
    tab.year.setValue(year)
    return page, tab


def _messages(widget) -> list[str]:
    return [b.text() for b in widget.findChildren(QMessageBox)]


def test_the_2027_notice_pasted_previewed_and_saved(qtbot, ctx, engine, admin, app_fonts, wait_ops, monkeypatch):
    received = datetime.combine(date(2027, 2, 5), time(9)).astimezone()
    monkeypatch.setattr(visits, "utcnow", lambda: received.astimezone(UTC))
    with session_scope(engine) as s:
        rid = visits.create_record(s, actor=admin, category_code="agency_service", summary="代办医保报销",
                                   walk_in_name="张三", received_at=received).id
    page, tab = _page(qtbot, ctx)
    wait_ops()
    assert tab.status.property("tone") == "warning" and "No holidays entered for 2027" in tab.status.text()
    dialog = tab.paste_notice()
    assert dialog.text.isVisible() and not dialog.save_button.isEnabled()
    dialog.text.setPlainText(NOTICE_2027)
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.days.rowCount() == 12  # 3 days of 元旦, 7 of 春节, 2 adjusted workdays
    moves = [dialog.moves.item(i, 2).text() for i in range(dialog.moves.rowCount())]
    assert any("due 2027-02-12 → 2027-02-18" in m for m in moves)
    assert "12 day(s) change" in dialog.summary.text() and "2027 counts as entered in full" in dialog.summary.text()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert not (isValid(dialog) and dialog.isVisible())  # closed, and deleted
    assert len(tab.model.rows()) == 12 and tab.status.property("tone") == ""
    assert not tab.complete_button.isVisible()
    with session_scope(engine, write=False) as s:
        assert s.get(ServiceRecord, rid).due_at.astimezone().date() == date(2027, 2, 18)
        assert WorkCalendar.load(s).covers_year(2027)


def test_a_mistake_in_the_notice_is_named_and_nothing_can_be_saved(qtbot, ctx, engine, app_fonts, wait_ops):
    page, tab = _page(qtbot, ctx)
    wait_ops()
    dialog = tab.paste_notice()
    dialog.text.setPlainText("春节：2月6日至12日放假调休，共7天。2月14日（星期六）上班。")
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert any("but in 2027 it is a 星期日" in m for m in _messages(dialog))
    assert not dialog.save_button.isEnabled() and dialog.days.rowCount() == 0
    dialog.last_box.close()


def test_a_stale_preview_is_refused_and_read_again(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    page, tab = _page(qtbot, ctx)
    wait_ops()
    dialog = tab.paste_notice()
    dialog.text.setPlainText(NOTICE_2027)
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine) as s:  # someone else enters 02-13 as a holiday meanwhile
        from desktop_app.core import workdays

        workdays.set_day(s, actor=admin, day=date(2027, 2, 13), kind="holiday", name="春节")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert any("changed since the preview" in m for m in _messages(dialog))
    assert dialog.isVisible() and dialog.days.rowCount() == 13  # read again: 02-13 goes back to ordinary
    dialog.last_box.close()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine, write=False) as s:
        cal = WorkCalendar.load(s)
    assert not cal.is_holiday(date(2027, 2, 13)) and cal.is_holiday(date(2027, 2, 12))


def test_the_year_entered_by_hand_is_confirmed_complete(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    page, tab = _page(qtbot, ctx, 2028)
    wait_ops()
    tab.day.setDate(tab.day.date().fromString("2028-01-01", "yyyy-MM-dd"))
    tab.name.setText("元旦")
    dialog = tab.apply("holiday")
    wait_ops()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "not marked complete" in tab.status.text()
    dialog = tab.confirm_year()
    wait_ops()
    assert "2028 counts as entered in full" in dialog.summary.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert tab.status.property("tone") == "" and not tab.complete_button.isVisible()
    assert not tab.package_button.isEnabled()  # the installed chinese-calendar stops at 2026


def test_in_chinese_the_table_says_what_each_day_is_called(qtbot, qapp, ctx, engine, admin, app_fonts, wait_ops):
    """The holiday's name column is 名称 (what the day is called), not 姓名 (a person's name)."""
    from desktop_app.ui import translation

    translation.install(qapp, "zh_CN")
    try:
        page, tab = _page(qtbot, ctx, year=2026)
        wait_ops()
        headers = [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(tab.model.columnCount())]
        assert headers == ["日期", "星期", "类型", "名称"]
        row = next(i for i, d in enumerate(tab.model.rows()) if d.name == "春节")  # 2026-02-15
        assert [tab.model.index(row, i).data() for i in range(4)] == ["2026-02-15", "星期日", "法定节假日（放假）", "春节"]
    finally:
        translation.install(qapp, "en")
