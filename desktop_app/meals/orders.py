"""The day's orders: generated from the weekly schedules (minus pauses; on statutory holidays and adjusted
workdays as the station's setting says: meals.service_days), late
changes before each meal's cut-off (add, cancel), the day's list in route order and the kitchen sheet.

An order fixes its price, subsidy and delivery fee when it is made and charges the account at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Text
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import audited_update, get_existing, get_scoped, pk, table_of
from desktop_app.core.validation import mask_phone
from desktop_app.core.workdays import WorkCalendar
from desktop_app.meals.accounts import _check_credit, _maybe_snapshot, _post, balances
from desktop_app.meals.common import choice, scoped_recipient, station_filter, via_recipient
from desktop_app.meals.labels import MEAL_LABELS, STATUS_LABELS, F
from desktop_app.meals.models import (
    DIETS,
    MEALS,
    SERVICES,
    LedgerKind,
    MealLedgerEntry,
    MealOrder,
    MealPause,
    MealRecipient,
    MealRouteAssignment,
    OrderOutcome,
    OrderSource,
    OrderStatus,
    RecipientStatus,
    ServiceKind,
    SubsidyTier,
    schedule_bit,
    working_days_mask,
)
from desktop_app.meals.permissions import RUN_MEAL_DAY, VIEW_MEALS
from desktop_app.meals.rates import Rates
from desktop_app.meals.service_days import CLOSED, WORKING_DAY, rule_for, service_days
from desktop_app.meals.settings import cutoff_at, get_settings
from desktop_app.residents import Resident

ORDER_GONE = QT_TRANSLATE_NOOP("Errors", "That meal order no longer exists.")


@dataclass
class GenerateResult:
    day: date
    holiday: str = ""  # the holiday's name when the canteen is closed that day
    rule: str = "scheduled"  # meals.service_days: closed | scheduled | working_day
    missing_years: tuple[int, ...] = ()  # the day's year has no holidays entered (core.workdays.gap_text)
    created: int = 0
    existing: int = 0
    paused: int = 0
    short: list[str] = field(default_factory=list)  # names refused for balance


def _hardship(res_row) -> bool:
    return bool(res_row.extreme_hardship or res_row.minimum_living_allowance)


def generate_orders(
    s: Session, *, actor: Actor, day: date, meals: tuple[str, ...] = MEALS, progress: Progress = NO_PROGRESS,
) -> GenerateResult:
    """Orders for ``day`` from the weekly schedules, minus pauses; on a statutory holiday none, or as
    scheduled, and on an adjusted workday as scheduled or like a working day (the station's setting).

    Idempotent: a recipient who already has an order (even a cancelled one) for that meal gets none.
    Each new order charges the account at once (price − subsidy + delivery fee); a recipient whose
    balance would go past the credit limit gets no order and is listed in ``short``.
    """
    require(actor, RUN_MEAL_DAY)
    result = GenerateResult(day=day)
    cal = WorkCalendar.load(s)
    result.missing_years = tuple(cal.missing_years(day))
    result.rule = rule_for(cal, day, service_days(s, actor.station_id))
    if result.rule == CLOSED:
        result.holiday = cal.holiday_name(day) or "holiday"
        return result
    rates = Rates.load(s)
    now = utcnow()
    _maybe_snapshot(s)
    routes = dict(s.exec(select(MealRouteAssignment.compound, MealRouteAssignment.volunteer_resident_id)).all())
    bal: dict[int, int] | None = None
    for step, meal in enumerate(meals):
        progress(step, len(meals), meal)
        price = rates.price(meal, day)
        if price is None:
            continue
        # like a working day: whoever has the meal every Monday to Friday; else the day's own weekday
        bit = working_days_mask(meal) if result.rule == WORKING_DAY else schedule_bit(day.weekday(), meal)
        candidates = s.execute(
            sa_select(col(MealRecipient.id), col(MealRecipient.service), col(MealRecipient.subsidy_tier), col(MealRecipient.credit_limit_fen),
                      col(Resident.name), col(Resident.birth_date), col(Resident.extreme_hardship), col(Resident.minimum_living_allowance),
                      col(Resident.compound))
            .join(Resident, col(Resident.id) == MealRecipient.resident_id)
            .where(col(MealRecipient.status) == RecipientStatus.ACTIVE, col(MealRecipient.schedule).op("&")(bit) == bit)
            .where(*station_filter(actor))
        ).all()
        if not candidates:
            continue
        ids = [c[0] for c in candidates]
        existing = set(s.exec(select(MealOrder.recipient_id).where(MealOrder.day == day, MealOrder.meal == meal)).all())
        paused = set(s.exec(select(MealPause.recipient_id).where(MealPause.start_day <= day, MealPause.end_day >= day)).all())
        if bal is None:  # once per day: a balance read covers both meals (charges are tracked below)
            bal = balances(s, ids=ids if len(meals) == 1 else None)
        orders = []
        tier_memo: dict[tuple, SubsidyTier | None] = {}
        for rid, service, granted, credit, name, birth, eh, mla, compound in candidates:
            if rid in existing:
                result.existing += 1
                continue
            if rid in paused:
                result.paused += 1
                continue
            age = None if birth is None else day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
            key = (age, bool(eh or mla), granted)
            if key not in tier_memo:
                tier_memo[key] = rates.best_tier(day, birth_date=birth, hardship=bool(eh or mla), granted=granted)
            tier = tier_memo[key]
            subsidy = min(tier.subsidy_fen, price.price_fen) if tier else 0
            fee = price.delivery_fee_fen if service == ServiceKind.DELIVERY else 0
            charge = price.price_fen - subsidy + fee
            current = bal.get(rid, 0)
            if current - charge < -credit:
                result.short.append(name)
                continue
            bal[rid] = current - charge
            orders.append({
                "day": day, "meal": meal, "recipient_id": rid, "service": service, "status": OrderStatus.ORDERED,
                "source": OrderSource.SCHEDULE, "price_fen": price.price_fen, "subsidy_fen": subsidy, "delivery_fee_fen": fee,
                "tier_id": tier.id if tier else None, "outcome": OrderOutcome.OPEN, "outcome_at": None, "outcome_by": None,
                "volunteer_resident_id": routes.get(compound) if service == ServiceKind.DELIVERY else None,
                "created_at": now, "_charge": charge,
            })
        if not orders:
            continue
        charges = {o["recipient_id"]: o.pop("_charge") for o in orders}
        conn = s.connection()  # Core executemany: no ORM bulk machinery for thousands of rows
        conn.execute(insert(table_of(MealOrder)), orders)
        # Rows of this day and meal whose recipient had none before are exactly the ones just inserted.
        new_ids = s.exec(select(MealOrder.id, MealOrder.recipient_id).where(MealOrder.day == day, MealOrder.meal == meal)).all()
        entries = [
            {"recipient_id": rid, "day": day, "at": now, "kind": LedgerKind.CHARGE, "amount_fen": -charges[rid], "method": "",
             "receipt_no": "", "order_id": oid, "note": "", "actor_id": actor.id}
            for oid, rid in new_ids if rid in charges
        ]
        conn.execute(insert(table_of(MealLedgerEntry)), entries)
        result.created += len(orders)
    progress(len(meals), len(meals), "")
    audit.record(s, actor=actor, action="generate", entity="meal_day", entity_id=day.isoformat(),
                 after={"created": result.created, "existing": result.existing, "paused": result.paused,
                        "short": result.short})
    return result


def _order_for(s: Session, recipient_id: int, day: date, meal: str) -> MealOrder | None:
    return s.exec(select(MealOrder).where(MealOrder.recipient_id == recipient_id, MealOrder.day == day,
                                          MealOrder.meal == meal)).first()


NO_PRICE = QT_TRANSLATE_NOOP("Errors", "No meal price is set for {day}; an administrator must enter one.")


def _charge_order(s: Session, *, actor: Actor, rec: MealRecipient, res: Resident, day: date, meal: str, source: str,
                  service: str | None = None) -> MealOrder:
    rates = Rates.load(s)
    price = rates.price(meal, day)
    if price is None:
        raise ConflictError(NO_PRICE, day=day.isoformat())
    tier = rates.best_tier(day, birth_date=res.birth_date, hardship=_hardship(res), granted=rec.subsidy_tier)
    service = service or rec.service
    subsidy = min(tier.subsidy_fen, price.price_fen) if tier else 0
    fee = price.delivery_fee_fen if service == ServiceKind.DELIVERY else 0
    charge = price.price_fen - subsidy + fee
    _check_credit(s, rec, charge, res.name)
    volunteer = None
    if service == ServiceKind.DELIVERY:
        volunteer = s.exec(select(MealRouteAssignment.volunteer_resident_id).where(
            MealRouteAssignment.compound == res.compound)).first()
    order = MealOrder(day=day, meal=meal, recipient_id=pk(rec.id), service=service, source=source, price_fen=price.price_fen,
                      subsidy_fen=subsidy, delivery_fee_fen=fee, tier_id=tier.id if tier else None,
                      volunteer_resident_id=volunteer)
    s.add(order)
    s.flush()
    _post(s, actor=actor, recipient_id=pk(rec.id), kind=LedgerKind.CHARGE, amount=-charge, day=day, order_id=order.id)
    return order


def _before_cutoff(s: Session, day: date, meal: str, now: datetime | None) -> None:
    settings = get_settings(s)
    now = now or utcnow()
    limit = cutoff_at(settings, day, meal)
    if now >= limit:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "The cut-off for {meal} on {day} was {time}; the kitchen already has the counts. Record the outcome at the door instead."),
            meal=Text("Meals", MEAL_LABELS[meal]), day=day.isoformat(), time=settings.cutoff[meal].strftime("%H:%M"),
        )


def add_order(
    s: Session, *, actor: Actor, recipient_id: int, day: date, meal: str, now: datetime | None = None
) -> MealOrder:
    """A late change: one extra meal, accepted before the meal's cut-off time."""
    require(actor, RUN_MEAL_DAY)
    choice(meal, MEALS, F["meal"])
    rec = scoped_recipient(s, recipient_id, actor=actor)
    res = get_existing(s, Resident, rec.resident_id)
    if rec.status in (RecipientStatus.STOPPED, RecipientStatus.DECEASED):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name}'s meal service is {status}; change the status first."),
                            name=res.name, status=Text("Meals", STATUS_LABELS[rec.status]))
    _before_cutoff(s, day, meal, now)
    existing = _order_for(s, pk(rec.id), day, meal)
    if existing is not None and existing.status == OrderStatus.ORDERED:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} already has {meal} ordered on {day}."),
                            existing_id=existing.id, name=res.name, meal=Text("Meals", MEAL_LABELS[meal]), day=day.isoformat())
    if existing is not None:
        # Re-order a cancelled meal: charge again, same row (the cancellation's refund stays in the ledger).
        rates = Rates.load(s)
        price = rates.price(meal, day)
        if price is None:  # not while prices are never deleted: the order was charged at one
            raise ConflictError(NO_PRICE, day=day.isoformat())
        tier = rates.best_tier(day, birth_date=res.birth_date, hardship=_hardship(res), granted=rec.subsidy_tier)
        subsidy_fen = min(tier.subsidy_fen, price.price_fen) if tier else 0
        fee_fen = price.delivery_fee_fen if existing.service == ServiceKind.DELIVERY else 0
        terms = {"price_fen": price.price_fen, "subsidy_fen": subsidy_fen, "delivery_fee_fen": fee_fen,
                 "tier_id": tier.id if tier else None}
        charge = max(0, price.price_fen - subsidy_fen) + fee_fen  # MealOrder.charge_fen
        _check_credit(s, rec, charge, res.name)
        audited_update(s, existing, {**terms, "status": OrderStatus.ORDERED, "outcome": OrderOutcome.OPEN, "outcome_at": None,
                                     "source": OrderSource.MANUAL}, actor=actor, entity="meal_order")
        _post(s, actor=actor, recipient_id=pk(rec.id), kind=LedgerKind.CHARGE, amount=-existing.charge_fen, day=day, order_id=existing.id)
        return existing
    order = _charge_order(s, actor=actor, rec=rec, res=res, day=day, meal=meal, source=OrderSource.MANUAL)
    audit.record(s, actor=actor, action="create", entity="meal_order", entity_id=order.id, after=order)
    return order


