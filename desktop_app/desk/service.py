"""Desk use cases: log a visit, move it through the closed loop, escalate, link, list, count.

The loop (受理 → 派单 → 处置 → 反馈 → 回访 → 办结)::

    received ─dispatch→ dispatched ─start→ in_progress ─resolve→ resolved ─follow up→ followed_up ─close→ closed
        └──────start (handled by the desk itself)──┘             ↑                  │
                                                                  └── dissatisfied ──┘ (back to in_progress)

A category "settled on the spot" (consultation, convenience …) is saved closed at once. Every step is an
append-only ServiceEvent (who, when, note) plus an audit entry, in the caller's transaction.

Figures count records by the local day they were *received* (desk_day_figure, kept here in the same
transaction as every change):
  received   records received in the period;
  closed     of those, the ones now closed;
  on time    of the closed ones, those closed no later than their deadline (due_at);
  satisfaction  of those followed up, the share whose latest rating is satisfied or basically satisfied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Date, String, and_, bindparam, func, tuple_, type_coerce
from sqlmodel import Session, select

from desktop_app.core import audit
from desktop_app.core.auth import STAFF, Actor, Permission, Role, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime, in_station, station_scope
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.validation import clean_name, clean_phone, clean_text, mask_phone
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk.models import (
    CHANNELS,
    CLOSED,
    CONTACT_METHODS,
    DISPATCHED,
    FOLLOWED_UP,
    IN_PROGRESS,
    OPEN_STATUSES,
    RECEIVED,
    RESOLVED,
    SATISFACTION,
    DeskCategory,
    DeskDayFigure,
    ServiceEvent,
    ServiceRecord,
)
from desktop_app.residents.models import Resident

# --- permissions (the role × use-case matrix is tested in tests/desk/test_permissions.py) ----------

RECORD_VISITS = Permission(QT_TRANSLATE_NOOP("Permissions", "record visits"), STAFF)
from desktop_app.desk.permissions import VIEW_VISITS  # noqa: E402  (shared with feature.py)

HANDLE_REQUESTS = Permission(QT_TRANSLATE_NOOP("Permissions", "handle requests through the loop"), STAFF)
ESCALATE = Permission(QT_TRANSLATE_NOOP("Permissions", "escalate overdue requests"), {Role.ADMIN, Role.COORDINATOR})
MANAGE_CATEGORIES = Permission(QT_TRANSLATE_NOOP("Permissions", "edit desk categories"), {Role.ADMIN})
VIEW_FIGURES = Permission(QT_TRANSLATE_NOOP("Permissions", "see desk figures"), STAFF)

# --- labels -------------------------------------------------------------------------------------------

F_RESIDENT = QT_TRANSLATE_NOOP("Fields", "Resident")
F_WALK_IN_NAME = QT_TRANSLATE_NOOP("Fields", "Walk-in name")
F_WALK_IN_PHONE = QT_TRANSLATE_NOOP("Fields", "Walk-in phone")
F_CATEGORY = QT_TRANSLATE_NOOP("Fields", "Category")
F_CHANNEL = QT_TRANSLATE_NOOP("Fields", "Channel")
F_SUMMARY = QT_TRANSLATE_NOOP("Fields", "Summary")
F_DETAILS = QT_TRANSLATE_NOOP("Fields", "Details")
F_RECEIVED_AT = QT_TRANSLATE_NOOP("Fields", "Received at")
F_ASSIGNEE = QT_TRANSLATE_NOOP("Fields", "Dispatched to")
F_NOTE = QT_TRANSLATE_NOOP("Fields", "Note")
F_RESULT = QT_TRANSLATE_NOOP("Fields", "Result")
F_SATISFACTION = QT_TRANSLATE_NOOP("Fields", "Satisfaction")
F_CONTACT = QT_TRANSLATE_NOOP("Fields", "Contacted by")
F_COMMENT = QT_TRANSLATE_NOOP("Fields", "Resident's comment")
F_REPEAT_OF = QT_TRANSLATE_NOOP("Fields", "Earlier record")
F_PERIOD = QT_TRANSLATE_NOOP("Fields", "Period")
F_DEADLINE = QT_TRANSLATE_NOOP("Fields", "Deadline (working days)")
F_CATEGORY_NAME = QT_TRANSLATE_NOOP("Fields", "Category name")

CATEGORY_CODES = (
    "agency_service", "consultation", "request", "complaint", "mediation",
    "legal_aid", "health", "convenience", "micro_wish", "other",
)

STATUS_LABELS = {
    RECEIVED: QT_TRANSLATE_NOOP("DeskStatus", "received"),
    DISPATCHED: QT_TRANSLATE_NOOP("DeskStatus", "dispatched"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("DeskStatus", "in progress"),
    RESOLVED: QT_TRANSLATE_NOOP("DeskStatus", "resolved"),
    FOLLOWED_UP: QT_TRANSLATE_NOOP("DeskStatus", "followed up"),
    CLOSED: QT_TRANSLATE_NOOP("DeskStatus", "closed"),
}
CHANNEL_LABELS = {
    "walk_in": QT_TRANSLATE_NOOP("DeskChannel", "walk-in"),
    "phone": QT_TRANSLATE_NOOP("DeskChannel", "phone"),
    "patrol": QT_TRANSLATE_NOOP("DeskChannel", "patrol finding"),
    "online": QT_TRANSLATE_NOOP("DeskChannel", "online"),
    "other": QT_TRANSLATE_NOOP("DeskChannel", "other"),
}
SATISFACTION_LABELS = {
    "satisfied": QT_TRANSLATE_NOOP("DeskSatisfaction", "satisfied"),
    "basically_satisfied": QT_TRANSLATE_NOOP("DeskSatisfaction", "basically satisfied"),
    "dissatisfied": QT_TRANSLATE_NOOP("DeskSatisfaction", "dissatisfied"),
}
CONTACT_LABELS = {
    "phone": QT_TRANSLATE_NOOP("DeskContact", "phone call"),
    "visit": QT_TRANSLATE_NOOP("DeskContact", "home visit"),
    "in_person": QT_TRANSLATE_NOOP("DeskContact", "at the desk"),
    "message": QT_TRANSLATE_NOOP("DeskContact", "text message"),
}
EVENT_LABELS = {
    "received": QT_TRANSLATE_NOOP("DeskEvent", "received"),
    "settled": QT_TRANSLATE_NOOP("DeskEvent", "settled on the spot"),
    "dispatched": QT_TRANSLATE_NOOP("DeskEvent", "dispatched"),
    "started": QT_TRANSLATE_NOOP("DeskEvent", "handling started"),
    "resolved": QT_TRANSLATE_NOOP("DeskEvent", "resolved"),
    "followed_up": QT_TRANSLATE_NOOP("DeskEvent", "followed up"),
    "reopened": QT_TRANSLATE_NOOP("DeskEvent", "reopened (dissatisfied)"),
    "closed": QT_TRANSLATE_NOOP("DeskEvent", "closed"),
    "escalated": QT_TRANSLATE_NOOP("DeskEvent", "escalated"),
    "linked": QT_TRANSLATE_NOOP("DeskEvent", "linked as a repeat"),
    "resident_linked": QT_TRANSLATE_NOOP("DeskEvent", "linked to resident"),
}
ACTION_LABELS = {  # verbs, as in "you cannot {action} it"
    "dispatch": QT_TRANSLATE_NOOP("DeskAction", "dispatch"),
    "start": QT_TRANSLATE_NOOP("DeskAction", "start handling"),
    "resolve": QT_TRANSLATE_NOOP("DeskAction", "resolve"),
    "follow_up": QT_TRANSLATE_NOOP("DeskAction", "follow up"),
    "close": QT_TRANSLATE_NOOP("DeskAction", "close"),
    "escalate": QT_TRANSLATE_NOOP("DeskAction", "escalate"),
}

# Which step may follow which status. The desk may handle a request itself (received → in_progress).
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "dispatch": ((RECEIVED, DISPATCHED, IN_PROGRESS), DISPATCHED),
    "start": ((RECEIVED, DISPATCHED), IN_PROGRESS),
    "resolve": ((IN_PROGRESS,), RESOLVED),
    "follow_up": ((RESOLVED,), FOLLOWED_UP),
    "close": ((FOLLOWED_UP,), CLOSED),
    "escalate": (OPEN_STATUSES, ""),
}


def next_actions(status: str) -> list[str]:
    """The steps a record in ``status`` may take next, in loop order (the page shows these buttons)."""
    return [a for a, (allowed, _to) in TRANSITIONS.items() if status in allowed]


class TransitionRefused(ConflictError):
    """An illegal step in the loop; the message names the record, its status and what may come next."""

    def text(self) -> str:
        params = dict(self.params)
        params["status"] = translate("DeskStatus", STATUS_LABELS.get(str(params.get("status")), str(params.get("status"))))
        params["action"] = translate("DeskAction", ACTION_LABELS.get(str(params.get("action")), str(params.get("action"))))
        nxt = params.get("next") or []
        sep = translate("Errors", "、")
        params["next"] = sep.join(translate("DeskAction", ACTION_LABELS[a]) for a in nxt) if nxt else translate(
            "Errors", "nothing (the record is closed)"
        )
        return translate(self.context, self.message, **params)


# --- categories -----------------------------------------------------------------------------------


def categories(s: Session, *, include_inactive: bool = False) -> list[DeskCategory]:
    q = select(DeskCategory).order_by(DeskCategory.position, DeskCategory.id)
    if not include_inactive:
        q = q.where(DeskCategory.active == True)  # noqa: E712
    return list(s.exec(q))


def category_label(cat: DeskCategory) -> str:
    """The category's name in the user's language (seeded names are translated; station names as typed)."""
    return translate("DeskCategories", cat.name)


def _category(s: Session, code: str) -> DeskCategory:
    code = (code or "").strip()
    cat = s.exec(select(DeskCategory).where(DeskCategory.code == code)).first() if code else None
    if cat is None:
        raise ValidationError(
            F_CATEGORY, QT_TRANSLATE_NOOP("Errors", "“{code}” is not a known category; choose one from the list."), code=code[:30]
        )
    if not cat.active:
        raise ValidationError(
            F_CATEGORY, QT_TRANSLATE_NOOP("Errors", "“{code}” is no longer in use; choose another category."), code=code
        )
    return cat


def add_category(s: Session, *, actor: Actor, name: str, deadline_workdays: int = 10,
                 on_the_spot: bool = False) -> DeskCategory:
    """A station's own category (code ``station_N``), placed after the others (admins only)."""
    require(actor, MANAGE_CATEGORIES)
    name = clean_text(name, F_CATEGORY_NAME, max_len=50, required=True, multiline=False)
    _check_deadline(deadline_workdays)
    existing = list(s.exec(select(DeskCategory)))
    if any(category_label(c) == name or c.name == name for c in existing):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "A category named “{name}” already exists."), name=name)
    n = 1 + sum(1 for c in existing if c.code.startswith("station_"))
    cat = DeskCategory(code=f"station_{n}", name=name, deadline_workdays=deadline_workdays, on_the_spot=bool(on_the_spot),
                       position=1 + max((c.position for c in existing), default=0))
    s.add(cat)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="desk_category", entity_id=cat.id, after=cat)
    return cat


