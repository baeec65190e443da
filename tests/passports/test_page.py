"""The desk page, driven as front-desk staff would: find, issue, stamp, correct, redeem, scan, print; the
activities and rewards tabs with their dialogs; tabs built when first shown."""

from __future__ import annotations

import dataclasses

import pytest
from printing_helpers import assert_printed_as_made, click_print, patch_print_dialog, pdf_pages
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from shiboken6 import isValid
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.passports import activities, cards, codes, rewards
from desktop_app.passports.models import (
    Activity,
    ActivityCreate,
    ActivityKind,
    Passport,
    Reward,
    RewardCreate,
    StampEntry,
)
from desktop_app.passports.ui.activities import ActivitiesTab
from desktop_app.passports.ui.dialogs import ActivityDialog, Ask, RewardDialog
from desktop_app.passports.ui.page import PassportsPage
from desktop_app.passports.ui.rewards import RewardsTab
from desktop_app.passports.ui.settings import SettingsTab
from desktop_app.ui.widgets import open_dialogs

from .conftest import TODAY, messages


@pytest.fixture
def page(qtbot, app_fonts, ctx, residents, wait_ops):
    p = PassportsPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    qtbot.waitExposed(p)
    wait_ops()
    return p


def pick(qtbot, page, name, wait_ops):
    picker = page.desk.picker
    picker.box.setText(name)  # Chinese: setText, never keyClicks
    picker.box.flush()
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    assert picker.current is not None and picker.current.name == name
    wait_ops()


def click(qtbot, button, wait_ops):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_ops()


def test_issue_stamp_correct_redeem_from_the_desk(qtbot, page, engine, admin, monkeypatch, wait_ops):
    with session_scope(engine) as s:
        activities.create_activity(s, actor=admin, data=ActivityCreate(name="垃圾分类引导", start_date=TODAY, stamps=3))
        rewards.create_reward(s, actor=admin, data=RewardCreate(name="环保袋", cost=2, stock=3))
    page.refresh()
    wait_ops()
    desk = page.desk
    pick(qtbot, page, "李秀英", wait_ops)
    assert "李秀英 · no active passport" in desk.summary.text()
    assert desk.issue_button.isEnabled() and not desk.lost_button.isEnabled()
    click(qtbot, desk.issue_button, wait_ops)
    with session_scope(engine, write=False) as s:
        passport = s.exec(select(Passport)).one()
    assert codes.display(passport.number) in desk.summary.text()
    assert not desk.issue_button.isEnabled()

    click(qtbot, desk.stamp_button, wait_ops)
    assert "3 stamps to spend" in desk.summary.text()
    assert desk.ledger_model.rowCount() == 1

    click(qtbot, desk.redeem_button, wait_ops)
    assert "1 stamps to spend" in desk.summary.text() and "3 earned" in desk.summary.text()
    assert "2 left" in desk.reward_combo.currentText()
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Reward)).one().stock == 2

    # Correct the redemption (the bag is returned): select its row, give a reason.
    monkeypatch.setattr(Ask, "text", classmethod(lambda cls, *a, **k: "退回环保袋"))
    desk.ledger.selectRow(0)
    click(qtbot, desk.correct_button, wait_ops)
    assert "3 stamps to spend" in desk.summary.text()
    assert desk.ledger_model.rowCount() == 3
    assert desk.ledger_model.row(1).reversed is True
    with session_scope(engine, write=False) as s:
        kinds = [e.kind for e in s.exec(select(StampEntry).order_by(StampEntry.id))]
    assert kinds == ["award", "redemption", "refund"]


def test_refusal_is_shown_and_nothing_written(qtbot, page, engine, admin, wait_ops):
    with session_scope(engine) as s:
        rewards.create_reward(s, actor=admin, data=RewardCreate(name="保温杯", cost=30, stock=1))
        cards.issue_passport(s, actor=admin, resident_id=1, today=TODAY)
    page.refresh()
    wait_ops()
    pick(qtbot, page, "张晓明", wait_ops)
    click(qtbot, page.desk.redeem_button, wait_ops)
    shown = messages(page)
    assert len(shown) == 1 and "30" in shown[0] and "more needed" in shown[0]
    with session_scope(engine, write=False) as s:
        assert s.exec(select(StampEntry)).all() == []


