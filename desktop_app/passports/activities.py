"""Activities that earn stamps: create and end them, which take place on a day, sign residents up, and who
came (signed up or walked in).

An activity happens once, every day or on some weekdays (ActivityKind) between its first and last date;
``stamps`` is what one attendance earns, ``max_visits`` how often one person may be stamped for it in all,
``capacity`` the places per occurrence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, get_scoped
from desktop_app.core.validation import clean_date, clean_text
from desktop_app.passports.cards import resident_in_station
from desktop_app.passports.models import (
    ACTIVITY_KINDS,
    Activity,
    ActivityCreate,
    ActivityKind,
    ActivitySignup,
    EntryKind,
    StampEntry,
)
from desktop_app.passports.permissions import MANAGE_ACTIVITIES, SIGN_UP, VIEW_PASSPORTS
from desktop_app.residents import Resident

ACTIVITY_GONE = QT_TRANSLATE_NOOP("Errors", "That activity no longer exists.")
F_ACTIVITY = QT_TRANSLATE_NOOP("Fields", "Activity")
F_NAME = QT_TRANSLATE_NOOP("Fields", "Activity name")
F_CATEGORY = QT_TRANSLATE_NOOP("Fields", "Category")
F_KIND = QT_TRANSLATE_NOOP("Fields", "Repeats")
F_START = QT_TRANSLATE_NOOP("Fields", "Date")
F_END = QT_TRANSLATE_NOOP("Fields", "Last date")
F_WEEKDAYS = QT_TRANSLATE_NOOP("Fields", "Weekdays")
F_STAMPS = QT_TRANSLATE_NOOP("Fields", "Stamps")
F_MAX_VISITS = QT_TRANSLATE_NOOP("Fields", "Limit per person")
F_CAPACITY = QT_TRANSLATE_NOOP("Fields", "Places")
F_ORGANISER = QT_TRANSLATE_NOOP("Fields", "Organiser")


def _clean_activity(data: ActivityCreate) -> dict:
    out: dict = {}
    out["name"] = clean_text(data.name, F_NAME, max_len=60, required=True, multiline=False)
    out["category"] = clean_text(data.category, F_CATEGORY, max_len=30, multiline=False)
    out["organiser"] = clean_text(data.organiser, F_ORGANISER, max_len=50, multiline=False)
    if data.kind not in ACTIVITY_KINDS:
        raise ValidationError(F_KIND, QT_TRANSLATE_NOOP("Errors", "choose once, every day or every week."))
    out["kind"] = data.kind
    start = clean_date(data.start_date, F_START, required=True)
    end = clean_date(data.end_date, F_END)
    if data.kind == ActivityKind.ONCE:
        end = start
    elif end is not None and end < start:
        raise ValidationError(F_END, QT_TRANSLATE_NOOP("Errors", "cannot be before the first date ({start})."), start=start.isoformat())
    out["start_date"], out["end_date"] = start, end
    weekdays = "".join(sorted(set((data.weekdays or "").replace(",", "").replace(" ", ""))))
    if data.kind == ActivityKind.WEEKLY:
        if not weekdays or any(c not in "1234567" for c in weekdays):
            raise ValidationError(F_WEEKDAYS, QT_TRANSLATE_NOOP("Errors", "tick at least one weekday."))
    else:
        weekdays = ""
    out["weekdays"] = weekdays
    if not isinstance(data.stamps, int) or not 1 <= data.stamps <= 20:
        raise ValidationError(F_STAMPS, QT_TRANSLATE_NOOP("Errors", "must be a whole number from 1 to 20."))
    out["stamps"] = data.stamps
    for key, label in (("max_visits", F_MAX_VISITS), ("capacity", F_CAPACITY)):
        value = getattr(data, key)
        if value in (None, 0):
            out[key] = None
        elif not isinstance(value, int) or value < 0 or value > 100000:
            raise ValidationError(label, QT_TRANSLATE_NOOP("Errors", "must be a whole number (0 means no limit)."))
        else:
            out[key] = value
    return out


def create_activity(s: Session, *, actor: Actor, data: ActivityCreate) -> Activity:
    require(actor, MANAGE_ACTIVITIES)
    activity = Activity(**_clean_activity(data), station_id=actor.station_id)
    s.add(activity)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="passport_activity", entity_id=activity.id, after=activity)
    return activity


def set_activity_active(
    s: Session, *, actor: Actor, activity_id: int, active: bool, expected_version: int | None = None
) -> Activity:
    """End an activity (or offer it again). ``expected_version``: the version the person looked at; a
    change saved since then is not overwritten (StaleEdit names who made it, and when)."""
    require(actor, MANAGE_ACTIVITIES)
    activity = get_scoped(s, Activity, activity_id, actor=actor, gone=ACTIVITY_GONE, for_update=True)
    return audited_update(s, activity, {"active": active}, actor=actor, entity="passport_activity",
                          expected_version=expected_version)


def occurs_on(activity: Activity, day: date) -> bool:
    if not activity.active or day < activity.start_date:
        return False
    if activity.end_date is not None and day > activity.end_date:
        return False
    if activity.kind == ActivityKind.ONCE:
        return day == activity.start_date
    if activity.kind == ActivityKind.WEEKLY:
        return str(day.isoweekday()) in activity.weekdays
    return True


def activities_on(s: Session, day: date, actor: Actor | None = None) -> list[Activity]:
    """Activities taking place on ``day`` (no permission check: the kiosk and the desk both list them);
    with ``actor``, those of the actor's station."""
    q = (
        select(Activity)
        .where(Activity.active == True, Activity.start_date <= day)  # noqa: E712
        .where(or_(col(Activity.end_date).is_(None), col(Activity.end_date) >= day))
        .order_by(col(Activity.name), col(Activity.id))
    )
    rows = s.exec(station_scope(q, Activity.station_id, actor) if actor is not None else q)
    return [a for a in rows if occurs_on(a, day)]


