"""Which station a report is for: the stations an actor may choose, and a station's name on the report."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor, require
from desktop_app.core.i18n import join
from desktop_app.core.models import Station
from desktop_app.core.records import pk
from desktop_app.reports.permissions import VIEW_REPORTS


def effective_station(actor: Actor, station_id: int | None) -> int | None:
    """An actor bound to a station sees that station; one without (sub-district) may pick any or all."""
    return actor.station_id if actor.station_id is not None else station_id


def stations(s: Session, *, actor: Actor) -> list[tuple[int, str]]:
    """Stations the actor may choose in the selector (its own only, when bound to one)."""
    require(actor, VIEW_REPORTS)
    q = select(Station.id, Station.name).order_by(col(Station.id))
    if actor.station_id is not None:
        q = q.where(Station.id == actor.station_id)
    return [(pk(i), n) for i, n in s.exec(q)]


def station_name(s: Session, station_id: int | None) -> str:
    """The station's name; with None (every station) the names of the first three."""
    if station_id is None:
        names = list(s.exec(select(Station.name).order_by(col(Station.id))))
        return names[0] if len(names) == 1 else join(names[:3]) + ("…" if len(names) > 3 else "")
    st = s.get(Station, station_id)
    return st.name if st else ""
