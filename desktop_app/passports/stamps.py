"""Passport use cases: issue and replace passports, stamp attendance, correct, redeem, honours, kiosk, wall.

Every function takes the caller's session and the signed-in ``actor``, checks the permission first and
writes the audit log in the same transaction. Nothing is written when a request is refused.

Stamping is idempotent: the ledger has a UNIQUE (resident, activity, day, kind) constraint, so a second
scan — from the same kiosk, a second kiosk or the desk, in another process — can never add a second
award; the insert runs in a savepoint and an IntegrityError is reported as "already stamped".
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import String, and_, cast, exists, func, literal, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from desktop_app.core import audit, clock
from desktop_app.core.auth import ALL_ROLES, STAFF, Actor, Permission, Role, require
from desktop_app.core.db import in_station, station_scope
from desktop_app.core.errors import ConflictError, NotFound, SmileDeskError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StationSetting
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.validation import clean_date, clean_text, mask_name
from desktop_app.passports import codes
from desktop_app.passports.models import (
    ACTIVITY_KINDS,
    EARNED_KINDS,
    Activity,
    ActivityCreate,
    ActivitySignup,
    HonourAward,
    HonourLevel,
    MonthTotal,
    Passport,
    Redemption,
    Reward,
    RewardCreate,
    StampEntry,
    WallPreference,
)

# --- permissions (the role × use-case matrix is tested in tests/passports/test_permissions.py) ----------
from desktop_app.passports.permissions import VIEW_PASSPORTS  # noqa: E402  (shared with feature.py)
from desktop_app.residents.models import Resident

ISSUE_PASSPORTS = Permission(QT_TRANSLATE_NOOP("Permissions", "issue or replace passports"), {Role.ADMIN, Role.FRONT_DESK})
AWARD_STAMPS = Permission(QT_TRANSLATE_NOOP("Permissions", "stamp passports at the desk"), STAFF)
CORRECT_STAMPS = Permission(QT_TRANSLATE_NOOP("Permissions", "correct stamps"), {Role.ADMIN, Role.FRONT_DESK})
REDEEM_REWARDS = Permission(QT_TRANSLATE_NOOP("Permissions", "redeem rewards"), {Role.ADMIN, Role.FRONT_DESK})
MANAGE_ACTIVITIES = Permission(QT_TRANSLATE_NOOP("Permissions", "manage activities"), {Role.ADMIN, Role.COORDINATOR})
MANAGE_REWARDS = Permission(QT_TRANSLATE_NOOP("Permissions", "manage rewards"), {Role.ADMIN, Role.COORDINATOR})
SIGN_UP = Permission(QT_TRANSLATE_NOOP("Permissions", "sign residents up for activities"), STAFF)
KIOSK_USE = Permission(QT_TRANSLATE_NOOP("Permissions", "use the passport kiosk"), ALL_ROLES)
VIEW_WALL = Permission(QT_TRANSLATE_NOOP("Permissions", "show the smile wall"), ALL_ROLES)
SET_WALL_CHOICE = Permission(QT_TRANSLATE_NOOP("Permissions", "record smile wall choices"), STAFF)
PATROL_STAMPS = Permission(QT_TRANSLATE_NOOP("Permissions", "award stamps for patrols"), {Role.ADMIN, Role.COORDINATOR})
KIOSK_SETTINGS = Permission(QT_TRANSLATE_NOOP("Permissions", "change kiosk settings"), {Role.ADMIN})

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
F_REASON = QT_TRANSLATE_NOOP("Fields", "Reason")
F_REWARD = QT_TRANSLATE_NOOP("Fields", "Reward")
F_COST = QT_TRANSLATE_NOOP("Fields", "Cost in stamps")
F_STOCK = QT_TRANSLATE_NOOP("Fields", "Stock")
F_PIN = QT_TRANSLATE_NOOP("Fields", "Kiosk PIN")
F_DAILY_CAP = QT_TRANSLATE_NOOP("Fields", "Daily stamp limit")

KIND_LABELS = {
    "award": QT_TRANSLATE_NOOP("Passports", "activity"),
    "patrol": QT_TRANSLATE_NOOP("Passports", "patrol"),
    "reversal": QT_TRANSLATE_NOOP("Passports", "correction"),
    "redemption": QT_TRANSLATE_NOOP("Passports", "reward"),
    "refund": QT_TRANSLATE_NOOP("Passports", "reward returned"),
}
PLACE_LABELS = {
    "desk": QT_TRANSLATE_NOOP("Passports", "desk"),
    "kiosk": QT_TRANSLATE_NOOP("Passports", "kiosk"),
    "patrol rule": QT_TRANSLATE_NOOP("Passports", "patrol rule"),
}
STATUS_LABELS = {
    "active": QT_TRANSLATE_NOOP("Passports", "active"),
    "lost": QT_TRANSLATE_NOOP("Passports", "reported lost"),
    "replaced": QT_TRANSLATE_NOOP("Passports", "replaced"),
}
ACTIVITY_KIND_LABELS = {
    "once": QT_TRANSLATE_NOOP("Passports", "once"),
    "daily": QT_TRANSLATE_NOOP("Passports", "every day"),
    "weekly": QT_TRANSLATE_NOOP("Passports", "every week"),
}

PIN_KEY = "passports.kiosk_pin"
DAILY_CAP_KEY = "passports.daily_cap"
PATROL_STAMPS_KEY = "passports.patrol_stamps"
DEFAULT_DAILY_CAP = 10
DEFAULT_PATROL_STAMPS = 1
PATROL_REF = "rosters.checkin:"


# --- station settings (core's StationSetting table, our own keys) ------------------------------------


def _setting(s: Session, key: str) -> StationSetting | None:
    return s.exec(select(StationSetting).where(StationSetting.key == key).order_by(StationSetting.id)).first()


def _int_setting(s: Session, key: str, default: int) -> int:
    row = _setting(s, key)
    try:
        return int(row.value) if row is not None else default
    except ValueError:
        return default


def _put_setting(s: Session, actor: Actor, key: str, value: str, *, secret: bool = False) -> None:
    row = _setting(s, key)
    before = None if row is None or secret else row.value
    if row is None:
        row = StationSetting(station_id=actor.station_id, key=key, value=value)
    else:
        row.value = value
    s.add(row)
    s.flush()
    audit.record(
        s, actor=actor, action="update", entity="station_setting", entity_id=key,
        before=None if secret else {"value": before}, after={"value": "(hidden)" if secret else value},
    )


def daily_cap(s: Session) -> int:
    return _int_setting(s, DAILY_CAP_KEY, DEFAULT_DAILY_CAP)


def set_daily_cap(s: Session, *, actor: Actor, stamps: int) -> None:
    require(actor, KIOSK_SETTINGS)
    if not isinstance(stamps, int) or not 1 <= stamps <= 100:
        raise ValidationError(F_DAILY_CAP, QT_TRANSLATE_NOOP("Errors", "must be a whole number from 1 to 100."))
    _put_setting(s, actor, DAILY_CAP_KEY, str(stamps))


def patrol_stamps(s: Session) -> int:
    return _int_setting(s, PATROL_STAMPS_KEY, DEFAULT_PATROL_STAMPS)


def set_kiosk_pin(s: Session, *, actor: Actor, pin: str) -> None:
    """Store the staff PIN that unlocks the kiosk, as an argon2 hash."""
    from desktop_app.core.auth import hash_password

    require(actor, KIOSK_SETTINGS)
    pin = (pin or "").strip()
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValidationError(F_PIN, QT_TRANSLATE_NOOP("Errors", "use 4 to 12 digits."))
    _put_setting(s, actor, PIN_KEY, hash_password(pin), secret=True)


def has_kiosk_pin(s: Session) -> bool:
    row = _setting(s, PIN_KEY)
    return row is not None and bool(row.value)


def verify_staff_pin(s: Session, pin: str) -> bool:
    """True when ``pin`` matches the stored kiosk PIN (no PIN stored: always False)."""
    from desktop_app.core.auth import verify_password

    row = _setting(s, PIN_KEY)
    if row is None or not row.value or not pin:
        return False
    return verify_password(row.value, pin)


# --- passports --------------------------------------------------------------------------------------


def _resident(s: Session, resident_id: int, actor: Actor) -> Resident:
    """The resident, if of the actor's station (docs/postgres.md §5); NotFound otherwise."""
    resident = s.get(Resident, resident_id)
    if resident is None or resident.erased or not in_station(actor, resident.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))
    return resident


