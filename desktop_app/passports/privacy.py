"""Passports' part of a resident's personal-data export and erasure (discovered by safety.privacy).

Erasure takes the person off the smile wall for good, deactivates their passports (status "lost": the
QR code no longer opens anyone) and clears free text about them. The stamp ledger, month totals, honours
and redemptions keep every row (the ledger is append-only in the database), so totals and reward stock
stay balanced.
"""

from __future__ import annotations

from sqlmodel import Session, select

from desktop_app.core.clock import utcnow
from desktop_app.passports.models import (
    ActivitySignup,
    HonourAward,
    MonthTotal,
    Passport,
    PassportStatus,
    Redemption,
    StampEntry,
    WallPreference,
)


def export(s: Session, resident_id: int) -> dict:
    def rows(model, order):
        return [x.model_dump() for x in s.exec(select(model).where(model.resident_id == resident_id).order_by(order))]

    stamps = rows(StampEntry, StampEntry.id)
    wall = s.get(WallPreference, resident_id)
    out = {
        "passports": rows(Passport, Passport.id),
        "signups": rows(ActivitySignup, ActivitySignup.id),
        "stamps": stamps,
        "stamp_balance": sum(e["stamps"] for e in stamps),
        "month_totals": rows(MonthTotal, MonthTotal.month),
        "honours": rows(HonourAward, HonourAward.id),
        "redemptions": rows(Redemption, Redemption.id),
        "smile_wall": wall.model_dump() if wall else {"opt_out": False},
    }
    return out if any(out[k] for k in ("passports", "signups", "stamps", "honours", "redemptions")) or wall else {}


def erase(s: Session, resident_id: int) -> None:
    now = utcnow()
    for p in s.exec(select(Passport).where(Passport.resident_id == resident_id)):
        if p.status == PassportStatus.ACTIVE:
            p.status = PassportStatus.LOST
            p.voided_at = now
        p.void_reason = ""
        s.add(p)
    wall = s.get(WallPreference, resident_id)
    if wall is None:
        wall = WallPreference(resident_id=resident_id)
    wall.opt_out = True
    wall.note = ""
    wall.changed_at = now
    s.add(wall)
    s.flush()