def list_activities(s: Session, *, actor: Actor, include_inactive: bool = False, limit: int = 500) -> list[Activity]:
    require(actor, VIEW_PASSPORTS)
    q = station_scope(select(Activity), Activity.station_id, actor)
    if not include_inactive:
        q = q.where(Activity.active == True)  # noqa: E712
    return list(s.exec(q.order_by(col(Activity.start_date).desc(), col(Activity.id).desc()).limit(limit)))


def sign_up(s: Session, *, actor: Actor, activity_id: int, resident_id: int, on_date: date) -> ActivitySignup:
    require(actor, SIGN_UP)
    activity = get_scoped(s, Activity, activity_id, actor=actor, gone=ACTIVITY_GONE)
    resident = resident_in_station(s, resident_id, actor)
    if not occurs_on(activity, on_date):
        raise ValidationError(
            F_START, QT_TRANSLATE_NOOP("Errors", "{activity} does not take place on {day}; choose one of its dates."),
            activity=activity.name, day=on_date.isoformat(),
        )
    taken = s.exec(
        select(func.count()).select_from(ActivitySignup).where(
            ActivitySignup.activity_id == activity_id, ActivitySignup.on_date == on_date
        )
    ).one()
    if activity.capacity is not None and taken >= activity.capacity:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{activity} on {day} is full ({capacity} places)."),
            activity=activity.name, day=on_date.isoformat(), capacity=activity.capacity,
        )
    row = ActivitySignup(activity_id=activity_id, resident_id=resident_id, on_date=on_date, created_by=actor.id)
    try:
        with s.begin_nested():
            s.add(row)
            s.flush()
    except IntegrityError:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{name} is already signed up for {activity} on {day}."),
            name=resident.name, activity=activity.name, day=on_date.isoformat(),
        ) from None
    audit.record(s, actor=actor, action="create", entity="passport_signup", entity_id=row.id, after=row)
    return row


@dataclass(frozen=True)
class SignupRow:
    resident_id: int
    name: str
    signed_up: bool
    attended: bool


def attendance(s: Session, *, actor: Actor, activity_id: int, on_date: date) -> list[SignupRow]:
    """Who signed up for an occurrence and who was stamped for it (walk-ins included)."""
    require(actor, VIEW_PASSPORTS)
    get_scoped(s, Activity, activity_id, actor=actor, gone=ACTIVITY_GONE)
    signed = set(s.exec(select(ActivitySignup.resident_id).where(
        ActivitySignup.activity_id == activity_id, ActivitySignup.on_date == on_date)))
    came = set(s.exec(select(StampEntry.resident_id).where(
        StampEntry.activity_id == activity_id, StampEntry.occurred_on == on_date, StampEntry.kind == EntryKind.AWARD)))
    ids = signed | came
    names = dict(s.exec(select(Resident.id, Resident.name).where(col(Resident.id).in_(ids))).all()) if ids else {}
    rows = [SignupRow(rid, names.get(rid, ""), rid in signed, rid in came) for rid in ids]
    return sorted(rows, key=lambda r: (not r.signed_up, r.name))