def active_passport(s: Session, resident_id: int) -> Passport | None:
    return s.exec(
        select(Passport).where(Passport.resident_id == resident_id, Passport.status == "active").order_by(Passport.id.desc())
    ).first()


def _new_number(s: Session, rng: random.Random | None) -> str:
    for _ in range(50):
        number = codes.random_number(rng)
        if s.exec(select(Passport.id).where(Passport.number == number)).first() is None:
            return number
    raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Could not find a free passport number; try again."))


def issue_passport(
    s: Session, *, actor: Actor, resident_id: int, today: date | None = None, rng: random.Random | None = None
) -> Passport:
    require(actor, ISSUE_PASSPORTS)
    resident = _resident(s, resident_id, actor)
    current = active_passport(s, resident_id)
    if current is not None:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{name} already has passport {number}. Replace it if the card is lost."),
            existing_id=current.id, name=resident.name, number=codes.display(current.number),
        )
    passport = Passport(
        resident_id=resident_id, station_id=actor.station_id, number=_new_number(s, rng), issued_on=today or clock.today()
    )
    s.add(passport)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="passport", entity_id=passport.id, after=passport)
    return passport


def _passport(s: Session, passport_id: int, actor: Actor) -> Passport:
    passport = s.get(Passport, passport_id)
    if passport is None or not in_station(actor, passport.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That passport no longer exists."))
    return passport


def report_lost(s: Session, *, actor: Actor, passport_id: int, reason: str = "") -> Passport:
    """The card is lost: its number stops working at once (the kiosk refuses it)."""
    require(actor, ISSUE_PASSPORTS)
    passport = _passport(s, passport_id, actor)
    if passport.status != "active":
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This passport is not active any more; nothing to report."))
    before = audit.snapshot(passport)
    passport.status = "lost"
    passport.voided_at = clock.utcnow()
    passport.void_reason = clean_text(reason, F_REASON, max_len=200, multiline=False)
    s.add(passport)
    s.flush()
    audit.record(s, actor=actor, action="lost", entity="passport", entity_id=passport.id, before=before, after=passport)
    return passport


def replace_passport(
    s: Session, *, actor: Actor, passport_id: int, reason: str = "", today: date | None = None,
    rng: random.Random | None = None,
) -> Passport:
    """A new card with a new number; the old number is void. Stamps belong to the resident, so all carry over."""
    require(actor, ISSUE_PASSPORTS)
    old = _passport(s, passport_id, actor)
    if old.status == "replaced":
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This passport was already replaced; replace the newest one instead."))
    before = audit.snapshot(old)
    old.status = "replaced"
    old.voided_at = old.voided_at or clock.utcnow()
    old.void_reason = clean_text(reason, F_REASON, max_len=200, multiline=False) or old.void_reason
    s.add(old)
    s.flush()
    new = Passport(
        resident_id=old.resident_id, station_id=actor.station_id, number=_new_number(s, rng),
        issued_on=today or clock.today(), replaces_id=old.id,
    )
    s.add(new)
    s.flush()
    audit.record(s, actor=actor, action="replace", entity="passport", entity_id=old.id, before=before, after=old)
    audit.record(s, actor=actor, action="create", entity="passport", entity_id=new.id, after=new)
    return new


def passports_of(s: Session, *, actor: Actor, resident_id: int) -> list[Passport]:
    require(actor, VIEW_PASSPORTS)
    _resident(s, resident_id, actor)
    return list(s.exec(select(Passport).where(Passport.resident_id == resident_id).order_by(Passport.id.desc())))


def passport_for_code(s: Session, code: str, actor: Actor | None = None) -> Passport:
    """The active passport for scanned/typed text, or a specific, translated refusal.

    With ``actor``, only a passport of the actor's station is found (docs/postgres.md §5)."""
    number = codes.parse_code(code)
    passport = s.exec(select(Passport).where(Passport.number == number)).first()
    if passport is None or (actor is not None and not in_station(actor, passport.station_id)):
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "No passport has the number {number}. Please ask at the desk."),
            number=codes.display(number),
        )
    if passport.status == "lost":
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Passport {number} was reported lost and no longer works. Please ask at the desk for a new card."),
            number=codes.display(number),
        )
    if passport.status == "replaced":
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Passport {number} has been replaced by a newer card; please use the new card."),
            number=codes.display(number),
        )
    return passport


def resolve_code(s: Session, code: str) -> int | None:
    """Passport number or scanned payload → resident id (None when malformed, unknown or void).

    Offered to other features as ``interfaces.PassportCodes``.
    """
    try:
        return passport_for_code(s, code).resident_id
    except SmileDeskError:
        return None


