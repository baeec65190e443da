"""Issue 19 item 2: the lock takes every window off the screen, not the main window only.

A resident's dialog with a revealed ID number stayed on screen over the sign-in prompt. Now, while the lock
prompt is up, no window of the signed-in person is visible; the same person signing in again gets them back
as they were; someone else signing in does not see them (they are closed)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from shiboken6 import isValid

from desktop_app import residents as rs
from desktop_app.core.db import session_scope
from desktop_app.residents.models import ResidentCreate

ID = "11010519491231002X"


@pytest.fixture
def session_with_revealed_id(qapp, qtbot, app_fonts, engine, admin, tmp_path, wait_ops):
    from desktop_app.app import Session
    from desktop_app.residents.ui.dialogs import ResidentDialog
    from desktop_app.ui.context import AppContext

    with session_scope(engine) as s:
        resident = rs.create_resident(s, actor=admin, data=ResidentCreate(name="张晓明", id_number=ID))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    session = Session(qapp, engine, settings)
    session.actor = admin
    session.open_window()
    ctx = AppContext(engine=engine, actor=admin, settings=settings, station_name="站")
    dialog = ResidentDialog(ctx, resident.id, parent=session.window)  # goes with its window (deleted when closed)
    dialog.show()
    wait_ops()
    dialog.reveal("id_number")
    wait_ops()
    assert dialog.id_number.text() == ID
    yield session, dialog
    session.idle.set_minutes(0)
    if session.window is not None and isValid(session.window):
        session.window.close()


def on_screen(qapp) -> list:
    return [w for w in qapp.topLevelWidgets() if w.isVisible() and not w.isMinimized()]


def test_nothing_stays_on_screen_behind_the_lock_prompt(qapp, monkeypatch, session_with_revealed_id):
    session, dialog = session_with_revealed_id
    seen: list = []

    def sign_in(username: str = "", locked: bool = False) -> bool:
        seen.extend(on_screen(qapp))
        return True  # the same person signs in again

    monkeypatch.setattr(session, "sign_in", sign_in)
    session.lock()
    assert dialog not in seen and session.window not in seen and seen == []
    assert dialog.isVisible() and dialog.id_number.text() == ID and session.window.isVisible()


def test_someone_else_signing_in_does_not_get_the_windows(qapp, monkeypatch, make_actor, session_with_revealed_id):
    session, dialog = session_with_revealed_id
    other = make_actor("coordinator")

    def sign_in(username: str = "", locked: bool = False) -> bool:
        session.actor = other
        return True

    monkeypatch.setattr(session, "sign_in", sign_in)
    before = session.window
    session.lock()
    assert not dialog.isVisible()
    assert session.window.isVisible() and session.window.ctx.actor == other
    # the previous person's window is deleted, not left closed with its pages' timers still refreshing
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(before) and not isValid(dialog)
