"""The audit log as administrators read it: newest entries first, and a check that nobody altered it.

A station's administrator sees the entries of their station; a sub-district administrator every station's.
Snapshots holding a person's data are shown decrypted with that person's key (or as erased)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import VIEW_AUDIT, Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.i18n import Finding
from desktop_app.core.models import AuditEntry


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor_name: str
    station_id: int | None
    action: str
    entity: str
    entity_id: str
    before: str | None
    after: str | None


def audit_page(s: Session, *, actor: Actor, before_id: int | None = None, limit: int = 200, entity: str = "") -> list[AuditRow]:
    """Newest first, keyset by id."""
    require(actor, VIEW_AUDIT)
    q = station_scope(select(AuditEntry), AuditEntry.station_id, actor)
    if before_id is not None:
        q = q.where(col(AuditEntry.id) < before_id)
    if entity:
        q = q.where(AuditEntry.entity == entity)
    out = []
    for e in s.exec(q.order_by(col(AuditEntry.id).desc()).limit(limit)).all():
        before, after = audit.readable(s, e)
        out.append(AuditRow(e.id or 0, e.at, e.actor_name, e.station_id, e.action, e.entity, e.entity_id, before, after))
    return out


def verify_audit_chain(s: Session, *, actor: Actor) -> list[Finding]:
    """Problems found in the audit log (empty: intact): every station's chain, entries this PC has no key to
    check, and what the database lacks against this PC's anchor and the backups' manifests."""
    from desktop_app.safety import audit_problems

    require(actor, VIEW_AUDIT)
    return audit_problems(s)