# --- activities ---------------------------------------------------------------------------------------


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
    if data.kind == "once":
        end = start
    elif end is not None and end < start:
        raise ValidationError(F_END, QT_TRANSLATE_NOOP("Errors", "cannot be before the first date ({start})."), start=start.isoformat())
    out["start_date"], out["end_date"] = start, end
    weekdays = "".join(sorted(set((data.weekdays or "").replace(",", "").replace(" ", ""))))
    if data.kind == "weekly":
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


def update_activity(s: Session, *, actor: Actor, activity_id: int, data: ActivityCreate) -> Activity:
    require(actor, MANAGE_ACTIVITIES)
    activity = _activity(s, activity_id, actor)
    before = audit.snapshot(activity)
    for key, value in _clean_activity(data).items():
        setattr(activity, key, value)
    s.add(activity)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="passport_activity", entity_id=activity.id, before=before, after=activity)
    return activity


def set_activity_active(s: Session, *, actor: Actor, activity_id: int, active: bool) -> Activity:
    require(actor, MANAGE_ACTIVITIES)
    activity = _activity(s, activity_id, actor)
    before = audit.snapshot(activity)
    activity.active = active
    s.add(activity)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="passport_activity", entity_id=activity.id, before=before, after=activity)
    return activity


def _activity(s: Session, activity_id: int, actor: Actor) -> Activity:
    activity = s.get(Activity, activity_id)
    if activity is None or not in_station(actor, activity.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That activity no longer exists."))
    return activity


def occurs_on(activity: Activity, day: date) -> bool:
    if not activity.active or day < activity.start_date:
        return False
    if activity.end_date is not None and day > activity.end_date:
        return False
    if activity.kind == "once":
        return day == activity.start_date
    if activity.kind == "weekly":
        return str(day.isoweekday()) in activity.weekdays
    return True


def activities_on(s: Session, day: date, actor: Actor | None = None) -> list[Activity]:
    """Activities taking place on ``day`` (no permission check: the kiosk and the desk both list them);
    with ``actor``, those of the actor's station."""
    q = (
        select(Activity)
        .where(Activity.active == True, Activity.start_date <= day)  # noqa: E712
        .where((Activity.end_date == None) | (Activity.end_date >= day))  # noqa: E711
        .order_by(Activity.name, Activity.id)
    )
    rows = s.exec(station_scope(q, Activity.station_id, actor) if actor is not None else q)
    return [a for a in rows if occurs_on(a, day)]


def list_activities(s: Session, *, actor: Actor, include_inactive: bool = False, limit: int = 500) -> list[Activity]:
    require(actor, VIEW_PASSPORTS)
    q = station_scope(select(Activity), Activity.station_id, actor)
    if not include_inactive:
        q = q.where(Activity.active == True)  # noqa: E712
    return list(s.exec(q.order_by(Activity.start_date.desc(), Activity.id.desc()).limit(limit)))


def sign_up(s: Session, *, actor: Actor, activity_id: int, resident_id: int, on_date: date) -> ActivitySignup:
    require(actor, SIGN_UP)
    activity = _activity(s, activity_id, actor)
    resident = _resident(s, resident_id, actor)
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
    _activity(s, activity_id, actor)
    signed = set(s.exec(select(ActivitySignup.resident_id).where(
        ActivitySignup.activity_id == activity_id, ActivitySignup.on_date == on_date)))
    came = set(s.exec(select(StampEntry.resident_id).where(
        StampEntry.activity_id == activity_id, StampEntry.occurred_on == on_date, StampEntry.kind == "award")))
    ids = signed | came
    names = dict(s.exec(select(Resident.id, Resident.name).where(col(Resident.id).in_(ids))).all()) if ids else {}
    rows = [SignupRow(rid, names.get(rid, ""), rid in signed, rid in came) for rid in ids]
    return sorted(rows, key=lambda r: (not r.signed_up, r.name))


# --- ledger -----------------------------------------------------------------------------------------------


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _bump_month(s: Session, resident_id: int, month: str, delta: int) -> None:
    """Add ``delta`` earned stamps to the month total (an upsert, in the ledger write's transaction)."""
    bind = s.get_bind()
    if bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(MonthTotal).values(resident_id=resident_id, month=month, earned=delta)
    stmt = stmt.on_conflict_do_update(
        index_elements=["resident_id", "month"], set_={"earned": MonthTotal.__table__.c.earned + delta}
    )
    s.execute(stmt)


def _append(s: Session, entry: StampEntry) -> StampEntry:
    s.add(entry)
    s.flush()
    if entry.kind in EARNED_KINDS:
        _bump_month(s, entry.resident_id, entry.month, entry.stamps)
    return entry


def balance(s: Session, resident_id: int) -> int:
    """Stamps a resident can spend: the sum of every ledger entry."""
    return s.exec(select(func.coalesce(func.sum(StampEntry.stamps), 0)).where(StampEntry.resident_id == resident_id)).one()


def earned(s: Session, resident_id: int) -> int:
    """Stamps earned (what honours count): awards and patrols less their corrections, spending excluded."""
    return s.exec(
        select(func.coalesce(func.sum(StampEntry.stamps), 0)).where(
            StampEntry.resident_id == resident_id, col(StampEntry.kind).in_(EARNED_KINDS)
        )
    ).one()


def ladder(s: Session) -> list[HonourLevel]:
    return list(s.exec(select(HonourLevel).order_by(HonourLevel.threshold)))


def level_for(total: int, levels: Sequence[HonourLevel]) -> tuple[HonourLevel | None, HonourLevel | None]:
    """(level reached, next level) for ``total`` earned stamps."""
    current = None
    for lv in levels:
        if total >= lv.threshold:
            current = lv
        else:
            return current, lv
    return current, None


@dataclass(frozen=True)
class StampResult:
    resident_id: int
    activity_id: int
    activity_name: str
    awarded: int  # 0 when already stamped
    already: bool
    entry_id: int | None
    new_honours: tuple[str, ...] = ()


def _existing_award(s: Session, resident_id: int, activity_id: int, day: date) -> int | None:
    return s.exec(
        select(StampEntry.id).where(
            StampEntry.resident_id == resident_id, StampEntry.activity_id == activity_id,
            StampEntry.occurred_on == day, StampEntry.kind == "award",
        )
    ).first()


def _reversed_ids(s: Session, ids_query):
    return select(StampEntry.reverses_id).where(col(StampEntry.reverses_id).in_(ids_query))


def _check_caps(s: Session, activity: Activity, resident_id: int, day: date) -> None:
    if activity.max_visits is not None:
        awards = select(StampEntry.id).where(
            StampEntry.resident_id == resident_id, StampEntry.activity_id == activity.id, StampEntry.kind == "award"
        )
        visits = s.exec(
            select(func.count()).select_from(StampEntry).where(
                col(StampEntry.id).in_(awards), col(StampEntry.id).not_in(_reversed_ids(s, awards))
            )
        ).one()
        if visits >= activity.max_visits:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Errors", "The limit for {activity} is {limit} stamp visit(s) per person, and it has been reached."),
                activity=activity.name, limit=activity.max_visits,
            )
    cap = daily_cap(s)
    today_total = s.exec(
        select(func.coalesce(func.sum(StampEntry.stamps), 0)).where(
            StampEntry.occurred_on == day, StampEntry.resident_id == resident_id, col(StampEntry.kind).in_(EARNED_KINDS)
        )
    ).one()
    if today_total + activity.stamps > cap:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "Today's limit is {cap} stamps per person; {total} have been collected already. Come back tomorrow."),
            cap=cap, total=today_total,
        )
    if activity.capacity is not None:
        came = s.exec(
            select(func.count()).select_from(StampEntry).where(
                StampEntry.activity_id == activity.id, StampEntry.occurred_on == day, StampEntry.kind == "award"
            )
        ).one()
        if came >= activity.capacity:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Errors", "{activity} is full today ({capacity} places)."),
                activity=activity.name, capacity=activity.capacity,
            )


