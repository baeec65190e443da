"""Registering residents: validate what was typed, add a resident, change one (never over a newer save),
open one, reveal a masked number.

Every function takes the session and the signed-in ``actor``; permission checks and audit entries
happen here, in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from desktop_app.core import audit, search_keys
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, get_scoped, pk
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
from desktop_app.residents.duplicates import find_duplicate, taken_id_number
from desktop_app.residents.models import TAGS, Gender, Resident, ResidentCreate, ResidentSearchKey
from desktop_app.residents.permissions import EDIT_RESIDENTS, REVEAL_PERSONAL, VIEW_RESIDENTS

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
MAX_NOTES = 10000
GONE = QT_TRANSLATE_NOOP("Errors", "That resident no longer exists.")
KEEP_IF_NONE = ("id_number", "phone", "emergency_phone")  # an update keeps these when they come as None (still masked)


def _call(fn, *args, **kw):
    return fn(*args, **kw)


def _clean(data: ResidentCreate, today: date | None = None, check=_call) -> dict[str, Any]:
    """Validated, normalised field values; birth date and gender derived from the ID number.

    ``check(fn, *args, **kw)`` runs each field check: directly here, memoised in clean_many."""
    today = today or date.today()
    out: dict[str, Any] = {}
    # In the order of the resident dialog, so that the first thing wrong is the first one named.
    out["name"] = check(clean_name, data.name, F["name"])
    out["id_number"] = check(clean_id_number, data.id_number or "", F["id_number"])
    gender = (data.gender or "").strip().upper()
    if gender and gender not in tuple(Gender):
        raise ValidationError(F["gender"], QT_TRANSLATE_NOOP("Errors", "choose male or female."))
    birth = check(clean_date, data.birth_date, F["birth_date"], not_future=True, earliest=date(1890, 1, 1), today=today)
    if out["id_number"]:
        derived_birth = id_birth_date(out["id_number"])
        derived_gender = id_gender(out["id_number"])
        if gender and gender != derived_gender:
            raise ValidationError(
                F["gender"], QT_TRANSLATE_NOOP("Errors", "does not match the ID number; correct one of them.")
            )
        if birth is not None and birth != derived_birth:
            raise ValidationError(
                F["birth_date"],
                QT_TRANSLATE_NOOP("Errors", "{given} does not match the ID number, which says {derived}; correct one of them."),
                given=birth.isoformat(), derived=derived_birth.isoformat(),
            )
        birth, gender = derived_birth, derived_gender
    out["birth_date"] = birth
    out["gender"] = gender
    out["phone"] = check(clean_phone, data.phone or "", F["phone"])
    for key, longest in (("community", 50), ("compound", 50), ("building", 20), ("unit", 20), ("room", 20), ("grid", 50)):
        out[key] = check(clean_text, getattr(data, key), F[key], max_len=longest, multiline=False)
    out["emergency_contact"] = check(clean_name, data.emergency_contact, F["emergency_contact"], required=False)
    out["emergency_phone"] = check(clean_phone, data.emergency_phone or "", F["emergency_phone"])
    out["consent_date"] = check(clean_date, data.consent_date, F["consent_date"], not_future=True, today=today)
    out["notes"] = check(clean_text, data.notes, F["notes"], max_len=MAX_NOTES)
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
    s.exec(delete(ResidentSearchKey).where(col(ResidentSearchKey.resident_id) == resident.id))
    for key, kind in search_keys.person_keys(resident.name, resident.phone, resident.id_number):
        s.add(ResidentSearchKey(resident_id=pk(resident.id), kind=kind, key=key[:60]))


def create_resident(
    s: Session, *, actor: Actor, data: ResidentCreate, allow_similar: bool = False, today: date | None = None
) -> Resident:
    require(actor, EDIT_RESIDENTS)
    values = _clean(data, today)
    dup = find_duplicate(s, values, station_id=actor.station_id)
    if dup is not None and (dup.hard or not allow_similar):
        raise dup
    resident = Resident(**values, station_id=actor.station_id, sort_key=search_keys.sort_key(values["name"]))
    s.add(resident)
    with _unique_id_number():
        s.flush()
    _write_keys(s, resident)
    audit.record(s, actor=actor, action="create", entity="resident", entity_id=resident.id, after=resident)
    return resident


def update_resident(
    s: Session, *, actor: Actor, resident_id: int, data: ResidentCreate, today: date | None = None,
    expected_version: int | None = None,
) -> Resident:
    """Save the form over the record; ``expected_version`` (the version the form was loaded at) refuses with
    StaleEdit when someone saved the record in between, naming who and when, and changes nothing."""
    require(actor, EDIT_RESIDENTS)
    resident = get_scoped(s, Resident, resident_id, actor=actor, gone=GONE, for_update=True)
    kept = {key: getattr(resident, key) for key in KEEP_IF_NONE if getattr(data, key) is None}
    if kept.get("id_number"):
        kept["birth_date"] = None  # derived from the kept number again
    values = _clean(data.model_copy(update=kept), today)
    dup = find_duplicate(s, values, station_id=resident.station_id, exclude_id=resident_id)
    if dup is not None and dup.hard:
        raise dup
    changes = {**values, "sort_key": search_keys.sort_key(values["name"]), "updated_at": utcnow()}
    with _unique_id_number():
        audited_update(s, resident, changes, actor=actor, entity="resident", expected_version=expected_version)
    _write_keys(s, resident)
    return resident


@contextmanager
def _unique_id_number() -> Iterator[None]:
    """The unique index on (station, ID number) refusing a row means another computer registered the same number
    after the check above (PostgreSQL, two desks at once): the same refusal as the check, naming nobody."""
    try:
        yield
    except IntegrityError as exc:
        if "id_number" not in str(exc.orig):
            raise
        raise taken_id_number() from exc


def get_resident(s: Session, *, actor: Actor, resident_id: int) -> Resident:
    require(actor, VIEW_RESIDENTS)
    return get_scoped(s, Resident, resident_id, actor=actor, gone=GONE)


@dataclass(frozen=True)
class ResidentForm:
    """A resident as the edit form shows it: ID number and phones masked (``reveal`` shows them in full)."""

    id: int
    version: int
    values: dict[str, Any]  # every ResidentCreate field, id_number, phone and emergency_phone masked
    has_id_number: bool
    has_phone: bool
    has_emergency_phone: bool = False


def resident_form(s: Session, *, actor: Actor, resident_id: int) -> ResidentForm:
    """What the edit dialog loads; the unmasked numbers never leave the use cases unless revealed (audited)."""
    r = get_resident(s, actor=actor, resident_id=resident_id)
    values = {key: getattr(r, key) for key in ResidentCreate.model_fields}
    values["id_number"], values["phone"] = mask_id_number(r.id_number), mask_phone(r.phone)
    values["emergency_phone"] = mask_phone(r.emergency_phone)  # a phone like any other: revealed on request, audited
    return ResidentForm(pk(r.id), r.version, values, bool(r.id_number), bool(r.phone), bool(r.emergency_phone))


def reveal(s: Session, *, actor: Actor, resident_id: int, field: str) -> str:
    """The unmasked ID number or phone, for roles allowed to see it; every reveal is audited."""
    require(actor, REVEAL_PERSONAL)
    if field not in ("id_number", "phone", "emergency_phone"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Fields", "Field"),
            QT_TRANSLATE_NOOP("Errors", "{name} is not a personal field that can be revealed."), name=field,
        )
    resident = get_resident(s, actor=actor, resident_id=resident_id)
    # No personal value in the entry (subject ""): who saw which field stays readable after an erasure.
    audit.record(s, actor=actor, action="reveal", entity="resident", entity_id=resident_id, after={"field": field},
                 subject="")
    return getattr(resident, field)
