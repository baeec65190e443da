"""Roster use cases: teams, volunteers, shift generation, automatic rosters, manual edits with refusal
reasons, find cover and dropout repair, check-in/out, the hours ledger, patrol findings, exports.

Every function takes the session and the signed-in ``actor``; permission checks and audit entries
happen here in the caller's transaction. Solving is split in two so the database is not held while
CP-SAT thinks: ``propose_roster`` (read) then ``save_roster`` (write).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from desktop_app.core import audit
from desktop_app.core.auth import ALL_ROLES, STAFF, Actor, Permission, Role, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import in_station, station_scope
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.validation import clean_date, clean_text
from desktop_app.core.workdays import WorkCalendar
from desktop_app.residents.models import Resident
from desktop_app.rosters import checker, solver
from desktop_app.rosters.models import (
    FINDING_CATEGORIES,
    MEMBER_ROLES,
    PERIODS,
    TEAM_KINDS,
    Assignment,
    Availability,
    CheckIn,
    HoursEntry,
    HoursMultiplier,
    Leave,
    PairingWish,
    PatrolFinding,
    Shift,
    ShiftTemplate,
    Skill,
    Team,
    TeamMember,
    Volunteer,
)
from desktop_app.rosters.permissions import VIEW_ROSTERS  # noqa: E402  (shared with feature.py)
from desktop_app.rosters.problem import (
    PERIOD_LABELS,
    Problem,
    PShift,
    PVolunteer,
    Roster,
)

MANAGE_ROSTERS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "manage teams, volunteers and rosters"), {Role.ADMIN, Role.COORDINATOR}
)
CHECK_IN = Permission(QT_TRANSLATE_NOOP("Permissions", "check volunteers in and out"), ALL_ROLES)
MARK_ATTENDANCE = Permission(
    QT_TRANSLATE_NOOP("Permissions", "check in on behalf of volunteers and mark no-shows"), STAFF
)
CORRECT_HOURS = Permission(QT_TRANSLATE_NOOP("Permissions", "correct volunteer hours"), {Role.ADMIN, Role.COORDINATOR})
RECORD_FINDINGS = Permission(QT_TRANSLATE_NOOP("Permissions", "record patrol findings"), STAFF)
CERTIFY_HOURS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "read service hours for certificates"), {Role.ADMIN, Role.COORDINATOR}
)

KIND_LABELS = {
    "patrol": QT_TRANSLATE_NOOP("Rosters", "patrol"),
    "meal_delivery": QT_TRANSLATE_NOOP("Rosters", "meal delivery"),
    "garbage_sorting": QT_TRANSLATE_NOOP("Rosters", "garbage sorting"),
    "elderly_care": QT_TRANSLATE_NOOP("Rosters", "elderly care"),
    "other": QT_TRANSLATE_NOOP("Rosters", "other"),
}
ROLE_LABELS = {
    "team_leader": QT_TRANSLATE_NOOP("Rosters", "team leader"),
    "member": QT_TRANSLATE_NOOP("Rosters", "member"),
}
CATEGORY_LABELS = {
    "safety_hazard": QT_TRANSLATE_NOOP("Rosters", "safety hazard"),
    "illegal_parking": QT_TRANSLATE_NOOP("Rosters", "illegal parking"),
    "ebike_charging": QT_TRANSLATE_NOOP("Rosters", "e-bike charging in a stairwell"),
    "facility_damage": QT_TRANSLATE_NOOP("Rosters", "facility damage"),
    "sanitation": QT_TRANSLATE_NOOP("Rosters", "sanitation"),
    "other": QT_TRANSLATE_NOOP("Rosters", "other finding"),
}
# Chinese names used in text meant for pasting / printing regardless of the UI language.
PERIOD_ZH = {"morning": "早班", "afternoon": "午班", "evening": "晚班"}
CATEGORY_ZH = {
    "safety_hazard": "安全隐患", "illegal_parking": "乱停放", "ebike_charging": "电动车楼道充电",
    "facility_damage": "设施损坏", "sanitation": "环境卫生", "other": "其他",
}
DEFAULT_TIMES = {"morning": (time(7, 30), time(9, 0)), "afternoon": (time(14, 30), time(16, 0)), "evening": (time(19, 0), time(20, 30))}
LATE_GRACE_MIN = 5
DESK_CATEGORY_FOR_FINDINGS = "request"

F_TEAM = QT_TRANSLATE_NOOP("Fields", "Team")
F_TEAM_NAME = QT_TRANSLATE_NOOP("Fields", "Team name")
F_KIND = QT_TRANSLATE_NOOP("Fields", "Kind of team")
F_ROLE = QT_TRANSLATE_NOOP("Fields", "Role in the team")
F_VOLUNTEER = QT_TRANSLATE_NOOP("Fields", "Volunteer")
F_PER_WEEK = QT_TRANSLATE_NOOP("Fields", "Patrols per week")
F_PER_MONTH = QT_TRANSLATE_NOOP("Fields", "Patrols per month")
F_START = QT_TRANSLATE_NOOP("Fields", "From")
F_END = QT_TRANSLATE_NOOP("Fields", "To")
F_WEEKDAY = QT_TRANSLATE_NOOP("Fields", "Weekday")
F_PERIOD = QT_TRANSLATE_NOOP("Fields", "Shift")
F_TIMES = QT_TRANSLATE_NOOP("Fields", "Shift times")
F_HEADCOUNT = QT_TRANSLATE_NOOP("Fields", "Headcount")
F_REASON = QT_TRANSLATE_NOOP("Fields", "Reason")
F_SKILL = QT_TRANSLATE_NOOP("Fields", "Skill or qualification")
F_EXPIRES = QT_TRANSLATE_NOOP("Fields", "Valid until")
F_MINUTES = QT_TRANSLATE_NOOP("Fields", "Minutes")
F_CATEGORY = QT_TRANSLATE_NOOP("Fields", "Category")
F_LOCATION = QT_TRANSLATE_NOOP("Fields", "Location")
F_NOTE = QT_TRANSLATE_NOOP("Fields", "Note")
F_MULTIPLIER = QT_TRANSLATE_NOOP("Fields", "Multiplier")
F_MIN_HOURS = QT_TRANSLATE_NOOP("Fields", "Minimum hours")
MAX_RANGE_DAYS = 366


# --- age bands ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    max_per_week: int | None
    max_per_month: int | None
    no_evenings: bool


def age_defaults(age: int | None) -> Limits:
    """Defaults by age band; each volunteer's own values (when set) win."""
    if age is not None and age >= 75:
        return Limits(2, 4, True)
    if age is not None and age >= 70:
        return Limits(3, 8, False)
    return Limits(3, 10, False)


def effective_limits(v: Volunteer, resident: Resident | None, on: date) -> Limits:
    base = age_defaults(resident.age(on) if resident else None)
    return Limits(
        v.max_per_week if v.max_per_week is not None else base.max_per_week,
        v.max_per_month if v.max_per_month is not None else base.max_per_month,
        v.no_evenings if v.no_evenings is not None else base.no_evenings,
    )


# --- helpers ------------------------------------------------------------------------------------