def _stamp(
    s: Session, *, actor: Actor, resident_id: int, activity_id: int, day: date, place: str, passport_id: int | None
) -> StampResult:
    activity = s.get(Activity, activity_id)
    if activity is None or not activity.active or not in_station(actor, activity.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That activity no longer exists."))
    if not occurs_on(activity, day):
        raise ValidationError(
            F_ACTIVITY, QT_TRANSLATE_NOOP("Errors", "{activity} does not take place today ({day}); nothing was stamped."),
            activity=activity.name, day=day.isoformat(),
        )
    if _existing_award(s, resident_id, activity_id, day) is not None:
        return StampResult(resident_id, activity_id, activity.name, 0, True, None)
    _check_caps(s, activity, resident_id, day)
    entry = StampEntry(
        resident_id=resident_id, passport_id=passport_id, activity_id=activity_id, occurred_on=day, month=_month(day),
        kind="award", stamps=activity.stamps, actor_id=actor.id, actor_name=actor.username,
        station_id=actor.station_id, place=place,
    )
    try:
        # Another process may have stamped between our check and this insert: the UNIQUE constraint
        # refuses the second row, and only this savepoint is rolled back.
        with s.begin_nested():
            _append(s, entry)
    except IntegrityError:
        return StampResult(resident_id, activity_id, activity.name, 0, True, None)
    audit.record(
        s, actor=actor, action="stamp", entity="passport_stamp", entity_id=entry.id,
        after={"resident_id": resident_id, "activity_id": activity_id, "stamps": entry.stamps, "on": day, "place": place},
    )
    honours = _check_honours(s, actor, resident_id)
    return StampResult(resident_id, activity_id, activity.name, entry.stamps, False, entry.id, tuple(h.name for h in honours))


def award_stamp(
    s: Session, *, actor: Actor, resident_id: int, activity_id: int, today: date | None = None
) -> StampResult:
    """Desk: stamp a resident for attending an activity today (idempotent: a second call awards nothing)."""
    require(actor, AWARD_STAMPS)
    _resident(s, resident_id, actor)
    passport = active_passport(s, resident_id)
    return _stamp(
        s, actor=actor, resident_id=resident_id, activity_id=activity_id, day=today or clock.today(), place="desk",
        passport_id=passport.id if passport else None,
    )


def kiosk_check_in(s: Session, *, actor: Actor, code: str, activity_id: int, today: date | None = None) -> StampResult:
    """Kiosk: the scanned passport checks in to one of today's activities."""
    require(actor, KIOSK_USE)
    passport = passport_for_code(s, code, actor)
    return _stamp(
        s, actor=actor, resident_id=passport.resident_id, activity_id=activity_id, day=today or clock.today(),
        place="kiosk", passport_id=passport.id,
    )


def reverse_entry(s: Session, *, actor: Actor, entry_id: int, reason: str) -> StampEntry:
    """Correct a ledger entry by appending its opposite (the original stays). A reason is required.

    Reversing a redemption gives the stamps back and returns the piece to stock.
    """
    require(actor, CORRECT_STAMPS)
    reason = clean_text(reason, F_REASON, max_len=200, required=True, multiline=False)
    original = s.get(StampEntry, entry_id)
    if original is None or not in_station(actor, original.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That ledger entry no longer exists."))
    if original.kind not in ("award", "patrol", "redemption"):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "A correction cannot itself be corrected; record a new stamp instead."))
    if s.exec(select(StampEntry.id).where(StampEntry.reverses_id == entry_id)).first() is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This entry has already been corrected."))
    kind = "refund" if original.kind == "redemption" else "reversal"
    if kind == "reversal":
        have = balance(s, original.resident_id)
        if have < original.stamps:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Errors", "Only {have} stamps are left (the rest were spent on rewards); taking back {stamps} would go below zero. Correct the reward first."),
                have=have, stamps=original.stamps,
            )
    entry = StampEntry(
        resident_id=original.resident_id, passport_id=original.passport_id, activity_id=None,
        occurred_on=original.occurred_on, month=original.month, kind=kind, stamps=-original.stamps, reason=reason,
        reverses_id=original.id, redemption_id=original.redemption_id, actor_id=actor.id, actor_name=actor.username,
        station_id=actor.station_id, place="desk",
    )
    try:
        with s.begin_nested():
            _append(s, entry)
    except IntegrityError:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This entry has already been corrected.")) from None
    if kind == "refund" and original.redemption_id is not None:
        redemption = s.get(Redemption, original.redemption_id)
        if redemption is not None:
            s.execute(update(Reward).where(Reward.id == redemption.reward_id).values(stock=Reward.stock + 1))
    audit.record(
        s, actor=actor, action="reverse", entity="passport_stamp", entity_id=entry.id,
        after={"reverses": original.id, "stamps": entry.stamps, "reason": reason},
    )
    return entry


@dataclass(frozen=True)
class LedgerRow:
    id: int
    at: object
    occurred_on: date
    kind: str
    stamps: int
    what: str
    reason: str
    actor_name: str
    place: str
    reversed: bool


