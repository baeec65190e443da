"""Figures of a period (a month, a year) for the monthly/annual report and the dashboard charts.

Qt-free. Every feature's figures come from that feature's own tables (or its own figure function,
as for the desk), imported lazily: a feature missing from the build gives ``None`` for its section,
never an error. All counts are limited to one station when ``station_id`` is given (an actor bound
to a station always sees its own station only).

Definitions (printed under the tables of the report):
  desk          received / closed / closed on time / followed up / satisfied — desk.service.figures
                (records by the local day they were received);
  patrols       shifts of patrol teams in the period (not cancelled); covered = at least the minimum
                headcount rostered and a leader when one is required; hours = credited minutes of
                the hours ledger served in the period (corrections included);
  meals         served = orders with the outcome delivered or served (dine-in); subsidies per tier from
                the orders of the period that were not cancelled (what the subsidy claim counts);
  stamps        earned stamps (award and patrol entries, minus reversals) by the day they were earned;
  certificates  issued in the period (by local day of issue), revoked ones counted separately.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from types import ModuleType

from sqlalchemy import case, func
from sqlmodel import Session, select

from desktop_app.core.auth import Actor, Permission, Role, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.reports.permissions import VIEW_REPORTS  # noqa: E402  (shared with feature.py)

PRINT_REPORTS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "print monthly and annual reports"), {Role.ADMIN, Role.COORDINATOR, Role.FRONT_DESK}
)
IMPORT_REGISTERS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "import registers from Excel"), {Role.ADMIN, Role.COORDINATOR}
)
from desktop_app.core.auth import EXPORT_LISTS  # noqa: E402  (declared in core: every list exports)

F_PERIOD = QT_TRANSLATE_NOOP("Fields", "Period")
F_MONTH = QT_TRANSLATE_NOOP("Fields", "Month")


# --- features present in this build -------------------------------------------------------------------


def feature_module(key: str, name: str) -> ModuleType | None:
    """``desktop_app.<key>.<name>`` if that feature is part of this build (and enabled), else None."""
    from desktop_app.features import enabled_keys

    if key not in enabled_keys():
        return None
    try:
        return importlib.import_module(f"desktop_app.{key}.{name}")
    except ImportError:
        return None


# --- periods ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str = "month"  # month | year | custom

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        if self.kind == "year":
            return f"{self.start.year}年"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @property
    def slug(self) -> str:
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "year":
            return f"{self.start:%Y}"
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"

    def months(self) -> list[tuple[int, int]]:
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def month_period(year: int, month: int) -> Period:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return Period(first, nxt - timedelta(days=1), "month")


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "year")


def parse_period(text: str) -> Period:
    """"2026-10" (a month) or "2026" (a year); full-width digits and 2026年10月 are accepted."""
    from desktop_app.core.validation import fold

    raw = fold(text).replace("年", "-").replace("月", "").replace("/", "-").replace(".", "-").strip("-")
    try:
        parts = [int(p) for p in raw.split("-") if p]
        if len(parts) == 1 and 2000 <= parts[0] <= 2100:
            return year_period(parts[0])
        if len(parts) == 2 and 2000 <= parts[0] <= 2100 and 1 <= parts[1] <= 12:
            return month_period(parts[0], parts[1])
    except ValueError:
        pass
    raise ValidationError(F_MONTH, QT_TRANSLATE_NOOP("Errors", "“{value}” is not a month; write it as 2026-10 (or 2026 for a year)."),
                          value=text[:20])


def check_period(period: Period) -> None:
    if period.start > period.end:
        raise ValidationError(F_PERIOD, QT_TRANSLATE_NOOP("Errors", "starts on {start}, after it ends ({end}); swap the dates."),
                              start=period.start.isoformat(), end=period.end.isoformat())
    if (period.end - period.start).days > 366 * 5:
        raise ValidationError(F_PERIOD, QT_TRANSLATE_NOOP("Errors", "is longer than five years; choose a shorter period."))


def local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants of the start of local day ``start`` and the end of local day ``end`` (exclusive)."""
    lo = datetime.combine(start, time.min).astimezone().astimezone(UTC)
    hi = datetime.combine(end + timedelta(days=1), time.min).astimezone().astimezone(UTC)
    return lo, hi


