"""The kiosk, driven as a resident and a staff member would: scanner keystrokes, taps, the staff PIN."""

from __future__ import annotations

import dataclasses
import random
import socket

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from shiboken6 import isValid
from sqlmodel import func, select

from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.passports import activities, cards, codes, settings
from desktop_app.passports.models import ActivityCreate, StampEntry
from desktop_app.passports.settings import PinAnswer
from desktop_app.passports.ui.kiosk import KioskWindow
from desktop_app.ui import ops

from .conftest import TODAY


@pytest.fixture
def kiosk_ctx(ctx, engine):
    with session_scope(engine) as s:
        actor = auth.kiosk_actor(s)
    calls = []
    return dataclasses.replace(ctx, actor=actor, navigate=calls.append), calls


@pytest.fixture(params=["normal"])
def style(request, qapp):
    """The application's style sheet (the kiosk's looks live in resources/styles/*.qss), removed afterwards."""
    from desktop_app.ui.settings_dialog import apply_style

    apply_style(qapp, request.param)
    yield request.param
    qapp.setStyleSheet("")


@pytest.fixture
def kiosk(qtbot, app_fonts, style, kiosk_ctx, wait_ops):
    ctx, _ = kiosk_ctx
    tried = []

    def check(s, pin: str) -> PinAnswer:
        tried.append(pin)
        return settings.unlock_kiosk(s, actor=ctx.actor, pin=pin)

    w = KioskWindow(ctx, check, idle_ms=300, today=lambda: TODAY)
    w.tried = tried
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    wait_ops()
    yield w
    wait_ops()
    w._unlocked = True  # let pytest-qt close it
    w.close()


def stamps(engine) -> int:
    with session_scope(engine, write=False) as s:
        return s.exec(select(func.count()).select_from(StampEntry)).one()


def scan(qtbot, w, text):
    qtbot.keyClicks(w, text)
    qtbot.keyClick(w, Qt.Key.Key_Return)
    qtbot.waitUntil(ops.idle)


def enter(qtbot, w, keys):
    qtbot.keyClicks(w, keys)
    qtbot.keyClick(w, Qt.Key.Key_Return)
    qtbot.waitUntil(ops.idle)


def test_scanner_digits_then_enter_stamps_and_shows_card(qtbot, kiosk, engine, passport, activity):
    scan(qtbot, kiosk, passport.number)
    assert kiosk.stack.currentWidget() is kiosk.card_page
    assert kiosk.card_page.name_label.text() == "张*明"
    assert kiosk.card_page.figures["balance"].text() == "2"
    assert "2 stamps" in kiosk.card_page.message.text() and kiosk.card_page.message.property("tone") == "ok"
    assert "3 more stamps" in kiosk.card_page.milestone.text()
    assert stamps(engine) == 1
    # The same card again (the resident scans twice): a friendly note, nothing added.
    scan(qtbot, kiosk, passport.number)
    assert kiosk.card_page.message.property("tone") == "info" and "Already stamped" in kiosk.card_page.message.text()
    assert stamps(engine) == 1


def test_typing_on_the_keypad(qtbot, kiosk, engine, passport, activity):
    for digit in passport.number:
        qtbot.mouseClick(kiosk.keypad.buttons[digit], Qt.MouseButton.LeftButton)
    assert kiosk.entry.text() == codes.display(passport.number)
    qtbot.mouseClick(kiosk.keypad.buttons["ok"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ops.idle)
    assert kiosk.stack.currentWidget() is kiosk.card_page and stamps(engine) == 1


@pytest.mark.parametrize(
    "typed, phrase",
    [("12ab#4", "only digits"), ("123456", "has 6 digits"), ("WRONGCHECK", "only digits")],
)
def test_junk_and_malformed_scans_are_refused_and_write_nothing(qtbot, kiosk, engine, passport, activity, typed, phrase):
    scan(qtbot, kiosk, typed)
    assert kiosk.stack.currentWidget() is kiosk.welcome
    assert phrase in kiosk.welcome_message.text() and kiosk.welcome_message.property("tone") == "error"
    assert kiosk.entry.text() == ""
    assert stamps(engine) == 0


def test_wrong_check_digit_unknown_and_void_cards(qtbot, kiosk, engine, admin, passport, activity):
    wrong = passport.number[:-1] + str((int(passport.number[-1]) + 1) % 10)
    scan(qtbot, kiosk, wrong)
    assert "check digit" in kiosk.welcome_message.text()
    scan(qtbot, kiosk, codes.make_number("123456789"))
    assert "No passport has the number" in kiosk.welcome_message.text()
    with session_scope(engine) as s:
        cards.report_lost(s, actor=admin, passport_id=passport.id)
    scan(qtbot, kiosk, passport.number)
    assert "reported lost" in kiosk.welcome_message.text()
    assert stamps(engine) == 0


def test_no_activity_today_shows_card_and_writes_nothing(qtbot, kiosk, engine, passport):
    scan(qtbot, kiosk, passport.number)
    assert kiosk.stack.currentWidget() is kiosk.card_page
    assert "No activity" in kiosk.card_page.message.text()
    assert kiosk.card_page.choice_buttons == [] and stamps(engine) == 0


def test_over_the_daily_cap_is_refused_on_the_card(qtbot, kiosk, engine, admin, passport, activity):
    with session_scope(engine) as s:
        settings.set_daily_cap(s, actor=admin, stamps=1)
    scan(qtbot, kiosk, passport.number)
    assert kiosk.card_page.message.property("tone") == "error" and "limit is 1" in kiosk.card_page.message.text()
    assert stamps(engine) == 0


def test_two_activities_today_resident_taps_one(qtbot, kiosk, engine, admin, passport, activity):
    with session_scope(engine) as s:
        second = activities.create_activity(s, actor=admin, data=ActivityCreate(name="楼道清洁", start_date=TODAY, stamps=1))
    scan(qtbot, kiosk, passport.number)
    assert stamps(engine) == 0 and len(kiosk.card_page.choice_buttons) == 2
    target = next(b for b in kiosk.card_page.choice_buttons if "楼道清洁" in b.text())
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ops.idle)
    assert "1 stamp " in kiosk.card_page.message.text() and stamps(engine) == 1
    assert kiosk.card_page.choice_buttons == [] and not (isValid(target) and target.isVisible())  # nothing left to tap twice
    with session_scope(engine, write=False) as s:
        assert s.exec(select(StampEntry.activity_id)).one() == second.id


