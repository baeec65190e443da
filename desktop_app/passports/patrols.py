"""Patrol stamps (巡逻印章): volunteers earn stamps for completed patrols of the rosters feature — by a
sweep over finished check-ins, or at once when they check out at the kiosk — and see today's patrols there.

Check-ins belong to rosters (read and written through ``desktop_app.rosters``); a patrol stamp carries the
check-in as its ``source_ref``, which is unique, so the sweep and the kiosk never award a patrol twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, and_, cast, exists, literal
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from desktop_app.core import audit, clock
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.errors import NotFound
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import pk
from desktop_app.passports.cards import passport_for_code
from desktop_app.passports.honours import _check_honours
from desktop_app.passports.models import EntryKind, Place, StampEntry
from desktop_app.passports.permissions import KIOSK_USE, PATROL_STAMPS
from desktop_app.passports.settings import patrol_stamps
from desktop_app.passports.stamps import _append, _month

PATROL_REF = "rosters.checkin:"


def sweep_patrol_stamps(
    s: Session, *, actor: Actor, since: date | None = None, progress: Progress = NO_PROGRESS
) -> int:
    """Award stamps for completed patrols (checked in and out, not a no-show). Idempotent by source_ref.

    Reads rosters' CheckIn / Shift / Volunteer tables; returns the number of stamps entries written.
    """
    require(actor, PATROL_STAMPS)
    try:
        from desktop_app.rosters import CheckIn, Shift, Volunteer
    except ImportError:
        return 0
    per_patrol: dict[int | None, int] = {}  # each station's own setting
    ref = literal(PATROL_REF) + cast(CheckIn.id, String)
    done = exists().where(col(StampEntry.source_ref) == ref)
    q = (  # five columns: SQLAlchemy's select (SQLModel's is typed for up to four)
        sa_select(col(CheckIn.id), col(Volunteer.resident_id), col(Shift.date), col(Shift.period), col(Volunteer.station_id))
        .join(Volunteer, col(Volunteer.id) == CheckIn.volunteer_id)
        .join(Shift, col(Shift.id) == CheckIn.shift_id)
        .where(col(CheckIn.check_in_at).is_not(None), col(CheckIn.check_out_at).is_not(None),
               col(CheckIn.no_show) == False, ~done)  # noqa: E712
    )
    if since is not None:
        q = q.where(col(Shift.date) >= since)
    q = station_scope(q, Volunteer.station_id, actor)  # staff sweep their station's volunteers
    rows = s.execute(q.order_by(col(CheckIn.id))).all()
    written = 0
    for i, (checkin_id, resident_id, day, period, station_id) in enumerate(rows):
        if i % 200 == 0:
            progress(i, len(rows), "")
        if station_id not in per_patrol:
            per_patrol[station_id] = patrol_stamps(s, station_id=station_id)
        if _award_patrol(s, actor, checkin_id, resident_id, day, period, per_patrol[station_id], station_id) is not None:
            written += 1
    if written:
        audit.record(s, actor=actor, action="patrol_stamps", entity="passport_stamp", entity_id="", after={"entries": written})
    progress(len(rows), len(rows), "")
    return written


def _award_patrol(
    s: Session, actor: Actor, checkin_id: int, resident_id: int, day: date, period: str, stamps: int,
    station_id: int | None = None,
) -> StampEntry | None:
    """The rule's stamp for one completed patrol; None when it was awarded before (same source_ref).
    The entry belongs to the volunteer's station (``station_id``), else the actor's."""
    entry = StampEntry(
        resident_id=resident_id, occurred_on=day, month=_month(day), kind=EntryKind.PATROL, stamps=stamps,
        reason=f"{period}", source_ref=f"{PATROL_REF}{checkin_id}", actor_id=actor.id, actor_name=actor.username,
        station_id=station_id if station_id is not None else actor.station_id, place=Place.PATROL_RULE,
    )
    try:
        with s.begin_nested():
            _append(s, entry)
    except IntegrityError:
        return None
    _check_honours(s, actor, resident_id)
    return entry


@dataclass(frozen=True)
class PatrolSlot:
    """One of today's patrol shifts of the volunteer holding the scanned passport."""

    shift_id: int
    volunteer_id: int
    team: str
    period: str
    starts_at: object
    ends_at: object
    checked_in: bool
    checked_out: bool


def patrols_today(s: Session, *, actor: Actor, resident_id: int, today: date | None = None) -> list[PatrolSlot]:
    """Today's rostered patrols of this resident (empty when rosters is absent or they do not volunteer)."""
    require(actor, KIOSK_USE)
    try:
        from desktop_app.rosters import Assignment, CheckIn, Shift, Team, Volunteer
    except ImportError:
        return []
    day = today or clock.today()
    rows = s.exec(
        select(Shift, Volunteer.id, Team.name, CheckIn)
        .join(Assignment, col(Assignment.shift_id) == Shift.id)
        .join(Volunteer, col(Volunteer.id) == Assignment.volunteer_id)
        .join(Team, col(Team.id) == Shift.team_id)
        .join(CheckIn, and_(col(CheckIn.shift_id) == Shift.id, col(CheckIn.volunteer_id) == Volunteer.id), isouter=True)
        .where(Volunteer.resident_id == resident_id, Volunteer.active == True, Shift.date == day, Shift.cancelled == False)  # noqa: E712
        .order_by(col(Shift.starts_at))
    ).all()
    return [
        PatrolSlot(pk(sh.id), pk(vid), team, sh.period, sh.starts_at, sh.ends_at,
                   bool(ci and ci.check_in_at), bool(ci and ci.check_out_at))
        for sh, vid, team, ci in rows
    ]


def kiosk_patrol(
    s: Session, *, actor: Actor, code: str, shift_id: int, check_out: bool = False, today: date | None = None
) -> StampEntry | None:
    """Kiosk: the scanned volunteer checks in to (or out of) today's patrol through the rosters feature.

    Checking out completes the patrol, so the rule's patrol stamp is awarded at once (idempotent with
    ``sweep_patrol_stamps``). Returns that stamp entry on check-out.
    """
    require(actor, KIOSK_USE)
    from desktop_app import rosters

    passport = passport_for_code(s, code, actor)
    day = today or clock.today()
    slot = next((p for p in patrols_today(s, actor=actor, resident_id=passport.resident_id, today=day) if p.shift_id == shift_id), None)
    if slot is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "You are not on this patrol today; please ask at the desk."))
    if not check_out:
        rosters.check_in(s, actor=actor, shift_id=shift_id, volunteer_id=slot.volunteer_id, method="scan")
        return None
    rosters.check_out(s, actor=actor, shift_id=shift_id, volunteer_id=slot.volunteer_id)
    checkin = s.exec(select(rosters.CheckIn).where(
        rosters.CheckIn.shift_id == shift_id, rosters.CheckIn.volunteer_id == slot.volunteer_id)).one()
    return _award_patrol(s, actor, pk(checkin.id), passport.resident_id, day, slot.period,
                         patrol_stamps(s, station_id=passport.station_id))
