"""Meal assistance use cases: recipients and pauses, dated prices and tiers, the day's orders, routes,
outcomes and welfare checks, dine-in check-in, food samples, the prepaid account ledger, statements.

Every function takes the session and the signed-in ``actor``, checks the permission first and writes
the audit log in the caller's transaction. Rejected input raises before anything is written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, delete, insert, tuple_
from sqlmodel import Session, func, select

from desktop_app.core import audit
from desktop_app.core.auth import ALL_ROLES, STAFF, Actor, Permission, Role, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import in_station, station_scope
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StationSetting
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.validation import (
    clean_fen,
    clean_name,
    clean_phone,
    clean_text,
    clean_year_month,
    mask_phone,
)
from desktop_app.core.workdays import WorkCalendar
from desktop_app.meals.models import (
    CALL_RESULTS,
    CALL_TARGETS,
    CHECK_OUTCOMES,
    DIETS,
    MEALS,
    OUTCOMES,
    PAUSE_REASONS,
    PAY_METHODS,
    SERVICES,
    STATUSES,
    BalanceSnapshot,
    BalanceSnapshotRow,
    FoodSample,
    MealLedgerEntry,
    MealOrder,
    MealPause,
    MealPrice,
    MealRecipient,
    MealRecipientBase,
    MealRecipientCreate,
    MealRouteAssignment,
    SubsidyTier,
    WelfareAttempt,
    WelfareCheck,
    schedule_bit,
)

# --- permissions: the meals rows of the role × use-case matrix ----------------------------------
from desktop_app.meals.permissions import VIEW_MEALS  # noqa: E402  (shared with feature.py)
from desktop_app.residents.models import Resident

MANAGE_RECIPIENTS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "add or edit meal recipients and pauses"), {Role.ADMIN, Role.COORDINATOR}
)
RUN_MEAL_DAY = Permission(
    QT_TRANSLATE_NOOP("Permissions", "generate meal orders and routes"), {Role.ADMIN, Role.COORDINATOR}
)
RECORD_DELIVERIES = Permission(QT_TRANSLATE_NOOP("Permissions", "record deliveries and welfare checks"), STAFF)
CHECK_IN = Permission(QT_TRANSLATE_NOOP("Permissions", "check in dine-in meals"), ALL_ROLES)
TAKE_PAYMENTS = Permission(QT_TRANSLATE_NOOP("Permissions", "take meal account top-ups"), {Role.ADMIN, Role.FRONT_DESK})
CORRECT_ACCOUNTS = Permission(QT_TRANSLATE_NOOP("Permissions", "correct meal accounts"), {Role.ADMIN})
MANAGE_RATES = Permission(
    QT_TRANSLATE_NOOP("Permissions", "change meal prices, subsidy tiers and meal settings"), {Role.ADMIN}
)
KEEP_SAMPLES = Permission(QT_TRANSLATE_NOOP("Permissions", "keep and discard food samples"), STAFF)
PRINT_MONTH = Permission(
    QT_TRANSLATE_NOOP("Permissions", "print meal statements and subsidy claims"), {Role.ADMIN, Role.COORDINATOR}
)

# --- labels ---------------------------------------------------------------------------------------
STATUS_LABELS = {
    "pending": QT_TRANSLATE_NOOP("Meals", "pending"),
    "active": QT_TRANSLATE_NOOP("Meals", "active"),
    "paused": QT_TRANSLATE_NOOP("Meals", "paused"),
    "stopped": QT_TRANSLATE_NOOP("Meals", "stopped"),
    "deceased": QT_TRANSLATE_NOOP("Meals", "deceased"),
}
SERVICE_LABELS = {
    "delivery": QT_TRANSLATE_NOOP("Meals", "delivery"),
    "dine_in": QT_TRANSLATE_NOOP("Meals", "dine-in"),
}
MEAL_LABELS = {"lunch": QT_TRANSLATE_NOOP("Meals", "lunch"), "dinner": QT_TRANSLATE_NOOP("Meals", "dinner")}
DIET_LABELS = {
    "low_salt": QT_TRANSLATE_NOOP("Meals", "low salt"),
    "low_sugar": QT_TRANSLATE_NOOP("Meals", "low sugar"),
    "soft": QT_TRANSLATE_NOOP("Meals", "soft/minced"),
    "vegetarian": QT_TRANSLATE_NOOP("Meals", "vegetarian"),
    "halal": QT_TRANSLATE_NOOP("Meals", "halal/no pork"),
}
PAUSE_LABELS = {
    "hospital": QT_TRANSLATE_NOOP("Meals", "in hospital"),
    "away": QT_TRANSLATE_NOOP("Meals", "away"),
    "family": QT_TRANSLATE_NOOP("Meals", "with family"),
    "other": QT_TRANSLATE_NOOP("Meals", "other"),
}
OUTCOME_LABELS = {
    "": QT_TRANSLATE_NOOP("Meals", "open"),
    "delivered": QT_TRANSLATE_NOOP("Meals", "delivered"),
    "not_home": QT_TRANSLATE_NOOP("Meals", "not home"),
    "refused": QT_TRANSLATE_NOOP("Meals", "refused"),
    "cancelled": QT_TRANSLATE_NOOP("Meals", "cancelled"),
    "served": QT_TRANSLATE_NOOP("Meals", "served"),
}
LEDGER_LABELS = {
    "top_up": QT_TRANSLATE_NOOP("Meals", "top-up"),
    "charge": QT_TRANSLATE_NOOP("Meals", "meal"),
    "refund": QT_TRANSLATE_NOOP("Meals", "refund"),
    "correction": QT_TRANSLATE_NOOP("Meals", "correction"),
}
METHOD_LABELS = {"cash": QT_TRANSLATE_NOOP("Meals", "cash"), "transfer": QT_TRANSLATE_NOOP("Meals", "transfer")}
TARGET_LABELS = {
    "recipient": QT_TRANSLATE_NOOP("Meals", "recipient"),
    "emergency_contact": QT_TRANSLATE_NOOP("Meals", "emergency contact"),
    "grid_worker": QT_TRANSLATE_NOOP("Meals", "grid worker"),
}
CALL_RESULT_LABELS = {
    "reached": QT_TRANSLATE_NOOP("Meals", "reached"),
    "no_answer": QT_TRANSLATE_NOOP("Meals", "no answer"),
    "unreachable": QT_TRANSLATE_NOOP("Meals", "unreachable / wrong number"),
}
CHECK_OUTCOME_LABELS = {
    "safe": QT_TRANSLATE_NOOP("Meals", "safe"),
    "away": QT_TRANSLATE_NOOP("Meals", "away from home"),
    "hospital": QT_TRANSLATE_NOOP("Meals", "in hospital"),
    "emergency": QT_TRANSLATE_NOOP("Meals", "emergency services called"),
    "other": QT_TRANSLATE_NOOP("Meals", "other"),
}

F = {
    "resident": QT_TRANSLATE_NOOP("Fields", "Resident"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "service": QT_TRANSLATE_NOOP("Fields", "Service"),
    "schedule": QT_TRANSLATE_NOOP("Fields", "Weekly schedule"),
    "avoid": QT_TRANSLATE_NOOP("Fields", "Foods to avoid"),
    "delivery_address": QT_TRANSLATE_NOOP("Fields", "Delivery address"),
    "delivery_notes": QT_TRANSLATE_NOOP("Fields", "Delivery notes"),
    "emergency_contact": QT_TRANSLATE_NOOP("Fields", "Emergency contact"),
    "emergency_phone": QT_TRANSLATE_NOOP("Fields", "Emergency phone"),
    "subsidy_tier": QT_TRANSLATE_NOOP("Fields", "Subsidy tier"),
    "credit_limit": QT_TRANSLATE_NOOP("Fields", "Credit limit"),
    "pause_start": QT_TRANSLATE_NOOP("Fields", "Pause from"),
    "pause_end": QT_TRANSLATE_NOOP("Fields", "Pause until"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "amount": QT_TRANSLATE_NOOP("Fields", "Amount"),
    "method": QT_TRANSLATE_NOOP("Fields", "Payment method"),
    "receipt_no": QT_TRANSLATE_NOOP("Fields", "Receipt number"),
    "meal": QT_TRANSLATE_NOOP("Fields", "Meal"),
    "outcome": QT_TRANSLATE_NOOP("Fields", "Outcome"),
    "order": QT_TRANSLATE_NOOP("Fields", "Meal order"),
    "balance": QT_TRANSLATE_NOOP("Fields", "Balance"),
    "target": QT_TRANSLATE_NOOP("Fields", "Person called"),
    "result": QT_TRANSLATE_NOOP("Fields", "Call result"),
    "dishes": QT_TRANSLATE_NOOP("Fields", "Dishes"),
    "kept_by": QT_TRANSLATE_NOOP("Fields", "Kept by"),
    "discarded_by": QT_TRANSLATE_NOOP("Fields", "Discarded by"),
    "discard_time": QT_TRANSLATE_NOOP("Fields", "Discard time"),
    "price": QT_TRANSLATE_NOOP("Fields", "Price"),
    "delivery_fee": QT_TRANSLATE_NOOP("Fields", "Delivery fee"),
    "subsidy": QT_TRANSLATE_NOOP("Fields", "Subsidy"),
    "tier_name": QT_TRANSLATE_NOOP("Fields", "Tier name"),
    "funding_source": QT_TRANSLATE_NOOP("Fields", "Funding source"),
    "effective_from": QT_TRANSLATE_NOOP("Fields", "Effective from"),
    "cutoff": QT_TRANSLATE_NOOP("Fields", "Cut-off time"),
    "low_balance": QT_TRANSLATE_NOOP("Fields", "Low balance warning"),
    "volunteer": QT_TRANSLATE_NOOP("Fields", "Delivery volunteer"),
    "month": QT_TRANSLATE_NOOP("Fields", "Month"),
}

SAMPLE_HOURS = 48
MAX_TOP_UP_FEN = 10_000_00  # 10,000 yuan: more is a typing error


def _choice(value: str, allowed, field_label: str) -> str:
    if value not in allowed:
        raise ValidationError(field_label, QT_TRANSLATE_NOOP("Errors", "choose one of the listed options."))
    return value


# --- settings ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MealSettings:
    cutoff: dict[str, time] = field(default_factory=lambda: {"lunch": time(9, 0), "dinner": time(14, 30)})
    low_balance_fen: int = 5000
    default_credit_fen: int = 0


_SETTING_KEYS = ("meals.cutoff_lunch", "meals.cutoff_dinner", "meals.low_balance_fen", "meals.default_credit_fen")


def get_settings(s: Session) -> MealSettings:
    rows = {r.key: r.value for r in s.exec(select(StationSetting).where(StationSetting.key.in_(_SETTING_KEYS)))}
    base = MealSettings()
    cutoff = dict(base.cutoff)
    for meal in MEALS:
        text = rows.get(f"meals.cutoff_{meal}")
        if text:
            cutoff[meal] = time.fromisoformat(text)
    return MealSettings(
        cutoff=cutoff,
        low_balance_fen=int(rows.get("meals.low_balance_fen", base.low_balance_fen)),
        default_credit_fen=int(rows.get("meals.default_credit_fen", base.default_credit_fen)),
    )


def set_settings(
    s: Session, *, actor: Actor, cutoff_lunch: str, cutoff_dinner: str, low_balance: int | str, default_credit: int | str
) -> MealSettings:
    require(actor, MANAGE_RATES)
    times = {}
    for meal, text in (("lunch", cutoff_lunch), ("dinner", cutoff_dinner)):
        try:
            times[meal] = time.fromisoformat(str(text).strip())
        except ValueError:
            raise ValidationError(
                F["cutoff"], QT_TRANSLATE_NOOP("Errors", "“{value}” is not a time; write it as 09:30."), value=str(text)[:10]
            ) from None
    low = clean_fen(low_balance, F["low_balance"])
    credit = clean_fen(default_credit, F["credit_limit"])
    before = get_settings(s)
    values = {
        "meals.cutoff_lunch": times["lunch"].strftime("%H:%M"),
        "meals.cutoff_dinner": times["dinner"].strftime("%H:%M"),
        "meals.low_balance_fen": str(low),
        "meals.default_credit_fen": str(credit),
    }
    for key, value in values.items():
        row = s.exec(select(StationSetting).where(StationSetting.key == key)).first()
        if row is None:
            row = StationSetting(station_id=actor.station_id, key=key, value=value)
        row.value = value
        s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="meal_settings", before=before, after=values)
    return get_settings(s)


def cutoff_at(settings: MealSettings, day: date, meal: str) -> datetime:
    return datetime.combine(day, settings.cutoff[meal]).astimezone()


# --- prices and subsidy tiers (dated reference data) ----------------------------------------------
@dataclass
class Rates:
    """Prices and tiers loaded once; answers "what did a meal cost on this day" for any day."""

    prices: dict[str, list[MealPrice]]
    tiers: dict[str, list[SubsidyTier]]

    @classmethod
    def load(cls, s: Session) -> Rates:
        prices: dict[str, list[MealPrice]] = defaultdict(list)
        for p in s.exec(select(MealPrice).order_by(MealPrice.effective_from)):
            prices[p.meal].append(p)
        tiers: dict[str, list[SubsidyTier]] = defaultdict(list)
        for t in s.exec(select(SubsidyTier).order_by(SubsidyTier.effective_from)):
            tiers[t.code].append(t)
        return cls(dict(prices), dict(tiers))

    def price(self, meal: str, day: date) -> MealPrice | None:
        found = None
        for p in self.prices.get(meal, []):
            if p.effective_from <= day:
                found = p
        return found

    def tiers_on(self, day: date) -> list[SubsidyTier]:
        out = []
        for rows in self.tiers.values():
            current = None
            for t in rows:
                if t.effective_from <= day:
                    current = t
            if current is not None and current.active:
                out.append(current)
        return out

    def best_tier(
        self, day: date, *, birth_date: date | None, hardship: bool, granted: str = ""
    ) -> SubsidyTier | None:
        """The tier with the highest subsidy the recipient qualifies for on ``day``."""
        if granted == "none":
            return None
        age = None
        if birth_date is not None:
            age = day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
        best = None
        for t in self.tiers_on(day):
            ok = t.code == granted
            if not ok:
                if t.hardship and not hardship:
                    continue
                if t.min_age is not None and (age is None or age < t.min_age):
                    continue
                if t.max_age is not None and (age is None or age > t.max_age):
                    continue
                ok = True
            if ok and (best is None or t.subsidy_fen > best.subsidy_fen):
                best = t
        return best

    def tier_codes(self) -> list[tuple[str, str]]:
        return [(code, rows[-1].name) for code, rows in self.tiers.items()]


def set_price(
    s: Session, *, actor: Actor, meal: str, effective_from: date, price: int | str, delivery_fee: int | str
) -> MealPrice:
    """A new price from a date on (the old one stays for earlier days)."""
    require(actor, MANAGE_RATES)
    _choice(meal, MEALS, F["meal"])
    price_fen = clean_fen(price, F["price"], allow_zero=False)
    fee_fen = clean_fen(delivery_fee, F["delivery_fee"])
    row = s.exec(select(MealPrice).where(MealPrice.meal == meal, MealPrice.effective_from == effective_from)).first()
    before = audit.snapshot(row) if row else None
    if row is None:
        row = MealPrice(meal=meal, effective_from=effective_from, price_fen=price_fen, delivery_fee_fen=fee_fen)
    row.price_fen, row.delivery_fee_fen = price_fen, fee_fen
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update" if before else "create", entity="meal_price", entity_id=row.id,
                 before=before, after=row)
    return row


def set_tier(
    s: Session,
    *,
    actor: Actor,
    code: str,
    name: str,
    effective_from: date,
    subsidy: int | str,
    funding_source: str,
    min_age: int | None = None,
    max_age: int | None = None,
    hardship: bool = False,
    active: bool = True,
) -> SubsidyTier:
    """A tier's terms from an effective date on; meals before that date keep the old terms."""
    require(actor, MANAGE_RATES)
    code = (code or "").strip()
    if not re.fullmatch(r"[a-z0-9_]{1,30}", code) or code == "none":
        raise ValidationError(F["subsidy_tier"], QT_TRANSLATE_NOOP("Errors", "use a short code of lower-case letters, digits and _ (e.g. age_85)."))
    name = clean_text(name, F["tier_name"], max_len=50, required=True, multiline=False)
    source = clean_text(funding_source, F["funding_source"], max_len=50, required=True, multiline=False)
    fen = clean_fen(subsidy, F["subsidy"])
    if min_age is not None and max_age is not None and min_age > max_age:
        raise ValidationError(F["tier_name"], QT_TRANSLATE_NOOP("Errors", "the lowest age {low} is above the highest age {high}."), low=min_age, high=max_age)
    row = s.exec(select(SubsidyTier).where(SubsidyTier.code == code, SubsidyTier.effective_from == effective_from)).first()
    before = audit.snapshot(row) if row else None
    if row is None:
        row = SubsidyTier(code=code, name=name, effective_from=effective_from)
    row.name, row.subsidy_fen, row.funding_source = name, fen, source
    row.min_age, row.max_age, row.hardship, row.active = min_age, max_age, hardship, active
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update" if before else "create", entity="meal_subsidy_tier",
                 entity_id=row.id, before=before, after=row)
    return row


