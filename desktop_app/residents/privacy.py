"""Residents' part of a personal-data export and of an erasure (discovered by safety.privacy).

Erasure keeps what anonymous statistics need — gender, birth year, community, grid and the status
flags — and removes everything that identifies the person: name, ID number, phones, the address within
the compound, emergency contact, notes and search keys.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.clock import utcnow
from desktop_app.core.models import AuditEntry
from desktop_app.residents.models import Resident, ResidentSearchKey

ERASED_NAME = "已匿名"


def export(s: Session, resident_id: int) -> dict:
    resident = s.get(Resident, resident_id)
    if resident is None:
        return {}
    record = resident.model_dump(exclude={"sort_key"})
    record["address"] = resident.address
    history = s.exec(
        select(AuditEntry)
        .where(AuditEntry.entity == "resident", AuditEntry.entity_id == str(resident_id))
        .order_by(col(AuditEntry.id))
    ).all()
    return {
        "resident": record,
        "history": [
            {"at": e.at, "action": e.action, "by": e.actor_name, "fields": _changed(*audit.readable(s, e))} for e in history
        ],
    }


def _changed(before: str | None, after: str | None) -> list[str]:
    """Names of the fields an audit entry touched (the values are in the record itself)."""
    import json

    def load(text):
        try:
            value = json.loads(text) if text else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    b, a = load(before), load(after)
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k) and k not in ("updated_at", "sort_key", "version"))


def erase(s: Session, resident_id: int) -> None:
    resident = s.get(Resident, resident_id)
    if resident is None:
        return
    resident.name = ERASED_NAME
    resident.sort_key = ""
    resident.id_number = ""
    resident.phone = ""
    resident.emergency_contact = ""
    resident.emergency_phone = ""
    resident.compound = resident.building = resident.unit = resident.room = ""
    resident.notes = ""
    resident.consent_date = None
    if resident.birth_date is not None:  # the year is enough for age statistics
        resident.birth_date = date(resident.birth_date.year, 1, 1)
    resident.erased = True
    resident.updated_at = utcnow()
    s.add(resident)
    s.exec(delete(ResidentSearchKey).where(col(ResidentSearchKey.resident_id) == resident_id))
    s.flush()
