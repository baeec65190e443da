"""Welfare checks (安全确认): opened when a delivery finds nobody home; calls in a fixed order (the
recipient, the emergency contact, the grid worker), then closed with an outcome the same day."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Text
from desktop_app.core.records import audited_update, get_existing, get_scoped, pk
from desktop_app.core.validation import clean_text
from desktop_app.meals.common import choice, scoped_recipient, station_filter, via_recipient
from desktop_app.meals.labels import TARGET_LABELS, F
from desktop_app.meals.models import (
    CALL_RESULTS,
    CALL_TARGETS,
    CHECK_OUTCOMES,
    CallTarget,
    CheckOutcome,
    MealRecipient,
    WelfareAttempt,
    WelfareCheck,
)
from desktop_app.meals.permissions import RECORD_DELIVERIES
from desktop_app.residents import Resident

CHECK_GONE = QT_TRANSLATE_NOOP("Errors", "That welfare check no longer exists.")


@dataclass(frozen=True)
class CheckRow:
    id: int
    day: date
    recipient_id: int
    name: str
    address: str
    phone: str
    emergency_contact: str
    emergency_phone: str
    grid: str
    opened_at: datetime
    closed_at: datetime | None
    outcome: str
    attempts: tuple[tuple[str, str, datetime, str], ...]  # (target, result, at, note)

    def overdue(self, today: date) -> bool:
        return self.closed_at is None and self.day < today

    def next_target(self) -> str:
        done = {a[0] for a in self.attempts}
        for t in CALL_TARGETS:
            if t not in done:
                return t
        return CALL_TARGETS[-1]


def welfare_checks(s: Session, *, actor: Actor, day: date | None = None, open_only: bool = False) -> list[CheckRow]:
    """Open checks of every day (they stay until closed) plus, with ``day``, that day's closed ones.

    Staff making the calls see the numbers they must dial; that view is audited by the call records."""
    require(actor, RECORD_DELIVERIES)
    q = (select(WelfareCheck, MealRecipient, Resident)
         .join(MealRecipient, col(MealRecipient.id) == WelfareCheck.recipient_id)
         .join(Resident, col(Resident.id) == MealRecipient.resident_id)
         .where(*station_filter(actor)))
    if open_only or day is None:
        q = q.where(col(WelfareCheck.closed_at).is_(None))
    else:
        q = q.where((col(WelfareCheck.closed_at).is_(None)) | (WelfareCheck.day == day))
    rows = s.exec(q.order_by(col(WelfareCheck.day), col(WelfareCheck.id))).all()
    ids = [c.id for c, _, _ in rows]
    attempts: dict[int, list] = defaultdict(list)
    if ids:
        for a in s.exec(select(WelfareAttempt).where(col(WelfareAttempt.check_id).in_(ids)).order_by(col(WelfareAttempt.id))):
            attempts[a.check_id].append((a.target, a.result, a.at, a.note))
    return [
        CheckRow(id=pk(c.id), day=c.day, recipient_id=pk(rec.id), name=res.name, address=rec.delivery_address or res.address,
                 phone=res.phone, emergency_contact=rec.emergency_contact or res.emergency_contact,
                 emergency_phone=rec.emergency_phone or res.emergency_phone, grid=res.grid, opened_at=c.opened_at,
                 closed_at=c.closed_at, outcome=c.outcome, attempts=tuple(attempts[pk(c.id)]))
        for c, rec, res in rows
    ]


def _open_check(s: Session, check_id: int, actor: Actor) -> WelfareCheck:
    check = get_scoped(s, WelfareCheck, check_id, actor=actor, gone=CHECK_GONE, station_of=via_recipient(s),
                       for_update=True)
    if check.closed_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This welfare check is already closed."))
    return check


def record_attempt(
    s: Session, *, actor: Actor, check_id: int, target: str, result: str, note: str = "", at: datetime | None = None
) -> WelfareAttempt:
    """One call of a welfare check. The order is fixed: the recipient first, then the emergency
    contact, then the grid worker; anyone already tried may be called again."""
    require(actor, RECORD_DELIVERIES)
    check = _open_check(s, check_id, actor)
    choice(target, CALL_TARGETS, F["target"])
    choice(result, CALL_RESULTS, F["result"])
    note = clean_text(note, F["note"], max_len=200, multiline=False)
    tried = set(s.exec(select(WelfareAttempt.target).where(WelfareAttempt.check_id == check.id)).all())
    for earlier in CALL_TARGETS[: CALL_TARGETS.index(target)]:
        if earlier not in tried:
            raise ValidationError(
                F["target"],
                QT_TRANSLATE_NOOP("Errors", "call the {first} before the {then}: the order is recipient, emergency contact, grid worker."),
                first=Text("Meals", TARGET_LABELS[earlier]), then=Text("Meals", TARGET_LABELS[target]),
            )
    rec = scoped_recipient(s, check.recipient_id, actor=actor)
    res = get_existing(s, Resident, rec.resident_id)
    phones: dict[str, str] = {CallTarget.RECIPIENT: res.phone,
                              CallTarget.EMERGENCY_CONTACT: rec.emergency_phone or res.emergency_phone}
    phone = phones.get(target, "")
    attempt = WelfareAttempt(check_id=pk(check.id), target=target, phone=phone, result=result, note=note,
                             at=at or utcnow(), actor_id=actor.id)
    s.add(attempt)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_welfare_attempt", entity_id=attempt.id, after=attempt)
    return attempt


def close_check(
    s: Session, *, actor: Actor, check_id: int, outcome: str, note: str = "", at: datetime | None = None
) -> WelfareCheck:
    require(actor, RECORD_DELIVERIES)
    check = _open_check(s, check_id, actor)
    choice(outcome, CHECK_OUTCOMES, F["outcome"])
    note = clean_text(note, F["note"], max_len=500)
    attempts = s.exec(select(WelfareAttempt.result).where(WelfareAttempt.check_id == check.id)).all()
    if not attempts:
        raise ValidationError(
            F["outcome"], QT_TRANSLATE_NOOP("Errors", "record at least one call before closing the check; start with the recipient.")
        )
    if outcome == CheckOutcome.OTHER and not note:
        raise ValidationError(F["note"], QT_TRANSLATE_NOOP("Errors", "say what happened when the outcome is other."))
    changes = {"closed_at": at or utcnow(), "outcome": outcome, "closed_by": actor.id}
    if note:
        changes["note"] = (check.note + "\n" + note).strip()
    return audited_update(s, check, changes, actor=actor, entity="meal_welfare_check", action="close")