def list_rates(s: Session, *, actor: Actor) -> tuple[list[MealPrice], list[SubsidyTier]]:
    """Every dated price and tier row (history included), newest terms first."""
    require(actor, VIEW_MEALS)
    prices = list(s.exec(select(MealPrice).order_by(MealPrice.meal, MealPrice.effective_from.desc())))
    tiers = list(s.exec(select(SubsidyTier).order_by(SubsidyTier.code, SubsidyTier.effective_from.desc())))
    return prices, tiers


# --- recipients --------------------------------------------------------------------------------------
def _clean_recipient(s: Session, data: MealRecipientBase) -> dict:
    out: dict = {}
    out["status"] = _choice(data.status, STATUSES, F["status"])
    out["service"] = _choice(data.service, SERVICES, F["service"])
    schedule = int(data.schedule or 0)
    if schedule < 0 or schedule >= 1 << 14:
        raise ValidationError(F["schedule"], QT_TRANSLATE_NOOP("Errors", "tick the meals of the week."))
    if out["status"] == "active" and schedule == 0 and out["service"] == "delivery":
        raise ValidationError(
            F["schedule"], QT_TRANSLATE_NOOP("Errors", "an active delivery recipient needs at least one meal a week; tick lunch or dinner on some days.")
        )
    out["schedule"] = schedule
    for diet in DIETS:
        out[diet] = bool(getattr(data, diet))
    out["avoid"] = clean_text(data.avoid, F["avoid"], max_len=200, multiline=False)
    out["delivery_address"] = clean_text(data.delivery_address, F["delivery_address"], max_len=200, multiline=False)
    out["delivery_notes"] = clean_text(data.delivery_notes, F["delivery_notes"], max_len=500)
    out["emergency_contact"] = clean_name(data.emergency_contact, F["emergency_contact"], required=False)
    out["emergency_phone"] = clean_phone(data.emergency_phone, F["emergency_phone"])
    tier = (data.subsidy_tier or "").strip()
    if tier not in ("", "none"):
        known = set(s.exec(select(SubsidyTier.code).distinct()))
        if tier not in known:
            raise ValidationError(F["subsidy_tier"], QT_TRANSLATE_NOOP("Errors", "choose one of the listed options."))
    out["subsidy_tier"] = tier
    credit = data.credit_limit_fen
    out["credit_limit_fen"] = clean_fen(credit, F["credit_limit"])
    out["route_order"] = int(data.route_order or 0)
    return out