def effective_station(actor: Actor, station_id: int | None) -> int | None:
    """An actor bound to a station sees that station; one without (sub-district) may pick any or all."""
    return actor.station_id if actor.station_id is not None else station_id


def query_station(s: Session, station_id: int | None) -> int | None:
    """The station filter the queries need: none when the database holds a single station (every row is
    that station's or has none), which spares the joins on big tables."""
    if station_id is None:
        return None
    from desktop_app.core.models import Station

    return None if s.exec(select(func.count()).select_from(Station)).one() <= 1 else station_id


def stations(s: Session, *, actor: Actor) -> list[tuple[int, str]]:
    """Stations the actor may choose in the selector (its own only, when bound to one)."""
    require(actor, VIEW_REPORTS)
    from desktop_app.core.models import Station

    q = select(Station.id, Station.name).order_by(Station.id)
    if actor.station_id is not None:
        q = q.where(Station.id == actor.station_id)
    return [(i, n) for i, n in s.exec(q)]


def station_name(s: Session, station_id: int | None) -> str:
    from desktop_app.core.models import Station

    if station_id is None:
        names = [n for n in s.exec(select(Station.name).order_by(Station.id))]
        return names[0] if len(names) == 1 else "、".join(names[:3]) + ("…" if len(names) > 3 else "")
    st = s.get(Station, station_id)
    return st.name if st else ""


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# --- sections -----------------------------------------------------------------------------------------


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
class PatrolFigures:
    shifts: int
    covered: int
    short: int
    empty: int
    attended: int  # shifts with at least one volunteer checked in
    volunteer_minutes: int  # credited (multipliers applied)
    served_minutes: int  # actual minutes served
    volunteers: int  # distinct volunteers with hours in the period
    findings: int

    @property
    def coverage_rate(self) -> float | None:
        return _rate(self.covered, self.shifts)

    @property
    def hours(self) -> float:
        return round(self.volunteer_minutes / 60, 1)

    @property
    def served_hours(self) -> float:
        return round(self.served_minutes / 60, 1)


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


CERT_KIND_LABELS = {
    "service_record": QT_TRANSLATE_NOOP("Reports", "service record certificates"),
    "honour": QT_TRANSLATE_NOOP("Reports", "honour certificates"),
    "thank_you": QT_TRANSLATE_NOOP("Reports", "thank-you letters"),
}


@dataclass(frozen=True)
class CertificateFigures:
    issued: int
    by_kind: list[tuple[str, int]]  # (kind code, count), valid and revoked together
    revoked: int
    pending_requests: int


@dataclass
class PeriodFigures:
    period: Period
    station_id: int | None
    station_name: str
    desk: DeskFigures | None = None
    patrol: PatrolFigures | None = None
    meals: MealFigures | None = None
    stamps: StampFigures | None = None
    certificates: CertificateFigures | None = None
    monthly: list[MonthPoint] = field(default_factory=list)


@dataclass(frozen=True)
class MonthPoint:
    """One month of the chart series."""

    year: int
    month: int
    desk_received: int = 0
    desk_closed: int = 0
    desk_on_time: int = 0
    desk_closed_rate: float | None = None
    desk_on_time_rate: float | None = None
    volunteer_hours: float = 0.0
    patrol_coverage: float | None = None
    meals_served: int = 0
    stamps: int = 0

    @property
    def label(self) -> str:
        return f"{self.month}月" if self.month != 1 else f"{self.year}年1月"


# --- desk ---------------------------------------------------------------------------------------------


