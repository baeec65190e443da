"""Issue 19 item 12: the kiosk PIN.

4 digits and 5 tries a minute took ≈ 33 h to exhaust, the count lived in memory, any staff password made
of digits unlocked the kiosk, and each try ran argon2 once per such account on the GUI thread. Now: 6–12
digits, not trivial; five wrong PINs lock the pad for 15 minutes, counted in the database (a restart does
not reset it); only the kiosk PIN unlocks; the check runs off the GUI thread through ui.ops.
"""

from __future__ import annotations

import dataclasses
import threading
from datetime import timedelta

import pytest

from desktop_app.core import auth
from desktop_app.core.clock import utcnow
from desktop_app.core.db import make_engine, session_scope
from desktop_app.core.errors import ValidationError
from desktop_app.passports import settings


@pytest.fixture
def kiosk(engine):
    with session_scope(engine) as s:
        return auth.kiosk_actor(s)


@pytest.mark.parametrize("pin", ["1234", "12345", "111111", "123456", "987654", "12a456", "1234567890123"])
def test_weak_or_malformed_pins_are_refused(engine, admin, pin):
    with pytest.raises(ValidationError), session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin=pin)


def unlock(engine, kiosk, pin, now=None):
    with session_scope(engine) as s:
        return settings.unlock_kiosk(s, actor=kiosk, pin=pin, now=now)


def test_five_wrong_pins_lock_the_pad_across_a_restart(engine, admin, kiosk):
    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin="246813")
    answers = [unlock(engine, kiosk, "000000") for _ in range(5)]
    assert [a.tries_left for a in answers[:4]] == [4, 3, 2, 1] and answers[4].locked_minutes == 15
    restarted = make_engine(engine.url.render_as_string(hide_password=False))  # the kiosk PC restarted
    try:
        assert unlock(restarted, kiosk, "246813").ok is False  # the right PIN, still locked
        later = utcnow() + timedelta(minutes=16)
        assert unlock(restarted, kiosk, "246813", now=later).ok is True
    finally:
        restarted.dispose()


def test_staff_passwords_no_longer_unlock_the_kiosk(engine, admin, kiosk):
    with session_scope(engine) as s:
        auth.change_password(s, actor=admin, old_password="admin-pass-1", new_password="24681357")
        settings.set_kiosk_pin(s, actor=admin, pin="975310")
    assert unlock(engine, kiosk, "24681357").ok is False
    assert unlock(engine, kiosk, "975310").ok is True


def test_wrong_pins_are_audited(engine, admin, kiosk):
    from sqlmodel import select

    from desktop_app.core.models import AuditEntry

    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin="246813")
    unlock(engine, kiosk, "000000")
    with session_scope(engine, write=False) as s:
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "kiosk_pin_failed")).one().actor_name == kiosk.username


def test_the_pin_is_checked_off_the_gui_thread(qtbot, app_fonts, ctx, engine, admin, kiosk, wait_ops):
    from PySide6.QtCore import Qt

    from desktop_app.passports.ui.kiosk import KioskWindow

    with session_scope(engine) as s:
        settings.set_kiosk_pin(s, actor=admin, pin="246813")
    threads = []

    def check(s, pin):
        threads.append(threading.current_thread())
        return settings.unlock_kiosk(s, actor=kiosk, pin=pin)

    w = KioskWindow(dataclasses.replace(ctx, actor=kiosk), check, locked=True)
    qtbot.addWidget(w)
    w.show()
    wait_ops()
    w.show_pin()
    wait_ops()
    qtbot.keyClicks(w, "246813")
    with qtbot.waitSignal(w.unlocked, timeout=5000):
        qtbot.keyClick(w, Qt.Key.Key_Return)
    assert threads and all(t is not threading.main_thread() for t in threads)
