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
