"""The smile wall's data (笑脸墙): the month's most active residents, masked, with their levels; and each
resident's choice to stay off the wall (no row: shown, masked name and initial only).

The ranking reads ``passport_month_total`` (kept in step with the ledger in the same transaction);
``month_leaderboard_from_ledger`` sums the ledger itself, to check the totals.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, exists
from sqlmodel import Session, col, func, select

from desktop_app.core import audit, clock
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.periods import Period
from desktop_app.core.validation import clean_month_text, clean_text, mask_name
from desktop_app.passports.cards import resident_in_station
from desktop_app.passports.honours import ladder, level_for
from desktop_app.passports.models import EARNED_KINDS, MonthTotal, StampEntry, WallPreference
from desktop_app.passports.permissions import SET_WALL_CHOICE, VIEW_WALL
from desktop_app.residents import Resident


def set_wall_opt_out(s: Session, *, actor: Actor, resident_id: int, opt_out: bool, note: str = "") -> None:
    require(actor, SET_WALL_CHOICE)
    resident_in_station(s, resident_id, actor)
    pref = s.get(WallPreference, resident_id)
    before = audit.snapshot(pref) if pref else None
    if pref is None:
        pref = WallPreference(resident_id=resident_id)
    pref.opt_out = opt_out
    pref.note = clean_text(note, QT_TRANSLATE_NOOP("Fields", "Notes"), max_len=200)
    pref.changed_by = actor.id
    pref.changed_at = clock.utcnow()
    s.add(pref)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="passport_wall_pref", entity_id=resident_id, before=before, after=pref)


def wall_opted_out(s: Session, resident_id: int) -> bool:
    pref = s.get(WallPreference, resident_id)
    return bool(pref and pref.opt_out)


@dataclass(frozen=True)
class WallRow:
    rank: int
    resident_id: int
    masked_name: str
    initial: str
    community: str
    month_stamps: int
    level: str


def month_leaderboard(s: Session, *, actor: Actor, month: str, limit: int = 10, community: str = "") -> list[WallRow]:
    """The month's most active residents (opted-out residents left out), from the month totals."""
    require(actor, VIEW_WALL)
    opted_out = exists().where(and_(col(WallPreference.resident_id) == MonthTotal.resident_id, col(WallPreference.opt_out) == True))  # noqa: E712
    q = (
        select(MonthTotal.resident_id, MonthTotal.earned, Resident.name, Resident.community)
        .join(Resident, col(Resident.id) == MonthTotal.resident_id)
        .where(MonthTotal.month == month, MonthTotal.earned > 0, ~opted_out, Resident.erased == False)  # noqa: E712
    )
    q = station_scope(q, Resident.station_id, actor)  # month totals hang off the resident
    if community:
        q = q.where(Resident.community == community)
    rows = s.exec(q.order_by(col(MonthTotal.earned).desc(), col(MonthTotal.resident_id)).limit(limit)).all()
    return _wall_rows(s, rows)


def _wall_rows(s: Session, rows) -> list[WallRow]:
    levels = ladder(s)
    ids = [r[0] for r in rows]
    totals = dict(s.exec(
        select(StampEntry.resident_id, func.sum(StampEntry.stamps))
        .where(col(StampEntry.resident_id).in_(ids), col(StampEntry.kind).in_(EARNED_KINDS))
        .group_by(col(StampEntry.resident_id))
    ).all()) if ids else {}
    out = []
    for i, (rid, month_total, name, community) in enumerate(rows, start=1):
        current, _ = level_for(totals.get(rid, 0) or 0, levels)
        out.append(WallRow(i, rid, mask_name(name), name[:1], community or "", month_total, current.name if current else ""))
    return out


def month_leaderboard_from_ledger(s: Session, *, actor: Actor, month: str, limit: int = 10) -> list[tuple[int, int]]:
    """The same ranking summed straight from the ledger (slower; used to check the month totals)."""
    require(actor, VIEW_WALL)
    month = clean_month_text(month)
    period = Period.month(int(month[:4]), int(month[5:7]))
    total = func.sum(StampEntry.stamps).label("total")
    rows = s.exec(
        station_scope(select(StampEntry.resident_id, total).join(Resident, col(Resident.id) == StampEntry.resident_id),
                      Resident.station_id, actor)
        .where(StampEntry.occurred_on >= period.start, StampEntry.occurred_on < period.end, col(StampEntry.kind).in_(EARNED_KINDS))
        .group_by(StampEntry.resident_id)
        .having(total > 0)
        .order_by(total.desc(), StampEntry.resident_id)
        .limit(limit)
    ).all()
    return [(r[0], r[1]) for r in rows]
