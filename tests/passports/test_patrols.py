"""Patrols (rosters feature): kiosk check-in/out through rosters' check_in/check_out, stamps by rule, idempotent sweep."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop_app import rosters as rosters_service
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound
from desktop_app.passports import cards, patrols, stamps
from desktop_app.passports.models import StampEntry
from desktop_app.passports.ui.kiosk import KioskWindow
from desktop_app.rosters import Assignment, CheckIn, Shift


@pytest.fixture
def patrol(engine, admin, passport):
    """Today's patrol, running now, with the passport holder on it."""
    now = datetime.now().astimezone()
    start = max(now - timedelta(minutes=30), now.replace(hour=0, minute=0, second=0, microsecond=0))
    end = min(now + timedelta(minutes=60), now.replace(hour=23, minute=59, second=0, microsecond=0))
    with session_scope(engine) as s:
        team = rosters_service.create_team(s, actor=admin, name="小红帽巡逻队", templates=False)
        volunteer = rosters_service.add_volunteer(s, actor=admin, resident_id=passport.resident_id, team_id=team.id)
        shift = Shift(team_id=team.id, date=now.date(), period="morning", starts_at=start.time().replace(second=0, microsecond=0),
                      ends_at=end.time().replace(second=0, microsecond=0))
        s.add(shift)
        s.flush()
        s.add(Assignment(shift_id=shift.id, volunteer_id=volunteer.id, source="manual"))
        return shift.id, volunteer.id, now.date()


def test_kiosk_patrol_check_in_and_out_awards_one_patrol_stamp(engine, admin, passport, patrol):
    shift_id, volunteer_id, day = patrol
    with session_scope(engine) as s:
        kiosk = auth.kiosk_actor(s)
    with session_scope(engine, write=False) as s:
        slots = patrols.patrols_today(s, actor=kiosk, resident_id=passport.resident_id, today=day)
    assert [(p.shift_id, p.team, p.checked_in) for p in slots] == [(shift_id, "小红帽巡逻队", False)]
    with session_scope(engine) as s:
        assert patrols.kiosk_patrol(s, actor=kiosk, code=passport.number, shift_id=shift_id, today=day) is None
    with session_scope(engine) as s:
        entry = patrols.kiosk_patrol(s, actor=kiosk, code=passport.number, shift_id=shift_id, check_out=True, today=day)
    assert entry is not None and entry.kind == "patrol" and entry.stamps == 1
    with session_scope(engine, write=False) as s:
        ci = s.exec(select(CheckIn)).one()
        assert ci.method == "scan" and ci.check_out_at is not None
        assert entry.source_ref == f"rosters.checkin:{ci.id}"
    # The sweep finds the same completed patrol and adds nothing.
    with session_scope(engine) as s:
        assert patrols.sweep_patrol_stamps(s, actor=admin) == 0
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(StampEntry)).all()) == 1
        assert stamps.month_totals_match_ledger(s)


def test_sweep_awards_completed_patrols_once(engine, admin, passport, patrol):
    shift_id, volunteer_id, day = patrol
    with session_scope(engine) as s:
        rosters_service.check_in(s, actor=admin, shift_id=shift_id, volunteer_id=volunteer_id)
    with session_scope(engine) as s:
        assert patrols.sweep_patrol_stamps(s, actor=admin) == 0  # not checked out yet
    with session_scope(engine) as s:
        rosters_service.check_out(s, actor=admin, shift_id=shift_id, volunteer_id=volunteer_id)
    with session_scope(engine) as s:
        assert patrols.sweep_patrol_stamps(s, actor=admin) == 1
    with session_scope(engine) as s:
        assert patrols.sweep_patrol_stamps(s, actor=admin) == 0
    with session_scope(engine, write=False) as s:
        assert stamps.balance(s, passport.resident_id) == 1


def test_not_on_this_patrol_is_refused(engine, admin, residents, passport, patrol):
    shift_id, _, day = patrol
    with session_scope(engine) as s:
        other = cards.issue_passport(s, actor=admin, resident_id=residents[1])
        kiosk = auth.kiosk_actor(s)
    with pytest.raises(NotFound), session_scope(engine) as s:
        patrols.kiosk_patrol(s, actor=kiosk, code=other.number, shift_id=shift_id, today=day)


def test_volunteer_taps_patrol_buttons_on_the_kiosk(qtbot, app_fonts, ctx, engine, passport, patrol, wait_ops):
    _, _, day = patrol
    with session_scope(engine) as s:
        kiosk_actor = auth.kiosk_actor(s)
    w = KioskWindow(dataclasses.replace(ctx, actor=kiosk_actor), lambda s, pin: False, today=lambda: day)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.keyClicks(w, passport.number)
    qtbot.keyClick(w, Qt.Key.Key_Return)
    wait_ops()
    [btn] = [b for b in w.card_page.choice_buttons if b.objectName() == "patrol"]
    assert "check-in" in btn.text() and btn.width() >= 60 and btn.height() >= 60
    qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "Checked in" in w.card_page.message.text()
    [btn] = [b for b in w.card_page.choice_buttons if b.objectName() == "patrol"]
    assert "check-out" in btn.text()
    qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "1 stamp for the patrol" in w.card_page.message.text()
    assert [b for b in w.card_page.choice_buttons if b.objectName() == "patrol"] == []
    w._unlocked = True
