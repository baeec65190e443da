"""A station PC on the server with its own login: start-up, the first administrator, the kiosk, the wizard."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop_app import features
from desktop_app.core import auth
from desktop_app.core.db import rls, session_scope
from desktop_app.core.errors import StorageError
from desktop_app.core.models import Station
from desktop_app.residents import ResidentCreate, create_resident, search

pytestmark = pytest.mark.slow  # a PostgreSQL server of its own


def test_a_station_login_opens_without_migrating_and_works_through_the_use_cases(subdistrict):
    sd = subdistrict
    engine = features.open_app_database(sd.url("a"))
    sd.engines.append(engine)
    actor = auth.sign_in(engine, username="desk-a", password="pass-word-1")
    with pytest.raises(Exception, match="Wrong user name or password"):
        auth.sign_in(engine, username="desk-b", password="pass-word-1")  # another station's account
    with session_scope(engine) as s:
        rid = create_resident(s, actor=actor, data=ResidentCreate(name="李新")).id
    with session_scope(engine, write=False) as s:
        assert {r.name for r in search(s, actor=actor, q="李")} == {"李明", "李华", "李新"}
    with session_scope(sd.owner, write=False) as s:
        assert s.execute(text("SELECT station_id FROM resident WHERE id = :i"), {"i": rid}).scalar() == sd.a


def test_a_station_login_on_an_older_schema_is_told_to_ask_it(subdistrict):
    sd = subdistrict
    with sd.owner.begin() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version WHERE version_num LIKE 'desk_%'")).scalar_one()
        older = f"desk_{int(head[-4:]) - 1:04d}"  # the desk's revision before its newest
        conn.execute(text("UPDATE alembic_version SET version_num = :o WHERE version_num = :h"), {"o": older, "h": head})
    with pytest.raises(StorageError, match="smiledesk migrate"):
        features.open_app_database(sd.url("a"))


def test_a_new_stations_first_pc_makes_its_administrator_and_kiosk(subdistrict):
    sd = subdistrict
    with session_scope(sd.owner) as s:
        c = Station(name="三孝口社区红色驿站", code="SXK")
        s.add(c)
        s.flush()
        c_id = c.id
    with sd.owner.begin() as conn:
        sd.logins["c"] = ("t_c_" + str(c_id) + sd.database, rls.create_login(
            conn, role="t_c_" + str(c_id) + sd.database, kind="station", station_id=c_id))
    engine = sd.engine("c")
    with session_scope(engine) as s:
        assert auth.needs_setup(s)  # no account at this station (others' are invisible)
        admin = auth.create_first_admin(s, station_name="三孝口社区红色驿站", username="admin-c", display_name="刘站长",
                                        password="admin-pass-3", station_code="SXK")
        kiosk = auth.kiosk_actor(s)  # "kiosk" is another station's name already: this one gets its own
    assert admin.station_id == kiosk.station_id == c_id
    assert kiosk.username in ("kiosk", "kiosk-sxk")


def test_the_wizard_on_a_server_says_the_server_is_backed_up_there(subdistrict, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop_app.app import make_services
    from desktop_app.ui.wizard import SetupWizard

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    wizard = SetupWizard(subdistrict.engine("a"), settings, services=make_services())
    qtbot.addWidget(wizard)
    page = wizard.backup_page
    assert page.on_server and page.folder.isHidden()
    assert "WAL" in page.note.text() and "no copies" in page.note.text()
