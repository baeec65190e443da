"""Deadlines (时限 / 超期 / 督办): how a record stands against its deadline, and the escalation list of open
records past it. Deadlines are working days from receipt (core.workdays), set when the record is logged."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from desktop_app.core.auth import Actor
from desktop_app.core.clock import utcnow
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk.lists import RecordRow, list_open
from desktop_app.desk.models import DeadlineState, ServiceRecord, Status


def overdue(s: Session, *, actor: Actor, now: datetime | None = None, limit: int = 500) -> list[RecordRow]:
    """The escalation list (督办): open records past their deadline, the longest overdue first."""
    return list_open(s, actor=actor, overdue_at=now or utcnow(), limit=limit)


def deadline_state(row: RecordRow | ServiceRecord, now: datetime, cal: WorkCalendar) -> DeadlineState:
    """Overdue, due soon (due today or on the next working day), open, or done (closed)."""
    if row.status == Status.CLOSED:
        return DeadlineState.DONE
    if row.due_at < now:
        return DeadlineState.OVERDUE
    today = now.astimezone().date()
    if row.due_at.astimezone().date() <= cal.add_workdays(today, 1):
        return DeadlineState.DUE_SOON
    return DeadlineState.OPEN