def ledger_page(
    s: Session, *, actor: Actor, resident_id: int, after: tuple[date, int] | None = None, limit: int = 200
) -> list[LedgerRow]:
    """A resident's ledger, newest day first, keyset-paged by (occurred_on, id)."""
    from sqlalchemy import tuple_

    require(actor, VIEW_PASSPORTS)
    _resident(s, resident_id, actor)
    q = (
        select(StampEntry, Activity.name)
        .join(Activity, Activity.id == StampEntry.activity_id, isouter=True)
        .where(StampEntry.resident_id == resident_id)
    )
    if after is not None:
        q = q.where(tuple_(StampEntry.occurred_on, StampEntry.id) < tuple_(*after))
    rows = s.exec(q.order_by(StampEntry.occurred_on.desc(), StampEntry.id.desc()).limit(limit)).all()
    ids = [e.id for e, _ in rows]
    reversed_ids = set(s.exec(select(StampEntry.reverses_id).where(col(StampEntry.reverses_id).in_(ids)))) if ids else set()
    reward_names = {}
    red_ids = [e.redemption_id for e, _ in rows if e.redemption_id]
    if red_ids:
        reward_names = dict(
            s.exec(select(Redemption.id, Reward.name).join(Reward, Reward.id == Redemption.reward_id).where(col(Redemption.id).in_(red_ids))).all()
        )
    out = []
    for e, activity_name in rows:
        what = activity_name or reward_names.get(e.redemption_id, "") or ""
        if e.kind == "patrol":
            what = what or e.reason
        out.append(LedgerRow(e.id, e.at, e.occurred_on, e.kind, e.stamps, what, e.reason if e.kind != "patrol" else "",
                             e.actor_name, e.place, e.id in reversed_ids))
    return out


# --- honours ----------------------------------------------------------------------------------------------


def _check_honours(s: Session, actor: Actor, resident_id: int) -> list[HonourAward]:
    """Record every level newly reached and queue its certificate (in this transaction)."""
    total = earned(s, resident_id)
    have = set(s.exec(select(HonourAward.level_id).where(HonourAward.resident_id == resident_id)))
    new = []
    for level in ladder(s):
        if level.threshold <= total and level.id not in have:
            award = HonourAward(resident_id=resident_id, level_id=level.id, name=level.name, threshold=level.threshold)
            try:
                with s.begin_nested():
                    s.add(award)
                    s.flush()
            except IntegrityError:
                continue
            audit.record(s, actor=actor, action="honour", entity="passport_honour", entity_id=award.id, after=award)
            _queue_certificate(s, actor, award)
            new.append(award)
    return new


def _queue_certificate(s: Session, actor: Actor, award: HonourAward) -> bool:
    """Hand the honour to the certificates feature; False (and left pending) when it cannot take it now."""
    try:
        from desktop_app.certificates.service import CertificateContent, request_certificate
    except ImportError:
        return False
    resident = s.get(Resident, award.resident_id)
    if resident is None:
        return False
    ref = f"honour:{award.resident_id}:{award.threshold}"
    content = CertificateContent(
        kind="honour", resident_id=award.resident_id, recipient_name=resident.name, title=award.name,
        source="passports", source_ref=ref,
    )
    try:
        with s.begin_nested():
            request_certificate(s, actor=actor, content=content)
    except (SmileDeskError, IntegrityError):
        return False
    award.certificate_ref = ref
    s.add(award)
    s.flush()
    return True


def queue_pending_certificates(s: Session, *, actor: Actor) -> int:
    """Queue certificates for honours recorded while the certificates feature could not take them."""
    require(actor, VIEW_PASSPORTS)
    pending = s.exec(select(HonourAward).where(HonourAward.certificate_ref == "").order_by(HonourAward.id)).all()
    return sum(1 for award in pending if _queue_certificate(s, actor, award))


def honours_of(s: Session, *, actor: Actor, resident_id: int) -> list[HonourAward]:
    require(actor, VIEW_PASSPORTS)
    _resident(s, resident_id, actor)
    return list(s.exec(select(HonourAward).where(HonourAward.resident_id == resident_id).order_by(HonourAward.threshold)))


# --- rewards ------------------------------------------------------------------------------------------


def _clean_reward(data: RewardCreate) -> dict:
    name = clean_text(data.name, F_REWARD, max_len=60, required=True, multiline=False)
    if not isinstance(data.cost, int) or not 1 <= data.cost <= 10000:
        raise ValidationError(F_COST, QT_TRANSLATE_NOOP("Errors", "must be a whole number from 1 to 10000."))
    if not isinstance(data.stock, int) or not 0 <= data.stock <= 100000:
        raise ValidationError(F_STOCK, QT_TRANSLATE_NOOP("Errors", "must be a whole number from 0 to 100000."))
    notes = clean_text(data.notes, QT_TRANSLATE_NOOP("Fields", "Notes"), max_len=200, multiline=False)
    return {"name": name, "cost": data.cost, "stock": data.stock, "notes": notes}


def create_reward(s: Session, *, actor: Actor, data: RewardCreate) -> Reward:
    require(actor, MANAGE_REWARDS)
    reward = Reward(**_clean_reward(data), station_id=actor.station_id)
    s.add(reward)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="passport_reward", entity_id=reward.id, after=reward)
    return reward


def restock_reward(s: Session, *, actor: Actor, reward_id: int, add: int) -> Reward:
    require(actor, MANAGE_REWARDS)
    reward = _reward(s, reward_id, actor)
    if not isinstance(add, int) or add == 0 or reward.stock + add < 0:
        raise ValidationError(F_STOCK, QT_TRANSLATE_NOOP("Errors", "add a whole number of pieces (negative to remove), leaving stock at 0 or more."))
    before = audit.snapshot(reward)
    reward.stock += add
    s.add(reward)
    s.flush()
    audit.record(s, actor=actor, action="restock", entity="passport_reward", entity_id=reward.id, before=before, after=reward)
    return reward


def set_reward_active(s: Session, *, actor: Actor, reward_id: int, active: bool) -> Reward:
    require(actor, MANAGE_REWARDS)
    reward = _reward(s, reward_id, actor)
    before = audit.snapshot(reward)
    reward.active = active
    s.add(reward)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="passport_reward", entity_id=reward.id, before=before, after=reward)
    return reward


