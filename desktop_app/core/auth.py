"""Staff accounts, roles and permission checks. Services call ``require(actor, PERMISSION)`` themselves.

Permissions are declared where they are used, next to the use cases they guard:

    RECORD_VISIT = Permission("record visits", {Role.ADMIN, Role.FRONT_DESK})

so each feature owns its rows of the role × use-case matrix and tests them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlmodel import Session, col, func, or_, select

from desktop_app.core import audit
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError, NotFound, PermissionDenied, SmileDeskError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StaffUser, Station

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    FRONT_DESK = "front_desk"
    KIOSK = "kiosk"


ROLE_LABELS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "admin"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("Roles", "coordinator"),
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("Roles", "front_desk"),
    Role.KIOSK: QT_TRANSLATE_NOOP("Roles", "kiosk"),
}

STAFF = frozenset({Role.ADMIN, Role.COORDINATOR, Role.FRONT_DESK})
ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class Permission:
    """A named right; ``action`` is a QT_TRANSLATE_NOOP("Permissions", ...) phrase ("edit residents")."""

    action: str
    roles: frozenset[Role] = field(default_factory=frozenset)

    def __init__(self, action: str, roles) -> None:
        object.__setattr__(self, "action", action)
        object.__setattr__(self, "roles", frozenset(Role(r) for r in roles))


@dataclass(frozen=True)
class Actor:
    """The signed-in user as services see it (no password hash, no ORM object)."""

    id: int | None
    username: str
    display_name: str
    role: Role
    station_id: int | None
    # Signed in (``authenticate``) with a password others know: every use case refuses until it is changed.
    must_change_password: bool = False

    @classmethod
    def from_user(cls, user: StaffUser) -> Actor:
        return cls(user.id, user.username, user.display_name, Role(user.role), user.station_id)


SYSTEM = Actor(None, "system", "system", Role.ADMIN, None)

MANAGE_STAFF = Permission(QT_TRANSLATE_NOOP("Permissions", "manage staff accounts"), {Role.ADMIN})
MANAGE_SETTINGS = Permission(QT_TRANSLATE_NOOP("Permissions", "change station settings"), {Role.ADMIN})
VIEW_AUDIT = Permission(QT_TRANSLATE_NOOP("Permissions", "read the audit log"), {Role.ADMIN})
EXPORT_LISTS = Permission(QT_TRANSLATE_NOOP("Permissions", "export lists to Excel"), STAFF)


def allowed(actor: Actor, permission: Permission) -> bool:
    return actor.role in permission.roles


class PasswordChangeRequired(PermissionDenied):
    """The account's password is one others know (the demo's): every use case waits until it is changed."""

    def __init__(self) -> None:
        SmileDeskError.__init__(self, QT_TRANSLATE_NOOP("Errors", "This account still has a password others know (for example the demo's admin12345); change it first (File → Change password)."))

    def text(self) -> str:
        return SmileDeskError.text(self)


def require(actor: Actor, permission: Permission) -> None:
    if actor.must_change_password:
        raise PasswordChangeRequired()
    if not allowed(actor, permission):
        raise PermissionDenied(permission.action, actor.role.value)


# --- passwords ----------------------------------------------------------------------------------


_hasher_override = None


def production_hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id with the library's current defaults (RFC 9106 low-memory profile)


def set_password_hasher(hasher) -> None:
    """Tests only: a cheap argon2 (every fixture account would cost ~60 ms otherwise). None restores."""
    global _hasher_override
    _hasher_override = hasher


def _hasher():
    return _hasher_override or production_hasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Password"),
            QT_TRANSLATE_NOOP("Errors", "must be at least {n} characters long."),
            n=MIN_PASSWORD_LENGTH,
        )


def check_username(username: str) -> str:
    name = (username or "").strip()
    if not name or len(name) > 50 or any(c.isspace() for c in name):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "User name"),
            QT_TRANSLATE_NOOP("Errors", "use 1–50 characters without spaces."),
        )
    return name


# --- use cases ------------------------------------------------------------------------------------


def needs_setup(s: Session) -> bool:
    return s.exec(select(func.count()).select_from(StaffUser)).one() == 0


def first_station(s: Session) -> Station | None:
    return s.exec(select(Station).order_by(col(Station.id))).first()


def create_first_admin(
    s: Session, *, station_name: str, username: str, display_name: str, password: str, station_code: str = "SQK"
) -> Actor:
    """First start: the station and its administrator. Refused once any account exists."""
    if not needs_setup(s):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This database already has an administrator; sign in instead."))
    name = (station_name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Station name"),
            QT_TRANSLATE_NOOP("Errors", "enter the station's name (1–100 characters)."),
        )
    code = (station_code or "SQK").strip().upper()
    if not (1 <= len(code) <= 10 and code.isascii() and code.isalnum()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Station code"),
            QT_TRANSLATE_NOOP("Errors", "use 1–10 letters or digits, e.g. SQK."),
        )
    username = check_username(username)
    display = (display_name or "").strip() or username
    check_password_rules(password)
    station = first_station(s)
    if station is None:
        station = Station(name=name, code=code)
        s.add(station)
        s.flush()
    else:
        station.name, station.code = name, code
    user = StaffUser(
        station_id=station.id,
        username=username,
        display_name=display,
        role=Role.ADMIN.value,
        password_hash=hash_password(password),
    )
    s.add(user)
    s.flush()
    actor = Actor.from_user(user)
    audit.record(s, actor=actor, action="create", entity="station", entity_id=station.id, after=station)
    audit.record(s, actor=actor, action="create", entity="staff_user", entity_id=user.id, after=_user_public(user))
    return actor


def _user_public(user: StaffUser) -> dict:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "active": user.active,
        "station_id": user.station_id,
    }


_dummy: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash made with the hasher in use, checked when the account does not exist: a wrong user name then
    costs the same time as a wrong password (no telling which accounts exist by the clock)."""
    hasher = _hasher()
    found = _dummy.get(id(hasher))
    if found is None:
        import secrets

        found = _dummy[id(hasher)] = hash_password(secrets.token_urlsafe(16))
    return found


