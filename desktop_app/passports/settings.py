"""The passports feature's station settings: the kiosk PIN, the daily stamp limit, stamps per patrol.

Kept in core's StationSetting table under our own keys (feature settings stay with the feature that
validates them; desktop_app/settings.py says so), one row per station: on a sub-district server each station
has its own PIN and limits (issue 22); a row without a station is the sub-district's default. The PIN is stored as an argon2 hash and never audited.
Whether the kiosk may lock the screen follows from it: kiosk_locks.

Unlocking (``unlock_kiosk``) takes the kiosk PIN only — staff passwords never unlock a kiosk — of 6 to 12
digits; five wrong PINs lock the pad for 15 minutes, counted in the database (a restart does not reset it),
each wrong PIN audited. The kiosk asks through ``ui.ops``: the argon2 check never runs on the GUI thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, first_station, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StationSetting
from desktop_app.passports.permissions import KIOSK_SETTINGS, KIOSK_USE

F_PIN = QT_TRANSLATE_NOOP("Fields", "Kiosk PIN")

F_DAILY_CAP = QT_TRANSLATE_NOOP("Fields", "Daily stamp limit")

PIN_KEY = "passports.kiosk_pin"

PIN_LOCK_KEY = "passports.kiosk_pin_lock"  # {"failures": n, "until": ISO time or ""}

MIN_PIN, MAX_PIN = 6, 12

PIN_TRIES = 5

PIN_LOCKOUT = timedelta(minutes=15)

DAILY_CAP_KEY = "passports.daily_cap"

PATROL_STAMPS_KEY = "passports.patrol_stamps"

DEFAULT_DAILY_CAP = 10

DEFAULT_PATROL_STAMPS = 1



def _setting(s: Session, key: str, station_id: int | None) -> StationSetting | None:
    """The station's own row; else the sub-district's (station_id NULL: a default every station shares).
    ``station_id`` None: the first station's (a one-station database)."""
    if station_id is None:
        first = first_station(s)
        station_id = first.id if first is not None else None
    return s.exec(select(StationSetting).where(
        StationSetting.key == key,
        or_(col(StationSetting.station_id) == station_id, col(StationSetting.station_id).is_(None)),
    ).order_by(col(StationSetting.station_id).is_(None), col(StationSetting.id))).first()


def _int_setting(s: Session, key: str, default: int, station_id: int | None) -> int:
    row = _setting(s, key, station_id)
    try:
        return int(row.value) if row is not None else default
    except ValueError:
        return default


def _put_setting(s: Session, actor: Actor, key: str, value: str, *, secret: bool = False) -> None:
    """The actor's station's own row (a sub-district administrator's: the default shared by every station)."""
    own = StationSetting.station_id == actor.station_id if actor.station_id is not None else col(
        StationSetting.station_id).is_(None)
    row = s.exec(select(StationSetting).where(StationSetting.key == key, own).order_by(col(StationSetting.id))).first()
    before = None if row is None or secret else row.value
    if row is None:
        row = StationSetting(station_id=actor.station_id, key=key, value=value)
    else:
        row.value = value
    s.add(row)
    s.flush()
    audit.record(
        s, actor=actor, action="update", entity="station_setting", entity_id=key,
        before=None if secret else {"value": before}, after={"value": "(hidden)" if secret else value},
    )


def daily_cap(s: Session, *, station_id: int | None = None) -> int:
    """Stamps a person may collect in a day at ``station_id`` (each station sets its own)."""
    return _int_setting(s, DAILY_CAP_KEY, DEFAULT_DAILY_CAP, station_id)



def set_daily_cap(s: Session, *, actor: Actor, stamps: int) -> None:
    require(actor, KIOSK_SETTINGS)
    if not isinstance(stamps, int) or not 1 <= stamps <= 100:
        raise ValidationError(F_DAILY_CAP, QT_TRANSLATE_NOOP("Errors", "must be a whole number from 1 to 100."))
    _put_setting(s, actor, DAILY_CAP_KEY, str(stamps))



def patrol_stamps(s: Session, *, station_id: int | None = None) -> int:
    return _int_setting(s, PATROL_STAMPS_KEY, DEFAULT_PATROL_STAMPS, station_id)



