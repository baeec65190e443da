"""Walk-in desk tables: categories (reference data), service records, their append-only events, day figures."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime

# The closed loop (受理 → 派单 → 处置 → 反馈 → 回访 → 办结).
RECEIVED = "received"
DISPATCHED = "dispatched"
IN_PROGRESS = "in_progress"
RESOLVED = "resolved"
FOLLOWED_UP = "followed_up"
CLOSED = "closed"
STATUSES = (RECEIVED, DISPATCHED, IN_PROGRESS, RESOLVED, FOLLOWED_UP, CLOSED)
OPEN_STATUSES = (RECEIVED, DISPATCHED, IN_PROGRESS, RESOLVED, FOLLOWED_UP)

CHANNELS = ("walk_in", "phone", "patrol", "online", "other")
SATISFACTION = ("satisfied", "basically_satisfied", "dissatisfied")
CONTACT_METHODS = ("phone", "visit", "in_person", "message")


class DeskCategory(SQLModel, table=True):
    """Editable reference data: what a visit is about, its deadline and whether it is settled on the spot."""

    __tablename__ = "desk_category"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=30, unique=True, description="stable English code, e.g. consultation")
    name: str = Field(max_length=50, description="English source name of a seeded category, or the station's own name")
    deadline_workdays: int = Field(default=10, description="working days from receipt to closing")
    on_the_spot: bool = Field(default=False, description="settled at the desk: saved as closed at once")
    active: bool = Field(default=True)
    position: int = Field(default=0, description="order on the desk page; number keys follow it")


class ServiceRecord(SQLModel, table=True):
    """One walk-in or request at the desk (来访登记 / 服务记录) and where it stands in the loop."""

    __tablename__ = "service_record"
    __table_args__ = (
        Index("ix_service_record_received", "received_at", "id"),
        Index("ix_service_record_status_due", "status", "due_at", "id"),
        Index("ix_service_record_resident", "resident_id", "received_at"),
        Index("ix_service_record_repeat_of", "repeat_of_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    resident_id: int | None = Field(default=None, foreign_key="resident.id")
    walk_in_name: str = Field(default="", max_length=50)
    walk_in_phone: str = Field(default="", max_length=20)
    category_id: int = Field(foreign_key="desk_category.id")
    channel: str = Field(default="walk_in", max_length=20)
    summary: str = Field(max_length=200)
    details: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    status: str = Field(default=RECEIVED, max_length=20)
    received_by: int | None = Field(default=None, foreign_key="staff_user.id")
    received_at: datetime = Field(sa_type=AwareDateTime)
    due_at: datetime = Field(sa_type=AwareDateTime)
    assignee: str = Field(default="", max_length=100, description="staff member, grid worker or outside unit")
    resolved_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    satisfaction: str = Field(default="", max_length=20, description="latest follow-up rating")
    escalated_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    repeat_of_id: int | None = Field(default=None, foreign_key="service_record.id")
    updated_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


class ServiceEvent(SQLModel, table=True):
    """One step of a record's loop: append-only (who, when, what, note)."""

    __tablename__ = "service_event"
    __table_args__ = (Index("ix_service_event_record", "record_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="service_record.id")
    at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    actor_id: int | None = Field(default=None, foreign_key="staff_user.id")
    actor_name: str = Field(default="", max_length=50)
    kind: str = Field(max_length=20)
    from_status: str = Field(default="", max_length=20)
    to_status: str = Field(default="", max_length=20)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    assignee: str = Field(default="", max_length=100)
    satisfaction: str = Field(default="", max_length=20)
    contact_method: str = Field(default="", max_length=20)


class DeskDayFigure(SQLModel, table=True):
    """Figures of the records *received* on one local day in one category, kept by the service.

    Each record adds 1 to ``received`` of its receipt day and 0/1 to the other counters according to
    its current state; every change of state moves its contribution in the same transaction.
    """

    __tablename__ = "desk_day_figure"
    __table_args__ = (
        UniqueConstraint("day", "station_id", "category_id", name="uq_desk_day_figure"),
        # covering index: a period's figures are read from the index alone (bench/desk.py)
        Index("ix_desk_day_figure_cover", "day", "station_id", "category_id", "received", "closed", "closed_on_time",
              "followed_up", "satisfied"),
    )

    id: int | None = Field(default=None, primary_key=True)
    day: date
    station_id: int = Field(default=0, description="0 when the record has no station")
    category_id: int
    received: int = Field(default=0)
    closed: int = Field(default=0)
    closed_on_time: int = Field(default=0)
    followed_up: int = Field(default=0)
    satisfied: int = Field(default=0)
