"""Deliveries: who delivers which compound (routes and their volunteers), what happened at each door
(not home opens a welfare check), and the canteen counter where dine-in recipients are served. Also the
coordinator's day as the day tab shows it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, allowed, require
from desktop_app.core.clock import fmt_local, utcnow
from desktop_app.core.db import in_station
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Text
from desktop_app.core.records import audited_update, get_existing, pk
from desktop_app.core.validation import clean_text
from desktop_app.meals.accounts import balance
from desktop_app.meals.common import choice, scoped_recipient, station_filter
from desktop_app.meals.labels import MEAL_LABELS, STATUS_LABELS, F
from desktop_app.meals.models import (
    MEALS,
    OUTCOMES,
    Meal,
    MealOrder,
    MealRecipient,
    MealRouteAssignment,
    OrderOutcome,
    OrderSource,
    OrderStatus,
    RecipientStatus,
    ServiceKind,
    WelfareCheck,
)
from desktop_app.meals.orders import (
    KitchenSheet,
    OrderRow,
    _cancel,
    _charge_order,
    _order_for,
    day_orders,
    kitchen_sheet,
)
from desktop_app.meals.permissions import RECORD_DELIVERIES, RUN_MEAL_DAY, SERVE_DINE_IN, VIEW_MEALS
from desktop_app.meals.welfare import CheckRow, welfare_checks
from desktop_app.residents import Resident
from desktop_app.rosters import Team, TeamMember, Volunteer

DELIVERY_TEAM_KIND = "meal_delivery"  # the rosters team kind whose members deliver meals


@dataclass
class DeliveryVolunteer:
    """A member of a meal-delivery team (rosters), as the route picker lists them."""

    resident_id: int
    name: str
    phone: str


def delivery_volunteers(s: Session, *, actor: Actor) -> list[DeliveryVolunteer]:
    """Members of the rosters feature's active meal-delivery teams."""
    require(actor, VIEW_MEALS)
    rows = s.exec(  # DISTINCT with ORDER BY: PostgreSQL wants the sort column selected
        select(Resident.id, Resident.name, Resident.phone, Resident.sort_key)
        .join(Volunteer, col(Volunteer.resident_id) == Resident.id)
        .join(TeamMember, col(TeamMember.volunteer_id) == Volunteer.id)
        .join(Team, col(Team.id) == TeamMember.team_id)
        .where(Team.kind == DELIVERY_TEAM_KIND, Team.active == True, Volunteer.active == True)  # noqa: E712
        .distinct()
        .order_by(Resident.sort_key)
    ).all()
    return [DeliveryVolunteer(pk(rid), name, phone) for rid, name, phone, _key in rows]


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
        ids = s.exec(select(MealOrder.id).join(MealRecipient, col(MealRecipient.id) == MealOrder.recipient_id)
                     .join(Resident, col(Resident.id) == MealRecipient.resident_id)
                     .where(MealOrder.day == day, MealOrder.service == ServiceKind.DELIVERY, Resident.compound == compound,
                            *station_filter(actor))).all()
        for order in s.exec(select(MealOrder).where(col(MealOrder.id).in_(ids))):
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
    return {pk(rid): name for rid, name in s.exec(select(Resident.id, Resident.name).where(col(Resident.id).in_(ids)))}


@dataclass
class Route:
    compound: str
    meal: str
    day: date
    volunteer_name: str
    volunteer_phone: str
    stops: list[OrderRow]


def routes(s: Session, *, actor: Actor, day: date, meal: str, orders: list[OrderRow] | None = None) -> list[Route]:
    """Delivery stops grouped by compound (one route each), in stop order, with their volunteer. ``orders``:
    the day's orders of ``meal`` already read (``day_orders``), so they are not read twice."""
    require(actor, VIEW_MEALS)
    if orders is None:
        rows = day_orders(s, actor=actor, day=day, meal=meal, service=ServiceKind.DELIVERY, include_cancelled=False)
    else:
        rows = [r for r in orders if r.service == ServiceKind.DELIVERY and r.status == OrderStatus.ORDERED]
    vol_ids = {r.volunteer_resident_id for r in rows if r.volunteer_resident_id}
    vols = {r.id: r for r in s.exec(select(Resident).where(col(Resident.id).in_(vol_ids)))} if vol_ids else {}
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


def record_outcome(
    s: Session, *, actor: Actor, recipient_id: int, day: date, meal: str, outcome: str,
    at: datetime | None = None, note: str = "",
) -> MealOrder:
    """What happened at the door. Not home opens a welfare check; cancelled refunds the meal."""
    require(actor, RECORD_DELIVERIES)
    choice(meal, MEALS, F["meal"])
    choice(outcome, OUTCOMES, F["outcome"])
    rec = scoped_recipient(s, recipient_id, actor=actor)
    res = get_existing(s, Resident, rec.resident_id)
    order = _order_for(s, pk(rec.id), day, meal)
    if order is None or order.status != OrderStatus.ORDERED:
        raise ValidationError(
            F["order"],
            QT_TRANSLATE_NOOP("Errors", "{name} has no {meal} ordered on {day}; an outcome can only be recorded for a meal that was ordered."),
            name=res.name, meal=Text("Meals", MEAL_LABELS[meal]), day=day.isoformat(),
        )
    if outcome == OrderOutcome.SERVED and order.service != ServiceKind.DINE_IN:
        raise ValidationError(F["outcome"], QT_TRANSLATE_NOOP("Errors", "served is for dine-in meals; choose delivered for a delivery."))
    if outcome in (OrderOutcome.DELIVERED, OrderOutcome.NOT_HOME) and order.service != ServiceKind.DELIVERY:
        raise ValidationError(F["outcome"], QT_TRANSLATE_NOOP("Errors", "this is a dine-in meal; check the resident in at the counter instead."))
    at = at or utcnow()
    if outcome == OrderOutcome.CANCELLED:
        _cancel(s, actor=actor, order=order, at=at, by_outcome=True)
        return order
    audited_update(s, order, {"outcome": outcome, "outcome_at": at, "outcome_by": actor.id}, actor=actor,
                   entity="meal_order", action="outcome")
    if outcome == OrderOutcome.NOT_HOME:
        exists = s.exec(select(WelfareCheck).where(WelfareCheck.order_id == order.id)).first()
        if exists is None:
            check = WelfareCheck(order_id=pk(order.id), recipient_id=pk(rec.id), day=day, opened_at=at,
                                 note=clean_text(note, F["note"], max_len=500))
            s.add(check)
            s.flush()
            audit.record(s, actor=actor, action="create", entity="meal_welfare_check", entity_id=check.id, after=check)
    return order


