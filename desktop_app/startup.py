"""What start-up asks the database before any event loop runs (Qt-free; app.py shows the answers).

One short transaction each, on the GUI thread only because nothing else is running yet: is this a new
station (the first-run wizard), the station's name for the sign-in dialog, the auto-lock rule, the account
the kiosk or a screenshot signs in as. Once the window is open, pages ask through ``ui.ops``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from desktop_app import settings as opts
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.models import StaffUser


@dataclass(frozen=True)
class Start:
    needs_setup: bool  # no account yet: the first-run wizard
    station_name: str  # the first station's (the sign-in dialog's title)
    idle_minutes: int  # the station's auto-lock rule (0: never)


def read(engine) -> Start:
    with session_scope(engine, write=False) as s:
        return Start(auth.needs_setup(s), opts.station_name(s), opts.station_value(s, opts.IDLE_LOCK_MINUTES))


def needs_setup(engine) -> bool:
    with session_scope(engine, write=False) as s:
        return auth.needs_setup(s)


def station_name(engine, station_id: int | None = None) -> str:
    with session_scope(engine, write=False) as s:
        return opts.station_name(s, station_id)


def first_admin(engine) -> auth.Actor | None:
    """The first administrator (screenshots and the start-up benchmark sign in as them)."""
    with session_scope(engine, write=False) as s:
        user = s.exec(select(StaffUser).where(StaffUser.role == auth.Role.ADMIN.value).order_by(col(StaffUser.id))).first()
        return auth.Actor.from_user(user) if user is not None else None


def kiosk_actor(engine, station_code: str = "") -> auth.Actor:
    """The kiosk account of the station (``--station CODE`` on a sub-district server), made on first use."""
    with session_scope(engine) as s:
        return auth.kiosk_actor(s, station_code=station_code)


def kiosk_locks(engine, actor: auth.Actor) -> bool:
    """Whether the kiosk may take the whole screen (only with a kiosk PIN set: it never traps anyone)."""
    from desktop_app import passports

    with session_scope(engine, write=False) as s:
        return passports.kiosk_locks(s, actor=actor)
