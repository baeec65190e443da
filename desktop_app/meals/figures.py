"""Meals as read-only counts for the home page and the reports (Qt-free).

Counted inside meals, in a few grouped queries whatever the number of months. Every count is limited to
the station ``counted_station`` gives for the actor (staff: their own; a sub-district administrator: the
one asked for, or all) through the recipient's station. Periods are half-open (``core.periods.Period``).
The callers (dashboard, reports) check their own permission.

Definitions: served = orders with the outcome delivered or served (dine-in); subsidies per tier from the
orders of the period that were not cancelled (what the subsidy claim counts).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor
from desktop_app.core.db.scoping import counted_station
from desktop_app.core.periods import Period
from desktop_app.meals.models import (
    MealOrder,
    MealRecipient,
    OrderOutcome,
    OrderStatus,
    RecipientStatus,
    SubsidyTier,
    WelfareCheck,
)

DELIVERED, SERVED, NOT_HOME = OrderOutcome.DELIVERED, OrderOutcome.SERVED, OrderOutcome.NOT_HOME
ACTIVE, PAUSED = RecipientStatus.ACTIVE, RecipientStatus.PAUSED
ORDERED = OrderStatus.ORDERED


@dataclass(frozen=True)
class MealsToday:
    ordered: int
    delivered: int  # delivered or served so far
    outstanding: int  # ordered, no outcome yet
    welfare_open: int  # open welfare checks of any day (they stay until closed)
    welfare_overdue: int  # open ones from an earlier day


@dataclass(frozen=True)
class TierLine:
    name: str
    funding_source: str
    meals: int
    recipients: int
    subsidy_fen: int


@dataclass(frozen=True)
class MealFigures:
    ordered: int
    served: int
    delivered: int
    dine_in: int
    not_home: int
    welfare_checks: int
    welfare_open: int
    recipients_active: int
    tiers: list[TierLine]

    @property
    def subsidy_fen(self) -> int:
        return sum(t.subsidy_fen for t in self.tiers)

    @property
    def subsidised_meals(self) -> int:
        return sum(t.meals for t in self.tiers)


def _orders(q, station: int | None):
    if station is not None:
        q = q.join(MealRecipient, MealRecipient.id == MealOrder.recipient_id).where(MealRecipient.station_id == station)
    return q


def _checks(q, station: int | None):
    if station is not None:
        q = q.join(MealRecipient, MealRecipient.id == WelfareCheck.recipient_id).where(MealRecipient.station_id == station)
    return q


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def today(s: Session, *, actor: Actor, day: date, station_id: int | None = None) -> MealsToday:
    """The meals of ``day`` and how many are done; welfare checks still open (of any day)."""
    station = counted_station(s, actor, station_id)
    MO, W = MealOrder, WelfareCheck
    q = select(func.count(), _count_if(col(MO.outcome).in_((DELIVERED, SERVED))), _count_if(MO.outcome == "")).select_from(MO).where(
        MO.day == day, MO.status == ORDERED)
    ordered, delivered, outstanding = s.exec(_orders(q, station)).one()
    wq = select(func.count(), _count_if(W.day < day)).select_from(W).where(col(W.closed_at).is_(None))
    w_open, w_overdue = s.exec(_checks(wq, station)).one()
    return MealsToday(int(ordered), int(delivered or 0), int(outstanding or 0), int(w_open), int(w_overdue or 0))


def period_figures(s: Session, *, actor: Actor, period: Period, station_id: int | None = None) -> MealFigures:
    """Meals ordered and their outcomes, subsidies per tier, welfare checks and recipients of ``period``."""
    station = counted_station(s, actor, station_id)
    MO, W, R = MealOrder, WelfareCheck, MealRecipient
    in_period = (col(MO.day) >= period.start, col(MO.day) < period.end, col(MO.status) == ORDERED)
    q = sa_select(func.count(), _count_if(col(MO.outcome).in_((DELIVERED, SERVED))), _count_if(col(MO.outcome) == DELIVERED),
                  _count_if(col(MO.outcome) == SERVED), _count_if(col(MO.outcome) == NOT_HOME)).select_from(MO).where(*in_period)
    ordered, served, delivered, dine_in, not_home = (int(x or 0) for x in s.execute(_orders(q, station)).one())
    tq = (select(MO.tier_id, func.count(), func.count(func.distinct(MO.recipient_id)), func.sum(MO.subsidy_fen))
          .select_from(MO).where(*in_period, col(MO.tier_id).is_not(None)).group_by(col(MO.tier_id)))
    raw = s.exec(_orders(tq, station)).all()
    tiers_by_id = {t.id: t for t in s.exec(select(SubsidyTier).where(col(SubsidyTier.id).in_([r[0] for r in raw] or [-1])))}
    merged: dict[tuple[str, str], list[int]] = {}
    people: dict[tuple[str, str], int] = defaultdict(int)
    for tier_id, meals, recipients, amount in raw:
        t = tiers_by_id.get(tier_id)
        key = (t.name if t else str(tier_id), t.funding_source if t else "")
        acc = merged.setdefault(key, [0, 0])
        acc[0] += int(meals)
        acc[1] += int(amount or 0)
        people[key] = max(people[key], int(recipients))  # a tier whose terms changed mid-period: the larger line
    tiers = [TierLine(name, src, v[0], people[(name, src)], v[1]) for (name, src), v in merged.items()]
    tiers.sort(key=lambda t: (-t.subsidy_fen, t.name))
    wq = select(func.count(), _count_if(col(W.closed_at).is_(None))).select_from(W).where(W.day >= period.start, W.day < period.end)
    checks, checks_open = s.exec(_checks(wq, station)).one()
    rq = select(func.count()).select_from(R).where(col(R.status).in_((ACTIVE, PAUSED)))
    if station is not None:
        rq = rq.where(R.station_id == station)
    return MealFigures(ordered, served, delivered, dine_in, not_home, int(checks), int(checks_open or 0),
                       int(s.exec(rq).one()), tiers)


def served_by_month(s: Session, *, actor: Actor, period: Period, station_id: int | None = None) -> dict[str, int]:
    """Meals delivered or served in each month of ``period`` ("YYYY-MM"): one query."""
    station = counted_station(s, actor, station_id)
    MO = MealOrder
    q = select(col(MO.day), func.count()).select_from(MO).where(MO.day >= period.start, MO.day < period.end,
                                                           MO.status == ORDERED, col(MO.outcome).in_((DELIVERED, SERVED)))
    out: dict[str, int] = defaultdict(int)
    for day, n in s.exec(_orders(q, station).group_by(MO.day)):
        out[str(day)[:7]] += int(n)
    return dict(out)