def set_kiosk_pin(s: Session, *, actor: Actor, pin: str) -> None:
    """Store the staff PIN that unlocks the kiosk, as an argon2 hash."""
    from desktop_app.core.auth import hash_password

    require(actor, KIOSK_SETTINGS)
    pin = (pin or "").strip()
    if not (pin.isascii() and pin.isdigit() and MIN_PIN <= len(pin) <= MAX_PIN):
        raise ValidationError(F_PIN, QT_TRANSLATE_NOOP("Errors", "use {low} to {high} digits (not a staff password)."),
                              low=MIN_PIN, high=MAX_PIN)
    if len(set(pin)) == 1 or pin in "01234567890" or pin in "98765432109":
        raise ValidationError(F_PIN, QT_TRANSLATE_NOOP("Errors", "is too easy to guess (one digit repeated, or digits in a row); choose another."))
    _put_setting(s, actor, PIN_KEY, hash_password(pin), secret=True)
    _save_lock(s, actor, 0, None)  # a new PIN starts with a clean count



def has_kiosk_pin(s: Session, *, station_id: int | None = None) -> bool:
    """Whether ``station_id``'s kiosks have a PIN (each station its own)."""
    row = _setting(s, PIN_KEY, station_id)
    return row is not None and bool(row.value)



@dataclass(frozen=True)
class PinAnswer:
    """What the kiosk's PIN pad is told: unlocked, or how many tries are left, or how long it stays locked."""

    ok: bool
    tries_left: int = 0
    locked_minutes: int = 0


def _lock_state(s: Session, actor: Actor) -> tuple[int, datetime | None]:
    row = _setting(s, PIN_LOCK_KEY, actor.station_id)
    try:
        data = json.loads(row.value) if row is not None and row.value else {}
        until = datetime.fromisoformat(data["until"]) if data.get("until") else None
        return int(data.get("failures", 0)), until
    except (ValueError, TypeError, KeyError):
        return 0, None


def _save_lock(s: Session, actor: Actor, failures: int, until: datetime | None) -> None:
    row = _setting(s, PIN_LOCK_KEY, actor.station_id)
    value = json.dumps({"failures": failures, "until": until.isoformat() if until else ""})
    if row is None:
        row = StationSetting(station_id=actor.station_id, key=PIN_LOCK_KEY, value=value)
    row.value = value
    s.add(row)
    s.flush()


def _minutes(until: datetime, now: datetime) -> int:
    return max(1, int((until - now).total_seconds() + 59) // 60)


def unlock_kiosk(s: Session, *, actor: Actor, pin: str, now: datetime | None = None) -> PinAnswer:
    """Check the kiosk PIN (only the kiosk PIN: no staff password unlocks a kiosk). Five wrong PINs lock the
    pad for 15 minutes; the count lives in the database, so restarting the kiosk does not reset it. Every
    wrong PIN is audited. Returns the answer instead of raising, so the count is committed either way."""
    from desktop_app.core.auth import verify_password
    from desktop_app.core.clock import utcnow

    require(actor, KIOSK_USE)
    now = now or utcnow()
    failures, until = _lock_state(s, actor)
    if until is not None and until > now:
        return PinAnswer(False, 0, _minutes(until, now))
    row = _setting(s, PIN_KEY, actor.station_id)
    pin = (pin or "").strip()
    if row is not None and row.value and pin and verify_password(row.value, pin):
        if failures or until:
            _save_lock(s, actor, 0, None)
        audit.record(s, actor=actor, action="kiosk_unlock", entity="station_setting", entity_id=PIN_KEY)
        return PinAnswer(True)
    failures += 1
    audit.record(s, actor=actor, action="kiosk_pin_failed", entity="station_setting", entity_id=PIN_KEY,
                 after={"failures": failures})
    if failures >= PIN_TRIES:
        until = now + PIN_LOCKOUT
        _save_lock(s, actor, 0, until)
        audit.record(s, actor=actor, action="lockout", entity="station_setting", entity_id=PIN_KEY,
                     after={"until": until})
        return PinAnswer(False, 0, _minutes(until, now))
    _save_lock(s, actor, failures, None)
    return PinAnswer(False, PIN_TRIES - failures, 0)


def kiosk_locks(s: Session, *, actor: Actor) -> bool:
    """Whether the kiosk may lock the screen: full screen, closed only by the kiosk PIN.

    Only when a kiosk PIN is set. Without one the kiosk never traps anyone: it opens as an ordinary window
    that closes, and says where an administrator sets the PIN (issue 14 item 5)."""
    require(actor, KIOSK_USE)
    return has_kiosk_pin(s, station_id=actor.station_id)
