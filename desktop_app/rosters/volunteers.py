"""One volunteer: limits by age band or their own, weekly availability, leave, skills and
qualifications, whom they like to patrol with; finding volunteers by name or by resident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, get_scoped, pk
from desktop_app.core.validation import clean_date, clean_text
from desktop_app.residents import Resident
from desktop_app.rosters.common import (
    F_EXPIRES,
    F_PER_MONTH,
    F_PER_WEEK,
    F_PERIOD,
    F_REASON,
    F_SKILL,
    F_VOLUNTEER,
    F_WEEKDAY,
    date_range,
    get_volunteer,
    volunteer_names,
)
from desktop_app.rosters.models import (
    PERIODS,
    Availability,
    Leave,
    PairingWish,
    Preference,
    Skill,
    TeamMember,
    Volunteer,
    VolunteerUpdate,
)
from desktop_app.rosters.permissions import (
    CHECK_IN_VOLUNTEERS,
    MANAGE_ROSTERS,
    VIEW_ROSTERS,
)


@dataclass(frozen=True)
class Limits:
    max_per_week: int | None
    max_per_month: int | None
    no_evenings: bool


def age_defaults(age: int | None) -> Limits:
    """Defaults by age band; each volunteer's own values (when set) win."""
    if age is not None and age >= 75:
        return Limits(2, 4, True)
    if age is not None and age >= 70:
        return Limits(3, 8, False)
    return Limits(3, 10, False)


def effective_limits(v: Volunteer, resident: Resident | None, on: date) -> Limits:
    base = age_defaults(resident.age(on) if resident else None)
    return Limits(
        v.max_per_week if v.max_per_week is not None else base.max_per_week,
        v.max_per_month if v.max_per_month is not None else base.max_per_month,
        v.no_evenings if v.no_evenings is not None else base.no_evenings,
    )


def set_limits(s: Session, *, actor: Actor, volunteer_id: int, max_per_week: int | None, max_per_month: int | None,
               no_evenings: bool | None, never_alone: bool | None = None, expected_version: int | None = None) -> Volunteer:
    """Per-person limits; ``None`` means "follow the age-band default"."""
    require(actor, MANAGE_ROSTERS)
    v = get_volunteer(s, volunteer_id, actor, for_update=True)
    if max_per_week is not None and not (0 <= max_per_week <= 7):
        raise ValidationError(F_PER_WEEK, QT_TRANSLATE_NOOP("Errors", "must be between 0 and 7 (one patrol a day at most)."))
    if max_per_month is not None and not (0 <= max_per_month <= 31):
        raise ValidationError(F_PER_MONTH, QT_TRANSLATE_NOOP("Errors", "must be between 0 and 31."))
    changes: dict = {"max_per_week": max_per_week, "max_per_month": max_per_month, "no_evenings": no_evenings}
    if never_alone is not None:
        changes["never_alone"] = never_alone
    return audited_update(s, v, changes, actor=actor, entity="roster_volunteer", expected_version=expected_version)


def set_availability(s: Session, *, actor: Actor, volunteer_id: int, weekday: int, period: str,
                     preference: str | None) -> None:
    """``preference``: "no" (never this weekday × shift), "prefer", or None (available, no preference)."""
    require(actor, MANAGE_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    if not (0 <= weekday <= 6):
        raise ValidationError(F_WEEKDAY, QT_TRANSLATE_NOOP("Errors", "choose Monday to Sunday."))
    if period not in PERIODS:
        raise ValidationError(F_PERIOD, QT_TRANSLATE_NOOP("Errors", "choose morning, afternoon or evening."))
    if preference is not None and preference not in (Preference.NO, Preference.PREFER):
        raise ValidationError(F_PERIOD, QT_TRANSLATE_NOOP("Errors", "choose unavailable, preferred or available."))
    row = s.exec(select(Availability).where(Availability.volunteer_id == volunteer_id, Availability.weekday == weekday,
                                            Availability.period == period)).first()
    before = audit.snapshot(row) if row else None
    if preference is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(Availability(volunteer_id=volunteer_id, weekday=weekday, period=period, preference=preference))
    else:
        row.preference = preference
        s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="roster_availability", entity_id=volunteer_id, before=before,
                 after={"weekday": weekday, "period": period, "preference": preference})


