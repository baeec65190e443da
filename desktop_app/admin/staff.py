"""Staff accounts of the station (administrators only): list them, add one, deactivate or reactivate one.

Several stations on one database (docs/postgres.md §5): a station's administrator manages the accounts of
their station; a sub-district administrator (no station) every station's. The rules live in ``core.auth``
(sign-in needs them before any feature is loaded); these are the page's use cases.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from desktop_app.core import auth
from desktop_app.core.auth import Actor
from desktop_app.core.errors import ConflictError, NotFound
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StaffUser, Station


def staff_accounts(s: Session, *, actor: Actor) -> list[StaffUser]:
    """The accounts the actor manages (``core.auth.list_staff``: their station's, or all for the sub-district),
    without the kiosk accounts (the kiosk signs in by itself)."""
    return [u for u in auth.list_staff(s, actor=actor) if u.role != auth.Role.KIOSK.value]


ALL_STATIONS = object()  # add_staff(station=ALL_STATIONS): a sub-district administrator's account


def add_staff(s: Session, *, actor: Actor, username: str, display_name: str, role: str, password: str,
              station: int | None | object = None) -> StaffUser:
    """A new account (``core.auth.create_staff``: permission, rules, audit) in the actor's station. A sub-district
    administrator chooses the station (``station``: its id; ``ALL_STATIONS``: another sub-district administrator).

    On a sub-district server a user name may be taken at a station this one cannot see (row-level security):
    the server refuses the row, and the message is the same as for a name taken here."""
    as_actor = actor
    if station is not None and station != actor.station_id:
        if actor.station_id is not None:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "Errors", "Only a sub-district administrator (an administrator without a station) can do this."))
        if station is ALL_STATIONS:
            if role != auth.Role.ADMIN.value:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "Errors", "Only administrators can see all stations; choose a station for this account."))
        else:
            assert isinstance(station, int)
            if s.get(Station, station) is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no station {id}."), id=station)
            as_actor = replace(actor, station_id=station)  # made for the station: its audit trail shows it
    try:
        with s.begin_nested():
            return auth.create_staff(s, actor=as_actor, username=username, display_name=display_name, role=role,
                                     password=password)
    except IntegrityError:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "The user name {name} is taken; choose another."),
                            name=(username or "").strip()) from None


def set_staff_active(s: Session, *, actor: Actor, user_id: int, active: bool) -> None:
    """``core.auth.set_staff_active``: an account of the actor's station only."""
    auth.set_staff_active(s, actor=actor, user_id=user_id, active=active)