def create_recipient(s: Session, *, actor: Actor, data: MealRecipientCreate) -> MealRecipient:
    require(actor, MANAGE_RECIPIENTS)
    resident = s.get(Resident, data.resident_id) if data.resident_id else None
    if resident is None or resident.erased or not in_station(actor, resident.station_id):
        raise ValidationError(F["resident"], QT_TRANSLATE_NOOP("Errors", "choose a registered resident first."))
    values = _clean_recipient(s, data)
    existing = s.exec(select(MealRecipient).where(MealRecipient.resident_id == resident.id)).first()
    if existing is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{name} is already a meal recipient; open the existing record instead."),
            existing_id=existing.id, name=resident.name,
        )
    if not values["emergency_contact"] and resident.emergency_contact:
        values["emergency_contact"] = resident.emergency_contact
    if not values["emergency_phone"] and resident.emergency_phone:
        values["emergency_phone"] = resident.emergency_phone
    # The recipient belongs to the resident's station (the same as the staff member's, or the one a
    # sub-district administrator picked the resident from).
    rec = MealRecipient(**values, resident_id=resident.id, station_id=resident.station_id, sort_key=resident.sort_key)
    s.add(rec)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_recipient", entity_id=rec.id, after=rec)
    return rec


def update_recipient(s: Session, *, actor: Actor, recipient_id: int, data: MealRecipientBase) -> MealRecipient:
    require(actor, MANAGE_RECIPIENTS)
    rec = _recipient(s, recipient_id, actor)
    values = _clean_recipient(s, data)
    before = audit.snapshot(rec)
    for key, value in values.items():
        setattr(rec, key, value)
    rec.updated_at = utcnow()
    s.add(rec)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="meal_recipient", entity_id=rec.id, before=before, after=rec)
    return rec


