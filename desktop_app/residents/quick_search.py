"""As-you-type search over residents (name, every pinyin reading, initials, phone digits, ID tail) through
their search keys: one statement, an index range scan per key kind."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from desktop_app.core import search_keys
from desktop_app.core.auth import Actor, allowed, require
from desktop_app.core.db.scoping import counted_station
from desktop_app.core.validation import mask_id_number, mask_phone
from desktop_app.residents.lists import ResidentRow
from desktop_app.residents.models import TAGS, Resident
from desktop_app.residents.permissions import REVEAL_PERSONAL, VIEW_RESIDENTS

SEARCH_COLUMNS = (
    "id", "name", "gender", "birth_date", "id_number", "phone", "compound", "building", "unit", "room", "grid",
    *TAGS, "sort_key",
)


def search_sql(n_kinds: int, dialect: str = "sqlite", scoped: bool = False) -> str:
    """One statement: per key kind an index range scan (kind, key) with its own LIMIT, joined to residents.

    Ranked by kind, then key order (an exact name sorts before longer names with that prefix). ``scoped``: the
    station's residents only, filtered *inside* each scan, before its LIMIT (a limit taken over every station
    first would leave a station with few of the matches, or none: issue 22)."""
    param = "?" if dialect == "sqlite-raw" else ":{}"
    parts = []
    for i in range(n_kinds):
        k, lo, hi, lim = (param.format(f"k{i}"), param.format("lo"), param.format("hi"), param.format("lim"))
        if scoped:  # core.db.station_scope, applied where the limit is
            parts.append(
                f"SELECT * FROM (SELECT k.resident_id, {i} AS rank, k.key FROM resident_search_key k "
                f"JOIN resident s{i} ON s{i}.id = k.resident_id "
                f"WHERE k.kind = {k} AND k.key >= {lo} AND k.key < {hi} AND s{i}.station_id = {param.format('station')} "
                f"AND s{i}.erased = {param.format('erased')} ORDER BY k.key LIMIT {lim}) AS p{i}"
            )
        else:
            parts.append(
                f"SELECT * FROM (SELECT resident_id, {i} AS rank, key FROM resident_search_key "
                f"WHERE kind = {k} AND key >= {lo} AND key < {hi} ORDER BY key LIMIT {lim}) AS p{i}"  # PostgreSQL wants the alias
            )
    cols = ", ".join(f"r.{c}" for c in SEARCH_COLUMNS)
    return (f"SELECT {cols} FROM ({' UNION ALL '.join(parts)}) u JOIN resident r ON r.id = u.resident_id "
            f"WHERE r.erased = {param.format('erased')}"
            + " ORDER BY u.rank, u.key")


def search_plan(q: str, *, masked: bool = False) -> tuple[str, list[int]] | None:
    """The normalised query and the key kinds it can match (None: too short to search).

    ``masked``: the searcher sees phones and ID numbers masked (139****5819): digits then find only the last
    four digits it is shown, typed whole — any other run of digits would tell the hidden ones, one search at
    a time."""
    q = search_keys.normalize_query(_valid_text(q))
    if not q:
        return None
    kind = search_keys.query_kind(q)
    if kind == "digits":
        if len(q) < 4 or (masked and len(q) != 4):
            return None
        return q, [search_keys.KIND_PHONE, search_keys.KIND_ID]
    if kind == "latin":
        if len(q) == 1:
            return q, [search_keys.KIND_INITIALS]
        return q, [search_keys.KIND_PINYIN, search_keys.KIND_INITIALS]
    return q, [search_keys.KIND_NAME, search_keys.KIND_NAME_PART]


def _valid_text(q: str | None) -> str:
    """What can be searched for: no NUL (PostgreSQL text cannot hold it), no lone surrogate (no encoding holds
    it: a paste from a broken source would end the search with UnicodeEncodeError)."""
    text = (q or "").replace("\x00", "")
    return text.encode("utf-8", "ignore").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in text) else text


_SEARCH_TEXT: dict[tuple[int, bool], Any] = {}


def _search_rows(s: Session, q: str, limit: int, station_id: int | None = None, *, masked: bool = False) -> list[tuple]:
    plan = search_plan(q, masked=masked)
    if plan is None:
        return []
    q, kinds = plan
    scoped = station_id is not None
    stmt = _SEARCH_TEXT.get((len(kinds), scoped))
    if stmt is None:
        stmt = _SEARCH_TEXT[(len(kinds), scoped)] = text(search_sql(len(kinds), scoped=scoped))
    # Masked: the four shown digits as a whole key (the last four), not as the start of a longer run.
    hi = q + "0" if masked and search_keys.query_kind(q) == "digits" else search_keys.prefix_upper_bound(q)
    params: dict[str, Any] = {"lo": q, "hi": hi, "lim": limit, "erased": False}
    if scoped:
        params["station"] = station_id
    params.update({f"k{i}": k for i, k in enumerate(kinds)})
    seen: set[int] = set()
    out = []
    for row in s.connection().execute(stmt, params).fetchall():
        if row[0] not in seen:
            seen.add(row[0])
            out.append(tuple(row))
            if len(out) >= limit:
                break
    return out


def masks_numbers(actor: Actor | None) -> bool:
    """Whether ``actor`` sees phones and ID numbers masked (and may search only the digits shown)."""
    return actor is not None and not allowed(actor, REVEAL_PERSONAL)


def search_ids(s: Session, q: str, *, limit: int = 50, actor: Actor | None = None) -> list[int]:
    """Resident ids matching the query, best matches first (no permission check: the caller's feature checks
    its own). ``actor``: searching for them (digits are searched as they see numbers: ``masks_numbers``)."""
    return [row[0] for row in _search_rows(s, q, limit, masked=masks_numbers(actor))]


_TAG_START = SEARCH_COLUMNS.index(TAGS[0])


def _row_from_tuple(t: tuple, today: date) -> ResidentRow:
    """Build a display row straight from the search statement's columns (hot path: no dicts)."""
    rid, name, gender, birth, id_number, phone, compound, building, unit, room, grid = t[:11]
    if isinstance(birth, str):
        birth = date.fromisoformat(birth)
    age = None
    tags: list[str] = []
    if birth is not None:
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        if age >= 80:
            tags.append("elderly_80")
        elif age >= 60:
            tags.append("elderly_60")
    for i, tag in enumerate(TAGS):
        if t[_TAG_START + i]:
            tags.append(tag)
    address = compound
    if building:
        address += f"{building}栋"
    if unit:
        address += f"{unit}单元"
    if room:
        address += f"{room}室"
    return ResidentRow(rid, name, gender, age, mask_id_number(id_number), mask_phone(phone), address, grid,
                       tuple(tags), t[-1])


def search(s: Session, *, actor: Actor, q: str, limit: int = 50, today: date | None = None) -> list[ResidentRow]:
    """As-you-type search: name, pinyin (every reading), initials, any 4+ phone digits, ID tail."""
    require(actor, VIEW_RESIDENTS)
    today = today or date.today()
    # One station in the database (or a connection the server already limits to one): no filter to apply.
    station = counted_station(s, actor)
    return [_row_from_tuple(t, today) for t in _search_rows(s, q, limit, station, masked=masks_numbers(actor))]


def resident_label(r: Resident | ResidentRow) -> str:
    """A short label for other features: name and masked phone tail."""
    phone = r.phone_masked if isinstance(r, ResidentRow) else mask_phone(r.phone)
    return f"{r.name} {phone[-4:]}" if phone else r.name