def meal_at(moment: datetime) -> str:
    return Meal.LUNCH if moment.astimezone().hour < 15 else Meal.DINNER


def serve_dine_in(
    s: Session, *, actor: Actor, resident_id: int, day: date | None = None, meal: str | None = None,
    at: datetime | None = None,
) -> MealOrder:
    """A recipient at the canteen counter: serves the ordered meal, or orders and charges one on the spot."""
    require(actor, SERVE_DINE_IN)
    at = at or utcnow()
    day = day or at.astimezone().date()
    meal = meal or meal_at(at)
    choice(meal, MEALS, F["meal"])
    res = s.get(Resident, resident_id)
    if res is None or res.erased or not in_station(actor, res.station_id):
        # Another station's resident (or none): nothing about them, not even a name, is told.
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "No meal recipient of this station has this number; check the card or search by name."))
    rec = s.exec(select(MealRecipient).where(MealRecipient.resident_id == resident_id, *station_filter(actor))).first()
    if rec is None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is not a meal recipient; register them for meal assistance first."),
                            name=_shown_name(actor, res.name))
    if rec.status in (RecipientStatus.STOPPED, RecipientStatus.DECEASED, RecipientStatus.PENDING):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name}'s meal service is {status}; change the status first."),
                            name=_shown_name(actor, res.name), status=Text("Meals", STATUS_LABELS[rec.status]))
    order = _order_for(s, pk(rec.id), day, meal)
    if order is not None and order.outcome == OrderOutcome.SERVED:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} was already served {meal} at {time}."),
                            name=_shown_name(actor, res.name), meal=Text("Meals", MEAL_LABELS[meal]), time=fmt_local(order.outcome_at, "%H:%M"))
    if order is not None and order.status == OrderStatus.ORDERED and order.service == ServiceKind.DELIVERY:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name}'s {meal} is on a delivery route today; cancel the delivery before serving at the counter."),
                            name=_shown_name(actor, res.name), meal=Text("Meals", MEAL_LABELS[meal]))
    if order is None or order.status == OrderStatus.CANCELLED:
        if order is not None:
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name}'s {meal} today was cancelled; order it again first."),
                                name=_shown_name(actor, res.name), meal=Text("Meals", MEAL_LABELS[meal]))
        order = _charge_order(s, actor=actor, rec=rec, res=res, day=day, meal=meal, source=OrderSource.WALK_IN, service=ServiceKind.DINE_IN)
        audit.record(s, actor=actor, action="create", entity="meal_order", entity_id=order.id, after=order)
    return audited_update(s, order, {"outcome": OrderOutcome.SERVED, "outcome_at": at, "outcome_by": actor.id},
                          actor=actor, entity="meal_order", action="check_in")



@dataclass(frozen=True)
class ServedMeal:
    """What the canteen counter shows after serving: whom, which meal, the charge and the balance left."""

    order: MealOrder
    name: str
    balance_fen: int


def _shown_name(actor: Actor, name: str) -> str:
    """A name as the counter shows it: masked on the self-service kiosk (a public screen), in full for staff."""
    from desktop_app.core.auth import Role
    from desktop_app.core.validation import mask_name

    return mask_name(name) if actor.role == Role.KIOSK else name


def serve_at_counter(s: Session, *, actor: Actor, resident_id: int, day: date | None = None,
                     meal: str | None = None) -> ServedMeal:
    order = serve_dine_in(s, actor=actor, resident_id=resident_id, day=day, meal=meal)
    res = s.get(Resident, resident_id)
    return ServedMeal(order, _shown_name(actor, res.name) if res else "", balance(s, order.recipient_id))


@dataclass(frozen=True)
class DayView:
    """The day tab's data for one day and meal, read in one transaction."""

    orders: list[OrderRow]
    volunteer_names: dict[int, str]
    kitchen: KitchenSheet
    routes: list[Route]
    volunteers: list[DeliveryVolunteer]
    checks: list[CheckRow]  # empty for someone who may not record deliveries


def day_view(s: Session, *, actor: Actor, day: date, meal: str) -> DayView:
    rows = day_orders(s, actor=actor, day=day, meal=meal)
    names = resident_names(s, actor=actor, ids=[r.volunteer_resident_id for r in rows])
    checks = welfare_checks(s, actor=actor, day=day) if allowed(actor, RECORD_DELIVERIES) else []
    return DayView(rows, names, kitchen_sheet(s, actor=actor, day=day),
                   routes(s, actor=actor, day=day, meal=meal, orders=rows), delivery_volunteers(s, actor=actor), checks)