def _check_deadline(value) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 60:
        raise ValidationError(F_DEADLINE, QT_TRANSLATE_NOOP("Errors", "must be a whole number of working days from 0 to 60."))


def update_category(
    s: Session, *, actor: Actor, code: str, name: str | None = None, deadline_workdays: int | None = None,
    on_the_spot: bool | None = None, active: bool | None = None,
) -> DeskCategory:
    """Edit a category's name, deadline, on-the-spot flag or whether it is offered (admins only)."""
    require(actor, MANAGE_CATEGORIES)
    cat = s.exec(select(DeskCategory).where(DeskCategory.code == code)).first()
    if cat is None:
        raise ValidationError(
            F_CATEGORY, QT_TRANSLATE_NOOP("Errors", "“{code}” is not a known category; choose one from the list."), code=code[:30]
        )
    before = audit.snapshot(cat)
    if name is not None:
        cat.name = clean_text(name, F_CATEGORY_NAME, max_len=50, required=True, multiline=False)
    if deadline_workdays is not None:
        _check_deadline(deadline_workdays)
        cat.deadline_workdays = deadline_workdays
    if on_the_spot is not None:
        cat.on_the_spot = bool(on_the_spot)
    if active is not None:
        cat.active = bool(active)
    s.add(cat)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="desk_category", entity_id=cat.id, before=before, after=cat)
    return cat


