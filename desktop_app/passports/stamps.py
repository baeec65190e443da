"""The stamp ledger (印章台账): stamping a resident for an activity, correcting an entry, a resident's ledger
page, balances, and the month totals kept in step with every ledger write.

Every function takes the caller's session and the signed-in ``actor``, checks the permission first and
writes the audit log in the same transaction. Nothing is written when a request is refused.

The ledger is append-only: a correction is a new entry with the opposite sign (the original stays).
Stamping is idempotent: the ledger has a UNIQUE (resident, activity, day, kind) constraint, so a second
scan — from the same kiosk, a second kiosk or the desk, in another process — can never add a second
award; the insert runs in a savepoint and an IntegrityError is reported as "already stamped".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from desktop_app.core import audit, clock
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import get_scoped, pk
from desktop_app.core.validation import clean_text
from desktop_app.passports.activities import ACTIVITY_GONE, F_ACTIVITY, occurs_on
from desktop_app.passports.cards import F_REASON, active_passport, resident_in_station
from desktop_app.passports.honours import _check_honours
from desktop_app.passports.models import (
    EARNED_KINDS,
    Activity,
    EntryKind,
    MonthTotal,
    Place,
    Redemption,
    Reward,
    StampEntry,
)
from desktop_app.passports.permissions import AWARD_STAMPS, CORRECT_STAMPS, PATROL_STAMPS, VIEW_PASSPORTS
from desktop_app.passports.settings import daily_cap


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _bump_month(s: Session, resident_id: int, month: str, delta: int) -> None:
    """Add ``delta`` earned stamps to the month total (an upsert, in the ledger write's transaction)."""
    from sqlalchemy.dialects import postgresql, sqlite

    keys, added = ["resident_id", "month"], {"earned": col(MonthTotal.earned) + delta}
    if s.get_bind().dialect.name == "postgresql":
        pg = postgresql.insert(MonthTotal).values(resident_id=resident_id, month=month, earned=delta)
        s.execute(pg.on_conflict_do_update(index_elements=keys, set_=added))
    else:
        lite = sqlite.insert(MonthTotal).values(resident_id=resident_id, month=month, earned=delta)
        s.execute(lite.on_conflict_do_update(index_elements=keys, set_=added))


def _append(s: Session, entry: StampEntry) -> StampEntry:
    s.add(entry)
    s.flush()
    if entry.kind in EARNED_KINDS:
        _bump_month(s, entry.resident_id, entry.month, entry.stamps)
    return entry


def balance(s: Session, resident_id: int) -> int:
    """Stamps a resident can spend: the sum of every ledger entry."""
    return s.exec(select(func.coalesce(func.sum(StampEntry.stamps), 0)).where(StampEntry.resident_id == resident_id)).one()


@dataclass(frozen=True)
class StampResult:
    resident_id: int
    activity_id: int
    activity_name: str
    awarded: int  # 0 when already stamped
    already: bool
    entry_id: int | None
    new_honours: tuple[str, ...] = ()


def _existing_award(s: Session, resident_id: int, activity_id: int, day: date) -> int | None:
    return s.exec(
        select(StampEntry.id).where(
            StampEntry.resident_id == resident_id, StampEntry.activity_id == activity_id,
            StampEntry.occurred_on == day, StampEntry.kind == EntryKind.AWARD,
        )
    ).first()


def _reversed_ids(s: Session, ids_query):
    return select(StampEntry.reverses_id).where(col(StampEntry.reverses_id).in_(ids_query))


def _check_caps(s: Session, activity: Activity, resident_id: int, day: date) -> None:
    if activity.max_visits is not None:
        awards = select(StampEntry.id).where(
            StampEntry.resident_id == resident_id, StampEntry.activity_id == activity.id, StampEntry.kind == EntryKind.AWARD
        )
        visits = s.exec(
            select(func.count()).select_from(StampEntry).where(
                col(StampEntry.id).in_(awards), col(StampEntry.id).not_in(_reversed_ids(s, awards))
            )
        ).one()
        if visits >= activity.max_visits:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Errors", "The limit for {activity} is {limit} stamp visit(s) per person, and it has been reached."),
                activity=activity.name, limit=activity.max_visits,
            )
    cap = daily_cap(s, station_id=activity.station_id)
    today_total = s.exec(
        select(func.coalesce(func.sum(StampEntry.stamps), 0)).where(
            StampEntry.occurred_on == day, StampEntry.resident_id == resident_id, col(StampEntry.kind).in_(EARNED_KINDS)
        )
    ).one()
    if today_total + activity.stamps > cap:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Today's limit is {cap} stamps per person; {total} have been collected already. Come back tomorrow."),
            cap=cap, total=today_total,
        )
    if activity.capacity is not None:
        came = s.exec(
            select(func.count()).select_from(StampEntry).where(
                StampEntry.activity_id == activity.id, StampEntry.occurred_on == day, StampEntry.kind == EntryKind.AWARD
            )
        ).one()
        if came >= activity.capacity:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Errors", "{activity} is full today ({capacity} places)."),
                activity=activity.name, capacity=activity.capacity,
            )