def _recipient(s: Session, recipient_id: int, actor: Actor) -> MealRecipient:
    """The recipient, if ``actor`` may see them (their station's, or any for a sub-district administrator)."""
    rec = s.get(MealRecipient, recipient_id)
    if rec is None or not in_station(actor, rec.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That meal recipient no longer exists."))
    return rec


def get_recipient(s: Session, *, actor: Actor, recipient_id: int) -> MealRecipient:
    require(actor, VIEW_MEALS)
    return _recipient(s, recipient_id, actor)


def recipient_for_resident(s: Session, *, actor: Actor, resident_id: int) -> MealRecipient | None:
    require(actor, CHECK_IN)
    return s.exec(station_scope(select(MealRecipient).where(MealRecipient.resident_id == resident_id),
                                MealRecipient.station_id, actor)).first()


def diet_flags(rec) -> list[str]:
    return [d for d in DIETS if getattr(rec, d)]


def schedule_text(mask: int) -> str:
    """Compact weekly schedule for tables: 一二三四五 for lunch, 晚 days for dinner (language neutral digits)."""
    days = "1234567"
    lunch = "".join(days[w] for w in range(7) if mask & schedule_bit(w, "lunch"))
    dinner = "".join(days[w] for w in range(7) if mask & schedule_bit(w, "dinner"))
    return f"L{lunch or '-'} D{dinner or '-'}"


@dataclass(frozen=True)
class RecipientRow:
    id: int
    resident_id: int
    name: str
    address: str
    phone_masked: str
    status: str
    effective_status: str
    paused_until: date | None
    service: str
    schedule: int
    diets: tuple[str, ...]
    avoid: str
    balance_fen: int
    sort_key: str


def _active_pauses(s: Session, ids: list[int], day: date) -> dict[int, date]:
    if not ids:
        return {}
    rows = s.exec(
        select(MealPause.recipient_id, MealPause.end_day).where(
            MealPause.recipient_id.in_(ids), MealPause.start_day <= day, MealPause.end_day >= day
        )
    ).all()
    out: dict[int, date] = {}
    for rid, end in rows:
        out[rid] = max(end, out.get(rid, end))
    return out


def list_recipients(
    s: Session,
    *,
    actor: Actor,
    q: str = "",
    status: str = "",
    after: tuple[str, int] | None = None,
    limit: int = 200,
    today: date | None = None,
) -> list[RecipientRow]:
    """One keyset page of recipients in pinyin order; ``q`` searches like the resident picker."""
    require(actor, VIEW_MEALS)
    today = today or date.today()
    query = station_scope(select(MealRecipient, Resident).join(Resident, Resident.id == MealRecipient.resident_id),
                          MealRecipient.station_id, actor)
    if q.strip():
        from desktop_app.residents.service import search_ids

        ids = search_ids(s, q, limit=500)
        query = query.where(MealRecipient.resident_id.in_(ids or [-1]))
    if status:
        query = query.where(MealRecipient.status == status)
    if after is not None:
        query = query.where(tuple_(MealRecipient.sort_key, MealRecipient.id) > tuple_(*after))
    rows = s.exec(query.order_by(MealRecipient.sort_key, MealRecipient.id).limit(limit)).all()
    ids = [r.id for r, _ in rows]
    pauses = _active_pauses(s, ids, today)
    bal = balances(s, ids=ids)
    out = []
    for rec, res in rows:
        eff = rec.status
        if eff == "active" and rec.id in pauses:
            eff = "paused"
        out.append(RecipientRow(
            id=rec.id, resident_id=res.id, name=res.name, address=rec.delivery_address or res.address,
            phone_masked=mask_phone(res.phone), status=rec.status, effective_status=eff,
            paused_until=pauses.get(rec.id), service=rec.service, schedule=rec.schedule,
            diets=tuple(diet_flags(rec)), avoid=rec.avoid, balance_fen=bal.get(rec.id, 0), sort_key=rec.sort_key,
        ))
    return out


# --- pauses --------------------------------------------------------------------------------------------
def add_pause(
    s: Session, *, actor: Actor, recipient_id: int, start: date | None, end: date | None, reason: str, note: str = ""
) -> MealPause:
    require(actor, MANAGE_RECIPIENTS)
    rec = _recipient(s, recipient_id, actor)
    if start is None:
        raise ValidationError(F["pause_start"], QT_TRANSLATE_NOOP("Errors", "is required; pick a date."))
    if end is None:
        raise ValidationError(F["pause_end"], QT_TRANSLATE_NOOP("Errors", "is required; pick a date."))
    if end < start:
        raise ValidationError(
            F["pause_end"],
            QT_TRANSLATE_NOOP("Errors", "{end} is before the pause starts ({start}); pick an end on or after the start."),
            end=end.isoformat(), start=start.isoformat(),
        )
    _choice(reason, PAUSE_REASONS, F["reason"])
    note = clean_text(note, F["note"], max_len=200, multiline=False)
    pause = MealPause(recipient_id=rec.id, start_day=start, end_day=end, reason=reason, note=note)
    s.add(pause)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_pause", entity_id=pause.id, after=pause)
    return pause


def end_pause(s: Session, *, actor: Actor, pause_id: int, end: date) -> MealPause:
    """End a pause early (the recipient came home sooner): the last paused day becomes ``end``."""
    require(actor, MANAGE_RECIPIENTS)
    pause = s.get(MealPause, pause_id)
    if pause is None or not _visible(s, actor, pause.recipient_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That pause no longer exists."))
    if end < pause.start_day - timedelta(days=1):
        raise ValidationError(
            F["pause_end"],
            QT_TRANSLATE_NOOP("Errors", "{end} is before the pause starts ({start}); pick an end on or after the start."),
            end=end.isoformat(), start=pause.start_day.isoformat(),
        )
    before = audit.snapshot(pause)
    pause.end_day = end
    s.add(pause)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="meal_pause", entity_id=pause.id, before=before, after=pause)
    return pause


def list_pauses(s: Session, *, actor: Actor, recipient_id: int) -> list[MealPause]:
    require(actor, VIEW_MEALS)
    _recipient(s, recipient_id, actor)
    return list(s.exec(select(MealPause).where(MealPause.recipient_id == recipient_id).order_by(MealPause.start_day.desc())))


# --- the account ledger (append-only; a balance is the sum of entries) -----------------------------------
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
                      .where(MealLedgerEntry.recipient_id.in_(ids)).group_by(MealLedgerEntry.recipient_id)).all()
        return {rid: int(total) for rid, total in rows}
    snap = s.exec(select(BalanceSnapshot).order_by(BalanceSnapshot.id.desc()).limit(1)).first()
    out: dict[int, int] = {}
    through = 0
    if snap is not None:
        through = snap.through_entry_id
        out = dict(s.exec(select(BalanceSnapshotRow.recipient_id, BalanceSnapshotRow.balance_fen)
                          .where(BalanceSnapshotRow.snapshot_id == snap.id)).all())
    # "+ 0": without it SQLite groups by walking the whole (recipient_id, amount) index (0.5 s on a
    # five-year ledger) instead of reading only the entries after the snapshot by id (0.01 s).
    rid_expr = MealLedgerEntry.recipient_id + 0
    tail = s.exec(select(rid_expr, func.sum(MealLedgerEntry.amount_fen))
                  .where(MealLedgerEntry.id > through).group_by(rid_expr)).all()
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
                  .where(MealLedgerEntry.id <= through).group_by(MealLedgerEntry.recipient_id)).all()
    old = list(s.exec(select(BalanceSnapshot.id)).all())
    if old:
        s.execute(delete(BalanceSnapshotRow).where(BalanceSnapshotRow.snapshot_id.in_(old)))
        s.execute(delete(BalanceSnapshot).where(BalanceSnapshot.id.in_(old)))
    snap = BalanceSnapshot(through_entry_id=through, taken_at=utcnow())
    s.add(snap)
    s.flush()
    if rows:
        s.execute(insert(BalanceSnapshotRow.__table__),
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


def _visible(s: Session, actor: Actor, recipient_id: int) -> bool:
    if actor.station_id is None:
        return True
    rec = s.get(MealRecipient, recipient_id)
    return rec is not None and in_station(actor, rec.station_id)


def _station_filter(actor: Actor) -> tuple:
    """WHERE terms limiting a query that joins MealRecipient to the actor's station (none for a
    sub-district administrator, so the same query rolls up every station) — core.db.station_scope's rule."""
    return () if actor.station_id is None else (MealRecipient.station_id == actor.station_id,)


def _post(s: Session, *, actor: Actor, recipient_id: int, kind: str, amount: int, day: date, method: str = "",
          receipt_no: str = "", order_id: int | None = None, note: str = "") -> MealLedgerEntry:
    entry = MealLedgerEntry(recipient_id=recipient_id, day=day, at=utcnow(), kind=kind, amount_fen=amount,
                            method=method, receipt_no=receipt_no, order_id=order_id, note=note, actor_id=actor.id)
    s.add(entry)
    s.flush()
    return entry


def _check_credit(s: Session, rec: MealRecipient, charge: int, name: str) -> None:
    current = balance(s, rec.id)
    if current - charge < -rec.credit_limit_fen:
        from desktop_app.core.validation import yuan

        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{name}'s meal account has {balance} yuan; this meal costs {charge} yuan and the credit limit is {limit} yuan. Take a top-up first."),
            name=name, balance=yuan(current), charge=yuan(charge), limit=yuan(rec.credit_limit_fen),
        )


def top_up(
    s: Session, *, actor: Actor, recipient_id: int, amount: int | str, method: str, receipt_no: str,
    note: str = "", day: date | None = None,
) -> MealLedgerEntry:
    require(actor, TAKE_PAYMENTS)
    rec = _recipient(s, recipient_id, actor)
    fen = clean_fen(amount, F["amount"], allow_zero=False)
    if fen > MAX_TOP_UP_FEN:
        raise ValidationError(F["amount"], QT_TRANSLATE_NOOP("Errors", "is more than 10,000 yuan; check the amount."))
    _choice(method, PAY_METHODS, F["method"])
    receipt = clean_text(receipt_no, F["receipt_no"], max_len=40, required=True, multiline=False)
    note = clean_text(note, F["note"], max_len=200, multiline=False)
    entry = _post(s, actor=actor, recipient_id=rec.id, kind="top_up", amount=fen, day=day or date.today(),
                  method=method, receipt_no=receipt, note=note)
    audit.record(s, actor=actor, action="create", entity="meal_ledger", entity_id=entry.id, after=entry)
    return entry


def correct_account(
    s: Session, *, actor: Actor, recipient_id: int, amount: int | str, note: str, day: date | None = None
) -> MealLedgerEntry:
    """A correction is a new entry (+ or −) with a reason; earlier entries are never changed."""
    require(actor, CORRECT_ACCOUNTS)
    rec = _recipient(s, recipient_id, actor)
    fen = clean_fen(amount, F["amount"], allow_negative=True, allow_zero=False)
    if abs(fen) > MAX_TOP_UP_FEN:
        raise ValidationError(F["amount"], QT_TRANSLATE_NOOP("Errors", "is more than 10,000 yuan; check the amount."))
    note = clean_text(note, F["note"], max_len=200, required=True, multiline=False)
    entry = _post(s, actor=actor, recipient_id=rec.id, kind="correction", amount=fen, day=day or date.today(), note=note)
    audit.record(s, actor=actor, action="create", entity="meal_ledger", entity_id=entry.id, after=entry)
    return entry


