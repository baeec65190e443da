"""Accounts, lockout, permissions and the hash-chained audit log."""

from datetime import timedelta

import pytest
from sqlmodel import select

from desktop_app.core import audit, auth
from desktop_app.core.clock import utcnow
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, PermissionDenied, ValidationError
from desktop_app.core.models import AuditEntry, StaffUser


def test_first_admin_only_once(engine, admin):
    assert admin.role == auth.Role.ADMIN
    with pytest.raises(ConflictError), session_scope(engine) as s:
        auth.create_first_admin(s, station_name="x", username="other", display_name="", password="long-enough")


def test_setup_rejects_short_password_and_writes_nothing(engine):
    with pytest.raises(ValidationError, match="at least 8"), session_scope(engine) as s:
        auth.create_first_admin(s, station_name="站", username="admin", display_name="", password="short")
    with session_scope(engine, write=False) as s:
        assert auth.needs_setup(s)
        assert s.exec(select(AuditEntry)).all() == []


def test_five_wrong_passwords_lock_for_five_minutes(engine, admin):
    for _ in range(4):
        with pytest.raises(ConflictError, match="Wrong user name or password"):
            auth.sign_in(engine, username="admin", password="nope")
    with pytest.raises(ConflictError, match="locked"):
        auth.sign_in(engine, username="admin", password="nope")
    with pytest.raises(ConflictError, match="locked"):
        auth.sign_in(engine, username="admin", password="admin-pass-1")
    later = utcnow() + timedelta(minutes=5, seconds=1)
    assert auth.sign_in(engine, username="admin", password="admin-pass-1", now=later).username == "admin"


def test_staff_management_role_matrix(engine, admin, make_actor):
    for role in ("coordinator", "front_desk", "kiosk"):
        actor = make_actor(role)
        with pytest.raises(PermissionDenied), session_scope(engine) as s:
            auth.create_staff(s, actor=actor, username=f"x{role}", display_name="", role="front_desk", password="12345678")
        with pytest.raises(PermissionDenied), session_scope(engine) as s:
            auth.list_staff(s, actor=actor)
    with session_scope(engine) as s:
        assert {u.role for u in auth.list_staff(s, actor=admin)} == {"admin", "coordinator", "front_desk", "kiosk"}


def test_deactivated_account_cannot_sign_in(engine, admin, make_actor):
    desk = make_actor("front_desk")
    with session_scope(engine) as s:
        auth.set_staff_active(s, actor=admin, user_id=desk.id, active=False)
    with pytest.raises(ConflictError):
        auth.sign_in(engine, username="front_desk1", password="pass-word-1")


def tamper(engine, sql: str) -> None:
    """What someone with the file does: drop the append-only triggers, then change the log."""
    from tests.security.helpers import tamper as drop_guards_and_run

    drop_guards_and_run(engine, sql)


def test_audit_chain_detects_tampering(engine, admin, make_actor):
    make_actor("front_desk")
    with session_scope(engine, write=False) as s:
        assert audit.verify_chain(s) == []
        n = len(s.exec(select(AuditEntry)).all())
    assert n >= 3
    tamper(engine, "UPDATE audit_entry SET after = '{\"role\": \"admin\"}' WHERE id = 2")
    with session_scope(engine, write=False) as s:
        problems = audit.verify_chain(s)
    assert any("id 2" in p and "changed" in p for p in problems)


def test_audit_chain_detects_deletion(engine, admin, make_actor):
    make_actor("front_desk")
    make_actor("coordinator")
    tamper(engine, "DELETE FROM audit_entry WHERE id = 2")
    with session_scope(engine, write=False) as s:
        assert any("missing (deleted)" in p for p in audit.verify_chain(s))


def test_passwords_are_argon2id(engine, admin):
    with session_scope(engine, write=False) as s:
        user = s.exec(select(StaffUser).where(StaffUser.username == "admin")).one()
    assert user.password_hash.startswith("$argon2id$")


def test_shipped_password_hashing_is_argon2id_at_full_cost(monkeypatch):
    """The fixtures hash cheaply; what ships is argon2id with at least 64 MiB and 3 passes."""
    monkeypatch.setattr(auth, "_hasher_override", None)
    stored = auth.hash_password("a-long-pass-1")
    params = dict(p.split("=") for p in stored.split("$")[3].split(","))
    assert stored.startswith("$argon2id$") and int(params["m"]) >= 65536 and int(params["t"]) >= 3
    assert auth.verify_password(stored, "a-long-pass-1") and not auth.verify_password(stored, "a-long-pass-2")
