"""Demo meal assistance: recipients chosen among elderly demo residents, their schedules, diets,
pauses, and a history of orders, outcomes (with closed welfare checks), top-ups and charges, food samples.

small = ~60 recipients, last month and this one (today's meals half delivered, one welfare check still open);
large = 2,000 recipients and five years (recipients join over the years; some stop or die).
Bulk inserts with SQLAlchemy Core in chunks; ids assigned here so ledger rows can point at orders.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.workdays import WorkCalendar
from desktop_app.meals.accounts import snapshot_balances
from desktop_app.meals.deliveries import delivery_volunteers
from desktop_app.meals.models import (
    DIETS,
    MEALS,
    FoodSample,
    Meal,
    MealLedgerEntry,
    MealOrder,
    MealPause,
    MealRecipient,
    MealRouteAssignment,
    OrderOutcome,
    OrderStatus,
    RecipientStatus,
    ServiceKind,
    WelfareAttempt,
    WelfareCheck,
    schedule_bit,
)
from desktop_app.meals.rates import Rates
from desktop_app.residents import Resident

AVOID = ["不吃香菜", "对虾过敏", "不吃辣", "不吃葱姜蒜", "不吃羊肉", "少油", "不吃肥肉", "牙口不好，菜切碎"]
NOTES = ["耳背，请用力敲门", "门铃坏了，请打电话", "腿脚不便，请送到屋内餐桌", "家里有狗，先打电话", "放门口挂钩上即可",
         "独居，务必当面交给本人", "女儿中午在家", ""]
COOKS = ["刘师傅", "陈阿姨", "马师傅", "周阿姨"]
DISHES = ["红烧鱼块 清炒油麦菜 番茄蛋汤 米饭", "土豆烧鸡 醋溜白菜 紫菜汤 米饭", "肉末豆腐 蒜蓉菠菜 冬瓜汤 米饭",
          "清蒸鲈鱼 炒三丝 玉米排骨汤 米饭", "红烧狮子头 香菇青菜 丝瓜蛋汤 米饭", "番茄牛腩 木耳山药 小米粥 馒头"]
CHUNK = 20_000


@dataclass
class Person:
    rid: int
    resident_id: int
    compound: str
    birth: date | None
    hardship: bool
    service: str
    schedule: int
    granted: str
    credit: int
    start: date
    end: date | None
    pauses: list[tuple[date, date]] = field(default_factory=list)
    balance: int = 0


def _local(day: date, hh: int, mm: int) -> datetime:
    return datetime.combine(day, time(hh, mm)).astimezone().astimezone(UTC)


def generate(engine: Engine, *, scale: str = "small", seed: int = 1, progress: Progress = NO_PROGRESS) -> None:
    rng = random.Random(seed + 5)
    today = date.today()
    with Session(engine) as s:
        if s.execute(select(func.count()).select_from(MealRecipient)).scalar():
            return  # demo data already there
        cutoff = today.replace(year=today.year - 60)
        elderly = [r for r, in s.execute(select(col(Resident.id)).where(col(Resident.birth_date) <= cutoff, col(Resident.erased) == False)  # noqa: E712
                                         .order_by(col(Resident.id))).all()]
    if not elderly:
        return
    if scale == "large":
        n, start = min(2000, len(elderly)), today - timedelta(days=5 * 365 + 1)
    else:
        # Last month from its first day and this month: reports open on last month, and find it whole.
        first = today.replace(day=1)
        n, start = min(60, len(elderly)), (first - timedelta(days=1)).replace(day=1)
    chosen = rng.sample(elderly, n)
    populate(engine, chosen, start=start, end=today, rng=rng, progress=progress, spread=(scale == "large"),
             leave_today_open=True)


def populate(
    engine: Engine, resident_ids: list[int], *, start: date, end: date, rng: random.Random,
    progress: Progress = NO_PROGRESS, spread: bool = False, leave_today_open: bool = False, all_active: bool = False,
    now: datetime | None = None,
) -> list[int]:
    """Recipients for ``resident_ids`` and their history from ``start`` to ``end`` (inclusive).

    ``spread``: recipients join over the period and some stop; otherwise all start on ``start``.
    ``now``: the clock the history stops at (what happened today happened before it). Returns the recipient ids."""
    now = now or datetime.now(UTC)

    def before_now(at: datetime) -> datetime:
        """``at``, or if it has not come yet a little before now, but never before that day's midnight."""
        if at < now - timedelta(minutes=5):
            return at
        return max(_local(at.astimezone().date(), 0, 0), now - timedelta(minutes=rng.randint(6, 40)))
    with Session(engine) as s:
        cal = WorkCalendar.load(s)
        rates = Rates.load(s)
        residents = {}
        for k in range(0, len(resident_ids), 500):
            for r in s.execute(select(Resident).where(col(Resident.id).in_(resident_ids[k:k + 500]))).scalars():
                residents[r.id] = r
        volunteers = [v.resident_id for v in delivery_volunteers(s, actor=_system())]
        next_id = {m: (s.execute(select(func.max(m.id))).scalar() or 0) + 1
                   for m in (MealRecipient, MealOrder, MealLedgerEntry, WelfareCheck, WelfareAttempt, MealPause, FoodSample)}
    days_total = (end - start).days + 1
    # The canteen's samples belong to the recipients' station (demo data is one station's).
    canteen_station = next((r.station_id for r in residents.values()), None)
    people: list[Person] = []
    rec_rows: list[dict[str, Any]] = []  # bulk-insert rows
    pause_rows: list[dict[str, Any]] = []
    for resident_id in resident_ids:
        res = residents[resident_id]
        rid = next_id[MealRecipient]
        next_id[MealRecipient] += 1
        roll = rng.random()
        service_kind = "dine_in" if rng.random() < 0.25 else "delivery"
        schedule = 0
        if roll < 0.5:
            schedule = sum(schedule_bit(w, "lunch") for w in range(5))
        elif roll < 0.8:
            schedule = sum(schedule_bit(w, "lunch") for w in range(7))
        else:
            schedule = sum(schedule_bit(w, m) for w in range(7) for m in MEALS)
        p_start = start + timedelta(days=rng.randint(0, max(0, days_total - 60))) if spread and not all_active else start
        status, p_end = "active", None
        fate = rng.random()
        if not all_active:
            if spread and fate < 0.12:
                p_end = p_start + timedelta(days=rng.randint(60, max(61, (end - p_start).days)))
                status = "deceased" if fate < 0.04 else "stopped"
                if p_end >= end:
                    p_end, status = None, "active"
            elif fate < 0.03:
                status = "pending"
            elif fate < 0.05:
                status = "paused"
        diets: dict[str, bool] = {d: rng.random() < q for d, q in zip(DIETS, (0.35, 0.2, 0.15, 0.05, 0.03), strict=True)}
        credit = 2000 if rng.random() < 0.3 else 0
        person = Person(rid, res.id, res.compound or "", res.birth_date,
                        bool(res.extreme_hardship or res.minimum_living_allowance), service_kind, schedule, "", credit,
                        p_start, p_end)
        if status in (RecipientStatus.PENDING, RecipientStatus.PAUSED):
            person.end = p_start  # never ordered in the demo period
        cursor = p_start + timedelta(days=rng.randint(20, 200))
        while cursor < (p_end or end):
            length = rng.randint(3, 21)
            pid = next_id[MealPause]
            next_id[MealPause] += 1
            person.pauses.append((cursor, cursor + timedelta(days=length - 1)))
            pause_rows.append({"id": pid, "recipient_id": rid, "start_day": cursor, "end_day": cursor + timedelta(days=length - 1),
                               "reason": rng.choice(("hospital", "away", "family", "hospital")), "note": "",
                               "created_at": _local(cursor, 8, 0) - timedelta(days=1)})
            cursor += timedelta(days=length + rng.randint(120, 500))
        if not spread and rng.random() < 0.1:  # a current pause that ends by itself next week
            a, b = end - timedelta(days=rng.randint(0, 5)), end + timedelta(days=rng.randint(2, 9))
            person.pauses.append((a, b))
            pid = next_id[MealPause]
            next_id[MealPause] += 1
            pause_rows.append({"id": pid, "recipient_id": rid, "start_day": a, "end_day": b, "reason": "hospital",
                               "note": "住院", "created_at": now})
        people.append(person)
        rec_rows.append({
            "id": rid, "resident_id": res.id, "station_id": res.station_id, "sort_key": res.sort_key, "status": status,
            "service": service_kind, "schedule": schedule, **diets,
            "avoid": rng.choice(AVOID) if rng.random() < 0.25 else "",
            "delivery_address": "", "delivery_notes": rng.choice(NOTES) if service_kind == ServiceKind.DELIVERY else "",
            "emergency_contact": res.emergency_contact or "", "emergency_phone": res.emergency_phone or "",
            "subsidy_tier": "", "credit_limit_fen": credit, "route_order": 0, "created_at": now, "updated_at": now,
        })
    compounds = sorted({p.compound for p in people if p.compound})
    with engine.begin() as conn:
        conn.execute(insert(MealRecipient), rec_rows)
        if pause_rows:
            conn.execute(insert(MealPause), pause_rows)
        if volunteers:
            have = {c for c, in conn.execute(select(col(MealRouteAssignment.compound))).all()}
            rows = [{"compound": c, "volunteer_resident_id": volunteers[i % len(volunteers)]}
                    for i, c in enumerate(compounds) if c not in have]
            if rows:
                conn.execute(insert(MealRouteAssignment), rows)
    route_of = {c: volunteers[i % len(volunteers)] for i, c in enumerate(compounds)} if volunteers else {}

    # Rows of bulk inserts: one value per column, of its type.
    orders: list[dict[str, Any]] = []
    ledger: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    attempts: list[dict[str, Any]] = []
    samples: list[dict[str, Any]] = []
    tier_cache: dict = {}

    def flush() -> None:
        with engine.begin() as conn:
            for model, rows in ((MealOrder, orders), (MealLedgerEntry, ledger), (WelfareCheck, checks),
                                (WelfareAttempt, attempts), (FoodSample, samples)):
                if rows:
                    conn.execute(insert(model), rows)
                    rows.clear()

    open_check_left = not leave_today_open
    for i in range(days_total):
        day = start + timedelta(days=i)
        if i % 7 == 0:
            progress(i, days_total, "meals")
        if cal.is_holiday(day):
            continue
        is_today = day == end and leave_today_open
        for meal in MEALS:
            price = rates.price(meal, day)
            if price is None:  # no price yet: no meals (as orders.generate_orders)
                continue
            bit = schedule_bit(day.weekday(), meal)
            served = 0
            for p in people:
                if not p.schedule & bit or day < p.start or (p.end is not None and day >= p.end):
                    continue
                if p.pauses and any(a <= day <= b for a, b in p.pauses):
                    continue
                age = None
                if p.birth is not None:
                    age = day.year - p.birth.year - ((day.month, day.day) < (p.birth.month, p.birth.day))
                key = (age, p.hardship, day >= date(2026, 7, 1), day.year)
                tier = tier_cache.get(key)
                if key not in tier_cache:
                    tier = tier_cache[key] = rates.best_tier(day, birth_date=p.birth, hardship=p.hardship)
                subsidy = min(tier.subsidy_fen, price.price_fen) if tier else 0
                fee = price.delivery_fee_fen if p.service == ServiceKind.DELIVERY else 0
                charge = price.price_fen - subsidy + fee
                if p.balance - charge < -p.credit or p.balance < 3000 and rng.random() < 0.6:
                    amount = rng.choice((20000, 30000, 50000, 60000))
                    lid = next_id[MealLedgerEntry]
                    next_id[MealLedgerEntry] += 1
                    method = "cash" if rng.random() < 0.7 else "transfer"
                    ledger.append({"id": lid, "recipient_id": p.rid, "day": day, "at": before_now(_local(day, 8, rng.randint(0, 59))),
                                   "kind": "top_up", "amount_fen": amount, "method": method,
                                   "receipt_no": f"{'XJ' if method == 'cash' else 'ZZ'}{day:%Y%m%d}{lid % 10000:04d}",
                                   "order_id": None, "note": "", "actor_id": None})
                    p.balance += amount
                oid = next_id[MealOrder]
                next_id[MealOrder] += 1
                hh = 11 if meal == Meal.LUNCH else 17
                roll = rng.random()
                status, outcome, at = "ordered", "", None
                if is_today and (meal == Meal.DINNER or roll < 0.45):
                    outcome = ""
                elif p.service == ServiceKind.DINE_IN:
                    outcome, at = ("served", _local(day, hh, rng.randint(0, 50))) if roll < 0.96 else ("cancelled", _local(day, 8, 30))
                elif is_today and not open_check_left:
                    outcome, at = "not_home", _local(day, hh, rng.randint(0, 30))  # today's red welfare check
                elif roll < 0.95 or (is_today and roll < 0.97):
                    outcome, at = "delivered", _local(day, hh, rng.randint(0, 59))
                elif roll < 0.97:
                    outcome, at = "not_home", _local(day, hh, rng.randint(0, 59))
                elif roll < 0.985:
                    outcome, at = "refused", _local(day, hh, rng.randint(0, 59))
                else:
                    outcome, at = "cancelled", _local(day, 8, rng.randint(0, 50))
                if at is not None and at > now - timedelta(minutes=5) and outcome not in ("cancelled", "not_home"):
                    outcome, at = "", None  # not served or delivered yet
                elif at is not None:
                    at = before_now(at)  # cancelled this morning; today's welfare check opened a little while ago
                if outcome == OrderOutcome.CANCELLED:
                    status = "cancelled"
                orders.append({"id": oid, "day": day, "meal": meal, "recipient_id": p.rid, "service": p.service,
                               "status": status, "source": "schedule", "price_fen": price.price_fen, "subsidy_fen": subsidy,
                               "delivery_fee_fen": fee, "tier_id": tier.id if tier else None, "outcome": outcome,
                               "outcome_at": at, "outcome_by": None,
                               "volunteer_resident_id": route_of.get(p.compound) if p.service == ServiceKind.DELIVERY else None,
                               "created_at": before_now(_local(day, 7, 0))})
                lid = next_id[MealLedgerEntry]
                next_id[MealLedgerEntry] += 1
                ledger.append({"id": lid, "recipient_id": p.rid, "day": day, "at": before_now(_local(day, 7, 0)), "kind": "charge",
                               "amount_fen": -charge, "method": "", "receipt_no": "", "order_id": oid, "note": "",
                               "actor_id": None})
                p.balance -= charge
                if status == OrderStatus.CANCELLED:
                    lid = next_id[MealLedgerEntry]
                    next_id[MealLedgerEntry] += 1
                    ledger.append({"id": lid, "recipient_id": p.rid, "day": day, "at": at, "kind": "refund",
                                   "amount_fen": charge, "method": "", "receipt_no": "", "order_id": oid, "note": "",
                                   "actor_id": None})
                    p.balance += charge
                else:
                    served += 1
                if outcome == OrderOutcome.NOT_HOME:
                    assert at is not None  # not home: someone knocked at a time (above)
                    cid = next_id[WelfareCheck]
                    next_id[WelfareCheck] += 1
                    keep_open = is_today and not open_check_left
                    closed = None if keep_open else min(at + timedelta(minutes=rng.randint(15, 90)), now)
                    checks.append({"id": cid, "order_id": oid, "recipient_id": p.rid, "day": day, "opened_at": at,
                                   "closed_at": closed, "outcome": "" if keep_open else rng.choice(("safe", "safe", "away", "hospital")),
                                   "note": "", "closed_by": None})
                    open_check_left = open_check_left or keep_open
                    targets = ["recipient"] if keep_open else ["recipient", "emergency_contact", "grid_worker"][: rng.randint(1, 3)]
                    for k, target in enumerate(targets):
                        aid = next_id[WelfareAttempt]
                        next_id[WelfareAttempt] += 1
                        last = k == len(targets) - 1 and not keep_open
                        attempts.append({"id": aid, "check_id": cid, "target": target, "phone": "",
                                         "result": "reached" if last else "no_answer", "note": "",
                                         "at": min(at + timedelta(minutes=5 * (k + 1)), closed or now), "actor_id": None})
            kept = _local(day, 10 if meal == Meal.LUNCH else 16, 50)
            if served and kept < now:  # today's dinner sample is kept when the dinner is cooked
                gone = kept + timedelta(hours=48, minutes=rng.randint(5, 90))
                sid = next_id[FoodSample]
                next_id[FoodSample] += 1
                samples.append({"id": sid, "day": day, "meal": meal, "dishes": rng.choice(DISHES), "kept_at": kept,
                                "kept_by": rng.choice(COOKS), "discarded_at": gone if gone < now else None,
                                "discarded_by": rng.choice(COOKS) if gone < now else "",
                                "station_id": canteen_station})
        if len(ledger) >= CHUNK:
            flush()
    flush()
    from desktop_app.core.db import session_scope

    with session_scope(engine) as s:
        snapshot_balances(s)
    progress(days_total, days_total, "meals")
    return [p.rid for p in people]


def _system():
    from desktop_app.core.auth import SYSTEM

    return SYSTEM
