"""The desk page, driven as front-desk staff would: find, issue, stamp, correct, redeem, scan, print."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.passports import codes, service
from desktop_app.passports.dialogs import ActivityDialog, Ask, RewardDialog
from desktop_app.passports.models import ActivityCreate, Passport, Reward, RewardCreate, StampEntry
from desktop_app.passports.page import PassportsPage

from .conftest import TODAY


@pytest.fixture
def page(qtbot, app_fonts, ctx, residents):
    p = PassportsPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    qtbot.waitExposed(p)
    return p


def pick(qtbot, page, name):
    picker = page.desk.picker
    picker.box.setText(name)  # Chinese: setText, never keyClicks
    picker.box.flush()
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    assert picker.current is not None and picker.current.name == name


def test_issue_stamp_correct_redeem_from_the_desk(qtbot, page, engine, admin, monkeypatch):
    with session_scope(engine) as s:
        service.create_activity(s, actor=admin, data=ActivityCreate(name="垃圾分类引导", start_date=TODAY, stamps=3))
        service.create_reward(s, actor=admin, data=RewardCreate(name="环保袋", cost=2, stock=3))
    page.refresh()
    desk = page.desk
    pick(qtbot, page, "李秀英")
    assert "李秀英 · no active passport" in desk.summary.text()
    assert desk.issue_button.isEnabled() and not desk.lost_button.isEnabled()
    qtbot.mouseClick(desk.issue_button, Qt.MouseButton.LeftButton)
    with session_scope(engine, write=False) as s:
        passport = s.exec(select(Passport)).one()
    assert codes.display(passport.number) in desk.summary.text()
    assert not desk.issue_button.isEnabled()

    qtbot.mouseClick(desk.stamp_button, Qt.MouseButton.LeftButton)
    assert "3 stamps to spend" in desk.summary.text()
    assert desk.ledger_model.rowCount() == 1

    qtbot.mouseClick(desk.redeem_button, Qt.MouseButton.LeftButton)
    assert "1 stamps to spend" in desk.summary.text() and "3 earned" in desk.summary.text()
    assert "2 left" in desk.reward_combo.currentText()
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Reward)).one().stock == 2

    # Correct the redemption (the bag is returned): select its row, give a reason.
    monkeypatch.setattr(Ask, "text", classmethod(lambda cls, *a, **k: "退回环保袋"))
    desk.ledger.selectRow(0)
    qtbot.mouseClick(desk.correct_button, Qt.MouseButton.LeftButton)
    assert "3 stamps to spend" in desk.summary.text()
    assert desk.ledger_model.rowCount() == 3
    assert desk.ledger_model.row(1).reversed is True
    with session_scope(engine, write=False) as s:
        kinds = [e.kind for e in s.exec(select(StampEntry).order_by(StampEntry.id))]
    assert kinds == ["award", "redemption", "refund"]


def test_refusal_is_shown_and_nothing_written(qtbot, page, engine, admin):
    with session_scope(engine) as s:
        service.create_reward(s, actor=admin, data=RewardCreate(name="保温杯", cost=30, stock=1))
        service.issue_passport(s, actor=admin, resident_id=1, today=TODAY)
    page.refresh()
    pick(qtbot, page, "张晓明")
    qtbot.mouseClick(page.desk.redeem_button, Qt.MouseButton.LeftButton)
    box = page.last_error
    assert isinstance(box, QMessageBox) and "30" in box.text() and "more needed" in box.text()
    box.close()
    with session_scope(engine, write=False) as s:
        assert s.exec(select(StampEntry)).all() == []


def test_scan_box_finds_the_resident_and_old_numbers_are_refused(qtbot, page, engine, admin, monkeypatch):
    with session_scope(engine) as s:
        p = service.issue_passport(s, actor=admin, resident_id=3, today=TODAY)
    qtbot.keyClicks(page.desk.scan_box, p.number)
    qtbot.keyClick(page.desk.scan_box, Qt.Key.Key_Return)
    assert page.desk.resident_id == 3 and codes.display(p.number) in page.desk.summary.text()

    monkeypatch.setattr(Ask, "text", classmethod(lambda cls, *a, **k: "丢失"))
    qtbot.mouseClick(page.desk.replace_button, Qt.MouseButton.LeftButton)
    info = page.last_info
    assert "carried over" in info.text()
    info.close()
    assert "Old cards (void)" in page.desk.summary.text()
    qtbot.keyClicks(page.desk.scan_box, p.number)
    qtbot.keyClick(page.desk.scan_box, Qt.Key.Key_Return)
    assert "replaced by a newer card" in page.last_error.text()
    page.last_error.close()


def test_print_card_writes_a_pdf(qtbot, page, engine, admin, monkeypatch, tmp_path):
    with session_scope(engine) as s:
        service.issue_passport(s, actor=admin, resident_id=1, today=TODAY)
    target = tmp_path / "card.pdf"
    monkeypatch.setattr(Ask, "save_path", classmethod(lambda cls, *a, **k: str(target)))
    pick(qtbot, page, "张晓明")
    qtbot.mouseClick(page.desk.print_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    page.last_info.close()


def test_activities_and_rewards_tabs(qtbot, page, engine, monkeypatch):
    data = ActivityCreate(name="文明养犬宣传", category="宣传", kind="weekly", start_date=TODAY, weekdays="2", stamps=2)
    monkeypatch.setattr(ActivityDialog, "ask", classmethod(lambda cls, *a, **k: data))
    monkeypatch.setattr(RewardDialog, "ask", classmethod(lambda cls, *a, **k: RewardCreate(name="毛巾", cost=5, stock=2)))
    monkeypatch.setattr(Ask, "number", classmethod(lambda cls, *a, **k: 8))
    page.tabs.setCurrentWidget(page.activities)
    qtbot.mouseClick(page.activities.new_button, Qt.MouseButton.LeftButton)
    assert page.activities.model.rowCount() == 1 and page.desk.activity_combo.count() == 1  # today is a Tuesday
    page.activities.table.selectRow(0)
    picker = page.activities.picker
    picker.box.setText("王建国")
    picker.box.flush()
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    qtbot.mouseClick(page.activities.signup_button, Qt.MouseButton.LeftButton)
    assert page.activities.attendance_model.rowCount() == 1
    assert page.activities.attendance_model.row(0).signed_up

    page.tabs.setCurrentWidget(page.rewards)
    qtbot.mouseClick(page.rewards.new_button, Qt.MouseButton.LeftButton)
    page.rewards.table.selectRow(0)
    qtbot.mouseClick(page.rewards.restock_button, Qt.MouseButton.LeftButton)
    assert page.rewards.model.row(0).stock == 10


@pytest.mark.parametrize("role", ["coordinator", "front_desk"])
def test_buttons_follow_the_role(qtbot, app_fonts, ctx, make_actor, residents, role):
    p = PassportsPage(dataclasses.replace(ctx, actor=make_actor(role)), today=lambda: TODAY)
    qtbot.addWidget(p)
    p.show()
    assert p.activities.new_button.isEnabled() is (role == "coordinator")
    assert p.rewards.new_button.isEnabled() is (role == "coordinator")
    assert p.settings_tab.pin_button.isEnabled() is False
    pick(qtbot, p, "张晓明")
    assert p.desk.issue_button.isEnabled() is (role == "front_desk")