def test_scan_box_finds_the_resident_and_old_numbers_are_refused(qtbot, page, engine, admin, monkeypatch, wait_ops):
    with session_scope(engine) as s:
        p = cards.issue_passport(s, actor=admin, resident_id=3, today=TODAY)
    qtbot.keyClicks(page.desk.scan_box, p.number)
    qtbot.keyClick(page.desk.scan_box, Qt.Key.Key_Return)
    wait_ops()
    assert page.desk.resident_id == 3 and codes.display(p.number) in page.desk.summary.text()

    monkeypatch.setattr(Ask, "text", classmethod(lambda cls, *a, **k: "丢失"))
    click(qtbot, page.desk.replace_button, wait_ops)
    assert any("carried over" in t for t in messages(page))
    assert "Old cards (void)" in page.desk.summary.text()
    qtbot.keyClicks(page.desk.scan_box, p.number)
    qtbot.keyClick(page.desk.scan_box, Qt.Key.Key_Return)
    wait_ops()
    assert any("replaced by a newer card" in t for t in messages(page))


def _passport_prints(engine) -> list[AuditEntry]:
    with session_scope(engine, write=False) as s:
        return list(s.exec(select(AuditEntry).where(AuditEntry.action == "print", AuditEntry.entity == "passport")))


def test_print_card_opens_its_preview_and_records_nothing_yet(qtbot, page, engine, admin, wait_ops):
    with session_scope(engine) as s:
        p = cards.issue_passport(s, actor=admin, resident_id=1, today=TODAY)
    pick(qtbot, page, "张晓明", wait_ops)
    click(qtbot, page.desk.print_button, wait_ops)
    preview = page.desk.preview
    qtbot.waitUntil(lambda: preview.paper is not None, timeout=20000)
    assert preview.skip.isVisible() and preview.pages_label.text() == "1 page(s), A4 portrait"
    assert "张晓明" in pdf_pages(preview.paper.data)[0] and preview.paper.entity_id == str(p.id)
    preview.skip.setValue(9)  # nine cards of the sheet already cut away: the card goes in the last place
    qtbot.waitUntil(lambda: preview.last_op.finished and preview.paper is not None, timeout=20000)
    assert preview.pages_label.text() == "1 page(s), A4 portrait"
    assert _passport_prints(engine) == []  # looking at a card is not printing it


@pytest.mark.slow  # a private CUPS server (tests/cups_server.py)
def test_card_and_cover_print_as_previewed_and_the_print_is_audited(qtbot, page, engine, admin, cups_printer,
                                                                       monkeypatch, wait_ops):
    with session_scope(engine) as s:
        p = cards.issue_passport(s, actor=admin, resident_id=1, today=TODAY)
    pick(qtbot, page, "张晓明", wait_ops)
    patch_print_dialog(monkeypatch)
    for button in (page.desk.print_button, page.desk.cover_button):
        click(qtbot, button, wait_ops)
        click_print(qtbot, page.desk.preview, wait_ops)
        assert_printed_as_made(cups_printer, page.desk.preview)
    assert page.desk.preview.pages_label.text() == "1 page(s), A5 portrait"
    assert [e.entity_id for e in _passport_prints(engine)] == [str(p.id), str(p.id)]


