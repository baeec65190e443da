"""Desk requests follow the work calendar: when holidays change, an open request's deadline keeps its
number of working days from the day it was received (a holiday added inside it pushes it later, one
removed brings it earlier). Closed requests never change. (core.workdays.CalendarFollower)"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update
from desktop_app.core.workdays import CalendarChange, Move, move
from desktop_app.desk.models import OPEN_STATUSES, ServiceRecord

AREA = QT_TRANSLATE_NOOP("Calendar", "Desk requests")
DUE_MOVES = QT_TRANSLATE_NOOP("Calendar", "No. {id} “{summary}”: due {before} → {after} ({n} working days from {received})")


def _end_of(day) -> datetime:
    return datetime.combine(day, time(23, 59, 59)).astimezone().astimezone(UTC)


class DeskFollower:
    def follow(self, s: Session, *, actor: Actor, change: CalendarChange, apply: bool) -> list[Move]:
        days = change.changed
        if not days:
            return []
        first, last = min(days), max(days)
        # a changed day X moves a deadline only when received < X <= due
        q = select(ServiceRecord).where(
            col(ServiceRecord.status).in_(OPEN_STATUSES),
            ServiceRecord.received_at < _end_of(last),
            ServiceRecord.due_at >= _end_of(first - timedelta(days=1)),
        ).order_by(ServiceRecord.due_at, ServiceRecord.id)
        out = []
        for rec in s.exec(q):
            received = rec.received_at.astimezone().date()
            due = rec.due_at.astimezone().date()
            n = change.before.workdays_between(received, due)
            if n <= 0:
                continue
            new_due = change.after.add_workdays(received, n)
            if new_due == due:
                continue
            out.append(move(AREA, due, DUE_MOVES, id=rec.id, summary=rec.summary[:30], before=due.isoformat(),
                            after=new_due.isoformat(), n=n, received=received.isoformat()))
            if apply:
                audited_update(s, rec, {"due_at": _end_of(new_due)}, actor=actor, entity="service_record",
                               action="calendar_change")
        return out


FOLLOWER = DeskFollower()