def ledger_page(
    s: Session, *, actor: Actor, recipient_id: int, before_id: int | None = None, limit: int = 200
) -> list[MealLedgerEntry]:
    """Newest entries first, keyset by id."""
    require(actor, VIEW_MEALS)
    _recipient(s, recipient_id, actor)
    q = select(MealLedgerEntry).where(MealLedgerEntry.recipient_id == recipient_id)
    if before_id is not None:
        q = q.where(MealLedgerEntry.id < before_id)
    return list(s.exec(q.order_by(MealLedgerEntry.id.desc()).limit(limit)))


def low_balances(s: Session, *, actor: Actor) -> list[tuple[int, str, int]]:
    """Active recipients at or below the warning level: (recipient id, name, balance)."""
    require(actor, VIEW_MEALS)
    threshold = get_settings(s).low_balance_fen
    rows = s.exec(station_scope(select(MealRecipient.id, Resident.name).join(Resident, Resident.id == MealRecipient.resident_id)
                                .where(MealRecipient.status == "active"), MealRecipient.station_id, actor)
                  .order_by(MealRecipient.sort_key)).all()
    bal = balances(s, ids=[r[0] for r in rows])
    return [(rid, name, bal.get(rid, 0)) for rid, name in rows if bal.get(rid, 0) <= threshold]


# --- the day's orders ---------------------------------------------------------------------------------------
@dataclass
class GenerateResult:
    day: date
    holiday: str = ""
    created: int = 0
    existing: int = 0
    paused: int = 0
    short: list[str] = field(default_factory=list)  # names refused for balance


def _hardship(res_row) -> bool:
    return bool(res_row.extreme_hardship or res_row.minimum_living_allowance)


def generate_orders(
    s: Session, *, actor: Actor, day: date, meals: tuple[str, ...] = MEALS, progress: Progress = NO_PROGRESS,
) -> GenerateResult:
    """Orders for ``day`` from the weekly schedules, minus pauses and statutory holidays.

    Idempotent: a recipient who already has an order (even a cancelled one) for that meal gets none.
    Each new order charges the account at once (price − subsidy + delivery fee); a recipient whose
    balance would go past the credit limit gets no order and is listed in ``short``.
    """
    require(actor, RUN_MEAL_DAY)
    result = GenerateResult(day=day)
    cal = WorkCalendar.load(s)
    if cal.is_holiday(day):
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
        bit = schedule_bit(day.weekday(), meal)
        candidates = s.exec(
            select(MealRecipient.id, MealRecipient.service, MealRecipient.subsidy_tier, MealRecipient.credit_limit_fen,
                   Resident.name, Resident.birth_date, Resident.extreme_hardship, Resident.minimum_living_allowance,
                   Resident.compound)
            .join(Resident, Resident.id == MealRecipient.resident_id)
            .where(MealRecipient.status == "active", MealRecipient.schedule.op("&")(bit) != 0)
            .where(*_station_filter(actor))
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
            fee = price.delivery_fee_fen if service == "delivery" else 0
            charge = price.price_fen - subsidy + fee
            current = bal.get(rid, 0)
            if current - charge < -credit:
                result.short.append(name)
                continue
            bal[rid] = current - charge
            orders.append({
                "day": day, "meal": meal, "recipient_id": rid, "service": service, "status": "ordered",
                "source": "schedule", "price_fen": price.price_fen, "subsidy_fen": subsidy, "delivery_fee_fen": fee,
                "tier_id": tier.id if tier else None, "outcome": "", "outcome_at": None, "outcome_by": None,
                "volunteer_resident_id": routes.get(compound) if service == "delivery" else None,
                "created_at": now, "_charge": charge,
            })
        if not orders:
            continue
        charges = {o["recipient_id"]: o.pop("_charge") for o in orders}
        conn = s.connection()  # Core executemany: no ORM bulk machinery for thousands of rows
        conn.execute(insert(MealOrder.__table__), orders)
        # Rows of this day and meal whose recipient had none before are exactly the ones just inserted.
        new_ids = s.exec(select(MealOrder.id, MealOrder.recipient_id).where(MealOrder.day == day, MealOrder.meal == meal)).all()
        entries = [
            {"recipient_id": rid, "day": day, "at": now, "kind": "charge", "amount_fen": -charges[rid], "method": "",
             "receipt_no": "", "order_id": oid, "note": "", "actor_id": actor.id}
            for oid, rid in new_ids if rid in charges
        ]
        conn.execute(insert(MealLedgerEntry.__table__), entries)
        result.created += len(orders)
    progress(len(meals), len(meals), "")
    audit.record(s, actor=actor, action="generate", entity="meal_day", entity_id=day.isoformat(),
                 after={"created": result.created, "existing": result.existing, "paused": result.paused,
                        "short": result.short})
    return result


def _order_for(s: Session, recipient_id: int, day: date, meal: str) -> MealOrder | None:
    return s.exec(select(MealOrder).where(MealOrder.recipient_id == recipient_id, MealOrder.day == day,
                                          MealOrder.meal == meal)).first()


def _charge_order(s: Session, *, actor: Actor, rec: MealRecipient, res: Resident, day: date, meal: str, source: str,
                  service: str | None = None) -> MealOrder:
    rates = Rates.load(s)
    price = rates.price(meal, day)
    if price is None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "No meal price is set for {day}; an administrator must enter one."), day=day.isoformat())
    tier = rates.best_tier(day, birth_date=res.birth_date, hardship=_hardship(res), granted=rec.subsidy_tier)
    service = service or rec.service
    subsidy = min(tier.subsidy_fen, price.price_fen) if tier else 0
    fee = price.delivery_fee_fen if service == "delivery" else 0
    charge = price.price_fen - subsidy + fee
    _check_credit(s, rec, charge, res.name)
    volunteer = None
    if service == "delivery":
        volunteer = s.exec(select(MealRouteAssignment.volunteer_resident_id).where(
            MealRouteAssignment.compound == res.compound)).first()
    order = MealOrder(day=day, meal=meal, recipient_id=rec.id, service=service, source=source, price_fen=price.price_fen,
                      subsidy_fen=subsidy, delivery_fee_fen=fee, tier_id=tier.id if tier else None,
                      volunteer_resident_id=volunteer)
    s.add(order)
    s.flush()
    _post(s, actor=actor, recipient_id=rec.id, kind="charge", amount=-charge, day=day, order_id=order.id)
    return order


def _before_cutoff(s: Session, day: date, meal: str, now: datetime | None) -> None:
    settings = get_settings(s)
    now = now or utcnow()
    limit = cutoff_at(settings, day, meal)
    if now >= limit:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "The cut-off for {meal} on {day} was {time}; the kitchen already has the counts. Record the outcome at the door instead."),
            meal=MEAL_LABELS[meal], day=day.isoformat(), time=settings.cutoff[meal].strftime("%H:%M"),
        )


def add_order(
    s: Session, *, actor: Actor, recipient_id: int, day: date, meal: str, now: datetime | None = None
) -> MealOrder:
    """A late change: one extra meal, accepted before the meal's cut-off time."""
    require(actor, RUN_MEAL_DAY)
    _choice(meal, MEALS, F["meal"])
    rec = _recipient(s, recipient_id, actor)
    res = s.get(Resident, rec.resident_id)
    if rec.status in ("stopped", "deceased"):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name}'s meal service is {status}; change the status first."),
                            name=res.name, status=STATUS_LABELS[rec.status])
    _before_cutoff(s, day, meal, now)
    existing = _order_for(s, rec.id, day, meal)
    if existing is not None and existing.status == "ordered":
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} already has {meal} ordered on {day}."),
                            existing_id=existing.id, name=res.name, meal=MEAL_LABELS[meal], day=day.isoformat())
    if existing is not None:
        # Re-order a cancelled meal: charge again, same row (the cancellation's refund stays in the ledger).
        rates = Rates.load(s)
        price = rates.price(meal, day)
        tier = rates.best_tier(day, birth_date=res.birth_date, hardship=_hardship(res), granted=rec.subsidy_tier)
        before = audit.snapshot(existing)
        existing.price_fen = price.price_fen
        existing.subsidy_fen = min(tier.subsidy_fen, price.price_fen) if tier else 0
        existing.delivery_fee_fen = price.delivery_fee_fen if existing.service == "delivery" else 0
        existing.tier_id = tier.id if tier else None
        _check_credit(s, rec, existing.charge_fen, res.name)
        existing.status, existing.outcome, existing.outcome_at, existing.source = "ordered", "", None, "manual"
        s.add(existing)
        s.flush()
        _post(s, actor=actor, recipient_id=rec.id, kind="charge", amount=-existing.charge_fen, day=day, order_id=existing.id)
        audit.record(s, actor=actor, action="update", entity="meal_order", entity_id=existing.id, before=before, after=existing)
        return existing
    order = _charge_order(s, actor=actor, rec=rec, res=res, day=day, meal=meal, source="manual")
    audit.record(s, actor=actor, action="create", entity="meal_order", entity_id=order.id, after=order)
    return order