def _team(s: Session, team_id: int, actor: Actor) -> Team:
    """The team, if it belongs to the actor's station (docs/postgres.md §5); NotFound otherwise."""
    team = s.get(Team, team_id)
    if team is None or not in_station(actor, team.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That team no longer exists."))
    return team


def _volunteer(s: Session, volunteer_id: int, actor: Actor) -> Volunteer:
    v = s.get(Volunteer, volunteer_id)
    if v is None or not in_station(actor, v.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That volunteer no longer exists."))
    return v


def _shift(s: Session, shift_id: int, actor: Actor) -> Shift:
    """The shift, if its team belongs to the actor's station (shifts hang off their team)."""
    sh = s.get(Shift, shift_id)
    team = s.get(Team, sh.team_id) if sh is not None else None
    if sh is None or team is None or not in_station(actor, team.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That shift no longer exists."))
    return sh


def _teams(s: Session, team_ids, actor: Actor) -> None:
    for team_id in set(team_ids):
        _team(s, team_id, actor)


def _range(start, end) -> tuple[date, date]:
    a = clean_date(start, F_START, required=True)
    b = clean_date(end, F_END, required=True)
    if b < a:
        raise ValidationError(F_END, QT_TRANSLATE_NOOP("Errors", "is before the start date; swap the two dates."))
    if (b - a).days >= MAX_RANGE_DAYS:
        raise ValidationError(F_END, QT_TRANSLATE_NOOP("Errors", "is more than a year after the start; plan at most a year at a time."))
    return a, b


def volunteer_name(s: Session, volunteer_id: int) -> str:
    v = s.get(Volunteer, volunteer_id)
    r = s.get(Resident, v.resident_id) if v else None
    return r.name if r else f"#{volunteer_id}"


def _names(s: Session, volunteer_ids) -> dict[int, str]:
    ids = list(set(volunteer_ids))
    out = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = s.exec(select(Volunteer.id, Resident.name).join(Resident, Resident.id == Volunteer.resident_id).where(Volunteer.id.in_(chunk)))
        out.update({vid: name for vid, name in rows})
    return out


def _station_teams(s: Session, actor: Actor):
    return station_scope(select(Team).where(Team.active == True), Team.station_id, actor)  # noqa: E712


# --- teams and volunteers -----------------------------------------------------------------------


def create_team(s: Session, *, actor: Actor, name: str, kind: str = "patrol", grid: str = "", route: str = "",
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
    if templates and kind == "patrol":
        for period in PERIODS:
            a, b = DEFAULT_TIMES[period]
            t = ShiftTemplate(team_id=team.id, period=period, starts_at=a, ends_at=b, route=route, grid=grid,
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


def templates_of(s: Session, *, actor: Actor, team_id: int) -> list[ShiftTemplate]:
    require(actor, VIEW_ROSTERS)
    _team(s, team_id, actor)
    order = {p: i for i, p in enumerate(PERIODS)}
    rows = list(s.exec(select(ShiftTemplate).where(ShiftTemplate.team_id == team_id, ShiftTemplate.active == True)))  # noqa: E712
    return sorted(rows, key=lambda t: (order.get(t.period, 9), t.starts_at))


def update_template(s: Session, *, actor: Actor, template_id: int, starts_at: time, ends_at: time,
                    min_headcount: int, max_headcount: int, leader_required: bool = True,
                    holiday_min_headcount: int | None = None) -> ShiftTemplate:
    require(actor, MANAGE_ROSTERS)
    t = s.get(ShiftTemplate, template_id)
    team = s.get(Team, t.team_id) if t is not None else None
    if t is None or team is None or not in_station(actor, team.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That shift template no longer exists."))
    if ends_at <= starts_at:
        raise ValidationError(F_TIMES, QT_TRANSLATE_NOOP("Errors", "the end must be after the start."))
    for n in (min_headcount, max_headcount, holiday_min_headcount):
        if n is not None and not (0 <= n <= 50):
            raise ValidationError(F_HEADCOUNT, QT_TRANSLATE_NOOP("Errors", "must be between 0 and 50."))
    if max_headcount < min_headcount or (holiday_min_headcount is not None and holiday_min_headcount > max_headcount):
        raise ValidationError(F_HEADCOUNT, QT_TRANSLATE_NOOP("Errors", "the maximum must not be below the minimum."))
    before = audit.snapshot(t)
    t.starts_at, t.ends_at = starts_at, ends_at
    t.min_headcount, t.max_headcount = min_headcount, max_headcount
    t.leader_required, t.holiday_min_headcount = leader_required, holiday_min_headcount
    s.add(t)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="roster_shift_template", entity_id=t.id, before=before, after=t)
    return t


def add_volunteer(s: Session, *, actor: Actor, resident_id: int, team_id: int, role: str = "member",
                  joined_on: date | None = None) -> Volunteer:
    """Make a resident a volunteer (once) and a member of ``team_id``."""
    require(actor, MANAGE_ROSTERS)
    if role not in MEMBER_ROLES:
        raise ValidationError(F_ROLE, QT_TRANSLATE_NOOP("Errors", "choose team leader or member."))
    resident = s.get(Resident, resident_id)
    if resident is None or resident.erased or not in_station(actor, resident.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))
    team = _team(s, team_id, actor)
    v = s.exec(select(Volunteer).where(Volunteer.resident_id == resident_id)).first()
    if v is not None and not in_station(actor, v.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That volunteer no longer exists."))
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
    m = TeamMember(team_id=team.id, volunteer_id=v.id, role=role, joined_on=joined_on or date.today())
    s.add(m)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_team_member", entity_id=m.id, after=m)
    return v


def set_member_role(s: Session, *, actor: Actor, team_id: int, volunteer_id: int, role: str) -> None:
    require(actor, MANAGE_ROSTERS)
    if role not in MEMBER_ROLES:
        raise ValidationError(F_ROLE, QT_TRANSLATE_NOOP("Errors", "choose team leader or member."))
    _team(s, team_id, actor)
    m = s.exec(select(TeamMember).where(TeamMember.team_id == team_id, TeamMember.volunteer_id == volunteer_id)).first()
    if m is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "This volunteer is not in that team."))
    before = audit.snapshot(m)
    m.role = role
    s.add(m)
    audit.record(s, actor=actor, action="update", entity="roster_team_member", entity_id=m.id, before=before, after=m)


def set_limits(s: Session, *, actor: Actor, volunteer_id: int, max_per_week: int | None, max_per_month: int | None,
               no_evenings: bool | None, never_alone: bool | None = None) -> Volunteer:
    """Per-person limits; ``None`` means "follow the age-band default"."""
    require(actor, MANAGE_ROSTERS)
    v = _volunteer(s, volunteer_id, actor)
    if max_per_week is not None and not (0 <= max_per_week <= 7):
        raise ValidationError(F_PER_WEEK, QT_TRANSLATE_NOOP("Errors", "must be between 0 and 7 (one patrol a day at most)."))
    if max_per_month is not None and not (0 <= max_per_month <= 31):
        raise ValidationError(F_PER_MONTH, QT_TRANSLATE_NOOP("Errors", "must be between 0 and 31."))
    before = audit.snapshot(v)
    v.max_per_week, v.max_per_month, v.no_evenings = max_per_week, max_per_month, no_evenings
    if never_alone is not None:
        v.never_alone = never_alone
    s.add(v)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="roster_volunteer", entity_id=v.id, before=before, after=v)
    return v


def set_availability(s: Session, *, actor: Actor, volunteer_id: int, weekday: int, period: str,
                     preference: str | None) -> None:
    """``preference``: "no" (never this weekday × shift), "prefer", or None (available, no preference)."""
    require(actor, MANAGE_ROSTERS)
    _volunteer(s, volunteer_id, actor)
    if not (0 <= weekday <= 6):
        raise ValidationError(F_WEEKDAY, QT_TRANSLATE_NOOP("Errors", "choose Monday to Sunday."))
    if period not in PERIODS:
        raise ValidationError(F_PERIOD, QT_TRANSLATE_NOOP("Errors", "choose morning, afternoon or evening."))
    if preference not in ("no", "prefer", None):
        raise ValidationError(F_PERIOD, QT_TRANSLATE_NOOP("Errors", "choose unavailable, preferred or available."))
    row = s.exec(select(Availability).where(Availability.volunteer_id == volunteer_id, Availability.weekday == weekday,
                                            Availability.period == period)).first()
    before = audit.snapshot(row) if row else None
    if preference is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(Availability(volunteer_id=volunteer_id, weekday=weekday, period=period, preference=preference))
    else:
        row.preference = preference
        s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="roster_availability", entity_id=volunteer_id, before=before,
                 after={"weekday": weekday, "period": period, "preference": preference})


def add_leave(s: Session, *, actor: Actor, volunteer_id: int, start, end, reason: str = "") -> Leave:
    require(actor, MANAGE_ROSTERS)
    _volunteer(s, volunteer_id, actor)
    a, b = _range(start, end)
    reason = clean_text(reason, F_REASON, max_len=100, multiline=False)
    row = Leave(volunteer_id=volunteer_id, start=a, end=b, reason=reason)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_leave", entity_id=row.id, after=row)
    return row


def add_pairing(s: Session, *, actor: Actor, volunteer_id: int, partner_id: int) -> PairingWish:
    require(actor, MANAGE_ROSTERS)
    _volunteer(s, volunteer_id, actor)
    _volunteer(s, partner_id, actor)
    if volunteer_id == partner_id:
        raise ValidationError(F_VOLUNTEER, QT_TRANSLATE_NOOP("Errors", "choose someone else as the partner."))
    row = s.exec(select(PairingWish).where(PairingWish.volunteer_id == volunteer_id, PairingWish.partner_id == partner_id)).first()
    if row:
        return row
    row = PairingWish(volunteer_id=volunteer_id, partner_id=partner_id)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_pairing", entity_id=row.id, after=row)
    return row


def add_skill(s: Session, *, actor: Actor, volunteer_id: int, name: str, expires_on=None) -> Skill:
    """A skill or qualification (first aid, fire warden) with an optional expiry date."""
    require(actor, MANAGE_ROSTERS)
    _volunteer(s, volunteer_id, actor)
    name = clean_text(name, F_SKILL, max_len=50, required=True, multiline=False)
    expires = clean_date(expires_on, F_EXPIRES, earliest=date(2000, 1, 1))
    row = Skill(volunteer_id=volunteer_id, name=name, expires_on=expires)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_skill", entity_id=row.id, after=row)
    return row


def remove_skill(s: Session, *, actor: Actor, skill_id: int) -> None:
    require(actor, MANAGE_ROSTERS)
    row = s.get(Skill, skill_id)
    owner = s.get(Volunteer, row.volunteer_id) if row is not None else None
    if row is None or owner is None or not in_station(actor, owner.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That skill was already removed."))
    before = audit.snapshot(row)
    s.delete(row)
    s.flush()
    audit.record(s, actor=actor, action="delete", entity="roster_skill", entity_id=skill_id, before=before)


def remove_pairing(s: Session, *, actor: Actor, volunteer_id: int, partner_id: int) -> None:
    require(actor, MANAGE_ROSTERS)
    _volunteer(s, volunteer_id, actor)
    row = s.exec(select(PairingWish).where(PairingWish.volunteer_id == volunteer_id,
                                           PairingWish.partner_id == partner_id)).first()
    if row is None:
        return
    before = audit.snapshot(row)
    s.delete(row)
    s.flush()
    audit.record(s, actor=actor, action="delete", entity="roster_pairing", entity_id=row.id, before=before)


@dataclass(frozen=True)
class VolunteerExtras:
    """What the volunteer dialog shows besides limits: skills, pairing wishes, possible partners."""

    skills: list[tuple[int, str, date | None, bool]]  # (id, name, expires_on, expired)
    partners: list[tuple[int, str]]  # (volunteer_id, name) this volunteer wishes to patrol with
    teammates: list[tuple[int, str]]  # (volunteer_id, name) of everyone in the same teams


def volunteer_extras(s: Session, *, actor: Actor, volunteer_id: int, today: date | None = None) -> VolunteerExtras:
    require(actor, VIEW_ROSTERS)
    _volunteer(s, volunteer_id, actor)
    today = today or date.today()
    skills = [(k.id, k.name, k.expires_on, k.expires_on is not None and k.expires_on < today)
              for k in s.exec(select(Skill).where(Skill.volunteer_id == volunteer_id).order_by(Skill.name))]

    def names(ids) -> dict[int, str]:
        ids = list(ids)
        if not ids:
            return {}
        return dict(s.exec(select(Volunteer.id, Resident.name).join(Resident, Resident.id == Volunteer.resident_id)
                           .where(Volunteer.id.in_(ids))).all())

    partner_ids = [p.partner_id for p in s.exec(select(PairingWish).where(PairingWish.volunteer_id == volunteer_id))]
    team_ids = [m.team_id for m in s.exec(select(TeamMember).where(TeamMember.volunteer_id == volunteer_id))]
    mate_ids = {m.volunteer_id for m in s.exec(select(TeamMember).where(TeamMember.team_id.in_(team_ids)))} if team_ids else set()
    mate_ids.discard(volunteer_id)
    pn, mn = names(partner_ids), names(mate_ids)
    return VolunteerExtras(
        skills=skills,
        partners=sorted(((i, pn.get(i, "")) for i in partner_ids), key=lambda x: x[1]),
        teammates=sorted(((i, mn.get(i, "")) for i in mate_ids), key=lambda x: x[1]),
    )


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
    _team(s, team_id, actor)
    on = on or date.today()
    rows = s.exec(
        select(TeamMember, Volunteer, Resident)
        .join(Volunteer, Volunteer.id == TeamMember.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .where(TeamMember.team_id == team_id, Volunteer.active == True)  # noqa: E712
        .order_by(Resident.sort_key, Resident.id)
    ).all()
    first = on.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    counts = dict(s.exec(
        select(Assignment.volunteer_id, func.count()).join(Shift, Shift.id == Assignment.shift_id)
        .where(Shift.team_id == team_id, Shift.date >= first, Shift.date < nxt).group_by(Assignment.volunteer_id)
    ).all())
    hours = dict(s.exec(
        select(HoursEntry.volunteer_id, func.sum(HoursEntry.credited_minutes))
        .where(HoursEntry.volunteer_id.in_([v.id for _m, v, _r in rows])).group_by(HoursEntry.volunteer_id)
    ).all()) if rows else {}
    return [
        MemberRow(v.id, r.id, r.name, r.age(on), m.role, effective_limits(v, r, on), counts.get(v.id, 0), int(hours.get(v.id) or 0))
        for m, v, r in rows
    ]


# --- shifts -------------------------------------------------------------------------------------


def generate_shifts(s: Session, *, actor: Actor, team_id: int, start, end, progress: Progress = NO_PROGRESS) -> int:
    """Create the team's shifts for every day of the range from its templates (existing ones are kept).
    Statutory holidays come from the work calendar: they are marked and take the holiday headcount."""
    require(actor, MANAGE_ROSTERS)
    a, b = _range(start, end)
    _team(s, team_id, actor)
    templates = list(s.exec(select(ShiftTemplate).where(ShiftTemplate.team_id == team_id, ShiftTemplate.active == True)))  # noqa: E712
    if not templates:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This team has no shift templates; add the daily shifts first."))
    cal = WorkCalendar.load(s)
    have = set(s.exec(select(Shift.date, Shift.period).where(Shift.team_id == team_id, Shift.date >= a, Shift.date <= b)).all())
    made = 0
    total = (b - a).days + 1
    for i in range(total):
        if i % 30 == 0:
            progress(i, total, "")
        day = a + timedelta(days=i)
        hol = cal.is_holiday(day)
        for t in templates:
            if (day, t.period) in have:
                continue
            minimum = t.holiday_min_headcount if (hol and t.holiday_min_headcount is not None) else t.min_headcount
            s.add(Shift(team_id=team_id, template_id=t.id, date=day, period=t.period, starts_at=t.starts_at,
                        ends_at=t.ends_at, route=t.route, grid=t.grid, min_headcount=minimum,
                        max_headcount=max(t.max_headcount, minimum), leader_required=t.leader_required,
                        is_holiday=hol, holiday_name=cal.holiday_name(day)))
            made += 1
    s.flush()
    audit.record(s, actor=actor, action="generate", entity="roster_shift", entity_id=team_id,
                 after={"team_id": team_id, "start": a, "end": b, "created": made})
    return made


# --- the problem from the database --------------------------------------------------------------


@dataclass
class Loaded:
    problem: Problem
    roster: Roster  # current assignments of the shifts in the problem
    shifts: dict[int, Shift]
    team_names: dict[int, str]


def load_problem(s: Session, *, team_ids: list[int], start: date, end: date) -> Loaded:
    """The roster problem of ``team_ids`` over ``start``..``end`` with everything that constrains it."""
    shifts = list(s.exec(select(Shift).where(Shift.team_id.in_(team_ids), Shift.date >= start, Shift.date <= end,
                                             Shift.cancelled == False)))  # noqa: E712
    teams = {t.id: t for t in s.exec(select(Team).where(Team.id.in_(team_ids)))}
    members = s.exec(
        select(TeamMember, Volunteer, Resident)
        .join(Volunteer, Volunteer.id == TeamMember.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .where(TeamMember.team_id.in_(team_ids), Volunteer.active == True)  # noqa: E712
    ).all()
    vols: dict[int, dict] = {}
    for m, v, r in members:
        d = vols.setdefault(v.id, {"v": v, "r": r, "teams": set(), "leads": set()})
        d["teams"].add(m.team_id)
        if m.role == "team_leader":
            d["leads"].add(m.team_id)
    vids = list(vols)
    unavailable, preferred = defaultdict(set), defaultdict(set)
    leave, partners, usual = defaultdict(list), defaultdict(set), defaultdict(set)
    if vids:
        for row in s.exec(select(Availability).where(Availability.volunteer_id.in_(vids))):
            (unavailable if row.preference == "no" else preferred)[row.volunteer_id].add((row.weekday, row.period))
        for row in s.exec(select(Leave).where(Leave.volunteer_id.in_(vids), Leave.end >= start, Leave.start <= end)):
            leave[row.volunteer_id].append((row.start, row.end))
        for row in s.exec(select(PairingWish).where(PairingWish.volunteer_id.in_(vids))):
            partners[row.volunteer_id].add(row.partner_id)
        # stable teams: the weekday × period each served in the four weeks before
        for vid, d, p in s.exec(select(Assignment.volunteer_id, Shift.date, Shift.period).join(Shift, Shift.id == Assignment.shift_id)
                                .where(Assignment.volunteer_id.in_(vids), Shift.date >= start - timedelta(days=28), Shift.date < start)):
            usual[vid].add((d.weekday(), p))
    pvols = []
    for vid, d in vols.items():
        lim = effective_limits(d["v"], d["r"], start)
        pvols.append(PVolunteer(
            id=vid, name=d["r"].name, teams=frozenset(d["teams"]), leader_teams=frozenset(d["leads"]),
            no_evenings=lim.no_evenings, max_per_week=lim.max_per_week, max_per_month=lim.max_per_month,
            unavailable=frozenset(unavailable[vid]), preferred=frozenset(preferred[vid]), leave=tuple(leave[vid]),
            never_alone=d["v"].never_alone, partners=frozenset(partners[vid]), usual=frozenset(usual[vid]),
        ))
    pshifts = [PShift(sh.id, sh.team_id, sh.date, sh.period, sh.min_headcount, sh.max_headcount, sh.leader_required,
                      sh.is_holiday, sh.grid, teams[sh.team_id].name if sh.team_id in teams else "") for sh in shifts]
    shift_ids = [sh.id for sh in shifts]
    roster: Roster = {sid: set() for sid in shift_ids}
    locked = set()
    for i in range(0, len(shift_ids), 900):
        chunk = shift_ids[i:i + 900]
        for a in s.exec(select(Assignment).where(Assignment.shift_id.in_(chunk))):
            roster[a.shift_id].add(a.volunteer_id)
            if a.locked:
                locked.add((a.shift_id, a.volunteer_id))
        # what already happened (checked in, no-show) stays as it is
        locked.update(s.exec(select(CheckIn.shift_id, CheckIn.volunteer_id).where(CheckIn.shift_id.in_(chunk))).all())
    # Assignments outside the range that count for the same weeks / months (and the evening before).
    lo = min(start.replace(day=1), start - timedelta(days=start.weekday()), start - timedelta(days=1))
    last_month_day = (end.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    hi = max(last_month_day, end + timedelta(days=6 - end.weekday()), end + timedelta(days=1))
    outside = []
    if vids:
        for vid, d, p in s.exec(
            select(Assignment.volunteer_id, Shift.date, Shift.period).join(Shift, Shift.id == Assignment.shift_id)
            .where(Assignment.volunteer_id.in_(vids), Shift.date >= lo, Shift.date <= hi, Shift.cancelled == False)  # noqa: E712
        ):
            if not (start <= d <= end):
                outside.append((vid, d, p))
        # other teams' shifts inside the range count too (one patrol a day across teams)
        for vid, d, p, _tid in s.exec(
            select(Assignment.volunteer_id, Shift.date, Shift.period, Shift.team_id).join(Shift, Shift.id == Assignment.shift_id)
            .where(Assignment.volunteer_id.in_(vids), Shift.date >= start, Shift.date <= end, Shift.team_id.not_in(team_ids))
        ):
            outside.append((vid, d, p))
    problem = Problem(pvols, pshifts, locked=locked, outside=outside)
    return Loaded(problem, roster, {sh.id: sh for sh in shifts}, {t: teams[t].name for t in teams})


def explain_gaps(s: Session, *, actor: Actor, team_id: int, start: date, end: date) -> list[solver.Shortfall]:
    """The capacity check of a range as it stands (why the gaps cannot be filled), in well under a second."""
    require(actor, VIEW_ROSTERS)
    _team(s, team_id, actor)
    loaded = load_problem(s, team_ids=[team_id], start=start, end=end)
    return solver.capacity_check(loaded.problem)


# --- automatic roster ---------------------------------------------------------------------------


@dataclass
class Proposal:
    team_ids: list[int]
    start: date
    end: date
    roster: Roster
    leaders: dict[int, int]
    status: str
    seconds: float
    shortfalls: list[solver.Shortfall]
    gaps: list[checker.Gap]
    violations: list[checker.Violation]
    spread: dict[str, int]
    changed: int = 0


def propose_roster(s: Session, *, actor: Actor, team_ids: list[int], start, end, time_limit: float = 5.0,
                   progress: Progress = NO_PROGRESS, use_cpsat: bool = True, keep_before: date | None = None) -> Proposal:
    """Solve the range (read only): keeps locked assignments, fills everything else anew. Days before
    ``keep_before`` (the page passes today) are history: kept as they are, counted for the limits."""
    require(actor, MANAGE_ROSTERS)
    a, b = _range(start, end)
    if not team_ids:
        raise ValidationError(F_TEAM, QT_TRANSLATE_NOOP("Errors", "choose at least one team."))
    _teams(s, team_ids, actor)
    if keep_before is not None and keep_before > a:
        if keep_before > b:
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{start} to {end} is in the past; past rosters are not planned again."),
                                start=a.isoformat(), end=b.isoformat())
        a = keep_before
    loaded = load_problem(s, team_ids=team_ids, start=a, end=b)
    if not loaded.problem.shifts:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "There are no shifts from {start} to {end}; generate them first."),
                            start=a.isoformat(), end=b.isoformat())
    result = solver.solve(loaded.problem, time_limit=time_limit, progress=progress, use_cpsat=use_cpsat)
    changed = sum(len(result.roster.get(sid, set()) ^ loaded.roster.get(sid, set())) for sid in loaded.roster)
    return Proposal(team_ids, a, b, result.roster, result.leaders, result.status, result.seconds, result.shortfalls,
                    checker.gaps(loaded.problem, result.roster), checker.violations(loaded.problem, result.roster),
                    solver.fairness_spread(loaded.problem, result.roster), changed)


def save_roster(s: Session, *, actor: Actor, proposal: Proposal) -> int:
    """Replace the unlocked assignments of the range with the proposal (locked ones stay); returns how
    many assignments were written. Refuses a proposal that breaks a rule."""
    require(actor, MANAGE_ROSTERS)
    if proposal.violations:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "The roster breaks {count} rule(s) and was not saved: {first}"),
                            count=len(proposal.violations), first=proposal.violations[0].text())
    _teams(s, proposal.team_ids, actor)
    shifts = list(s.exec(select(Shift.id).where(Shift.team_id.in_(proposal.team_ids), Shift.date >= proposal.start,
                                                Shift.date <= proposal.end)))
    existing: dict[tuple[int, int], Assignment] = {}
    for i in range(0, len(shifts), 900):
        for a in s.exec(select(Assignment).where(Assignment.shift_id.in_(shifts[i:i + 900]))):
            existing[(a.shift_id, a.volunteer_id)] = a
    wanted = {(sid, vid) for sid, vids in proposal.roster.items() for vid in vids}
    checked: set[tuple[int, int]] = set()
    for i in range(0, len(shifts), 900):
        checked.update(s.exec(select(CheckIn.shift_id, CheckIn.volunteer_id).where(CheckIn.shift_id.in_(shifts[i:i + 900]))).all())
    removed = 0
    for key, a in existing.items():
        if key not in wanted and not a.locked and key not in checked:
            s.delete(a)
            removed += 1
    added = 0
    for sid, vid in sorted(wanted - set(existing)):
        s.add(Assignment(shift_id=sid, volunteer_id=vid, as_leader=proposal.leaders.get(sid) == vid, source="solver"))
        added += 1
    for (sid, vid), a in existing.items():
        lead = proposal.leaders.get(sid) == vid
        if (sid, vid) in wanted and a.as_leader != lead:
            a.as_leader = lead
            s.add(a)
    s.flush()
    audit.record(s, actor=actor, action="solve", entity="roster", entity_id=",".join(map(str, proposal.team_ids)),
                 after={"start": proposal.start, "end": proposal.end, "added": added, "removed": removed,
                        "status": proposal.status, "gaps": len(proposal.gaps)})
    return added


