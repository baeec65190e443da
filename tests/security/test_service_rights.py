"""Issue 19 item 6: the services allow no more than the GUI shows.

A backup is an unmasked copy of every resident: only the roles that see numbers in full make one, into the
station's folder; only an administrator anywhere else. The kiosk cannot request certificates (a request
holds the full ID number); exports of lists check their permission."""

from __future__ import annotations

import pytest

from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied
from desktop_app.safety import backups, privacy


def test_a_coordinator_cannot_back_up_anywhere(engine, make_actor, tmp_path):
    if engine.dialect.name != "sqlite":
        pytest.skip("a server database is backed up on the server (pg_dump)")
    coordinator = make_actor("coordinator")
    for folder in (None, tmp_path / "usb"):
        with pytest.raises(PermissionDenied):
            backups.backup_now(engine, actor=coordinator, folder=folder)
    assert not (tmp_path / "usb").exists()


def test_front_desk_backs_up_into_the_stations_folder_only(engine, make_actor, tmp_path):
    if engine.dialect.name != "sqlite":
        pytest.skip("a server database is backed up on the server (pg_dump)")
    desk = make_actor("front_desk")
    made = backups.backup_now(engine, actor=desk)
    assert made.exists()
    with pytest.raises(PermissionDenied):
        backups.backup_now(engine, actor=desk, folder=tmp_path / "anywhere")
    assert not (tmp_path / "anywhere").exists()


def test_an_administrator_backs_up_anywhere(engine, admin, tmp_path):
    if engine.dialect.name != "sqlite":
        pytest.skip("a server database is backed up on the server (pg_dump)")
    assert backups.backup_now(engine, actor=admin, folder=tmp_path / "usb").parent == tmp_path / "usb"


@pytest.mark.parametrize("role", ["kiosk"])
def test_exporting_a_list_is_refused_to_roles_without_the_right(engine, make_actor, role):
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        privacy.record_export(s, actor=make_actor(role), what="meal route sheet", count=3, fields=["phone"])
