"""Logging a visit or request at the desk (受理), and the links a person adds afterwards: a repeat of an
earlier request by the same person, a walk-in who turns out to be a registered resident.

A category "settled on the spot" (consultation, convenience …) is saved closed at once.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypedDict, Unpack

from sqlmodel import Session

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Text
from desktop_app.core.records import audited_update, check_version, get_scoped, pk
from desktop_app.core.validation import clean_name, clean_phone, clean_text
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk.category_list import BLANK_CATEGORY, F_CATEGORY, _category
from desktop_app.desk.day_figures import _bump, _contribution
from desktop_app.desk.models import Channel, EventKind, ServiceEvent, ServiceRecord, Status
from desktop_app.desk.permissions import HANDLE_REQUESTS, RECORD_VISITS
from desktop_app.residents import get_resident

F_RESIDENT = QT_TRANSLATE_NOOP("Fields", "Resident")
F_VISITOR = QT_TRANSLATE_NOOP("Fields", "Visitor")  # the form's "Who": a registered resident or a walk-in
F_WALK_IN_NAME = QT_TRANSLATE_NOOP("Fields", "Walk-in name")
F_WALK_IN_PHONE = QT_TRANSLATE_NOOP("Fields", "Walk-in phone")
F_CHANNEL = QT_TRANSLATE_NOOP("Fields", "Channel")
F_SUMMARY = QT_TRANSLATE_NOOP("Fields", "Summary")
F_DETAILS = QT_TRANSLATE_NOOP("Fields", "Details")
F_RECEIVED_AT = QT_TRANSLATE_NOOP("Fields", "Received at")
F_REPEAT_OF = QT_TRANSLATE_NOOP("Fields", "Earlier record")
GONE = QT_TRANSLATE_NOOP("Errors", "Desk record No. {id} does not exist.")


def _now(at: datetime | None) -> datetime:
    return (at or utcnow()).astimezone(UTC)


class EventDetails(TypedDict, total=False):
    """What some steps of the loop add to their event."""

    assignee: str
    satisfaction: str
    contact_method: str


def _event(s: Session, rec: ServiceRecord, actor: Actor, kind: str, *, at: datetime, from_status: str = "",
           to_status: str = "", note: str = "", **extra: Unpack[EventDetails]) -> ServiceEvent:
    ev = ServiceEvent(
        record_id=pk(rec.id), at=at, actor_id=actor.id, actor_name=(actor.display_name or actor.username)[:50], kind=kind,
        from_status=from_status, to_status=to_status, note=note, **extra,
    )
    s.add(ev)
    return ev


BLANK_WHO = QT_TRANSLATE_NOOP("Errors", "nobody chosen; pick a registered resident (Enter) or type the walk-in's name.")
BLANK_SUMMARY = QT_TRANSLATE_NOOP("Errors", "is blank; write in one line what the person needs.")
# Several parts of the form empty at once: the first one named, with how to fill it, then the others.
BLANK_WHO_AND = QT_TRANSLATE_NOOP("Errors", "nobody chosen; pick a registered resident (Enter) or type the walk-in's "
                                            "name. Still empty as well: {others}.")
BLANK_CATEGORY_AND = QT_TRANSLATE_NOOP("Errors", "not chosen; press the category's number key or pick it from the "
                                                 "list. Still empty as well: {others}.")


def _check_filled(*, resident_id: int | None, walk_in_name: str, channel: str, category_code: str, summary: str) -> None:
    """The parts of the desk form a visit needs, checked in the form's order (who, category, summary): an empty
    form is told about the visitor first, and about everything else it lacks in the same message."""
    missing = []
    if resident_id is None and not (walk_in_name or "").strip() and channel != Channel.PATROL:
        missing.append(F_VISITOR)  # a patrol finding (a hazard) may have nobody behind it
    if not (category_code or "").strip():
        missing.append(F_CATEGORY)
    if not (summary or "").strip():
        missing.append(F_SUMMARY)
    if not missing:
        return
    others = [Text("Fields", f) for f in missing[1:]]
    if missing[0] == F_VISITOR:
        raise ValidationError(F_VISITOR, BLANK_WHO_AND, others=others) if others else ValidationError(F_VISITOR, BLANK_WHO)
    if missing[0] == F_CATEGORY:
        raise ValidationError(F_CATEGORY, BLANK_CATEGORY_AND, others=others) if others else ValidationError(F_CATEGORY, BLANK_CATEGORY)
    raise ValidationError(F_SUMMARY, BLANK_SUMMARY)


def create_record(
    s: Session,
    *,
    actor: Actor,
    category_code: str,
    summary: str,
    channel: str = Channel.WALK_IN,
    resident_id: int | None = None,
    walk_in_name: str = "",
    walk_in_phone: str = "",
    details: str = "",
    received_at: datetime | None = None,
) -> ServiceRecord:
    """Log a visit or request (受理). On-the-spot categories are saved closed at once."""
    require(actor, RECORD_VISITS)
    now = utcnow()
    _check_filled(resident_id=resident_id, walk_in_name=walk_in_name, channel=channel, category_code=category_code,
                  summary=summary)
    # The rest in the order of the form too: who, category and channel, summary, details, when.
    name = clean_name(walk_in_name, F_WALK_IN_NAME, required=False)
    phone = clean_phone(walk_in_phone, F_WALK_IN_PHONE)
    if resident_id is not None:
        if name or phone:
            raise ValidationError(
                F_RESIDENT,
                QT_TRANSLATE_NOOP("Errors", "a registered resident was chosen and a walk-in name or phone typed; keep only one."),
            )
        get_resident(s, actor=actor, resident_id=resident_id)
    elif not name and channel != Channel.PATROL:  # a name that cleaning left empty (spaces, invisible characters)
        raise ValidationError(F_VISITOR, BLANK_WHO)
    cat = _category(s, category_code)
    if channel not in tuple(Channel):
        raise ValidationError(
            F_CHANNEL, QT_TRANSLATE_NOOP("Errors", "“{value}” is not a channel; choose walk-in, phone, patrol, online or other."),
            value=str(channel)[:20],
        )
    summary = clean_text(summary, F_SUMMARY, max_len=200, multiline=False)
    if not summary:
        raise ValidationError(F_SUMMARY, BLANK_SUMMARY)
    details = clean_text(details, F_DETAILS, max_len=5000)
    if received_at is None:
        received_at = now
    elif received_at.tzinfo is None:
        raise ValidationError(F_RECEIVED_AT, QT_TRANSLATE_NOOP("Errors", "has no time zone; this is a program error."))
    received_at = received_at.astimezone(UTC)
    if received_at > now + timedelta(minutes=1):
        raise ValidationError(
            F_RECEIVED_AT, QT_TRANSLATE_NOOP("Errors", "{value} is in the future; enter when the person actually came."),
            value=received_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    if received_at.year < 2000:
        raise ValidationError(F_RECEIVED_AT, QT_TRANSLATE_NOOP("Errors", "cannot be before the year 2000; check the date."))
    cal = WorkCalendar.load(s)
    rec = ServiceRecord(
        station_id=actor.station_id, resident_id=resident_id, walk_in_name=name, walk_in_phone=phone,
        category_id=pk(cat.id), channel=channel, summary=summary, details=details, status=Status.RECEIVED,
        received_by=actor.id, received_at=received_at, due_at=cal.due_at(received_at, cat.deadline_workdays).astimezone(UTC),
        updated_at=now,
    )
    s.add(rec)
    s.flush()
    _event(s, rec, actor, EventKind.RECEIVED, at=received_at, to_status=Status.RECEIVED, note=summary)
    if cat.on_the_spot:
        _event(s, rec, actor, EventKind.SETTLED, at=received_at, from_status=Status.RECEIVED, to_status=Status.CLOSED)
        rec.status = Status.CLOSED
        rec.resolved_at = rec.closed_at = received_at
    _bump(s, rec, received=1, delta=_contribution(rec))
    s.add(rec)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="service_record", entity_id=rec.id, after=rec)
    return rec


def _load(s: Session, record_id: int, actor: Actor, *, for_update: bool = False) -> ServiceRecord:
    """The record, if it belongs to the actor's station (docs/postgres.md §5); NotFound otherwise."""
    try:
        return get_scoped(s, ServiceRecord, record_id, actor=actor, for_update=for_update)
    except NotFound:
        raise NotFound(GONE, id=record_id) from None