# --- manual edits -------------------------------------------------------------------------------


def _edit_window(day: date) -> tuple[date, date]:
    return day - timedelta(days=1), day + timedelta(days=1)


def _load_for(s: Session, shift: Shift, volunteer_id: int) -> Loaded:
    team_ids = {shift.team_id}
    team_ids.update(s.exec(select(TeamMember.team_id).where(TeamMember.volunteer_id == volunteer_id)).all())
    a, b = _edit_window(shift.date)
    return load_problem(s, team_ids=sorted(team_ids), start=a, end=b)


def refusals(loaded: Loaded, new_roster: Roster, volunteer_ids: set[int]) -> list[checker.Violation]:
    """Rule breaks a change would add (those already there are not the change's fault)."""
    before = {(v.rule, v.volunteer_id, v.shift_id) for v in checker.violations(loaded.problem, loaded.roster, only_volunteers=volunteer_ids)}
    return [v for v in checker.violations(loaded.problem, new_roster, only_volunteers=volunteer_ids)
            if (v.rule, v.volunteer_id, v.shift_id) not in before]


def _refuse(found: list[checker.Violation]) -> None:
    if found:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Not allowed: {reasons}"),
                            reasons=" ".join(dict.fromkeys(v.text() for v in found)))


def assign(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, lock: bool = False, source: str = "manual") -> Assignment:
    """Put a volunteer on a shift, or say exactly why not (overlap, limit, leave, availability...)."""
    require(actor, MANAGE_ROSTERS)
    shift = _shift(s, shift_id, actor)
    _volunteer(s, volunteer_id, actor)
    loaded = _load_for(s, shift, volunteer_id)
    if volunteer_id in loaded.roster.get(shift_id, set()):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is already on this patrol."), name=volunteer_name(s, volunteer_id))
    if volunteer_id not in loaded.problem.vol_by_id:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is not an active member of this team."), name=volunteer_name(s, volunteer_id))
    new = {k: set(v) for k, v in loaded.roster.items()}
    new.setdefault(shift_id, set()).add(volunteer_id)
    _refuse(refusals(loaded, new, {volunteer_id}) + [
        v for v in checker.violations(loaded.problem, new, only_volunteers=set()) if v.rule == "over_max" and v.shift_id == shift_id
    ])
    is_leader = shift.team_id in loaded.problem.vol_by_id[volunteer_id].leader_teams
    has_leader = any(a.as_leader for a in s.exec(select(Assignment).where(Assignment.shift_id == shift_id)))
    a = Assignment(shift_id=shift_id, volunteer_id=volunteer_id, locked=lock, source=source, as_leader=is_leader and not has_leader)
    s.add(a)
    s.flush()
    audit.record(s, actor=actor, action="assign", entity="roster_assignment", entity_id=a.id, after=a)
    return a


