"""Today at a glance: the figures of the home page's tiles, computed from each feature's tables.

Qt-free. Each tile is None when its feature is not part of the build (models imported lazily through
reports.service.feature_module), so a smaller build still shows a working home page. Chart series come
from reports.service.monthly_series (one place for the period figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import case, func
from sqlmodel import Session, select

from desktop_app.core.auth import Actor, require
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import clean_count
from desktop_app.dashboard.permissions import VIEW_DASHBOARD  # noqa: E402  (shared with feature.py)
from desktop_app.reports.service import effective_station, feature_module, local_bounds, query_station

F_MONTHS = QT_TRANSLATE_NOOP("Fields", "Months shown")


@dataclass(frozen=True)
class PatrolsToday:
    shifts: int
    covered: int
    short: int  # below the minimum headcount or without a leader (empty ones included)
    checked_in: int  # volunteers checked in today


@dataclass(frozen=True)
class MealsToday:
    ordered: int
    delivered: int  # delivered or served so far
    outstanding: int  # ordered, no outcome yet
    welfare_open: int  # open welfare checks of any day (they stay until closed)
    welfare_overdue: int  # open ones from an earlier day


@dataclass(frozen=True)
class DeskToday:
    received_today: int
    open: int
    overdue: int


@dataclass(frozen=True)
class StampsToday:
    stamps: int
    residents: int


@dataclass(frozen=True)
class CertificatesWaiting:
    requests: int  # requested, not yet issued
    unprinted: int  # issued, never printed


@dataclass(frozen=True)
class Today:
    day: date
    patrols: PatrolsToday | None
    meals: MealsToday | None
    desk: DeskToday | None
    stamps: StampsToday | None
    certificates: CertificatesWaiting | None


def patrols_today(s: Session, day: date, station_id: int | None) -> PatrolsToday | None:
    m = feature_module("rosters", "models")
    if m is None:
        return None
    from desktop_app.reports.service import patrol_figures

    fig = patrol_figures(s, start=day, end=day, station_id=station_id)
    C, Shift, Team = m.CheckIn, m.Shift, m.Team
    q = (select(func.count()).select_from(C).join(Shift, Shift.id == C.shift_id).join(Team, Team.id == Shift.team_id)
         .where(Shift.date == day, C.check_in_at.is_not(None), C.no_show == False))  # noqa: E712
    if station_id is not None:
        q = q.where(Team.station_id == station_id)
    return PatrolsToday(fig.shifts, fig.covered, fig.short + fig.empty, int(s.exec(q).one()))


def meals_today(s: Session, day: date, station_id: int | None) -> MealsToday | None:
    m = feature_module("meals", "models")
    if m is None:
        return None
    MO, R, W = m.MealOrder, m.MealRecipient, m.WelfareCheck
    q = select(
        func.count(),
        func.coalesce(func.sum(case((MO.outcome.in_(("delivered", "served")), 1), else_=0)), 0),
        func.coalesce(func.sum(case((MO.outcome == "", 1), else_=0)), 0),
    ).select_from(MO).where(MO.day == day, MO.status == "ordered")
    wq = select(func.count(), func.coalesce(func.sum(case((W.day < day, 1), else_=0)), 0)).select_from(W).where(
        W.closed_at.is_(None))
    if station_id is not None:
        q = q.join(R, R.id == MO.recipient_id).where(R.station_id == station_id)
        wq = wq.join(R, R.id == W.recipient_id).where(R.station_id == station_id)
    ordered, delivered, outstanding = s.exec(q).one()
    w_open, w_overdue = s.exec(wq).one()
    return MealsToday(int(ordered), int(delivered or 0), int(outstanding or 0), int(w_open), int(w_overdue or 0))


def desk_today(s: Session, day: date, station_id: int | None, now: datetime) -> DeskToday | None:
    m = feature_module("desk", "models")
    if m is None:
        return None
    R = m.ServiceRecord
    lo, hi = local_bounds(day, day)
    q = select(func.count(), func.coalesce(func.sum(case((R.due_at < now, 1), else_=0)), 0)).where(
        R.status.in_(m.OPEN_STATUSES))
    tq = select(func.count()).select_from(R).where(R.received_at >= lo, R.received_at < hi)
    if station_id is not None:
        q = q.where(R.station_id == station_id)
        tq = tq.where(R.station_id == station_id)
    open_, overdue = s.exec(q).one()
    return DeskToday(int(s.exec(tq).one()), int(open_), int(overdue or 0))


def stamps_today(s: Session, day: date, station_id: int | None) -> StampsToday | None:
    m = feature_module("passports", "models")
    if m is None:
        return None
    E = m.StampEntry
    kinds = tuple(getattr(m, "EARNED_KINDS", ("award", "patrol", "reversal")))
    q = select(func.coalesce(func.sum(E.stamps), 0), func.count(func.distinct(E.resident_id))).where(
        E.occurred_on == day, E.kind.in_(kinds))
    if station_id is not None:
        q = q.where(E.station_id == station_id)
    stamps, residents = s.exec(q).one()
    return StampsToday(int(stamps or 0), int(residents))


def certificates_waiting(s: Session, station_id: int | None) -> CertificatesWaiting | None:
    m = feature_module("certificates", "models")
    if m is None:
        return None
    C, Q = m.Certificate, m.CertificateRequest
    rq = select(func.count()).select_from(Q).where(Q.status == getattr(m, "REQUEST_PENDING", "pending"))
    uq = select(func.count()).select_from(C).where(C.status == getattr(m, "STATUS_VALID", "valid"), C.print_count == 0)
    if station_id is not None:
        rq = rq.where(Q.station_id == station_id)
        uq = uq.where(C.station_id == station_id)
    return CertificatesWaiting(int(s.exec(rq).one()), int(s.exec(uq).one()))


def today_figures(s: Session, *, actor: Actor, day: date | None = None, station_id: int | None = None,
                  now: datetime | None = None) -> Today:
    """Every tile of the home page for ``day`` (default: today, local time)."""
    require(actor, VIEW_DASHBOARD)
    from desktop_app.core import clock

    day = day or clock.today()
    now = now or datetime.now(UTC)
    station_id = effective_station(actor, station_id)
    scope = query_station(s, station_id)  # no joins for the station filter when there is only one station
    return Today(
        day=day,
        patrols=patrols_today(s, day, scope),
        meals=meals_today(s, day, scope),
        desk=desk_today(s, day, station_id, now),
        stamps=stamps_today(s, day, scope),
        certificates=certificates_waiting(s, station_id),
    )


def chart_series(s: Session, *, actor: Actor, months: int = 12, station_id: int | None = None,
                 today: date | None = None):
    """The home page charts: ``months`` months up to this one (reports.service.monthly_series)."""
    require(actor, VIEW_DASHBOARD)
    months = clean_count(months, F_MONTHS, 1, 120)
    from desktop_app.core import clock
    from desktop_app.reports import service as reports

    today = today or clock.today()
    station_id = effective_station(actor, station_id)
    # The dashboard may be seen by every staff role; the series itself is the reports' figure function.
    return reports.monthly_series(s, actor=actor, months=reports.last_months(today, months), station_id=station_id)


def desk_categories(s: Session, *, actor: Actor, months: int = 12, station_id: int | None = None,
                    today: date | None = None) -> list[tuple[str, list[int]]]:
    """Desk records received per category and month (stacked bar chart): [(category source name, counts)]."""
    require(actor, VIEW_DASHBOARD)
    months = clean_count(months, F_MONTHS, 1, 120)
    m = feature_module("desk", "models")
    from desktop_app import features

    svc = features.api("desk")
    if m is None or svc is None:
        return []
    from desktop_app.core import clock
    from desktop_app.reports.service import _month_key, last_months, month_period

    today = today or clock.today()
    station_id = effective_station(actor, station_id)
    span = last_months(today, months)
    first = date(span[0][0], span[0][1], 1)
    last = month_period(*span[-1]).end
    keys = [f"{y:04d}-{mm:02d}" for y, mm in span]
    D = m.DeskDayFigure
    q = select(D.day, D.category_id, func.sum(D.received)).where(D.day >= first, D.day <= last)
    if station_id is not None:
        q = q.where(D.station_id == station_id)
    counts: dict[int, list[int]] = {}
    for day, cat, n in s.exec(q.group_by(D.day, D.category_id)):
        k = _month_key(day)
        if k in keys:
            counts.setdefault(cat, [0] * len(keys))[keys.index(k)] += int(n or 0)
    cats = svc.categories(s, include_inactive=True)
    return [(c.name, counts[c.id]) for c in cats if c.id in counts]