# --- day figures (kept in step with every change) -----------------------------------------------------


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _contribution(rec: ServiceRecord) -> tuple[int, int, int, int]:
    """(closed, closed on time, followed up, satisfied) this record adds to its receipt day."""
    closed = rec.status == CLOSED
    on_time = closed and rec.closed_at is not None and rec.closed_at <= rec.due_at
    followed = rec.satisfaction != ""
    satisfied = rec.satisfaction in ("satisfied", "basically_satisfied")
    return int(closed), int(on_time), int(followed), int(satisfied)


def _bump(s: Session, rec: ServiceRecord, *, received: int, delta: Iterable[int]) -> None:
    closed, on_time, followed, satisfied = delta
    if not (received or closed or on_time or followed or satisfied):
        return
    day = local_day(rec.received_at)
    station = rec.station_id or 0
    row = s.exec(
        select(DeskDayFigure).where(
            DeskDayFigure.day == day, DeskDayFigure.station_id == station, DeskDayFigure.category_id == rec.category_id
        )
    ).first()
    if row is None:
        row = DeskDayFigure(day=day, station_id=station, category_id=rec.category_id)
    row.received += received
    row.closed += closed
    row.closed_on_time += on_time
    row.followed_up += followed
    row.satisfied += satisfied
    s.add(row)


# --- records --------------------------------------------------------------------------------------


def _now(at: datetime | None) -> datetime:
    return (at or utcnow()).astimezone(UTC)


def _event(s: Session, rec: ServiceRecord, actor: Actor, kind: str, *, at: datetime, from_status: str = "",
           to_status: str = "", note: str = "", **extra: str) -> ServiceEvent:
    ev = ServiceEvent(
        record_id=rec.id, at=at, actor_id=actor.id, actor_name=(actor.display_name or actor.username)[:50], kind=kind,
        from_status=from_status, to_status=to_status, note=note, **extra,
    )
    s.add(ev)
    return ev


def _audit(s: Session, actor: Actor, action: str, rec: ServiceRecord, before: str | None) -> None:
    audit.record(s, actor=actor, action=action, entity="service_record", entity_id=rec.id, before=before, after=rec)


