"""Rosters' part of a resident's personal-data export and erasure (discovered by safety.privacy).

Erasure ends the person's volunteering (inactive, no future wishes) and clears free text about them
(volunteer notes, leave reasons, hours-entry reasons). The hours ledger, check-ins, assignments and
patrol findings keep every row, so team totals and hours balances do not change.
"""

from __future__ import annotations

from sqlmodel import Session, col, delete, select

from desktop_app.rosters.models import (
    Assignment,
    Availability,
    CheckIn,
    HoursEntry,
    Leave,
    PairingWish,
    PatrolFinding,
    Skill,
    TeamMember,
    Volunteer,
)


def _volunteer(s: Session, resident_id: int) -> Volunteer | None:
    return s.exec(select(Volunteer).where(Volunteer.resident_id == resident_id)).first()


def export(s: Session, resident_id: int) -> dict:
    v = _volunteer(s, resident_id)
    if v is None:
        return {}

    def rows(model, order):
        return [r.model_dump(exclude={"volunteer_id"}) for r in s.exec(select(model).where(model.volunteer_id == v.id).order_by(order))]

    hours = rows(HoursEntry, HoursEntry.id)
    return {
        "volunteer": v.model_dump(exclude={"resident_id"}),
        "teams": rows(TeamMember, TeamMember.id),
        "skills": rows(Skill, Skill.id),
        "availability": rows(Availability, Availability.id),
        "leave": rows(Leave, Leave.id),
        "assignments": rows(Assignment, Assignment.id),
        "check_ins": rows(CheckIn, CheckIn.id),
        "hours": hours,
        "hours_total_minutes": sum(h["credited_minutes"] for h in hours),
        "patrol_findings": rows(PatrolFinding, PatrolFinding.id),
    }


def erase(s: Session, resident_id: int) -> None:
    v = _volunteer(s, resident_id)
    if v is None:
        return
    v.active = False
    v.notes = ""
    s.add(v)
    for leave in s.exec(select(Leave).where(Leave.volunteer_id == v.id)):
        leave.reason = ""
        s.add(leave)
    for entry in s.exec(select(HoursEntry).where(HoursEntry.volunteer_id == v.id)):
        if entry.reason:
            entry.reason = ""
            s.add(entry)
    # Wishes about whom to patrol with are personal preferences, not records: remove them both ways.
    s.exec(delete(PairingWish).where((col(PairingWish.volunteer_id) == v.id) | (col(PairingWish.partner_id) == v.id)))
    s.flush()