def _failed(s: Session, user: StaffUser | None, reason: str) -> None:
    """Audit a refused sign-in (in the sign-in's own transaction, kept although the sign-in fails)."""
    if user is None:
        audit.record(s, actor=None, action="login_failed", entity="staff_user", entity_id="", after={"reason": reason})
    else:
        audit.record(s, actor=Actor.from_user(user), action="login_failed", entity="staff_user", entity_id=user.id,
                     after={"reason": reason, "failed_attempts": user.failed_attempts})


def authenticate(s: Session, *, username: str, password: str, now: datetime | None = None) -> Actor:
    """Sign in. Five wrong passwords lock the account for five minutes. Every refusal is audited, and every
    attempt checks one password hash, whether or not the account exists, is disabled or locked."""
    now = now or utcnow()
    user = s.exec(select(StaffUser).where(StaffUser.username == (username or "").strip())).first()
    wrong = ConflictError(QT_TRANSLATE_NOOP("Errors", "Wrong user name or password."))
    usable = user is not None and user.active and user.role != Role.KIOSK.value
    matches = verify_password(user.password_hash if usable and user is not None else _dummy_hash(), password or "")
    if user is None or not usable:
        _failed(s, user, "unknown account" if user is None else "disabled account")
        raise _KeepChanges(wrong)
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        _failed(s, user, "locked")
        raise _KeepChanges(ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Too many wrong passwords: this account is locked for {minutes} more minute(s)."),
            minutes=minutes,
        ))
    if not matches:
        user.failed_attempts += 1
        s.add(user)
        _failed(s, user, "wrong password")
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = now + LOCKOUT
            user.failed_attempts = 0
            audit.record(s, actor=Actor.from_user(user), action="lockout", entity="staff_user", entity_id=user.id)
            s.add(user)
            # Commit the counter even though sign-in fails: the caller's transaction must keep it.
            raise _KeepChanges(
                ConflictError(
                    QT_TRANSLATE_NOOP("Errors", "Too many wrong passwords: this account is locked for {minutes} more minute(s)."),
                    minutes=int(LOCKOUT.total_seconds() // 60),
                )
            )
        raise _KeepChanges(wrong)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = now
    s.add(user)
    actor = Actor.from_user(user)
    audit.record(s, actor=actor, action="login", entity="staff_user", entity_id=user.id)
    if user.must_change_password:
        from dataclasses import replace

        actor = replace(actor, must_change_password=True)
    return actor


class _KeepChanges(Exception):
    """Internal: a failure whose bookkeeping (failed-attempt counters) must still be committed."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def sign_in(engine, *, username: str, password: str, now: datetime | None = None) -> Actor:
    """Authenticate in its own transaction, keeping failed-attempt counters even when it fails."""
    from desktop_app.core.db import session_scope

    pending: Exception | None = None
    with session_scope(engine) as s:
        try:
            return authenticate(s, username=username, password=password, now=now)
        except _KeepChanges as keep:
            pending = keep.error
    assert pending is not None
    raise pending


def create_staff(
    s: Session, *, actor: Actor, username: str, display_name: str, role: str, password: str
) -> StaffUser:
    require(actor, MANAGE_STAFF)
    username = check_username(username)
    try:
        role_value = Role(role)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Role"), QT_TRANSLATE_NOOP("Errors", "choose one of the listed roles.")
        ) from None
    check_password_rules(password)
    if s.exec(select(StaffUser).where(StaffUser.username == username)).first():
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "The user name {name} is taken; choose another."), name=username)
    user = StaffUser(
        station_id=actor.station_id,
        username=username,
        display_name=(display_name or "").strip() or username,
        role=role_value.value,
        password_hash=hash_password(password),
    )
    s.add(user)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="staff_user", entity_id=user.id, after=_user_public(user))
    return user


def list_staff(s: Session, *, actor: Actor) -> list[StaffUser]:
    """The accounts the actor manages: their station's (every station's for a sub-district administrator)."""
    from desktop_app.core.db import station_scope

    require(actor, MANAGE_STAFF)
    return list(s.exec(station_scope(select(StaffUser), StaffUser.station_id, actor).order_by(StaffUser.username)))


def set_staff_active(s: Session, *, actor: Actor, user_id: int, active: bool) -> None:
    """Enable or disable an account of the actor's station (any station's for a sub-district administrator)."""
    from desktop_app.core.db import in_station

    require(actor, MANAGE_STAFF)
    user = s.get(StaffUser, user_id)
    if user is None or not in_station(actor, user.station_id):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "That account no longer exists."))
    if user.id == actor.id and not active:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "You cannot deactivate your own account."))
    before = _user_public(user)
    user.active = active
    s.add(user)
    audit.record(s, actor=actor, action="update", entity="staff_user", entity_id=user.id, before=before, after=_user_public(user))


def change_password(s: Session, *, actor: Actor, old_password: str, new_password: str) -> Actor:
    """Change one's own password; returns the actor as signed in from now on (no longer asked to change it)."""
    user = s.get(StaffUser, actor.id)
    if user is None or not verify_password(user.password_hash, old_password):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Current password"), QT_TRANSLATE_NOOP("Errors", "is not correct.")
        )
    check_password_rules(new_password)
    if new_password == old_password:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "New password"),
                              QT_TRANSLATE_NOOP("Errors", "is the same as the current one; choose another."))
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    s.add(user)
    audit.record(s, actor=actor, action="password", entity="staff_user", entity_id=user.id)
    return Actor.from_user(user)


