"""Residents in read-only counts: the station a resident belongs to, for other features' figures (Qt-free).

Tables that hang off a resident without a station of their own (an honour reached, for instance) are
counted per station through the resident: ``resident_in_station(Table.resident_id, station)``.
"""

from __future__ import annotations

from sqlalchemy import true
from sqlmodel import select

from desktop_app.residents.models import Resident


def resident_in_station(resident_id_column, station: int | None):
    """A condition for a query over another table: its resident belongs to ``station`` (a station from
    ``core.db.scoping.counted_station``; None for every station, which adds no condition)."""
    if station is None:
        return true()
    return resident_id_column.in_(select(Resident.id).where(Resident.station_id == station))