def test_idle_timeout_returns_to_welcome(qtbot, kiosk, passport, activity):
    scan(qtbot, kiosk, passport.number)
    assert kiosk.stack.currentWidget() is kiosk.card_page
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.welcome, timeout=5000)
    assert kiosk.entry.text() == "" and kiosk.card_page.name_label.text() == "张*明"  # old card text is off-screen
    qtbot.mouseClick(kiosk.staff_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(kiosk, "24")
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.welcome and ops.idle(), timeout=5000)
    assert kiosk._pin == ""  # half-typed PIN forgotten


def test_kiosk_cannot_be_closed_without_the_pin(qtbot, kiosk, kiosk_ctx):
    _, navigations = kiosk_ctx
    assert kiosk.close() is False and kiosk.isVisible()
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Q, Qt.Key.Key_W):
        qtbot.keyClick(kiosk, key, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(kiosk, key, Qt.KeyboardModifier.ControlModifier)
    assert kiosk.isVisible()
    # Press every button on every screen except Unlock: nothing leads anywhere but the kiosk's own pages.
    for page in (kiosk.welcome, kiosk.pin_page):
        kiosk.stack.setCurrentWidget(page)
        buttons = sorted(page.findChildren(QPushButton), key=lambda b: b is kiosk.pin_back)  # Back last
        for btn in buttons:
            if btn.isVisible() and btn is not kiosk.pin_pad.buttons["ok"]:
                qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)
    assert kiosk.isVisible() and navigations == []
    assert kiosk.stack.currentWidget() in (kiosk.welcome, kiosk.card_page, kiosk.pin_page)
    qtbot.waitUntil(ops.idle)
    own = {"desktop_app.passports.ui.kiosk", "desktop_app.passports.ui.kiosk_card", "desktop_app.passports.ui.kiosk_widgets"}
    foreign = [w for w in kiosk.findChildren(QWidget)
               if type(w).__module__.startswith("desktop_app") and type(w).__module__ not in own]
    assert foreign == []


def test_staff_pin_exits(qtbot, kiosk, engine, admin):
    qtbot.mouseClick(kiosk.staff_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(ops.idle)
    assert kiosk.stack.currentWidget() is kiosk.pin_page
    assert "No kiosk PIN has been set" in kiosk.pin_message.text()
    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin="246813")
    kiosk.show_pin()
    qtbot.waitUntil(ops.idle)
    assert kiosk.pin_message.text() == ""
    enter(qtbot, kiosk, "111111")
    assert "Wrong PIN" in kiosk.pin_message.text() and "4 tries left" in kiosk.pin_message.text() and kiosk.isVisible()
    assert kiosk.pin_entry.text() == ""
    with qtbot.waitSignal(kiosk.unlocked, timeout=2000):
        for d in "246813":
            qtbot.mouseClick(kiosk.pin_pad.buttons[d], Qt.MouseButton.LeftButton)
        assert kiosk.pin_entry.text() == "●●●●●●"
        qtbot.mouseClick(kiosk.pin_pad.buttons["ok"], Qt.MouseButton.LeftButton)
    assert not kiosk.isVisible()
    assert kiosk.tried == ["111111", "246813"]


