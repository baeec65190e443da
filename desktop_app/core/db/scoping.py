"""Station scoping: staff see their station's rows; an actor without a station sees all of them."""

from __future__ import annotations


def station_scope(query, column, actor):
    """Limit ``query`` to rows of the actor's station (``column`` is the table's station_id).

    Staff belong to one station and see its rows; an actor without a station (a sub-district
    administrator on a shared PostgreSQL database, or the system) sees every station, so counts
    made through the same query roll up across stations.
    """
    station_id = getattr(actor, "station_id", None)
    if station_id is None:
        return query
    return query.where(column == station_id)


def in_station(actor, station_id) -> bool:
    """May ``actor`` see a row that belongs to ``station_id``? (the same rule as ``station_scope``)."""
    own = getattr(actor, "station_id", None)
    return own is None or station_id == own


def counted_station(s, actor, station_id: int | None = None) -> int | None:
    """The station a figure counts: staff their own whatever they ask for; an actor without a station (a
    sub-district administrator) the one asked for, or every station with None. Returns None ("no filter")
    also when the database holds a single station — every row is that station's or has none — which
    spares the joins a station filter needs on big tables (the answer is kept for the session)."""
    station = _station_of(actor, station_id)
    if station is None:
        return None
    if _STATIONS not in s.info:
        from sqlalchemy import func, select, table

        s.info[_STATIONS] = s.scalar(select(func.count()).select_from(table("station")))
    return None if s.info[_STATIONS] <= 1 else station


def scope_to(query, column, station: int | None):
    """``query`` limited to rows of ``station`` (from ``counted_station``); unchanged for None."""
    return query if station is None else query.where(column == station)


def _station_of(actor, station_id: int | None) -> int | None:
    own = getattr(actor, "station_id", None)
    return own if own is not None else station_id


_STATIONS = "smiledesk.stations"
