"""Meals' part of a resident's personal-data export and erasure (discovered by safety.privacy).

Erasure stops the person's meals (status stopped) and clears what describes them: delivery address
and notes, dietary "avoid" text, emergency contact, pause and welfare-check notes. Orders and the
account ledger keep every row, so balances, subsidy claims and day counts do not change; the ledger is
append-only in the database itself (a trigger), so its own short notes are kept as they are.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.meals.models import (
    MealLedgerEntry,
    MealOrder,
    MealPause,
    MealRecipient,
    RecipientStatus,
    WelfareAttempt,
    WelfareCheck,
)


def _recipient(s: Session, resident_id: int) -> MealRecipient | None:
    return s.exec(select(MealRecipient).where(MealRecipient.resident_id == resident_id)).first()


def export(s: Session, resident_id: int) -> dict:
    r = _recipient(s, resident_id)
    if r is None:
        return {}

    def rows(model, column, order):
        return [x.model_dump() for x in s.exec(select(model).where(column == r.id).order_by(order))]

    ledger = rows(MealLedgerEntry, MealLedgerEntry.recipient_id, MealLedgerEntry.id)
    checks = rows(WelfareCheck, WelfareCheck.recipient_id, WelfareCheck.id)
    attempts = []
    for c in checks:
        attempts += [a.model_dump() for a in s.exec(select(WelfareAttempt).where(WelfareAttempt.check_id == c["id"]).order_by(col(WelfareAttempt.id)))]
    return {
        "recipient": r.model_dump(exclude={"sort_key"}),
        "pauses": rows(MealPause, MealPause.recipient_id, MealPause.id),
        "orders": rows(MealOrder, MealOrder.recipient_id, MealOrder.id),
        "account": ledger,
        "balance_fen": sum(e["amount_fen"] for e in ledger),
        "welfare_checks": checks,
        "welfare_attempts": attempts,
    }


def erase(s: Session, resident_id: int) -> None:
    r = _recipient(s, resident_id)
    if r is None:
        return
    r.status = RecipientStatus.STOPPED
    r.version += 1  # an edit dialog open on this recipient must not write the erased details back
    r.delivery_address = r.delivery_notes = r.avoid = ""
    r.emergency_contact = r.emergency_phone = ""
    r.sort_key = ""
    s.add(r)
    for pause in s.exec(select(MealPause).where(MealPause.recipient_id == r.id)):
        pause.note = ""
        s.add(pause)
    for check in s.exec(select(WelfareCheck).where(WelfareCheck.recipient_id == r.id)):
        check.note = ""
        s.add(check)
        for attempt in s.exec(select(WelfareAttempt).where(WelfareAttempt.check_id == check.id)):
            attempt.note = ""
            s.add(attempt)
    s.flush()