def _stamp(
    s: Session, *, actor: Actor, resident_id: int, activity_id: int, day: date, place: str, passport_id: int | None
) -> StampResult:
    activity = get_scoped(s, Activity, activity_id, actor=actor, gone=ACTIVITY_GONE)
    if not activity.active:
        raise NotFound(ACTIVITY_GONE)
    if not occurs_on(activity, day):
        raise ValidationError(
            F_ACTIVITY, QT_TRANSLATE_NOOP("Errors", "{activity} does not take place today ({day}); nothing was stamped."),
            activity=activity.name, day=day.isoformat(),
        )
    if _existing_award(s, resident_id, activity_id, day) is not None:
        return StampResult(resident_id, activity_id, activity.name, 0, True, None)
    _check_caps(s, activity, resident_id, day)
    entry = StampEntry(
        resident_id=resident_id, passport_id=passport_id, activity_id=activity_id, occurred_on=day, month=_month(day),
        kind=EntryKind.AWARD, stamps=activity.stamps, actor_id=actor.id, actor_name=actor.username,
        station_id=actor.station_id, place=place,
    )
    try:
        # Another process may have stamped between our check and this insert: the UNIQUE constraint
        # refuses the second row, and only this savepoint is rolled back.
        with s.begin_nested():
            _append(s, entry)
    except IntegrityError:
        return StampResult(resident_id, activity_id, activity.name, 0, True, None)
    audit.record(
        s, actor=actor, action="stamp", entity="passport_stamp", entity_id=entry.id,
        after={"resident_id": resident_id, "activity_id": activity_id, "stamps": entry.stamps, "on": day, "place": place},
    )
    honours = _check_honours(s, actor, resident_id)
    return StampResult(resident_id, activity_id, activity.name, entry.stamps, False, entry.id, tuple(h.name for h in honours))


def award_stamp(
    s: Session, *, actor: Actor, resident_id: int, activity_id: int, today: date | None = None
) -> StampResult:
    """Desk: stamp a resident for attending an activity today (idempotent: a second call awards nothing)."""
    require(actor, AWARD_STAMPS)
    resident_in_station(s, resident_id, actor)
    passport = active_passport(s, resident_id)
    return _stamp(
        s, actor=actor, resident_id=resident_id, activity_id=activity_id, day=today or clock.today(), place=Place.DESK,
        passport_id=passport.id if passport else None,
    )


def reverse_entry(s: Session, *, actor: Actor, entry_id: int, reason: str) -> StampEntry:
    """Correct a ledger entry by appending its opposite (the original stays). A reason is required.

    Reversing a redemption gives the stamps back and returns the piece to stock.
    """
    require(actor, CORRECT_STAMPS)
    reason = clean_text(reason, F_REASON, max_len=200, required=True, multiline=False)
    original = get_scoped(s, StampEntry, entry_id, actor=actor,
                          gone=QT_TRANSLATE_NOOP("Errors", "That ledger entry no longer exists."))
    if original.kind not in (EntryKind.AWARD, EntryKind.PATROL, EntryKind.REDEMPTION):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "A correction cannot itself be corrected; record a new stamp instead."))
    if s.exec(select(StampEntry.id).where(StampEntry.reverses_id == entry_id)).first() is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This entry has already been corrected."))
    kind = EntryKind.REFUND if original.kind == EntryKind.REDEMPTION else EntryKind.REVERSAL
    if kind == EntryKind.REVERSAL:
        have = balance(s, original.resident_id)
        if have < original.stamps:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Errors", "Only {have} stamps are left (the rest were spent on rewards); taking back {stamps} would go below zero. Correct the reward first."),
                have=have, stamps=original.stamps,
            )
    entry = StampEntry(
        resident_id=original.resident_id, passport_id=original.passport_id, activity_id=None,
        occurred_on=original.occurred_on, month=original.month, kind=kind, stamps=-original.stamps, reason=reason,
        reverses_id=original.id, redemption_id=original.redemption_id, actor_id=actor.id, actor_name=actor.username,
        station_id=actor.station_id, place=Place.DESK,
    )
    try:
        with s.begin_nested():
            _append(s, entry)
    except IntegrityError:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This entry has already been corrected.")) from None
    if kind == EntryKind.REFUND and original.redemption_id is not None:
        redemption = s.get(Redemption, original.redemption_id)
        if redemption is not None:
            s.execute(update(Reward).where(col(Reward.id) == redemption.reward_id).values(stock=Reward.stock + 1))
    audit.record(
        s, actor=actor, action="reverse", entity="passport_stamp", entity_id=entry.id,
        after={"reverses": original.id, "stamps": entry.stamps, "reason": reason},
    )
    return entry


