"""The desk page driven as a person at the desk would: keyboard first, counted actions, next-step dialogs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from shiboken6 import isValid
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.desk import category_list, lists, visits
from desktop_app.desk.models import ServiceEvent, ServiceRecord, Status
from desktop_app.residents import create_resident
from desktop_app.residents.models import ResidentCreate


class Actions:
    """Counts what a person does besides typing text: key presses that are not text, clicks."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def key(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)

    def click(self, widget) -> None:
        self.count += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type(self, widget, text: str) -> None:  # typing text is not an action; Chinese through setText
        if text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:
            widget.setText(widget.text() + text)


@pytest.fixture
def resident_id(engine, admin):
    with session_scope(engine) as s:
        return create_resident(s, actor=admin, data=ResidentCreate(name="张三丰", phone="13955123456")).id


@pytest.fixture
def page(qtbot, ctx, app_fonts, wait_ops):
    from desktop_app.desk.ui.page import DeskPage

    p = DeskPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    wait_ops()
    return p


def _records(engine) -> list[ServiceRecord]:
    with session_scope(engine, write=False) as s:
        return list(s.exec(select(ServiceRecord).order_by(ServiceRecord.id)))


def _close_box(page) -> str:
    box = page.last_error if page.last_error is not None else (page.dialog.last_error if page.dialog else None)
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.done(0)
    page.last_error = None
    return text


