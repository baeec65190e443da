"""Tables of smile passports: passports, activities and sign-ups, the stamp ledger, honours, rewards.

The stamp ledger (``passport_stamp``) is append-only. A resident's balance is the sum of ``stamps``;
"earned" (what honours count) is the sum over award, patrol and reversal entries, so spending stamps on a
reward never takes an honour away. ``passport_month_total`` is a per-resident, per-month sum of earned
stamps kept in the same transaction as every ledger write (the smile wall's leaderboard reads it; it
can be rebuilt from the ledger at any time with ``stamps.rebuild_month_totals``).

Cross-feature references (rosters check-ins, certificates) are plain integers/text without foreign keys.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime


class PassportStatus(StrEnum):
    ACTIVE = "active"
    LOST = "lost"  # the number stops working at once
    REPLACED = "replaced"  # a newer card took over; its number is void


class ActivityKind(StrEnum):
    ONCE = "once"
    DAILY = "daily"
    WEEKLY = "weekly"  # on the ISO weekdays in ``weekdays``


class EntryKind(StrEnum):
    """What a ledger line records."""

    AWARD = "award"  # attendance at an activity
    PATROL = "patrol"  # a rostered patrol, by rule
    REVERSAL = "reversal"  # a correction of an award or a patrol stamp
    REDEMPTION = "redemption"  # stamps spent on a reward
    REFUND = "refund"  # a redemption corrected: the stamps come back, the piece goes back to stock


class Place(StrEnum):
    """Where a ledger line was written."""

    DESK = "desk"
    KIOSK = "kiosk"
    PATROL_RULE = "patrol rule"


PASSPORT_STATUSES = tuple(PassportStatus)
ACTIVITY_KINDS = tuple(ActivityKind)
ENTRY_KINDS = tuple(EntryKind)
# What honours count: awards and patrol stamps less their corrections (spending never takes an honour away).
EARNED_KINDS = (EntryKind.AWARD, EntryKind.PATROL, EntryKind.REVERSAL)


class Passport(SQLModel, table=True):
    __tablename__ = "passport"
    __table_args__ = (
        Index("ix_passport_resident", "resident_id", "status"),
        Index("ix_passport_status_station", "status", "station_id"),  # the desk's count of active passports
    )

    id: int | None = Field(default=None, primary_key=True)
    resident_id: int = Field(foreign_key="resident.id")
    station_id: int | None = Field(default=None, foreign_key="station.id")
    number: str = Field(max_length=16, unique=True)
    status: str = Field(default=PassportStatus.ACTIVE, max_length=10, description="PassportStatus")
    issued_on: date
    replaces_id: int | None = Field(default=None, foreign_key="passport.id")
    voided_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    void_reason: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class ActivityBase(SQLModel):
    name: str = Field(max_length=60)
    category: str = Field(default="", max_length=30)
    kind: str = Field(default=ActivityKind.ONCE, max_length=10, description="ActivityKind")
    start_date: date
    end_date: date | None = Field(default=None, description="last day of a recurring activity")
    weekdays: str = Field(default="", max_length=7, description="weekly: ISO weekdays 1–7, e.g. '135'")
    stamps: int = Field(default=1, description="stamps for one attendance")
    max_visits: int | None = Field(default=None, description="attendances one person may be stamped for in all")
    capacity: int | None = Field(default=None, description="places per occurrence")
    organiser: str = Field(default="", max_length=50)


class ActivityCreate(ActivityBase):
    pass


class Activity(ActivityBase, table=True):
    __tablename__ = "passport_activity"
    __table_args__ = (Index("ix_passport_activity_dates", "active", "start_date", "end_date"),)

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    active: bool = Field(default=True)
    version: int = Field(default=1, description="bumped by every change; a save over a newer version is refused")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class ActivitySignup(SQLModel, table=True):
    __tablename__ = "passport_signup"
    __table_args__ = (UniqueConstraint("activity_id", "on_date", "resident_id", name="uq_passport_signup"),)

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="passport_activity.id")
    resident_id: int = Field(foreign_key="resident.id", index=True)
    on_date: date
    created_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class StampEntry(SQLModel, table=True):
    """One line of the append-only stamp ledger. Never updated, never deleted."""

    __tablename__ = "passport_stamp"
    __table_args__ = (
        # The same resident cannot be stamped twice for one activity on one day, whichever process
        # or passport (old or new card) tries: the database refuses the second row.
        UniqueConstraint("resident_id", "activity_id", "occurred_on", "kind", name="uq_passport_stamp_once"),
        Index("ix_passport_stamp_resident", "resident_id", "kind", "stamps"),
        Index("ix_passport_stamp_activity", "activity_id", "occurred_on"),
        # Every read by day names the kinds it wants (earned today, redeemed in a period): kind first, so a
        # year's redemptions are a few index entries, not a scan of a million awards (issue 21).
        Index("ix_passport_stamp_kind_day", "kind", "occurred_on", "resident_id", "stamps"),
    )

    id: int | None = Field(default=None, primary_key=True)
    resident_id: int = Field(foreign_key="resident.id")
    passport_id: int | None = Field(default=None, foreign_key="passport.id", description="card shown, if any")
    activity_id: int | None = Field(default=None, foreign_key="passport_activity.id")
    occurred_on: date
    month: str = Field(max_length=7, description="YYYY-MM of occurred_on")
    kind: str = Field(max_length=12, description="EntryKind")
    stamps: int = Field(description="positive: earned; negative: reversed or spent")
    reason: str = Field(default="", max_length=200)
    reverses_id: int | None = Field(default=None, foreign_key="passport_stamp.id", unique=True)
    redemption_id: int | None = Field(default=None, foreign_key="passport_redemption.id")
    source_ref: str | None = Field(default=None, max_length=80, unique=True, description="e.g. rosters.checkin:12")
    actor_id: int | None = Field(default=None, foreign_key="staff_user.id")
    actor_name: str = Field(default="", max_length=50)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    place: str = Field(default=Place.DESK, max_length=20, description="Place")
    at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class MonthTotal(SQLModel, table=True):
    """Earned stamps of one resident in one month; kept in step with the ledger in the same transaction."""

    __tablename__ = "passport_month_total"
    __table_args__ = (Index("ix_passport_month_rank", "month", "earned", "resident_id"),)

    resident_id: int = Field(foreign_key="resident.id", primary_key=True)
    month: str = Field(max_length=7, primary_key=True)
    earned: int = Field(default=0)


class HonourLevel(SQLModel, table=True):
    """The honours ladder as data: reaching ``threshold`` earned stamps gives the level."""

    __tablename__ = "passport_honour_level"

    id: int | None = Field(default=None, primary_key=True)
    threshold: int = Field(unique=True)
    name: str = Field(max_length=30)


class HonourAward(SQLModel, table=True):
    __tablename__ = "passport_honour"
    __table_args__ = (
        UniqueConstraint("resident_id", "level_id", name="uq_passport_honour"),
        # Honours waiting for a certificate, counted at every visit of the desk (from the index alone).
        Index("ix_passport_honour_waiting", "certificate_ref", "resident_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    resident_id: int = Field(foreign_key="resident.id", index=True)
    level_id: int = Field(foreign_key="passport_honour_level.id")
    name: str = Field(max_length=30)
    threshold: int
    reached_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    certificate_ref: str = Field(default="", max_length=80, description="certificate queued, if any")


class RewardBase(SQLModel):
    name: str = Field(max_length=60)
    cost: int = Field(description="stamps one piece costs")
    stock: int = Field(default=0)
    notes: str = Field(default="", max_length=200)


class RewardCreate(RewardBase):
    pass


class Reward(RewardBase, table=True):
    __tablename__ = "passport_reward"

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    active: bool = Field(default=True)
    version: int = Field(default=1, description="bumped by every change; a save over a newer version is refused")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class Redemption(SQLModel, table=True):
    __tablename__ = "passport_redemption"

    id: int | None = Field(default=None, primary_key=True)
    reward_id: int = Field(foreign_key="passport_reward.id", index=True)
    resident_id: int = Field(foreign_key="resident.id", index=True)
    stamps: int
    actor_id: int | None = Field(default=None, foreign_key="staff_user.id")
    at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class WallPreference(SQLModel, table=True):
    """A resident's choice about the smile wall (no row: shown, masked name and initial only)."""

    __tablename__ = "passport_wall_pref"

    resident_id: int = Field(foreign_key="resident.id", primary_key=True)
    opt_out: bool = Field(default=True)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    changed_by: int | None = Field(default=None, foreign_key="staff_user.id")
    changed_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
