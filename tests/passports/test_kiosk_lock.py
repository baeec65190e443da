"""The kiosk never traps anyone (issue 14 item 5): without a kiosk PIN it does not start full screen, says
where the PIN is set, and closes like any window; with a PIN it fills the screen and only the PIN closes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop_app import app as app_module
from desktop_app import passports
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.passports import settings
from desktop_app.passports.ui.kiosk import KioskWindow
from desktop_app.ui import ops

from .test_kiosk import assert_readable, visible_texts


@pytest.fixture
def start_kiosk(qtbot, app_fonts, engine, admin, tmp_path):
    """The kiosk as ``smiledesk --kiosk`` starts it (app.py), shown the way app.py shows it."""
    made = []

    def start() -> KioskWindow:
        window = app_module._special_window("kiosk", engine, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        made.append(window)
        app_module.show_special_window(window)
        qtbot.waitExposed(window)
        qtbot.waitUntil(ops.idle)
        return window

    yield start
    for window in made:
        window._unlocked = True
        window.close()


def test_without_a_pin_the_kiosk_is_an_ordinary_window_that_says_how_to_lock_it(qtbot, start_kiosk):
    window = start_kiosk()
    assert window.locked is False and not window.isFullScreen()
    assert window.notice.isVisible()
    text = window.notice.text()
    assert "No kiosk PIN is set" in text and "Smile passports → Kiosk and wall → Set kiosk PIN…" in text
    assert window.close() is True and not window.isVisible()


def test_with_a_pin_the_kiosk_fills_the_screen_and_only_the_pin_closes_it(qtbot, start_kiosk, engine, admin):
    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin="246813")
    window = start_kiosk()
    assert window.locked is True and window.isFullScreen()
    assert not window.notice.isVisible()
    assert window.close() is False and window.isVisible()
    window.show_pin()
    qtbot.keyClicks(window, "246813")
    with qtbot.waitSignal(window.unlocked, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_Return)
    assert not window.isVisible()


def test_the_notice_is_as_readable_as_the_rest_of_the_kiosk(qtbot, qapp, start_kiosk):
    from desktop_app.ui.settings_dialog import apply_style

    apply_style(qapp, "normal")
    try:
        window = start_kiosk()
        window.resize(1280, 800)
        qtbot.wait(10)
        assert window.notice in list(visible_texts(window))
        assert assert_readable(window, "welcome without a PIN") > 5
    finally:
        qapp.setStyleSheet("")


@pytest.mark.parametrize("role", ["admin", "coordinator", "front_desk", "kiosk"])
def test_whether_the_kiosk_locks_is_a_use_case_anyone_signed_in_may_ask(engine, admin, make_actor, role):
    if role == "kiosk":
        with session_scope(engine) as s:
            actor = auth.kiosk_actor(s)
    else:
        actor = make_actor(role)
    with session_scope(engine, write=False) as s:
        assert passports.kiosk_locks(s, actor=actor) is False
    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin="135792")
    with session_scope(engine, write=False) as s:
        assert passports.kiosk_locks(s, actor=actor) is True