def _assignment(s: Session, shift_id: int, volunteer_id: int) -> Assignment:
    a = s.exec(select(Assignment).where(Assignment.shift_id == shift_id, Assignment.volunteer_id == volunteer_id)).first()
    if a is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "{name} is not on this patrol."), name=volunteer_name(s, volunteer_id))
    return a


def unassign(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, allow_gap: bool = False) -> None:
    """Take a volunteer off a shift. Refused when locked, checked in, or (unless ``allow_gap``) when it
    would leave the patrol without its leader or below its minimum."""
    require(actor, MANAGE_ROSTERS)
    shift = _shift(s, shift_id, actor)
    a = _assignment(s, shift_id, volunteer_id)
    name = volunteer_name(s, volunteer_id)
    if a.locked:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is locked on this patrol; unlock the cell first."), name=name)
    if s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == volunteer_id)).first():
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} has already checked in or been marked for this patrol."), name=name)
    if not allow_gap:
        loaded = load_problem(s, team_ids=[shift.team_id], start=shift.date, end=shift.date)
        new = {k: set(v) for k, v in loaded.roster.items()}
        new[shift_id].discard(volunteer_id)
        before = {g.shift_id: g for g in checker.gaps(loaded.problem, loaded.roster)}
        for g in checker.gaps(loaded.problem, new):
            if g.shift_id == shift_id:
                old = before.get(shift_id)
                if g.leader_missing and not (old and old.leader_missing):
                    raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Not allowed: {name} is the only team leader on this patrol; find cover first."), name=name)
                if g.missing > (old.missing if old else 0):
                    raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Not allowed: the patrol would drop below its minimum of {min}; find cover first."),
                                        min=shift.min_headcount)
    before = audit.snapshot(a)
    s.delete(a)
    s.flush()
    audit.record(s, actor=actor, action="unassign", entity="roster_assignment", entity_id=a.id, before=before)


