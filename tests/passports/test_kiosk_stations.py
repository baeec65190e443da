"""A kiosk and a smile wall on a sub-district server belong to a station (--station CODE): each station
has its own kiosk account, and windows and papers carry the signed-in station's name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app import app as app_module
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound
from desktop_app.passports.ui.kiosk import KioskWindow


def test_each_station_has_its_own_kiosk_account(engine, two_stations):
    t = two_stations
    with session_scope(engine) as s:
        first = auth.kiosk_actor(s)
        second = auth.kiosk_actor(s, station_code="hp")  # codes match without regard to case
    with session_scope(engine) as s:
        assert auth.kiosk_actor(s, station_code="HP") == second  # the same account next time
        assert auth.kiosk_actor(s) == first
    assert (first.station_id, second.station_id) == (t.a, t.b)
    assert (first.username, second.username) == ("kiosk", "kiosk-hp")
    assert first.role == second.role == auth.Role.KIOSK


def test_an_unknown_station_code_is_refused_with_the_code(engine, two_stations):
    with pytest.raises(NotFound) as err, session_scope(engine) as s:
        auth.kiosk_actor(s, station_code="ZZ")
    assert "ZZ" in err.value.text()


def test_kiosk_window_and_main_window_show_their_stations_name(qtbot, engine, two_stations, tmp_path):
    t = two_stations
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    kiosk = app_module._special_window("kiosk", engine, settings, "HP")
    qtbot.addWidget(kiosk)
    assert isinstance(kiosk, KioskWindow)
    assert kiosk.ctx.actor.station_id == t.b
    assert kiosk.ctx.station_name == t.names[t.b]
    window = app_module.build_main_window(engine, t.actor("front_desk", t.b), settings)
    qtbot.addWidget(window)
    assert window.ctx.station_name == t.names[t.b]
    office = app_module.build_main_window(engine, t.office, settings)  # the sub-district office: first station
    qtbot.addWidget(office)
    assert office.ctx.station_name == t.names[t.a]
