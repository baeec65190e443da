"""Passport cards: issue, report lost, replace; find the passport behind a scanned or typed code; what
printed cards show.

A passport belongs to a resident; its number (codes.py) is what the card, its QR code and the kiosk carry.
A lost or replaced card's number stops working at once; stamps belong to the resident and carry over.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from desktop_app.core import audit, clock
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import in_station, station_scope
from desktop_app.core.errors import ConflictError, NotFound, SmileDeskError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, get_scoped
from desktop_app.core.validation import clean_text
from desktop_app.passports import codes
from desktop_app.passports.models import Passport, PassportStatus
from desktop_app.passports.permissions import ISSUE_PASSPORTS, VIEW_PASSPORTS
from desktop_app.residents import Resident

RESIDENT_GONE = QT_TRANSLATE_NOOP("Errors", "That resident no longer exists.")
PASSPORT_GONE = QT_TRANSLATE_NOOP("Errors", "That passport no longer exists.")
F_REASON = QT_TRANSLATE_NOOP("Fields", "Reason")


def resident_in_station(s: Session, resident_id: int, actor: Actor) -> Resident:
    """The resident, if of the actor's station (docs/postgres.md §5) and not erased; NotFound otherwise."""
    return get_scoped(s, Resident, resident_id, actor=actor, gone=RESIDENT_GONE)


def active_passport(s: Session, resident_id: int) -> Passport | None:
    return s.exec(
        select(Passport).where(Passport.resident_id == resident_id, Passport.status == PassportStatus.ACTIVE).order_by(col(Passport.id).desc())
    ).first()


def _new_number(s: Session, rng: random.Random | None) -> str:
    for _ in range(50):
        number = codes.random_number(rng)
        if s.exec(select(Passport.id).where(Passport.number == number)).first() is None:
            return number
    raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Could not find a free passport number; try again."))


def issue_passport(
    s: Session, *, actor: Actor, resident_id: int, today: date | None = None, rng: random.Random | None = None
) -> Passport:
    require(actor, ISSUE_PASSPORTS)
    resident = resident_in_station(s, resident_id, actor)
    current = active_passport(s, resident_id)
    if current is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{name} already has passport {number}. Replace it if the card is lost."),
            existing_id=current.id, name=resident.name, number=codes.display(current.number),
        )
    passport = Passport(
        resident_id=resident_id, station_id=actor.station_id, number=_new_number(s, rng), issued_on=today or clock.today()
    )
    s.add(passport)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="passport", entity_id=passport.id, after=passport)
    return passport


def report_lost(s: Session, *, actor: Actor, passport_id: int, reason: str = "") -> Passport:
    """The card is lost: its number stops working at once (the kiosk refuses it)."""
    require(actor, ISSUE_PASSPORTS)
    passport = get_scoped(s, Passport, passport_id, actor=actor, gone=PASSPORT_GONE, for_update=True)
    if passport.status != PassportStatus.ACTIVE:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This passport is not active any more; nothing to report."))
    changes = {"status": PassportStatus.LOST, "voided_at": clock.utcnow(),
               "void_reason": clean_text(reason, F_REASON, max_len=200, multiline=False)}
    return audited_update(s, passport, changes, actor=actor, entity="passport", action="lost")


def replace_passport(
    s: Session, *, actor: Actor, passport_id: int, reason: str = "", today: date | None = None,
    rng: random.Random | None = None,
) -> Passport:
    """A new card with a new number; the old number is void. Stamps belong to the resident, so all carry over."""
    require(actor, ISSUE_PASSPORTS)
    old = get_scoped(s, Passport, passport_id, actor=actor, gone=PASSPORT_GONE, for_update=True)
    if old.status == PassportStatus.REPLACED:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This passport was already replaced; replace the newest one instead."))
    audited_update(s, old, {
        "status": PassportStatus.REPLACED, "voided_at": old.voided_at or clock.utcnow(),
        "void_reason": clean_text(reason, F_REASON, max_len=200, multiline=False) or old.void_reason,
    }, actor=actor, entity="passport", action="replace")
    new = Passport(
        resident_id=old.resident_id, station_id=actor.station_id, number=_new_number(s, rng),
        issued_on=today or clock.today(), replaces_id=old.id,
    )
    s.add(new)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="passport", entity_id=new.id, after=new)
    return new


def passports_of(s: Session, *, actor: Actor, resident_id: int) -> list[Passport]:
    require(actor, VIEW_PASSPORTS)
    resident_in_station(s, resident_id, actor)
    return list(s.exec(select(Passport).where(Passport.resident_id == resident_id).order_by(col(Passport.id).desc())))


def passport_for_code(s: Session, code: str, actor: Actor | None = None) -> Passport:
    """The active passport for scanned/typed text, or a specific, translated refusal.

    With ``actor``, only a passport of the actor's station is found (docs/postgres.md §5)."""
    number = codes.parse_code(code)
    passport = s.exec(select(Passport).where(Passport.number == number)).first()
    if passport is None or (actor is not None and not in_station(actor, passport.station_id)):
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "No passport has the number {number}. Please ask at the desk."),
            number=codes.display(number),
        )
    if passport.status == PassportStatus.LOST:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Passport {number} was reported lost and no longer works. Please ask at the desk for a new card."),
            number=codes.display(number),
        )
    if passport.status == PassportStatus.REPLACED:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Passport {number} has been replaced by a newer card; please use the new card."),
            number=codes.display(number),
        )
    return passport


def resolve_code(s: Session, code: str) -> int | None:
    """Passport number or scanned payload → resident id (None when malformed, unknown or void).

    Offered to other features as ``interfaces.PassportCodes``.
    """
    try:
        return passport_for_code(s, code).resident_id
    except SmileDeskError:
        return None


def card_items(
    s: Session, *, actor: Actor, passport_ids: Sequence[int] | None = None, issued_on: date | None = None
):
    """What printed cards show, for the given passports or every active passport issued on a day (a read:
    nothing is recorded until the cards are printed, ``papers.card_paper``)."""
    from desktop_app.core.auth import first_station
    from desktop_app.passports.pdf import CardItem

    require(actor, ISSUE_PASSPORTS)
    q = select(Passport, Resident.name).join(Resident, col(Resident.id) == Passport.resident_id).where(Passport.status == PassportStatus.ACTIVE)
    q = station_scope(q, Passport.station_id, actor)
    if passport_ids is not None:
        q = q.where(col(Passport.id).in_(list(passport_ids)))
    if issued_on is not None:
        q = q.where(Passport.issued_on == issued_on)
    from desktop_app.core.models import Station

    station = s.get(Station, actor.station_id) if actor.station_id is not None else first_station(s)
    rows = s.exec(q.order_by(Passport.id)).all()
    # Recorded as printed (audit "print", entity "passport") only once a printer accepted the job (ui.printing).
    return [CardItem(name=name, number=p.number, issued_on=p.issued_on, station=station.name if station else "") for p, name in rows]