def add_leave(s: Session, *, actor: Actor, volunteer_id: int, start, end, reason: str = "") -> Leave:
    require(actor, MANAGE_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    a, b = date_range(start, end)
    reason = clean_text(reason, F_REASON, max_len=100, multiline=False)
    row = Leave(volunteer_id=volunteer_id, start=a, end=b, reason=reason)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_leave", entity_id=row.id, after=row)
    return row


def add_pairing(s: Session, *, actor: Actor, volunteer_id: int, partner_id: int) -> PairingWish:
    require(actor, MANAGE_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    get_volunteer(s, partner_id, actor)
    if volunteer_id == partner_id:
        raise ValidationError(F_VOLUNTEER, QT_TRANSLATE_NOOP("Errors", "choose someone else as the partner."))
    row = s.exec(select(PairingWish).where(PairingWish.volunteer_id == volunteer_id, PairingWish.partner_id == partner_id)).first()
    if row:
        return row
    row = PairingWish(volunteer_id=volunteer_id, partner_id=partner_id)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_pairing", entity_id=row.id, after=row)
    return row


def remove_pairing(s: Session, *, actor: Actor, volunteer_id: int, partner_id: int) -> None:
    require(actor, MANAGE_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    row = s.exec(select(PairingWish).where(PairingWish.volunteer_id == volunteer_id,
                                           PairingWish.partner_id == partner_id)).first()
    if row is None:
        return
    before = audit.snapshot(row)
    s.delete(row)
    s.flush()
    audit.record(s, actor=actor, action="delete", entity="roster_pairing", entity_id=row.id, before=before)


def add_skill(s: Session, *, actor: Actor, volunteer_id: int, name: str, expires_on=None) -> Skill:
    """A skill or qualification (first aid, fire warden) with an optional expiry date."""
    require(actor, MANAGE_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    name = clean_text(name, F_SKILL, max_len=50, required=True, multiline=False)
    expires = clean_date(expires_on, F_EXPIRES, earliest=date(2000, 1, 1))
    row = Skill(volunteer_id=volunteer_id, name=name, expires_on=expires)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_skill", entity_id=row.id, after=row)
    return row


def remove_skill(s: Session, *, actor: Actor, skill_id: int) -> None:
    require(actor, MANAGE_ROSTERS)
    row = get_scoped(s, Skill, skill_id, actor=actor, gone=QT_TRANSLATE_NOOP("Errors", "That skill was already removed."),
                     station_of=volunteer_station(s))
    before = audit.snapshot(row)
    s.delete(row)
    s.flush()
    audit.record(s, actor=actor, action="delete", entity="roster_skill", entity_id=skill_id, before=before)


@dataclass(frozen=True)
class VolunteerExtras:
    """What the volunteer dialog shows besides limits: skills, pairing wishes, possible partners."""

    skills: list[tuple[int, str, date | None, bool]]  # (id, name, expires_on, expired)
    partners: list[tuple[int, str]]  # (volunteer_id, name) this volunteer wishes to patrol with
    teammates: list[tuple[int, str]]  # (volunteer_id, name) of everyone in the same teams


def volunteer_extras(s: Session, *, actor: Actor, volunteer_id: int, today: date | None = None) -> VolunteerExtras:
    require(actor, VIEW_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    today = today or date.today()
    skills = [(pk(k.id), k.name, k.expires_on, k.expires_on is not None and k.expires_on < today)
              for k in s.exec(select(Skill).where(Skill.volunteer_id == volunteer_id).order_by(Skill.name))]

    partner_ids = [p.partner_id for p in s.exec(select(PairingWish).where(PairingWish.volunteer_id == volunteer_id))]
    team_ids = [m.team_id for m in s.exec(select(TeamMember).where(TeamMember.volunteer_id == volunteer_id))]
    mate_ids = {m.volunteer_id for m in s.exec(select(TeamMember).where(col(TeamMember.team_id).in_(team_ids)))} if team_ids else set()
    mate_ids.discard(volunteer_id)
    pn, mn = volunteer_names(s, partner_ids), volunteer_names(s, mate_ids)
    return VolunteerExtras(
        skills=skills,
        partners=sorted(((i, pn.get(i, "")) for i in partner_ids), key=lambda x: x[1]),
        teammates=sorted(((i, mn.get(i, "")) for i in mate_ids), key=lambda x: x[1]),
    )


@dataclass(frozen=True)
class VolunteerHit:
    volunteer_id: int
    resident_id: int
    name: str
    label: str


def search_volunteers(s: Session, *, actor: Actor, q: str, limit: int = 20) -> list[VolunteerHit]:
    """Volunteers by name, pinyin, initials or phone digits (the residents search, volunteers only)."""
    require(actor, CHECK_IN_VOLUNTEERS)
    from desktop_app.residents import resident_label, search_ids

    limit = max(1, min(int(limit), 200))  # a picker's list, never more
    ids = search_ids(s, q, limit=limit * 5, actor=actor)
    if not ids:
        return []
    rows = s.exec(station_scope(select(Volunteer, Resident).join(Resident, col(Resident.id) == Volunteer.resident_id)
                                .where(col(Volunteer.resident_id).in_(ids), Volunteer.active == True), Volunteer.station_id, actor)).all()  # noqa: E712
    rank = {rid: i for i, rid in enumerate(ids)}
    rows = sorted(rows, key=lambda vr: rank.get(vr[1].id, 0))[:limit]
    return [VolunteerHit(v.id, r.id, r.name, resident_label(r)) for v, r in rows]


def volunteer_for_resident(s: Session, *, actor: Actor, resident_id: int) -> Volunteer | None:
    require(actor, CHECK_IN_VOLUNTEERS)
    q = select(Volunteer).where(Volunteer.resident_id == resident_id, Volunteer.active == True)  # noqa: E712
    return s.exec(station_scope(q, Volunteer.station_id, actor)).first()


def volunteer_station(s: Session):
    """``station_of`` for rows that hang off a volunteer (skills): the volunteer's station."""

    def station_of(row) -> int | None:
        owner = s.get(Volunteer, row.volunteer_id)
        return owner.station_id if owner is not None else None

    return station_of


@dataclass(frozen=True)
class VolunteerProfile:
    """What the volunteer dialog shows and edits, read in one go; ``version`` goes back with the save."""

    volunteer_id: int
    name: str
    version: int
    max_per_week: int | None  # None: the age-band default
    max_per_month: int | None
    no_evenings: bool | None
    never_alone: bool
    defaults: Limits  # by age band
    availability: dict[tuple[int, str], str]  # (weekday, period) -> a Preference; missing: available
    extras: VolunteerExtras


def volunteer_profile(s: Session, *, actor: Actor, volunteer_id: int, today: date | None = None) -> VolunteerProfile:
    require(actor, VIEW_ROSTERS)
    v = get_volunteer(s, volunteer_id, actor)
    today = today or date.today()
    resident = s.get(Resident, v.resident_id)
    rows = s.exec(select(Availability).where(Availability.volunteer_id == v.id))
    return VolunteerProfile(
        pk(v.id), resident.name if resident else f"#{v.id}", v.version, v.max_per_week, v.max_per_month, v.no_evenings,
        v.never_alone, age_defaults(resident.age(today) if resident else None),
        {(r.weekday, r.period): r.preference for r in rows},
        volunteer_extras(s, actor=actor, volunteer_id=pk(v.id), today=today),
    )


def update_volunteer(s: Session, *, actor: Actor, volunteer_id: int, data: VolunteerUpdate,
                     expected_version: int | None = None) -> Volunteer:
    """The volunteer dialog's Save, all of it or nothing: limits, availability, skills, partners and a
    leave. Refused (StaleEdit) when someone saved this volunteer after ``expected_version`` was read."""
    require(actor, MANAGE_ROSTERS)
    v = set_limits(s, actor=actor, volunteer_id=volunteer_id, max_per_week=data.max_per_week,
                   max_per_month=data.max_per_month, no_evenings=data.no_evenings, never_alone=data.never_alone,
                   expected_version=expected_version)
    for skill_id in data.remove_skills:
        remove_skill(s, actor=actor, skill_id=skill_id)
    if data.new_skill.strip() or (data.new_skill_expires or "").strip():
        add_skill(s, actor=actor, volunteer_id=volunteer_id, name=data.new_skill,
                  expires_on=(data.new_skill_expires or "").strip() or None)
    for partner_id in data.remove_partners:
        remove_pairing(s, actor=actor, volunteer_id=volunteer_id, partner_id=partner_id)
    if data.new_partner is not None:
        add_pairing(s, actor=actor, volunteer_id=volunteer_id, partner_id=data.new_partner)
    for (weekday, period), preference in data.availability.items():
        set_availability(s, actor=actor, volunteer_id=volunteer_id, weekday=weekday, period=period, preference=preference)
    if data.leave is not None:
        add_leave(s, actor=actor, volunteer_id=volunteer_id, start=data.leave[0], end=data.leave[1], reason=data.leave_reason)
    return v
