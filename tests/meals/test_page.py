"""The meals page driven as a coordinator, cashier and cook would: click, type, read what is shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from shiboken6 import isValid
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.meals.accounts import balance
from desktop_app.meals.models import (
    FoodSample,
    MealOrder,
    MealPause,
    MealRecipient,
    WelfareAttempt,
    schedule_bit,
)
from desktop_app.meals.rates import Rates
from desktop_app.meals.settings import get_settings
from desktop_app.meals.ui.dialogs import CallDialog, CloseCheckDialog, RecipientDialog
from desktop_app.ui.widgets import qdate

from .helpers import every_day, make_recipient, shown_message


@pytest.fixture
def normal_style(qapp):
    """The station's normal style sheet (the colours of states come from it), removed afterwards."""
    from desktop_app.ui.settings_dialog import apply_style

    apply_style(qapp, "normal")
    yield
    # The test's widgets are closed and deleteLater()'d by now: delete them before the style they were
    # polished with goes, or a later event polishes a widget against the deleted style (a crash tests
    # further on saw).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.setStyleSheet("")


@pytest.fixture
def page(qtbot, ctx, app_fonts, tmp_path):
    from desktop_app.meals.ui.page import MealsPage

    ctx.settings.setValue("meals/output_dir", str(tmp_path / "out"))
    p = MealsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    return p


def _today_setup(engine, admin, people):
    """Two delivery recipients with today's lunch ordered (today is whatever day the test runs)."""
    a = make_recipient(engine, admin, people["王秀英"], top_up=50000, top_up_day=date.today(), low_salt=True)
    b = make_recipient(engine, admin, people["李建国"], top_up=50000, top_up_day=date.today())
    return a, b


def _row_of(table, name: str) -> int:
    for r in range(table.rowCount()):
        if table.text(r, 1) == name:
            return r
    raise AssertionError(f"{name} not in table")


def _orders(engine):
    with session_scope(engine, write=False) as s:
        return {o.recipient_id: o for o in s.exec(select(MealOrder))}


def test_generate_then_record_outcomes_and_follow_up_not_home(qtbot, normal_style, page, engine, admin, people, monkeypatch,
                                                              wait_ops):
    a, b = _today_setup(engine, admin, people)
    day = page.day
    day.date.setDate(qdate(date(2026, 3, 2)))  # a Monday, no holiday
    qtbot.mouseClick(day.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: day.last_op is not None and day.last_op.finished, timeout=10000)
    wait_ops()
    assert day.orders.rowCount() == 2
    assert "Orders generated: 2 new" in day.summary.text() and "ordered 2, outcome recorded 0" in day.summary.text()
    assert day.kitchen.item(3, 1).text() == "1"  # low salt count for lunch

    day.orders.selectRow(_row_of(day.orders, "王秀英"))
    qtbot.mouseClick(day.outcome_buttons["delivered"], Qt.MouseButton.LeftButton)
    wait_ops()
    day.orders.selectRow(_row_of(day.orders, "李建国"))
    qtbot.mouseClick(day.outcome_buttons["not_home"], Qt.MouseButton.LeftButton)
    wait_ops()
    stored = _orders(engine)
    assert stored[a].outcome == "delivered" and stored[b].outcome == "not_home"
    assert day.banner.isVisible() and "1 welfare check(s) open" in day.banner.text()
    assert day.checks.rowCount() == 1 and day.checks.item(0, 1).text() == "李建国"
    assert day.checks.item(0, 4).background().color().name() == "#f8d7da"

    day.checks.selectRow(0)
    monkeypatch.setattr(CallDialog, "ask", classmethod(lambda cls, parent, check: (check.next_target(), "reached", "在女儿家")))
    qtbot.mouseClick(day.call_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine, write=False) as s:
        assert [x.target for x in s.exec(select(WelfareAttempt))] == ["recipient"]
    assert "recipient" in day.checks.item(0, 3).text()
    day.checks.selectRow(0)
    monkeypatch.setattr(CloseCheckDialog, "ask", classmethod(lambda cls, parent, check: ("away", "")))
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert not day.banner.isVisible()
    assert day.checks.item(0, 4).text().startswith("away from home")


