"""The audit log as administrators read it: newest entries first, and a check that nobody altered it.

A station's administrator sees the entries of their station; a sub-district administrator every station's."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import VIEW_AUDIT, Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.models import AuditEntry


def audit_page(s: Session, *, actor: Actor, before_id: int | None = None, limit: int = 200, entity: str = "") -> list[AuditEntry]:
    """Newest first, keyset by id."""
    require(actor, VIEW_AUDIT)
    q = station_scope(select(AuditEntry), AuditEntry.station_id, actor)
    if before_id is not None:
        q = q.where(col(AuditEntry.id) < before_id)
    if entity:
        q = q.where(AuditEntry.entity == entity)
    return list(s.exec(q.order_by(col(AuditEntry.id).desc()).limit(limit)).all())


def verify_audit_chain(s: Session, *, actor: Actor) -> list[str]:
    """Problems found in the hash chain of the whole log (empty: intact). The chain runs through every
    station's entries, so the whole log is checked; only what is wrong is reported."""
    require(actor, VIEW_AUDIT)
    return audit.verify_chain(s)
