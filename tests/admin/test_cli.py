"""`smiledesk station` and `smiledesk staff`: an administrator's sign-in, stations by id or code (issue 22:
`station assign USER CODE` crashed on int('HP') and needed no sign-in; there was no command for accounts)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from desktop_app.cli import main
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.models import StaffUser, Station


@pytest.fixture
def run(db_arg, capsys, monkeypatch):
    def run(*argv: str, password: str | None = "admin-pass-1", new_password: str | None = None) -> tuple[int, str]:
        monkeypatch.delenv("SMILEDESK_PASSWORD", raising=False)
        if password is not None:
            monkeypatch.setenv("SMILEDESK_PASSWORD", password)
        if new_password is not None:
            monkeypatch.setenv("SMILEDESK_NEW_PASSWORD", new_password)
        code = main([*argv, "--db", db_arg])
        out = capsys.readouterr()
        return code, out.out + out.err

    return run


def _user(engine, name: str) -> StaffUser | None:
    with session_scope(engine, write=False) as s:
        return s.exec(select(StaffUser).where(StaffUser.username == name)).first()


def test_station_commands_take_codes_or_ids_and_need_a_sub_district_administrator(engine, admin, run):
    code, out = run("station", "assign", "admin", "all")
    assert code == 1 and "--as" in out  # no sign-in: refused
    code, out = run("station", "assign", "admin", "all", "--as", "admin", password="wrong-pass-9")
    assert code == 1 and "Wrong user name or password" in out
    # the first sub-district administrator: any administrator may make one while there is none
    code, out = run("station", "assign", "admin", "all", "--as", "admin")
    assert code == 0, out
    code, out = run("station", "add", "琥珀社区党群服务中心", "hp", "--as", "admin")
    assert code == 0 and "(HP)" in out
    code, out = run("staff", "add", "desk-hp", "--role", "front_desk", "--station", "hp", "--as", "admin",
                    new_password="pass-word-1")
    assert code == 0, out
    with session_scope(engine, write=False) as s:
        hp = s.exec(select(Station).where(Station.code == "HP")).one().id
    assert _user(engine, "desk-hp").station_id == hp
    code, out = run("station", "assign", "desk-hp", str(admin.station_id), "--as", "admin")  # an id
    assert code == 0 and _user(engine, "desk-hp").station_id == admin.station_id
    code, out = run("station", "assign", "desk-hp", "HP", "--as", "admin")  # a code (crashed: int('HP'))
    assert code == 0 and _user(engine, "desk-hp").station_id == hp
    code, out = run("station", "assign", "desk-hp", "NOPE", "--as", "admin")
    assert code == 1 and "NOPE" in out and "smiledesk station list" in out
    code, out = run("station", "list", "--as", "admin")
    assert code == 0 and "HP" in out and "琥珀社区党群服务中心" in out


def test_staff_commands(engine, admin, run):
    code, out = run("staff", "add", "desk2", "--role", "front_desk", "--name", "前台二", "--as", "admin",
                    new_password="pass-word-2")
    assert code == 0, out
    user = _user(engine, "desk2")
    assert (user.station_id, user.display_name) == (admin.station_id, "前台二")
    assert auth.sign_in(engine, username="desk2", password="pass-word-2").username == "desk2"
    code, out = run("staff", "add", "desk2", "--role", "front_desk", "--as", "admin", new_password="pass-word-2")
    assert code == 1 and "taken" in out
    code, out = run("staff", "add", "x", "--role", "front_desk", "--station", "all", "--as", "admin",
                    new_password="pass-word-2")
    assert code == 1 and "sub-district administrator" in out  # a station's administrator: own station only
    code, out = run("staff", "disable", str(user.id), "--as", "admin")
    assert code == 0 and not _user(engine, "desk2").active
    code, out = run("staff", "list", "--as", "admin")
    assert code == 0 and "desk2" in out and "(disabled)" in out
    code, out = run("staff", "list", "--as", "desk2", password="pass-word-2")
    assert code == 1  # disabled, and not an administrator anyway
    code, out = run("staff", "enable", "desk2", "--as", "admin")
    code, out = run("staff", "list", "--as", "desk2", password="pass-word-2")
    assert code == 1 and "not an administrator" in out


def test_the_first_account_of_an_empty_database_needs_no_sign_in(engine, run):
    code, out = run("staff", "add", "office", "--role", "admin", "--station", "all", password=None,
                    new_password="office-pass-1")
    assert code == 0, out
    assert _user(engine, "office").station_id is None
    code, out = run("staff", "add", "second", "--role", "admin", "--station", "all", password=None,
                    new_password="office-pass-1")
    assert code == 1 and "--as" in out  # from now on an administrator signs in


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ref=st.one_of(st.text(max_size=30), st.integers(min_value=-10**30, max_value=10**30).map(str),
                     st.sampled_from(["²", "١٢", "𝟙", "１", "9" * 40, " 1 ", "hp", "Hp ", "h\x00p"])))
def test_any_station_or_account_reference_finds_one_or_says_none_has_it(engine, admin, ref):
    """What a person types after `station assign`: an id, a code, anything. It names a station/account or ends
    in a translated 'not found' — "²".isdigit() is true but int("²") raised, and an id past the database's
    integers overflowed in the driver, and a NUL in the text was PostgreSQL's refusal instead of 'not found'."""
    from desktop_app.admin.cli import _user as find_user
    from desktop_app.core.errors import NotFound
    from desktop_app.safety.stations import find_station

    with session_scope(engine, write=False) as s:
        for find in (find_station, find_user):
            try:
                found = find(s, ref)
            except NotFound as exc:
                assert ref.strip() in exc.text()
            else:
                text = ref.strip()
                by_id = text.isascii() and text.isdigit() and int(text) == found.id
                assert by_id or text.upper() in {(getattr(found, "code", None) or "").upper(),
                                                 (getattr(found, "username", None) or "").upper()}
