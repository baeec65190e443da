"""Patrols and volunteer hours as read-only counts for the home page and the reports (Qt-free).

Counted inside rosters, in a few grouped queries whatever the number of months (one row per shift, one
per day of hours, summed by month here). Every count is limited to the station ``counted_station`` gives
for the actor (staff: their own; a sub-district administrator: the one asked for, or all). Periods are
half-open (``core.periods.Period``). The callers (dashboard, reports) check their own permission.

Definitions: shifts of patrol teams in the period, not cancelled; covered = at least the minimum headcount
rostered and a leader when one is required (short: fewer or no leader; empty: nobody rostered where
someone should be); hours = credited minutes of the hours ledger served in the period (corrections
included).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor
from desktop_app.core.db.scoping import counted_station, scope_to
from desktop_app.core.memo import FigureMemo
from desktop_app.core.periods import Period
from desktop_app.rosters.models import (
    Assignment,
    CheckIn,
    HoursEntry,
    MemberRole,
    PatrolFinding,
    Shift,
    Team,
    TeamKind,
    TeamMember,
    Volunteer,
)

PATROL = TeamKind.PATROL
TEAM_LEADER = MemberRole.TEAM_LEADER


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Coverage:
    shifts: int = 0
    covered: int = 0
    short: int = 0  # rostered below the minimum headcount, or without a leader where one is required
    empty: int = 0  # nobody rostered on a shift that needs someone

    @property
    def rate(self) -> float | None:
        return _rate(self.covered, self.shifts)


@dataclass(frozen=True)
class PatrolsToday:
    shifts: int
    covered: int
    short: int  # below the minimum headcount or without a leader (empty ones included)
    checked_in: int  # volunteers checked in today


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
class PatrolMonth:
    volunteer_hours: float = 0.0  # credited
    coverage: float | None = None  # None: no patrol shift that month


def month_key(day: date | str) -> str:
    return str(day)[:7]


def _patrol_shifts(s: Session, period: Period, station: int | None):
    """One row per patrol shift of ``period``: (date, min headcount, leader required, rostered, has a leader)."""
    A, TM = Assignment, TeamMember
    leader = case((or_(col(A.as_leader) == True, col(TM.role) == TEAM_LEADER), 1), else_=0)  # noqa: E712
    q = (  # five columns: SQLAlchemy's select (SQLModel's is typed for four)
        sa_select(col(Shift.date), col(Shift.min_headcount), col(Shift.leader_required), func.count(col(A.id)),
                  func.coalesce(func.max(leader), 0))
        .join(Team, col(Team.id) == Shift.team_id)
        .outerjoin(A, col(A.shift_id) == Shift.id)
        .outerjoin(TM, and_(col(TM.team_id) == Shift.team_id, col(TM.volunteer_id) == A.volunteer_id))
        .where(col(Shift.date) >= period.start, col(Shift.date) < period.end, col(Shift.cancelled) == False,  # noqa: E712
               col(Team.kind) == PATROL)
        .group_by(col(Shift.id), col(Shift.date), col(Shift.min_headcount), col(Shift.leader_required))
    )
    return s.execute(scope_to(q, Team.station_id, station)).all()


def _coverage(rows) -> Coverage:
    shifts = covered = short = empty = 0
    for _day, min_head, leader_required, count, has_leader in rows:
        shifts += 1
        if count == 0 and min_head > 0:
            empty += 1
        elif count < min_head or (leader_required and not has_leader):
            short += 1
        else:
            covered += 1
    return Coverage(shifts, covered, short, empty)


def today(s: Session, *, actor: Actor, day: date, station_id: int | None = None) -> PatrolsToday:
    """The patrol shifts of ``day``, how many are fully staffed, and the volunteers checked in."""
    station = counted_station(s, actor, station_id)
    cov = _coverage(_patrol_shifts(s, Period.day(day), station))
    q = (select(func.count()).select_from(CheckIn).join(Shift, col(Shift.id) == CheckIn.shift_id).join(Team, col(Team.id) == Shift.team_id)
         .where(Shift.date == day, col(CheckIn.check_in_at).is_not(None), CheckIn.no_show == False))  # noqa: E712
    checked_in = s.exec(scope_to(q, Team.station_id, station)).one()
    return PatrolsToday(cov.shifts, cov.covered, cov.short + cov.empty, int(checked_in))


def period_figures(s: Session, *, actor: Actor, period: Period, station_id: int | None = None) -> PatrolFigures:
    """Shifts and their staffing, shifts attended, hours and volunteers, patrol findings of ``period``."""
    station = counted_station(s, actor, station_id)
    cov = _coverage(_patrol_shifts(s, period, station))
    att = (select(func.count(func.distinct(col(CheckIn.shift_id)))).join(Shift, col(Shift.id) == CheckIn.shift_id)
           .join(Team, col(Team.id) == Shift.team_id)
           .where(Shift.date >= period.start, Shift.date < period.end, col(CheckIn.check_in_at).is_not(None),
                  CheckIn.no_show == False, Team.kind == PATROL))  # noqa: E712
    attended = s.exec(scope_to(att, Team.station_id, station)).one()
    H = HoursEntry
    hq = select(func.coalesce(func.sum(H.credited_minutes), 0), func.coalesce(func.sum(H.minutes), 0),
                func.count(func.distinct(H.volunteer_id))).where(H.served_on >= period.start, H.served_on < period.end)
    if station is not None:
        hq = hq.join(Volunteer, col(Volunteer.id) == H.volunteer_id).where(col(Volunteer.station_id) == station)
    credited, served, volunteers = s.exec(hq).one()
    lo, hi = period.utc_bounds()
    F = PatrolFinding
    fq = select(func.count()).select_from(F).where(F.found_at >= lo, F.found_at < hi)
    findings = s.exec(scope_to(fq, F.station_id, station)).one()
    return PatrolFigures(cov.shifts, cov.covered, cov.short, cov.empty, int(attended), int(credited or 0),
                         int(served or 0), int(volunteers), int(findings))


def by_month(s: Session, *, actor: Actor, period: Period, station_id: int | None = None) -> dict[str, PatrolMonth]:
    """Credited volunteer hours and patrol coverage of each month of ``period`` ("YYYY-MM"): two queries."""
    station = counted_station(s, actor, station_id)
    H = HoursEntry
    q = select(col(H.served_on), func.sum(H.credited_minutes)).where(H.served_on >= period.start, H.served_on < period.end)
    if station is not None:
        q = q.join(Volunteer, col(Volunteer.id) == H.volunteer_id).where(col(Volunteer.station_id) == station)
    minutes: dict[str, int] = defaultdict(int)
    for day, n in s.exec(q.group_by(col(H.served_on))):
        minutes[month_key(day)] += int(n or 0)
    shifts: dict[str, list] = defaultdict(list)
    for row in _patrol_shifts(s, period, station):
        shifts[month_key(row[0])].append(row)
    return {k: PatrolMonth(round(minutes.get(k, 0) / 60, 1), _coverage(shifts[k]).rate if shifts.get(k) else None)
            for k in set(minutes) | set(shifts)}


@dataclass(frozen=True)
class HoursReminders:
    """What the home page reminds about volunteer hours: entries not yet recorded in the national volunteer
    system (past the 10-working-day deadline, due within three working days), automatic check-outs waiting
    for a coordinator."""

    unrecorded: int
    overdue: int
    due_soon: int
    first_deadline: date | None
    to_review: int


def hours_reminders(s: Session, *, actor: Actor, day: date, memo: FigureMemo | None = None) -> HoursReminders:
    """The actor's station (a sub-district administrator: every station). ``memo``: the page's (core.memo)."""
    from desktop_app.rosters import forgotten, national

    d = national.due(s, actor=actor, today=day, memo=memo)
    return HoursReminders(d.unrecorded, d.overdue, d.due_soon, d.first_deadline, forgotten.waiting(s, actor=actor))
