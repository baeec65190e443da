"""What a passport card shows — at the kiosk after a scan, and at the desk — and the kiosk's check-ins.

The card: the masked name, stamps to spend, earned, this month, level and the next milestone, today's
activities (done or not) and, for volunteers, today's patrols. A scan at the kiosk checks in at once
when exactly one of today's activities is open; otherwise the resident taps one (``kiosk_tap``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, func, select

from desktop_app.core import clock
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.db.scoping import counted_station
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.records import pk
from desktop_app.core.validation import mask_name
from desktop_app.passports.activities import activities_on
from desktop_app.passports.cards import active_passport, passport_for_code, resident_in_station
from desktop_app.passports.honours import ladder, level_for
from desktop_app.passports.models import (
    EARNED_KINDS,
    Activity,
    EntryKind,
    HonourAward,
    MonthTotal,
    Passport,
    PassportStatus,
    Place,
    StampEntry,
)
from desktop_app.passports.patrols import patrols_today
from desktop_app.passports.permissions import KIOSK_USE, VIEW_PASSPORTS
from desktop_app.passports.stamps import StampResult, _month, _stamp
from desktop_app.residents import Resident


@dataclass(frozen=True)
class CardView:
    resident_id: int
    masked_name: str
    initial: str
    name: str
    number: str
    balance: int
    earned: int
    month_stamps: int
    level: str
    next_level: str
    to_next: int  # stamps still needed for the next level (0: top of the ladder)
    today: tuple[tuple[int, str, int, bool], ...] = field(default_factory=tuple)  # (activity id, name, stamps, done)


def _card(s: Session, resident_id: int, number: str, day: date, todays: list[Activity] | None = None,
          actor: Actor | None = None) -> CardView:
    resident = s.get(Resident, resident_id)
    name = resident.name if resident else ""
    sums = dict(s.exec(
        select(StampEntry.kind, func.sum(StampEntry.stamps)).where(StampEntry.resident_id == resident_id).group_by(StampEntry.kind)
    ).all())
    total = sum(v for k, v in sums.items() if k in EARNED_KINDS)
    current, nxt = level_for(total, ladder(s))
    month = s.exec(select(MonthTotal.earned).where(MonthTotal.resident_id == resident_id, MonthTotal.month == _month(day))).first()
    todays = activities_on(s, day, actor) if todays is None else todays
    done = set(s.exec(select(StampEntry.activity_id).where(
        StampEntry.resident_id == resident_id, StampEntry.occurred_on == day, StampEntry.kind == EntryKind.AWARD))) if todays else set()
    return CardView(
        resident_id=resident_id, masked_name=mask_name(name), initial=name[:1], name=name, number=number,
        balance=sum(sums.values()), earned=total, month_stamps=month or 0,
        level=current.name if current else "", next_level=nxt.name if nxt else "",
        to_next=(nxt.threshold - total) if nxt else 0,
        today=tuple((pk(a.id), a.name, a.stamps, a.id in done) for a in todays),
    )


def lookup_card(s: Session, *, actor: Actor, code: str, today: date | None = None) -> CardView:
    """Kiosk: what a scanned passport shows (masked name, stamps, level, next milestone, today's activities)."""
    require(actor, KIOSK_USE)
    passport = passport_for_code(s, code, actor)
    return _card(s, passport.resident_id, passport.number, today or clock.today(), actor=actor)


@dataclass(frozen=True)
class KioskScan:
    """What the kiosk shows after a scan: the card, and the check-in made (or refused) on the way."""

    card: CardView
    result: StampResult | None = None
    refusal: SmileDeskError | None = None
    patrols: tuple = ()  # PatrolSlot of today's rostered patrols


def kiosk_scan(s: Session, *, actor: Actor, code: str, today: date | None = None) -> KioskScan:
    """Scan at the kiosk: show the card and, when exactly one of today's activities is still open for
    this resident, check in to it at once (a second scan of the same card stamps nothing).

    Malformed, unknown and void numbers raise (nothing written). A refused check-in (over a limit,
    full) is returned with the card so the resident still sees their stamps.
    """
    require(actor, KIOSK_USE)
    day = today or clock.today()
    passport = passport_for_code(s, code, actor)
    todays = activities_on(s, day, actor)
    patrols = tuple(patrols_today(s, actor=actor, resident_id=passport.resident_id, today=day))
    if len(todays) != 1:
        return KioskScan(_card(s, passport.resident_id, passport.number, day, todays), patrols=patrols)
    try:
        result = _stamp(
            s, actor=actor, resident_id=passport.resident_id, activity_id=pk(todays[0].id), day=day, place=Place.KIOSK,
            passport_id=passport.id,
        )
    except SmileDeskError as exc:
        return KioskScan(_card(s, passport.resident_id, passport.number, day, todays), refusal=exc, patrols=patrols)
    return KioskScan(_card(s, passport.resident_id, passport.number, day, todays), result=result, patrols=patrols)


def kiosk_check_in(s: Session, *, actor: Actor, code: str, activity_id: int, today: date | None = None) -> StampResult:
    """Kiosk: the scanned passport checks in to one of today's activities."""
    require(actor, KIOSK_USE)
    passport = passport_for_code(s, code, actor)
    return _stamp(
        s, actor=actor, resident_id=passport.resident_id, activity_id=activity_id, day=today or clock.today(),
        place=Place.KIOSK, passport_id=passport.id,
    )


def kiosk_tap(s: Session, *, actor: Actor, code: str, activity_id: int, today: date | None = None) -> KioskScan:
    """Kiosk: the resident tapped one of today's activities on their card. The card comes back with the
    check-in made, or with the reason it was refused (over a limit, full: nothing written)."""
    require(actor, KIOSK_USE)
    day = today or clock.today()
    try:
        result = kiosk_check_in(s, actor=actor, code=code, activity_id=activity_id, today=day)
    except SmileDeskError as exc:
        return KioskScan(lookup_card(s, actor=actor, code=code, today=day), refusal=exc)
    return KioskScan(lookup_card(s, actor=actor, code=code, today=day), result=result)



def card_for_resident(s: Session, *, actor: Actor, resident_id: int, today: date | None = None) -> CardView:
    require(actor, VIEW_PASSPORTS)
    resident_in_station(s, resident_id, actor)
    passport = active_passport(s, resident_id)
    return _card(s, resident_id, passport.number if passport else "", today or clock.today(), actor=actor)


@dataclass(frozen=True)
class Overview:
    active_passports: int
    stamps_today: int
    activities_today: int
    honours_waiting: int


def overview(s: Session, *, actor: Actor, day: date | None = None) -> Overview:
    """Figures for the top of the desk page. Honours waiting for a certificate: those not handed to the
    certificates desk yet, and those waiting there to be issued (the home page and the certificates page
    count the latter among their requests)."""
    require(actor, VIEW_PASSPORTS)
    day = day or clock.today()
    waiting = select(func.count()).select_from(HonourAward).where(HonourAward.certificate_ref == "")
    station = counted_station(s, actor)  # None on a database of one station: no join to count
    if station is not None:  # honours hang off the resident
        waiting = waiting.join(Resident, col(Resident.id) == HonourAward.resident_id).where(Resident.station_id == station)
    return Overview(
        active_passports=s.exec(station_scope(select(func.count()).select_from(Passport).where(Passport.status == PassportStatus.ACTIVE),
                                              Passport.station_id, actor)).one(),
        stamps_today=s.exec(station_scope(select(func.coalesce(func.sum(StampEntry.stamps), 0)).where(
            StampEntry.occurred_on == day, col(StampEntry.kind).in_((EntryKind.AWARD, EntryKind.PATROL))), StampEntry.station_id, actor)).one(),
        activities_today=len(activities_on(s, day, actor)),
        honours_waiting=s.exec(waiting).one() + _honour_requests_pending(s, actor),
    )


def _honour_requests_pending(s: Session, actor: Actor) -> int:
    """Honour certificates queued at the certificates desk and not issued yet (0 without that feature)."""
    try:
        from desktop_app.certificates.figures import pending_requests
    except ImportError:
        return 0
    return pending_requests(s, actor=actor, source="passports")