def link_repeat(s: Session, *, actor: Actor, record_id: int, repeat_of_id: int,
                expected_version: int | None = None) -> ServiceRecord:
    """Mark ``record_id`` as a repeat of the earlier record ``repeat_of_id`` (same person, same matter)."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor, for_update=True)
    check_version(s, rec, expected_version, entity="service_record")
    earlier = _load(s, repeat_of_id, actor)
    if rec.id == earlier.id:
        raise ValidationError(F_REPEAT_OF, QT_TRANSLATE_NOOP("Errors", "a record cannot be a repeat of itself; choose an earlier record."))
    if earlier.received_at > rec.received_at or (earlier.received_at == rec.received_at and pk(earlier.id) > pk(rec.id)):
        raise ValidationError(
            F_REPEAT_OF, QT_TRANSLATE_NOOP("Errors", "No. {id} was received later; link the newer record to the older one."),
            id=earlier.id,
        )
    if not _same_person(rec, earlier):
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Records No. {a} and No. {b} are about different people; only the same person's requests can be linked."),
            a=rec.id, b=earlier.id,
        )
    audited_update(s, rec, {"repeat_of_id": earlier.id, "updated_at": utcnow()}, actor=actor, entity="service_record",
                   action="link")
    _event(s, rec, actor, EventKind.LINKED, at=utcnow(), from_status=rec.status, to_status=rec.status,
           note=f"#{earlier.id}")
    s.flush()
    return rec


def _same_person(a: ServiceRecord, b: ServiceRecord) -> bool:
    if a.resident_id is not None or b.resident_id is not None:
        return a.resident_id == b.resident_id
    if a.walk_in_phone and b.walk_in_phone:
        return a.walk_in_phone == b.walk_in_phone
    return a.walk_in_name == b.walk_in_name


def link_resident(s: Session, *, actor: Actor, record_id: int, resident_id: int,
                  expected_version: int | None = None) -> ServiceRecord:
    """A walk-in turned out to be (or has now been registered as) a resident: attach the record to them."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor, for_update=True)
    check_version(s, rec, expected_version, entity="service_record")
    resident = get_resident(s, actor=actor, resident_id=resident_id)
    if rec.resident_id is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Record No. {id} already belongs to a registered resident."), id=rec.id
        )
    walk_in_name = rec.walk_in_name
    audited_update(s, rec, {"resident_id": resident.id, "updated_at": utcnow()}, actor=actor, entity="service_record",
                   action="link_resident")
    _event(s, rec, actor, EventKind.RESIDENT_LINKED, at=utcnow(), from_status=rec.status, to_status=rec.status,
           note=f"{walk_in_name} → {resident.name}")
    s.flush()
    return rec