def desk_figures(s: Session, *, actor: Actor, start: date, end: date, station_id: int | None,
                 now: datetime | None = None) -> DeskFigures | None:
    from desktop_app import features

    svc = features.api("desk")
    models = feature_module("desk", "models")
    if svc is None or models is None:
        return None
    rows = svc.category_figures(s, actor=actor, start=start, end=end, station_id=station_id)
    cats = {c.id: c for c in svc.categories(s, include_inactive=True)}
    order = {c.id: (c.position, c.id) for c in cats.values()}
    lines, total = [], None
    for r in rows:
        if r.category_id is None:
            total = DeskLine("", r.received, r.closed, r.closed_on_time, r.followed_up, r.satisfied)
        else:
            cat = cats.get(r.category_id)
            lines.append((order.get(r.category_id, (999, r.category_id)),
                          DeskLine(cat.name if cat else str(r.category_id), r.received, r.closed, r.closed_on_time,
                                   r.followed_up, r.satisfied)))
    lines.sort(key=lambda x: x[0])
    R = models.ServiceRecord
    now = now or datetime.now(UTC)
    q = select(func.count(), func.coalesce(func.sum(case((R.due_at < now, 1), else_=0)), 0)).where(
        R.status.in_(models.OPEN_STATUSES))
    if station_id is not None:
        q = q.where(R.station_id == station_id)
    open_now, overdue_now = s.exec(q).one()
    return DeskFigures([x[1] for x in lines], total or DeskLine("", 0, 0, 0, 0, 0), int(open_now), int(overdue_now or 0))


# --- patrols --------------------------------------------------------------------------------------------


def _team_filter(q, Team, station_id: int | None):
    if station_id is not None:
        q = q.where(Team.station_id == station_id)
    return q


def patrol_figures(s: Session, *, start: date, end: date, station_id: int | None) -> PatrolFigures | None:
    m = feature_module("rosters", "models")
    if m is None:
        return None
    Shift, Team, A, TM, C, H = m.Shift, m.Team, m.Assignment, m.TeamMember, m.CheckIn, m.HoursEntry
    leader = case(((A.as_leader == True) | (TM.role == "team_leader"), 1), else_=0)  # noqa: E712
    per_shift = (
        select(Shift.id, Shift.min_headcount, Shift.leader_required, func.count(A.id), func.coalesce(func.max(leader), 0))
        .join(Team, Team.id == Shift.team_id)
        .outerjoin(A, A.shift_id == Shift.id)
        .outerjoin(TM, (TM.team_id == Shift.team_id) & (TM.volunteer_id == A.volunteer_id))
        .where(Shift.date >= start, Shift.date <= end, Shift.cancelled == False, Team.kind == "patrol")  # noqa: E712
        .group_by(Shift.id, Shift.min_headcount, Shift.leader_required)
    )
    per_shift = _team_filter(per_shift, Team, station_id)
    shifts = covered = short = empty = 0
    for _sid, min_head, leader_required, count, has_leader in s.exec(per_shift):
        shifts += 1
        if count == 0 and min_head > 0:
            empty += 1
        elif count < min_head or (leader_required and not has_leader):
            short += 1
        else:
            covered += 1
    att = (select(func.count(func.distinct(C.shift_id))).join(Shift, Shift.id == C.shift_id).join(Team, Team.id == Shift.team_id)
           .where(Shift.date >= start, Shift.date <= end, C.check_in_at.is_not(None), C.no_show == False,  # noqa: E712
                  Team.kind == "patrol"))
    attended = s.exec(_team_filter(att, Team, station_id)).one()
    hq = select(func.coalesce(func.sum(H.credited_minutes), 0), func.coalesce(func.sum(H.minutes), 0),
                func.count(func.distinct(H.volunteer_id))).where(H.served_on >= start, H.served_on <= end)
    if station_id is not None:
        V = m.Volunteer
        hq = hq.join(V, V.id == H.volunteer_id).where(V.station_id == station_id)
    credited, served, volunteers = s.exec(hq).one()
    lo, hi = local_bounds(start, end)
    F = m.PatrolFinding
    fq = select(func.count()).select_from(F).where(F.found_at >= lo, F.found_at < hi)
    if station_id is not None and hasattr(F, "station_id"):
        fq = fq.where(F.station_id == station_id)
    findings = s.exec(fq).one()
    return PatrolFigures(shifts, covered, short, empty, int(attended), int(credited), int(served), int(volunteers),
                         int(findings))


# --- meals ---------------------------------------------------------------------------------------------