def test_new_recipient_through_the_dialog(qtbot, page, engine, people, wait_ops):
    tab = page.show_tab("recipients")
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg: RecipientDialog = tab.dialog
    assert dlg is not None and dlg.isVisible()
    dlg.picker.box.setText("张桂兰")
    dlg.picker.box.flush()
    qtbot.keyClick(dlg.picker.box, Qt.Key.Key_Return)
    wait_ops()
    qtbot.mouseClick(dlg.findChild(type(dlg.add_pause_button), "weekdayLunch"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.diets["soft"], Qt.MouseButton.LeftButton)
    dlg.notes.setText("耳背，请用力敲门")
    dlg.credit.clear()
    qtbot.keyClicks(dlg.credit, "20")
    qtbot.mouseClick(dlg.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    wait_ops()
    assert not (isValid(dlg) and dlg.isVisible())  # closed, and deleted
    with session_scope(engine, write=False) as s:
        rec = s.exec(select(MealRecipient)).one()
    assert rec.resident_id == people["张桂兰"] and rec.schedule == sum(schedule_bit(w, "lunch") for w in range(5))
    assert rec.soft and rec.delivery_notes == "耳背，请用力敲门" and rec.credit_limit_fen == 2000
    assert tab.model.rowCount() == 1 and tab.model.row(0).name == "张桂兰"


def test_pause_from_the_edit_dialog_refuses_backwards_dates(qtbot, page, engine, admin, people, wait_ops):
    rid = make_recipient(engine, admin, people["王秀英"], schedule=every_day())
    tab = page.show_tab("recipients")
    tab.reload()
    wait_ops()
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = tab.dialog
    dlg.pause_start.setDate(qdate(date(2026, 3, 10)))
    dlg.pause_end.setDate(qdate(date(2026, 3, 5)))
    qtbot.mouseClick(dlg.add_pause_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "before the pause starts" in shown_message(dlg)
    dlg.pause_end.setDate(qdate(date(2026, 3, 20)))
    qtbot.mouseClick(dlg.add_pause_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dlg.pauses.count() == 1 and "2026-03-10 – 2026-03-20" in dlg.pauses.item(0).text()
    with session_scope(engine, write=False) as s:
        assert [(p.recipient_id, p.end_day) for p in s.exec(select(MealPause))] == [(rid, date(2026, 3, 20))]


def test_top_up_at_the_desk_and_negative_amount_refused(qtbot, page, engine, admin, people, wait_ops):
    rid = make_recipient(engine, admin, people["王秀英"])
    tab = page.show_tab("accounts")
    tab.picker.box.setText("王秀英")
    tab.picker.box.flush()
    qtbot.keyClick(tab.picker.box, Qt.Key.Key_Return)
    wait_ops()
    assert "王秀英" in tab.heading.text() and "0.00" in tab.heading.text()
    qtbot.keyClicks(tab.amount, "-5")
    qtbot.keyClicks(tab.receipt, "XJ001")
    qtbot.mouseClick(tab.top_up_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "cannot be negative" in shown_message(tab)
    tab.amount.clear()
    qtbot.keyClicks(tab.amount, "200")
    qtbot.mouseClick(tab.top_up_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine, write=False) as s:
        assert balance(s, rid) == 20000
    assert tab.ledger.rowCount() == 1 and tab.ledger.item(0, 2).text() == "200.00"
    assert "200.00" in tab.heading.text()


def test_canteen_counter_check_in_by_search(qtbot, page, engine, admin, people, wait_ops):
    rid = make_recipient(engine, admin, people["张桂兰"], service_kind="dine_in", schedule=0, top_up=5000,
                         top_up_day=date.today())
    day = page.day
    day.meal.setCurrentIndex(0)
    counter = day.picker.parentWidget()
    counter.parentWidget().parentWidget().setCurrentWidget(counter)  # the "Canteen counter" tab
    picker = day.picker
    picker.box.setText("张桂兰")
    picker.box.flush()
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    wait_ops()
    assert "served" in day.counter_result.text() and "45.00" in day.counter_result.text()
    with session_scope(engine, write=False) as s:
        order = s.exec(select(MealOrder)).one()
    assert order.recipient_id == rid and order.outcome == "served" and order.day == date.today()
    picker.box.setText("张桂兰")
    picker.box.flush()
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    wait_ops()
    assert "already served" in day.counter_result.text()


def test_food_sample_kept_from_the_samples_tab(qtbot, page, engine, wait_ops):
    tab = page.show_tab("samples")
    tab.dishes.setText("红烧鱼块 清炒油麦菜 米饭")
    tab.person.setText("刘师傅")
    qtbot.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine, write=False) as s:
        sample = s.exec(select(FoodSample)).one()
    assert sample.kept_by == "刘师傅" and sample.dishes.startswith("红烧鱼块")
    assert tab.table.rowCount() == 1 and tab.table.item(0, 3).text() == "刘师傅"
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.discard_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "48 hours" in shown_message(tab)


def test_front_desk_cannot_generate_or_edit(qtbot, engine, make_actor, ctx, app_fonts, wait_ops):
    from desktop_app.meals.ui.page import MealsPage

    ctx.actor = make_actor("front_desk")
    p = MealsPage(ctx)
    qtbot.addWidget(p)
    assert not p.day.generate_button.isEnabled() and not p.recipients.new_button.isEnabled()
    assert p.accounts.top_up_button.isEnabled() and not p.accounts.fix_button.isEnabled()
    wait_ops()


def test_admin_changes_a_tier_from_a_date_and_the_cutoff(qtbot, page, engine, wait_ops):
    tab = page.show_tab("accounts")
    qtbot.mouseClick(tab.rates_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = tab.rates_dialog
    assert dlg.isVisible() and dlg.tiers.rowCount() == 5
    dlg.code.setCurrentText("age_85")
    assert dlg.subsidy.text() == "6.00" and dlg.min_age.value() == 85
    dlg.tier_from.setDate(qdate(date(2026, 9, 1)))
    dlg.subsidy.clear()
    qtbot.keyClicks(dlg.subsidy, "7.5")
    qtbot.mouseClick(dlg.save_tier, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dlg.tiers.rowCount() == 6
    dlg.cut_lunch.setTime(dlg.cut_lunch.time().fromString("08:30", "HH:mm"))
    qtbot.mouseClick(dlg.save_settings, Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine, write=False) as s:
        rates = Rates.load(s)
        assert rates.best_tier(date(2026, 8, 31), birth_date=date(1939, 5, 1), hardship=False).subsidy_fen == 600
        assert rates.best_tier(date(2026, 9, 1), birth_date=date(1939, 5, 1), hardship=False).subsidy_fen == 750
        assert get_settings(s).cutoff["lunch"].strftime("%H:%M") == "08:30"
    dlg.subsidy.setText("-1")
    qtbot.mouseClick(dlg.save_tier, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "cannot be negative" in shown_message(dlg) and dlg.tiers.rowCount() == 6


def test_coordinator_cannot_open_rates(qtbot, engine, make_actor, ctx, app_fonts, wait_ops):
    from desktop_app.meals.ui.page import MealsPage

    ctx.actor = make_actor("coordinator")
    p = MealsPage(ctx)
    qtbot.addWidget(p)
    assert not p.accounts.rates_button.isEnabled() and p.accounts.claim_button.isEnabled()
    assert p.day.generate_button.isEnabled() and not p.accounts.top_up_button.isEnabled()
    wait_ops()


def test_the_days_orders_are_a_model_view(qtbot, ctx, wait_ops):
    """Issue 21: 900 orders of a big station's day were 6,000 table items built on the GUI thread."""
    from desktop_app.meals.ui.day import DayTab
    from desktop_app.ui.widgets import RowTable

    day = DayTab(ctx)
    qtbot.addWidget(day)
    wait_ops()
    assert isinstance(day.orders, RowTable)