def _cancel(s: Session, *, actor: Actor, order: MealOrder, at: datetime, by_outcome: bool) -> None:
    before = audit.snapshot(order)
    order.status = "cancelled"
    order.outcome = "cancelled"
    order.outcome_at = at
    order.outcome_by = actor.id
    s.add(order)
    s.flush()
    _post(s, actor=actor, recipient_id=order.recipient_id, kind="refund", amount=order.charge_fen, day=order.day,
          order_id=order.id)
    audit.record(s, actor=actor, action="cancel", entity="meal_order", entity_id=order.id, before=before, after=order)


def cancel_order(s: Session, *, actor: Actor, order_id: int, now: datetime | None = None) -> MealOrder:
    """A late change: cancel before the cut-off; the meal's charge is refunded."""
    require(actor, RUN_MEAL_DAY)
    order = s.get(MealOrder, order_id)
    if order is None or not _visible(s, actor, order.recipient_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That meal order no longer exists."))
    if order.status == "cancelled":
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
    q = (select(MealOrder.id, MealOrder.recipient_id, MealOrder.service, MealOrder.status, MealOrder.outcome,
                MealOrder.outcome_at, MealOrder.volunteer_resident_id, MealOrder.price_fen, MealOrder.subsidy_fen,
                MealOrder.delivery_fee_fen, MealOrder.meal, MealOrder.day, MealRecipient.low_salt, MealRecipient.low_sugar,
                MealRecipient.soft, MealRecipient.vegetarian, MealRecipient.halal, MealRecipient.avoid,
                MealRecipient.delivery_notes, MealRecipient.delivery_address, MealRecipient.route_order, Resident.id,
                Resident.name, Resident.phone, Resident.compound, Resident.building, Resident.unit, Resident.room)
         .join(MealRecipient, MealRecipient.id == MealOrder.recipient_id)
         .join(Resident, Resident.id == MealRecipient.resident_id)
         .where(MealOrder.day == day, *_station_filter(actor)))
    if meal:
        q = q.where(MealOrder.meal == meal)
    if service:
        q = q.where(MealOrder.service == service)
    if not include_cancelled:
        q = q.where(MealOrder.status == "ordered")
    out = []
    for (oid, rid, svc, status, outcome, outcome_at, vol, price, subsidy, fee, o_meal, o_day, *flags, avoid, notes,
         address, route_order, res_id, name, phone, compound, building, unit, room) in s.exec(q).all():
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
    counts: dict[str, dict[str, int]]  # meal -> {"total", "delivery", "dine_in", diet...}
    avoid: dict[str, list[tuple[str, str]]]  # meal -> [(name, avoid text)]


def kitchen_sheet(s: Session, *, actor: Actor, day: date) -> KitchenSheet:
    """Counts per meal and per diet of the day's (not cancelled) orders, with each avoid note."""
    require(actor, VIEW_MEALS)
    counts = {m: {"total": 0, "delivery": 0, "dine_in": 0, **{d: 0 for d in DIETS}, "plain": 0} for m in MEALS}
    avoid: dict[str, list[tuple[str, str]]] = {m: [] for m in MEALS}
    rows = s.exec(
        select(MealOrder.meal, MealOrder.service, MealRecipient.low_salt, MealRecipient.low_sugar, MealRecipient.soft,
               MealRecipient.vegetarian, MealRecipient.halal, MealRecipient.avoid, Resident.name)
        .join(MealRecipient, MealRecipient.id == MealOrder.recipient_id)
        .join(Resident, Resident.id == MealRecipient.resident_id)
        .where(MealOrder.day == day, MealOrder.status == "ordered", *_station_filter(actor))
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


# --- routes and volunteers ------------------------------------------------------------------------------------
@dataclass
class Volunteer:
    resident_id: int
    name: str
    phone: str


def delivery_volunteers(s: Session, *, actor: Actor) -> list[Volunteer]:
    """Members of the rosters feature's meal-delivery teams (empty when rosters is not installed)."""
    require(actor, VIEW_MEALS)
    try:
        from desktop_app.rosters import models as rm
    except ImportError:
        return []
    team, member, volunteer = (getattr(rm, n, None) for n in ("Team", "TeamMember", "Volunteer"))
    if team is None or member is None or volunteer is None:
        return []
    from sqlalchemy import inspect

    tables = set(inspect(s.connection()).get_table_names())
    if not {team.__tablename__, member.__tablename__, volunteer.__tablename__} <= tables:
        return []  # the rosters tables are not migrated in this database
    rows = s.exec(  # DISTINCT with ORDER BY: PostgreSQL wants the sort column selected
        select(Resident.id, Resident.name, Resident.phone, Resident.sort_key)
        .join(volunteer, volunteer.resident_id == Resident.id)
        .join(member, member.volunteer_id == volunteer.id)
        .join(team, team.id == member.team_id)
        .where(team.kind == "meal_delivery", team.active == True, volunteer.active == True)  # noqa: E712
        .distinct()
        .order_by(Resident.sort_key)
    ).all()
    return [Volunteer(rid, name, phone) for rid, name, phone, _key in rows]


def assign_route(
    s: Session, *, actor: Actor, compound: str, volunteer_resident_id: int | None, day: date | None = None
) -> int:
    """Make a volunteer the standing deliverer of a compound; with ``day``, also that day's open orders.

    Returns how many of the day's orders changed."""
    require(actor, RUN_MEAL_DAY)
    if volunteer_resident_id is not None and s.get(Resident, volunteer_resident_id) is None:
        raise ValidationError(F["volunteer"], QT_TRANSLATE_NOOP("Errors", "choose a registered resident first."))
    row = s.exec(select(MealRouteAssignment).where(MealRouteAssignment.compound == compound)).first()
    before = audit.snapshot(row) if row else None
    if volunteer_resident_id is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(MealRouteAssignment(compound=compound, volunteer_resident_id=volunteer_resident_id))
    else:
        row.volunteer_resident_id = volunteer_resident_id
        s.add(row)
    changed = 0
    if day is not None:
        ids = s.exec(select(MealOrder.id).join(MealRecipient, MealRecipient.id == MealOrder.recipient_id)
                     .join(Resident, Resident.id == MealRecipient.resident_id)
                     .where(MealOrder.day == day, MealOrder.service == "delivery", Resident.compound == compound,
                            *_station_filter(actor))).all()
        for order in s.exec(select(MealOrder).where(MealOrder.id.in_(ids))):
            order.volunteer_resident_id = volunteer_resident_id
            s.add(order)
            changed += 1
    s.flush()
    audit.record(s, actor=actor, action="update", entity="meal_route", entity_id=compound, before=before,
                 after={"compound": compound, "volunteer_resident_id": volunteer_resident_id,
                        "day": day.isoformat() if day else None, "orders": changed})
    return changed


def resident_names(s: Session, *, actor: Actor, ids) -> dict[int, str]:
    """Names of residents the meals pages show next to orders (delivery volunteers)."""
    require(actor, VIEW_MEALS)
    ids = [i for i in set(ids) if i]
    if not ids:
        return {}
    return dict(s.exec(select(Resident.id, Resident.name).where(Resident.id.in_(ids))).all())


@dataclass
class Route:
    compound: str
    meal: str
    day: date
    volunteer_name: str
    volunteer_phone: str
    stops: list[OrderRow]


def routes(s: Session, *, actor: Actor, day: date, meal: str) -> list[Route]:
    """Delivery stops grouped by compound (one route each), in stop order, with their volunteer."""
    require(actor, VIEW_MEALS)
    rows = day_orders(s, actor=actor, day=day, meal=meal, service="delivery", include_cancelled=False)
    vol_ids = {r.volunteer_resident_id for r in rows if r.volunteer_resident_id}
    vols = {r.id: r for r in s.exec(select(Resident).where(Resident.id.in_(vol_ids)))} if vol_ids else {}
    grouped: dict[str, list[OrderRow]] = defaultdict(list)
    for r in rows:
        grouped[r.compound].append(r)
    out = []
    for compound in sorted(grouped):
        stops = grouped[compound]
        vid = next((r.volunteer_resident_id for r in stops if r.volunteer_resident_id), None)
        v = vols.get(vid)
        out.append(Route(compound=compound, meal=meal, day=day, volunteer_name=v.name if v else "",
                         volunteer_phone=v.phone if v else "", stops=stops))
    return out


# --- outcomes and welfare checks --------------------------------------------------------------------------
def record_outcome(
    s: Session, *, actor: Actor, recipient_id: int, day: date, meal: str, outcome: str,
    at: datetime | None = None, note: str = "",
) -> MealOrder:
    """What happened at the door. Not home opens a welfare check; cancelled refunds the meal."""
    require(actor, RECORD_DELIVERIES)
    _choice(meal, MEALS, F["meal"])
    _choice(outcome, OUTCOMES, F["outcome"])
    rec = _recipient(s, recipient_id, actor)
    res = s.get(Resident, rec.resident_id)
    order = _order_for(s, rec.id, day, meal)
    if order is None or order.status != "ordered":
        raise ValidationError(
            F["order"],
            QT_TRANSLATE_NOOP("Errors", "{name} has no {meal} ordered on {day}; an outcome can only be recorded for a meal that was ordered."),
            name=res.name, meal=MEAL_LABELS[meal], day=day.isoformat(),
        )
    if outcome == "served" and order.service != "dine_in":
        raise ValidationError(F["outcome"], QT_TRANSLATE_NOOP("Errors", "served is for dine-in meals; choose delivered for a delivery."))
    if outcome in ("delivered", "not_home") and order.service != "delivery":
        raise ValidationError(F["outcome"], QT_TRANSLATE_NOOP("Errors", "this is a dine-in meal; check the resident in at the counter instead."))
    at = at or utcnow()
    if outcome == "cancelled":
        _cancel(s, actor=actor, order=order, at=at, by_outcome=True)
        return order
    before = audit.snapshot(order)
    order.outcome, order.outcome_at, order.outcome_by = outcome, at, actor.id
    s.add(order)
    s.flush()
    audit.record(s, actor=actor, action="outcome", entity="meal_order", entity_id=order.id, before=before, after=order)
    if outcome == "not_home":
        exists = s.exec(select(WelfareCheck).where(WelfareCheck.order_id == order.id)).first()
        if exists is None:
            check = WelfareCheck(order_id=order.id, recipient_id=rec.id, day=day, opened_at=at,
                                 note=clean_text(note, F["note"], max_len=500))
            s.add(check)
            s.flush()
            audit.record(s, actor=actor, action="create", entity="meal_welfare_check", entity_id=check.id, after=check)
    return order


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
         .join(MealRecipient, MealRecipient.id == WelfareCheck.recipient_id)
         .join(Resident, Resident.id == MealRecipient.resident_id)
         .where(*_station_filter(actor)))
    if open_only or day is None:
        q = q.where(WelfareCheck.closed_at.is_(None))
    else:
        q = q.where((WelfareCheck.closed_at.is_(None)) | (WelfareCheck.day == day))
    rows = s.exec(q.order_by(WelfareCheck.day, WelfareCheck.id)).all()
    ids = [c.id for c, _, _ in rows]
    attempts: dict[int, list] = defaultdict(list)
    if ids:
        for a in s.exec(select(WelfareAttempt).where(WelfareAttempt.check_id.in_(ids)).order_by(WelfareAttempt.id)):
            attempts[a.check_id].append((a.target, a.result, a.at, a.note))
    return [
        CheckRow(id=c.id, day=c.day, recipient_id=rec.id, name=res.name, address=rec.delivery_address or res.address,
                 phone=res.phone, emergency_contact=rec.emergency_contact or res.emergency_contact,
                 emergency_phone=rec.emergency_phone or res.emergency_phone, grid=res.grid, opened_at=c.opened_at,
                 closed_at=c.closed_at, outcome=c.outcome, attempts=tuple(attempts[c.id]))
        for c, rec, res in rows
    ]


def _open_check(s: Session, check_id: int, actor: Actor) -> WelfareCheck:
    check = s.get(WelfareCheck, check_id)
    if check is None or not _visible(s, actor, check.recipient_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That welfare check no longer exists."))
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
    _choice(target, CALL_TARGETS, F["target"])
    _choice(result, CALL_RESULTS, F["result"])
    note = clean_text(note, F["note"], max_len=200, multiline=False)
    tried = set(s.exec(select(WelfareAttempt.target).where(WelfareAttempt.check_id == check.id)).all())
    for earlier in CALL_TARGETS[: CALL_TARGETS.index(target)]:
        if earlier not in tried:
            raise ValidationError(
                F["target"],
                QT_TRANSLATE_NOOP("Errors", "call the {first} before the {then}: the order is recipient, emergency contact, grid worker."),
                first=TARGET_LABELS[earlier], then=TARGET_LABELS[target],
            )
    rec = _recipient(s, check.recipient_id, actor)
    res = s.get(Resident, rec.resident_id)
    phone = {"recipient": res.phone, "emergency_contact": rec.emergency_phone or res.emergency_phone}.get(target, "")
    attempt = WelfareAttempt(check_id=check.id, target=target, phone=phone, result=result, note=note,
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
    _choice(outcome, CHECK_OUTCOMES, F["outcome"])
    note = clean_text(note, F["note"], max_len=500)
    attempts = s.exec(select(WelfareAttempt.result).where(WelfareAttempt.check_id == check.id)).all()
    if not attempts:
        raise ValidationError(
            F["outcome"], QT_TRANSLATE_NOOP("Errors", "record at least one call before closing the check; start with the recipient.")
        )
    if outcome == "other" and not note:
        raise ValidationError(F["note"], QT_TRANSLATE_NOOP("Errors", "say what happened when the outcome is other."))
    before = audit.snapshot(check)
    check.closed_at, check.outcome, check.closed_by = at or utcnow(), outcome, actor.id
    if note:
        check.note = (check.note + "\n" + note).strip()
    s.add(check)
    s.flush()
    audit.record(s, actor=actor, action="close", entity="meal_welfare_check", entity_id=check.id, before=before, after=check)
    return check


# --- dine-in check-in ----------------------------------------------------------------------------------------
def meal_at(moment: datetime) -> str:
    return "lunch" if moment.astimezone().hour < 15 else "dinner"


def check_in(
    s: Session, *, actor: Actor, resident_id: int, day: date | None = None, meal: str | None = None,
    at: datetime | None = None,
) -> MealOrder:
    """A recipient at the canteen counter: serves the ordered meal, or orders and charges one on the spot."""
    require(actor, CHECK_IN)
    at = at or utcnow()
    day = day or at.astimezone().date()
    meal = meal or meal_at(at)
    _choice(meal, MEALS, F["meal"])
    rec = s.exec(select(MealRecipient).where(MealRecipient.resident_id == resident_id, *_station_filter(actor))).first()
    res = s.get(Resident, resident_id)
    if rec is None or res is None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is not a meal recipient; register them for meal assistance first."),
                            name=res.name if res else "?")
    if rec.status in ("stopped", "deceased", "pending"):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name}'s meal service is {status}; change the status first."),
                            name=res.name, status=STATUS_LABELS[rec.status])
    order = _order_for(s, rec.id, day, meal)
    if order is not None and order.outcome == "served":
        from desktop_app.core.clock import fmt_local

        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} was already served {meal} at {time}."),
                            name=res.name, meal=MEAL_LABELS[meal], time=fmt_local(order.outcome_at, "%H:%M"))
    if order is not None and order.status == "ordered" and order.service == "delivery":
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name}'s {meal} is on a delivery route today; cancel the delivery before serving at the counter."),
                            name=res.name, meal=MEAL_LABELS[meal])
    if order is None or order.status == "cancelled":
        if order is not None:
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name}'s {meal} today was cancelled; order it again first."),
                                name=res.name, meal=MEAL_LABELS[meal])
        order = _charge_order(s, actor=actor, rec=rec, res=res, day=day, meal=meal, source="walk_in", service="dine_in")
        audit.record(s, actor=actor, action="create", entity="meal_order", entity_id=order.id, after=order)
    before = audit.snapshot(order)
    order.outcome, order.outcome_at, order.outcome_by = "served", at, actor.id
    s.add(order)
    s.flush()
    audit.record(s, actor=actor, action="check_in", entity="meal_order", entity_id=order.id, before=before, after=order)
    return order


