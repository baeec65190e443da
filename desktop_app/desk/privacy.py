"""Desk's part of a resident's personal-data export and erasure (discovered by safety.privacy).

Erasure keeps every service record and event (the station's figures and the closed loop stay as they
were) and clears only what identifies or describes the person: walk-in name and phone, the summary and
details text, and the notes of the record's events; the keys of the records' audit snapshots are destroyed.

Walk-in records typed with the person's name and phone but never linked to their record (``matches``) are
the person's data too: the access-request export lists them, and the erasure offers them (safety.personal_data).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.desk.models import ServiceEvent, ServiceRecord

ERASED_TEXT = "已匿名"


def _records(s: Session, resident_id: int) -> list[ServiceRecord]:
    return list(s.exec(select(ServiceRecord).where(ServiceRecord.resident_id == resident_id).order_by(col(ServiceRecord.id))))


def _unlinked_matches(s: Session, resident_id: int) -> list[ServiceRecord]:
    """Walk-in records of the resident's station, not linked to anyone, typed with their name and phone."""
    from desktop_app.residents import Resident

    person = s.get(Resident, resident_id)
    if person is None or not person.name or not person.phone:
        return []
    q = select(ServiceRecord).where(ServiceRecord.resident_id == None, ServiceRecord.walk_in_name == person.name,  # noqa: E711
                                    ServiceRecord.walk_in_phone == person.phone)
    q = q.where(ServiceRecord.station_id == None) if person.station_id is None else q.where(  # noqa: E711
        ServiceRecord.station_id == person.station_id)
    return list(s.exec(q.order_by(col(ServiceRecord.id))))


def _record(s: Session, r: ServiceRecord) -> dict:
    events = s.exec(select(ServiceEvent).where(ServiceEvent.record_id == r.id).order_by(col(ServiceEvent.id))).all()
    return {
        "id": r.id, "received_at": r.received_at, "channel": r.channel, "summary": r.summary,
        "details": r.details, "status": r.status, "assignee": r.assignee, "closed_at": r.closed_at,
        "satisfaction": r.satisfaction, "walk_in_name": r.walk_in_name, "walk_in_phone": r.walk_in_phone,
        "events": [{"at": e.at, "kind": e.kind, "note": e.note, "by": e.actor_name} for e in events],
    }


def export(s: Session, resident_id: int) -> dict:
    out: dict = {"service_records": [_record(s, r) for r in _records(s, resident_id)]}
    matched = [_record(s, r) for r in _unlinked_matches(s, resident_id)]
    if matched:
        out["walk_in_records_matched_by_name_and_phone"] = matched
    return out


def matches(s: Session, resident_id: int) -> list[dict]:
    """Walk-in records that are the person's by name and phone but not linked: offered for erasure."""
    return [{"id": r.id, "at": r.received_at, "summary": r.summary} for r in _unlinked_matches(s, resident_id)]


def erase_matches(s: Session, resident_id: int, record_ids: list[int]) -> int:
    """Erase the chosen ``matches`` (only those that still match the person)."""
    chosen = set(record_ids)
    records = [r for r in _unlinked_matches(s, resident_id) if r.id in chosen]
    _erase_records(s, records)
    return len(records)


def erase(s: Session, resident_id: int) -> None:
    _erase_records(s, _records(s, resident_id))


def _erase_records(s: Session, records: list[ServiceRecord]) -> None:
    for r in records:
        audit.forget_subject(s, f"service_record:{r.id}")
        r.walk_in_name = ""
        r.walk_in_phone = ""
        r.summary = ERASED_TEXT
        r.details = ""
        s.add(r)
        for e in s.exec(select(ServiceEvent).where(ServiceEvent.record_id == r.id)):
            if e.note:
                e.note = ""
                s.add(e)
    s.flush()