def swap(s: Session, *, actor: Actor, shift_a: int, volunteer_a: int, shift_b: int, volunteer_b: int) -> None:
    """Exchange two people's patrols (A takes B's shift and B takes A's), refused if either breaks a rule."""
    require(actor, MANAGE_ROSTERS)
    sa, sb = _shift(s, shift_a, actor), _shift(s, shift_b, actor)
    aa, ab = _assignment(s, shift_a, volunteer_a), _assignment(s, shift_b, volunteer_b)
    for a in (aa, ab):
        if a.locked:
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is locked on this patrol; unlock the cell first."),
                                name=volunteer_name(s, a.volunteer_id))
    teams = sorted({sa.team_id, sb.team_id} | set(s.exec(select(TeamMember.team_id).where(TeamMember.volunteer_id.in_([volunteer_a, volunteer_b]))).all()))
    lo, hi = min(sa.date, sb.date) - timedelta(days=1), max(sa.date, sb.date) + timedelta(days=1)
    loaded = load_problem(s, team_ids=teams, start=lo, end=hi)
    new = {k: set(v) for k, v in loaded.roster.items()}
    new[shift_a].discard(volunteer_a)
    new[shift_b].discard(volunteer_b)
    new[shift_a].add(volunteer_b)
    new[shift_b].add(volunteer_a)
    found = refusals(loaded, new, {volunteer_a, volunteer_b})
    for sid in (shift_a, shift_b):
        before = {g.shift_id: g for g in checker.gaps(loaded.problem, loaded.roster)}
        for g in checker.gaps(loaded.problem, new):
            if g.shift_id == sid and g.leader_missing and not (before.get(sid) and before[sid].leader_missing):
                found.append(checker.Violation("leader", None, sid, checker.msg(
                    QT_TRANSLATE_NOOP("Rosters", "the patrol on {day} would lose its only team leader."), day=problem_day(loaded, sid))))
    _refuse(found)
    for a in (aa, ab):
        before = audit.snapshot(a)
        s.delete(a)
        s.flush()
        audit.record(s, actor=actor, action="unassign", entity="roster_assignment", entity_id=a.id, before=before)
    for vid, sid, sh in ((volunteer_a, shift_b, sb), (volunteer_b, shift_a, sa)):
        lead = sh.team_id in loaded.problem.vol_by_id[vid].leader_teams
        n = Assignment(shift_id=sid, volunteer_id=vid, source="manual", as_leader=lead)
        s.add(n)
        s.flush()
        audit.record(s, actor=actor, action="assign", entity="roster_assignment", entity_id=n.id, after=n)


def problem_day(loaded: Loaded, shift_id: int) -> str:
    return loaded.problem.shift_by_id[shift_id].date.isoformat()


def set_locked(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, locked: bool) -> None:
    require(actor, MANAGE_ROSTERS)
    _shift(s, shift_id, actor)
    a = _assignment(s, shift_id, volunteer_id)
    before = audit.snapshot(a)
    a.locked = locked
    s.add(a)
    audit.record(s, actor=actor, action="lock" if locked else "unlock", entity="roster_assignment", entity_id=a.id, before=before, after=a)


BLOCKER_TEXT = {
    "two_a_day": QT_TRANSLATE_NOOP("Rosters", "already patrols that day"),
    "evening_then_morning": QT_TRANSLATE_NOOP("Rosters", "evening and next morning"),
    "week_limit": QT_TRANSLATE_NOOP("Rosters", "weekly limit reached"),
    "month_limit": QT_TRANSLATE_NOOP("Rosters", "monthly limit reached"),
    "leave": QT_TRANSLATE_NOOP("Rosters", "on leave"),
    "availability": QT_TRANSLATE_NOOP("Rosters", "not available then"),
    "no_evenings": QT_TRANSLATE_NOOP("Rosters", "no evening patrols"),
}


def blocker_text(code: str) -> str:
    return translate("Rosters", BLOCKER_TEXT.get(code, code))


def find_cover(s: Session, *, actor: Actor, shift_id: int) -> list[solver.Candidate]:
    """Who can take this patrol, best first; people who cannot say why (blockers)."""
    require(actor, VIEW_ROSTERS)
    shift = _shift(s, shift_id, actor)
    first = shift.date.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    loaded = load_problem(s, team_ids=[shift.team_id], start=first, end=last)
    asked = {v.id: (v.last_asked_at.timestamp() if v.last_asked_at else 0.0)
             for v in s.exec(select(Volunteer).where(Volunteer.id.in_(list(loaded.problem.vol_by_id) or [0])))}
    return solver.find_cover(loaded.problem, loaded.roster, shift_id, last_asked=asked)


def mark_asked(s: Session, *, actor: Actor, volunteer_id: int) -> None:
    """Remember that the coordinator asked this person to cover (ranks them lower next time)."""
    require(actor, MANAGE_ROSTERS)
    v = _volunteer(s, volunteer_id, actor)
    v.last_asked_at = utcnow()
    s.add(v)


@dataclass
class RepairReport:
    added: list[tuple[int, int]]
    removed: list[tuple[int, int]]
    unfilled: list[int]
    changes_per_slot: dict[int, int] = field(default_factory=dict)


