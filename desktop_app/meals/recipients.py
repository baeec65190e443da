"""Meal recipients (助餐对象): who gets which meals on which weekdays, their diet, delivery details, subsidy
tier and credit limit, and pauses (dated stops that end by themselves)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import tuple_
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import in_station, station_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, get_scoped, pk
from desktop_app.core.validation import clean_fen, clean_name, clean_phone, clean_text, mask_phone
from desktop_app.meals.accounts import balances
from desktop_app.meals.common import choice, scoped_recipient, via_recipient
from desktop_app.meals.labels import F
from desktop_app.meals.models import (
    BEST_TIER,
    DIETS,
    NO_SUBSIDY,
    PAUSE_REASONS,
    SERVICES,
    STATUSES,
    MealPause,
    MealRecipient,
    MealRecipientBase,
    MealRecipientCreate,
    RecipientStatus,
    ServiceKind,
    SubsidyTier,
)
from desktop_app.meals.permissions import MANAGE_RECIPIENTS, SERVE_DINE_IN, VIEW_MEALS
from desktop_app.meals.rates import Rates
from desktop_app.meals.settings import get_settings
from desktop_app.residents import Resident

PAUSE_GONE = QT_TRANSLATE_NOOP("Errors", "That pause no longer exists.")


def _clean_recipient(s: Session, data: MealRecipientBase) -> dict:
    out: dict = {}
    out["status"] = choice(data.status, STATUSES, F["status"])
    out["service"] = choice(data.service, SERVICES, F["service"])
    schedule = int(data.schedule or 0)
    if schedule < 0 or schedule >= 1 << 14:
        raise ValidationError(F["schedule"], QT_TRANSLATE_NOOP("Errors", "tick the meals of the week."))
    if out["status"] == RecipientStatus.ACTIVE and schedule == 0 and out["service"] == ServiceKind.DELIVERY:
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
    if tier not in (BEST_TIER, NO_SUBSIDY):
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
    rec = MealRecipient(**values, resident_id=pk(resident.id), station_id=resident.station_id, sort_key=resident.sort_key)
    s.add(rec)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_recipient", entity_id=rec.id, after=rec)
    return rec


def update_recipient(
    s: Session, *, actor: Actor, recipient_id: int, data: MealRecipientBase, expected_version: int | None = None
) -> MealRecipient:
    """Change a recipient; with ``expected_version`` (the version the form loaded) a save over someone
    else's newer save is refused with StaleEdit."""
    require(actor, MANAGE_RECIPIENTS)
    rec = scoped_recipient(s, recipient_id, actor=actor, for_update=True)
    values = _clean_recipient(s, data)
    return audited_update(s, rec, {**values, "updated_at": utcnow()}, actor=actor, entity="meal_recipient",
                          expected_version=expected_version)


def get_recipient(s: Session, *, actor: Actor, recipient_id: int) -> MealRecipient:
    require(actor, VIEW_MEALS)
    return scoped_recipient(s, recipient_id, actor=actor)


def recipient_for_resident(s: Session, *, actor: Actor, resident_id: int) -> MealRecipient | None:
    require(actor, SERVE_DINE_IN)
    return s.exec(station_scope(select(MealRecipient).where(MealRecipient.resident_id == resident_id),
                                MealRecipient.station_id, actor)).first()


def diet_flags(rec) -> list[str]:
    return [d for d in DIETS if getattr(rec, d)]


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
        select(col(MealPause.recipient_id), col(MealPause.end_day)).where(
            col(MealPause.recipient_id).in_(ids), MealPause.start_day <= day, MealPause.end_day >= day
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
    query = station_scope(select(MealRecipient, Resident).join(Resident, col(Resident.id) == MealRecipient.resident_id),
                          MealRecipient.station_id, actor)
    if q.strip():
        from desktop_app.residents import search_ids

        ids = search_ids(s, q, limit=500, actor=actor)
        query = query.where(col(MealRecipient.resident_id).in_(ids or [-1]))
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
        if eff == RecipientStatus.ACTIVE and rec.id in pauses:
            eff = RecipientStatus.PAUSED
        out.append(RecipientRow(
            id=rec.id, resident_id=res.id, name=res.name, address=rec.delivery_address or res.address,
            phone_masked=mask_phone(res.phone), status=rec.status, effective_status=eff,
            paused_until=pauses.get(rec.id), service=rec.service, schedule=rec.schedule,
            diets=tuple(diet_flags(rec)), avoid=rec.avoid, balance_fen=bal.get(rec.id, 0), sort_key=rec.sort_key,
        ))
    return out


def add_pause(
    s: Session, *, actor: Actor, recipient_id: int, start: date | None, end: date | None, reason: str, note: str = ""
) -> MealPause:
    require(actor, MANAGE_RECIPIENTS)
    rec = scoped_recipient(s, recipient_id, actor=actor)
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
    choice(reason, PAUSE_REASONS, F["reason"])
    note = clean_text(note, F["note"], max_len=200, multiline=False)
    pause = MealPause(recipient_id=pk(rec.id), start_day=start, end_day=end, reason=reason, note=note)
    s.add(pause)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_pause", entity_id=pause.id, after=pause)
    return pause


def end_pause(s: Session, *, actor: Actor, pause_id: int, end: date, expected_version: int | None = None) -> MealPause:
    """End a pause early (the recipient came home sooner): the last paused day becomes ``end``."""
    require(actor, MANAGE_RECIPIENTS)
    pause = get_scoped(s, MealPause, pause_id, actor=actor, gone=PAUSE_GONE, station_of=via_recipient(s), for_update=True)
    if end < pause.start_day - timedelta(days=1):
        raise ValidationError(
            F["pause_end"],
            QT_TRANSLATE_NOOP("Errors", "{end} is before the pause starts ({start}); pick an end on or after the start."),
            end=end.isoformat(), start=pause.start_day.isoformat(),
        )
    return audited_update(s, pause, {"end_day": end}, actor=actor, entity="meal_pause", expected_version=expected_version)


def list_pauses(s: Session, *, actor: Actor, recipient_id: int) -> list[MealPause]:
    require(actor, VIEW_MEALS)
    scoped_recipient(s, recipient_id, actor=actor)
    return list(s.exec(select(MealPause).where(MealPause.recipient_id == recipient_id).order_by(col(MealPause.start_day).desc())))



@dataclass(frozen=True)
class RecipientForm:
    """What the recipient dialog shows: the record (None for a new one) with whom it is for, the tiers
    that may be granted and, for a new one, the station's default credit limit."""

    recipient: MealRecipient | None
    name: str
    address: str
    tiers: list[tuple[str, str]]  # (code, name)
    default_credit_fen: int
    pauses: list[MealPause]


def recipient_form(s: Session, *, actor: Actor, recipient_id: int | None = None) -> RecipientForm:
    require(actor, VIEW_MEALS)
    tiers = Rates.load(s).tier_codes()
    default_credit = get_settings(s).default_credit_fen
    if recipient_id is None:
        return RecipientForm(None, "", "", tiers, default_credit, [])
    rec = scoped_recipient(s, recipient_id, actor=actor)
    res = s.get(Resident, rec.resident_id)
    return RecipientForm(rec, res.name if res else "", res.address if res else "", tiers, default_credit,
                         list_pauses(s, actor=actor, recipient_id=pk(rec.id)))
