"""Daily shift templates and the shifts made from them: times and headcounts, creating a range's
shifts (statutory holidays take the holiday headcount), a day's shifts and who is on each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import audited_update, get_scoped, pk
from desktop_app.core.workdays import WorkCalendar
from desktop_app.residents import Resident
from desktop_app.rosters.common import (
    F_HEADCOUNT,
    F_TIMES,
    chosen_team,
    date_range,
    get_shift,
    get_team,
    team_station,
)
from desktop_app.rosters.models import (
    PERIODS,
    Assignment,
    CheckIn,
    MemberRole,
    Shift,
    ShiftTemplate,
    Team,
    TeamMember,
    Volunteer,
)
from desktop_app.rosters.permissions import (
    MANAGE_ROSTERS,
    VIEW_ROSTERS,
)


def templates_of(s: Session, *, actor: Actor, team_id: int) -> list[ShiftTemplate]:
    require(actor, VIEW_ROSTERS)
    get_team(s, team_id, actor)
    order: dict[str, int] = {p: i for i, p in enumerate(PERIODS)}
    rows = list(s.exec(select(ShiftTemplate).where(ShiftTemplate.team_id == team_id, ShiftTemplate.active == True)))  # noqa: E712
    return sorted(rows, key=lambda t: (order.get(t.period, 9), t.starts_at))


def update_template(s: Session, *, actor: Actor, template_id: int, starts_at: time, ends_at: time,
                    min_headcount: int, max_headcount: int, leader_required: bool = True,
                    holiday_min_headcount: int | None = None, expected_version: int | None = None) -> ShiftTemplate:
    require(actor, MANAGE_ROSTERS)
    t = get_scoped(s, ShiftTemplate, template_id, actor=actor, station_of=team_station(s), for_update=True,
                   gone=QT_TRANSLATE_NOOP("Errors", "That shift template no longer exists."))
    if ends_at <= starts_at:
        raise ValidationError(F_TIMES, QT_TRANSLATE_NOOP("Errors", "the end must be after the start."))
    for n in (min_headcount, max_headcount, holiday_min_headcount):
        if n is not None and not (0 <= n <= 50):
            raise ValidationError(F_HEADCOUNT, QT_TRANSLATE_NOOP("Errors", "must be between 0 and 50."))
    if max_headcount < min_headcount or (holiday_min_headcount is not None and holiday_min_headcount > max_headcount):
        raise ValidationError(F_HEADCOUNT, QT_TRANSLATE_NOOP("Errors", "the maximum must not be below the minimum."))
    return audited_update(s, t, {
        "starts_at": starts_at, "ends_at": ends_at, "min_headcount": min_headcount, "max_headcount": max_headcount,
        "leader_required": leader_required, "holiday_min_headcount": holiday_min_headcount,
    }, actor=actor, entity="roster_shift_template", expected_version=expected_version)


def holiday_fields(cal: WorkCalendar, day: date, t: ShiftTemplate | None, sh: Shift | None = None) -> dict:
    """What the work calendar decides about a shift on ``day``: holiday or not, its name, and the headcount
    (a holiday takes the template's holiday minimum). Without a template the shift keeps its headcount."""
    hol = cal.is_holiday(day)
    out: dict = {"is_holiday": hol, "holiday_name": cal.holiday_name(day)}
    if t is not None:
        minimum = t.holiday_min_headcount if (hol and t.holiday_min_headcount is not None) else t.min_headcount
        out.update(min_headcount=minimum, max_headcount=max(t.max_headcount, minimum))
    elif sh is not None:
        out.update(min_headcount=sh.min_headcount, max_headcount=sh.max_headcount)
    return out


def worked_shift_ids(s: Session, shift_ids: list[int]) -> set[int]:
    """Shifts someone checked in to (or was marked absent from): what happened there never changes."""
    out: set[int] = set()
    for i in range(0, len(shift_ids), 900):
        out.update(s.exec(select(CheckIn.shift_id).where(col(CheckIn.shift_id).in_(shift_ids[i:i + 900]))).all())
    return out


def sync_with_calendar(s: Session, *, actor: Actor, cal: WorkCalendar, shifts: list[Shift], today: date,
                       apply: bool = True) -> list[tuple[Shift, dict]]:
    """Shifts from ``today`` on, not worked, whose holiday flag, name or headcount disagree with ``cal``:
    (shift, the values the calendar gives); with ``apply`` they are changed (audited)."""
    shifts = [sh for sh in shifts if sh.date >= today and not sh.cancelled]
    worked = worked_shift_ids(s, [pk(sh.id) for sh in shifts])
    templates = {t.id: t for t in s.exec(select(ShiftTemplate).where(
        col(ShiftTemplate.id).in_({sh.template_id for sh in shifts if sh.template_id is not None})))} if shifts else {}
    out = []
    for sh in shifts:
        if sh.id in worked:
            continue
        want = holiday_fields(cal, sh.date, templates.get(sh.template_id), sh)
        if any(getattr(sh, k) != v for k, v in want.items()):
            out.append((sh, want))
    if apply and out:
        groups: dict[tuple, list[int]] = {}
        for sh, want in out:
            groups.setdefault(tuple(sorted(want.items())), []).append(pk(sh.id))
        for values, ids in groups.items():
            for i in range(0, len(ids), 500):
                s.exec(update(Shift).where(col(Shift.id).in_(ids[i:i + 500])).values(**dict(values))
                       .execution_options(synchronize_session=False))
        audit.record(s, actor=actor, action="calendar_change", entity="roster_shift", entity_id="holiday",
                     after={"shifts": {str(sh.id): want for sh, want in out}})
        for sh, _want in out:
            s.expire(sh)  # read again when next used: the table has the calendar's values now
    return out


def generate_shifts(s: Session, *, actor: Actor, team_id: int | None, start, end, progress: Progress = NO_PROGRESS,
                    today: date | None = None) -> int:
    """Create the team's shifts for every day of the range from its templates (existing ones are kept).
    Statutory holidays come from the work calendar: they are marked and take the holiday headcount; existing
    shifts from ``today`` on that nobody worked yet are brought in line with the calendar too."""
    require(actor, MANAGE_ROSTERS)
    a, b = date_range(start, end)
    team_id = pk(chosen_team(s, team_id, actor).id)  # raises when none was chosen
    templates = list(s.exec(select(ShiftTemplate).where(ShiftTemplate.team_id == team_id, ShiftTemplate.active == True)))  # noqa: E712
    if not templates:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This team has no shift templates; add the daily shifts first."))
    cal = WorkCalendar.load(s)
    existing = list(s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date >= a, Shift.date <= b)))
    have = {(sh.date, sh.period) for sh in existing}
    from desktop_app.core import clock

    synced = sync_with_calendar(s, actor=actor, cal=cal, shifts=existing, today=today or clock.today())
    made = 0
    total = (b - a).days + 1
    for i in range(total):
        if i % 30 == 0:
            progress(i, total, "")
        day = a + timedelta(days=i)
        for t in templates:
            if (day, t.period) in have:
                continue
            s.add(Shift(team_id=team_id, template_id=pk(t.id), date=day, period=t.period, starts_at=t.starts_at,
                        ends_at=t.ends_at, route=t.route, grid=t.grid, leader_required=t.leader_required,
                        **holiday_fields(cal, day, t)))
            made += 1
    s.flush()
    audit.record(s, actor=actor, action="generate", entity="roster_shift", entity_id=team_id,
                 after={"team_id": team_id, "start": a, "end": b, "created": made, "calendar_updated": len(synced)})
    return made