def only_dialog(owner, kind):
    found = [d for d in open_dialogs(owner) if isinstance(d, kind) and d.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_activities_and_rewards_tabs(qtbot, page, engine, monkeypatch, wait_ops):
    page.show_tab("activities")
    wait_ops()
    tab = page.activities
    click(qtbot, tab.new_button, wait_ops)
    dialog = only_dialog(tab, ActivityDialog)
    click(qtbot, tab.new_button, wait_ops)
    assert only_dialog(tab, ActivityDialog) is dialog  # one "new activity" dialog, raised again
    dialog.name.setText("文明养犬宣传")
    dialog.category.setText("宣传")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ActivityKind.WEEKLY))
    dialog.weekday_boxes[1].setChecked(True)  # Tuesday: today
    dialog.stamps.setValue(2)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), wait_ops)
    assert not (isValid(dialog) and dialog.isVisible())  # closed, and deleted
    assert tab.model.rowCount() == 1 and page.desk.activity_combo.count() == 1
    tab.table.selectRow(0)
    wait_ops()
    picker = tab.picker
    picker.box.setText("王建国")
    picker.box.flush()
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    click(qtbot, tab.signup_button, wait_ops)
    assert tab.attendance_model.rowCount() == 1
    assert tab.attendance_model.row(0).signed_up

    page.show_tab("rewards")
    wait_ops()
    click(qtbot, page.rewards.new_button, wait_ops)
    dialog = only_dialog(page.rewards, RewardDialog)
    dialog.name.setText("毛巾")
    dialog.cost.setValue(5)
    dialog.stock.setValue(2)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), wait_ops)
    monkeypatch.setattr(Ask, "number", classmethod(lambda cls, *a, **k: 8))
    page.rewards.table.selectRow(0)
    click(qtbot, page.rewards.restock_button, wait_ops)
    assert page.rewards.model.row(0).stock == 10
    assert "毛巾" in page.desk.reward_combo.currentText()  # the desk's choices follow


def test_a_refused_dialog_stays_open_with_what_was_typed(qtbot, page, engine, wait_ops):
    page.show_tab("activities")
    wait_ops()
    click(qtbot, page.activities.new_button, wait_ops)
    dialog = only_dialog(page.activities, ActivityDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ActivityKind.WEEKLY))  # no weekday ticked, no name
    dialog.category.setText("宣传")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok, wait_ops)
    shown = messages(dialog)
    assert len(shown) == 1 and "Activity name" in shown[0]
    assert dialog.isVisible() and ok.isEnabled() and dialog.category.text() == "宣传"
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Activity)).all() == []
    dialog.name.setText("文明养犬宣传")
    dialog.weekday_boxes[0].setChecked(True)
    click(qtbot, ok, wait_ops)
    assert not (isValid(dialog) and dialog.isVisible())  # closed, and deleted
    assert page.activities.model.rowCount() == 1


def test_tabs_are_built_when_first_shown(qtbot, page, wait_ops):
    assert page.findChildren(ActivitiesTab) == [] and page.findChildren(RewardsTab) == []
    assert page.findChildren(SettingsTab) == []
    page.tabs.setCurrentIndex(3)
    wait_ops()
    assert len(page.findChildren(SettingsTab)) == 1 and page.findChildren(RewardsTab) == []
    assert "no kiosk PIN yet" in page.settings_tab.status.text()
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(3)
    wait_ops()
    assert len(page.findChildren(SettingsTab)) == 1  # built once


@pytest.mark.parametrize("role", ["coordinator", "front_desk"])
def test_buttons_follow_the_role(qtbot, app_fonts, ctx, make_actor, residents, role, wait_ops):
    p = PassportsPage(dataclasses.replace(ctx, actor=make_actor(role)), today=lambda: TODAY)
    qtbot.addWidget(p)
    p.show()
    wait_ops()
    assert p.activities.new_button.isEnabled() is (role == "coordinator")
    assert p.rewards.new_button.isEnabled() is (role == "coordinator")
    assert p.settings_tab.pin_button.isEnabled() is False
    wait_ops()
    pick(qtbot, p, "张晓明", wait_ops)
    assert p.desk.issue_button.isEnabled() is (role == "front_desk")


# --- lost edits: a change made on a stale view is refused, naming who saved in between ----------------


def _rewards_page(qtbot, ctx, wait_ops) -> PassportsPage:
    p = PassportsPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(p)
    p.show()
    p.show_tab("rewards")
    wait_ops()
    p.rewards.table.selectRow(0)
    return p


