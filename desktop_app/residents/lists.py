"""Browsing residents: one page at a time in pinyin order (keyset paging), filters, counts; rows masked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, text, tuple_
from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.records import pk
from desktop_app.core.validation import mask_id_number, mask_phone
from desktop_app.residents.models import TAGS, Resident
from desktop_app.residents.permissions import VIEW_RESIDENTS


@dataclass(frozen=True)
class ResidentRow:
    """What lists and search results show: personal numbers already masked."""

    id: int
    name: str
    gender: str
    age: int | None
    id_masked: str
    phone_masked: str
    address: str
    grid: str
    tags: tuple[str, ...]
    sort_key: str


def tags_of(r: Resident, today: date | None = None) -> tuple[str, ...]:
    age = r.age(today)
    tags = []
    if age is not None and age >= 80:
        tags.append("elderly_80")
    elif age is not None and age >= 60:
        tags.append("elderly_60")
    tags.extend(t for t in TAGS if getattr(r, t))
    return tuple(tags)


def to_row(r: Resident, today: date | None = None) -> ResidentRow:
    return ResidentRow(
        id=pk(r.id), name=r.name, gender=r.gender, age=r.age(today), id_masked=mask_id_number(r.id_number),
        phone_masked=mask_phone(r.phone), address=r.address, grid=r.grid, tags=tags_of(r, today), sort_key=r.sort_key,
    )


@dataclass(frozen=True)
class ResidentFilter:
    tag: str = ""  # one of TAGS, "elderly_60", "elderly_80" or ""
    grid: str = ""
    compound: str = ""


def _years_ago(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _apply_filter(q, flt: ResidentFilter, today: date):
    q = q.where(Resident.erased == False)  # noqa: E712
    if flt.grid:
        q = q.where(Resident.grid == flt.grid)
    if flt.compound:
        q = q.where(Resident.compound == flt.compound)
    if flt.tag == "elderly_60":
        q = q.where(col(Resident.birth_date) <= _years_ago(today, 60))
    elif flt.tag == "elderly_80":
        q = q.where(col(Resident.birth_date) <= _years_ago(today, 80))
    elif flt.tag in TAGS:
        q = q.where(getattr(Resident, flt.tag) == True)  # noqa: E712
    return q


def list_page(
    s: Session,
    *,
    actor: Actor,
    after: tuple[str, int] | None = None,
    limit: int = 200,
    flt: ResidentFilter = ResidentFilter(),
    today: date | None = None,
) -> list[ResidentRow]:
    """One page of residents in pinyin order after the keyset ``after`` = (sort_key, id)."""
    require(actor, VIEW_RESIDENTS)
    today = today or date.today()
    q = station_scope(_apply_filter(select(Resident), flt, today), Resident.station_id, actor)
    if after is not None:
        q = q.where(tuple_(Resident.sort_key, Resident.id) > tuple_(*after))
    q = q.order_by(Resident.sort_key, Resident.id).limit(limit)
    return [to_row(r, today) for r in s.exec(q)]


def count(s: Session, *, actor: Actor, flt: ResidentFilter = ResidentFilter(), today: date | None = None) -> int:
    require(actor, VIEW_RESIDENTS)
    q = _apply_filter(select(func.count()).select_from(Resident), flt, today or date.today())
    q = station_scope(q, Resident.station_id, actor)
    return s.exec(q).one()


def filter_choices(s: Session, *, actor: Actor) -> dict[str, list[str]]:
    """Distinct grids and compounds for the filter boxes."""
    require(actor, VIEW_RESIDENTS)
    station = getattr(actor, "station_id", None)
    return {"grid": _distinct(s, "grid", station), "compound": _distinct(s, "compound", station)}


# A loose index scan: each next value is one seek in the index on (station_id, column) — or (column, …) for
# an actor of every station — so the choices cost a few dozen seeks, not a sort of every resident
# (55 ms at 100,000 residents, on every visit of the page; issue 21). Plain SQL that SQLite and PostgreSQL
# both run; the column name comes from the two below, never from input.
_NEXT = {
    (column, scoped): "SELECT {c} FROM resident WHERE {scope}{c} > {prev} ORDER BY {c} LIMIT 1".format(
        c=column, scope="station_id = :station AND " if scoped else "", prev="{prev}")
    for column in ("grid", "compound") for scoped in (True, False)
}


def _distinct(s: Session, column: str, station: int | None) -> list[str]:
    step = _NEXT[(column, station is not None)]
    sql = (f"WITH RECURSIVE v(value) AS (SELECT ({step.format(prev=':empty')}) "
           f"UNION ALL SELECT ({step.format(prev='v.value')}) FROM v WHERE v.value IS NOT NULL) "
           "SELECT value FROM v WHERE value IS NOT NULL")
    params = {"empty": "", **({"station": station} if station is not None else {})}
    return [value for (value,) in s.connection().execute(text(sql), params)]