def meal_figures(s: Session, *, start: date, end: date, station_id: int | None) -> MealFigures | None:
    m = feature_module("meals", "models")
    if m is None:
        return None
    MO, R, T, W = m.MealOrder, m.MealRecipient, m.SubsidyTier, m.WelfareCheck

    def scoped(q):
        if station_id is not None:
            q = q.join(R, R.id == MO.recipient_id).where(R.station_id == station_id)
        return q

    in_period = (MO.day >= start, MO.day <= end)
    q = scoped(select(
        func.count(),
        func.coalesce(func.sum(case((MO.outcome.in_(("delivered", "served")), 1), else_=0)), 0),
        func.coalesce(func.sum(case((MO.outcome == "delivered", 1), else_=0)), 0),
        func.coalesce(func.sum(case((MO.outcome == "served", 1), else_=0)), 0),
        func.coalesce(func.sum(case((MO.outcome == "not_home", 1), else_=0)), 0),
    ).select_from(MO).where(*in_period, MO.status == "ordered"))
    ordered, served, delivered, dine_in, not_home = (int(x or 0) for x in s.exec(q).one())
    tq = scoped(select(MO.tier_id, func.count(), func.count(func.distinct(MO.recipient_id)), func.sum(MO.subsidy_fen))
                .select_from(MO).where(*in_period, MO.status == "ordered", MO.tier_id.is_not(None)).group_by(MO.tier_id))
    raw = s.exec(tq).all()
    tiers_by_id = {t.id: t for t in s.exec(select(T).where(T.id.in_([r[0] for r in raw] or [-1])))}
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
    wq = select(func.count(), func.coalesce(func.sum(case((W.closed_at.is_(None), 1), else_=0)), 0)).select_from(W).where(
        W.day >= start, W.day <= end)
    if station_id is not None:
        wq = wq.join(R, R.id == W.recipient_id).where(R.station_id == station_id)
    checks, checks_open = s.exec(wq).one()
    rq = select(func.count()).select_from(R).where(R.status.in_(("active", "paused")))
    if station_id is not None:
        rq = rq.where(R.station_id == station_id)
    return MealFigures(ordered, served, delivered, dine_in, not_home, int(checks), int(checks_open or 0),
                       int(s.exec(rq).one()), tiers)


# --- stamps --------------------------------------------------------------------------------------------


def stamp_figures(s: Session, *, start: date, end: date, station_id: int | None) -> StampFigures | None:
    m = feature_module("passports", "models")
    if m is None:
        return None
    E = m.StampEntry
    base = [E.occurred_on >= start, E.occurred_on <= end]
    if station_id is not None:
        base.append(E.station_id == station_id)
    earned_kinds = tuple(getattr(m, "EARNED_KINDS", ("award", "patrol", "reversal")))
    whole_months = start.day == 1 and (end + timedelta(days=1)).day == 1
    if station_id is None and whole_months and hasattr(m, "MonthTotal"):
        # Whole months: the month totals passports keeps in step with the ledger (far fewer rows).
        M = m.MonthTotal
        months = [f"{y:04d}-{mm:02d}" for y, mm in Period(start, end).months()]
        earned, residents = s.exec(select(func.coalesce(func.sum(M.earned), 0), func.count(func.distinct(M.resident_id)))
                                   .where(M.month.in_(months), M.earned != 0)).one()
    else:
        earned, residents = s.exec(select(func.coalesce(func.sum(E.stamps), 0), func.count(func.distinct(E.resident_id)))
                                   .where(*base, E.kind.in_(earned_kinds))).one()
    redeemed = s.exec(select(func.coalesce(func.sum(E.stamps), 0)).where(*base, E.kind == "redemption")).one()
    P = m.Passport
    pq = select(func.count()).select_from(P).where(P.issued_on >= start, P.issued_on <= end)
    if station_id is not None:
        pq = pq.where(P.station_id == station_id)
    H = m.HonourAward
    lo, hi = local_bounds(start, end)
    hq = select(H.name, H.threshold, func.count()).where(H.reached_at >= lo, H.reached_at < hi)
    if station_id is not None:  # honours hang off the resident, who belongs to a station
        from desktop_app.residents.models import Resident

        hq = hq.join(Resident, Resident.id == H.resident_id).where(Resident.station_id == station_id)
    hq = hq.group_by(H.name, H.threshold).order_by(H.threshold)
    honours = [(name, int(n)) for name, _t, n in s.exec(hq)]
    return StampFigures(int(earned), int(residents), -int(redeemed or 0), int(s.exec(pq).one()), honours)


