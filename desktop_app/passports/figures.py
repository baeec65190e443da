"""Smile passports as read-only counts for the home page and the reports (Qt-free).

Counted inside passports, in a few grouped queries whatever the number of months; whole months without a
station filter read the per-resident month totals the ledger keeps (far fewer rows than the ledger).
Every count is limited to the station ``counted_station`` gives for the actor (staff: their own; a
sub-district administrator: the one asked for, or all). Periods are half-open (``core.periods.Period``).
The callers (dashboard, reports) check their own permission.

Definitions: earned stamps = award and patrol entries minus reversals, by the day they were earned;
redeemed = stamps spent on rewards; honours by the day they were reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor
from desktop_app.core.db.scoping import counted_station, scope_to
from desktop_app.core.periods import Period
from desktop_app.passports.models import (
    EARNED_KINDS,
    ENTRY_KINDS,
    HonourAward,
    MonthTotal,
    Passport,
    StampEntry,
)
from desktop_app.residents.figures import resident_in_station


def _known(values: tuple[str, ...], *names: str) -> tuple[str, ...]:
    """The states named, checked against the model's list: a renamed state fails at import, never silently."""
    missing = [n for n in names if n not in values]
    if missing:
        raise RuntimeError(f"passports figures count states the model no longer has: {missing}")
    return names


(REDEMPTION,) = _known(ENTRY_KINDS, "redemption")


@dataclass(frozen=True)
class StampsToday:
    stamps: int
    residents: int


@dataclass(frozen=True)
class StampFigures:
    earned: int
    residents: int
    redeemed: int
    passports_issued: int
    honours: list[tuple[str, int]]  # (level name, residents who reached it in the period)

    @property
    def honours_total(self) -> int:
        return sum(n for _, n in self.honours)


def today(s: Session, *, actor: Actor, day: date, station_id: int | None = None) -> StampsToday:
    """Stamps earned on ``day`` and by how many residents."""
    station = counted_station(s, actor, station_id)
    E = StampEntry
    q = select(func.coalesce(func.sum(E.stamps), 0), func.count(func.distinct(E.resident_id))).where(
        E.occurred_on == day, col(E.kind).in_(EARNED_KINDS))
    stamps, residents = s.exec(scope_to(q, E.station_id, station)).one()
    return StampsToday(int(stamps or 0), int(residents))


def _whole_months(period: Period) -> bool:
    return period.start.day == 1 and period.end.day == 1


def period_figures(s: Session, *, actor: Actor, period: Period, station_id: int | None = None) -> StampFigures:
    """Stamps earned and redeemed, residents stamped, passports issued and honours reached in ``period``."""
    station = counted_station(s, actor, station_id)
    E = StampEntry
    in_period = (E.occurred_on >= period.start, E.occurred_on < period.end)
    if station is None and _whole_months(period):
        M = MonthTotal
        months = [month.start.strftime("%Y-%m") for month in period.months()]
        earned, residents = s.exec(select(func.coalesce(func.sum(M.earned), 0), func.count(func.distinct(M.resident_id)))
                                   .where(col(M.month).in_(months), M.earned != 0)).one()
    else:
        q = select(func.coalesce(func.sum(E.stamps), 0), func.count(func.distinct(E.resident_id))).where(
            *in_period, col(E.kind).in_(EARNED_KINDS))
        earned, residents = s.exec(scope_to(q, E.station_id, station)).one()
    rq = select(func.coalesce(func.sum(E.stamps), 0)).where(*in_period, E.kind == REDEMPTION)
    redeemed = s.exec(scope_to(rq, E.station_id, station)).one()
    P = Passport
    pq = select(func.count()).select_from(P).where(P.issued_on >= period.start, P.issued_on < period.end)
    issued = s.exec(scope_to(pq, P.station_id, station)).one()
    H = HonourAward
    lo, hi = period.utc_bounds()
    hq = (select(H.name, H.threshold, func.count()).where(H.reached_at >= lo, H.reached_at < hi,
                                                          resident_in_station(H.resident_id, station))
          .group_by(col(H.name), col(H.threshold)).order_by(col(H.threshold)))
    honours = [(name, int(n)) for name, _t, n in s.exec(hq)]
    return StampFigures(int(earned or 0), int(residents), -int(redeemed or 0), int(issued), honours)


def earned_by_month(s: Session, *, actor: Actor, period: Period, station_id: int | None = None) -> dict[str, int]:
    """Stamps earned in each month of ``period`` ("YYYY-MM"): one query."""
    station = counted_station(s, actor, station_id)
    if station is None and _whole_months(period):
        M = MonthTotal
        months = [month.start.strftime("%Y-%m") for month in period.months()]
        q = select(M.month, func.sum(M.earned)).where(col(M.month).in_(months)).group_by(col(M.month))
    else:
        E = StampEntry
        q = select(E.month, func.sum(E.stamps)).where(E.occurred_on >= period.start, E.occurred_on < period.end,
                                                      col(E.kind).in_(EARNED_KINDS))
        q = scope_to(q, E.station_id, station).group_by(E.month)
    return {month: int(n or 0) for month, n in s.exec(q)}
