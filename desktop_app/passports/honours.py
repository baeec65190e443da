"""Honours (荣誉): the ladder of levels reached by stamps earned, recorded once each, and the honour
certificate requested from the certificates feature in the same transaction.

"Earned" counts awards and patrol stamps less their corrections; spending stamps on a reward never takes an
honour away. When the certificates feature cannot take a request, the honour is recorded anyway and
``queue_pending_certificates`` asks again later.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.records import pk
from desktop_app.passports.models import EARNED_KINDS, HonourAward, HonourLevel, StampEntry
from desktop_app.passports.permissions import VIEW_PASSPORTS
from desktop_app.residents import Resident


def earned(s: Session, resident_id: int) -> int:
    """Stamps earned (what honours count): awards and patrols less their corrections, spending excluded."""
    return s.exec(
        select(func.coalesce(func.sum(StampEntry.stamps), 0)).where(
            StampEntry.resident_id == resident_id, col(StampEntry.kind).in_(EARNED_KINDS)
        )
    ).one()


def ladder(s: Session) -> list[HonourLevel]:
    return list(s.exec(select(HonourLevel).order_by(col(HonourLevel.threshold))))


def level_for(total: int, levels: Sequence[HonourLevel]) -> tuple[HonourLevel | None, HonourLevel | None]:
    """(level reached, next level) for ``total`` earned stamps."""
    current = None
    for lv in levels:
        if total >= lv.threshold:
            current = lv
        else:
            return current, lv
    return current, None


def _check_honours(s: Session, actor: Actor, resident_id: int) -> list[HonourAward]:
    """Record every level newly reached and queue its certificate (in this transaction)."""
    total = earned(s, resident_id)
    have = set(s.exec(select(HonourAward.level_id).where(HonourAward.resident_id == resident_id)))
    new = []
    for level in ladder(s):
        if level.threshold <= total and level.id not in have:
            award = HonourAward(resident_id=resident_id, level_id=pk(level.id), name=level.name, threshold=level.threshold)
            try:
                with s.begin_nested():
                    s.add(award)
                    s.flush()
            except IntegrityError:
                continue
            audit.record(s, actor=actor, action="honour", entity="passport_honour", entity_id=award.id, after=award)
            queue_certificate(s, actor, award)
            new.append(award)
    return new


def queue_certificate(s: Session, actor: Actor, award: HonourAward) -> int | None:
    """Hand the honour to the certificates feature: the request's id; None (and left pending) when it cannot
    take it now."""
    try:
        from desktop_app.certificates import request_honour_certificate
    except ImportError:
        return None
    resident = s.get(Resident, award.resident_id)
    if resident is None:
        return None
    ref = f"honour:{award.resident_id}:{award.threshold}"
    try:
        with s.begin_nested():
            request_id = request_honour_certificate(s, actor=actor, resident_id=award.resident_id, title=award.name,
                                                    source="passports", source_ref=ref)
    except (SmileDeskError, IntegrityError):
        return None
    award.certificate_ref = ref
    s.add(award)
    s.flush()
    return request_id


def queue_pending_certificates(s: Session, *, actor: Actor) -> int:
    """Queue certificates for honours recorded while the certificates feature could not take them."""
    require(actor, VIEW_PASSPORTS)
    pending = s.exec(select(HonourAward).where(HonourAward.certificate_ref == "").order_by(col(HonourAward.id))).all()
    return sum(1 for award in pending if queue_certificate(s, actor, award) is not None)