def create_record(
    s: Session,
    *,
    actor: Actor,
    category_code: str,
    summary: str,
    channel: str = "walk_in",
    resident_id: int | None = None,
    walk_in_name: str = "",
    walk_in_phone: str = "",
    details: str = "",
    received_at: datetime | None = None,
) -> ServiceRecord:
    """Log a visit or request (受理). On-the-spot categories are saved closed at once."""
    require(actor, RECORD_VISITS)
    now = utcnow()
    cat = _category(s, category_code)
    if channel not in CHANNELS:
        raise ValidationError(
            F_CHANNEL, QT_TRANSLATE_NOOP("Errors", "“{value}” is not a channel; choose walk-in, phone, patrol, online or other."),
            value=str(channel)[:20],
        )
    summary = clean_text(summary, F_SUMMARY, max_len=200, multiline=False)
    if not summary:
        raise ValidationError(F_SUMMARY, QT_TRANSLATE_NOOP("Errors", "is blank; write in one line what the person needs."))
    details = clean_text(details, F_DETAILS, max_len=5000)
    name = clean_name(walk_in_name, F_WALK_IN_NAME, required=False)
    phone = clean_phone(walk_in_phone, F_WALK_IN_PHONE)
    if resident_id is not None:
        if name or phone:
            raise ValidationError(
                F_RESIDENT,
                QT_TRANSLATE_NOOP("Errors", "a registered resident was chosen and a walk-in name or phone typed; keep only one."),
            )
        resident = s.get(Resident, resident_id)
        if resident is None or resident.erased or not in_station(actor, resident.station_id):
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))
    elif not name and channel != "patrol":  # a patrol finding (a hazard) may have nobody behind it
        raise ValidationError(
            F_RESIDENT,
            QT_TRANSLATE_NOOP("Errors", "nobody chosen; pick a registered resident (Enter) or type the walk-in's name."),
        )
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
        category_id=cat.id, channel=channel, summary=summary, details=details, status=RECEIVED,
        received_by=actor.id, received_at=received_at, due_at=cal.due_at(received_at, cat.deadline_workdays).astimezone(UTC),
        updated_at=now,
    )
    s.add(rec)
    s.flush()
    _event(s, rec, actor, "received", at=received_at, to_status=RECEIVED, note=summary)
    if cat.on_the_spot:
        _event(s, rec, actor, "settled", at=received_at, from_status=RECEIVED, to_status=CLOSED)
        rec.status = CLOSED
        rec.resolved_at = rec.closed_at = received_at
    _bump(s, rec, received=1, delta=_contribution(rec))
    s.add(rec)
    s.flush()
    _audit(s, actor, "create", rec, None)
    return rec


def _load(s: Session, record_id: int, actor: Actor) -> ServiceRecord:
    """The record, if it belongs to the actor's station (docs/postgres.md §5); NotFound otherwise."""
    rec = s.get(ServiceRecord, record_id)
    if rec is None or not in_station(actor, rec.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Desk record No. {id} does not exist."), id=record_id)
    return rec


def _check_step(rec: ServiceRecord, action: str) -> str:
    allowed, to_status = TRANSITIONS[action]
    if rec.status in allowed:
        return to_status
    nxt = next_actions(rec.status)
    if rec.status == CLOSED:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("Errors", "Record No. {id} is already closed, so you cannot {action} it. If the matter came back, log a new record and link it as a repeat."),
            id=rec.id, status=rec.status, action=action, next=nxt,
        )
    if action == "follow_up":
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("Errors", "Record No. {id} is {status}: follow up with the resident only after it is resolved."),
            id=rec.id, status=rec.status, action=action, next=nxt,
        )
    raise TransitionRefused(
        QT_TRANSLATE_NOOP("Errors", "Record No. {id} is {status}, so you cannot {action} it now. Possible next steps: {next}."),
        id=rec.id, status=rec.status, action=action, next=nxt,
    )


def _step_time(rec: ServiceRecord, at: datetime | None, field: str = F_RECEIVED_AT) -> datetime:
    now = utcnow()
    when = _now(at)
    if when > now + timedelta(minutes=1):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Time of the step"),
            QT_TRANSLATE_NOOP("Errors", "{value} is in the future; enter when it actually happened."),
            value=when.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    if when < rec.received_at:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Time of the step"),
            QT_TRANSLATE_NOOP("Errors", "is before the record was received ({value}); check the time."),
            value=rec.received_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
    return when


def _move(s: Session, actor: Actor, rec: ServiceRecord, action: str, kind: str, *, at: datetime | None,
          note: str = "", **changes) -> ServiceRecord:
    to_status = _check_step(rec, action)
    when = _step_time(rec, at)
    before = audit.snapshot(rec)
    old = _contribution(rec)
    from_status = rec.status
    event_extra = changes.pop("_event", {})
    for key, value in changes.items():
        setattr(rec, key, value)
    if to_status:
        rec.status = to_status
        if to_status == RESOLVED:
            rec.resolved_at = when
        elif to_status == CLOSED:
            rec.closed_at = when
    rec.updated_at = utcnow()
    s.add(rec)
    new = _contribution(rec)
    _bump(s, rec, received=0, delta=[b - a for a, b in zip(old, new, strict=True)])
    _event(s, rec, actor, kind, at=when, from_status=from_status, to_status=rec.status, note=note, **event_extra)
    s.flush()
    _audit(s, actor, action, rec, before)
    return rec


def dispatch_record(s: Session, *, actor: Actor, record_id: int, assignee: str, note: str = "",
                    at: datetime | None = None) -> ServiceRecord:
    """派单: hand the request to a staff member, grid worker or outside unit."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor)
    _check_step(rec, "dispatch")
    assignee = clean_text(assignee, F_ASSIGNEE, max_len=100, multiline=False)
    if not assignee:
        raise ValidationError(
            F_ASSIGNEE, QT_TRANSLATE_NOOP("Errors", "is blank; write who will handle it (a staff member, grid worker or unit).")
        )
    note = clean_text(note, F_NOTE, max_len=2000)
    return _move(s, actor, rec, "dispatch", "dispatched", at=at, note=note, assignee=assignee,
                 _event={"assignee": assignee})


def start_record(s: Session, *, actor: Actor, record_id: int, note: str = "", at: datetime | None = None) -> ServiceRecord:
    """处置: handling has begun (by the assignee, or by the desk itself)."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor)
    _check_step(rec, "start")
    note = clean_text(note, F_NOTE, max_len=2000)
    changes = {} if rec.assignee else {"assignee": (actor.display_name or actor.username)[:100]}
    return _move(s, actor, rec, "start", "started", at=at, note=note, **changes)