def _stale_restock_is_refused(qtbot, first, second, engine, make_actor, monkeypatch, wait_ops):
    monkeypatch.setattr(Ask, "number", classmethod(lambda cls, *a, **k: 10))
    click(qtbot, first.rewards.restock_button, wait_ops)
    assert first.rewards.model.row(0).stock == 13
    # The second desk still shows 3 pieces (version 1): its change would build on what is no longer there.
    assert second.rewards.model.row(0).stock == 3
    monkeypatch.setattr(Ask, "number", classmethod(lambda cls, *a, **k: 5))
    click(qtbot, second.rewards.restock_button, wait_ops)
    shown = messages(second)
    assert len(shown) == 1 and "coordinator" in shown[0] and "after you opened it" in shown[0]
    with session_scope(engine, write=False) as s:
        reward = s.exec(select(Reward)).one()
        assert (reward.stock, reward.version) == (13, 2)  # nothing overwritten, nothing added twice
        restocks = s.exec(select(AuditEntry).where(AuditEntry.action == "restock")).all()
        assert len(restocks) == 1
    # The second desk now shows what is there; the same change again goes through.
    assert second.rewards.model.row(0).stock == 13
    second.rewards.table.selectRow(0)
    click(qtbot, second.rewards.retire_button, wait_ops)
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Reward)).one().active is False


def test_two_desks_on_one_reward_the_stale_change_is_refused(qtbot, app_fonts, ctx, engine, admin, make_actor, monkeypatch,
                                                             wait_ops):
    with session_scope(engine) as s:
        rewards.create_reward(s, actor=admin, data=RewardCreate(name="毛巾", cost=5, stock=3))
    first = _rewards_page(qtbot, dataclasses.replace(ctx, actor=make_actor("coordinator")), wait_ops)
    second = _rewards_page(qtbot, ctx, wait_ops)
    _stale_restock_is_refused(qtbot, first, second, engine, make_actor, monkeypatch, wait_ops)


def test_two_computers_on_one_database_the_stale_change_is_refused(qtbot, app_fonts, ctx, engine, db_path, admin,
                                                                   make_actor, monkeypatch, wait_ops):
    """Two engines on one SQLite file, as two PCs of a station share it."""
    from desktop_app.core.db import make_engine, url_for

    if engine.dialect.name != "sqlite":
        pytest.skip("two engines on one SQLite file; on PostgreSQL the two-desks test above is the same")
    with session_scope(engine) as s:
        rewards.create_reward(s, actor=admin, data=RewardCreate(name="毛巾", cost=5, stock=3))
    other = make_engine(url_for(str(db_path)))
    try:
        first = _rewards_page(qtbot, dataclasses.replace(ctx, engine=other, actor=make_actor("coordinator")), wait_ops)
        second = _rewards_page(qtbot, ctx, wait_ops)
        _stale_restock_is_refused(qtbot, first, second, engine, make_actor, monkeypatch, wait_ops)
    finally:
        first.close()
        other.dispose()


def test_ending_an_activity_someone_changed_is_refused(qtbot, page, engine, admin, make_actor, wait_ops):
    with session_scope(engine) as s:
        act = activities.create_activity(s, actor=admin, data=ActivityCreate(name="楼道清洁", start_date=TODAY))
    page.show_tab("activities")
    wait_ops()
    page.activities.table.selectRow(0)
    coordinator = make_actor("coordinator")
    with session_scope(engine) as s:  # another desk ends it, then offers it again
        activities.set_activity_active(s, actor=coordinator, activity_id=act.id, active=False, expected_version=1)
        activities.set_activity_active(s, actor=coordinator, activity_id=act.id, active=True, expected_version=2)
    click(qtbot, page.activities.end_button, wait_ops)
    shown = messages(page)
    assert len(shown) == 1 and "coordinator" in shown[0]
    with session_scope(engine, write=False) as s:
        assert s.get(Activity, act.id).active is True
