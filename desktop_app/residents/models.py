"""Resident records and their search keys.

One resident per ID number per station (docs/residents.md): two unique indexes, both leaving blank ID numbers
out (residents registered without one, and erased residents, whose number is cleared) — one per station, and
one for the sub-district's own register (residents without a station, where NULL would not compare equal).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, Index, Text, text
from sqlmodel import Field, SQLModel

from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

TAGS = ("lives_alone", "disabled", "extreme_hardship", "minimum_living_allowance", "party_member", "veteran")
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


class Gender(StrEnum):
    """As stored (blank: not known); an ID number decides it."""

    MALE = "M"
    FEMALE = "F"


HAS_ID_NUMBER = text("id_number <> ''")
NO_STATION = text("id_number <> '' AND station_id IS NULL")


class ResidentBase(SQLModel):
    name: str = Field(max_length=50)
    gender: str = Field(default="", max_length=1, description="M, F or blank")
    birth_date: date | None = Field(default=None)
    id_number: str = Field(default="", max_length=18)
    phone: str = Field(default="", max_length=20)
    community: str = Field(default="", max_length=50)
    compound: str = Field(default="", max_length=50)
    building: str = Field(default="", max_length=20)
    unit: str = Field(default="", max_length=20)
    room: str = Field(default="", max_length=20)
    grid: str = Field(default="", max_length=50)
    lives_alone: bool = Field(default=False)
    disabled: bool = Field(default=False)
    extreme_hardship: bool = Field(default=False)
    minimum_living_allowance: bool = Field(default=False)
    party_member: bool = Field(default=False)
    veteran: bool = Field(default=False)
    emergency_contact: str = Field(default="", max_length=50)
    emergency_phone: str = Field(default="", max_length=20)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    consent_date: date | None = Field(default=None)


class ResidentCreate(SQLModel):
    """Input for create/update: anything the user typed; residents.register validates every field
    (so bad input gets the service's specific, translated message, never a pydantic error)."""

    name: str = ""
    gender: str = ""
    birth_date: date | str | None = None
    id_number: str | None = ""  # None (an update only): keep the stored number, which the form showed masked
    phone: str | None = ""  # the same
    community: str = ""
    compound: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    grid: str = ""
    lives_alone: bool = False
    disabled: bool = False
    extreme_hardship: bool = False
    minimum_living_allowance: bool = False
    party_member: bool = False
    veteran: bool = False
    emergency_contact: str = ""
    emergency_phone: str | None = ""  # None (an update only): keep the stored number, shown masked
    notes: str = ""
    consent_date: date | str | None = None


class Resident(ResidentBase, table=True):
    __tablename__ = "resident"
    __table_args__ = (
        Index("ix_resident_sort", "sort_key", "id"),
        Index("ix_resident_id_number", "id_number"),
        Index("ix_resident_name_phone", "name", "phone"),
        Index("ix_resident_grid", "grid", "sort_key", "id"),
        Index("ix_resident_compound", "compound", "sort_key", "id"),
        Index("ix_resident_birth", "birth_date"),
        # A station's list in pinyin order, and its count, straight from the index whatever the planner's
        # statistics say (issue 21: without them it sorted every resident for each page).
        Index("ix_resident_station_list", "station_id", "erased", "sort_key", "id"),
        # The grid and compound filters' choices: one index seek per distinct value (lists.filter_choices).
        Index("ix_resident_station_grid", "station_id", "grid"),
        Index("ix_resident_station_compound", "station_id", "compound"),
        Index("uq_resident_station_id_number", "station_id", "id_number", unique=True,
              sqlite_where=HAS_ID_NUMBER, postgresql_where=HAS_ID_NUMBER),
        Index("uq_resident_own_id_number", "id_number", unique=True, sqlite_where=NO_STATION, postgresql_where=NO_STATION),
    )

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")  # indexed by ix_resident_station_list
    sort_key: str = Field(default="", max_length=200)
    erased: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    version: int = Field(default=1, sa_column_kwargs={"server_default": text("1")},
                         description="1 on insert, one more on every save (core.records: no lost edits)")

    @property
    def address(self) -> str:
        parts = [self.compound]
        if self.building:
            parts.append(f"{self.building}栋")
        if self.unit:
            parts.append(f"{self.unit}单元")
        if self.room:
            parts.append(f"{self.room}室")
        return "".join(p for p in parts if p)

    def age(self, on: date | None = None) -> int | None:
        if self.birth_date is None:
            return None
        on = on or date.today()
        b = self.birth_date
        return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


class ResidentSearchKey(SQLModel, table=True):
    """One search key of a resident; ``kind`` ranks matches (see core.search_keys)."""

    __tablename__ = "resident_search_key"
    __table_args__ = (Index("ix_rsk_kind_key", "kind", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    resident_id: int = Field(foreign_key="resident.id", index=True)
    kind: int
    key: str = Field(max_length=60)