def test_known_resident_on_the_spot_consultation_takes_three_actions(qtbot, page, engine, resident_id, wait_ops):
    act = Actions(qtbot)
    qtbot.waitUntil(lambda: page.picker.box.hasFocus())
    act.type(page.picker.box, "zsf")  # pinyin initials of 张三丰
    act.key(page.picker.box, Qt.Key.Key_Return)  # 1: Enter picks the first match
    assert page.resident is not None and page.resident.id == resident_id
    assert page.category.hasFocus()
    act.key(page.category, Qt.Key.Key_2)  # 2: number key: consultation
    assert page.category.code() == "consultation"
    assert page.summary.hasFocus()
    act.type(page.summary, "咨询医保报销比例")
    act.key(page.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # 3: Ctrl+Enter saves
    wait_ops()
    assert act.count <= 4

    [rec] = _records(engine)
    assert (rec.resident_id, rec.summary, rec.status, rec.channel) == (resident_id, "咨询医保报销比例", Status.CLOSED, "walk_in")
    # the form is clear for the next person, focus back in the resident box
    assert page.picker.box.text() == "" and page.summary.text() == "" and page.category.code() is None
    assert page.picker.box.hasFocus()
    # today's list shows it first, selected, with its timeline beside it
    assert page.model.rowCount() == 1 and page.model.row(0).id == rec.id
    assert "张三丰" in page.model.data(page.model.index(0, 2))
    assert page.detail.timeline.count() == 2
    assert "settled on the spot" in page.detail.timeline.item(1).text()
    assert not any(b.isVisible() for k, b in page.detail.buttons.items() if k not in ("link_repeat",))
    total = page.figures.figure_rows[-1]
    assert (total.received, total.closed, total.closed_on_time) == (1, 1, 1)


def test_category_by_initials_then_enter(qtbot, page, resident_id, wait_ops):
    page.picker.box.setFocus()
    qtbot.keyClicks(page.picker.box, "zhangsanfeng")
    qtbot.keyClick(page.picker.box, Qt.Key.Key_Return)
    qtbot.keyClick(page.category, Qt.Key.Key_R)  # English labels in tests: "Request"
    assert page.category.code() == "request"
    assert not page.summary.hasFocus()
    qtbot.keyClick(page.category, Qt.Key.Key_Return)
    assert page.summary.hasFocus()


def test_walk_in_request_through_the_whole_loop_with_next_step_buttons(qtbot, page, engine, wait_ops):
    page.walk_name.setText("李大妈")
    page.walk_phone.setFocus()
    qtbot.keyClicks(page.walk_phone, "13800138000")
    qtbot.keyClick(page.walk_phone, Qt.Key.Key_Return)
    assert page.category.hasFocus()
    qtbot.keyClick(page.category, Qt.Key.Key_3)  # request: enters the loop
    page.summary.setText("楼道灯坏了")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    [rec] = _records(engine)
    assert rec.walk_in_name == "李大妈" and rec.walk_in_phone == "13800138000" and rec.status == "received"
    assert "138****8000"[-4:] in page.model.data(page.model.index(0, 2))
    visible = {k for k, b in page.detail.buttons.items() if b.isVisible()}
    assert visible == {"dispatch", "start", "escalate", "link_repeat", "link_resident"}

    def step(key, fill):
        qtbot.mouseClick(page.detail.buttons[key], Qt.MouseButton.LeftButton)
        wait_ops()
        dlg = page.dialog
        assert dlg.isVisible()
        fill(dlg)
        qtbot.mouseClick(dlg.ok_button(), Qt.MouseButton.LeftButton)
        wait_ops()

    step("dispatch", lambda d: d.assignee.setText("物业 李师傅"))
    assert _records(engine)[0].status == Status.DISPATCHED
    assert "物业 李师傅" in page.detail.timeline.item(page.detail.timeline.count() - 1).text()
    step("start", lambda d: None)
    # resolving without saying what was done is refused; the dialog stays open, nothing is written
    qtbot.mouseClick(page.detail.buttons["resolve"], Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.dialog
    qtbot.mouseClick(dlg.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert "Result" in dlg.last_error.text()
    dlg.last_error.done(0)
    assert dlg.isVisible() and _records(engine)[0].status == "in_progress"
    dlg.note.setPlainText("已更换灯泡")
    qtbot.mouseClick(dlg.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert _records(engine)[0].status == "resolved"

    def follow(d):
        d.sat_buttons["basically_satisfied"].setChecked(True)
        d.contact.setCurrentIndex(d.contact.findData("visit"))

    step("follow_up", follow)
    step("close", lambda d: d.note.setPlainText("办结"))
    rec = _records(engine)[0]
    assert rec.status == Status.CLOSED and rec.satisfaction == "basically_satisfied"
    with session_scope(engine, write=False) as s:
        kinds = [e.kind for e in s.exec(select(ServiceEvent).where(ServiceEvent.record_id == rec.id).order_by(ServiceEvent.id))]
    assert kinds == ["received", "dispatched", "started", "resolved", "followed_up", "closed"]
    assert page.detail.timeline.count() == 6
    assert "closed" in page.model.data(page.model.index(0, 5))
    total = page.figures.figure_rows[-1]
    assert (total.received, total.closed, total.followed_up, total.satisfied) == (1, 1, 1, 1)


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p: (p.walk_name.setText("王五"), p.category.setCurrentIndex(3)), "Summary"),
        (lambda p: (p.walk_name.setText("王五"), p.summary.setText("问路")), "Category: not chosen; press"),
        (lambda p: p.walk_name.setText("王五"), "Category: not chosen; press the category's number key or pick it from "
                                                "the list. Still empty as well: Summary."),
        (lambda p: (p.category.setCurrentIndex(2), p.summary.setText("问路")), "Visitor: nobody chosen"),
        (lambda p: (p.walk_name.setText("王五"), p.walk_phone.setText("123"), p.category.setCurrentIndex(2),
                    p.summary.setText("问路")), "not a valid mainland number"),
    ],
)
def test_bad_input_is_refused_with_a_specific_message_and_nothing_written(qtbot, page, engine, setup, expected, wait_ops):
    setup(page)
    page.summary.setFocus()
    qtbot.keyClick(page.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_ops()
    assert expected in _close_box(page)
    assert _records(engine) == []
    assert page.walk_name.text() == "王五" or page.category.currentIndex() == 2  # what was typed stays


def test_an_empty_form_is_told_about_the_visitor_first_then_the_rest_in_chinese(qtbot, qapp, page, engine, wait_ops):
    """The measured fault: Ctrl+Enter on the empty form said 类别：没有“”这个类别 (empty quotes, nothing about
    the visitor). Now the message names every empty part in the order of the form."""
    from desktop_app.ui import translation

    translation.install(qapp, "zh_CN")
    try:
        page.summary.setFocus()
        qtbot.keyClick(page.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        wait_ops()
        text = _close_box(page)
    finally:
        translation.install(qapp, "en")
    assert text.startswith("来访人：") and text.endswith("同样还没填写的：类别、事由。"), text
    assert "“”" not in text
    assert _records(engine) == []


def test_overdue_record_stands_out_in_the_escalation_list(qtbot, page, engine, admin, wait_ops):
    with session_scope(engine) as s:
        old = visits.create_record(s, actor=admin, category_code="complaint", summary="噪音扰民", walk_in_name="赵六",
                               received_at=datetime.now(UTC) - timedelta(days=40)).id
        visits.create_record(s, actor=admin, category_code="request", summary="路灯", walk_in_name="钱七")
    page.view.setCurrentIndex(page.view.findData("overdue"))
    wait_ops()
    assert [r.id for r in page.model.rows()] == [old]
    status = page.model.index(0, 5)
    assert "overdue" in page.model.data(status)
    from desktop_app.desk.ui.record_table import OVERDUE_BG

    assert page.model.data(status, Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    page.table.selectRow(0)
    wait_ops()
    assert page.detail.buttons["escalate"].isVisible()
    qtbot.mouseClick(page.detail.buttons["escalate"], Qt.MouseButton.LeftButton)
    wait_ops()
    page.dialog.note.setPlainText("三天内办结")
    qtbot.mouseClick(page.dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert "escalated" in page.model.data(page.model.index(0, 5))
    page.view.setCurrentIndex(page.view.findData("open"))
    wait_ops()
    assert [r.id for r in page.model.rows()][0] == old and page.model.rowCount() == 2


def test_front_desk_sees_no_escalate_button_and_kiosk_cannot_open_the_form(qtbot, ctx, engine, make_actor, app_fonts, wait_ops):
    from desktop_app.desk.ui.page import DeskPage

    with session_scope(engine) as s:
        visits.create_record(s, actor=ctx.actor, category_code="complaint", summary="噪音", walk_in_name="赵六",
                         received_at=datetime.now(UTC) - timedelta(days=40))
    ctx.actor = make_actor("front_desk")
    p = DeskPage(ctx)
    qtbot.addWidget(p)
    p.show()
    p.view.setCurrentIndex(p.view.findData("open"))
    wait_ops()
    p.table.selectRow(0)
    wait_ops()
    assert p.detail.buttons["dispatch"].isVisible() and not p.detail.buttons["escalate"].isVisible()
    assert p.form_box.isVisible()


def test_link_walk_in_to_resident_and_repeat(qtbot, page, engine, admin, resident_id, wait_ops):
    with session_scope(engine) as s:
        first = visits.create_record(s, actor=admin, category_code="request", summary="漏水", resident_id=resident_id,
                                 received_at=datetime.now(UTC) - timedelta(days=3)).id
        second = visits.create_record(s, actor=admin, category_code="request", summary="又漏水了", walk_in_name="张三丰").id
    page.reload_list(select_id=second)
    wait_ops()
    qtbot.mouseClick(page.detail.buttons["link_resident"], Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.dialog
    qtbot.keyClicks(dlg.picker.box, "zsf")
    qtbot.keyClick(dlg.picker.box, Qt.Key.Key_Return)
    qtbot.mouseClick(dlg.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert _records(engine)[1].resident_id == resident_id
    qtbot.mouseClick(page.detail.buttons["link_repeat"], Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.dialog
    assert dlg.list.count() == 1
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_ops()
    assert _records(engine)[1].repeat_of_id == first
    assert f"repeat of No. {first}" in page.detail.detail_state.text()
    with session_scope(engine, write=False) as s:
        assert s.exec(select(func.count()).select_from(ServiceEvent).where(ServiceEvent.kind == "linked")).one() == 1


def test_figures_for_a_chosen_period(qtbot, page, engine, admin, wait_ops):
    from PySide6.QtCore import QDate

    with session_scope(engine) as s:
        for code in ("consultation", "consultation", "request"):
            visits.create_record(s, actor=admin, category_code=code, summary="x", walk_in_name="甲",
                             received_at=datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    page.figures.fig_from.setDate(QDate(2026, 3, 1))
    wait_ops()
    page.figures.fig_to.setDate(QDate(2026, 3, 31))
    wait_ops()
    total = page.figures.figure_rows[-1]
    assert (total.received, total.closed) == (3, 2)
    assert page.figures.fig_table.item(page.figures.fig_table.rowCount() - 1, 1).text() == "3"
    assert "received 3, closed 2" in page.figures.fig_summary.text()
    assert "Received: records received in the period" in page.figures.fig_table.toolTip()
    page.figures.fig_from.setDate(QDate(2026, 4, 1))  # after "to": a clear message instead of figures
    wait_ops()
    assert "swap the dates" in page.figures.fig_summary.text()


def test_unknown_name_in_resident_box_becomes_the_walk_in(qtbot, page, engine, wait_ops):
    page.picker.box.setFocus()
    page.picker.box.setText("陌生人")
    qtbot.keyClick(page.picker.box, Qt.Key.Key_Return)
    assert page.walk_name.text() == "陌生人" and page.picker.box.text() == ""
    assert page.walk_phone.hasFocus()
    qtbot.keyClick(page.walk_phone, Qt.Key.Key_Return)
    qtbot.keyClick(page.category, Qt.Key.Key_8)  # convenience: on the spot
    page.summary.setText("借用雨伞")
    qtbot.keyClick(page.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_ops()
    [rec] = _records(engine)
    assert (rec.walk_in_name, rec.resident_id, rec.status) == ("陌生人", None, Status.CLOSED)


def test_logging_a_visit_afterwards_and_refusing_a_future_time(qtbot, page, engine, wait_ops):
    from PySide6.QtCore import QDateTime

    page.walk_name.setText("王五")
    page.category.setCurrentIndex(3)
    page.summary.setText("下水道堵了")
    qtbot.mouseClick(page.earlier, Qt.MouseButton.LeftButton)
    assert page.when.isEnabled()
    page.when.setDateTime(QDateTime.currentDateTime().addDays(2))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "in the future" in _close_box(page)
    assert _records(engine) == []
    page.when.setDateTime(QDateTime.currentDateTime().addDays(-3))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    [rec] = _records(engine)
    assert timedelta(days=2) < datetime.now(UTC) - rec.received_at < timedelta(days=4)
    assert not page.earlier.isChecked() and not page.when.isEnabled()


def test_admin_edits_categories_on_the_page(qtbot, page, engine, wait_ops):
    assert page.categories_button.isVisible()
    qtbot.mouseClick(page.categories_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.dialog
    assert dlg.table.rowCount() == 10
    row = [i for i in range(10) if dlg.table.item(i, 0).text() == "Request"][0]
    dlg.table.cellWidget(row, 1).setValue(7)
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    dlg.table.item(10, 0).setText("电动车充电")
    dlg.table.cellWidget(10, 1).setValue(3)
    qtbot.mouseClick(dlg.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert not (isValid(dlg) and dlg.isVisible())  # closed, and deleted
    with session_scope(engine, write=False) as s:
        cats = {c.code: c for c in category_list.categories(s)}
    assert cats["request"].deadline_workdays == 7
    assert cats["station_1"].name == "电动车充电" and cats["station_1"].deadline_workdays == 3
    assert page.category.findData("station_1") == 11  # offered on the desk, after the ten seeded ones
    qtbot.mouseClick(page.categories_button, Qt.MouseButton.LeftButton)
    wait_ops()
    page.dialog.table.item(0, 0).setText("")  # a blank name is refused, nothing saved
    qtbot.mouseClick(page.dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert "Category name" in page.dialog.last_error.text()
    page.dialog.last_error.done(0)
    page.dialog.reject()


def test_categories_button_is_for_admins_only(qtbot, ctx, make_actor, app_fonts, wait_ops):
    from desktop_app.desk.ui.page import DeskPage

    ctx.actor = make_actor("coordinator")
    p = DeskPage(ctx)
    qtbot.addWidget(p)
    p.show()
    assert not p.categories_button.isVisible()


def test_due_soon_colour_and_jumping_to_a_date(qtbot, page, engine, admin, monkeypatch, wait_ops):
    from PySide6.QtCore import QDate

    from desktop_app.desk.ui.record_table import DUE_SOON_BG

    with session_scope(engine) as s:
        early = visits.create_record(s, actor=admin, category_code="request", summary="早先的诉求", walk_in_name="甲",
                                 received_at=datetime(2026, 2, 2, 9, tzinfo=UTC)).id
        visits.create_record(s, actor=admin, category_code="request", summary="近来的诉求", walk_in_name="乙",
                         received_at=datetime(2026, 3, 2, 9, tzinfo=UTC))
    # judge deadlines as on the last day of the early record's deadline (10 working days after 2 Feb, Spring Festival)
    with session_scope(engine, write=False) as s:
        due = lists.get_row(s, actor=admin, record_id=early).due_at
    monkeypatch.setattr("desktop_app.desk.ui.page.utcnow", lambda: due - timedelta(hours=10))
    page.view.setCurrentIndex(page.view.findData("all"))
    wait_ops()
    assert page.jump.isVisible()
    page.jump.setDate(QDate(2026, 2, 20))
    wait_ops()
    assert [r.id for r in page.model.rows()] == [early]  # the later record is after the date jumped to
    status = page.model.index(0, 5)
    assert "due soon" in page.model.data(status)
    assert page.model.data(status, Qt.ItemDataRole.BackgroundRole).color() == DUE_SOON_BG