def require_password_change(s: Session, *, username: str) -> None:
    """Mark an account whose password others know (the demo's): it must be changed at the next sign-in."""
    user = s.exec(select(StaffUser).where(StaffUser.username == username)).first()
    if user is not None:
        user.must_change_password = True
        s.add(user)


def kiosk_actor(s: Session, *, station_code: str = "") -> Actor:
    """The kiosk account of a station (created on demand, no password sign-in: the kiosk and the smile
    wall run signed in as it). Each station has its own, so a kiosk on a sub-district server sees its
    station's passports and activities; without ``station_code``, the first station's."""
    if station_code.strip():
        station = s.exec(select(Station).where(func.upper(Station.code) == station_code.strip().upper())).first()
        if station is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No station has the code {code}; the command smiledesk station list shows each station's code."),
                           code=station_code.strip())
    else:
        station = first_station(s)
    first = first_station(s)
    query = select(StaffUser).where(StaffUser.role == Role.KIOSK.value, StaffUser.active == True)  # noqa: E712
    if station is not None and first is not None and station.id == first.id:  # also the older station-less account
        query = query.where(or_(col(StaffUser.station_id) == station.id, col(StaffUser.station_id).is_(None)))
    elif station is not None:
        query = query.where(StaffUser.station_id == station.id)
    user = s.exec(query.order_by(col(StaffUser.id))).first()
    if user is None:
        import secrets

        username = "kiosk" if station is None or first is None or station.id == first.id else f"kiosk-{station.code.lower()}"
        from sqlalchemy.exc import IntegrityError

        for name in dict.fromkeys([username, f"kiosk-{station.code.lower()}" if station else username]):
            user = StaffUser(
                station_id=station.id if station else None,
                username=name,
                display_name="Kiosk",
                role=Role.KIOSK.value,
                password_hash=hash_password(secrets.token_urlsafe(24)),
            )
            try:  # on a sub-district server "kiosk" may be another station's, which this login cannot see
                with s.begin_nested():
                    s.add(user)
                    s.flush()
                break
            except IntegrityError:
                continue
    assert user is not None
    return Actor.from_user(user)
