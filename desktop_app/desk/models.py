"""Walk-in desk tables: categories (reference data), service records, their append-only events, day figures;
the states and choices they hold (StrEnums) and their labels."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from desktop_app.core.audit_subjects import personal_entity
from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

# A record's audit snapshots hold the walk-in's name and phone: encrypted with the record's own key, which an
# erasure destroys (core.audit_subjects; desk.privacy).
personal_entity("service_record")


class Status(StrEnum):
    """Where a record stands in the closed loop (受理 → 派单 → 处置 → 反馈 → 回访 → 办结)."""

    RECEIVED = "received"
    DISPATCHED = "dispatched"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"


OPEN_STATUSES = tuple(s for s in Status if s is not Status.CLOSED)


class Step(StrEnum):
    """What a person does to a record next (the loop's steps; escalating leaves the status as it is)."""

    DISPATCH = "dispatch"
    START = "start"
    RESOLVE = "resolve"
    FOLLOW_UP = "follow_up"
    CLOSE = "close"
    ESCALATE = "escalate"


class EventKind(StrEnum):
    """One entry of a record's timeline."""

    RECEIVED = "received"
    SETTLED = "settled"
    DISPATCHED = "dispatched"
    STARTED = "started"
    RESOLVED = "resolved"
    FOLLOWED_UP = "followed_up"
    REOPENED = "reopened"
    CLOSED = "closed"
    ESCALATED = "escalated"
    LINKED = "linked"
    RESIDENT_LINKED = "resident_linked"


class Channel(StrEnum):
    WALK_IN = "walk_in"
    PHONE = "phone"
    PATROL = "patrol"
    ONLINE = "online"
    OTHER = "other"


class Satisfaction(StrEnum):
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


SATISFIED = (Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED)  # what the satisfaction rate counts


class ContactMethod(StrEnum):
    PHONE = "phone"
    VISIT = "visit"
    IN_PERSON = "in_person"
    MESSAGE = "message"


class DeadlineState(StrEnum):
    """How a record stands against its deadline (the list's colours)."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"  # due today or on the next working day
    OPEN = "open"
    DONE = "done"


STATUS_LABELS: dict[str, str] = {
    Status.RECEIVED: QT_TRANSLATE_NOOP("DeskStatus", "received"),
    Status.DISPATCHED: QT_TRANSLATE_NOOP("DeskStatus", "dispatched"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("DeskStatus", "in progress"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("DeskStatus", "resolved"),
    Status.FOLLOWED_UP: QT_TRANSLATE_NOOP("DeskStatus", "followed up"),
    Status.CLOSED: QT_TRANSLATE_NOOP("DeskStatus", "closed"),
}
CHANNEL_LABELS = {
    Channel.WALK_IN: QT_TRANSLATE_NOOP("DeskChannel", "walk-in"),
    Channel.PHONE: QT_TRANSLATE_NOOP("DeskChannel", "phone"),
    Channel.PATROL: QT_TRANSLATE_NOOP("DeskChannel", "patrol finding"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("DeskChannel", "online"),
    Channel.OTHER: QT_TRANSLATE_NOOP("DeskChannel", "other"),
}
SATISFACTION_LABELS = {
    Satisfaction.SATISFIED: QT_TRANSLATE_NOOP("DeskSatisfaction", "satisfied"),
    Satisfaction.BASICALLY_SATISFIED: QT_TRANSLATE_NOOP("DeskSatisfaction", "basically satisfied"),
    Satisfaction.DISSATISFIED: QT_TRANSLATE_NOOP("DeskSatisfaction", "dissatisfied"),
}
CONTACT_LABELS = {
    ContactMethod.PHONE: QT_TRANSLATE_NOOP("DeskContact", "phone call"),
    ContactMethod.VISIT: QT_TRANSLATE_NOOP("DeskContact", "home visit"),
    ContactMethod.IN_PERSON: QT_TRANSLATE_NOOP("DeskContact", "at the desk"),
    ContactMethod.MESSAGE: QT_TRANSLATE_NOOP("DeskContact", "text message"),
}
EVENT_LABELS = {
    EventKind.RECEIVED: QT_TRANSLATE_NOOP("DeskEvent", "received"),
    EventKind.SETTLED: QT_TRANSLATE_NOOP("DeskEvent", "settled on the spot"),
    EventKind.DISPATCHED: QT_TRANSLATE_NOOP("DeskEvent", "dispatched"),
    EventKind.STARTED: QT_TRANSLATE_NOOP("DeskEvent", "handling started"),
    EventKind.RESOLVED: QT_TRANSLATE_NOOP("DeskEvent", "resolved"),
    EventKind.FOLLOWED_UP: QT_TRANSLATE_NOOP("DeskEvent", "followed up"),
    EventKind.REOPENED: QT_TRANSLATE_NOOP("DeskEvent", "reopened (dissatisfied)"),
    EventKind.CLOSED: QT_TRANSLATE_NOOP("DeskEvent", "closed"),
    EventKind.ESCALATED: QT_TRANSLATE_NOOP("DeskEvent", "escalated"),
    EventKind.LINKED: QT_TRANSLATE_NOOP("DeskEvent", "linked as a repeat"),
    EventKind.RESIDENT_LINKED: QT_TRANSLATE_NOOP("DeskEvent", "linked to resident"),
}
STEP_LABELS: dict[str, str] = {  # verbs, as in "you cannot {action} it"
    Step.DISPATCH: QT_TRANSLATE_NOOP("DeskAction", "dispatch"),
    Step.START: QT_TRANSLATE_NOOP("DeskAction", "start handling"),
    Step.RESOLVE: QT_TRANSLATE_NOOP("DeskAction", "resolve"),
    Step.FOLLOW_UP: QT_TRANSLATE_NOOP("DeskAction", "follow up"),
    Step.CLOSE: QT_TRANSLATE_NOOP("DeskAction", "close"),
    Step.ESCALATE: QT_TRANSLATE_NOOP("DeskAction", "escalate"),
}

def _version():
    return Field(default=1, sa_column_kwargs={"server_default": text("1")},
                 description="1 on insert, one more on every change (core.records: no lost edits)")


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
    version: int = _version()


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
    channel: str = Field(default=Channel.WALK_IN, max_length=20)
    summary: str = Field(max_length=200)
    details: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    status: str = Field(default=Status.RECEIVED, max_length=20)
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
    version: int = _version()


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