def repair_dropout(s: Session, *, actor: Actor, volunteer_id: int, start, end) -> RepairReport:
    """``volunteer_id`` cannot come from ``start`` to ``end``: take them off their patrols there and
    refill each place changing as little as possible. Locked places of theirs are released too."""
    require(actor, MANAGE_ROSTERS)
    a, b = _range(start, end)
    _volunteer(s, volunteer_id, actor)
    team_ids = sorted(set(s.exec(select(TeamMember.team_id).where(TeamMember.volunteer_id == volunteer_id)).all()))
    if not team_ids:
        return RepairReport([], [], [])
    first = min(a.replace(day=1), a - timedelta(days=a.weekday()))
    last = max((b.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1), b + timedelta(days=6 - b.weekday()))
    loaded = load_problem(s, team_ids=team_ids, start=first, end=last)
    mine = [sid for sid, vids in loaded.roster.items() if volunteer_id in vids and a <= loaded.problem.shift_by_id[sid].date <= b]
    checked = set(s.exec(select(CheckIn.shift_id).where(CheckIn.volunteer_id == volunteer_id)).all())
    mine = [sid for sid in mine if sid not in checked]
    # the dropout's own locks no longer bind; the leave keeps the solver from putting them back
    loaded.problem.locked = {(x, v) for x, v in loaded.problem.locked if v != volunteer_id or x not in mine}
    rep = solver.repair_dropout(loaded.problem, loaded.roster, volunteer_id, mine)
    for sid in mine:
        row = _assignment(s, sid, volunteer_id)
        before = audit.snapshot(row)
        s.delete(row)
        s.flush()
        audit.record(s, actor=actor, action="dropout", entity="roster_assignment", entity_id=row.id, before=before)
    for sid, vid in rep.removed:
        row = _assignment(s, sid, vid)
        before = audit.snapshot(row)
        s.delete(row)
        s.flush()
        audit.record(s, actor=actor, action="unassign", entity="roster_assignment", entity_id=row.id, before=before)
    for sid, vid in rep.added:
        sh = loaded.problem.shift_by_id[sid]
        row = Assignment(shift_id=sid, volunteer_id=vid, source="repair", as_leader=sh.team_id in loaded.problem.vol_by_id[vid].leader_teams)
        s.add(row)
        s.flush()
        audit.record(s, actor=actor, action="assign", entity="roster_assignment", entity_id=row.id, after=row)
    s.add(Leave(volunteer_id=volunteer_id, start=a, end=b, reason="dropout"))
    return RepairReport(rep.added, rep.removed, rep.unfilled, rep.changes_per_slot())


# --- views --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    shift_id: int
    day: date
    period: str
    starts_at: time
    ends_at: time
    count: int
    min_headcount: int
    max_headcount: int
    leader_required: bool
    has_leader: bool
    names: tuple[str, ...]
    leader_names: tuple[str, ...]
    locked: int
    is_holiday: bool
    holiday_name: str

    @property
    def state(self) -> str:
        """"empty" (nobody), "short" (below minimum or no leader), "ok", "full" (at maximum)."""
        if self.count == 0 and self.min_headcount > 0:
            return "empty"
        if self.count < self.min_headcount or (self.leader_required and not self.has_leader):
            return "short"
        return "full" if self.count >= self.max_headcount else "ok"


def coverage(s: Session, *, actor: Actor, team_id: int, start: date, end: date) -> dict[tuple[date, str], Cell]:
    """Every shift of the team in the range with its headcount and leader state (month view)."""
    require(actor, VIEW_ROSTERS)
    _team(s, team_id, actor)
    shifts = list(s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date >= start, Shift.date <= end, Shift.cancelled == False)))  # noqa: E712
    ids = [sh.id for sh in shifts]
    people: dict[int, list] = defaultdict(list)
    for i in range(0, len(ids), 900):
        rows = s.exec(
            select(Assignment, Resident.name, TeamMember.role)
            .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
            .join(Resident, Resident.id == Volunteer.resident_id)
            .join(Shift, Shift.id == Assignment.shift_id)
            .join(TeamMember, (TeamMember.volunteer_id == Assignment.volunteer_id) & (TeamMember.team_id == Shift.team_id), isouter=True)
            .where(Assignment.shift_id.in_(ids[i:i + 900]))
        ).all()
        for a, name, role in rows:
            people[a.shift_id].append((name, role == "team_leader", a.locked, a.volunteer_id))
    out = {}
    for sh in shifts:
        ps = sorted(people[sh.id], key=lambda p: (not p[1], p[0]))
        out[(sh.date, sh.period)] = Cell(
            sh.id, sh.date, sh.period, sh.starts_at, sh.ends_at, len(ps), sh.min_headcount, sh.max_headcount,
            sh.leader_required, any(p[1] for p in ps), tuple(p[0] for p in ps), tuple(p[0] for p in ps if p[1]),
            sum(1 for p in ps if p[2]), sh.is_holiday, sh.holiday_name,
        )
    return out


@dataclass(frozen=True)
class ShiftPerson:
    volunteer_id: int
    resident_id: int
    name: str
    is_leader: bool
    locked: bool
    checked_in: datetime | None
    checked_out: datetime | None
    no_show: bool
    late_minutes: int


def shift_people(s: Session, *, actor: Actor, shift_id: int) -> list[ShiftPerson]:
    require(actor, VIEW_ROSTERS)
    sh = _shift(s, shift_id, actor)
    rows = s.exec(
        select(Assignment, Volunteer, Resident)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .join(Resident, Resident.id == Volunteer.resident_id)
        .where(Assignment.shift_id == shift_id)
        .order_by(Resident.sort_key)
    ).all()
    leads = set(s.exec(select(TeamMember.volunteer_id).where(TeamMember.team_id == sh.team_id, TeamMember.role == "team_leader")).all())
    checks = {c.volunteer_id: c for c in s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id))}
    out = []
    for a, v, r in rows:
        c = checks.get(v.id)
        out.append(ShiftPerson(v.id, r.id, r.name, v.id in leads, a.locked, c.check_in_at if c else None,
                               c.check_out_at if c else None, bool(c and c.no_show), c.late_minutes if c else 0))
    return sorted(out, key=lambda p: (not p.is_leader, p.name))


def shifts_on(s: Session, *, actor: Actor, day: date, team_id: int | None = None) -> list[Shift]:
    require(actor, VIEW_ROSTERS)
    q = select(Shift).where(Shift.date == day, Shift.cancelled == False)  # noqa: E712
    if actor.station_id is not None:
        q = q.where(Shift.team_id.in_(select(Team.id).where(Team.station_id == actor.station_id)))
    if team_id is not None:
        q = q.where(Shift.team_id == team_id)
    order = {p: i for i, p in enumerate(PERIODS)}
    return sorted(s.exec(q), key=lambda sh: (order.get(sh.period, 9), sh.team_id))


@dataclass(frozen=True)
class VolunteerHit:
    volunteer_id: int
    resident_id: int
    name: str
    label: str


def search_volunteers(s: Session, *, actor: Actor, q: str, limit: int = 20) -> list[VolunteerHit]:
    """Volunteers by name, pinyin, initials or phone digits (the residents search, volunteers only)."""
    require(actor, CHECK_IN)
    from desktop_app.residents import resident_label, search_ids

    limit = max(1, min(int(limit), 200))  # a picker's list, never more
    ids = search_ids(s, q, limit=limit * 5)
    if not ids:
        return []
    rows = s.exec(station_scope(select(Volunteer, Resident).join(Resident, Resident.id == Volunteer.resident_id)
                                .where(Volunteer.resident_id.in_(ids), Volunteer.active == True), Volunteer.station_id, actor)).all()  # noqa: E712
    rank = {rid: i for i, rid in enumerate(ids)}
    rows = sorted(rows, key=lambda vr: rank.get(vr[1].id, 0))[:limit]
    return [VolunteerHit(v.id, r.id, r.name, resident_label(r)) for v, r in rows]


def volunteer_for_resident(s: Session, *, actor: Actor, resident_id: int) -> Volunteer | None:
    require(actor, CHECK_IN)
    q = select(Volunteer).where(Volunteer.resident_id == resident_id, Volunteer.active == True)  # noqa: E712
    return s.exec(station_scope(q, Volunteer.station_id, actor)).first()


# --- on the day: check-in, check-out, no-show, hours ---------------------------------------------


def _local_start(sh: Shift) -> datetime:
    return datetime.combine(sh.date, sh.starts_at).astimezone()


def _local_end(sh: Shift) -> datetime:
    return datetime.combine(sh.date, sh.ends_at).astimezone()


