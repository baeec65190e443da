"""Prepaid meal accounts: the append-only ledger (a balance is the sum of entries; corrections are new
entries), top-ups at the desk, corrections, balance snapshots, low balances."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, insert
from sqlmodel import Session, col, func, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import pk, table_of
from desktop_app.core.validation import clean_fen, clean_text, yuan
from desktop_app.meals.common import choice, scoped_recipient
from desktop_app.meals.labels import F
from desktop_app.meals.models import (
    PAY_METHODS,
    BalanceSnapshot,
    BalanceSnapshotRow,
    LedgerKind,
    MealLedgerEntry,
    MealRecipient,
    RecipientStatus,
)
from desktop_app.meals.permissions import CORRECT_ACCOUNTS, TAKE_PAYMENTS, VIEW_MEALS
from desktop_app.meals.settings import get_settings
from desktop_app.residents import Resident

MAX_TOP_UP_FEN = 10_000_00  # 10,000 yuan: more is a typing error


def balance(s: Session, recipient_id: int) -> int:
    return int(s.exec(select(func.coalesce(func.sum(MealLedgerEntry.amount_fen), 0)).where(
        MealLedgerEntry.recipient_id == recipient_id)).one())


def balances(s: Session, *, ids: list[int] | None = None) -> dict[int, int]:
    """Balances of the given recipients (all when ``ids`` is None), each the sum of its entries.

    Many recipients at once: the latest balance snapshot (sums through an entry id) plus the sum of the
    entries after it; the ledger is append-only, so that is the same sum, read in a fraction of the time."""
    if ids is not None and not ids:
        return {}
    if ids is not None and len(ids) <= 200:
        rows = s.exec(select(MealLedgerEntry.recipient_id, func.sum(MealLedgerEntry.amount_fen))
                      .where(col(MealLedgerEntry.recipient_id).in_(ids)).group_by(col(MealLedgerEntry.recipient_id))).all()
        return {rid: int(total) for rid, total in rows}
    snap = s.exec(select(BalanceSnapshot).order_by(col(BalanceSnapshot.id).desc()).limit(1)).first()
    out: dict[int, int] = {}
    through = 0
    if snap is not None:
        through = snap.through_entry_id
        out = dict(s.exec(select(BalanceSnapshotRow.recipient_id, BalanceSnapshotRow.balance_fen)
                          .where(BalanceSnapshotRow.snapshot_id == snap.id)).all())
    # "+ 0": without it SQLite groups by walking the whole (recipient_id, amount) index (0.5 s on a
    # five-year ledger) instead of reading only the entries after the snapshot by id (0.01 s).
    rid_expr = col(MealLedgerEntry.recipient_id) + 0
    tail = s.exec(select(rid_expr, func.sum(MealLedgerEntry.amount_fen))
                  .where(col(MealLedgerEntry.id) > through).group_by(rid_expr)).all()
    for rid, total in tail:
        out[rid] = out.get(rid, 0) + int(total)
    if ids is not None:
        wanted = set(ids)
        return {rid: v for rid, v in out.items() if rid in wanted}
    return out


def snapshot_balances(s: Session) -> int:
    """Write a new balance snapshot through the newest ledger entry (and drop older snapshots).

    Internal upkeep (no permission): called when the tail since the last snapshot grows long and by
    the demo data. Returns the number of recipients in it."""
    through = s.exec(select(func.max(MealLedgerEntry.id))).one() or 0
    rows = s.exec(select(MealLedgerEntry.recipient_id, func.sum(MealLedgerEntry.amount_fen))
                  .where(col(MealLedgerEntry.id) <= through).group_by(col(MealLedgerEntry.recipient_id))).all()
    old = list(s.exec(select(BalanceSnapshot.id)).all())
    if old:
        s.execute(delete(BalanceSnapshotRow).where(col(BalanceSnapshotRow.snapshot_id).in_(old)))
        s.execute(delete(BalanceSnapshot).where(col(BalanceSnapshot.id).in_(old)))
    snap = BalanceSnapshot(through_entry_id=through, taken_at=utcnow())
    s.add(snap)
    s.flush()
    if rows:
        s.execute(insert(table_of(BalanceSnapshotRow)),
                  [{"snapshot_id": snap.id, "recipient_id": rid, "balance_fen": int(total)} for rid, total in rows])
    return len(rows)


SNAPSHOT_AFTER = 200_000  # entries since the last snapshot before generate_orders takes a new one


def _maybe_snapshot(s: Session) -> None:
    snap_through = s.exec(select(func.max(BalanceSnapshot.through_entry_id))).one() or 0
    newest = s.exec(select(func.max(MealLedgerEntry.id))).one() or 0
    if newest - snap_through > SNAPSHOT_AFTER:
        snapshot_balances(s)


def all_balances(s: Session, *, actor: Actor) -> dict[int, int]:
    """Every balance the actor may see: their station's recipients (all stations for a sub-district administrator)."""
    require(actor, VIEW_MEALS)
    out = balances(s)
    if actor.station_id is None:
        return out
    mine = set(s.exec(station_scope(select(MealRecipient.id), MealRecipient.station_id, actor)).all())
    return {rid: v for rid, v in out.items() if rid in mine}


def _post(s: Session, *, actor: Actor, recipient_id: int, kind: str, amount: int, day: date, method: str = "",
          receipt_no: str = "", order_id: int | None = None, note: str = "") -> MealLedgerEntry:
    entry = MealLedgerEntry(recipient_id=recipient_id, day=day, at=utcnow(), kind=kind, amount_fen=amount,
                            method=method, receipt_no=receipt_no, order_id=order_id, note=note, actor_id=actor.id)
    s.add(entry)
    s.flush()
    return entry


