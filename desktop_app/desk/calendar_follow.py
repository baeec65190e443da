"""Desk requests follow the work calendar: when holidays change, an open request's deadline keeps its
number of working days from the day it was received (a holiday added inside it pushes it later, one
removed brings it earlier). Closed requests never change. (core.workdays.CalendarFollower)

Thousands of open requests can move at once: they are read as plain columns, the working days are
counted once per (received, due) pair, and the moves are written as one UPDATE per new deadline with one
audit entry listing every record's old and new deadline."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor
from desktop_app.core.clock import utcnow
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import pk
from desktop_app.core.workdays import CalendarChange, Move, move
from desktop_app.desk.models import OPEN_STATUSES, ServiceRecord

AREA = QT_TRANSLATE_NOOP("Calendar", "Desk requests")
DUE_MOVES = QT_TRANSLATE_NOOP("Calendar", "No. {id} “{summary}”: due {before} → {after} ({n} working days from {received})")


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59)).astimezone().astimezone(UTC)


class DeskFollower:
    def follow(self, s: Session, *, actor: Actor, change: CalendarChange, apply: bool) -> list[Move]:
        days = change.changed
        if not days:
            return []
        first, last = min(days), max(days)
        R = ServiceRecord
        # a changed day X moves a deadline only when received < X <= due
        rows = s.exec(select(R.id, R.received_at, R.due_at, R.summary).where(
            col(R.status).in_(OPEN_STATUSES), R.received_at < _end_of(last), R.due_at >= _end_of(first - timedelta(days=1)),
        ).order_by(col(R.due_at), col(R.id))).all()
        memo: dict[tuple[date, date], tuple[int, date]] = {}
        out = []
        moved: dict[date, list[int]] = defaultdict(list)
        listed: dict[str, list[str]] = {}
        for rid, received_at, due_at, summary in rows:
            received, due = received_at.astimezone().date(), due_at.astimezone().date()
            if (received, due) not in memo:
                n = change.before.workdays_between(received, due)
                memo[(received, due)] = (n, change.after.add_workdays(received, n) if n > 0 else due)
            n, new_due = memo[(received, due)]
            if n <= 0 or new_due == due:
                continue
            out.append(move(AREA, due, DUE_MOVES, id=rid, summary=(summary or "")[:30], before=due.isoformat(),
                            after=new_due.isoformat(), n=n, received=received.isoformat()))
            moved[new_due].append(pk(rid))
            listed[str(rid)] = [due.isoformat(), new_due.isoformat()]
        if apply and moved:
            now = utcnow()
            for new_due, ids in moved.items():
                for i in range(0, len(ids), 500):
                    s.exec(update(R).where(col(R.id).in_(ids[i:i + 500]))
                           .values(due_at=_end_of(new_due), version=R.version + 1, updated_at=now))
            audit.record(s, actor=actor, action="calendar_change", entity="service_record", entity_id="due_at",
                         after={"records": listed})
        return out


FOLLOWER = DeskFollower()
