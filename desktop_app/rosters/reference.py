"""Reference data every database needs: the default hours multipliers (holiday ×1.5, evening ×1)."""

from __future__ import annotations

from sqlmodel import Session, select

from desktop_app.rosters.models import HoursMultiplier

DEFAULT_MULTIPLIERS = {"holiday": 1.5, "evening": 1.0}


def ensure(s: Session) -> None:
    have = {m.kind for m in s.exec(select(HoursMultiplier).where(HoursMultiplier.station_id == None))}  # noqa: E711
    for kind, factor in DEFAULT_MULTIPLIERS.items():
        if kind not in have:
            s.add(HoursMultiplier(station_id=None, kind=kind, multiplier=factor))
