"""Resident use cases: create, update, search, list with keyset paging, reveal masked fields.

Every function takes the session and the signed-in ``actor``; permission checks and audit entries
happen here, in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, tuple_
from sqlmodel import Session, select

from desktop_app.core import audit, search_keys
from desktop_app.core.auth import STAFF, Actor, Permission, Role, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import in_station, station_scope
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import (
    clean_date,
    clean_id_number,
    clean_name,
    clean_phone,
    clean_text,
    id_birth_date,
    id_gender,
    mask_id_number,
    mask_phone,
)
from desktop_app.residents.models import TAGS, Resident, ResidentCreate, ResidentSearchKey
from desktop_app.residents.permissions import VIEW_RESIDENTS  # noqa: E402  (shared with feature.py)

EDIT_RESIDENTS = Permission(QT_TRANSLATE_NOOP("Permissions", "add or edit residents"), STAFF)
REVEAL_PERSONAL = Permission(
    QT_TRANSLATE_NOOP("Permissions", "see full ID numbers and phone numbers"), {Role.ADMIN, Role.FRONT_DESK}
)

F = {
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "gender": QT_TRANSLATE_NOOP("Fields", "Gender"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Birth date"),
    "id_number": QT_TRANSLATE_NOOP("Fields", "ID number"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "community": QT_TRANSLATE_NOOP("Fields", "Community"),
    "compound": QT_TRANSLATE_NOOP("Fields", "Compound"),
    "building": QT_TRANSLATE_NOOP("Fields", "Building"),
    "unit": QT_TRANSLATE_NOOP("Fields", "Unit"),
    "room": QT_TRANSLATE_NOOP("Fields", "Room"),
    "grid": QT_TRANSLATE_NOOP("Fields", "Grid"),
    "emergency_contact": QT_TRANSLATE_NOOP("Fields", "Emergency contact"),
    "emergency_phone": QT_TRANSLATE_NOOP("Fields", "Emergency phone"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
    "consent_date": QT_TRANSLATE_NOOP("Fields", "Consent date"),
}
TAG_LABELS = {
    "elderly_60": QT_TRANSLATE_NOOP("Tags", "60+"),
    "elderly_80": QT_TRANSLATE_NOOP("Tags", "80+"),
    "lives_alone": QT_TRANSLATE_NOOP("Tags", "lives alone"),
    "disabled": QT_TRANSLATE_NOOP("Tags", "disabled"),
    "extreme_hardship": QT_TRANSLATE_NOOP("Tags", "extreme hardship"),
    "minimum_living_allowance": QT_TRANSLATE_NOOP("Tags", "minimum living allowance"),
    "party_member": QT_TRANSLATE_NOOP("Tags", "party member"),
    "veteran": QT_TRANSLATE_NOOP("Tags", "veteran"),
}
MAX_NOTES = 10000


class DuplicateResident(ConflictError):
    """Same ID number (``hard``: cannot be created) or same name and phone (may be created anyway)."""

    def __init__(self, message: str, existing_id: int, hard: bool, **params: object) -> None:
        self.hard = hard
        super().__init__(message, existing_id=existing_id, **params)


def _call(fn, *args, **kw):
    return fn(*args, **kw)


def _clean(data: ResidentCreate, today: date | None = None, check=_call) -> dict[str, Any]:
    """Validated, normalised field values; birth date and gender derived from the ID number.

    ``check(fn, *args, **kw)`` runs each field check: directly here, memoised in clean_many."""
    today = today or date.today()
    out: dict[str, Any] = {}
    out["name"] = check(clean_name, data.name, F["name"])
    out["id_number"] = check(clean_id_number, data.id_number, F["id_number"])
    out["phone"] = check(clean_phone, data.phone, F["phone"])
    out["emergency_phone"] = check(clean_phone, data.emergency_phone, F["emergency_phone"])
    out["emergency_contact"] = check(clean_name, data.emergency_contact, F["emergency_contact"], required=False)
    for key in ("community", "compound", "grid"):
        out[key] = check(clean_text, getattr(data, key), F[key], max_len=50, multiline=False)
    for key in ("building", "unit", "room"):
        out[key] = check(clean_text, getattr(data, key), F[key], max_len=20, multiline=False)
    out["notes"] = check(clean_text, data.notes, F["notes"], max_len=MAX_NOTES)
    gender = (data.gender or "").strip().upper()
    if gender not in ("", "M", "F"):
        raise ValidationError(F["gender"], QT_TRANSLATE_NOOP("Errors", "choose male or female."))
    birth = check(clean_date, data.birth_date, F["birth_date"], not_future=True, earliest=date(1890, 1, 1), today=today)
    if out["id_number"]:
        derived_birth = id_birth_date(out["id_number"])
        derived_gender = id_gender(out["id_number"])
        if birth is not None and birth != derived_birth:
            raise ValidationError(
                F["birth_date"],
                QT_TRANSLATE_NOOP("Errors", "{given} does not match the ID number, which says {derived}; correct one of them."),
                given=birth.isoformat(), derived=derived_birth.isoformat(),
            )
        if gender and gender != derived_gender:
            raise ValidationError(
                F["gender"], QT_TRANSLATE_NOOP("Errors", "does not match the ID number; correct one of them.")
            )
        birth, gender = derived_birth, derived_gender
    out["birth_date"] = birth
    out["gender"] = gender
    out["consent_date"] = check(clean_date, data.consent_date, F["consent_date"], not_future=True, today=today)
    for tag in TAGS:
        out[tag] = bool(getattr(data, tag))
    return out


class _Memo:
    """check(fn, *args, **kw) for clean_many: each distinct call runs once; its value, or the ValidationError it
    raised (raised again, the same message), is reused for every later row with the same value."""

    def __init__(self) -> None:
        self.seen: dict[tuple, tuple[bool, Any]] = {}

    def __call__(self, fn, *args, **kw):
        key = (fn, *args, *kw.items())
        try:
            hit = self.seen.get(key)
        except TypeError:  # an unhashable value: nothing to remember
            return fn(*args, **kw)
        if hit is None:
            try:
                hit = (True, fn(*args, **kw))
            except ValidationError as exc:
                hit = (False, exc)
            self.seen[key] = hit
        if hit[0]:
            return hit[1]
        raise hit[1].with_traceback(None)


def clean_many(rows: Sequence[ResidentCreate], today: date | None = None, *,
               progress: Callable[[int], None] | None = None) -> list[dict[str, Any] | ValidationError]:
    """_clean for many records at once (the Excel import): per record its cleaned values or the ValidationError
    _clean raises for it. The same checks run in the same order, so values and messages are those of _clean; a
    field value repeated across records (compounds, grids, dates, common names) is checked once.
    ``progress(n)`` is called every 1,000 records (it may raise to cancel); nothing is written."""
    today = today or date.today()
    memo = _Memo()
    out: list[dict[str, Any] | ValidationError] = []
    for i, data in enumerate(rows):
        if progress is not None and i % 1000 == 0:
            progress(i)
        try:
            out.append(_clean(data, today, memo))
        except ValidationError as exc:
            out.append(exc)
    return out


def _write_keys(s: Session, resident: Resident) -> None:
    s.exec(delete(ResidentSearchKey).where(ResidentSearchKey.resident_id == resident.id))
    for key, kind in search_keys.person_keys(resident.name, resident.phone, resident.id_number):
        s.add(ResidentSearchKey(resident_id=resident.id, kind=kind, key=key[:60]))


def find_duplicate(s: Session, values: dict[str, Any], exclude_id: int | None = None) -> DuplicateResident | None:
    if values["id_number"]:
        q = select(Resident).where(Resident.id_number == values["id_number"], Resident.erased == False)  # noqa: E712
        if exclude_id:
            q = q.where(Resident.id != exclude_id)
        hit = s.exec(q).first()
        if hit:
            return DuplicateResident(
                QT_TRANSLATE_NOOP("Errors", "A resident with this ID number is already registered: {name}. Open the existing record instead."),
                existing_id=hit.id, hard=True, name=hit.name,
            )
    if values["phone"]:
        q = select(Resident).where(Resident.name == values["name"], Resident.phone == values["phone"], Resident.erased == False)  # noqa: E712
        if exclude_id:
            q = q.where(Resident.id != exclude_id)
        hit = s.exec(q).first()
        if hit:
            return DuplicateResident(
                QT_TRANSLATE_NOOP("Errors", "{name} with the same phone number is already registered. Open the existing record, or save anyway if this is another person."),
                existing_id=hit.id, hard=False, name=hit.name,
            )
    return None


def create_resident(
    s: Session, *, actor: Actor, data: ResidentCreate, allow_similar: bool = False, today: date | None = None
) -> Resident:
    require(actor, EDIT_RESIDENTS)
    values = _clean(data, today)
    dup = find_duplicate(s, values)
    if dup is not None and (dup.hard or not allow_similar):
        raise dup
    resident = Resident(**values, station_id=actor.station_id, sort_key=search_keys.sort_key(values["name"]))
    s.add(resident)
    s.flush()
    _write_keys(s, resident)
    audit.record(s, actor=actor, action="create", entity="resident", entity_id=resident.id, after=resident)
    return resident


def update_resident(
    s: Session, *, actor: Actor, resident_id: int, data: ResidentCreate, today: date | None = None
) -> Resident:
    require(actor, EDIT_RESIDENTS)
    resident = get_resident(s, actor=actor, resident_id=resident_id)
    values = _clean(data, today)
    dup = find_duplicate(s, values, exclude_id=resident_id)
    if dup is not None and dup.hard:
        raise dup
    before = audit.snapshot(resident)
    for key, value in values.items():
        setattr(resident, key, value)
    resident.sort_key = search_keys.sort_key(resident.name)
    resident.updated_at = utcnow()
    s.add(resident)
    s.flush()
    _write_keys(s, resident)
    audit.record(s, actor=actor, action="update", entity="resident", entity_id=resident.id, before=before, after=resident)
    return resident


def get_resident(s: Session, *, actor: Actor, resident_id: int) -> Resident:
    require(actor, VIEW_RESIDENTS)
    resident = s.get(Resident, resident_id)
    if resident is None or resident.erased or not in_station(actor, resident.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))
    return resident


def reveal(s: Session, *, actor: Actor, resident_id: int, field: str) -> str:
    """The unmasked ID number or phone, for roles allowed to see it; every reveal is audited."""
    require(actor, REVEAL_PERSONAL)
    if field not in ("id_number", "phone", "emergency_phone"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Field"),
            QT_TRANSLATE_NOOP("Errors", "{name} is not a personal field that can be revealed."), name=field,
        )
    resident = get_resident(s, actor=actor, resident_id=resident_id)
    audit.record(s, actor=actor, action="reveal", entity="resident", entity_id=resident_id, after={"field": field})
    return getattr(resident, field)


# --- reading ------------------------------------------------------------------------------------


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
        id=r.id, name=r.name, gender=r.gender, age=r.age(today), id_masked=mask_id_number(r.id_number),
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
        q = q.where(Resident.birth_date <= _years_ago(today, 60))
    elif flt.tag == "elderly_80":
        q = q.where(Resident.birth_date <= _years_ago(today, 80))
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
    from sqlmodel import func

    require(actor, VIEW_RESIDENTS)
    q = _apply_filter(select(func.count()).select_from(Resident), flt, today or date.today())
    q = station_scope(q, Resident.station_id, actor)
    return s.exec(q).one()


def filter_choices(s: Session, *, actor: Actor) -> dict[str, list[str]]:
    """Distinct grids and compounds for the filter boxes."""
    require(actor, VIEW_RESIDENTS)
    grids = [g for g in s.exec(station_scope(select(Resident.grid), Resident.station_id, actor).distinct().order_by(Resident.grid)) if g]
    compounds = [c for c in s.exec(station_scope(select(Resident.compound), Resident.station_id, actor).distinct().order_by(Resident.compound)) if c]
    return {"grid": grids, "compound": compounds}


SEARCH_COLUMNS = (
    "id", "name", "gender", "birth_date", "id_number", "phone", "compound", "building", "unit", "room", "grid",
    *TAGS, "sort_key",
)


def search_sql(n_kinds: int, dialect: str = "sqlite", scoped: bool = False) -> str:
    """One statement: per key kind an index range scan (kind, key) with its own LIMIT, joined to residents.

    Ranked by kind, then key order (an exact name sorts before longer names with that prefix)."""
    param = "?" if dialect == "sqlite-raw" else ":{}"
    parts = []
    for i in range(n_kinds):
        k, lo, hi, lim = (param.format(f"k{i}"), param.format("lo"), param.format("hi"), param.format("lim"))
        parts.append(
            f"SELECT * FROM (SELECT resident_id, {i} AS rank, key FROM resident_search_key "
            f"WHERE kind = {k} AND key >= {lo} AND key < {hi} ORDER BY key LIMIT {lim}) AS p{i}"  # PostgreSQL wants the alias
        )
    cols = ", ".join(f"r.{c}" for c in SEARCH_COLUMNS)
    return (f"SELECT {cols} FROM ({' UNION ALL '.join(parts)}) u JOIN resident r ON r.id = u.resident_id "
            f"WHERE r.erased = {param.format('erased')}"
            + (f" AND r.station_id = {param.format('station')}" if scoped else "")  # core.db.station_scope
            + " ORDER BY u.rank, u.key")


def search_plan(q: str) -> tuple[str, list[int]] | None:
    """The normalised query and the key kinds it can match (None: too short to search)."""
    q = search_keys.normalize_query((q or "").replace("\x00", ""))  # PostgreSQL text cannot hold NUL
    if not q:
        return None
    kind = search_keys.query_kind(q)
    if kind == "digits":
        if len(q) < 4:
            return None
        return q, [search_keys.KIND_PHONE, search_keys.KIND_ID]
    if kind == "latin":
        if len(q) == 1:
            return q, [search_keys.KIND_INITIALS]
        return q, [search_keys.KIND_PINYIN, search_keys.KIND_INITIALS]
    return q, [search_keys.KIND_NAME, search_keys.KIND_NAME_PART]


_SEARCH_TEXT: dict[tuple[int, bool], Any] = {}


def _search_rows(s: Session, q: str, limit: int, station_id: int | None = None) -> list[tuple]:
    plan = search_plan(q)
    if plan is None:
        return []
    q, kinds = plan
    from sqlalchemy import text

    scoped = station_id is not None
    stmt = _SEARCH_TEXT.get((len(kinds), scoped))
    if stmt is None:
        stmt = _SEARCH_TEXT[(len(kinds), scoped)] = text(search_sql(len(kinds), scoped=scoped))
    params: dict[str, Any] = {"lo": q, "hi": search_keys.prefix_upper_bound(q), "lim": limit, "erased": False}
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


def search_ids(s: Session, q: str, *, limit: int = 50) -> list[int]:
    """Resident ids matching the query, best matches first (no permission check: internal)."""
    return [row[0] for row in _search_rows(s, q, limit)]


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
    return [_row_from_tuple(t, today) for t in _search_rows(s, q, limit, actor.station_id)]


def resident_label(r: Resident | ResidentRow) -> str:
    """A short label for other features: name and masked phone tail."""
    phone = r.phone_masked if isinstance(r, ResidentRow) else mask_phone(r.phone)
    return f"{r.name} {phone[-4:]}" if phone else r.name