def check_in(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, at: datetime | None = None,
             method: str = "desk") -> CheckIn:
    """The volunteer arrived. ``method`` "behalf" (staff sign in for someone without a phone) needs a
    staff role. Late arrivals (more than 5 minutes after the start) are recorded in minutes."""
    require(actor, CHECK_IN)
    if method == "behalf":
        require(actor, MARK_ATTENDANCE)
    if method not in ("desk", "scan", "behalf"):
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Check-in method"),
                              QT_TRANSLATE_NOOP("Errors", "choose at the desk, by scanning, or on the volunteer's behalf."))
    sh = _shift(s, shift_id, actor)
    a = _assignment(s, shift_id, volunteer_id)
    at = at or utcnow()
    if at.tzinfo is None:  # a time without a zone is the station's local time
        at = at.astimezone()
    name = volunteer_name(s, volunteer_id)
    if at < _local_start(sh) - timedelta(hours=2) or at > _local_end(sh) + timedelta(hours=2):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This patrol is on {day} {start}–{end}; check-in is open from two hours before to two hours after."),
                            day=sh.date.isoformat(), start=sh.starts_at.strftime("%H:%M"), end=sh.ends_at.strftime("%H:%M"))
    row = s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == volunteer_id)).first()
    if row is not None and row.check_in_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} checked in already at {time}."), name=name,
                            time=row.check_in_at.astimezone().strftime("%H:%M"))
    late = max(0, int((at - _local_start(sh)).total_seconds() // 60))
    late = late if late > LATE_GRACE_MIN else 0
    before = audit.snapshot(row) if row else None
    if row is None:
        row = CheckIn(assignment_id=a.id, shift_id=shift_id, volunteer_id=volunteer_id)
    row.check_in_at, row.no_show, row.late_minutes, row.method, row.recorded_by = at, False, late, method, actor.id
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="check_in", entity="roster_checkin", entity_id=row.id, before=before, after=row)
    return row


def multiplier_for(s: Session, sh: Shift, station_id: int | None) -> float:
    rows = {m.kind: m.multiplier for m in s.exec(select(HoursMultiplier))
            if m.station_id in (station_id, None)}
    factor = 1.0
    if sh.is_holiday:
        factor = max(factor, rows.get("holiday", 1.0))
    if sh.period == "evening":
        factor = max(factor, rows.get("evening", 1.0))
    return factor


def _credit(s: Session, *, actor: Actor, sh: Shift, volunteer_id: int, minutes: int, reason: str) -> HoursEntry:
    factor = multiplier_for(s, sh, actor.station_id)
    e = HoursEntry(volunteer_id=volunteer_id, shift_id=sh.id, served_on=sh.date, minutes=minutes, multiplier=factor,
                   credited_minutes=round(minutes * factor), reason=reason, created_by=actor.id)
    s.add(e)
    s.flush()
    audit.record(s, actor=actor, action="credit", entity="roster_hours_entry", entity_id=e.id, after=e)
    return e


def check_out(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, at: datetime | None = None) -> HoursEntry:
    """The volunteer left: hours are credited from check-in to check-out (at most the planned length
    plus an hour), times the multiplier for holidays / evenings."""
    require(actor, CHECK_IN)
    sh = _shift(s, shift_id, actor)
    row = s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == volunteer_id)).first()
    name = volunteer_name(s, volunteer_id)
    if row is None or row.check_in_at is None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} has not checked in to this patrol."), name=name)
    if row.check_out_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} checked out already."), name=name)
    at = at or utcnow()
    if at < row.check_in_at:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Check-out time"), QT_TRANSLATE_NOOP("Errors", "is before the check-in time."))
    before = audit.snapshot(row)
    row.check_out_at = at
    s.add(row)
    audit.record(s, actor=actor, action="check_out", entity="roster_checkin", entity_id=row.id, before=before, after=row)
    planned = int((_local_end(sh) - _local_start(sh)).total_seconds() // 60)
    served = int((at - row.check_in_at).total_seconds() // 60)
    return _credit(s, actor=actor, sh=sh, volunteer_id=volunteer_id, minutes=max(0, min(served, planned + 60)), reason="check-out")


def credit_planned(s: Session, *, actor: Actor, shift_id: int) -> list[HoursEntry]:
    """Close a patrol: everyone checked in but not out is credited the planned duration."""
    require(actor, MARK_ATTENDANCE)
    sh = _shift(s, shift_id, actor)
    planned = int((_local_end(sh) - _local_start(sh)).total_seconds() // 60)
    out = []
    for row in s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.check_in_at != None, CheckIn.check_out_at == None)):  # noqa: E711
        row.check_out_at = datetime.combine(sh.date, sh.ends_at).astimezone()
        s.add(row)
        out.append(_credit(s, actor=actor, sh=sh, volunteer_id=row.volunteer_id, minutes=planned, reason="planned"))
    return out


def mark_no_show(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int) -> CheckIn:
    require(actor, MARK_ATTENDANCE)
    _shift(s, shift_id, actor)
    a = _assignment(s, shift_id, volunteer_id)
    row = s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == volunteer_id)).first()
    if row is not None and row.check_in_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} checked in; a person who came cannot be a no-show."),
                            name=volunteer_name(s, volunteer_id))
    if row is None:
        row = CheckIn(assignment_id=a.id, shift_id=shift_id, volunteer_id=volunteer_id)
    row.no_show, row.recorded_by, row.method = True, actor.id, "desk"
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="no_show", entity="roster_checkin", entity_id=row.id, after=row)
    return row


def correct_hours(s: Session, *, actor: Actor, volunteer_id: int, minutes: int, reason: str, served_on: date | None = None,
                  corrects_id: int | None = None) -> HoursEntry:
    """A correction is a new ledger entry (plus or minus minutes) with a reason; nothing is edited."""
    require(actor, CORRECT_HOURS)
    _volunteer(s, volunteer_id, actor)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes == 0 or abs(minutes) > 24 * 60:
        raise ValidationError(F_MINUTES, QT_TRANSLATE_NOOP("Errors", "must be a whole number of minutes, not zero, at most a day (1440) either way."))
    reason = clean_text(reason, F_REASON, max_len=200, required=True, multiline=False)
    shift_id = None
    if corrects_id is not None:
        orig = s.get(HoursEntry, corrects_id)
        if orig is None or orig.volunteer_id != volunteer_id:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The entry to correct does not exist for this volunteer."))
        served_on = served_on or orig.served_on
        shift_id = orig.shift_id
    total = hours_minutes(s, actor=actor, volunteer_id=volunteer_id, credited=False)
    if total + minutes < 0:
        raise ValidationError(F_MINUTES, QT_TRANSLATE_NOOP("Errors", "would make the total negative ({total} minutes recorded)."), total=total)
    e = HoursEntry(volunteer_id=volunteer_id, shift_id=shift_id, served_on=served_on or date.today(), minutes=minutes,
                   multiplier=1.0, credited_minutes=minutes, reason=reason, corrects_id=corrects_id, created_by=actor.id)
    s.add(e)
    s.flush()
    audit.record(s, actor=actor, action="correct", entity="roster_hours_entry", entity_id=e.id, after=e)
    return e


def hours_minutes(s: Session, *, actor: Actor, volunteer_id: int, start: date | None = None, end: date | None = None,
                  credited: bool = True) -> int:
    """Sum of the ledger (credited minutes, or actual minutes served with ``credited=False``)."""
    require(actor, VIEW_ROSTERS if actor.role != Role.KIOSK else CHECK_IN)
    _volunteer(s, volunteer_id, actor)
    col = HoursEntry.credited_minutes if credited else HoursEntry.minutes
    q = select(func.coalesce(func.sum(col), 0)).where(HoursEntry.volunteer_id == volunteer_id)
    if start:
        q = q.where(HoursEntry.served_on >= start)
    if end:
        q = q.where(HoursEntry.served_on <= end)
    return int(s.exec(q).one())


def ledger(s: Session, *, actor: Actor, volunteer_id: int) -> list[HoursEntry]:
    require(actor, VIEW_ROSTERS)
    _volunteer(s, volunteer_id, actor)
    return list(s.exec(select(HoursEntry).where(HoursEntry.volunteer_id == volunteer_id).order_by(HoursEntry.served_on, HoursEntry.id)))


def set_multiplier(s: Session, *, actor: Actor, kind: str, multiplier: float) -> HoursMultiplier:
    require(actor, MANAGE_ROSTERS)
    if kind not in ("holiday", "evening"):
        raise ValidationError(F_MULTIPLIER, QT_TRANSLATE_NOOP("Errors", "choose holiday or evening."))
    if not (1.0 <= float(multiplier) <= 3.0):
        raise ValidationError(F_MULTIPLIER, QT_TRANSLATE_NOOP("Errors", "must be between 1 and 3."))
    row = s.exec(select(HoursMultiplier).where(HoursMultiplier.kind == kind, HoursMultiplier.station_id == actor.station_id)).first()
    before = audit.snapshot(row) if row else None
    if row is None:
        row = HoursMultiplier(station_id=actor.station_id, kind=kind)
    row.multiplier = float(multiplier)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="roster_hours_multiplier", entity_id=row.id, before=before, after=row)
    return row


# --- patrol findings ----------------------------------------------------------------------------


def record_finding(s: Session, *, actor: Actor, category: str, location: str, note: str = "", shift_id: int | None = None,
                   volunteer_id: int | None = None, found_at: datetime | None = None, open_desk_record: bool = False) -> PatrolFinding:
    """A patrol finding linked to its shift (grid and route come from it); optionally opens a desk record."""
    require(actor, RECORD_FINDINGS)
    if category not in FINDING_CATEGORIES:
        raise ValidationError(F_CATEGORY, QT_TRANSLATE_NOOP("Errors", "choose one of the listed categories."))
    location = clean_text(location, F_LOCATION, max_len=100, required=True, multiline=False)
    note = clean_text(note, F_NOTE, max_len=2000)
    sh = _shift(s, shift_id, actor) if shift_id is not None else None
    if volunteer_id is not None:
        _volunteer(s, volunteer_id, actor)
    team = s.get(Team, sh.team_id) if sh else None
    station_id = team.station_id if team is not None else actor.station_id
    f = PatrolFinding(station_id=station_id, shift_id=shift_id, team_id=sh.team_id if sh else None, volunteer_id=volunteer_id, category=category,
                      location=location, note=note, grid=sh.grid if sh else "", route=sh.route if sh else "",
                      found_at=found_at or utcnow(), created_by=actor.id)
    s.add(f)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_patrol_finding", entity_id=f.id, after=f)
    if open_desk_record:
        open_desk_record_for(s, actor=actor, finding_id=f.id)
    return f


