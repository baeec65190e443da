"""Issue 19 item 10: sign-in tells nothing by its timing, and a password others know must be changed.

An unknown user name cost 0.5 ms and a wrong password 600 ms: the clock told which accounts exist. Now every
attempt checks exactly one password hash (a stand-in hash for an unknown or disabled account). Counted, not
timed. ``smiledesk demo`` makes admin/admin12345 an account that must change its password before any use case.
"""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop_app import cli
from desktop_app import residents as rs
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, PermissionDenied
from desktop_app.core.models import StaffUser
from desktop_app.residents.models import ResidentCreate


@pytest.fixture
def hash_checks(monkeypatch):
    """How many password hashes each sign-in checked."""
    seen: list[str] = []
    real = auth.verify_password

    def counting(stored: str, password: str) -> bool:
        seen.append(stored)
        return real(stored, password)

    monkeypatch.setattr(auth, "verify_password", counting)
    return seen


@pytest.mark.parametrize("who", ["nobody", "disabled", "admin-wrong", "locked", "admin-right"])
def test_every_sign_in_checks_exactly_one_hash(engine, admin, make_actor, hash_checks, who):
    desk = make_actor("front_desk")
    with session_scope(engine) as s:
        s.exec(select(StaffUser).where(StaffUser.id == desk.id)).one().active = False
    if who == "locked":
        for _ in range(auth.MAX_FAILED_ATTEMPTS):
            with pytest.raises(ConflictError):
                auth.sign_in(engine, username="admin", password="wrong-pass-1")
        hash_checks.clear()
    name, password = {"nobody": ("nobody", "admin-pass-1"), "disabled": (desk.username, "pass-word-1"),
                      "admin-wrong": ("admin", "wrong-pass-1"), "locked": ("admin", "admin-pass-1"),
                      "admin-right": ("admin", "admin-pass-1")}[who]
    if who == "admin-right":
        auth.sign_in(engine, username=name, password=password)
    else:
        with pytest.raises(ConflictError):
            auth.sign_in(engine, username=name, password=password)
    assert len(hash_checks) == 1
    assert all(h.startswith("$argon2id$") for h in hash_checks)  # the stand-in costs what a real one costs


def test_the_demo_admin_must_change_its_password_first(tmp_path, capsys):
    from desktop_app.core.db import make_engine

    db = tmp_path / "demo.sqlite3"
    assert cli.main(["demo", "--only", "residents", "--db", str(db)]) == 0
    assert "asks for a new password at the first sign-in" in capsys.readouterr().out
    engine = make_engine(f"sqlite:///{db}")
    try:
        actor = auth.sign_in(engine, username="admin", password="admin12345")
        assert actor.must_change_password
        with pytest.raises(PermissionDenied, match="change it first"), session_scope(engine) as s:
            rs.create_resident(s, actor=actor, data=ResidentCreate(name="张三"))
        with session_scope(engine) as s:
            actor = auth.change_password(s, actor=actor, old_password="admin12345", new_password="my-own-pass-1")
        with session_scope(engine) as s:
            rs.create_resident(s, actor=actor, data=ResidentCreate(name="张三"))
        assert not auth.sign_in(engine, username="admin", password="my-own-pass-1").must_change_password
    finally:
        engine.dispose()