def resolve_record(s: Session, *, actor: Actor, record_id: int, result: str, at: datetime | None = None) -> ServiceRecord:
    """反馈: the matter is dealt with; ``result`` says how."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor)
    _check_step(rec, "resolve")
    result = clean_text(result, F_RESULT, max_len=2000)
    if not result:
        raise ValidationError(F_RESULT, QT_TRANSLATE_NOOP("Errors", "is blank; write what was done for the resident."))
    return _move(s, actor, rec, "resolve", "resolved", at=at, note=result)


def follow_up_record(s: Session, *, actor: Actor, record_id: int, satisfaction: str, contact_method: str,
                     comment: str = "", at: datetime | None = None) -> ServiceRecord:
    """回访: ask the resident. Dissatisfied sends the record back to in progress (reopened)."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor)
    _check_step(rec, "follow_up")
    if satisfaction not in SATISFACTION:
        raise ValidationError(
            F_SATISFACTION, QT_TRANSLATE_NOOP("Errors", "choose satisfied, basically satisfied or dissatisfied.")
        )
    if contact_method not in CONTACT_METHODS:
        raise ValidationError(
            F_CONTACT, QT_TRANSLATE_NOOP("Errors", "choose phone call, home visit, at the desk or text message.")
        )
    comment = clean_text(comment, F_COMMENT, max_len=2000)
    extra = {"satisfaction": satisfaction, "contact_method": contact_method}
    if satisfaction == "dissatisfied":
        if not comment:
            raise ValidationError(
                F_COMMENT, QT_TRANSLATE_NOOP("Errors", "is blank; write what the resident is still unhappy about, so it can be handled again.")
            )
        rec = _move(s, actor, rec, "follow_up", "followed_up", at=at, note=comment, satisfaction=satisfaction,
                    _event=extra)
        # Reopen: back to handling. The rating stays until the next follow-up replaces it.
        before = audit.snapshot(rec)
        when = _step_time(rec, at)
        rec.status = IN_PROGRESS
        rec.resolved_at = None
        rec.updated_at = utcnow()
        s.add(rec)
        _event(s, rec, actor, "reopened", at=when, from_status=FOLLOWED_UP, to_status=IN_PROGRESS, note=comment)
        s.flush()
        _audit(s, actor, "reopen", rec, before)
        return rec
    return _move(s, actor, rec, "follow_up", "followed_up", at=at, note=comment, satisfaction=satisfaction, _event=extra)


def close_record(s: Session, *, actor: Actor, record_id: int, note: str = "", at: datetime | None = None) -> ServiceRecord:
    """办结: the loop is complete."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor)
    _check_step(rec, "close")
    note = clean_text(note, F_NOTE, max_len=2000)
    return _move(s, actor, rec, "close", "closed", at=at, note=note)


def escalate_record(s: Session, *, actor: Actor, record_id: int, note: str, at: datetime | None = None) -> ServiceRecord:
    """督办: a coordinator presses on an open record (usually an overdue one); the status does not change."""
    require(actor, ESCALATE)
    rec = _load(s, record_id, actor)
    _check_step(rec, "escalate")
    note = clean_text(note, F_NOTE, max_len=2000)
    if not note:
        raise ValidationError(F_NOTE, QT_TRANSLATE_NOOP("Errors", "is blank; write what must happen and by when."))
    when = _step_time(rec, at)
    return _move(s, actor, rec, "escalate", "escalated", at=when, note=note, escalated_at=when)


def link_repeat(s: Session, *, actor: Actor, record_id: int, repeat_of_id: int) -> ServiceRecord:
    """Mark ``record_id`` as a repeat of the earlier record ``repeat_of_id`` (same person, same matter)."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor)
    earlier = _load(s, repeat_of_id, actor)
    if rec.id == earlier.id:
        raise ValidationError(F_REPEAT_OF, QT_TRANSLATE_NOOP("Errors", "a record cannot be a repeat of itself; choose an earlier record."))
    if earlier.received_at > rec.received_at or (earlier.received_at == rec.received_at and earlier.id > rec.id):
        raise ValidationError(
            F_REPEAT_OF, QT_TRANSLATE_NOOP("Errors", "No. {id} was received later; link the newer record to the older one."),
            id=earlier.id,
        )
    if not _same_person(rec, earlier):
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Records No. {a} and No. {b} are about different people; only the same person's requests can be linked."),
            a=rec.id, b=earlier.id,
        )
    before = audit.snapshot(rec)
    rec.repeat_of_id = earlier.id
    rec.updated_at = utcnow()
    s.add(rec)
    _event(s, rec, actor, "linked", at=utcnow(), from_status=rec.status, to_status=rec.status,
           note=f"#{earlier.id}")
    s.flush()
    _audit(s, actor, "link", rec, before)
    return rec


