"""Tables of volunteer teams and patrol rosters: teams, volunteers, shifts, assignments, check-ins, hours.

Other features read these tables (never write them): meals lists volunteers of a team whose kind is
``meal_delivery``; passports and certificates read check-ins and the hours ledger. Names are stable.

Times of day are local wall-clock ``time`` values (a patrol at 07:30 is 07:30 wherever the PC is);
moments that happened (check-in, ledger entries) are aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime

CHECKIN_OPEN = text("check_in_at IS NOT NULL AND check_out_at IS NULL")


class TeamKind(StrEnum):
    PATROL = "patrol"
    MEAL_DELIVERY = "meal_delivery"
    GARBAGE_SORTING = "garbage_sorting"
    ELDERLY_CARE = "elderly_care"
    OTHER = "other"


class MemberRole(StrEnum):
    TEAM_LEADER = "team_leader"
    MEMBER = "member"


class ShiftPeriod(StrEnum):
    """The three daily patrols (早班 / 午班 / 晚班)."""

    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class Preference(StrEnum):
    """A volunteer's weekly availability exception (no row: available, no preference)."""

    NO = "no"
    PREFER = "prefer"


class AssignmentSource(StrEnum):
    SOLVER = "solver"
    MANUAL = "manual"
    REPAIR = "repair"


class RequirementScope(StrEnum):
    """Who on a patrol must hold a required qualification (valid on the patrol's date)."""

    LEADER = "leader"  # the patrol's leader (e.g. first aid)
    EVERYONE = "everyone"  # every person on it
    SOMEONE = "someone"  # at least one person on it


class CheckInMethod(StrEnum):
    DESK = "desk"
    SCAN = "scan"
    BEHALF = "behalf"  # staff sign in for someone without a phone


class MultiplierKind(StrEnum):
    HOLIDAY = "holiday"
    EVENING = "evening"


class FindingCategory(StrEnum):
    SAFETY_HAZARD = "safety_hazard"
    ILLEGAL_PARKING = "illegal_parking"
    EBIKE_CHARGING = "ebike_charging"
    FACILITY_DAMAGE = "facility_damage"
    SANITATION = "sanitation"
    OTHER = "other"


class CoverState(StrEnum):
    """How well a patrol is staffed (the month grid's colours); computed, never stored."""

    EMPTY = "empty"  # nobody
    SHORT = "short"  # below the minimum or without its leader
    OK = "ok"
    FULL = "full"  # at the maximum


TEAM_KINDS = tuple(TeamKind)
MEMBER_ROLES = tuple(MemberRole)
PERIODS = tuple(ShiftPeriod)
FINDING_CATEGORIES = tuple(FindingCategory)


