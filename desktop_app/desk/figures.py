"""The desk's read-only counts for the home page and the reports (Qt-free).

Counted inside the desk, in a few grouped queries whatever the number of months: a period's figures come
from the day figures the desk keeps in step with its records (``DeskDayFigure``), open and overdue
requests from the records. Every count is limited to the station ``counted_station`` gives for the actor
(staff: their own; a sub-district administrator: the one asked for, or all). Periods are half-open
(``core.periods.Period``). The callers (dashboard, reports) check their own permission.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import case, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor
from desktop_app.core.db.scoping import counted_station, scope_to
from desktop_app.core.periods import Period
from desktop_app.desk.models import OPEN_STATUSES, DeskCategory, DeskDayFigure, ServiceRecord


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class DeskToday:
    received_today: int
    open: int
    overdue: int


@dataclass(frozen=True)
class DeskLine:
    category: str  # English source name of the category (translated where shown); "" for the total
    received: int
    closed: int
    closed_on_time: int
    followed_up: int
    satisfied: int

    @property
    def closure_rate(self) -> float | None:
        return _rate(self.closed, self.received)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.closed_on_time, self.closed)

    @property
    def satisfaction_rate(self) -> float | None:
        return _rate(self.satisfied, self.followed_up)


@dataclass(frozen=True)
class DeskFigures:
    lines: list[DeskLine]  # categories with records, in the desk's order
    total: DeskLine
    open_now: int
    overdue_now: int


@dataclass(frozen=True)
class DeskMonth:
    received: int = 0
    closed: int = 0
    closed_on_time: int = 0

    @property
    def closure_rate(self) -> float | None:
        return _rate(self.closed, self.received)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.closed_on_time, self.closed)


def month_key(day: date | str) -> str:
    """"2026-10" for any day of October 2026 (a date, or the text some databases return)."""
    return str(day)[:7]


def _open_and_overdue(s: Session, station: int | None, now: datetime) -> tuple[int, int]:
    R = ServiceRecord
    q = select(func.count(), func.coalesce(func.sum(case((col(R.due_at) < now, 1), else_=0)), 0)).where(
        col(R.status).in_(OPEN_STATUSES))
    open_, overdue = s.exec(scope_to(q, R.station_id, station)).one()
    return int(open_), int(overdue or 0)


def today(s: Session, *, actor: Actor, day: date, now: datetime | None = None, station_id: int | None = None) -> DeskToday:
    """Records received on ``day`` (local), and requests open and overdue at ``now``."""
    station = counted_station(s, actor, station_id)
    D = DeskDayFigure
    received = s.exec(scope_to(select(func.coalesce(func.sum(D.received), 0)).where(D.day == day), D.station_id, station)).one()
    open_, overdue = _open_and_overdue(s, station, now or datetime.now(UTC))
    return DeskToday(int(received or 0), open_, overdue)


def period_figures(s: Session, *, actor: Actor, period: Period, now: datetime | None = None,
                   station_id: int | None = None) -> DeskFigures:
    """受理 / 办结 / 按时办结 / 回访 / 满意 per category of the records received in ``period``, and the
    requests open and overdue at ``now``."""
    station = counted_station(s, actor, station_id)
    D = DeskDayFigure
    q = sa_select(col(D.category_id), func.sum(D.received), func.sum(D.closed), func.sum(D.closed_on_time),
                  func.sum(D.followed_up), func.sum(D.satisfied)).where(col(D.day) >= period.start, col(D.day) < period.end)
    raw = s.execute(scope_to(q, D.station_id, station).group_by(D.category_id)).all()
    cats = {c.id: c for c in s.exec(select(DeskCategory))}
    lines = []
    for cat_id, *counts in raw:
        cat = cats.get(cat_id)
        order = (cat.position, cat.id) if cat else (999, cat_id)
        lines.append((order, DeskLine(cat.name if cat else str(cat_id), *(int(n or 0) for n in counts))))
    lines.sort(key=lambda x: x[0])
    total = DeskLine("", *(sum(getattr(x, f) for _, x in lines) for f in
                           ("received", "closed", "closed_on_time", "followed_up", "satisfied")))
    open_now, overdue_now = _open_and_overdue(s, station, now or datetime.now(UTC))
    return DeskFigures([x for _, x in lines], total, open_now, overdue_now)


def by_month(s: Session, *, actor: Actor, period: Period, station_id: int | None = None) -> dict[str, DeskMonth]:
    """Received / closed / closed on time of the records received in each month of ``period`` ("YYYY-MM")."""
    station = counted_station(s, actor, station_id)
    D = DeskDayFigure
    q = select(col(D.day), func.sum(D.received), func.sum(D.closed), func.sum(D.closed_on_time)).where(
        D.day >= period.start, D.day < period.end)
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for day, received, closed, on_time in s.exec(scope_to(q, D.station_id, station).group_by(D.day)):
        a = acc[month_key(day)]
        a[0] += int(received or 0)
        a[1] += int(closed or 0)
        a[2] += int(on_time or 0)
    return {k: DeskMonth(*v) for k, v in acc.items()}


def received_by_category(s: Session, *, actor: Actor, period: Period,
                         station_id: int | None = None) -> list[tuple[str, dict[str, int]]]:
    """Records received per category and month: [(category source name, {"YYYY-MM": count})], in the
    desk's order of categories (inactive ones included), categories without records left out."""
    station = counted_station(s, actor, station_id)
    D = DeskDayFigure
    q = select(col(D.day), col(D.category_id), func.sum(D.received)).where(D.day >= period.start, D.day < period.end)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, cat_id, n in s.exec(scope_to(q, D.station_id, station).group_by(D.day, D.category_id)):
        if n:
            counts[cat_id][month_key(day)] += int(n)
    cats = s.exec(select(DeskCategory).order_by(col(DeskCategory.position), col(DeskCategory.id))).all()
    return [(c.name, dict(counts[c.id])) for c in cats if c.id in counts]