@dataclass(frozen=True)
class LedgerRow:
    id: int
    at: object
    occurred_on: date
    kind: str
    stamps: int
    what: str
    reason: str
    actor_name: str
    place: str
    reversed: bool


def ledger_page(
    s: Session, *, actor: Actor, resident_id: int, after: tuple[date, int] | None = None, limit: int = 200
) -> list[LedgerRow]:
    """A resident's ledger, newest day first, keyset-paged by (occurred_on, id)."""
    require(actor, VIEW_PASSPORTS)
    resident_in_station(s, resident_id, actor)
    q = (
        select(StampEntry, Activity.name)
        .join(Activity, col(Activity.id) == StampEntry.activity_id, isouter=True)
        .where(StampEntry.resident_id == resident_id)
    )
    if after is not None:
        q = q.where(tuple_(StampEntry.occurred_on, StampEntry.id) < tuple_(*after))
    rows = s.exec(q.order_by(col(StampEntry.occurred_on).desc(), col(StampEntry.id).desc()).limit(limit)).all()
    ids = [e.id for e, _ in rows]
    reversed_ids = set(s.exec(select(StampEntry.reverses_id).where(col(StampEntry.reverses_id).in_(ids)))) if ids else set()
    reward_names = {}
    red_ids = [e.redemption_id for e, _ in rows if e.redemption_id]
    if red_ids:
        reward_names = dict(
            s.exec(select(Redemption.id, Reward.name).join(Reward, col(Reward.id) == Redemption.reward_id).where(col(Redemption.id).in_(red_ids))).all()
        )
    out = []
    for e, activity_name in rows:
        what = activity_name or reward_names.get(e.redemption_id, "") or ""
        if e.kind == EntryKind.PATROL:
            what = what or e.reason
        out.append(LedgerRow(pk(e.id), e.at, e.occurred_on, e.kind, e.stamps, what, e.reason if e.kind != EntryKind.PATROL else "",
                             e.actor_name, e.place, e.id in reversed_ids))
    return out


def rebuild_month_totals(s: Session, *, actor: Actor, progress: Progress = NO_PROGRESS) -> int:
    """Recompute the month totals from the ledger (after a restore or a bulk import)."""
    require(actor, PATROL_STAMPS)
    from sqlalchemy import delete, insert

    progress(0, 2, "")
    s.execute(delete(MonthTotal))
    src = (
        select(StampEntry.resident_id, StampEntry.month, func.sum(StampEntry.stamps))
        .where(col(StampEntry.kind).in_(EARNED_KINDS))
        .group_by(col(StampEntry.resident_id), col(StampEntry.month))
    )
    s.execute(insert(MonthTotal).from_select(["resident_id", "month", "earned"], src))
    progress(2, 2, "")
    return s.exec(select(func.count()).select_from(MonthTotal)).one()


def month_totals_match_ledger(s: Session) -> bool:
    """Invariant: every month total equals the sum of the earned ledger entries it stands for."""
    ledger = {
        (r, m): t for r, m, t in s.exec(
            select(StampEntry.resident_id, StampEntry.month, func.sum(StampEntry.stamps))
            .where(col(StampEntry.kind).in_(EARNED_KINDS)).group_by(col(StampEntry.resident_id), col(StampEntry.month))
        )
    }
    totals = {(r, m): t for r, m, t in s.exec(select(MonthTotal.resident_id, MonthTotal.month, MonthTotal.earned))}
    return {k: v for k, v in ledger.items() if v} == {k: v for k, v in totals.items() if v}
