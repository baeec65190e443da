"""Rosters' station settings: the hours multipliers (holiday and evening patrols).
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import or_
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update
from desktop_app.rosters.common import (
    F_MULTIPLIER,
)
from desktop_app.rosters.models import (
    HoursMultiplier,
    MultiplierKind,
    ShiftPeriod,
)
from desktop_app.rosters.permissions import (
    MANAGE_ROSTERS,
)


def multiplier_table(s: Session, station_id: int | None) -> dict[str, float]:
    """kind -> multiplier for the station (its own, else the default for every station)."""
    rows: dict[str, float] = {}
    for m in s.exec(select(HoursMultiplier).where(or_(col(HoursMultiplier.station_id) == station_id,
                                                      col(HoursMultiplier.station_id) == None))):  # noqa: E711
        if m.station_id == station_id or m.kind not in rows:  # the station's own wins over the default
            rows[m.kind] = m.multiplier
    return rows


class PatrolKind(Protocol):
    """What a patrol's multiplier depends on: a shift, or what a calendar change would make of one."""

    @property
    def is_holiday(self) -> bool: ...
    @property
    def period(self) -> str: ...


def multiplier_for(s: Session, sh: PatrolKind, station_id: int | None, rows: dict[str, float] | None = None) -> float:
    """The factor a patrol's minutes are credited with: the larger of the holiday and evening multipliers
    that apply (the station's own, else the default for every station; ``rows``: multiplier_table read once)."""
    rows = multiplier_table(s, station_id) if rows is None else rows
    factor = 1.0
    if sh.is_holiday:
        factor = max(factor, rows.get(MultiplierKind.HOLIDAY, 1.0))
    if sh.period == ShiftPeriod.EVENING:
        factor = max(factor, rows.get(MultiplierKind.EVENING, 1.0))
    return factor


def multipliers(s: Session, *, actor: Actor) -> dict[str, HoursMultiplier]:
    """The multiplier of each kind that applies to the actor's station (its own, else the default), with the
    version the multiplier screen keeps; a default row has ``station_id`` None (saving makes the station's own)."""
    from desktop_app.rosters.permissions import VIEW_ROSTERS

    require(actor, VIEW_ROSTERS)
    out: dict[str, HoursMultiplier] = {}
    for m in s.exec(select(HoursMultiplier).where(or_(col(HoursMultiplier.station_id) == actor.station_id,
                                                      col(HoursMultiplier.station_id) == None))):  # noqa: E711
        if m.station_id == actor.station_id or m.kind not in out:
            out[m.kind] = m
    return out


def set_multiplier(s: Session, *, actor: Actor, kind: str, multiplier: float,
                   expected_version: int | None = None) -> HoursMultiplier:
    require(actor, MANAGE_ROSTERS)
    if kind not in tuple(MultiplierKind):
        raise ValidationError(F_MULTIPLIER, QT_TRANSLATE_NOOP("Errors", "choose holiday or evening."))
    if not (1.0 <= float(multiplier) <= 3.0):
        raise ValidationError(F_MULTIPLIER, QT_TRANSLATE_NOOP("Errors", "must be between 1 and 3."))
    row = s.exec(select(HoursMultiplier).where(HoursMultiplier.kind == kind, HoursMultiplier.station_id == actor.station_id)
                 .with_for_update()).first()
    if row is not None:
        return audited_update(s, row, {"multiplier": float(multiplier)}, actor=actor, entity="roster_hours_multiplier",
                              expected_version=expected_version)
    row = HoursMultiplier(station_id=actor.station_id, kind=kind, multiplier=float(multiplier))
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="roster_hours_multiplier", entity_id=row.id, after=row)
    return row
