"""Day figures: the desk's counts by the local day a record was *received*, kept in desk_day_figure in the same
transaction as every change (``_bump``), and read by category for a period::

  received   records received in the period;
  closed     of those, the ones now closed;
  on time    of the closed ones, those closed no later than their deadline (due_at);
  satisfaction  of those followed up, the share whose latest rating is satisfied or basically satisfied.

(The dashboard's and reports' read-only counts live in desk/figures.py.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, Insert, Integer, and_, bindparam, delete, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import Station
from desktop_app.core.periods import Period
from desktop_app.core.records import pk, table_of
from desktop_app.desk.models import SATISFIED, DeskDayFigure, ServiceRecord, Status
from desktop_app.desk.permissions import MANAGE_CATEGORIES, VIEW_FIGURES

F_PERIOD = QT_TRANSLATE_NOOP("Fields", "Period")
_R = ServiceRecord


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _contribution(rec: ServiceRecord) -> tuple[int, int, int, int]:
    """(closed, closed on time, followed up, satisfied) this record adds to its receipt day."""
    closed = rec.status == Status.CLOSED
    on_time = closed and rec.closed_at is not None and rec.closed_at <= rec.due_at
    followed = rec.satisfaction != ""
    satisfied = rec.satisfaction in SATISFIED
    return int(closed), int(on_time), int(followed), int(satisfied)


def _bump(s: Session, rec: ServiceRecord, *, received: int, delta: Iterable[int]) -> None:
    """Add the record's change to its receipt day's figures with one upsert that increments in the database:
    exact when two desks of a station change records of the same day at once (the first record of a day on
    two PCs both inserting the row, or both adding to it from what they had read)."""
    closed, on_time, followed, satisfied = delta
    if not (received or closed or on_time or followed or satisfied):
        return
    values = {"day": local_day(rec.received_at), "station_id": rec.station_id or 0, "category_id": rec.category_id,
              "received": received, "closed": closed, "closed_on_time": on_time, "followed_up": followed,
              "satisfied": satisfied}
    s.flush()  # the record's own changes first (the figures row is never loaded as an object)
    s.connection().execute(_upsert(s.get_bind().dialect.name), values)


_COUNTERS = ("received", "closed", "closed_on_time", "followed_up", "satisfied")
_UPSERTS: dict[str, Insert] = {}
_KEY = ["day", "station_id", "category_id"]


def _upsert(dialect: str) -> Insert:
    stmt = _UPSERTS.get(dialect)
    if stmt is None:
        from sqlalchemy.dialects import postgresql, sqlite

        table = table_of(DeskDayFigure)
        if dialect == "postgresql":
            pg = postgresql.insert(table)
            stmt = pg.on_conflict_do_update(index_elements=_KEY, set_={c: table.c[c] + getattr(pg.excluded, c) for c in _COUNTERS})
        else:
            lite = sqlite.insert(table)
            stmt = lite.on_conflict_do_update(index_elements=_KEY, set_={c: table.c[c] + getattr(lite.excluded, c) for c in _COUNTERS})
        _UPSERTS[dialect] = stmt
    return stmt


@dataclass(frozen=True)
class FigureRow:
    category_id: int | None  # None: the total line
    received: int
    closed: int
    closed_on_time: int
    followed_up: int
    satisfied: int

    @property
    def open(self) -> int:
        return self.received - self.closed

    @property
    def on_time_rate(self) -> float | None:
        """按时办结率: closed by the deadline ÷ closed (None when nothing was closed)."""
        return self.closed_on_time / self.closed if self.closed else None

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: (satisfied + basically satisfied) ÷ followed up (latest rating of each record)."""
        return self.satisfied / self.followed_up if self.followed_up else None


FIGURE_DEFINITIONS = QT_TRANSLATE_NOOP(
    "Desk",
    "Received: records received in the period (by the day they were received). "
    "Closed: of those, the ones now closed. "
    "On-time rate: of the closed ones, the share closed no later than their deadline. "
    "Satisfaction: of those followed up, the share whose latest rating is satisfied or basically satisfied. "
    "Records settled on the spot count as received, closed and on time, but not as followed up.",
)


def _check_period(start: date, end: date) -> None:
    if start > end:
        raise ValidationError(
            F_PERIOD, QT_TRANSLATE_NOOP("Errors", "starts on {start}, after it ends ({end}); swap the dates."),
            start=start.isoformat(), end=end.isoformat(),
        )


def _figure_rows(raw) -> list[FigureRow]:
    rows = [FigureRow(c, int(r or 0), int(cl or 0), int(ot or 0), int(fu or 0), int(sa or 0))
            for c, r, cl, ot, fu, sa in sorted(raw, key=lambda row: row[0])]  # by category
    total = FigureRow(None, *(sum(getattr(r, f) for r in rows) for f in
                              ("received", "closed", "closed_on_time", "followed_up", "satisfied")))
    return [*rows, total]