def test_five_wrong_pins_lock_the_pad(qtbot, kiosk, engine, admin):
    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin="246813")
    kiosk.show_pin()
    for _ in range(5):
        enter(qtbot, kiosk, "000000")
    assert "locked for 15 more minute(s)" in kiosk.pin_message.text()
    enter(qtbot, kiosk, "246813")  # the right PIN while locked: still locked
    assert kiosk.isVisible() and "locked for" in kiosk.pin_message.text()


def test_ok_pressed_again_while_the_pin_is_checked_is_ignored(qtbot, kiosk, engine, admin):
    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin="246813")
    kiosk.show_pin()
    qtbot.keyClicks(kiosk, "246813")
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)  # before the answer came back
    qtbot.waitUntil(ops.idle)
    assert kiosk.tried == ["246813"] and not kiosk.isVisible()


def test_works_with_no_network(qtbot, kiosk, engine, passport, activity, monkeypatch):
    def no_network(*a, **k):
        raise OSError("network is unreachable")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    scan(qtbot, kiosk, passport.number)
    assert kiosk.card_page.message.property("tone") == "ok" and stamps(engine) == 1


# --- elderly-friendly sizes and contrast, measured on the rendered widgets -----------------------


def _lum(rgb) -> np.ndarray:
    c = rgb / 255.0
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * c[..., 0] + 0.7152 * c[..., 1] + 0.0722 * c[..., 2]


def measured_contrast(shot: QImage, rect: QRect) -> float:
    """Contrast between the most common colour in ``rect`` (background) and the colour farthest from it (text)."""
    img = shot.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    packed = np.frombuffer(img.constBits(), dtype=np.uint32).reshape(img.height(), img.bytesPerLine() // 4)
    values, counts = np.unique(packed[:, : img.width()] & 0xFFFFFF, return_counts=True)
    colours = np.stack([(values >> 16) & 255, (values >> 8) & 255, values & 255], axis=1).astype(float)
    bg = colours[counts.argmax()]
    lum_bg = _lum(bg[None, :])[0]
    lums = _lum(colours)
    ratios = (np.maximum(lums, lum_bg) + 0.05) / (np.minimum(lums, lum_bg) + 0.05)
    return float(ratios.max())


def visible_texts(w: KioskWindow):
    page = w.stack.currentWidget()
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QLabel | QPushButton) and widget.isVisible() and widget.text():
            yield widget


def _screens(qtbot, w, passport, engine, admin):
    with session_scope(engine) as s:
        activities.create_activity(s, actor=admin, data=ActivityCreate(name="楼道清洁", start_date=TODAY, stamps=1))
    w.show_welcome()
    qtbot.waitUntil(ops.idle)
    yield "welcome"
    w.scan("12ab")
    qtbot.waitUntil(ops.idle)
    yield "error"
    w.show_welcome()
    w.scan(passport.number)
    qtbot.waitUntil(ops.idle)
    yield "card"
    w.check_in(w.last_scan.card.today[0][0])
    qtbot.waitUntil(ops.idle)
    yield "stamped"
    w.show_pin()
    enter(qtbot, w, "1")
    yield "pin"


def assert_readable(kiosk: KioskWindow, screen: str) -> int:
    """Every visible text of the current screen: ≥ 18 pt, contrast ≥ 4.5:1; buttons ≥ 60×60 px."""
    checked = 0
    shot = kiosk.grab().toImage()
    for widget in visible_texts(kiosk):
        assert widget.font().pointSizeF() >= 18, (screen, widget.text(), widget.font().pointSizeF())
        if isinstance(widget, QPushButton):
            assert widget.width() >= 60 and widget.height() >= 60, (screen, widget.text(), widget.size())
        rect = QRect(widget.mapTo(kiosk, QPoint(0, 0)), widget.size())
        ratio = measured_contrast(shot, rect)
        assert ratio >= 4.5, (screen, widget.text(), round(ratio, 2))
        checked += 1
    return checked


@pytest.mark.parametrize("style", ["normal", "large-text", "high-contrast"], indirect=True)
def test_every_screen_meets_size_font_and_contrast_rules(qtbot, style, kiosk, engine, admin, passport, activity):
    checked = 0
    for screen in _screens(qtbot, kiosk, passport, engine, admin):
        qtbot.wait(10)
        checked += assert_readable(kiosk, f"{style}: {screen}")
    assert checked > 40


def test_contrast_measurement_would_catch_faint_text(qtbot, app_fonts):
    """The contrast check itself: pale grey on white must fail it."""
    label = QLabel("淡色文字 faint text")
    label.setStyleSheet("QLabel { color: #BBBBBB; background: #FFFFFF; font-size: 24pt; }")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    assert measured_contrast(label.grab().toImage(), label.rect()) < 4.5


def test_random_passports_are_not_guessable_neighbours(engine, admin, residents):
    with session_scope(engine) as s:
        numbers = [cards.issue_passport(s, actor=admin, resident_id=r, rng=random.Random(r)).number for r in residents]
    assert len(set(numbers)) == 3 and all(codes.is_valid(n) for n in numbers)
