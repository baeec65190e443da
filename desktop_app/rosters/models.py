"""Tables of volunteer teams and patrol rosters: teams, volunteers, shifts, assignments, check-ins, hours.

Other features read these tables (never write them): meals lists volunteers of a team whose kind is
``meal_delivery``; passports and certificates read check-ins and the hours ledger. Names are stable.

Times of day are local wall-clock ``time`` values (a patrol at 07:30 is 07:30 wherever the PC is);
moments that happened (check-in, ledger entries) are aware UTC datetimes.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime

TEAM_KINDS = ("patrol", "meal_delivery", "garbage_sorting", "elderly_care", "other")
MEMBER_ROLES = ("team_leader", "member")
PERIODS = ("morning", "afternoon", "evening")
FINDING_CATEGORIES = ("safety_hazard", "illegal_parking", "ebike_charging", "facility_damage", "sanitation", "other")


class Team(SQLModel, table=True):
    __tablename__ = "roster_team"

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id", index=True)
    name: str = Field(max_length=50)
    kind: str = Field(default="patrol", max_length=20, description="one of TEAM_KINDS")
    grid: str = Field(default="", max_length=50)
    route: str = Field(default="", max_length=100)
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class Volunteer(SQLModel, table=True):
    """A resident who volunteers. Limits left ``None`` follow the age-band defaults (service.age_defaults)."""

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
    last_asked_at: datetime | None = Field(default=None, sa_type=AwareDateTime, description="last asked to cover")
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class TeamMember(SQLModel, table=True):
    __tablename__ = "roster_team_member"
    __table_args__ = (UniqueConstraint("team_id", "volunteer_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="roster_team.id", index=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id", index=True)
    role: str = Field(default="member", max_length=20, description="team_leader | member")
    joined_on: date | None = Field(default=None)


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
    preference: str = Field(default="no", max_length=10, description="no | prefer")


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
    period: str = Field(max_length=10, description="morning | afternoon | evening")
    starts_at: time
    ends_at: time
    route: str = Field(default="", max_length=100)
    grid: str = Field(default="", max_length=50)
    min_headcount: int = Field(default=2)
    max_headcount: int = Field(default=4)
    leader_required: bool = Field(default=True)
    holiday_min_headcount: int | None = Field(default=None, description="min headcount on statutory holidays")
    active: bool = Field(default=True)


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
    source: str = Field(default="solver", max_length=10, description="solver | manual | repair")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class CheckIn(SQLModel, table=True):
    """What happened on the day: arrived (maybe late), left, or did not come."""

    __tablename__ = "roster_checkin"
    __table_args__ = (
        UniqueConstraint("shift_id", "volunteer_id"),
        Index("ix_roster_checkin_vol", "volunteer_id", "check_in_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int | None = Field(default=None, foreign_key="roster_assignment.id")
    shift_id: int = Field(foreign_key="roster_shift.id", index=True)
    volunteer_id: int = Field(foreign_key="roster_volunteer.id")
    check_in_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    check_out_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    no_show: bool = Field(default=False)
    late_minutes: int = Field(default=0)
    method: str = Field(default="desk", max_length=10, description="desk | scan | behalf")
    recorded_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class HoursMultiplier(SQLModel, table=True):
    """Credit multipliers as data, e.g. holiday ×1.5 (kind: holiday | evening)."""

    __tablename__ = "roster_hours_multiplier"
    __table_args__ = (UniqueConstraint("station_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    kind: str = Field(max_length=20)
    multiplier: float = Field(default=1.0)


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
    category: str = Field(max_length=20, description="one of FINDING_CATEGORIES")
    location: str = Field(default="", max_length=100)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    grid: str = Field(default="", max_length=50)
    route: str = Field(default="", max_length=100)
    found_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    desk_record_id: int | None = Field(default=None)
    created_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
