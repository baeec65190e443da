"""Several stations on one PostgreSQL database (docs/postgres.md §5): list, add, assign accounts, counts.

Qt-free use cases; a sub-district administrator (an administrator without a station) manages them.
"""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, Role, require
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StaffUser, Station
from desktop_app.safety.permissions import MANAGE_STATIONS, STAFF_VIEW


def _require_sub_district(actor: Actor) -> None:
    require(actor, MANAGE_STATIONS)
    if actor.station_id is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Only a sub-district administrator (an administrator without a station) can do this."))


def bootstrap_allowed(s: Session) -> bool:
    """No active sub-district administrator yet: the first one is made by an administrator of the database
    (or, on a database without any account, by whoever set the database up — docs/postgres.md)."""
    return s.exec(select(StaffUser.id).where(
        StaffUser.role == Role.ADMIN.value, StaffUser.active == True, col(StaffUser.station_id).is_(None))  # noqa: E712
    ).first() is None


MAX_ID = 2**31 - 1  # the databases' integer ids


def typed_id(text: str) -> int | None:
    """An id typed by a person: ASCII digits within the databases' integers ("²".isdigit() is true too, and a
    longer number overflows the driver); None for anything else."""
    text = text.strip()
    if text.isascii() and text.isdigit() and int(text) <= MAX_ID:
        return int(text)
    return None


def find_station(s: Session, ref: str | int) -> Station:
    """A station by its id or its code (any case); NotFound names what was asked for."""
    text = str(ref).strip()
    station = None
    if (station_id := typed_id(text)) is not None:
        station = s.get(Station, station_id)
    if station is None and text and "\x00" not in text:  # NUL: no code has one (and PostgreSQL refuses it)
        station = s.exec(select(Station).where(func.upper(Station.code) == text.upper())).first()
    if station is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No station has the id or code {ref}; the command smiledesk station "
                                                   "list shows each station's id and code."), ref=text)
    return station


def list_stations(s: Session, *, actor: Actor) -> list[Station]:
    require(actor, STAFF_VIEW)
    q = select(Station).order_by(col(Station.id))
    if actor.station_id is not None:
        q = q.where(Station.id == actor.station_id)
    return list(s.exec(q))


def add_station(s: Session, *, actor: Actor, name: str, code: str, sub_district: str = "") -> Station:
    _require_sub_district(actor)
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Station name"), QT_TRANSLATE_NOOP("Errors", "enter the station's name (1–100 characters)."))
    code = (code or "").strip().upper()
    if not (1 <= len(code) <= 10 and code.isascii() and code.isalnum()):
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Station code"), QT_TRANSLATE_NOOP("Errors", "use 1–10 letters or digits, e.g. SQK."))
    if s.exec(select(Station).where(Station.code == code)).first():
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "The station code {code} is taken; choose another."), code=code)
    station = Station(name=name, code=code, sub_district=(sub_district or "").strip()[:100])
    s.add(station)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="station", entity_id=station.id, after=station)
    return station


def assign_station(s: Session, *, actor: Actor, username: str, station_id: int | None) -> StaffUser:
    """Put an account in a station; ``None`` makes an administrator a sub-district administrator."""
    _require_sub_district(actor)
    user = s.exec(select(StaffUser).where(StaffUser.username == (username or "").strip())).first()
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That account no longer exists."))
    if station_id is None:
        if user.role != Role.ADMIN.value:
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Only administrators can see all stations; choose a station for this account."))
    elif s.get(Station, station_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no station {id}."), id=station_id)
    before = {"station_id": user.station_id}
    user.station_id = station_id
    s.add(user)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="staff_user", entity_id=user.id, before=before, after={"station_id": station_id})
    return user


def residents_by_station(s: Session, *, actor: Actor) -> dict[int | None, int]:
    """Resident counts per station the actor may see; a sub-district administrator sees every station."""
    from sqlmodel import func

    from desktop_app.core.db import station_scope
    from desktop_app.residents import Resident

    require(actor, STAFF_VIEW)
    q = select(Resident.station_id, func.count()).where(Resident.erased == False).group_by(col(Resident.station_id))  # noqa: E712
    q = station_scope(q, Resident.station_id, actor)
    return {sid: n for sid, n in s.exec(q)}