def _same_person(a: ServiceRecord, b: ServiceRecord) -> bool:
    if a.resident_id is not None or b.resident_id is not None:
        return a.resident_id == b.resident_id
    if a.walk_in_phone and b.walk_in_phone:
        return a.walk_in_phone == b.walk_in_phone
    return a.walk_in_name == b.walk_in_name


def link_resident(s: Session, *, actor: Actor, record_id: int, resident_id: int) -> ServiceRecord:
    """A walk-in turned out to be (or has now been registered as) a resident: attach the record to them."""
    require(actor, HANDLE_REQUESTS)
    rec = _load(s, record_id, actor)
    resident = s.get(Resident, resident_id)
    if resident is None or resident.erased or not in_station(actor, resident.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))
    if rec.resident_id is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Record No. {id} already belongs to a registered resident."), id=rec.id
        )
    before = audit.snapshot(rec)
    rec.resident_id = resident.id
    rec.updated_at = utcnow()
    s.add(rec)
    _event(s, rec, actor, "resident_linked", at=utcnow(), from_status=rec.status, to_status=rec.status,
           note=f"{rec.walk_in_name} → {resident.name}")
    s.flush()
    _audit(s, actor, "link_resident", rec, before)
    return rec


# --- reading --------------------------------------------------------------------------------------


_R = ServiceRecord
# Datetimes are read as text and parsed only when a cell needs them: the desk list's hot path (bench/desk.py).
_ROW_COLUMNS = (
    _R.id, type_coerce(_R.received_at, String), type_coerce(_R.due_at, String), _R.status, _R.category_id, _R.channel,
    _R.summary, _R.resident_id, Resident.name, _R.walk_in_name, _R.walk_in_phone, _R.assignee,
    type_coerce(_R.closed_at, String), _R.satisfaction, type_coerce(_R.escalated_at, String), _R.repeat_of_id,
)


