"""Desk's part of a resident's personal-data export and erasure (discovered by safety.privacy).

Erasure keeps every service record and event (the station's figures and the closed loop stay as they
were) and clears only what identifies or describes the person: walk-in name and phone, the summary and
details text, and the notes of the record's events.
"""

from __future__ import annotations

from sqlmodel import Session, select

from desktop_app.desk.models import ServiceEvent, ServiceRecord

ERASED_TEXT = "已匿名"


def _records(s: Session, resident_id: int) -> list[ServiceRecord]:
    return list(s.exec(select(ServiceRecord).where(ServiceRecord.resident_id == resident_id).order_by(ServiceRecord.id)))


def export(s: Session, resident_id: int) -> dict:
    out = []
    for r in _records(s, resident_id):
        events = s.exec(select(ServiceEvent).where(ServiceEvent.record_id == r.id).order_by(ServiceEvent.id)).all()
        out.append({
            "id": r.id, "received_at": r.received_at, "channel": r.channel, "summary": r.summary,
            "details": r.details, "status": r.status, "assignee": r.assignee, "closed_at": r.closed_at,
            "satisfaction": r.satisfaction, "walk_in_name": r.walk_in_name, "walk_in_phone": r.walk_in_phone,
            "events": [{"at": e.at, "kind": e.kind, "note": e.note, "by": e.actor_name} for e in events],
        })
    return {"service_records": out}


def erase(s: Session, resident_id: int) -> None:
    for r in _records(s, resident_id):
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