def _reward(s: Session, reward_id: int, actor: Actor) -> Reward:
    reward = s.get(Reward, reward_id)
    if reward is None or not in_station(actor, reward.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That reward no longer exists."))
    return reward


def list_rewards(s: Session, *, actor: Actor, include_inactive: bool = False) -> list[Reward]:
    require(actor, VIEW_PASSPORTS)
    q = station_scope(select(Reward), Reward.station_id, actor)
    if not include_inactive:
        q = q.where(Reward.active == True)  # noqa: E712
    return list(s.exec(q.order_by(Reward.cost, Reward.id)))


def redeem(s: Session, *, actor: Actor, resident_id: int, reward_id: int, today: date | None = None) -> Redemption:
    """Spend stamps on one piece of a reward: refused (nothing written) when short of stamps or stock."""
    require(actor, REDEEM_REWARDS)
    resident = _resident(s, resident_id, actor)
    reward = _reward(s, reward_id, actor)
    if not reward.active:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{reward} is no longer offered."), reward=reward.name)
    have = balance(s, resident_id)
    if have < reward.cost:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{name} has {have} stamps but {reward} costs {cost}: {short} more needed."),
            name=resident.name, have=have, reward=reward.name, cost=reward.cost, short=reward.cost - have,
        )
    # Conditional decrement: two desks redeeming the last piece at once cannot both succeed.
    taken = s.execute(update(Reward).where(Reward.id == reward_id, Reward.stock > 0).values(stock=Reward.stock - 1))
    if taken.rowcount != 1:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{reward} is out of stock."), reward=reward.name)
    day = today or clock.today()
    redemption = Redemption(reward_id=reward_id, resident_id=resident_id, stamps=reward.cost, actor_id=actor.id)
    s.add(redemption)
    s.flush()
    entry = _append(s, StampEntry(
        resident_id=resident_id, passport_id=(p.id if (p := active_passport(s, resident_id)) else None),
        occurred_on=day, month=_month(day), kind="redemption", stamps=-reward.cost, redemption_id=redemption.id,
        actor_id=actor.id, actor_name=actor.username, station_id=actor.station_id, place="desk",
    ))
    s.refresh(reward)
    audit.record(
        s, actor=actor, action="redeem", entity="passport_redemption", entity_id=redemption.id,
        after={"resident_id": resident_id, "reward_id": reward_id, "stamps": reward.cost, "entry_id": entry.id, "stock_left": reward.stock},
    )
    return redemption


# --- what a card, the kiosk and the wall show -----------------------------------------------------------


@dataclass(frozen=True)
class CardView:
    resident_id: int
    masked_name: str
    initial: str
    name: str
    number: str
    balance: int
    earned: int
    month_stamps: int
    level: str
    next_level: str
    to_next: int  # stamps still needed for the next level (0: top of the ladder)
    today: tuple[tuple[int, str, int, bool], ...] = field(default_factory=tuple)  # (activity id, name, stamps, done)


def _card(s: Session, resident_id: int, number: str, day: date, todays: list[Activity] | None = None,
          actor: Actor | None = None) -> CardView:
    resident = s.get(Resident, resident_id)
    name = resident.name if resident else ""
    sums = dict(s.exec(
        select(StampEntry.kind, func.sum(StampEntry.stamps)).where(StampEntry.resident_id == resident_id).group_by(StampEntry.kind)
    ).all())
    total = sum(v for k, v in sums.items() if k in EARNED_KINDS)
    current, nxt = level_for(total, ladder(s))
    month = s.exec(select(MonthTotal.earned).where(MonthTotal.resident_id == resident_id, MonthTotal.month == _month(day))).first()
    todays = activities_on(s, day, actor) if todays is None else todays
    done = set(s.exec(select(StampEntry.activity_id).where(
        StampEntry.resident_id == resident_id, StampEntry.occurred_on == day, StampEntry.kind == "award"))) if todays else set()
    return CardView(
        resident_id=resident_id, masked_name=mask_name(name), initial=name[:1], name=name, number=number,
        balance=sum(sums.values()), earned=total, month_stamps=month or 0,
        level=current.name if current else "", next_level=nxt.name if nxt else "",
        to_next=(nxt.threshold - total) if nxt else 0,
        today=tuple((a.id, a.name, a.stamps, a.id in done) for a in todays),
    )


def lookup_card(s: Session, *, actor: Actor, code: str, today: date | None = None) -> CardView:
    """Kiosk: what a scanned passport shows (masked name, stamps, level, next milestone, today's activities)."""
    require(actor, KIOSK_USE)
    passport = passport_for_code(s, code, actor)
    return _card(s, passport.resident_id, passport.number, today or clock.today(), actor=actor)


@dataclass(frozen=True)
class KioskScan:
    """What the kiosk shows after a scan: the card, and the check-in made (or refused) on the way."""

    card: CardView
    result: StampResult | None = None
    refusal: SmileDeskError | None = None
    patrols: tuple = ()  # PatrolSlot of today's rostered patrols


def kiosk_scan(s: Session, *, actor: Actor, code: str, today: date | None = None) -> KioskScan:
    """Scan at the kiosk: show the card and, when exactly one of today's activities is still open for
    this resident, check in to it at once (a second scan of the same card stamps nothing).

    Malformed, unknown and void numbers raise (nothing written). A refused check-in (over a limit,
    full) is returned with the card so the resident still sees their stamps.
    """
    require(actor, KIOSK_USE)
    day = today or clock.today()
    passport = passport_for_code(s, code, actor)
    todays = activities_on(s, day, actor)
    patrols = tuple(patrols_today(s, actor=actor, resident_id=passport.resident_id, today=day))
    if len(todays) != 1:
        return KioskScan(_card(s, passport.resident_id, passport.number, day, todays), patrols=patrols)
    try:
        result = _stamp(
            s, actor=actor, resident_id=passport.resident_id, activity_id=todays[0].id, day=day, place="kiosk",
            passport_id=passport.id,
        )
    except SmileDeskError as exc:
        return KioskScan(_card(s, passport.resident_id, passport.number, day, todays), refusal=exc, patrols=patrols)
    return KioskScan(_card(s, passport.resident_id, passport.number, day, todays), result=result, patrols=patrols)


def card_for_resident(s: Session, *, actor: Actor, resident_id: int, today: date | None = None) -> CardView:
    require(actor, VIEW_PASSPORTS)
    _resident(s, resident_id, actor)
    passport = active_passport(s, resident_id)
    return _card(s, resident_id, passport.number if passport else "", today or clock.today(), actor=actor)


