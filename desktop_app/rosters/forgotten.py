"""Forgotten check-outs: a patrol still open two hours after its scheduled end is closed at the scheduled end
and its hours credited (reason "auto-closed"), flagged for a coordinator, who confirms it or says when the
volunteer really left — the difference is a new correction entry (the ledger is append-only).

``close_forgotten`` runs whenever the rosters page's day tab or the home page is read (after ``forgotten_due``
found something to close: nothing to close, no write), and from ``smiledesk patrols-close`` (a scheduled task):
nobody has to click "close patrol" for hours to count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, pk
from desktop_app.core.validation import clean_text
from desktop_app.residents import Resident
from desktop_app.rosters.common import F_REASON, local_end, local_start
from desktop_app.rosters.hours import credit
from desktop_app.rosters.models import CheckIn, HoursEntry, Shift, Team, Volunteer
from desktop_app.rosters.permissions import CHECK_IN_VOLUNTEERS, CORRECT_HOURS, VIEW_ROSTERS

GRACE = timedelta(hours=2)  # after the scheduled end; check-in closes at the same time (attendance.check_in)
AUTO_CLOSED = "auto-closed"  # the hours entry's reason (labels.reason_label shows it in words)
F_LEFT_AT = QT_TRANSLATE_NOOP("Fields", "Left at")


def _station_teams(actor: Actor):
    return select(Team.id).where(Team.station_id == actor.station_id)


def _open_after_grace(s: Session, actor: Actor, now: datetime, *, lock: bool) -> list[tuple[CheckIn, Shift]]:
    """Check-ins still open ``GRACE`` after their patrol's scheduled end, oldest first."""
    latest_day = (now - GRACE).astimezone().date()
    # The open check-ins alone first, from their partial index (models.CheckIn), then their patrols: in one
    # join SQLite started from every patrol of the station up to today (issue 21: 30 ms a refresh).
    still_open = (col(CheckIn.check_in_at).is_not(None), col(CheckIn.check_out_at).is_(None))
    ids = list(s.exec(select(CheckIn.id).where(*still_open)))
    if not ids:
        return []
    q = (select(CheckIn, Shift).join(Shift, col(Shift.id) == CheckIn.shift_id)
         .where(col(CheckIn.id).in_(ids), *still_open, Shift.date <= latest_day)
         .order_by(col(Shift.date), col(CheckIn.id)))
    if actor.station_id is not None:
        q = q.where(col(Shift.team_id).in_(_station_teams(actor)))
    if lock:
        # Several PCs on one server run this as their pages refresh: a check-in another transaction is closing
        # (or checking out) is left to it, never credited twice (SQLite queues writers already: BEGIN IMMEDIATE).
        q = q.with_for_update(of=CheckIn, skip_locked=True).execution_options(populate_existing=True)
    return [(row, sh) for row, sh in s.exec(q).all() if local_end(sh) + GRACE <= now]

def forgotten_due(s: Session, *, actor: Actor, now: datetime | None = None) -> int:
    """How many check-ins ``close_forgotten`` would close now (a read: pages ask it first and write only when
    there is something to close, so a refresh that changes nothing is no write; core.memo.FigureMemo stays fresh)."""
    require(actor, CHECK_IN_VOLUNTEERS)
    return len(_open_after_grace(s, actor, now or utcnow(), lock=False))


