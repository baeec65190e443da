"""Teams and their members: create a team (a patrol team gets the three daily patrols), list teams,
make a resident a volunteer in a team, a member's role, the team's members with their limits and load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import in_station, station_scope
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.periods import Period
from desktop_app.core.records import audited_update, get_scoped, pk
from desktop_app.core.validation import clean_text
from desktop_app.residents import Resident
from desktop_app.rosters.common import (
    F_KIND,
    F_ROLE,
    F_TEAM_NAME,
    VOLUNTEER_GONE,
    get_team,
)
from desktop_app.rosters.models import (
    MEMBER_ROLES,
    PERIODS,
    TEAM_KINDS,
    Assignment,
    HoursEntry,
    MemberRole,
    Shift,
    ShiftPeriod,
    ShiftTemplate,
    Team,
    TeamKind,
    TeamMember,
    Volunteer,
)
from desktop_app.rosters.permissions import (
    MANAGE_ROSTERS,
    VIEW_ROSTERS,
)
from desktop_app.rosters.volunteers import Limits, effective_limits

DEFAULT_TIMES: dict[str, tuple[time, time]] = {
    ShiftPeriod.MORNING: (time(7, 30), time(9, 0)),
    ShiftPeriod.AFTERNOON: (time(14, 30), time(16, 0)),
    ShiftPeriod.EVENING: (time(19, 0), time(20, 30)),
}


def _station_teams(s: Session, actor: Actor):
    return station_scope(select(Team).where(Team.active == True), Team.station_id, actor)  # noqa: E712


def create_team(s: Session, *, actor: Actor, name: str, kind: str = TeamKind.PATROL, grid: str = "", route: str = "",
                templates: bool = True) -> Team:
    """A team; a patrol team gets the three default daily patrols (早 07:30 / 午 14:30 / 晚 19:00)."""
    require(actor, MANAGE_ROSTERS)
    name = clean_text(name, F_TEAM_NAME, max_len=50, required=True, multiline=False)
    if kind not in TEAM_KINDS:
        raise ValidationError(F_KIND, QT_TRANSLATE_NOOP("Errors", "choose one of the listed kinds of team."))
    grid = clean_text(grid, QT_TRANSLATE_NOOP("Fields", "Grid"), max_len=50, multiline=False)
    route = clean_text(route, QT_TRANSLATE_NOOP("Fields", "Route"), max_len=100, multiline=False)
    dup = s.exec(_station_teams(s, actor).where(Team.name == name)).first()
    if dup:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "A team called {name} already exists."), existing_id=dup.id, name=name)
    team = Team(station_id=actor.station_id, name=name, kind=kind, grid=grid, route=route)
    s.add(team)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_team", entity_id=team.id, after=team)
    if templates and kind == TeamKind.PATROL:
        for period in PERIODS:
            a, b = DEFAULT_TIMES[period]
            t = ShiftTemplate(team_id=pk(team.id), period=period, starts_at=a, ends_at=b, route=route, grid=grid,
                              min_headcount=2, max_headcount=4, leader_required=True)
            s.add(t)
        s.flush()
    return team


def list_teams(s: Session, *, actor: Actor, kind: str | None = None) -> list[Team]:
    require(actor, VIEW_ROSTERS)
    q = _station_teams(s, actor)
    if kind:
        q = q.where(Team.kind == kind)
    return list(s.exec(q.order_by(Team.name, Team.id)))


def add_volunteer(s: Session, *, actor: Actor, resident_id: int | None, team_id: int, role: str = MemberRole.MEMBER,
                  joined_on: date | None = None) -> Volunteer:
    """Make a resident a volunteer (once) and a member of ``team_id``."""
    require(actor, MANAGE_ROSTERS)
    if resident_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Resident"),
                              QT_TRANSLATE_NOOP("Errors", "nobody chosen; type a name and pick the resident from the list."))
    if role not in MEMBER_ROLES:
        raise ValidationError(F_ROLE, QT_TRANSLATE_NOOP("Errors", "choose team leader or member."))
    resident = get_scoped(s, Resident, resident_id, actor=actor, gone=QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))
    team = get_team(s, team_id, actor)
    v = s.exec(select(Volunteer).where(Volunteer.resident_id == resident_id)).first()
    if v is not None and not in_station(actor, v.station_id):
        raise NotFound(VOLUNTEER_GONE)
    if v is None:
        v = Volunteer(resident_id=resident_id, station_id=actor.station_id, joined_on=joined_on or date.today())
        s.add(v)
        s.flush()
        audit.record(s, actor=actor, action="create", entity="roster_volunteer", entity_id=v.id, after=v)
    elif not v.active:
        v.active = True
        s.add(v)
    m = s.exec(select(TeamMember).where(TeamMember.team_id == team.id, TeamMember.volunteer_id == v.id)).first()
    if m is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is already in {team}."), existing_id=v.id,
                            name=resident.name, team=team.name)
    m = TeamMember(team_id=pk(team.id), volunteer_id=pk(v.id), role=role, joined_on=joined_on or date.today())
    s.add(m)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_team_member", entity_id=m.id, after=m)
    return v


def set_member_role(s: Session, *, actor: Actor, team_id: int, volunteer_id: int, role: str,
                    expected_version: int | None = None) -> None:
    require(actor, MANAGE_ROSTERS)
    if role not in MEMBER_ROLES:
        raise ValidationError(F_ROLE, QT_TRANSLATE_NOOP("Errors", "choose team leader or member."))
    get_team(s, team_id, actor)
    m = s.exec(select(TeamMember).where(TeamMember.team_id == team_id, TeamMember.volunteer_id == volunteer_id)
               .with_for_update()).first()
    if m is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "This volunteer is not in that team."))
    audited_update(s, m, {"role": role}, actor=actor, entity="roster_team_member", expected_version=expected_version)


@dataclass(frozen=True)
class MemberRow:
    volunteer_id: int
    resident_id: int
    name: str
    age: int | None
    role: str
    limits: Limits
    patrols_this_month: int
    hours_minutes: int


def team_members(s: Session, *, actor: Actor, team_id: int, on: date | None = None) -> list[MemberRow]:
    """Members of a team with their effective limits (age band or their own) and this month's load."""
    require(actor, VIEW_ROSTERS)
    get_team(s, team_id, actor)
    on = on or date.today()
    rows = s.exec(
        select(TeamMember, Volunteer, Resident)
        .join(Volunteer, col(Volunteer.id) == TeamMember.volunteer_id)
        .join(Resident, col(Resident.id) == Volunteer.resident_id)
        .where(TeamMember.team_id == team_id, Volunteer.active == True)  # noqa: E712
        .order_by(col(Resident.sort_key), col(Resident.id))
    ).all()
    month = Period.month_of(on)
    counts = dict(s.exec(
        select(Assignment.volunteer_id, func.count()).join(Shift, col(Shift.id) == Assignment.shift_id)
        .where(Shift.team_id == team_id, Shift.date >= month.start, Shift.date < month.end).group_by(col(Assignment.volunteer_id))
    ).all())
    hours = dict(s.exec(
        select(HoursEntry.volunteer_id, func.sum(HoursEntry.credited_minutes))
        .where(col(HoursEntry.volunteer_id).in_([v.id for _m, v, _r in rows])).group_by(col(HoursEntry.volunteer_id))
    ).all()) if rows else {}
    return [
        MemberRow(pk(v.id), pk(r.id), r.name, r.age(on), m.role, effective_limits(v, r, on), counts.get(pk(v.id), 0), int(hours.get(pk(v.id)) or 0))
        for m, v, r in rows
    ]
