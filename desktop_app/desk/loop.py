"""The closed loop (受理 → 派单 → 处置 → 反馈 → 回访 → 办结): the steps a person takes on a desk record::

    received ─dispatch→ dispatched ─start→ in_progress ─resolve→ resolved ─follow up→ followed_up ─close→ closed
        └──────start (handled by the desk itself)──┘             ↑                  │
                                                                  └── dissatisfied ──┘ (back to in_progress)

Every step is an append-only ServiceEvent (who, when, note) plus an audit entry, in the caller's transaction,
and moves the record's contribution to the day figures. A step taken from a dialog passes the version the
dialog was opened at (``expected_version``): a record changed since is refused with StaleEdit, naming who
changed it and when, before anything is written.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, translate
from desktop_app.core.records import audited_update, check_version
from desktop_app.core.validation import clean_text
from desktop_app.desk.day_figures import _bump, _contribution
from desktop_app.desk.models import (
    OPEN_STATUSES,
    STATUS_LABELS,
    STEP_LABELS,
    ContactMethod,
    EventKind,
    Satisfaction,
    ServiceRecord,
    Status,
    Step,
)
from desktop_app.desk.permissions import ESCALATE, HANDLE_REQUESTS
from desktop_app.desk.visits import F_RECEIVED_AT, EventDetails, _event, _load, _now

F_ASSIGNEE = QT_TRANSLATE_NOOP("Fields", "Dispatched to")
F_NOTE = QT_TRANSLATE_NOOP("Fields", "Note")
F_RESULT = QT_TRANSLATE_NOOP("Fields", "Result")
F_SATISFACTION = QT_TRANSLATE_NOOP("Fields", "Satisfaction")
F_CONTACT = QT_TRANSLATE_NOOP("Fields", "Contacted by")
F_COMMENT = QT_TRANSLATE_NOOP("Fields", "Resident's comment")

# Which step may follow which status. The desk may handle a request itself (received → in_progress).
TRANSITIONS: dict[Step, tuple[tuple[Status, ...], Status | None]] = {
    Step.DISPATCH: ((Status.RECEIVED, Status.DISPATCHED, Status.IN_PROGRESS), Status.DISPATCHED),
    Step.START: ((Status.RECEIVED, Status.DISPATCHED), Status.IN_PROGRESS),
    Step.RESOLVE: ((Status.IN_PROGRESS,), Status.RESOLVED),
    Step.FOLLOW_UP: ((Status.RESOLVED,), Status.FOLLOWED_UP),
    Step.CLOSE: ((Status.FOLLOWED_UP,), Status.CLOSED),
    Step.ESCALATE: (OPEN_STATUSES, None),
}


def next_actions(status: str) -> list[Step]:
    """The steps a record in ``status`` may take next, in loop order (the page shows these buttons)."""
    return [a for a, (allowed, _to) in TRANSITIONS.items() if status in allowed]


class TransitionRefused(ConflictError):
    """An illegal step in the loop; the message names the record, its status and what may come next."""

    def text(self) -> str:
        params = dict(self.params)
        params["status"] = translate("DeskStatus", STATUS_LABELS.get(str(params.get("status")), str(params.get("status"))))
        params["action"] = translate("DeskAction", STEP_LABELS.get(str(params.get("action")), str(params.get("action"))))
        nxt = params.get("next")
        params["next"] = join(translate("DeskAction", STEP_LABELS[a]) for a in nxt) if isinstance(nxt, list | tuple) and nxt else translate(
            "Errors", "nothing (the record is closed)"
        )
        return translate(self.context, self.message, **params)


def _open_for(s: Session, actor: Actor, record_id: int, step: Step, expected_version: int | None) -> ServiceRecord:
    """The record, locked for the change; refused when changed since the dialog opened, then when the step
    does not follow its status."""
    rec = _load(s, record_id, actor, for_update=True)
    check_version(s, rec, expected_version, entity="service_record")
    _check_step(rec, step)
    return rec


def _check_step(rec: ServiceRecord, action: Step) -> Status | None:
    allowed, to_status = TRANSITIONS[action]
    if rec.status in allowed:
        return to_status
    nxt = next_actions(rec.status)
    if rec.status == Status.CLOSED:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("Errors", "Record No. {id} is already closed, so you cannot {action} it. If the matter came back, log a new record and link it as a repeat."),
            id=rec.id, status=rec.status, action=action, next=nxt,
        )
    if action == Step.FOLLOW_UP:
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


def _move(s: Session, actor: Actor, rec: ServiceRecord, action: Step, kind: EventKind, *, at: datetime | None,
          note: str = "", event: EventDetails | None = None, **changes) -> ServiceRecord:
    to_status = _check_step(rec, action)
    when = _step_time(rec, at)
    old = _contribution(rec)
    from_status = rec.status
    if to_status is not None:
        changes["status"] = to_status
        if to_status == Status.RESOLVED:
            changes["resolved_at"] = when
        elif to_status == Status.CLOSED:
            changes["closed_at"] = when
    changes["updated_at"] = utcnow()
    audited_update(s, rec, changes, actor=actor, entity="service_record", action=action)
    new = _contribution(rec)
    _bump(s, rec, received=0, delta=[b - a for a, b in zip(old, new, strict=True)])
    _event(s, rec, actor, kind, at=when, from_status=from_status, to_status=rec.status, note=note, **(event or EventDetails()))
    s.flush()
    return rec


def dispatch_record(s: Session, *, actor: Actor, record_id: int, assignee: str, note: str = "",
                    at: datetime | None = None,
                    expected_version: int | None = None) -> ServiceRecord:
    """派单: hand the request to a staff member, grid worker or outside unit."""
    require(actor, HANDLE_REQUESTS)
    rec = _open_for(s, actor, record_id, Step.DISPATCH, expected_version)
    assignee = clean_text(assignee, F_ASSIGNEE, max_len=100, multiline=False)
    if not assignee:
        raise ValidationError(
            F_ASSIGNEE, QT_TRANSLATE_NOOP("Errors", "is blank; write who will handle it (a staff member, grid worker or unit).")
        )
    note = clean_text(note, F_NOTE, max_len=2000)
    return _move(s, actor, rec, Step.DISPATCH, EventKind.DISPATCHED, at=at, note=note, assignee=assignee,
                 event={"assignee": assignee})


def start_record(s: Session, *, actor: Actor, record_id: int, note: str = "", at: datetime | None = None,
                 expected_version: int | None = None) -> ServiceRecord:
    """处置: handling has begun (by the assignee, or by the desk itself)."""
    require(actor, HANDLE_REQUESTS)
    rec = _open_for(s, actor, record_id, Step.START, expected_version)
    note = clean_text(note, F_NOTE, max_len=2000)
    if rec.assignee:
        return _move(s, actor, rec, Step.START, EventKind.STARTED, at=at, note=note)
    return _move(s, actor, rec, Step.START, EventKind.STARTED, at=at, note=note, assignee=(actor.display_name or actor.username)[:100])


def resolve_record(s: Session, *, actor: Actor, record_id: int, result: str, at: datetime | None = None,
                   expected_version: int | None = None) -> ServiceRecord:
    """反馈: the matter is dealt with; ``result`` says how."""
    require(actor, HANDLE_REQUESTS)
    rec = _open_for(s, actor, record_id, Step.RESOLVE, expected_version)
    result = clean_text(result, F_RESULT, max_len=2000)
    if not result:
        raise ValidationError(F_RESULT, QT_TRANSLATE_NOOP("Errors", "is blank; write what was done for the resident."))
    return _move(s, actor, rec, Step.RESOLVE, EventKind.RESOLVED, at=at, note=result)


def follow_up_record(s: Session, *, actor: Actor, record_id: int, satisfaction: str, contact_method: str,
                     comment: str = "", at: datetime | None = None,
                     expected_version: int | None = None) -> ServiceRecord:
    """回访: ask the resident. Dissatisfied sends the record back to in progress (reopened)."""
    require(actor, HANDLE_REQUESTS)
    rec = _open_for(s, actor, record_id, Step.FOLLOW_UP, expected_version)
    if satisfaction not in tuple(Satisfaction):
        raise ValidationError(
            F_SATISFACTION, QT_TRANSLATE_NOOP("Errors", "choose satisfied, basically satisfied or dissatisfied.")
        )
    if contact_method not in tuple(ContactMethod):
        raise ValidationError(
            F_CONTACT, QT_TRANSLATE_NOOP("Errors", "choose phone call, home visit, at the desk or text message.")
        )
    comment = clean_text(comment, F_COMMENT, max_len=2000)
    extra = EventDetails(satisfaction=satisfaction, contact_method=contact_method)
    if satisfaction == Satisfaction.DISSATISFIED:
        if not comment:
            raise ValidationError(
                F_COMMENT, QT_TRANSLATE_NOOP("Errors", "is blank; write what the resident is still unhappy about, so it can be handled again.")
            )
        rec = _move(s, actor, rec, Step.FOLLOW_UP, EventKind.FOLLOWED_UP, at=at, note=comment, satisfaction=satisfaction,
                    event=extra)
        # Reopen: back to handling. The rating stays until the next follow-up replaces it.
        when = _step_time(rec, at)
        audited_update(s, rec, {"status": Status.IN_PROGRESS, "resolved_at": None, "updated_at": utcnow()},
                       actor=actor, entity="service_record", action="reopen")
        _event(s, rec, actor, EventKind.REOPENED, at=when, from_status=Status.FOLLOWED_UP, to_status=Status.IN_PROGRESS,
               note=comment)
        s.flush()
        return rec
    return _move(s, actor, rec, Step.FOLLOW_UP, EventKind.FOLLOWED_UP, at=at, note=comment, satisfaction=satisfaction,
                 event=extra)


def close_record(s: Session, *, actor: Actor, record_id: int, note: str = "", at: datetime | None = None,
                 expected_version: int | None = None) -> ServiceRecord:
    """办结: the loop is complete."""
    require(actor, HANDLE_REQUESTS)
    rec = _open_for(s, actor, record_id, Step.CLOSE, expected_version)
    note = clean_text(note, F_NOTE, max_len=2000)
    return _move(s, actor, rec, Step.CLOSE, EventKind.CLOSED, at=at, note=note)


def escalate_record(s: Session, *, actor: Actor, record_id: int, note: str, at: datetime | None = None,
                    expected_version: int | None = None) -> ServiceRecord:
    """督办: a coordinator presses on an open record (usually an overdue one); the status does not change."""
    require(actor, ESCALATE)
    rec = _open_for(s, actor, record_id, Step.ESCALATE, expected_version)
    note = clean_text(note, F_NOTE, max_len=2000)
    if not note:
        raise ValidationError(F_NOTE, QT_TRANSLATE_NOOP("Errors", "is blank; write what must happen and by when."))
    when = _step_time(rec, at)
    return _move(s, actor, rec, Step.ESCALATE, EventKind.ESCALATED, at=when, note=note, escalated_at=when)