def _check_credit(s: Session, rec: MealRecipient, charge: int, name: str) -> None:
    current = balance(s, pk(rec.id))
    if current - charge < -rec.credit_limit_fen:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{name}'s meal account has {balance} yuan; this meal costs {charge} yuan and the credit limit is {limit} yuan. Take a top-up first."),
            name=name, balance=yuan(current), charge=yuan(charge), limit=yuan(rec.credit_limit_fen),
        )


def top_up(
    s: Session, *, actor: Actor, recipient_id: int, amount: int | str, method: str, receipt_no: str,
    note: str = "", day: date | None = None,
) -> MealLedgerEntry:
    require(actor, TAKE_PAYMENTS)
    rec = scoped_recipient(s, recipient_id, actor=actor)
    fen = clean_fen(amount, F["amount"], allow_zero=False)
    if fen > MAX_TOP_UP_FEN:
        raise ValidationError(F["amount"], QT_TRANSLATE_NOOP("Errors", "is more than 10,000 yuan; check the amount."))
    choice(method, PAY_METHODS, F["method"])
    receipt = clean_text(receipt_no, F["receipt_no"], max_len=40, required=True, multiline=False)
    note = clean_text(note, F["note"], max_len=200, multiline=False)
    entry = _post(s, actor=actor, recipient_id=pk(rec.id), kind=LedgerKind.TOP_UP, amount=fen, day=day or date.today(),
                  method=method, receipt_no=receipt, note=note)
    audit.record(s, actor=actor, action="create", entity="meal_ledger", entity_id=entry.id, after=entry)
    return entry


def correct_account(
    s: Session, *, actor: Actor, recipient_id: int, amount: int | str, note: str, day: date | None = None
) -> MealLedgerEntry:
    """A correction is a new entry (+ or −) with a reason; earlier entries are never changed."""
    require(actor, CORRECT_ACCOUNTS)
    rec = scoped_recipient(s, recipient_id, actor=actor)
    fen = clean_fen(amount, F["amount"], allow_negative=True, allow_zero=False)
    if abs(fen) > MAX_TOP_UP_FEN:
        raise ValidationError(F["amount"], QT_TRANSLATE_NOOP("Errors", "is more than 10,000 yuan; check the amount."))
    note = clean_text(note, F["note"], max_len=200, required=True, multiline=False)
    entry = _post(s, actor=actor, recipient_id=pk(rec.id), kind=LedgerKind.CORRECTION, amount=fen, day=day or date.today(), note=note)
    audit.record(s, actor=actor, action="create", entity="meal_ledger", entity_id=entry.id, after=entry)
    return entry


def ledger_page(
    s: Session, *, actor: Actor, recipient_id: int, before_id: int | None = None, limit: int = 200
) -> list[MealLedgerEntry]:
    """Newest entries first, keyset by id."""
    require(actor, VIEW_MEALS)
    scoped_recipient(s, recipient_id, actor=actor)
    q = select(MealLedgerEntry).where(MealLedgerEntry.recipient_id == recipient_id)
    if before_id is not None:
        q = q.where(col(MealLedgerEntry.id) < before_id)
    return list(s.exec(q.order_by(col(MealLedgerEntry.id).desc()).limit(limit)))


def low_balances(s: Session, *, actor: Actor) -> list[tuple[int, str, int]]:
    """Active recipients at or below the warning level: (recipient id, name, balance)."""
    require(actor, VIEW_MEALS)
    threshold = get_settings(s).low_balance_fen
    rows = s.exec(station_scope(select(MealRecipient.id, Resident.name).join(Resident, col(Resident.id) == MealRecipient.resident_id)
                                .where(MealRecipient.status == RecipientStatus.ACTIVE), MealRecipient.station_id, actor)
                  .order_by(MealRecipient.sort_key)).all()
    bal = balances(s, ids=[r[0] for r in rows])
    return [(rid, name, bal.get(rid, 0)) for rid, name in rows if bal.get(rid, 0) <= threshold]



@dataclass(frozen=True)
class AccountView:
    """One recipient's account as the accounts tab shows it: balance, credit limit, newest entries."""

    recipient_id: int
    name: str
    balance_fen: int
    credit_limit_fen: int
    low_balance_fen: int
    entries: list[MealLedgerEntry]

    @property
    def low(self) -> bool:
        return self.balance_fen <= self.low_balance_fen


def account(s: Session, *, actor: Actor, recipient_id: int, limit: int = 300) -> AccountView:
    require(actor, VIEW_MEALS)
    rec = scoped_recipient(s, recipient_id, actor=actor)
    res = s.get(Resident, rec.resident_id)
    return AccountView(pk(rec.id), res.name if res else "", balance(s, pk(rec.id)), rec.credit_limit_fen,
                       get_settings(s).low_balance_fen, ledger_page(s, actor=actor, recipient_id=pk(rec.id), limit=limit))


def resident_account(s: Session, *, actor: Actor, resident_id: int, limit: int = 300) -> AccountView | None:
    """The account of the resident found with the picker; None when they are not a meal recipient."""
    require(actor, VIEW_MEALS)
    rec = s.exec(station_scope(select(MealRecipient).where(MealRecipient.resident_id == resident_id),
                               MealRecipient.station_id, actor)).first()
    return None if rec is None else account(s, actor=actor, recipient_id=rec.id, limit=limit)