def set_wall_opt_out(s: Session, *, actor: Actor, resident_id: int, opt_out: bool, note: str = "") -> None:
    require(actor, SET_WALL_CHOICE)
    _resident(s, resident_id, actor)
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
    opted_out = exists().where(and_(WallPreference.resident_id == MonthTotal.resident_id, WallPreference.opt_out == True))  # noqa: E712
    q = (
        select(MonthTotal.resident_id, MonthTotal.earned, Resident.name, Resident.community)
        .join(Resident, Resident.id == MonthTotal.resident_id)
        .where(MonthTotal.month == month, MonthTotal.earned > 0, ~opted_out, Resident.erased == False)  # noqa: E712
    )
    q = station_scope(q, Resident.station_id, actor)  # month totals hang off the resident
    if community:
        q = q.where(Resident.community == community)
    rows = s.exec(q.order_by(MonthTotal.earned.desc(), MonthTotal.resident_id).limit(limit)).all()
    return _wall_rows(s, rows)


def _wall_rows(s: Session, rows) -> list[WallRow]:
    levels = ladder(s)
    ids = [r[0] for r in rows]
    totals = dict(s.exec(
        select(StampEntry.resident_id, func.sum(StampEntry.stamps))
        .where(col(StampEntry.resident_id).in_(ids), col(StampEntry.kind).in_(EARNED_KINDS))
        .group_by(StampEntry.resident_id)
    ).all()) if ids else {}
    out = []
    for i, (rid, month_total, name, community) in enumerate(rows, start=1):
        current, _ = level_for(totals.get(rid, 0) or 0, levels)
        out.append(WallRow(i, rid, mask_name(name), name[:1], community or "", month_total, current.name if current else ""))
    return out


def month_leaderboard_from_ledger(s: Session, *, actor: Actor, month: str, limit: int = 10) -> list[tuple[int, int]]:
    """The same ranking summed straight from the ledger (slower; used to check the month totals)."""
    require(actor, VIEW_WALL)
    from desktop_app.core.validation import clean_month_text

    month = clean_month_text(month)
    first = date(int(month[:4]), int(month[5:7]), 1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    total = func.sum(StampEntry.stamps).label("total")
    rows = s.exec(
        station_scope(select(StampEntry.resident_id, total).join(Resident, Resident.id == StampEntry.resident_id),
                      Resident.station_id, actor)
        .where(StampEntry.occurred_on >= first, StampEntry.occurred_on < nxt, col(StampEntry.kind).in_(EARNED_KINDS))
        .group_by(StampEntry.resident_id)
        .having(total > 0)
        .order_by(total.desc(), StampEntry.resident_id)
        .limit(limit)
    ).all()
    return [(r[0], r[1]) for r in rows]


def wall_communities(s: Session, *, actor: Actor, month: str, limit: int = 8) -> list[tuple[str, int, int]]:
    """Communities ranked by the month's stamps: (community, stamps, participants); opted-out left out."""
    require(actor, VIEW_WALL)
    opted_out = exists().where(and_(WallPreference.resident_id == MonthTotal.resident_id, WallPreference.opt_out == True))  # noqa: E712
    total = func.sum(MonthTotal.earned).label("total")
    rows = s.exec(
        station_scope(select(Resident.community, total, func.count())
                      .join(Resident, Resident.id == MonthTotal.resident_id), Resident.station_id, actor)
        .where(MonthTotal.month == month, MonthTotal.earned > 0, ~opted_out, Resident.community != "")
        .group_by(Resident.community)
        .order_by(total.desc())
        .limit(limit)
    ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def rebuild_month_totals(s: Session, *, actor: Actor, progress: Progress = NO_PROGRESS) -> int:
    """Recompute the month totals from the ledger (after a restore or a bulk import)."""
    require(actor, PATROL_STAMPS)
    from sqlalchemy import delete, insert

    progress(0, 2, "")
    s.execute(delete(MonthTotal))
    src = (
        select(StampEntry.resident_id, StampEntry.month, func.sum(StampEntry.stamps))
        .where(col(StampEntry.kind).in_(EARNED_KINDS))
        .group_by(StampEntry.resident_id, StampEntry.month)
    )
    s.execute(insert(MonthTotal).from_select(["resident_id", "month", "earned"], src))
    progress(2, 2, "")
    return s.exec(select(func.count()).select_from(MonthTotal)).one()


def month_totals_match_ledger(s: Session) -> bool:
    """Invariant: every month total equals the sum of the earned ledger entries it stands for."""
    ledger = {
        (r, m): t for r, m, t in s.exec(
            select(StampEntry.resident_id, StampEntry.month, func.sum(StampEntry.stamps))
            .where(col(StampEntry.kind).in_(EARNED_KINDS)).group_by(StampEntry.resident_id, StampEntry.month)
        )
    }
    totals = {(r, m): t for r, m, t in s.exec(select(MonthTotal.resident_id, MonthTotal.month, MonthTotal.earned))}
    return {k: v for k, v in ledger.items() if v} == {k: v for k, v in totals.items() if v}


# --- patrols (rosters feature) ------------------------------------------------------------------------


def sweep_patrol_stamps(
    s: Session, *, actor: Actor, since: date | None = None, progress: Progress = NO_PROGRESS
) -> int:
    """Award stamps for completed patrols (checked in and out, not a no-show). Idempotent by source_ref.

    Reads rosters' CheckIn / Shift / Volunteer tables; returns the number of stamps entries written.
    """
    require(actor, PATROL_STAMPS)
    try:
        from desktop_app.rosters.models import CheckIn, Shift, Volunteer
    except ImportError:
        return 0
    per_patrol = patrol_stamps(s)
    ref = literal(PATROL_REF) + cast(CheckIn.id, String)
    done = exists().where(StampEntry.source_ref == ref)
    q = (
        select(CheckIn.id, Volunteer.resident_id, Shift.date, Shift.period, Volunteer.station_id)
        .join(Volunteer, Volunteer.id == CheckIn.volunteer_id)
        .join(Shift, Shift.id == CheckIn.shift_id)
        .where(CheckIn.check_in_at != None, CheckIn.check_out_at != None, CheckIn.no_show == False, ~done)  # noqa: E711,E712
    )
    if since is not None:
        q = q.where(Shift.date >= since)
    q = station_scope(q, Volunteer.station_id, actor)  # staff sweep their station's volunteers
    rows = s.exec(q.order_by(CheckIn.id)).all()
    written = 0
    for i, (checkin_id, resident_id, day, period, station_id) in enumerate(rows):
        if i % 200 == 0:
            progress(i, len(rows), "")
        if _award_patrol(s, actor, checkin_id, resident_id, day, period, per_patrol, station_id) is not None:
            written += 1
    if written:
        audit.record(s, actor=actor, action="patrol_stamps", entity="passport_stamp", entity_id="", after={"entries": written})
    progress(len(rows), len(rows), "")
    return written


def _award_patrol(
    s: Session, actor: Actor, checkin_id: int, resident_id: int, day: date, period: str, stamps: int,
    station_id: int | None = None,
) -> StampEntry | None:
    """The rule's stamp for one completed patrol; None when it was awarded before (same source_ref).
    The entry belongs to the volunteer's station (``station_id``), else the actor's."""
    entry = StampEntry(
        resident_id=resident_id, occurred_on=day, month=_month(day), kind="patrol", stamps=stamps,
        reason=f"{period}", source_ref=f"{PATROL_REF}{checkin_id}", actor_id=actor.id, actor_name=actor.username,
        station_id=station_id if station_id is not None else actor.station_id, place="patrol rule",
    )
    try:
        with s.begin_nested():
            _append(s, entry)
    except IntegrityError:
        return None
    _check_honours(s, actor, resident_id)
    return entry


@dataclass(frozen=True)
class PatrolSlot:
    """One of today's patrol shifts of the volunteer holding the scanned passport."""

    shift_id: int
    volunteer_id: int
    team: str
    period: str
    starts_at: object
    ends_at: object
    checked_in: bool
    checked_out: bool


PERIOD_LABELS = {
    "morning": QT_TRANSLATE_NOOP("Passports", "morning patrol"),
    "afternoon": QT_TRANSLATE_NOOP("Passports", "afternoon patrol"),
    "evening": QT_TRANSLATE_NOOP("Passports", "evening patrol"),
}


def patrols_today(s: Session, *, actor: Actor, resident_id: int, today: date | None = None) -> list[PatrolSlot]:
    """Today's rostered patrols of this resident (empty when rosters is absent or they do not volunteer)."""
    require(actor, KIOSK_USE)
    try:
        from desktop_app.rosters.models import Assignment, CheckIn, Shift, Team, Volunteer
    except ImportError:
        return []
    day = today or clock.today()
    rows = s.exec(
        select(Shift, Volunteer.id, Team.name, CheckIn)
        .join(Assignment, Assignment.shift_id == Shift.id)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .join(Team, Team.id == Shift.team_id)
        .join(CheckIn, and_(CheckIn.shift_id == Shift.id, CheckIn.volunteer_id == Volunteer.id), isouter=True)
        .where(Volunteer.resident_id == resident_id, Volunteer.active == True, Shift.date == day, Shift.cancelled == False)  # noqa: E712
        .order_by(Shift.starts_at)
    ).all()
    return [
        PatrolSlot(sh.id, vid, team, sh.period, sh.starts_at, sh.ends_at,
                   bool(ci and ci.check_in_at), bool(ci and ci.check_out_at))
        for sh, vid, team, ci in rows
    ]


def kiosk_patrol(
    s: Session, *, actor: Actor, code: str, shift_id: int, check_out: bool = False, today: date | None = None
) -> StampEntry | None:
    """Kiosk: the scanned volunteer checks in to (or out of) today's patrol through the rosters feature.

    Checking out completes the patrol, so the rule's patrol stamp is awarded at once (idempotent with
    ``sweep_patrol_stamps``). Returns that stamp entry on check-out.
    """
    require(actor, KIOSK_USE)
    from desktop_app.rosters import service as rosters

    passport = passport_for_code(s, code, actor)
    day = today or clock.today()
    slot = next((p for p in patrols_today(s, actor=actor, resident_id=passport.resident_id, today=day) if p.shift_id == shift_id), None)
    if slot is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "You are not on this patrol today; please ask at the desk."))
    if not check_out:
        rosters.check_in(s, actor=actor, shift_id=shift_id, volunteer_id=slot.volunteer_id, method="scan")
        return None
    rosters.check_out(s, actor=actor, shift_id=shift_id, volunteer_id=slot.volunteer_id)
    from desktop_app.rosters.models import CheckIn

    checkin = s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == slot.volunteer_id)).one()
    return _award_patrol(s, actor, checkin.id, passport.resident_id, day, slot.period, patrol_stamps(s))


