"""Tables of the foundation: stations, staff accounts, the audit log, shared settings, the work calendar."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime


class Station(SQLModel, table=True):
    __tablename__ = "station"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    code: str = Field(default="SQK", max_length=10, description="short code used in certificate numbers")
    sub_district: str = Field(default="", max_length=100)
    address: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    version: int = Field(default=1)  # the station's details as a settings dialog loaded them (core.records)


class StaffUser(SQLModel, table=True):
    __tablename__ = "staff_user"

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id", index=True)
    username: str = Field(max_length=50, unique=True)
    display_name: str = Field(max_length=50)
    role: str = Field(max_length=20)
    password_hash: str = Field(max_length=200)
    active: bool = Field(default=True)
    failed_attempts: int = Field(default=0)
    locked_until: datetime | None = Field(default=None, sa_type=AwareDateTime)
    last_login_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    # Set for a password others know (the demo's admin/admin12345): every use case refuses until it is changed.
    must_change_password: bool = Field(default=False)


class AuditEntry(SQLModel, table=True):
    """Append-only (database triggers refuse UPDATE and DELETE), one hash chain per station (core.audit).

    ``chain`` is the station's id (0: entries of no station — the sub-district administrator, the system);
    ``seq`` counts the chain's entries from 1. ``scheme`` 1: the first edition's single unkeyed SHA-256 chain
    (ordered by id, ``seq`` empty); 2: HMAC-SHA256 with the audit key ``key_id`` kept outside the database.
    ``subject`` names whose personal data ``before``/``after`` hold, encrypted with that person's key."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("uq_audit_chain_seq", "chain", "seq", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime, index=True)
    actor_id: int | None = Field(default=None)
    actor_name: str = Field(default="", max_length=50)
    station_id: int | None = Field(default=None)
    action: str = Field(max_length=30)
    entity: str = Field(max_length=50)
    entity_id: str = Field(default="", max_length=50)
    before: str | None = Field(default=None, sa_column=Column(Text))
    after: str | None = Field(default=None, sa_column=Column(Text))
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(max_length=64)
    chain: int = Field(default=0)
    seq: int | None = Field(default=None)
    scheme: int = Field(default=1)
    key_id: str = Field(default="", max_length=16)
    subject: str = Field(default="", max_length=60)


class AuditMeta(SQLModel, table=True):
    """Facts about the audit log itself: the database's identity (``database_id``, in every keyed hash, so
    the per-PC anchors and backup manifests can be matched to it)."""

    __tablename__ = "audit_meta"

    name: str = Field(primary_key=True, max_length=40)
    value: str = Field(default="", max_length=200)


class AuditSubjectKey(SQLModel, table=True):
    """One key per person whose data audit snapshots hold (AES-256-GCM). An erasure destroys the key: the
    snapshots become unreadable while the chain, which hashes the ciphertext, still verifies."""

    __tablename__ = "audit_subject_key"

    subject: str = Field(primary_key=True, max_length=60)
    station_id: int | None = Field(default=None)
    key: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    erased_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class StationSetting(SQLModel, table=True):
    """Settings the whole station shares (per-machine ones live in QSettings)."""

    __tablename__ = "station_setting"
    __table_args__ = (UniqueConstraint("station_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    key: str = Field(max_length=80)
    value: str = Field(default="", sa_column=Column(Text, nullable=False))


class CalendarDay(SQLModel, table=True):
    """A statutory holiday (day off) or an adjusted workday (调休 working weekend day)."""

    __tablename__ = "calendar_day"

    day: date = Field(primary_key=True)
    kind: str = Field(max_length=10, description="holiday | workday")
    name: str = Field(default="", max_length=50)
    source: str = Field(default="chinese_calendar", max_length=30)


class CalendarYear(SQLModel, table=True):
    """A year whose holidays are entered in full (the State Council's notice, a chinese-calendar release,
    the reference data, or days the station confirmed complete). Dates in a year without a row count
    Monday–Friday only, and every page that computes one says so (core.workdays.calendar_gap)."""

    __tablename__ = "calendar_year"

    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    source: str = Field(default="reference", max_length=30, description="reference | notice | chinese_calendar | station")
    entered_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    entered_by: int | None = Field(default=None)