# --- certificates ------------------------------------------------------------------------------------


def certificate_figures(s: Session, *, start: date, end: date, station_id: int | None) -> CertificateFigures | None:
    m = feature_module("certificates", "models")
    if m is None:
        return None
    C, Q = m.Certificate, m.CertificateRequest
    lo, hi = local_bounds(start, end)
    q = select(C.kind, C.status, func.count()).where(C.issued_at >= lo, C.issued_at < hi)
    if station_id is not None:
        q = q.where(C.station_id == station_id)
    by_kind: dict[str, int] = defaultdict(int)
    revoked = 0
    for kind, status, n in s.exec(q.group_by(C.kind, C.status)):
        by_kind[kind] += int(n)
        if status == getattr(m, "STATUS_REVOKED", "revoked"):
            revoked += int(n)
    pq = select(func.count()).select_from(Q).where(Q.status == getattr(m, "REQUEST_PENDING", "pending"))
    if station_id is not None:
        pq = pq.where(Q.station_id == station_id)
    kinds = list(getattr(m, "KINDS", tuple(by_kind)))
    ordered = [(k, by_kind[k]) for k in kinds if by_kind.get(k)] + [(k, n) for k, n in by_kind.items() if k not in kinds]
    return CertificateFigures(sum(by_kind.values()), ordered, revoked, int(s.exec(pq).one()))


# --- monthly series ---------------------------------------------------------------------------------


def monthly_series(s: Session, *, actor: Actor, months: list[tuple[int, int]], station_id: int | None = None) -> list[MonthPoint]:
    """Chart series, one point a month: desk received/closed/on-time, hours, coverage, meals served, stamps."""
    require(actor, VIEW_REPORTS)
    station_id = effective_station(actor, station_id)
    desk_station = station_id  # the desk's day figures carry the station: filtering them costs nothing
    station_id = query_station(s, station_id)
    if not months:
        return []
    first = date(months[0][0], months[0][1], 1)
    last = month_period(*months[-1]).end
    keys = [f"{y:04d}-{m:02d}" for y, m in months]
    acc: dict[str, dict] = {k: {} for k in keys}

    desk_m = feature_module("desk", "models")
    from desktop_app import features

    if desk_m is not None and features.api("desk") is not None:
        D = desk_m.DeskDayFigure
        q = select(D.day, func.sum(D.received), func.sum(D.closed), func.sum(D.closed_on_time)).where(
            D.day >= first, D.day <= last)
        if desk_station is not None:
            q = q.where(D.station_id == desk_station)
        for day, r, c, o in s.exec(q.group_by(D.day)):
            a = acc.get(_month_key(day))
            if a is not None:
                a["desk_received"] = a.get("desk_received", 0) + int(r or 0)
                a["desk_closed"] = a.get("desk_closed", 0) + int(c or 0)
                a["desk_on_time"] = a.get("desk_on_time", 0) + int(o or 0)
    ros = feature_module("rosters", "models")
    if ros is not None:
        H = ros.HoursEntry
        q = select(H.served_on, func.sum(H.credited_minutes)).where(H.served_on >= first, H.served_on <= last)
        if station_id is not None:
            V = ros.Volunteer
            q = q.join(V, V.id == H.volunteer_id).where(V.station_id == station_id)
        minutes_by: dict[str, int] = defaultdict(int)
        for day, minutes in s.exec(q.group_by(H.served_on)):
            minutes_by[_month_key(day)] += int(minutes or 0)
        for k, minutes in minutes_by.items():
            if k in acc:
                acc[k]["volunteer_hours"] = round(minutes / 60, 1)
        for y, m in months:
            p = month_period(y, m)
            fig = patrol_figures(s, start=p.start, end=p.end, station_id=station_id)
            if fig is not None and fig.shifts:
                acc[f"{y:04d}-{m:02d}"]["patrol_coverage"] = fig.coverage_rate
    meals = feature_module("meals", "models")
    if meals is not None:
        MO = meals.MealOrder
        q = select(MO.day, func.count()).select_from(MO).where(MO.day >= first, MO.day <= last, MO.status == "ordered",
                                                               MO.outcome.in_(("delivered", "served")))
        if station_id is not None:
            R = meals.MealRecipient
            q = q.join(R, R.id == MO.recipient_id).where(R.station_id == station_id)
        for day, n in s.exec(q.group_by(MO.day)):
            a = acc.get(_month_key(day))
            if a is not None:
                a["meals_served"] = a.get("meals_served", 0) + int(n)
    pas = feature_module("passports", "models")
    if pas is not None:
        if station_id is None and hasattr(pas, "MonthTotal"):
            # The per-resident month totals passports keeps with every ledger write (the smile wall reads them).
            M = pas.MonthTotal
            q = select(M.month, func.sum(M.earned)).where(M.month.in_(keys)).group_by(M.month)
        else:
            E = pas.StampEntry
            kinds = tuple(getattr(pas, "EARNED_KINDS", ("award", "patrol", "reversal")))
            q = select(E.month, func.sum(E.stamps)).where(E.occurred_on >= first, E.occurred_on <= last,
                                                          E.kind.in_(kinds)).group_by(E.month)
            if station_id is not None:
                q = q.where(E.station_id == station_id)
        for k, n in s.exec(q):
            if k in acc:
                acc[k]["stamps"] = int(n or 0)
    out = []
    for (y, m), k in zip(months, keys, strict=True):
        a = acc[k]
        received, closed, on_time = a.get("desk_received", 0), a.get("desk_closed", 0), a.get("desk_on_time", 0)
        out.append(MonthPoint(y, m, received, closed, on_time, _rate(closed, received), _rate(on_time, closed),
                              a.get("volunteer_hours", 0.0), a.get("patrol_coverage"), a.get("meals_served", 0),
                              a.get("stamps", 0)))
    return out


