"""Administration reads: calendar days of a year, audit log pages (admin only)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from desktop_app.core.auth import MANAGE_SETTINGS, VIEW_AUDIT, Actor, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import AuditEntry, CalendarDay


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
    q = select(AuditEntry)
    if before_id is not None:
        q = q.where(AuditEntry.id < before_id)
    if entity:
        q = q.where(AuditEntry.entity == entity)
    return list(s.exec(q.order_by(AuditEntry.id.desc()).limit(limit)))
