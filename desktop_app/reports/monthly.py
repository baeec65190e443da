"""The figures month by month (the report's charts and the home page's): one point a month.

Each feature counts its months in one or two grouped queries over the whole span (never a query per
month); a feature left out of this installation leaves its values at zero.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from desktop_app.core import clock
from desktop_app.core.auth import Actor, require
from desktop_app.core.memo import FigureMemo, has_ended
from desktop_app.core.periods import Period
from desktop_app.desk import figures as desk
from desktop_app.features import enabled_keys
from desktop_app.meals import figures as meals
from desktop_app.passports import figures as passports
from desktop_app.reports.models import MonthPoint
from desktop_app.reports.permissions import VIEW_REPORTS
from desktop_app.reports.station_choice import effective_station
from desktop_app.rosters import figures as rosters


def monthly_series(s: Session, *, actor: Actor, period: Period, station_id: int | None = None,
                   memo: FigureMemo | None = None, today: date | None = None) -> list[MonthPoint]:
    """One point for each month ``period`` touches: desk received/closed/on-time, hours, coverage, meals
    served, stamps.

    With a ``memo`` (core/memo.py) the months that have ended and were read lately come from it, and
    only the others are read (one span from the first of them to the last)."""
    require(actor, VIEW_REPORTS)
    station_id = effective_station(actor, station_id)
    months = list(period.months())
    if not months:
        return []
    today = today or clock.today()
    stamp = memo.stamp() if memo is not None else None
    known: dict[str, MonthPoint] = {}
    if memo is not None:
        for month in months:
            if has_ended(month.end, today) and (point := memo.get(("month", station_id, f"{month.start:%Y-%m}"))):
                known[f"{month.start:%Y-%m}"] = point
    missing = [m for m in months if f"{m.start:%Y-%m}" not in known]
    read = _read_months(s, actor, missing, station_id) if missing else {}
    if memo is not None and stamp is not None:
        for month in missing:
            if has_ended(month.end, today):
                memo.put(("month", station_id, f"{month.start:%Y-%m}"), read[f"{month.start:%Y-%m}"], stamp)
    return [known.get(f"{m.start:%Y-%m}") or read[f"{m.start:%Y-%m}"] for m in months]


def _read_months(s: Session, actor: Actor, months: list[Period], station_id: int | None) -> dict[str, MonthPoint]:
    span = Period(months[0].start, months[-1].end)
    built = enabled_keys()
    desk_months = desk.by_month(s, actor=actor, period=span, station_id=station_id) if "desk" in built else {}
    patrol_months = rosters.by_month(s, actor=actor, period=span, station_id=station_id) if "rosters" in built else {}
    served = meals.served_by_month(s, actor=actor, period=span, station_id=station_id) if "meals" in built else {}
    stamps = passports.earned_by_month(s, actor=actor, period=span, station_id=station_id) if "passports" in built else {}
    out = {}
    for month in months:
        key = f"{month.start:%Y-%m}"
        d = desk_months.get(key, desk.DeskMonth())
        p = patrol_months.get(key, rosters.PatrolMonth())
        out[key] = MonthPoint(month.start.year, month.start.month, d.received, d.closed, d.closed_on_time,
                              d.closure_rate, d.on_time_rate, p.volunteer_hours, p.coverage, served.get(key, 0),
                              stamps.get(key, 0))
    return out


def _recorded(p: MonthPoint) -> bool:
    return bool(p.desk_received or p.volunteer_hours or p.meals_served or p.stamps)


def month_to_open(s: Session, *, actor: Actor, today, station_id: int | None = None) -> tuple[int, int]:
    """The (year, month) the reports page opens on: last month, the one a monthly report is made for —
    unless nothing was recorded in it and something was this month (a station in its first month), then
    this month."""
    from desktop_app.reports.periods import last_months

    last, this = monthly_series(s, actor=actor, period=last_months(today, 2), station_id=station_id)
    chosen = this if not _recorded(last) and _recorded(this) else last
    return chosen.year, chosen.month
