"""Administration: calendar days of a year, audit log pages, the station's staff accounts (admin only).

Several stations on one database (docs/postgres.md §5): a station's administrator sees the audit entries
and accounts of their station; a sub-district administrator (no station) sees every station's."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from desktop_app.core import auth
from desktop_app.core.auth import MANAGE_SETTINGS, VIEW_AUDIT, Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import AuditEntry, CalendarDay, StaffUser


def calendar_days(s: Session, *, actor: Actor, year: int) -> list[CalendarDay]:
    require(actor, MANAGE_SETTINGS)
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Year"),
                              QT_TRANSLATE_NOOP("Errors", "choose a year between 1900 and 2200."))
    return list(
        s.exec(select(CalendarDay).where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31),
                                         CalendarDay.kind != "ordinary")
               .order_by(CalendarDay.day))
    )


def audit_page(s: Session, *, actor: Actor, before_id: int | None = None, limit: int = 200, entity: str = "") -> list[AuditEntry]:
    """Newest first, keyset by id."""
    require(actor, VIEW_AUDIT)
    q = station_scope(select(AuditEntry), AuditEntry.station_id, actor)
    if before_id is not None:
        q = q.where(AuditEntry.id < before_id)
    if entity:
        q = q.where(AuditEntry.entity == entity)
    return list(s.exec(q.order_by(AuditEntry.id.desc()).limit(limit)))


def staff_accounts(s: Session, *, actor: Actor) -> list[StaffUser]:
    """The accounts the actor manages (``core.auth.list_staff``: their station's, or all for the sub-district)."""
    return auth.list_staff(s, actor=actor)


def set_staff_active(s: Session, *, actor: Actor, user_id: int, active: bool) -> None:
    """``core.auth.set_staff_active``: an account of the actor's station only."""
    auth.set_staff_active(s, actor=actor, user_id=user_id, active=active)
