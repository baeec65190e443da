"""Resident records and their search keys."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime

TAGS = ("lives_alone", "disabled", "extreme_hardship", "minimum_living_allowance", "party_member", "veteran")


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
    """Input for create/update: anything the user typed; residents.service validates every field
    (so bad input gets the service's specific, translated message, never a pydantic error)."""

    name: str = ""
    gender: str = ""
    birth_date: date | str | None = None
    id_number: str = ""
    phone: str = ""
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
    emergency_phone: str = ""
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
    )

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id", index=True)
    sort_key: str = Field(default="", max_length=200)
    erased: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)

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
