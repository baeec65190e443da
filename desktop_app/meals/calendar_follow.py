"""Meal days follow the work calendar: from tomorrow on, a day the canteen no longer serves (it became a
statutory holiday and the station closes on holidays) has its scheduled orders cancelled and refunded; a
day it serves again, or serves differently (an adjusted workday served like a working day), is listed so
the day's orders are generated as usual. Orders made by hand are kept; past days and today never change.
(core.workdays.CalendarFollower; the rule per day: meals.service_days)"""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor
from desktop_app.core.clock import utcnow
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.workdays import CalendarChange, Move, move
from desktop_app.meals.models import MealOrder, MealRecipient, OrderSource, OrderStatus
from desktop_app.meals.orders import cancel_all
from desktop_app.meals.service_days import CLOSED, WORKING_DAY, rule_for, service_days

AREA = QT_TRANSLATE_NOOP("Calendar", "Meals")
CLOSES = QT_TRANSLATE_NOOP("Calendar", "{day} ({name}): no meals, the canteen is closed on holidays")
CANCELS = QT_TRANSLATE_NOOP("Calendar", "{day} ({name}): no meals; {n} scheduled meal(s) already ordered are cancelled and refunded")
OPENS = QT_TRANSLATE_NOOP("Calendar", "{day}: meals as the weekly schedule says (no longer a day without meals)")
WORKING = QT_TRANSLATE_NOOP("Calendar", "{day}: an adjusted workday; meals for whoever has them every Monday to Friday")
ORDINARY = QT_TRANSLATE_NOOP("Calendar", "{day}: meals as the weekly schedule of that weekday says")
KEPT = QT_TRANSLATE_NOOP("Calendar", "{day}: {n} meal(s) ordered by hand are kept; cancel them on the meals page if the canteen is closed")


class MealsFollower:
    def follow(self, s: Session, *, actor: Actor, change: CalendarChange, apply: bool) -> list[Move]:
        days = sorted(d for d in change.changed if d > change.today)
        if not days:
            return []
        stations = set(s.exec(select(MealRecipient.station_id).distinct())) or {actor.station_id}
        orders: dict[tuple, list[MealOrder]] = defaultdict(list)
        for order, station in s.exec(
            select(MealOrder, MealRecipient.station_id).join(MealRecipient, col(MealRecipient.id) == MealOrder.recipient_id)
            .where(col(MealOrder.day).in_(days), MealOrder.status == OrderStatus.ORDERED).order_by(col(MealOrder.id))
        ):
            orders[(order.day, station)].append(order)
        out: list[Move] = []
        seen: set[tuple] = set()
        now = utcnow()
        for station in sorted(stations, key=lambda x: (x is None, x or 0)):
            rules = service_days(s, station)
            for day in days:
                before, after = rule_for(change.before, day, rules), rule_for(change.after, day, rules)
                if before == after:
                    continue
                found = []
                if after == CLOSED:
                    scheduled = [o for o in orders[(day, station)] if o.source == OrderSource.SCHEDULE]
                    by_hand = len(orders[(day, station)]) - len(scheduled)
                    if scheduled:
                        found.append(move(AREA, day, CANCELS, day=day.isoformat(), name=change.after.holiday_name(day),
                                          n=len(scheduled)))
                    else:
                        found.append(move(AREA, day, CLOSES, day=day.isoformat(), name=change.after.holiday_name(day)))
                    if by_hand:
                        found.append(move(AREA, day, KEPT, day=day.isoformat(), n=by_hand))
                    if apply and scheduled:
                        cancel_all(s, actor=actor, orders=scheduled, at=now)
                elif before == CLOSED:
                    found.append(move(AREA, day, WORKING if after == WORKING_DAY else OPENS, day=day.isoformat()))
                else:
                    found.append(move(AREA, day, WORKING if after == WORKING_DAY else ORDINARY, day=day.isoformat()))
                for m in found:
                    if (m.what, m.params) not in seen:  # several stations with the same setting: said once
                        seen.add((m.what, m.params))
                        out.append(m)
        return out


FOLLOWER = MealsFollower()