class Team(SQLModel, table=True):
    __tablename__ = "roster_team"

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id", index=True)
    name: str = Field(max_length=50)
    kind: str = Field(default=TeamKind.PATROL, max_length=20, description="a TeamKind")
    grid: str = Field(default="", max_length=50)
    route: str = Field(default="", max_length=100)
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class Volunteer(SQLModel, table=True):
    """A resident who volunteers. Limits left ``None`` follow the age-band defaults (volunteers.age_defaults)."""

    __tablename__ = "roster_volunteer"

    id: int | None = Field(default=None, primary_key=True)
    resident_id: int = Field(foreign_key="resident.id", unique=True)
    station_id: int | None = Field(default=None, foreign_key="station.id", index=True)
    active: bool = Field(default=True)
    joined_on: date | None = Field(default=None)
    max_per_week: int | None = Field(default=None)
    max_per_month: int | None = Field(default=None)
    no_evenings: bool | None = Field(default=None)
    never_alone: bool = Field(default=False, description="must never be the only person on a shift")
    # Unused: a "last asked to cover" ranking was planned but nothing ever set it. Dropping the column
    # rebuilds this table, which SQLite refuses while other tables point at it; left for a rebuild.
    last_asked_at: datetime | None = Field(default=None, sa_type=AwareDateTime, description="unused")
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"}, description="bumped on every saved change (lost edits)")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class TeamMember(SQLModel, table=True):
    __tablename__ = "roster_team_member"
    __table_args__ = (UniqueConstraint("team_id", "volunteer_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="roster_team.id", index=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id", index=True)
    role: str = Field(default=MemberRole.MEMBER, max_length=20, description="a MemberRole")
    joined_on: date | None = Field(default=None)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"}, description="bumped on every saved change (lost edits)")


class Skill(SQLModel, table=True):
    """A skill or qualification (first aid, fire warden) with an optional expiry date."""

    __tablename__ = "roster_skill"

    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id", index=True)
    name: str = Field(max_length=50)
    expires_on: date | None = Field(default=None)


class Availability(SQLModel, table=True):
    """Weekly availability exceptions: weekday (0 = Monday) × period is ``no`` (never) or ``prefer``.

    No row means available, no preference.
    """

    __tablename__ = "roster_availability"
    __table_args__ = (UniqueConstraint("volunteer_id", "weekday", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id", index=True)
    weekday: int
    period: str = Field(max_length=10)
    preference: str = Field(default=Preference.NO, max_length=10, description="a Preference")


class Leave(SQLModel, table=True):
    """Dated leave (travel, hospital): no shifts from ``start`` to ``end`` inclusive."""

    __tablename__ = "roster_leave"
    __table_args__ = (Index("ix_roster_leave_vol", "volunteer_id", "start"),)

    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id")
    start: date
    end: date
    reason: str = Field(default="", max_length=100)


class PairingWish(SQLModel, table=True):
    """``volunteer_id`` would like to patrol with ``partner_id`` (a soft wish)."""

    __tablename__ = "roster_pairing"
    __table_args__ = (UniqueConstraint("volunteer_id", "partner_id"),)

    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id", index=True)
    partner_id: int = Field(foreign_key="roster_volunteer.id")


class ShiftTemplate(SQLModel, table=True):
    """One daily shift of a team (早 07:30–09:00 …); shifts are generated from templates."""

    __tablename__ = "roster_shift_template"

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="roster_team.id", index=True)
    period: str = Field(max_length=10, description="a ShiftPeriod")
    starts_at: time
    ends_at: time
    route: str = Field(default="", max_length=100)
    grid: str = Field(default="", max_length=50)
    min_headcount: int = Field(default=2)
    max_headcount: int = Field(default=4)
    leader_required: bool = Field(default=True)
    holiday_min_headcount: int | None = Field(default=None, description="min headcount on statutory holidays")
    active: bool = Field(default=True)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"}, description="bumped on every saved change (lost edits)")


class ShiftRequirement(SQLModel, table=True):
    """A qualification a daily shift requires (``skill`` as volunteers' skills name it; compared without
    case or spaces), of its leader, of everyone, or of at least one person. Every shift made from the
    template follows it; the solver, manual moves, find-cover and the checker honour it."""

    __tablename__ = "roster_shift_requirement"
    __table_args__ = (UniqueConstraint("template_id", "scope", "skill"),)

    id: int | None = Field(default=None, primary_key=True)
    template_id: int = Field(foreign_key="roster_shift_template.id", index=True)
    scope: str = Field(max_length=10, description="a RequirementScope")
    skill: str = Field(max_length=50)


class Shift(SQLModel, table=True):
    __tablename__ = "roster_shift"
    __table_args__ = (
        UniqueConstraint("team_id", "date", "period"),
        Index("ix_roster_shift_date", "date", "period"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="roster_team.id")
    template_id: int | None = Field(default=None, foreign_key="roster_shift_template.id")
    date: date
    period: str = Field(max_length=10)
    starts_at: time
    ends_at: time
    route: str = Field(default="", max_length=100)
    grid: str = Field(default="", max_length=50)
    min_headcount: int = Field(default=2)
    max_headcount: int = Field(default=4)
    leader_required: bool = Field(default=True)
    is_holiday: bool = Field(default=False)
    holiday_name: str = Field(default="", max_length=50)
    cancelled: bool = Field(default=False)


class Assignment(SQLModel, table=True):
    __tablename__ = "roster_assignment"
    __table_args__ = (
        UniqueConstraint("shift_id", "volunteer_id"),
        Index("ix_roster_assignment_vol", "volunteer_id", "shift_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    shift_id: int = Field(foreign_key="roster_shift.id", index=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id")
    as_leader: bool = Field(default=False, description="this person leads this patrol")
    locked: bool = Field(default=False, description="kept as is when the roster is solved again")
    source: str = Field(default=AssignmentSource.SOLVER, max_length=10, description="an AssignmentSource")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class CheckIn(SQLModel, table=True):
    """What happened on the day: arrived (maybe late), left, or did not come."""

    __tablename__ = "roster_checkin"
    __table_args__ = (
        UniqueConstraint("shift_id", "volunteer_id"),
        Index("ix_roster_checkin_vol", "volunteer_id", "check_in_at"),
        # The few check-ins the home page asks about on every refresh, without reading all of them (issue 21:
        # 20-30 ms each on five years of patrols): still open (forgotten.forgotten_due), and closed by the
        # program but not yet confirmed (forgotten.waiting). Those read them alone first, then their patrols.
        Index("ix_roster_checkin_open", "shift_id", sqlite_where=CHECKIN_OPEN, postgresql_where=CHECKIN_OPEN),
        Index("ix_roster_checkin_unreviewed", "shift_id", sqlite_where=text("auto_closed = 1 AND reviewed_at IS NULL"),
              postgresql_where=text("auto_closed AND reviewed_at IS NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int | None = Field(default=None, foreign_key="roster_assignment.id")
    shift_id: int = Field(foreign_key="roster_shift.id", index=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id")
    check_in_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    check_out_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    no_show: bool = Field(default=False)
    late_minutes: int = Field(default=0)
    method: str = Field(default=CheckInMethod.DESK, max_length=10, description="a CheckInMethod")
    recorded_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    # Nobody checked out: closed at the scheduled end once the patrol was over by more than the grace period
    # (rosters.attendance.close_forgotten); a coordinator confirms it or corrects the hours (a new entry).
    auto_closed: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    reviewed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    reviewed_by: int | None = Field(default=None, description="staff user who confirmed or corrected an automatic close")


class HoursMultiplier(SQLModel, table=True):
    """Credit multipliers as data, e.g. holiday ×1.5 (kind: a MultiplierKind)."""

    __tablename__ = "roster_hours_multiplier"
    __table_args__ = (UniqueConstraint("station_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    kind: str = Field(max_length=20)
    multiplier: float = Field(default=1.0)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"}, description="bumped on every saved change (lost edits)")


class HoursEntry(SQLModel, table=True):
    """Append-only ledger of service hours. A volunteer's hours are the sum of ``credited_minutes``.

    ``minutes`` is the time served (negative in a correction), ``multiplier`` the factor applied, and
    ``credited_minutes`` = round(minutes × multiplier). Corrections are new entries naming ``corrects_id``.
    """

    __tablename__ = "roster_hours_entry"
    __table_args__ = (Index("ix_roster_hours_vol", "volunteer_id", "served_on"),)

    id: int | None = Field(default=None, primary_key=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id")
    shift_id: int | None = Field(default=None, foreign_key="roster_shift.id")
    served_on: date
    minutes: int
    multiplier: float = Field(default=1.0)
    credited_minutes: int
    reason: str = Field(default="", max_length=200)
    corrects_id: int | None = Field(default=None, foreign_key="roster_hours_entry.id")
    created_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class NationalRecord(SQLModel, table=True):
    """An hours entry recorded in the national volunteer service information system (全国志愿服务信息系统)
    by a coordinator; entries without one are listed with their 10-working-day deadline."""

    __tablename__ = "roster_national_record"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="roster_hours_entry.id", unique=True)
    recorded_on: date = Field(description="the day it was entered in the national system")
    recorded_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class PatrolFinding(SQLModel, table=True):
    """What a patrol reports; ``desk_record_id`` is the desk record it opened (no FK: another feature)."""

    __tablename__ = "roster_patrol_finding"
    __table_args__ = (
        Index("ix_roster_finding_at", "found_at", "id"),
        Index("ix_roster_finding_station_at", "station_id", "found_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id", description="the team's station, else the recorder's")
    shift_id: int | None = Field(default=None, foreign_key="roster_shift.id")
    team_id: int | None = Field(default=None, foreign_key="roster_team.id")
    volunteer_id: int | None = Field(default=None, foreign_key="roster_volunteer.id")
    category: str = Field(max_length=20, description="a FindingCategory")
    location: str = Field(default="", max_length=100)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    grid: str = Field(default="", max_length=50)
    route: str = Field(default="", max_length=100)
    found_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    desk_record_id: int | None = Field(default=None)
    created_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


@dataclass(frozen=True)
class VolunteerUpdate:
    """What the volunteer dialog saves at once (``rosters.volunteers.update_volunteer``): the limits (None:
    the age-band default), the availability cells that changed (None: available, no preference), skills
    removed and one added, partners dropped and one added, and a leave."""

    max_per_week: int | None = None
    max_per_month: int | None = None
    no_evenings: bool | None = None
    never_alone: bool = False
    availability: dict[tuple[int, str], str | None] = field(default_factory=dict)
    remove_skills: tuple[int, ...] = ()
    new_skill: str = ""
    new_skill_expires: str | None = None  # as typed, e.g. 2027-06-30; blank: no expiry
    remove_partners: tuple[int, ...] = ()
    new_partner: int | None = None
    leave: tuple[date, date] | None = None
    leave_reason: str = ""
