"""No lost edits (issue 14 item 3): a save over a version someone saved in between is refused, naming who
and when, and nothing is overwritten — two dialogs in one app, two engines (two PCs) on one database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from desktop_app.core.clock import to_local
from desktop_app.core.db import make_engine, session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.core.records import StaleEdit
from desktop_app.meals.models import MealRecipient, MealRecipientBase, PauseReason, SubsidyTier
from desktop_app.meals.rates import list_rates, set_price, set_tier
from desktop_app.meals.recipients import add_pause, end_pause, get_recipient, update_recipient
from desktop_app.meals.settings import get_settings, set_settings
from desktop_app.meals.ui.dialogs import RecipientDialog
from desktop_app.meals.ui.rates_dialog import RatesDialog
from desktop_app.ui.widgets import open_dialogs

from .helpers import every_day, make_recipient


def _second_engine(engine):
    """Another connection pool on the same database, as a second PC would have."""
    return make_engine(engine.url.render_as_string(hide_password=False))


def _base(rec: MealRecipient, **changes) -> MealRecipientBase:
    return MealRecipientBase(**{**rec.model_dump(include=set(MealRecipientBase.model_fields)), **changes})


def _updates(engine, entity: str) -> int:
    with session_scope(engine, write=False) as s:
        return len(s.exec(select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.action == "update")).all())


def test_a_stale_recipient_save_is_refused_with_who_and_when(engine, admin, make_actor, people):
    rid = make_recipient(engine, admin, people["王秀英"])
    coordinator = make_actor("coordinator")
    with session_scope(engine, write=False) as s:
        seen = get_recipient(s, actor=admin, recipient_id=rid)
    assert seen.version == 1
    with session_scope(engine) as s:
        saved = update_recipient(s, actor=coordinator, recipient_id=rid, data=_base(seen, avoid="不吃香菜"),
                                 expected_version=seen.version)
    assert saved.version == 2
    with pytest.raises(StaleEdit) as refused, session_scope(engine) as s:
        update_recipient(s, actor=admin, recipient_id=rid, data=_base(seen, delivery_notes="敲门"), expected_version=1)
    with session_scope(engine, write=False) as s:
        rec = s.get(MealRecipient, rid)
        saved_at = s.exec(select(AuditEntry.at).where(AuditEntry.entity == "meal_recipient", AuditEntry.action == "update")).one()
    assert "coordinator1" in refused.value.text() and to_local(saved_at).strftime("%Y-%m-%d %H:%M") in refused.value.text()
    assert (rec.avoid, rec.delivery_notes, rec.version) == ("不吃香菜", "", 2)
    assert _updates(engine, "meal_recipient") == 1


def test_two_engines_on_one_database_cannot_overwrite_each_other(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"])
    other = _second_engine(engine)
    try:
        with session_scope(engine, write=False) as s:
            here = get_recipient(s, actor=admin, recipient_id=rid)
        with session_scope(other, write=False) as s:
            there = get_recipient(s, actor=admin, recipient_id=rid)
        with session_scope(other) as s:
            update_recipient(s, actor=admin, recipient_id=rid, data=_base(there, avoid="对虾过敏"), expected_version=there.version)
        with pytest.raises(StaleEdit), session_scope(engine) as s:
            update_recipient(s, actor=admin, recipient_id=rid, data=_base(here, avoid="不吃辣"), expected_version=here.version)
        with session_scope(other, write=False) as s:
            assert s.get(MealRecipient, rid).avoid == "对虾过敏"
    finally:
        other.dispose()


def test_pauses_tiers_prices_and_settings_refuse_stale_saves(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"])
    monday = date(2026, 3, 2)
    with session_scope(engine) as s:
        pause = add_pause(s, actor=admin, recipient_id=rid, start=monday, end=monday + timedelta(days=9),
                          reason=PauseReason.HOSPITAL)
        end_pause(s, actor=admin, pause_id=pause.id, end=monday + timedelta(days=3), expected_version=1)
    with pytest.raises(StaleEdit), session_scope(engine) as s:
        end_pause(s, actor=admin, pause_id=pause.id, end=monday + timedelta(days=5), expected_version=1)

    with session_scope(engine, write=False) as s:
        _prices, tiers = list_rates(s, actor=admin)
        settings = get_settings(s)
    age_85 = next(t for t in tiers if t.code == "age_85")
    terms = dict(code="age_85", name=age_85.name, effective_from=age_85.effective_from, funding_source="市级财政")
    with session_scope(engine) as s:
        set_tier(s, actor=admin, subsidy="7", expected_version=age_85.version, **terms)
    with pytest.raises(StaleEdit), session_scope(engine) as s:
        set_tier(s, actor=admin, subsidy="8", expected_version=age_85.version, **terms)
    with session_scope(engine, write=False) as s:
        assert s.get(SubsidyTier, age_85.id).subsidy_fen == 700
    # 0: the form showed no terms for that date; someone created them meanwhile
    with session_scope(engine) as s:
        set_price(s, actor=admin, meal="lunch", effective_from=date(2027, 1, 1), price="16", delivery_fee="3", expected_version=0)
    with pytest.raises(StaleEdit), session_scope(engine) as s:
        set_price(s, actor=admin, meal="lunch", effective_from=date(2027, 1, 1), price="17", delivery_fee="3", expected_version=0)

    values = dict(cutoff_lunch="08:45", cutoff_dinner="14:00", low_balance="30", default_credit="0")
    with session_scope(engine) as s:
        assert set_settings(s, actor=admin, expected_version=settings.version, **values).version == settings.version + 1
    with pytest.raises(StaleEdit), session_scope(engine) as s:
        set_settings(s, actor=admin, expected_version=settings.version, **{**values, "low_balance": "99"})
    with session_scope(engine, write=False) as s:
        assert get_settings(s).low_balance_fen == 3000


def _open_dialog(qtbot, ctx, rid, wait_ops) -> RecipientDialog:
    dlg = RecipientDialog(ctx, rid)
    qtbot.addWidget(dlg)
    dlg.open()
    wait_ops()
    assert dlg.loaded and dlg.version is not None
    return dlg


def test_two_dialogs_on_one_recipient_the_second_save_is_refused_and_reloads(qtbot, ctx, engine, admin, people,
                                                                              app_fonts, wait_ops):
    rid = make_recipient(engine, admin, people["王秀英"], schedule=every_day())
    first = _open_dialog(qtbot, ctx, rid, wait_ops)
    second = _open_dialog(qtbot, ctx, rid, wait_ops)
    first.avoid.setText("不吃香菜")
    qtbot.mouseClick(first.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    wait_ops()
    assert not first.isVisible()

    second.notes.setText("门铃坏了")
    qtbot.mouseClick(second.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    wait_ops()
    assert second.isVisible() and second.buttons.isEnabled()
    box = second.findChild(QMessageBox, "staleEdit")
    assert box is not None and box.isVisible()
    assert "admin" in box.text() and "not saved" in box.text()
    with session_scope(engine, write=False) as s:
        rec = s.get(MealRecipient, rid)
    assert (rec.avoid, rec.delivery_notes, rec.version) == ("不吃香菜", "", 2)

    qtbot.mouseClick(box.findChild(type(box.buttons()[0]), "reload"), Qt.MouseButton.LeftButton)
    wait_ops()
    assert second.avoid.text() == "不吃香菜" and second.notes.text() == "" and second.version == 2
    second.notes.setText("门铃坏了")
    qtbot.mouseClick(second.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    wait_ops()
    assert not second.isVisible()
    with session_scope(engine, write=False) as s:
        rec = s.get(MealRecipient, rid)
    assert (rec.avoid, rec.delivery_notes, rec.version) == ("不吃香菜", "门铃坏了", 3)


def test_two_rates_dialogs_the_second_settings_save_is_refused(qtbot, ctx, engine, app_fonts, wait_ops):
    dialogs = []
    for _ in range(2):
        dlg = RatesDialog(ctx)
        qtbot.addWidget(dlg)
        dlg.open()
        dialogs.append(dlg)
    wait_ops()
    first, second = dialogs
    first.low.setText("30")
    qtbot.mouseClick(first.save_settings, Qt.MouseButton.LeftButton)
    wait_ops()
    second.low.setText("99")
    qtbot.mouseClick(second.save_settings, Qt.MouseButton.LeftButton)
    wait_ops()
    box = second.findChild(QMessageBox, "staleEdit")
    assert box is not None and box.isVisible()
    with session_scope(engine, write=False) as s:
        assert get_settings(s).low_balance_fen == 3000
    qtbot.mouseClick(box.findChild(type(box.buttons()[0]), "reload"), Qt.MouseButton.LeftButton)
    wait_ops()
    assert second.low.text() == "30.00"


def test_double_click_opens_one_dialog_per_recipient(qtbot, ctx, engine, admin, people, app_fonts, wait_ops):
    from desktop_app.meals.ui.page import MealsPage

    make_recipient(engine, admin, people["王秀英"])
    page = MealsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    tab = page.show_tab("recipients")
    wait_ops()
    index = tab.model.index(0, 0)
    tab.view.setCurrentIndex(index)
    tab.view.doubleClicked.emit(index)  # a double-click delivers both
    tab.view.activated.emit(index)
    wait_ops()
    assert len(open_dialogs(tab)) == 1
    tab.dialog.reject()
    wait_ops()
