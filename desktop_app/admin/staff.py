"""Staff accounts of the station (administrators only): list them, add one, deactivate or reactivate one.

Several stations on one database (docs/postgres.md §5): a station's administrator manages the accounts of
their station; a sub-district administrator (no station) every station's. The rules live in ``core.auth``
(sign-in needs them before any feature is loaded); these are the page's use cases.
"""

from __future__ import annotations

from sqlmodel import Session

from desktop_app.core import auth
from desktop_app.core.auth import Actor
from desktop_app.core.models import StaffUser


def staff_accounts(s: Session, *, actor: Actor) -> list[StaffUser]:
    """The accounts the actor manages (``core.auth.list_staff``: their station's, or all for the sub-district),
    without the kiosk accounts (the kiosk signs in by itself)."""
    return [u for u in auth.list_staff(s, actor=actor) if u.role != auth.Role.KIOSK.value]


def add_staff(s: Session, *, actor: Actor, username: str, display_name: str, role: str, password: str) -> StaffUser:
    """A new account in the actor's station (``core.auth.create_staff``: permission, rules, audit)."""
    return auth.create_staff(s, actor=actor, username=username, display_name=display_name, role=role, password=password)


def set_staff_active(s: Session, *, actor: Actor, user_id: int, active: bool) -> None:
    """``core.auth.set_staff_active``: an account of the actor's station only."""
    auth.set_staff_active(s, actor=actor, user_id=user_id, active=active)