def close_forgotten(s: Session, *, actor: Actor, now: datetime | None = None) -> list[HoursEntry]:
    """Close every check-in still open ``GRACE`` after its patrol's scheduled end: checked out at the end
    (or at the check-in, if that came later), hours credited, flagged for review. Returns the entries."""
    require(actor, CHECK_IN_VOLUNTEERS)
    now = now or utcnow()
    out = []
    for row, sh in _open_after_grace(s, actor, now, lock=True):
        end = local_end(sh)
        assert row.check_in_at is not None  # the query's condition (checked in, not out)
        at = max(end, row.check_in_at)
        audited_update(s, row, {"check_out_at": at, "auto_closed": True}, actor=actor, entity="roster_checkin",
                       action="auto_close")
        planned = int((end - local_start(sh)).total_seconds() // 60)
        served = int((at - row.check_in_at).total_seconds() // 60)
        out.append(credit(s, actor=actor, sh=sh, volunteer_id=row.volunteer_id, minutes=max(0, min(served, planned + 60)),
                          reason=AUTO_CLOSED))
    return out


@dataclass(frozen=True)
class AutoClosed:
    """A check-out the program made, waiting for a coordinator."""

    checkin_id: int
    volunteer_id: int
    name: str
    team: str
    day: date
    period: str
    check_in_at: datetime
    closed_at: datetime
    minutes: int  # credited so far (actual minutes, before the multiplier)
    entry_id: int | None


def to_review(s: Session, *, actor: Actor) -> list[AutoClosed]:
    """Check-outs closed automatically that nobody has confirmed or corrected yet, oldest first."""
    require(actor, VIEW_ROSTERS)
    q = (select(CheckIn, Shift, Team.name, Resident.name)
         .join(Shift, col(Shift.id) == CheckIn.shift_id).join(Team, col(Team.id) == Shift.team_id)
         .join(Volunteer, col(Volunteer.id) == CheckIn.volunteer_id).join(Resident, col(Resident.id) == Volunteer.resident_id)
         .where(CheckIn.auto_closed == True, col(CheckIn.reviewed_at).is_(None))  # noqa: E712
         .order_by(col(Shift.date), col(CheckIn.id)))
    if actor.station_id is not None:
        q = q.where(Team.station_id == actor.station_id)
    rows = s.exec(q).all()
    entries = {}
    if rows:
        for e in s.exec(select(HoursEntry).where(col(HoursEntry.shift_id).in_({sh.id for _c, sh, _t, _n in rows}),
                                                  HoursEntry.reason == AUTO_CLOSED)):
            entries[(e.shift_id, e.volunteer_id)] = e
    out = []
    for c, sh, team, name in rows:
        assert c.check_in_at is not None and c.check_out_at is not None  # set by close_forgotten (and correct)
        entry = entries.get((sh.id, c.volunteer_id))
        out.append(AutoClosed(pk(c.id), c.volunteer_id, name, team, sh.date, sh.period, c.check_in_at, c.check_out_at,
                              entry.minutes if entry else 0, entry.id if entry else None))
    return out


def waiting(s: Session, *, actor: Actor) -> int:
    """How many automatic check-outs wait for a coordinator (the home page's reminder)."""
    require(actor, VIEW_ROSTERS)
    # The waiting ones alone first, from their partial index (models.CheckIn), then whose they are: joined to
    # the patrols, SQLite started from every patrol of the station (issue 21: 20 ms a refresh).
    shift_ids = list(s.exec(select(CheckIn.shift_id).where(CheckIn.auto_closed == True,  # noqa: E712
                                                           col(CheckIn.reviewed_at).is_(None))))
    if not shift_ids or actor.station_id is None:
        return len(shift_ids)
    mine = set(s.exec(select(Shift.id).where(col(Shift.id).in_(set(shift_ids)), col(Shift.team_id).in_(_station_teams(actor)))))
    return sum(1 for sid in shift_ids if sid in mine)

def _flagged(s: Session, actor: Actor, checkin_id: int) -> tuple[CheckIn, Shift]:
    # locked and read afresh: two coordinators correcting the same check-out at once make one correction
    row = s.exec(select(CheckIn).where(CheckIn.id == checkin_id).with_for_update()
                 .execution_options(populate_existing=True)).first()
    sh = s.get(Shift, row.shift_id) if row is not None else None
    team = s.get(Team, sh.team_id) if sh is not None else None
    if row is None or sh is None or team is None or (actor.station_id is not None and team.station_id != actor.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That check-in no longer exists."))
    if not row.auto_closed or row.reviewed_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This check-out was already confirmed or corrected."))
    return row, sh


def confirm(s: Session, *, actor: Actor, checkin_id: int) -> CheckIn:
    """The automatic close was right: the volunteer left at the scheduled end."""
    require(actor, CORRECT_HOURS)
    row, _sh = _flagged(s, actor, checkin_id)
    return audited_update(s, row, {"reviewed_at": utcnow(), "reviewed_by": actor.id}, actor=actor, entity="roster_checkin",
                          action="confirm_auto_close")


def correct(s: Session, *, actor: Actor, checkin_id: int, left_at: datetime, reason: str = "") -> HoursEntry | None:
    """The volunteer really left at ``left_at``: the hours credited change by a new correction entry (with
    the patrol's multiplier), the check-out time is set, and the flag is cleared. None: nothing to correct."""
    require(actor, CORRECT_HOURS)
    row, sh = _flagged(s, actor, checkin_id)
    assert row.check_in_at is not None  # an automatic check-out closed a check-in (close_forgotten)
    if left_at.tzinfo is None:
        left_at = left_at.astimezone()
    if left_at < row.check_in_at or left_at > local_end(sh) + timedelta(hours=12):
        raise ValidationError(F_LEFT_AT, QT_TRANSLATE_NOOP(
            "Errors", "must be between the check-in ({start}) and twelve hours after the patrol's end ({end})."),
            start=row.check_in_at.astimezone().strftime("%m-%d %H:%M"), end=local_end(sh).strftime("%m-%d %H:%M"))
    # the station's own words when none are given (ledger reasons are the station's data, in Chinese)
    reason = (clean_text(reason, F_REASON, max_len=200, required=False, multiline=False)
              or f"实际{left_at.astimezone():%H:%M}离开")
    auto = s.exec(select(HoursEntry).where(HoursEntry.shift_id == sh.id, HoursEntry.volunteer_id == row.volunteer_id,
                                           HoursEntry.reason == AUTO_CLOSED)).first()
    planned = int((local_end(sh) - local_start(sh)).total_seconds() // 60)
    served = max(0, min(int((left_at - row.check_in_at).total_seconds() // 60), planned + 60))
    entry = None
    delta = served - (auto.minutes if auto else 0)
    if delta:
        factor = auto.multiplier if auto else 1.0
        entry = HoursEntry(volunteer_id=row.volunteer_id, shift_id=sh.id, served_on=sh.date, minutes=delta,
                           multiplier=factor, credited_minutes=round(delta * factor), reason=reason[:200],
                           corrects_id=auto.id if auto else None, created_by=actor.id)
        s.add(entry)
        s.flush()
        audit.record(s, actor=actor, action="correct", entity="roster_hours_entry", entity_id=entry.id, after=entry)
    audited_update(s, row, {"check_out_at": left_at, "reviewed_at": utcnow(), "reviewed_by": actor.id}, actor=actor,
                   entity="roster_checkin", action="correct_auto_close")
    return entry