# --- food samples (留样) ------------------------------------------------------------------------------------
def keep_sample(
    s: Session, *, actor: Actor, day: date, meal: str, dishes: str, kept_by: str, at: datetime | None = None
) -> FoodSample:
    require(actor, KEEP_SAMPLES)
    _choice(meal, MEALS, F["meal"])
    dishes = clean_text(dishes, F["dishes"], max_len=200, required=True, multiline=False)
    kept_by = clean_name(kept_by, F["kept_by"])
    sample = FoodSample(day=day, meal=meal, dishes=dishes, kept_at=at or utcnow(), kept_by=kept_by,
                        station_id=actor.station_id)
    s.add(sample)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_food_sample", entity_id=sample.id, after=sample)
    return sample


def discard_sample(
    s: Session, *, actor: Actor, sample_id: int, discarded_by: str, at: datetime | None = None
) -> FoodSample:
    """Discard a sample once its 48 hours are over (earlier is refused)."""
    require(actor, KEEP_SAMPLES)
    sample = s.get(FoodSample, sample_id)
    if sample is None or not in_station(actor, sample.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That food sample no longer exists."))
    if sample.discarded_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This sample was already discarded."))
    discarded_by = clean_name(discarded_by, F["discarded_by"])
    at = at or utcnow()
    due = sample.kept_at + timedelta(hours=SAMPLE_HOURS)
    if at < due:
        from desktop_app.core.clock import fmt_local

        raise ValidationError(
            F["discard_time"],
            QT_TRANSLATE_NOOP("Errors", "a sample must be kept 48 hours; this one may be discarded from {due}."),
            due=fmt_local(due),
        )
    before = audit.snapshot(sample)
    sample.discarded_at, sample.discarded_by = at, discarded_by
    s.add(sample)
    s.flush()
    audit.record(s, actor=actor, action="discard", entity="meal_food_sample", entity_id=sample.id, before=before, after=sample)
    return sample


def list_samples(s: Session, *, actor: Actor, since: date, limit: int = 200) -> list[FoodSample]:
    """Samples kept since ``since`` plus every one not yet discarded, newest first."""
    require(actor, VIEW_MEALS)
    q = station_scope(select(FoodSample).where((FoodSample.day >= since) | (FoodSample.discarded_at.is_(None))),
                      FoodSample.station_id, actor)
    return list(s.exec(q.order_by(FoodSample.day.desc(), FoodSample.id.desc()).limit(limit)))


def sample_due(sample: FoodSample) -> datetime:
    return sample.kept_at + timedelta(hours=SAMPLE_HOURS)


# --- month: statements and the subsidy claim ------------------------------------------------------------------
def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt


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
        return sum(e.amount_fen for e in self.entries if e.kind == "top_up")

    @property
    def charged_fen(self) -> int:
        return -sum(e.amount_fen for e in self.entries if e.kind in ("charge", "refund"))

    @property
    def subsidy_fen(self) -> int:
        return sum(m.subsidy_fen for m in self.meals if m.status == "ordered")


def statement(s: Session, *, actor: Actor, recipient_id: int, year: int, month: int) -> Statement:
    require(actor, PRINT_MONTH)
    year, month = clean_year_month(year, month)
    _recipient(s, recipient_id, actor)
    return _statements(s, [recipient_id], year, month)[0]


def _statements(s: Session, ids: list[int], year: int, month: int) -> list[Statement]:
    first, nxt = month_bounds(year, month)
    people = {rec.id: (rec, res) for rec, res in s.exec(
        select(MealRecipient, Resident).join(Resident, Resident.id == MealRecipient.resident_id)
        .where(MealRecipient.id.in_(ids)))}
    opening = dict(s.exec(select(MealLedgerEntry.recipient_id, func.sum(MealLedgerEntry.amount_fen))
                          .where(MealLedgerEntry.recipient_id.in_(ids), MealLedgerEntry.day < first)
                          .group_by(MealLedgerEntry.recipient_id)).all())
    entries: dict[int, list] = defaultdict(list)
    for e in s.exec(select(MealLedgerEntry).where(MealLedgerEntry.recipient_id.in_(ids), MealLedgerEntry.day >= first,
                                                  MealLedgerEntry.day < nxt).order_by(MealLedgerEntry.day, MealLedgerEntry.id)):
        entries[e.recipient_id].append(e)
    meals: dict[int, list] = defaultdict(list)
    for o in s.exec(select(MealOrder).where(MealOrder.recipient_id.in_(ids), MealOrder.day >= first, MealOrder.day < nxt)
                    .order_by(MealOrder.day, MealOrder.meal)):
        meals[o.recipient_id].append(StatementMeal(o.id, o.day, o.meal, o.service, o.price_fen, o.subsidy_fen,
                                                   o.delivery_fee_fen, o.outcome, o.status))
    out = []
    for rid in ids:
        if rid not in people:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "That meal recipient no longer exists."))
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
    first, nxt = month_bounds(year, month)
    ids = set(s.exec(select(MealLedgerEntry.recipient_id).where(
        MealLedgerEntry.day >= first, MealLedgerEntry.day < nxt).distinct()).all())
    order = dict(s.exec(select(MealRecipient.id, MealRecipient.sort_key).where(MealRecipient.id.in_(ids or [-1]),
                                                                              *_station_filter(actor))).all())
    ids = sorted(i for i in ids if i in order)
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
    first, nxt = month_bounds(year, month)
    rows = s.exec(
        select(MealOrder.tier_id, func.count(), func.count(MealOrder.recipient_id.distinct()), func.sum(MealOrder.subsidy_fen))
        .join(MealRecipient, MealRecipient.id == MealOrder.recipient_id)
        .where(*_station_filter(actor))
        .where(MealOrder.day >= first, MealOrder.day < nxt, MealOrder.status == "ordered", MealOrder.tier_id.is_not(None))
        .group_by(MealOrder.tier_id)
    ).all()
    tiers = {t.id: t for t in s.exec(select(SubsidyTier).where(SubsidyTier.id.in_([r[0] for r in rows] or [-1])))}
    lines = []
    for tier_id, meals, people, amount in rows:
        t = tiers[tier_id]
        per = int(amount) // meals if meals else 0
        lines.append(ClaimLine(tier_id, t.code, t.name, t.funding_source, t.effective_from, per, meals, people, int(amount)))
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
    first, nxt = month_bounds(year, month)
    rows = s.exec(
        select(MealOrder.recipient_id, Resident.name, MealOrder.tier_id, func.count(), func.sum(MealOrder.subsidy_fen))
        .join(MealRecipient, MealRecipient.id == MealOrder.recipient_id)
        .join(Resident, Resident.id == MealRecipient.resident_id)
        .where(MealOrder.day >= first, MealOrder.day < nxt, MealOrder.status == "ordered", MealOrder.tier_id.is_not(None),
               *_station_filter(actor))
        .group_by(MealOrder.recipient_id, Resident.name, MealRecipient.sort_key, MealOrder.tier_id)
        .order_by(MealRecipient.sort_key, MealOrder.tier_id)
    ).all()
    return [ClaimDetail(rid, name, tid, n, int(total)) for rid, name, tid, n, total in rows]


def month_orders_between(s: Session, recipient_id: int, first: date, last: date) -> list[MealOrder]:
    return list(s.exec(select(MealOrder).where(and_(MealOrder.recipient_id == recipient_id, MealOrder.day >= first,
                                                    MealOrder.day <= last)).order_by(MealOrder.day, MealOrder.meal)))