def _cancel(s: Session, *, actor: Actor, order: MealOrder, at: datetime, by_outcome: bool) -> None:
    audited_update(s, order, {"status": OrderStatus.CANCELLED, "outcome": OrderOutcome.CANCELLED, "outcome_at": at,
                              "outcome_by": actor.id}, actor=actor, entity="meal_order", action="cancel")
    _post(s, actor=actor, recipient_id=order.recipient_id, kind=LedgerKind.REFUND, amount=order.charge_fen, day=order.day,
          order_id=order.id)


def cancel_all(s: Session, *, actor: Actor, orders: list[MealOrder], at: datetime) -> None:
    """Cancel many orders at once and refund each charge (a day the canteen turned out to be closed): one
    UPDATE, the refunds as ledger entries, one audit entry listing them."""
    ids = [o.id for o in orders]
    # Only orders still ordered when the UPDATE reaches them are cancelled and refunded: one cancelled meanwhile
    # (by hand on another PC, or by a second calendar change) is refunded once, by whoever cancelled it first.
    cancelled: set[int] = set()
    for i in range(0, len(ids), 500):
        cancelled.update(s.execute(update(MealOrder).where(col(MealOrder.id).in_(ids[i:i + 500]),
                                                        col(MealOrder.status) == OrderStatus.ORDERED).values(
            status=OrderStatus.CANCELLED, outcome=OrderOutcome.CANCELLED, outcome_at=at, outcome_by=actor.id,
        ).returning(col(MealOrder.id)).execution_options(synchronize_session=False)).scalars())
    refunded = [o for o in orders if o.id in cancelled]
    if refunded:
        s.connection().execute(insert(table_of(MealLedgerEntry)), [
            {"recipient_id": o.recipient_id, "day": o.day, "at": at, "kind": LedgerKind.REFUND, "amount_fen": o.charge_fen,
             "method": "", "receipt_no": "", "order_id": o.id, "note": "", "actor_id": actor.id} for o in refunded])
        audit.record(s, actor=actor, action="cancel", entity="meal_order", entity_id="calendar",
                     after={"orders": [o.id for o in refunded], "refunded_fen": sum(o.charge_fen for o in refunded)})
    for o in orders:
        s.expire(o)