def _dt(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _field(i: int, convert=None):
    if convert is None:
        return property(lambda self: tuple.__getitem__(self, i))
    return property(lambda self: convert(tuple.__getitem__(self, i)))


class RecordRow(tuple):
    """One row of a desk list (a tuple of the selected columns; datetimes parsed when read, phone masked)."""

    __slots__ = ()

    id: int = _field(0)
    received_at: datetime = _field(1, _dt)
    due_at: datetime = _field(2, _dt)
    status: str = _field(3)
    category_id: int = _field(4)
    channel: str = _field(5)
    summary: str = _field(6)
    resident_id: int | None = _field(7)
    assignee: str = _field(11)
    closed_at: datetime | None = _field(12, _dt)
    satisfaction: str = _field(13)
    escalated_at: datetime | None = _field(14, _dt)
    repeat_of_id: int | None = _field(15)

    @property
    def walk_in(self) -> bool:
        return self[7] is None

    @property
    def person(self) -> str:
        return (self[9] if self[7] is None else self[8]) or ""

    @property
    def phone_masked(self) -> str:
        return mask_phone(self[10])

    @property
    def is_open(self) -> bool:
        return self[3] != CLOSED

    def __repr__(self) -> str:
        return f"RecordRow(id={self.id}, status={self.status!r}, summary={self.summary!r})"


def _rows(result) -> list[RecordRow]:
    new = tuple.__new__
    return [new(RecordRow, r) for r in result.fetchall()]


def _rows_query():
    return select(*_ROW_COLUMNS).select_from(_R).outerjoin(Resident, Resident.id == _R.resident_id)


def _utc_naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants a local calendar day starts and ends (end exclusive)."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return start.astimezone(UTC), end.astimezone(UTC)


def _newest_first(q):
    return q.order_by(_R.received_at.desc(), _R.id.desc()).limit(bindparam("limit"))


def _scoped(q, actor: Actor):
    """Only the actor's station's records (docs/postgres.md §5): staff see their station, an actor
    without one (sub-district administrator, system) sees every station."""
    return station_scope(q, _R.station_id, actor)


def _page_statements(by_station: bool) -> tuple:
    base = _rows_query().where(_R.station_id == bindparam("station")) if by_station else _rows_query()
    return (
        _newest_first(base),
        _newest_first(base.where(_R.received_at < bindparam("until", type_=AwareDateTime))),
        _newest_first(base.where(
            tuple_(_R.received_at, _R.id) < tuple_(bindparam("at", type_=AwareDateTime), bindparam("after_id"))
        )),
    )


# The desk list's three statements, built once (building a select costs more than running it on the index),
# for every station and for one station.
_PAGES = {False: _page_statements(False), True: _page_statements(True)}


def list_page(s: Session, *, actor: Actor, before: tuple[datetime, int] | None = None, limit: int = 200,
              until_day: date | None = None) -> list[RecordRow]:
    """Records newest first, ``limit`` at a time after the keyset ``before`` = (received_at, id).

    ``until_day`` jumps to a date: the first page holds the records received that day and earlier.
    Uses the (received_at, id) index; no OFFSET.
    """
    require(actor, VIEW_VISITS)
    first, until, after = _PAGES[actor.station_id is not None]
    if before is not None:
        q, params = after, {"at": before[0], "after_id": before[1], "limit": limit}
    elif until_day is not None:
        q, params = until, {"until": day_bounds(until_day)[1], "limit": limit}
    else:
        q, params = first, {"limit": limit}
    if actor.station_id is not None:
        params["station"] = actor.station_id
    return _rows(s.connection().execute(q, params))


def list_day(s: Session, *, actor: Actor, day: date) -> list[RecordRow]:
    """Every record received on one local day, newest first (the desk's "today" list)."""
    require(actor, VIEW_VISITS)
    start, end = day_bounds(day)
    q = _scoped(_rows_query(), actor).where(_R.received_at >= start, _R.received_at < end).order_by(_R.received_at.desc(), _R.id.desc())
    return _rows(s.connection().execute(q))


def list_open(s: Session, *, actor: Actor, after: tuple[datetime, int] | None = None, limit: int = 200,
              overdue_at: datetime | None = None) -> list[RecordRow]:
    """Open records by deadline, earliest first; with ``overdue_at`` only those past due then (督办 list)."""
    require(actor, VIEW_VISITS)
    q = _scoped(_rows_query(), actor).where(_R.status.in_(OPEN_STATUSES))
    if overdue_at is not None:
        q = q.where(_R.due_at < overdue_at.astimezone(UTC))
    if after is not None:
        q = q.where(tuple_(_R.due_at, _R.id) > tuple_(_utc_naive(after[0]), after[1]))
    q = q.order_by(_R.due_at, _R.id).limit(limit)
    return _rows(s.connection().execute(q))


def overdue(s: Session, *, actor: Actor, now: datetime | None = None, limit: int = 500) -> list[RecordRow]:
    """The escalation list (督办): open records past their deadline, the longest overdue first."""
    return list_open(s, actor=actor, overdue_at=now or utcnow(), limit=limit)


def get_row(s: Session, *, actor: Actor, record_id: int) -> RecordRow:
    require(actor, VIEW_VISITS)
    t = s.connection().execute(_scoped(_rows_query(), actor).where(_R.id == record_id)).first()
    if t is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Desk record No. {id} does not exist."), id=record_id)
    return tuple.__new__(RecordRow, t)


def get_record(s: Session, *, actor: Actor, record_id: int) -> ServiceRecord:
    require(actor, VIEW_VISITS)
    return _load(s, record_id, actor)


def timeline(s: Session, *, actor: Actor, record_id: int) -> list[ServiceEvent]:
    """The record's events, oldest first (append-only: nothing here is ever edited)."""
    require(actor, VIEW_VISITS)
    _load(s, record_id, actor)
    return list(s.exec(select(ServiceEvent).where(ServiceEvent.record_id == record_id).order_by(ServiceEvent.id)))


def repeat_candidates(s: Session, *, actor: Actor, record_id: int, days: int = 365, limit: int = 20) -> list[RecordRow]:
    """Earlier records of the same person (resident, or walk-in phone/name), newest first, to link a repeat."""
    require(actor, VIEW_VISITS)
    rec = _load(s, record_id, actor)
    q = _scoped(_rows_query(), actor).where(_R.id != rec.id, _R.received_at <= rec.received_at,
                            _R.received_at >= rec.received_at - timedelta(days=days))
    if rec.resident_id is not None:
        q = q.where(_R.resident_id == rec.resident_id)
    elif rec.walk_in_phone:
        q = q.where(_R.resident_id.is_(None), _R.walk_in_phone == rec.walk_in_phone)
    else:
        q = q.where(_R.resident_id.is_(None), _R.walk_in_name == rec.walk_in_name)
    q = q.order_by(_R.received_at.desc(), _R.id.desc()).limit(limit)
    return _rows(s.connection().execute(q))


def open_requests_of(s: Session, *, actor: Actor, resident_id: int, limit: int = 5) -> list[RecordRow]:
    """A resident's open records (the page shows them when the resident is picked: a likely repeat)."""
    require(actor, VIEW_VISITS)
    q = _scoped(_rows_query(), actor).where(_R.resident_id == resident_id, _R.status.in_(OPEN_STATUSES)).order_by(
        _R.received_at.desc(), _R.id.desc()
    ).limit(limit)
    return _rows(s.connection().execute(q))


def deadline_state(row: RecordRow | ServiceRecord, now: datetime, cal: WorkCalendar) -> str:
    """'overdue', 'due_soon' (due today or on the next working day), 'open' or 'done'."""
    if row.status == CLOSED:
        return "done"
    if row.due_at < now:
        return "overdue"
    today = now.astimezone().date()
    if row.due_at.astimezone().date() <= cal.add_workdays(today, 1):
        return "due_soon"
    return "open"


# --- figures ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureRow:
    category_id: int | None  # None: the total line
    received: int
    closed: int
    closed_on_time: int
    followed_up: int
    satisfied: int

    @property
    def open(self) -> int:
        return self.received - self.closed

    @property
    def on_time_rate(self) -> float | None:
        """按时办结率: closed by the deadline ÷ closed (None when nothing was closed)."""
        return self.closed_on_time / self.closed if self.closed else None

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: (satisfied + basically satisfied) ÷ followed up (latest rating of each record)."""
        return self.satisfied / self.followed_up if self.followed_up else None


FIGURE_DEFINITIONS = QT_TRANSLATE_NOOP(
    "Desk",
    "Received: records received in the period (by the day they were received). "
    "Closed: of those, the ones now closed. "
    "On-time rate: of the closed ones, the share closed no later than their deadline. "
    "Satisfaction: of those followed up, the share whose latest rating is satisfied or basically satisfied. "
    "Records settled on the spot count as received, closed and on time, but not as followed up.",
)


def _check_period(start: date, end: date) -> None:
    if start > end:
        raise ValidationError(
            F_PERIOD, QT_TRANSLATE_NOOP("Errors", "starts on {start}, after it ends ({end}); swap the dates."),
            start=start.isoformat(), end=end.isoformat(),
        )


def _figure_rows(raw) -> list[FigureRow]:
    rows = [FigureRow(c, int(r or 0), int(cl or 0), int(ot or 0), int(fu or 0), int(sa or 0)) for c, r, cl, ot, fu, sa in raw]
    rows.sort(key=lambda r: r.category_id)
    total = FigureRow(None, *(sum(getattr(r, f) for r in rows) for f in
                              ("received", "closed", "closed_on_time", "followed_up", "satisfied")))
    return [*rows, total]


def figures(s: Session, *, actor: Actor, start: date, end: date, station_id: int | None = None) -> list[FigureRow]:
    """受理 / 办结 / 按时办结 / 回访 / 满意 by category for records received from ``start`` to ``end``
    (local days, both included), then a total row. Reads the day figures the service keeps.

    Staff get their own station's figures whatever ``station_id`` says; an actor without a station
    (sub-district administrator) gets the station asked for, or with ``None`` the sum of all stations."""
    require(actor, VIEW_FIGURES)
    _check_period(start, end)
    station_id = figure_station(actor, station_id)
    if station_id is None:
        return _figure_rows(s.connection().execute(_FIGURES_ALL, {"start": start, "end": end}))
    return _figure_rows(s.connection().execute(_FIGURES_STATION, {"start": start, "end": end, "station": station_id}))


def figure_station(actor: Actor, station_id: int | None) -> int | None:
    """The station figures are counted for: staff their own, a sub-district administrator any (None: all)."""
    return actor.station_id if actor.station_id is not None else station_id


def _figures_statement(by_station: bool):
    D = DeskDayFigure
    q = select(D.category_id, func.sum(D.received), func.sum(D.closed), func.sum(D.closed_on_time),
               func.sum(D.followed_up), func.sum(D.satisfied)).where(
        D.day >= bindparam("start", type_=Date), D.day <= bindparam("end", type_=Date))
    if by_station:
        q = q.where(D.station_id == bindparam("station"))
    return q.group_by(D.category_id)


_FIGURES_ALL = _figures_statement(False)
_FIGURES_STATION = _figures_statement(True)


def figures_from_records(s: Session, *, actor: Actor, start: date, end: date,
                         station_id: int | None = None) -> list[FigureRow]:
    """The same figures counted straight from the records (slow on big data; checks the day figures)."""
    require(actor, VIEW_FIGURES)
    _check_period(start, end)
    station_id = figure_station(actor, station_id)
    lo, _ = day_bounds(start)
    _, hi = day_bounds(end)
    closed = _R.status == CLOSED
    q = select(
        _R.category_id, func.count(),
        func.sum(closed.cast(_int())),
        func.sum(and_(closed, _R.closed_at <= _R.due_at).cast(_int())),
        func.sum((_R.satisfaction != "").cast(_int())),
        func.sum(_R.satisfaction.in_(("satisfied", "basically_satisfied")).cast(_int())),
    ).where(_R.received_at >= lo, _R.received_at < hi)
    if station_id:
        q = q.where(_R.station_id == station_id)
    elif station_id == 0:
        q = q.where(_R.station_id.is_(None))
    q = q.group_by(_R.category_id)
    return _figure_rows(s.connection().execute(q))


def _int():
    from sqlalchemy import Integer

    return Integer()


def rebuild_day_figures(s: Session, *, actor: Actor) -> int:
    """Recount desk_day_figure from the records (after an import or a restore). Returns rows written."""
    require(actor, MANAGE_CATEGORIES)
    from sqlalchemy import delete

    s.exec(delete(DeskDayFigure))
    acc: dict[tuple[date, int, int], list[int]] = {}
    last = 0
    while True:
        batch = list(s.exec(select(ServiceRecord).where(ServiceRecord.id > last).order_by(ServiceRecord.id).limit(5000)))
        if not batch:
            break
        for rec in batch:
            key = (local_day(rec.received_at), rec.station_id or 0, rec.category_id)
            c = acc.setdefault(key, [0, 0, 0, 0, 0])
            c[0] += 1
            for i, v in enumerate(_contribution(rec), start=1):
                c[i] += v
        last = batch[-1].id
        s.expunge_all()
    for (day, station, cat), c in acc.items():
        s.add(DeskDayFigure(day=day, station_id=station, category_id=cat, received=c[0], closed=c[1],
                            closed_on_time=c[2], followed_up=c[3], satisfied=c[4]))
    s.flush()
    audit.record(s, actor=actor, action="rebuild", entity="desk_day_figure", after={"rows": len(acc)})
    return len(acc)


def stations(s: Session, *, actor: Actor | None = None) -> list[tuple[int, str]]:
    """Stations for the figures' selector: a staff member's own only; every station for one without."""
    from desktop_app.core.models import Station

    q = select(Station).order_by(Station.id)
    if actor is not None and actor.station_id is not None:
        q = q.where(Station.id == actor.station_id)
    return [(st.id, st.name) for st in s.exec(q)]
