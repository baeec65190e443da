"""On the day: check-in (at the desk, by scanning, on someone's behalf), check-out with hours
credited, closing a patrol, no-shows.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update
from desktop_app.rosters.common import (
    get_assignment,
    get_shift,
    local_end,
    local_start,
    volunteer_name,
)
from desktop_app.rosters.hours import credit
from desktop_app.rosters.models import (
    CheckIn,
    CheckInMethod,
    HoursEntry,
)
from desktop_app.rosters.permissions import (
    CHECK_IN_VOLUNTEERS,
    MARK_ATTENDANCE,
)

LATE_GRACE_MIN = 5  # minutes after the start before an arrival counts as late


def check_in(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, at: datetime | None = None,
             method: str = CheckInMethod.DESK) -> CheckIn:
    """The volunteer arrived. ``method`` "behalf" (staff sign in for someone without a phone) needs a
    staff role. Late arrivals (more than 5 minutes after the start) are recorded in minutes."""
    require(actor, CHECK_IN_VOLUNTEERS)
    if method == CheckInMethod.BEHALF:
        require(actor, MARK_ATTENDANCE)
    if method not in tuple(CheckInMethod):
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Check-in method"),
                              QT_TRANSLATE_NOOP("Errors", "choose at the desk, by scanning, or on the volunteer's behalf."))
    sh = get_shift(s, shift_id, actor)
    a = get_assignment(s, shift_id, volunteer_id)
    at = at or utcnow()
    if at.tzinfo is None:  # a time without a zone is the station's local time
        at = at.astimezone()
    name = volunteer_name(s, volunteer_id)
    if at < local_start(sh) - timedelta(hours=2) or at > local_end(sh) + timedelta(hours=2):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This patrol is on {day} {start}–{end}; check-in is open from two hours before to two hours after."),
                            day=sh.date.isoformat(), start=sh.starts_at.strftime("%H:%M"), end=sh.ends_at.strftime("%H:%M"))
    row = s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == volunteer_id)).first()
    if row is not None and row.check_in_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} checked in already at {time}."), name=name,
                            time=row.check_in_at.astimezone().strftime("%H:%M"))
    late = max(0, int((at - local_start(sh)).total_seconds() // 60))
    late = late if late > LATE_GRACE_MIN else 0
    before = audit.snapshot(row) if row else None
    if row is None:
        row = CheckIn(assignment_id=a.id, shift_id=shift_id, volunteer_id=volunteer_id)
    row.check_in_at, row.no_show, row.late_minutes, row.method, row.recorded_by = at, False, late, method, actor.id
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="check_in", entity="roster_checkin", entity_id=row.id, before=before, after=row)
    return row


def check_out(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, at: datetime | None = None) -> HoursEntry:
    """The volunteer left: hours are credited from check-in to check-out (at most the planned length
    plus an hour), times the multiplier for holidays / evenings."""
    require(actor, CHECK_IN_VOLUNTEERS)
    sh = get_shift(s, shift_id, actor)
    # locked and read afresh: a check-out racing the automatic close (or another PC) credits the hours once
    row = s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == volunteer_id)
                 .with_for_update().execution_options(populate_existing=True)).first()
    name = volunteer_name(s, volunteer_id)
    if row is None or row.check_in_at is None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} has not checked in to this patrol."), name=name)
    if row.check_out_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} checked out already."), name=name)
    at = at or utcnow()
    if at < row.check_in_at:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Check-out time"), QT_TRANSLATE_NOOP("Errors", "is before the check-in time."))
    audited_update(s, row, {"check_out_at": at}, actor=actor, entity="roster_checkin", action="check_out")
    planned = int((local_end(sh) - local_start(sh)).total_seconds() // 60)
    served = int((at - row.check_in_at).total_seconds() // 60)
    return credit(s, actor=actor, sh=sh, volunteer_id=volunteer_id, minutes=max(0, min(served, planned + 60)), reason="check-out")


def credit_planned(s: Session, *, actor: Actor, shift_id: int) -> list[HoursEntry]:
    """Close a patrol: everyone checked in but not out is credited the planned duration."""
    require(actor, MARK_ATTENDANCE)
    sh = get_shift(s, shift_id, actor)
    planned = int((local_end(sh) - local_start(sh)).total_seconds() // 60)
    out = []
    for row in s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.check_in_at != None, CheckIn.check_out_at == None)  # noqa: E711
                      .with_for_update().execution_options(populate_existing=True)).all():
        row.check_out_at = datetime.combine(sh.date, sh.ends_at).astimezone()
        s.add(row)
        out.append(credit(s, actor=actor, sh=sh, volunteer_id=row.volunteer_id, minutes=planned, reason="planned"))
    return out


def mark_no_show(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int) -> CheckIn:
    require(actor, MARK_ATTENDANCE)
    get_shift(s, shift_id, actor)
    a = get_assignment(s, shift_id, volunteer_id)
    row = s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == volunteer_id)).first()
    if row is not None and row.check_in_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} checked in; a person who came cannot be a no-show."),
                            name=volunteer_name(s, volunteer_id))
    if row is None:
        row = CheckIn(assignment_id=a.id, shift_id=shift_id, volunteer_id=volunteer_id)
    row.no_show, row.recorded_by, row.method = True, actor.id, CheckInMethod.DESK
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="no_show", entity="roster_checkin", entity_id=row.id, after=row)
    return row