def shifts_on(s: Session, *, actor: Actor, day: date, team_id: int | None = None) -> list[Shift]:
    require(actor, VIEW_ROSTERS)
    q = select(Shift).where(Shift.date == day, Shift.cancelled == False)  # noqa: E712
    if actor.station_id is not None:
        q = q.where(col(Shift.team_id).in_(select(Team.id).where(Team.station_id == actor.station_id)))
    if team_id is not None:
        q = q.where(Shift.team_id == team_id)
    order: dict[str, int] = {p: i for i, p in enumerate(PERIODS)}
    return sorted(s.exec(q), key=lambda sh: (order.get(sh.period, 9), sh.team_id))


@dataclass(frozen=True)
class ShiftPerson:
    volunteer_id: int
    resident_id: int
    name: str
    is_leader: bool
    locked: bool
    checked_in: datetime | None
    checked_out: datetime | None
    no_show: bool
    late_minutes: int


def shift_people(s: Session, *, actor: Actor, shift_id: int) -> list[ShiftPerson]:
    require(actor, VIEW_ROSTERS)
    sh = get_shift(s, shift_id, actor)
    rows = s.exec(
        select(Assignment, Volunteer, Resident)
        .join(Volunteer, col(Volunteer.id) == Assignment.volunteer_id)
        .join(Resident, col(Resident.id) == Volunteer.resident_id)
        .where(Assignment.shift_id == shift_id)
        .order_by(Resident.sort_key)
    ).all()
    leads = set(s.exec(select(TeamMember.volunteer_id).where(TeamMember.team_id == sh.team_id, TeamMember.role == MemberRole.TEAM_LEADER)).all())
    checks = {c.volunteer_id: c for c in s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id))}
    out = []
    for a, v, r in rows:
        c = checks.get(pk(v.id))
        out.append(ShiftPerson(pk(v.id), pk(r.id), r.name, pk(v.id) in leads, a.locked, c.check_in_at if c else None,
                               c.check_out_at if c else None, bool(c and c.no_show), c.late_minutes if c else 0))
    return sorted(out, key=lambda p: (not p.is_leader, p.name))
