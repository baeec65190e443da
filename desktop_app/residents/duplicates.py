"""Duplicates: one resident per ID number per station (docs/residents.md).

The rule is the station's: staff register and see their own station's residents, so another station's
resident with the same ID number is not a duplicate here, and nothing about them (not even that they exist)
is told. The sub-district's own register (residents without a station) counts as one station. Two unique
indexes hold the rule in the database (models.Resident); the use cases check first, to answer with a message.

Databases from before the rule may hold duplicates: the upgrade (db/migrations/versions/residents_0001.py)
keeps the number on the first-registered resident and moves it out of the others into a line of their notes
(``SET_ASIDE``); ``duplicate_id_numbers`` lists both kinds for ``smiledesk check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop_app.core.errors import ConflictError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import pk
from desktop_app.core.validation import mask_id_number
from desktop_app.residents.models import Resident

# Written by the upgrade residents_0001 into the notes of a resident whose ID number it set aside (the
# migration keeps its own copy of the text: migrations never import the application).
SET_ASIDE_MARK = "【身份证号重复】"
SET_ASIDE = re.compile(SET_ASIDE_MARK + r"升级时从本档案移出身份证号 ([0-9Xx]+)（与居民档案 No\.(\d+) 相同）")


class DuplicateResident(ConflictError):
    """Same ID number (``hard``: cannot be created) or same name and phone (may be created anyway).

    ``existing_id`` is the record to open instead (None when it is not known: registered a moment ago elsewhere)."""

    def __init__(self, message: str, existing_id: int | None, hard: bool, **params: object) -> None:
        self.hard = hard
        super().__init__(message, existing_id=existing_id, **params)


def _same_station(q, station_id: int | None):
    return q.where(col(Resident.station_id).is_(None)) if station_id is None else q.where(Resident.station_id == station_id)


def find_duplicate(s: Session, values: dict[str, Any], *, station_id: int | None,
                   exclude_id: int | None = None) -> DuplicateResident | None:
    """A resident of station ``station_id`` with the same ID number (hard), or the same name and phone (soft)."""
    if values["id_number"]:
        q = _same_station(select(Resident).where(Resident.id_number == values["id_number"], Resident.erased == False), station_id)  # noqa: E712
        if exclude_id:
            q = q.where(Resident.id != exclude_id)
        hit = s.exec(q).first()
        if hit:
            return DuplicateResident(
                QT_TRANSLATE_NOOP("Errors", "A resident with this ID number is already registered: {name}. Open the existing record instead."),
                existing_id=hit.id, hard=True, name=hit.name,
            )
    if values["phone"]:
        q = _same_station(select(Resident).where(Resident.name == values["name"], Resident.phone == values["phone"],
                                                 Resident.erased == False), station_id)  # noqa: E712
        if exclude_id:
            q = q.where(Resident.id != exclude_id)
        hit = s.exec(q).first()
        if hit:
            return DuplicateResident(
                QT_TRANSLATE_NOOP("Errors", "{name} with the same phone number is already registered. Open the existing record, or save anyway if this is another person."),
                existing_id=hit.id, hard=False, name=hit.name,
            )
    return None


def taken_id_number() -> DuplicateResident:
    """The database refused the number (registered on another computer after our check): name nobody."""
    return DuplicateResident(
        QT_TRANSLATE_NOOP("Errors", "A resident with this ID number has just been registered on another computer. Search for the number and open that record instead."),
        existing_id=None, hard=True,
    )


@dataclass(frozen=True)
class DuplicateIdNumber:
    """Residents of one station sharing one ID number: the first keeps it. ``set_aside``: the upgrade moved the
    number out of the later ones into their notes (they still need a person to merge or correct them)."""

    station_id: int | None
    id_number_masked: str
    resident_ids: tuple[int, ...]
    set_aside: bool


def duplicate_id_numbers(s: Session) -> list[DuplicateIdNumber]:
    """Every ID number registered more than once in one station, and every one the upgrade set aside
    (for ``smiledesk check``; no actor: the whole database, numbers masked)."""
    station = func.coalesce(Resident.station_id, 0)
    live = s.exec(
        select(station, Resident.id_number).where(Resident.id_number != "", Resident.erased == False)  # noqa: E712
        .group_by(station, Resident.id_number).having(func.count() > 1)
    ).all()
    out = []
    for st, number in live:
        ids = s.exec(select(Resident.id).where(station == st, Resident.id_number == number).order_by(col(Resident.id))).all()
        out.append(DuplicateIdNumber(st or None, mask_id_number(number), tuple(pk(i) for i in ids), False))
    parked = s.exec(
        select(Resident.id, Resident.station_id, Resident.notes)
        .where(col(Resident.notes).contains(SET_ASIDE_MARK), Resident.erased == False)  # noqa: E712
        .order_by(col(Resident.id))
    ).all()
    groups: dict[tuple[int | None, str, int], list[int]] = {}
    for rid, parked_station, notes in parked:
        for number, kept in SET_ASIDE.findall(notes):
            groups.setdefault((parked_station, number, int(kept)), []).append(pk(rid))
    for (parked_station, number, kept), kept_ids in groups.items():
        out.append(DuplicateIdNumber(parked_station, mask_id_number(number), (kept, *kept_ids), True))
    return out
