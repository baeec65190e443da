"""Reading desk records: the desk's lists (today, open by deadline, newest first from a date) with keyset
paging, one record's row and timeline, a person's earlier and open records. Rows are tuples of the listed
columns, read straight from the cursor (the desk list's hot path: bench/desk.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import String, bindparam, tuple_, type_coerce
from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor, require
from desktop_app.core.db import AwareDateTime, station_scope
from desktop_app.core.errors import NotFound
from desktop_app.core.periods import Period
from desktop_app.core.validation import mask_phone
from desktop_app.desk.models import OPEN_STATUSES, ServiceEvent, ServiceRecord, Status
from desktop_app.desk.permissions import VIEW_VISITS
from desktop_app.desk.visits import GONE, _load
from desktop_app.residents import Resident

_R = ServiceRecord


# Datetimes are read as text and parsed only when a cell needs them: the desk list's hot path (bench/desk.py).
_ROW_COLUMNS = (
    _R.id, type_coerce(_R.received_at, String), type_coerce(_R.due_at, String), _R.status, _R.category_id, _R.channel,
    _R.summary, _R.resident_id, Resident.name, _R.walk_in_name, _R.walk_in_phone, _R.assignee,
    type_coerce(_R.closed_at, String), _R.satisfaction, type_coerce(_R.escalated_at, String), _R.repeat_of_id,
    _R.version,
)


def _dt(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _field(i: int, convert=None):
    if convert is None:
        return property(lambda self: tuple.__getitem__(self, i))
    return property(lambda self: convert(tuple.__getitem__(self, i)))


class RecordRow(tuple):
    """One row of a desk list (a tuple of the selected columns; datetimes parsed when read, phone masked)."""

    __slots__ = ()

    id: int = _field(0)
    received_at: datetime = _field(1, _dt)
    due_at: datetime = _field(2, _dt)
    status: str = _field(3)
    category_id: int = _field(4)
    channel: str = _field(5)
    summary: str = _field(6)
    resident_id: int | None = _field(7)
    assignee: str = _field(11)
    closed_at: datetime | None = _field(12, _dt)
    satisfaction: str = _field(13)
    escalated_at: datetime | None = _field(14, _dt)
    repeat_of_id: int | None = _field(15)
    version: int = _field(16)  # what a step dialog passes back as expected_version

    @property
    def walk_in(self) -> bool:
        return self[7] is None

    @property
    def person(self) -> str:
        return (self[9] if self[7] is None else self[8]) or ""

    @property
    def phone_masked(self) -> str:
        return mask_phone(self[10])

    @property
    def is_open(self) -> bool:
        return self[3] != Status.CLOSED

    def __repr__(self) -> str:
        return f"RecordRow(id={self.id}, status={self.status!r}, summary={self.summary!r})"


def _rows(result) -> list[RecordRow]:
    new = tuple.__new__
    return [new(RecordRow, r) for r in result.fetchall()]


def _rows_query():
    return select(*_ROW_COLUMNS).select_from(_R).outerjoin(Resident, Resident.id == _R.resident_id)


def _newest_first(q):
    return q.order_by(_R.received_at.desc(), _R.id.desc()).limit(bindparam("limit"))


def _scoped(q, actor: Actor):
    """Only the actor's station's records (docs/postgres.md §5): staff see their station, an actor
    without one (sub-district administrator, system) sees every station."""
    return station_scope(q, _R.station_id, actor)


def _page_statements(by_station: bool) -> tuple:
    base = _rows_query().where(_R.station_id == bindparam("station")) if by_station else _rows_query()
    return (
        _newest_first(base),
        _newest_first(base.where(_R.received_at < bindparam("until", type_=AwareDateTime))),
        _newest_first(base.where(
            tuple_(_R.received_at, _R.id) < tuple_(bindparam("at", type_=AwareDateTime), bindparam("after_id"))
        )),
    )


# The desk list's three statements, built once (building a select costs more than running it on the index),
# for every station and for one station.
_PAGES = {False: _page_statements(False), True: _page_statements(True)}


def list_page(s: Session, *, actor: Actor, before: tuple[datetime, int] | None = None, limit: int = 200,
              until_day: date | None = None) -> list[RecordRow]:
    """Records newest first, ``limit`` at a time after the keyset ``before`` = (received_at, id).

    ``until_day`` jumps to a date: the first page holds the records received that day and earlier.
    Uses the (received_at, id) index; no OFFSET.
    """
    require(actor, VIEW_VISITS)
    first, until, after = _PAGES[actor.station_id is not None]
    if before is not None:
        q, params = after, {"at": before[0], "after_id": before[1], "limit": limit}
    elif until_day is not None:
        q, params = until, {"until": Period.day(until_day).utc_bounds()[1], "limit": limit}
    else:
        q, params = first, {"limit": limit}
    if actor.station_id is not None:
        params["station"] = actor.station_id
    return _rows(s.connection().execute(q, params))


def list_day(s: Session, *, actor: Actor, day: date) -> list[RecordRow]:
    """Every record received on one local day, newest first (the desk's "today" list)."""
    require(actor, VIEW_VISITS)
    start, end = Period.day(day).utc_bounds()
    q = _scoped(_rows_query(), actor).where(_R.received_at >= start, _R.received_at < end).order_by(col(_R.received_at).desc(), col(_R.id).desc())
    return _rows(s.connection().execute(q))


def list_open(s: Session, *, actor: Actor, after: tuple[datetime, int] | None = None, limit: int = 200,
              overdue_at: datetime | None = None) -> list[RecordRow]:
    """Open records by deadline, earliest first; with ``overdue_at`` only those past due then (督办 list)."""
    require(actor, VIEW_VISITS)
    q = _scoped(_rows_query(), actor).where(col(_R.status).in_(OPEN_STATUSES))
    if overdue_at is not None:
        q = q.where(_R.due_at < overdue_at.astimezone(UTC))
    if after is not None:
        q = q.where(tuple_(_R.due_at, _R.id) > tuple_(after[0].astimezone(UTC), after[1]))
    q = q.order_by(_R.due_at, _R.id).limit(limit)
    return _rows(s.connection().execute(q))


def get_row(s: Session, *, actor: Actor, record_id: int) -> RecordRow:
    require(actor, VIEW_VISITS)
    t = s.connection().execute(_scoped(_rows_query(), actor).where(_R.id == record_id)).first()
    if t is None:
        raise NotFound(GONE, id=record_id)
    return tuple.__new__(RecordRow, t)


def get_record(s: Session, *, actor: Actor, record_id: int) -> ServiceRecord:
    require(actor, VIEW_VISITS)
    return _load(s, record_id, actor)


def timeline(s: Session, *, actor: Actor, record_id: int) -> list[ServiceEvent]:
    """The record's events, oldest first (append-only: nothing here is ever edited)."""
    require(actor, VIEW_VISITS)
    _load(s, record_id, actor)
    return list(s.exec(select(ServiceEvent).where(ServiceEvent.record_id == record_id).order_by(col(ServiceEvent.id))))


def repeat_candidates(s: Session, *, actor: Actor, record_id: int, days: int = 365, limit: int = 20) -> list[RecordRow]:
    """Earlier records of the same person (resident, or walk-in phone/name), newest first, to link a repeat."""
    require(actor, VIEW_VISITS)
    rec = _load(s, record_id, actor)
    q = _scoped(_rows_query(), actor).where(_R.id != rec.id, _R.received_at <= rec.received_at,
                            _R.received_at >= rec.received_at - timedelta(days=days))
    if rec.resident_id is not None:
        q = q.where(_R.resident_id == rec.resident_id)
    elif rec.walk_in_phone:
        q = q.where(col(_R.resident_id).is_(None), _R.walk_in_phone == rec.walk_in_phone)
    else:
        q = q.where(col(_R.resident_id).is_(None), _R.walk_in_name == rec.walk_in_name)
    q = q.order_by(col(_R.received_at).desc(), col(_R.id).desc()).limit(limit)
    return _rows(s.connection().execute(q))


def open_requests_of(s: Session, *, actor: Actor, resident_id: int, limit: int = 5) -> list[RecordRow]:
    """A resident's open records (the page shows them when the resident is picked: a likely repeat)."""
    require(actor, VIEW_VISITS)
    q = _scoped(_rows_query(), actor).where(_R.resident_id == resident_id, col(_R.status).in_(OPEN_STATUSES)).order_by(
        col(_R.received_at).desc(), col(_R.id).desc()
    ).limit(limit)
    return _rows(s.connection().execute(q))