def cancel_order(s: Session, *, actor: Actor, order_id: int, now: datetime | None = None) -> MealOrder:
    """A late change: cancel before the cut-off; the meal's charge is refunded."""
    require(actor, RUN_MEAL_DAY)
    # locked: a cancel racing the calendar's (or another PC's) refunds the meal once
    order = get_scoped(s, MealOrder, order_id, actor=actor, gone=ORDER_GONE, station_of=via_recipient(s), for_update=True)
    s.refresh(order)
    if order.status == OrderStatus.CANCELLED:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This meal is already cancelled."))
    _before_cutoff(s, order.day, order.meal, now)
    _cancel(s, actor=actor, order=order, at=now or utcnow(), by_outcome=False)
    return order


@dataclass(frozen=True)
class OrderRow:
    id: int
    recipient_id: int
    resident_id: int
    name: str
    phone_masked: str
    address: str
    compound: str
    building: str
    unit: str
    room: str
    service: str
    status: str
    outcome: str
    outcome_at: datetime | None
    diets: tuple[str, ...]
    avoid: str
    notes: str
    volunteer_resident_id: int | None
    charge_fen: int
    meal: str
    day: date


def _natural(text: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", text or "") if p)


def stop_sort_key(row: OrderRow, route_order: int = 0) -> tuple:
    return (row.compound, _natural(row.building), _natural(row.unit), route_order, _natural(row.room), row.name)


def day_orders(s: Session, *, actor: Actor, day: date, meal: str | None = None, service: str | None = None,
               include_cancelled: bool = True) -> list[OrderRow]:
    """The day's orders in route order (compound, building, unit, room)."""
    require(actor, VIEW_MEALS)
    # Plain columns, not ORM objects: a day's 2,000 orders load in milliseconds.
    q = (sa_select(col(MealOrder.id), col(MealOrder.recipient_id), col(MealOrder.service), col(MealOrder.status), col(MealOrder.outcome),
                   col(MealOrder.outcome_at), col(MealOrder.volunteer_resident_id), col(MealOrder.price_fen), col(MealOrder.subsidy_fen),
                   col(MealOrder.delivery_fee_fen), col(MealOrder.meal), col(MealOrder.day), col(MealRecipient.low_salt), col(MealRecipient.low_sugar),
                   col(MealRecipient.soft), col(MealRecipient.vegetarian), col(MealRecipient.halal), col(MealRecipient.avoid),
                   col(MealRecipient.delivery_notes), col(MealRecipient.delivery_address), col(MealRecipient.route_order), col(Resident.id),
                   col(Resident.name), col(Resident.phone), col(Resident.compound), col(Resident.building), col(Resident.unit), col(Resident.room))
         .join(MealRecipient, col(MealRecipient.id) == MealOrder.recipient_id)
         .join(Resident, col(Resident.id) == MealRecipient.resident_id)
         .where(col(MealOrder.day) == day, *station_filter(actor)))
    if meal:
        q = q.where(col(MealOrder.meal) == meal)
    if service:
        q = q.where(col(MealOrder.service) == service)
    if not include_cancelled:
        q = q.where(col(MealOrder.status) == OrderStatus.ORDERED)
    out = []
    for (oid, rid, svc, status, outcome, outcome_at, vol, price, subsidy, fee, o_meal, o_day, *flags, avoid, notes,
         address, route_order, res_id, name, phone, compound, building, unit, room) in s.execute(q).all():
        parts = [compound]
        if building:
            parts.append(f"{building}栋")
        if unit:
            parts.append(f"{unit}单元")
        if room:
            parts.append(f"{room}室")
        row = OrderRow(
            id=oid, recipient_id=rid, resident_id=res_id, name=name, phone_masked=mask_phone(phone),
            address=address or "".join(p for p in parts if p), compound=compound or "", building=building or "",
            unit=unit or "", room=room or "", service=svc, status=status, outcome=outcome, outcome_at=outcome_at,
            diets=tuple(d for d, on in zip(DIETS, flags, strict=True) if on), avoid=avoid, notes=notes,
            volunteer_resident_id=vol, charge_fen=max(0, price - subsidy) + fee, meal=o_meal, day=o_day,
        )
        out.append((stop_sort_key(row, route_order), row))
    out.sort(key=lambda pair: (MEALS.index(pair[1].meal), pair[0]))
    return [row for _, row in out]


@dataclass
class KitchenSheet:
    day: date
    counts: dict[str, dict[str, int]]  # meal -> {"total", each ServiceKind, each Diet, "plain"}
    avoid: dict[str, list[tuple[str, str]]]  # meal -> [(name, avoid text)]


def kitchen_sheet(s: Session, *, actor: Actor, day: date) -> KitchenSheet:
    """Counts per meal and per diet of the day's (not cancelled) orders, with each avoid note."""
    require(actor, VIEW_MEALS)
    counts: dict[str, dict[str, int]] = {m: {"total": 0, **{k: 0 for k in SERVICES}, **{d: 0 for d in DIETS}, "plain": 0} for m in MEALS}
    avoid: dict[str, list[tuple[str, str]]] = {m: [] for m in MEALS}
    rows = s.execute(
        sa_select(col(MealOrder.meal), col(MealOrder.service), col(MealRecipient.low_salt), col(MealRecipient.low_sugar), col(MealRecipient.soft),
                  col(MealRecipient.vegetarian), col(MealRecipient.halal), col(MealRecipient.avoid), col(Resident.name))
        .join(MealRecipient, col(MealRecipient.id) == MealOrder.recipient_id)
        .join(Resident, col(Resident.id) == MealRecipient.resident_id)
        .where(col(MealOrder.day) == day, col(MealOrder.status) == OrderStatus.ORDERED, *station_filter(actor))
        .order_by(MealRecipient.sort_key)
    ).all()
    for meal, service, *flags, avoid_text, name in rows:
        c = counts[meal]
        c["total"] += 1
        c[service] += 1
        any_flag = False
        for d, on in zip(DIETS, flags, strict=True):
            if on:
                c[d] += 1
                any_flag = True
        if not any_flag:
            c["plain"] += 1
        if avoid_text:
            avoid[meal].append((name, avoid_text))
    return KitchenSheet(day=day, counts=counts, avoid=avoid)