def open_desk_record_for(s: Session, *, actor: Actor, finding_id: int) -> int:
    """Open a desk record (channel "patrol") for a finding so it enters the closed loop; returns its id."""
    require(actor, RECORD_FINDINGS)
    f = s.get(PatrolFinding, finding_id)
    if f is None or not in_station(actor, f.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That finding no longer exists."))
    if f.desk_record_id is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This finding already opened desk record {id}."), existing_id=f.desk_record_id, id=f.desk_record_id)
    from desktop_app import desk  # lazy: rosters → desk, one way

    reporter = volunteer_name(s, f.volunteer_id) if f.volunteer_id else ""
    if not reporter:
        team = s.get(Team, f.team_id) if f.team_id else None
        reporter = re.sub(r"[^\w·]|[\d_]", "", team.name if team else "") or "巡逻队"
    summary = f"巡查发现：{CATEGORY_ZH[f.category]}，{f.location}"[:200]
    details = "\n".join(x for x in (f.note, f"网格：{f.grid}" if f.grid else "", f"路线：{f.route}" if f.route else "") if x)
    rec = desk.create_record(s, actor=actor, category_code=DESK_CATEGORY_FOR_FINDINGS, summary=summary, channel="patrol",
                             walk_in_name=reporter, details=details, received_at=min(f.found_at, utcnow()))
    before = audit.snapshot(f)
    f.desk_record_id = rec.id
    s.add(f)
    audit.record(s, actor=actor, action="update", entity="roster_patrol_finding", entity_id=f.id, before=before, after=f)
    return rec.id


def list_findings(s: Session, *, actor: Actor, after: tuple[datetime, int] | None = None, limit: int = 200,
                  team_id: int | None = None) -> list[PatrolFinding]:
    """Newest first, keyset paged by (found_at, id); one team's (and unattached ones) when ``team_id`` is given."""
    require(actor, VIEW_ROSTERS)
    q = station_scope(select(PatrolFinding), PatrolFinding.station_id, actor)
    if team_id is not None:
        q = q.where((PatrolFinding.team_id == team_id) | (PatrolFinding.team_id == None))  # noqa: E711
    if after is not None:
        q = q.where((PatrolFinding.found_at < after[0]) | ((PatrolFinding.found_at == after[0]) & (PatrolFinding.id < after[1])))
    return list(s.exec(q.order_by(PatrolFinding.found_at.desc(), PatrolFinding.id.desc()).limit(limit)))


# --- text, calendar files, certificates ---------------------------------------------------------


def wechat_text(s: Session, *, actor: Actor, day: date, team_id: int | None = None) -> str:
    """Ready-to-paste text of a day's patrols for the team's WeChat group (Chinese, as stations write it)."""
    require(actor, VIEW_ROSTERS)
    weekdays = "一二三四五六日"
    lines = []
    teams = {t.id: t for t in s.exec(station_scope(select(Team), Team.station_id, actor))}
    for sh in shifts_on(s, actor=actor, day=day, team_id=team_id):
        people = shift_people(s, actor=actor, shift_id=sh.id)
        names = "、".join((p.name + "（队长）") if p.is_leader else p.name for p in people) or "【缺人，请报名】"
        where = f"｜{sh.route}" if sh.route else ""
        lines.append(f"{PERIOD_ZH.get(sh.period, sh.period)} {sh.starts_at:%H:%M}–{sh.ends_at:%H:%M}{where}：{names}")
        if len(people) < sh.min_headcount:
            lines[-1] += f"（还差{sh.min_headcount - len(people)}人）"
        if people and sh.leader_required and not any(p.is_leader for p in people):
            lines[-1] += "（缺队长）"
    title_team = teams[team_id].name if team_id and team_id in teams else "巡逻队"
    holiday = ""
    if any(sh.is_holiday for sh in shifts_on(s, actor=actor, day=day, team_id=team_id)):
        holiday = "（节假日）"
    head = f"【{title_team}】{day.month}月{day.day}日 星期{weekdays[day.weekday()]}{holiday} 巡逻安排"
    tail = "请按时到岗签到，戴好小红帽。不能到岗请提前告知队长。"
    return "\n".join([head, *lines, tail]) if lines else f"{head}\n当日无巡逻安排。"


def ics_for(s: Session, *, actor: Actor, volunteer_id: int, start: date, end: date) -> str:
    """An iCalendar (.ics) file of one volunteer's patrols in the range."""
    require(actor, VIEW_ROSTERS)
    _volunteer(s, volunteer_id, actor)
    rows = s.exec(select(Shift, Team).join(Assignment, Assignment.shift_id == Shift.id).join(Team, Team.id == Shift.team_id)
                  .where(Assignment.volunteer_id == volunteer_id, Shift.date >= start, Shift.date <= end)
                  .order_by(Shift.date, Shift.starts_at)).all()
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SmileDesk//Rosters//ZH", "CALSCALE:GREGORIAN"]
    for sh, team in rows:
        a = _local_start(sh).astimezone(UTC)
        b = _local_end(sh).astimezone(UTC)
        lines += [
            "BEGIN:VEVENT", f"UID:roster-{sh.id}-{volunteer_id}@smiledesk", f"DTSTAMP:{stamp}",
            f"DTSTART:{a:%Y%m%dT%H%M%SZ}", f"DTEND:{b:%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{esc(team.name + ' ' + PERIOD_ZH.get(sh.period, sh.period))}",
            f"LOCATION:{esc(sh.route or sh.grid)}", "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def service_record_contents(s: Session, *, actor: Actor, start: date, end: date, min_hours: float) -> list[dict]:
    """Per volunteer with at least ``min_hours`` actual hours served in the period: what a volunteer
    service record certificate (志愿服务记录证明) states — actual hours (not multiplied), content,
    recording organisation. Qt-free; the certificates feature reaches it through a hook."""
    require(actor, CERTIFY_HOURS)
    a, b = _range(start, end)
    if min_hours is None or float(min_hours) < 0:
        raise ValidationError(F_MIN_HOURS, QT_TRANSLATE_NOOP("Errors", "cannot be negative."))
    from desktop_app.core.auth import first_station
    from desktop_app.core.models import Station

    station = s.get(Station, actor.station_id) if actor.station_id is not None else first_station(s)
    q = select(HoursEntry.volunteer_id, func.sum(HoursEntry.minutes)).where(HoursEntry.served_on >= a, HoursEntry.served_on <= b)
    if actor.station_id is not None:  # hours hang off the volunteer, who belongs to a station
        q = q.where(HoursEntry.volunteer_id.in_(select(Volunteer.id).where(Volunteer.station_id == actor.station_id)))
    sums = s.exec(q.group_by(HoursEntry.volunteer_id)).all()
    wanted = {vid: int(m or 0) for vid, m in sums if int(m or 0) >= round(float(min_hours) * 60) and int(m or 0) > 0}
    if not wanted:
        return []
    out = []
    ids = list(wanted)
    for i in range(0, len(ids), 500):
        rows = s.exec(select(Volunteer, Resident).join(Resident, Resident.id == Volunteer.resident_id).where(Volunteer.id.in_(ids[i:i + 500]))).all()
        for v, r in rows:
            teams = s.exec(select(Team).join(TeamMember, TeamMember.team_id == Team.id).where(TeamMember.volunteer_id == v.id)).all()
            kinds = sorted({t.kind for t in teams})
            content = "、".join({"patrol": "社区治安巡逻", "meal_delivery": "老年助餐送餐", "garbage_sorting": "垃圾分类宣传指导",
                                "elderly_care": "关爱老人志愿服务", "other": "社区志愿服务"}[k] for k in kinds) or "社区志愿服务"
            org = (station.name if station else "")
            if teams:
                org = f"{org} {'、'.join(t.name for t in teams)}".strip()
            out.append({
                "resident_id": r.id, "volunteer_id": v.id, "name": r.name, "id_number": r.id_number, "organisation": org,
                "period_start": a, "period_end": b, "hours": round(wanted[v.id] / 60, 1), "service_content": content,
            })
    out.sort(key=lambda d: (-d["hours"], d["name"]))
    audit.record(s, actor=actor, action="read", entity="roster_hours_entry", entity_id="service_record",
                 after={"start": a, "end": b, "min_hours": min_hours, "count": len(out)})
    return out


def period_label(period: str) -> str:
    return translate("Periods", PERIOD_LABELS.get(period, period))


def month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)