def category_figures(s: Session, *, actor: Actor, start: date, end: date, station_id: int | None = None) -> list[FigureRow]:
    """受理 / 办结 / 按时办结 / 回访 / 满意 by category for records received from ``start`` to ``end``
    (local days, both included), then a total row. Reads the day figures kept with every change.

    Staff get their own station's figures whatever ``station_id`` says; an actor without a station
    (sub-district administrator) gets the station asked for, or with ``None`` the sum of all stations."""
    require(actor, VIEW_FIGURES)
    _check_period(start, end)
    station_id = figure_station(actor, station_id)
    period = Period.inclusive(start, end)
    if station_id is None:
        return _figure_rows(s.connection().execute(_FIGURES_ALL, {"start": period.start, "end": period.end}))
    return _figure_rows(s.connection().execute(_FIGURES_STATION, {"start": period.start, "end": period.end,
                                                                 "station": station_id}))


def figure_station(actor: Actor, station_id: int | None) -> int | None:
    """The station figures are counted for: staff their own, a sub-district administrator any (None: all)."""
    return actor.station_id if actor.station_id is not None else station_id


def _figures_statement(by_station: bool):
    D = DeskDayFigure
    q = sa_select(col(D.category_id), func.sum(D.received), func.sum(D.closed), func.sum(D.closed_on_time),
                  func.sum(D.followed_up), func.sum(D.satisfied)).where(
        col(D.day) >= bindparam("start", type_=Date), col(D.day) < bindparam("end", type_=Date))  # Period: end excluded
    if by_station:
        q = q.where(col(D.station_id) == bindparam("station"))
    return q.group_by(col(D.category_id))


_FIGURES_ALL = _figures_statement(False)


_FIGURES_STATION = _figures_statement(True)


def category_figures_from_records(s: Session, *, actor: Actor, start: date, end: date,
                                  station_id: int | None = None) -> list[FigureRow]:
    """The same figures counted straight from the records (slow on big data; checks the day figures)."""
    require(actor, VIEW_FIGURES)
    _check_period(start, end)
    station_id = figure_station(actor, station_id)
    lo, hi = Period.inclusive(start, end).utc_bounds()
    closed = col(_R.status) == Status.CLOSED
    q = sa_select(
        col(_R.category_id), func.count(),
        func.sum(closed.cast(Integer())),
        func.sum(and_(closed, col(_R.closed_at) <= _R.due_at).cast(Integer())),
        func.sum((col(_R.satisfaction) != "").cast(Integer())),
        func.sum(col(_R.satisfaction).in_(SATISFIED).cast(Integer())),
    ).where(col(_R.received_at) >= lo, col(_R.received_at) < hi)
    if station_id:
        q = q.where(col(_R.station_id) == station_id)
    elif station_id == 0:
        q = q.where(col(_R.station_id).is_(None))
    q = q.group_by(col(_R.category_id))
    return _figure_rows(s.connection().execute(q))


def rebuild_day_figures(s: Session, *, actor: Actor) -> int:
    """Recount desk_day_figure from the records (after an import or a restore). Returns rows written."""
    require(actor, MANAGE_CATEGORIES)
    s.exec(delete(DeskDayFigure))
    acc: dict[tuple[date, int, int], list[int]] = {}
    last = 0
    while True:
        batch = list(s.exec(select(ServiceRecord).where(col(ServiceRecord.id) > last).order_by(col(ServiceRecord.id)).limit(5000)))
        if not batch:
            break
        for rec in batch:
            key = (local_day(rec.received_at), rec.station_id or 0, rec.category_id)
            c = acc.setdefault(key, [0, 0, 0, 0, 0])
            c[0] += 1
            for i, v in enumerate(_contribution(rec), start=1):
                c[i] += v
        last = pk(batch[-1].id)
        s.expunge_all()
    for (day, station, cat), c in acc.items():
        s.add(DeskDayFigure(day=day, station_id=station, category_id=cat, received=c[0], closed=c[1],
                            closed_on_time=c[2], followed_up=c[3], satisfied=c[4]))
    s.flush()
    audit.record(s, actor=actor, action="rebuild", entity="desk_day_figure", after={"rows": len(acc)})
    return len(acc)


def stations(s: Session, *, actor: Actor | None = None) -> list[tuple[int, str]]:
    """Stations for the figures' selector: a staff member's own only; every station for one without."""
    q = select(Station).order_by(col(Station.id))
    if actor is not None and actor.station_id is not None:
        q = q.where(Station.id == actor.station_id)
    return [(pk(st.id), st.name) for st in s.exec(q)]
