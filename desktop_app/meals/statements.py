"""The month's papers: each recipient's statement (opening balance, entries, meals, closing balance) and
the subsidy claim per tier terms and funding source, with the per-recipient details behind it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import NotFound
from desktop_app.core.periods import Period
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import pk
from desktop_app.core.validation import clean_year_month
from desktop_app.meals.common import RECIPIENT_GONE, scoped_recipient, station_filter
from desktop_app.meals.models import (
    LedgerKind,
    MealLedgerEntry,
    MealOrder,
    MealRecipient,
    OrderStatus,
    SubsidyTier,
)
from desktop_app.meals.permissions import PRINT_MONTH
from desktop_app.residents import Resident


@dataclass
class StatementMeal:
    id: int
    day: date
    meal: str
    service: str
    price_fen: int
    subsidy_fen: int
    delivery_fee_fen: int
    outcome: str
    status: str


@dataclass
class Statement:
    recipient_id: int
    name: str
    address: str
    year: int
    month: int
    opening_fen: int
    closing_fen: int
    entries: list[MealLedgerEntry]
    meals: list[StatementMeal]

    @property
    def top_ups_fen(self) -> int:
        return sum(e.amount_fen for e in self.entries if e.kind == LedgerKind.TOP_UP)

    @property
    def charged_fen(self) -> int:
        return -sum(e.amount_fen for e in self.entries if e.kind in (LedgerKind.CHARGE, LedgerKind.REFUND))

    @property
    def subsidy_fen(self) -> int:
        return sum(m.subsidy_fen for m in self.meals if m.status == OrderStatus.ORDERED)


def statement(s: Session, *, actor: Actor, recipient_id: int, year: int, month: int) -> Statement:
    require(actor, PRINT_MONTH)
    year, month = clean_year_month(year, month)
    scoped_recipient(s, recipient_id, actor=actor)
    return _statements(s, [recipient_id], year, month)[0]


def _statements(s: Session, ids: list[int], year: int, month: int) -> list[Statement]:
    period = Period.month(year, month)
    first, nxt = period.start, period.end
    people = {rec.id: (rec, res) for rec, res in s.exec(
        select(MealRecipient, Resident).join(Resident, col(Resident.id) == MealRecipient.resident_id)
        .where(col(MealRecipient.id).in_(ids)))}
    opening = dict(s.exec(select(MealLedgerEntry.recipient_id, func.sum(MealLedgerEntry.amount_fen))
                          .where(col(MealLedgerEntry.recipient_id).in_(ids), MealLedgerEntry.day < first)
                          .group_by(col(MealLedgerEntry.recipient_id))).all())
    entries: dict[int, list] = defaultdict(list)
    for e in s.exec(select(MealLedgerEntry).where(col(MealLedgerEntry.recipient_id).in_(ids), MealLedgerEntry.day >= first,
                                                  MealLedgerEntry.day < nxt).order_by(col(MealLedgerEntry.day), col(MealLedgerEntry.id))):
        entries[e.recipient_id].append(e)
    meals: dict[int, list] = defaultdict(list)
    for o in s.exec(select(MealOrder).where(col(MealOrder.recipient_id).in_(ids), MealOrder.day >= first, MealOrder.day < nxt)
                    .order_by(col(MealOrder.day), col(MealOrder.meal))):
        meals[o.recipient_id].append(StatementMeal(pk(o.id), o.day, o.meal, o.service, o.price_fen, o.subsidy_fen,
                                                   o.delivery_fee_fen, o.outcome, o.status))
    out = []
    for rid in ids:
        if rid not in people:
            raise NotFound(RECIPIENT_GONE)
        rec, res = people[rid]
        open_fen = int(opening.get(rid) or 0)
        close_fen = open_fen + sum(e.amount_fen for e in entries[rid])
        out.append(Statement(rid, res.name, rec.delivery_address or res.address, year, month, open_fen, close_fen,
                             entries[rid], meals[rid]))
    return out


def month_statements(
    s: Session, *, actor: Actor, year: int, month: int, progress: Progress = NO_PROGRESS, batch: int = 200
) -> list[Statement]:
    """Statements of every recipient with an account entry or a meal in the month."""
    require(actor, PRINT_MONTH)
    year, month = clean_year_month(year, month)
    period = Period.month(year, month)
    first, nxt = period.start, period.end
    found = set(s.exec(select(MealLedgerEntry.recipient_id).where(
        MealLedgerEntry.day >= first, MealLedgerEntry.day < nxt).distinct()).all())
    order = dict(s.exec(select(MealRecipient.id, MealRecipient.sort_key).where(col(MealRecipient.id).in_(found or [-1]),
                                                                              *station_filter(actor))).all())
    ids = sorted(i for i in found if i in order)
    ids.sort(key=lambda i: (order.get(i, ""), i))
    out: list[Statement] = []
    for start in range(0, len(ids), batch):
        progress(start, len(ids), "")
        out.extend(_statements(s, ids[start:start + batch], year, month))
    progress(len(ids), len(ids), "")
    return out


@dataclass(frozen=True)
class ClaimLine:
    tier_id: int
    code: str
    name: str
    funding_source: str
    effective_from: date
    subsidy_fen: int
    meals: int
    recipients: int
    amount_fen: int


@dataclass
class SubsidyClaim:
    year: int
    month: int
    lines: list[ClaimLine]

    @property
    def total_fen(self) -> int:
        return sum(x.amount_fen for x in self.lines)

    def by_source(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for x in self.lines:
            out[x.funding_source] += x.amount_fen
        return dict(out)


def subsidy_claim(s: Session, *, actor: Actor, year: int, month: int) -> SubsidyClaim:
    """Subsidised meals of the month (not cancelled), per tier terms and funding source.

    A tier whose terms changed mid-month appears as two lines, each at its own rate."""
    require(actor, PRINT_MONTH)
    year, month = clean_year_month(year, month)
    period = Period.month(year, month)
    first, nxt = period.start, period.end
    rows = s.exec(
        select(MealOrder.tier_id, func.count(), func.count(col(MealOrder.recipient_id).distinct()), func.sum(MealOrder.subsidy_fen))
        .join(MealRecipient, col(MealRecipient.id) == MealOrder.recipient_id)
        .where(*station_filter(actor))
        .where(MealOrder.day >= first, MealOrder.day < nxt, MealOrder.status == OrderStatus.ORDERED, col(MealOrder.tier_id).is_not(None))
        .group_by(col(MealOrder.tier_id))
    ).all()
    tiers = {t.id: t for t in s.exec(select(SubsidyTier).where(col(SubsidyTier.id).in_([r[0] for r in rows] or [-1])))}
    lines = []
    for tier_id, meals, people, amount in rows:
        t = tiers[tier_id]
        per = int(amount) // meals if meals else 0
        lines.append(ClaimLine(pk(t.id), t.code, t.name, t.funding_source, t.effective_from, per, meals, people, int(amount)))
    lines.sort(key=lambda x: (x.funding_source, x.code, x.effective_from))
    return SubsidyClaim(year, month, lines)


@dataclass(frozen=True)
class ClaimDetail:
    recipient_id: int
    name: str
    tier_id: int
    meals: int
    amount_fen: int


def claim_details(s: Session, *, actor: Actor, year: int, month: int) -> list[ClaimDetail]:
    """The claim per recipient and tier terms (the sub-district's check list behind the totals)."""
    require(actor, PRINT_MONTH)
    year, month = clean_year_month(year, month)
    period = Period.month(year, month)
    first, nxt = period.start, period.end
    rows = s.execute(
        sa_select(col(MealOrder.recipient_id), col(Resident.name), col(MealOrder.tier_id), func.count(), func.sum(MealOrder.subsidy_fen))
        .join(MealRecipient, col(MealRecipient.id) == MealOrder.recipient_id)
        .join(Resident, col(Resident.id) == MealRecipient.resident_id)
        .where(col(MealOrder.day) >= first, col(MealOrder.day) < nxt, col(MealOrder.status) == OrderStatus.ORDERED, col(MealOrder.tier_id).is_not(None),
               *station_filter(actor))
        .group_by(col(MealOrder.recipient_id), col(Resident.name), col(MealRecipient.sort_key), col(MealOrder.tier_id))
        .order_by(col(MealRecipient.sort_key), col(MealOrder.tier_id))
    ).all()
    return [ClaimDetail(rid, name, tid, n, int(total)) for rid, name, tid, n, total in rows]

