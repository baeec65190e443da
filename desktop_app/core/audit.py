"""Append-only, hash-chained audit log: who did what, when, with the values before and after.

``record`` is called by services inside the same transaction as the change it describes, so the log
and the data can never disagree. Each entry's hash covers its content and the previous entry's hash;
``verify_chain`` recomputes them all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, SQLModel, col, select

from desktop_app.core.clock import utcnow
from desktop_app.core.models import AuditEntry

if TYPE_CHECKING:
    from desktop_app.core.auth import Actor


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    return str(value)


def snapshot(value: Any) -> str | None:
    """JSON text of a model, dataclass or dict, stable for hashing."""
    if value is None:
        return None
    if isinstance(value, SQLModel):
        value = value.model_dump()
    elif is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def _digest(entry: AuditEntry) -> str:
    at = entry.at.isoformat() if entry.at else ""
    payload = "\x1f".join(
        [
            entry.prev_hash or "",
            at,
            str(entry.actor_id or ""),
            entry.actor_name or "",
            str(entry.station_id or ""),
            entry.action,
            entry.entity,
            entry.entity_id or "",
            entry.before or "",
            entry.after or "",
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _lock_chain(s: Session) -> None:
    # On PostgreSQL two writers could read the same tail; serialise appends to the chain.
    bind = s.get_bind()
    if bind.dialect.name == "postgresql":
        from sqlalchemy import text

        s.execute(text("SELECT pg_advisory_xact_lock(727274)"))


def record(
    s: Session,
    *,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: Any = "",
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    _lock_chain(s)
    last = s.exec(select(AuditEntry.hash).order_by(col(AuditEntry.id).desc()).limit(1)).first()
    entry = AuditEntry(
        at=utcnow(),
        actor_id=actor.id if actor else None,
        actor_name=actor.username if actor else "",
        station_id=actor.station_id if actor else None,
        action=action,
        entity=entity,
        entity_id="" if entity_id is None else str(entity_id),
        before=before if isinstance(before, str) or before is None else snapshot(before),
        after=after if isinstance(after, str) or after is None else snapshot(after),
        prev_hash=last or "",
        hash="",
    )
    entry.hash = _digest(entry)
    s.add(entry)
    s.flush()
    return entry


def verify_chain(s: Session, *, batch: int = 5000) -> list[str]:
    """Problems found in the chain (empty list: intact). Plain English; the CLI prints them."""
    problems: list[str] = []
    prev = ""
    last_id = 0
    while True:
        rows = s.exec(select(AuditEntry).where(col(AuditEntry.id) > last_id).order_by(col(AuditEntry.id)).limit(batch)).all()
        if not rows:
            break
        for entry in rows:
            if entry.prev_hash != prev:
                problems.append(f"audit entry {entry.id}: does not follow the previous entry (deleted or reordered)")
            if _digest(entry) != entry.hash:
                problems.append(f"audit entry {entry.id}: content was changed after it was written")
            prev = entry.hash
            last_id = entry.id or last_id
    return problems


def history(s: Session, *, entity: str, entity_id: Any, limit: int = 200) -> list[AuditEntry]:
    return list(
        s.exec(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
            .order_by(col(AuditEntry.id).desc())
            .limit(limit)
        )
    )