def _month_key(day) -> str:
    if isinstance(day, str):
        return day[:7]
    return f"{day.year:04d}-{day.month:02d}"


def last_months(today: date, n: int) -> list[tuple[int, int]]:
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        out.append((y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


# --- the whole report ------------------------------------------------------------------------------


def period_figures(s: Session, *, actor: Actor, period: Period, station_id: int | None = None,
                   now: datetime | None = None) -> PeriodFigures:
    """Every section of the monthly / annual report for ``period`` (sections of absent features are None)."""
    require(actor, VIEW_REPORTS)
    check_period(period)
    station_id = effective_station(actor, station_id)
    start, end = period.start, period.end
    out = PeriodFigures(period, station_id, station_name(s, station_id))
    scope = query_station(s, station_id)
    out.desk = desk_figures(s, actor=actor, start=start, end=end, station_id=station_id, now=now)
    out.patrol = patrol_figures(s, start=start, end=end, station_id=scope)
    out.meals = meal_figures(s, start=start, end=end, station_id=scope)
    out.stamps = stamp_figures(s, start=start, end=end, station_id=scope)
    out.certificates = certificate_figures(s, start=start, end=end, station_id=station_id)
    if period.kind == "year" or len(period.months()) > 1:
        out.monthly = monthly_series(s, actor=actor, months=period.months(), station_id=station_id)
    else:
        out.monthly = monthly_series(s, actor=actor, months=last_months(start, 6), station_id=station_id)
    return out


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def record_export(s: Session, *, actor: Actor, title: str, rows: int, path: str = "",
                  fields: list[str] | None = None) -> None:
    """A list left the program as a file: who, what, how many rows, which columns (PIPL: log who saw what).

    Written through safety.privacy.record_export when that feature is built (one format for every export
    the privacy log lists), else as the same "export" audit entry here."""
    require(actor, EXPORT_LISTS)
    destination = path.replace("\\", "/").rsplit("/", 1)[-1]
    privacy = feature_module("safety", "privacy")
    if privacy is not None and hasattr(privacy, "record_export"):
        privacy.record_export(s, actor=actor, what=title, count=rows, fields=list(fields or []), destination=destination)
        return
    from desktop_app.core import audit

    audit.record(s, actor=actor, action="export", entity=title[:50], entity_id="",
                 after={"people": rows, "fields": sorted(fields or []), "to": destination})