def volunteer_id_of(s: Session, resident_id: int) -> int | None:
    try:
        from desktop_app.rosters.models import Volunteer
    except ImportError:
        return None
    return s.exec(select(Volunteer.id).where(Volunteer.resident_id == resident_id, Volunteer.active == True)).first()  # noqa: E712


# --- printing -----------------------------------------------------------------------------------------


def card_items(
    s: Session, *, actor: Actor, passport_ids: Sequence[int] | None = None, issued_on: date | None = None
):
    """What printed cards show, for the given passports or every active passport issued on a day."""
    from desktop_app.core.auth import first_station
    from desktop_app.passports.pdf import CardItem

    require(actor, ISSUE_PASSPORTS)
    q = select(Passport, Resident.name).join(Resident, Resident.id == Passport.resident_id).where(Passport.status == "active")
    q = station_scope(q, Passport.station_id, actor)
    if passport_ids is not None:
        q = q.where(col(Passport.id).in_(list(passport_ids)))
    if issued_on is not None:
        q = q.where(Passport.issued_on == issued_on)
    from desktop_app.core.models import Station

    station = s.get(Station, actor.station_id) if actor.station_id is not None else first_station(s)
    rows = s.exec(q.order_by(Passport.id)).all()
    audit.record(s, actor=actor, action="print", entity="passport", entity_id=",".join(str(p.id) for p, _ in rows)[:50])
    return [CardItem(name=name, number=p.number, issued_on=p.issued_on, station=station.name if station else "") for p, name in rows]


@dataclass(frozen=True)
class Overview:
    active_passports: int
    stamps_today: int
    activities_today: int
    honours_waiting: int


def overview(s: Session, *, actor: Actor, day: date | None = None) -> Overview:
    """Figures for the top of the desk page."""
    require(actor, VIEW_PASSPORTS)
    day = day or clock.today()
    waiting = select(func.count()).select_from(HonourAward).where(HonourAward.certificate_ref == "")
    if actor.station_id is not None:  # honours hang off the resident
        waiting = waiting.join(Resident, Resident.id == HonourAward.resident_id).where(Resident.station_id == actor.station_id)
    return Overview(
        active_passports=s.exec(station_scope(select(func.count()).select_from(Passport).where(Passport.status == "active"),
                                              Passport.station_id, actor)).one(),
        stamps_today=s.exec(station_scope(select(func.coalesce(func.sum(StampEntry.stamps), 0)).where(
            StampEntry.occurred_on == day, col(StampEntry.kind).in_(("award", "patrol"))), StampEntry.station_id, actor)).one(),
        activities_today=len(activities_on(s, day, actor)),
        honours_waiting=s.exec(waiting).one(),
    )
