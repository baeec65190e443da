"""The national volunteer service information system (全国志愿服务信息系统): every hours entry not yet recorded
there is listed with its deadline — 10 working days after the service (for a correction: after it was made;
《志愿服务记录与证明出具办法》) — reminded on the home page, exported in the columns the national system's
recording asks for, and marked recorded by a coordinator. Whether or not a certificate was asked for.

Hours are the actual time served (the ledger's ``minutes``), not the station's multiplied credit.
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, first_station, require
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.memo import FigureMemo
from desktop_app.core.models import Station
from desktop_app.core.validation import mask_id_number
from desktop_app.core.workdays import WorkCalendar
from desktop_app.residents import Resident
from desktop_app.rosters.labels import SERVICE_CONTENT_ZH
from desktop_app.rosters.models import (
    HoursEntry,
    NationalRecord,
    Shift,
    Team,
    TeamKind,
    TeamMember,
    Volunteer,
)
from desktop_app.rosters.permissions import CERTIFY_HOURS, VIEW_ROSTERS

DEADLINE_WORKDAYS = 10
DUE_SOON_WORKDAYS = 3  # the home page's reminder turns urgent this many working days before the deadline
MAX_ROWS = 5000
F_ENTRIES = QT_TRANSLATE_NOOP("Fields", "Hours entries")
F_RECORDED_ON = QT_TRANSLATE_NOOP("Fields", "Recorded on")
PERIOD_ZH = {"morning": "早班", "afternoon": "午班", "evening": "晚班"}
EXPORT_COLUMNS = [
    "序号", "志愿者姓名", "证件类型", "证件号码", "服务项目", "服务日期", "开始时间", "结束时间", "服务时长（小时）",
    "服务内容", "服务组织（队伍）", "记录组织", "录入期限",
]


@dataclass(frozen=True)
class Unrecorded:
    entry_id: int
    volunteer_id: int
    name: str
    id_number: str  # full: only the export shows it; the page shows ``id_masked``
    team: str
    team_kind: str
    period: str
    served_on: date
    starts_at: time | None
    ends_at: time | None
    minutes: int  # actual minutes (negative: a correction taking time off)
    is_correction: bool
    deadline: date
    overdue: bool
    due_soon: bool

    @property
    def id_masked(self) -> str:
        return mask_id_number(self.id_number)


def _base(served_on: date, created_at, shift_id: int | None, corrects_id: int | None) -> date:
    """The day the 10 working days count from: the patrol for a credit, the day made for a correction."""
    if shift_id is not None and corrects_id is None:
        return served_on
    return max(served_on, created_at.astimezone().date())


def _base_day(e: HoursEntry) -> date:
    return _base(e.served_on, e.created_at, e.shift_id, e.corrects_id)


def _query(actor: Actor):
    q = (select(HoursEntry, Resident.name, Resident.id_number)
         .join(Volunteer, col(Volunteer.id) == HoursEntry.volunteer_id)
         .join(Resident, col(Resident.id) == Volunteer.resident_id)
         .outerjoin(NationalRecord, col(NationalRecord.entry_id) == HoursEntry.id)
         .where(col(NationalRecord.id).is_(None), HoursEntry.minutes != 0))
    if actor.station_id is not None:
        q = q.where(Volunteer.station_id == actor.station_id)
    return q


def _ledger_state(s: Session) -> tuple:
    """What changes when an hours entry or a national record is added: the ledger is append-only
    (rosters.guards) and records are only ever added, so the newest entry and the records' count, newest and
    sum say it, from index reads (the pages' memos are keyed by it: another PC's entries show too)."""
    newest = s.exec(select(func.max(HoursEntry.id))).one()
    records = s.exec(select(func.count(), func.max(NationalRecord.id), func.sum(NationalRecord.entry_id))).one()
    return newest, tuple(records)


def unrecorded(s: Session, *, actor: Actor, today: date | None = None, limit: int = MAX_ROWS,
               memo: FigureMemo | None = None) -> list[Unrecorded]:
    """Hours entries not yet recorded in the national system, the earliest deadline first. ``memo``: the
    tab's (core.memo): read again only when an entry or a record was added, the calendar changed, or on
    another day."""
    require(actor, VIEW_ROSTERS)
    from desktop_app.core import clock

    today = today or clock.today()
    cal = WorkCalendar.load(s)
    if memo is None:
        return _unrecorded(s, actor, today, limit, cal)
    # the deadlines follow the calendar: a notice entered on another PC counts at once
    key = ("national-unrecorded", actor.station_id, today, limit, _ledger_state(s), cal.fingerprint())
    stamp = memo.stamp()
    kept = memo.get(key)
    if kept is None:
        kept = _unrecorded(s, actor, today, limit, cal)
        memo.put(key, kept, stamp)
    return list(kept)


def _unrecorded(s: Session, actor: Actor, today: date, limit: int, cal: WorkCalendar) -> list[Unrecorded]:
    # Columns, not ledger objects, and a deadline per day rather than per entry: the list is up to 5,000
    # entries, read each time the tab is shown (issue 21: 250 ms as objects).
    e = HoursEntry
    rows = s.exec(_query(actor).with_only_columns(
        col(e.id), col(e.volunteer_id), col(e.shift_id), col(e.served_on), col(e.minutes), col(e.corrects_id),
        col(e.created_at), col(Resident.name), col(Resident.id_number)).order_by(col(e.served_on), col(e.id)).limit(limit)).all()
    shift_ids = {r.shift_id for r in rows if r.shift_id is not None}
    shifts: dict[int, Any] = {}  # rows of columns
    for i in range(0, len(shift_ids), 900):
        chunk = sorted(shift_ids)[i:i + 900]
        for shift in s.execute(sa_select(Shift.id, Shift.team_id, Shift.period, Shift.starts_at, Shift.ends_at)  # type: ignore[call-overload]
                            .where(col(Shift.id).in_(chunk))):
            shifts[shift.id] = shift
    teams: dict[int, Any] = {t.id: t for t in s.execute(sa_select(Team.id, Team.name, Team.kind))}  # type: ignore[call-overload]
    by_hand = {r.volunteer_id for r in rows if r.shift_id is None}
    first_team: dict[int, Any] = {}  # a hand entry's: the volunteer's first team (None: outside the actor's view)
    if by_hand:
        for vid, team_id in s.exec(select(col(TeamMember.volunteer_id), col(TeamMember.team_id))
                                   .where(col(TeamMember.volunteer_id).in_(by_hand)).order_by(col(TeamMember.id))):
            first_team.setdefault(vid, teams.get(team_id))
    deadlines: dict[date, tuple[date, bool, bool]] = {}  # base day -> (deadline, overdue, due soon)

    def deadline_of(base: date) -> tuple[date, bool, bool]:
        if base not in deadlines:
            d = cal.add_workdays(base, DEADLINE_WORKDAYS)
            deadlines[base] = (d, d < today, not d < today and cal.workdays_between(today, d) <= DUE_SOON_WORKDAYS)
        return deadlines[base]

    out = []
    for r in rows:
        sh = shifts.get(r.shift_id) if r.shift_id is not None else None
        team = teams.get(sh.team_id) if sh is not None else first_team.get(r.volunteer_id)
        deadline, overdue, soon = deadline_of(_base(r.served_on, r.created_at, r.shift_id, r.corrects_id))
        out.append(Unrecorded(
            r.id, r.volunteer_id, r.name, r.id_number or "", team.name if team else "", team.kind if team else TeamKind.OTHER,
            sh.period if sh else "", r.served_on, sh.starts_at if sh else None, sh.ends_at if sh else None, r.minutes,
            r.corrects_id is not None or sh is None, deadline, overdue, soon))
    out.sort(key=lambda u: (u.deadline, u.served_on, u.entry_id))
    return out


@dataclass(frozen=True)
class NationalDue:
    """The home page's reminder: entries not recorded, past their deadline, due within three working days."""

    unrecorded: int
    overdue: int
    due_soon: int
    first_deadline: date | None


def due(s: Session, *, actor: Actor, today: date | None = None, memo: FigureMemo | None = None) -> NationalDue:
    """The counts alone (the home page asks on every refresh). ``memo``: the page's (core.memo): the
    entries' counts per day are read again only when an entry or a national record was added since."""
    require(actor, VIEW_ROSTERS)
    from desktop_app.core import clock

    today = today or clock.today()
    per_base = _unrecorded_per_base(s, actor, memo)
    if not per_base:
        return NationalDue(0, 0, 0, None)
    cal = WorkCalendar.load(s)
    soon = cal.add_workdays(today, DUE_SOON_WORKDAYS)
    bases = sorted(per_base)
    # A deadline never comes before an earlier day's (add_workdays is monotonic): the days before the first
    # whose deadline is today or later are overdue, those up to the first due after ``soon`` are due soon.
    # Two binary searches instead of a deadline for every day of years of patrols.
    not_overdue = bisect_left(bases, True, key=lambda b: cal.add_workdays(b, DEADLINE_WORKDAYS) >= today)
    after_soon = bisect_left(bases, True, key=lambda b: cal.add_workdays(b, DEADLINE_WORKDAYS) > soon)
    counts = [per_base[b] for b in bases]
    return NationalDue(sum(counts), sum(counts[:not_overdue]), sum(counts[not_overdue:after_soon]),
                       cal.add_workdays(bases[0], DEADLINE_WORKDAYS))


def _unrecorded_per_base(s: Session, actor: Actor, memo: FigureMemo | None) -> Counter[date]:
    """How many entries not recorded, per day their deadline counts from."""
    key = None
    if memo is not None:
        key = ("national-due", actor.station_id, _ledger_state(s))
        stamp = memo.stamp()
        kept = memo.get(key)
        if kept is not None:
            return kept

    def unrecorded_of(*columns):
        q = (select(*columns).select_from(HoursEntry)
             .outerjoin(NationalRecord, col(NationalRecord.entry_id) == HoursEntry.id)
             .where(col(NationalRecord.id).is_(None), HoursEntry.minutes != 0))
        if actor.station_id is None:
            return q
        return q.where(col(HoursEntry.volunteer_id).in_(select(Volunteer.id).where(Volunteer.station_id == actor.station_id)))

    # Counted per day the deadline runs from, in one grouped query: a credit's is its patrol's day; a correction
    # or a hand entry (few) also needs the moment it was made. Not a row per entry into Python: years of
    # patrols nobody recorded yet are tens of thousands of them, 350 ms on the home page's every refresh
    # (issue 21).
    credit = and_(col(HoursEntry.shift_id).is_not(None), col(HoursEntry.corrects_id).is_(None))
    made = case((credit, None), else_=col(HoursEntry.created_at))
    per_base: Counter[date] = Counter()
    for served_on, made_at, n in s.exec(unrecorded_of(col(HoursEntry.served_on), made, func.count())
                                        .group_by(col(HoursEntry.served_on), made)):
        per_base[served_on if made_at is None else max(served_on, made_at.astimezone().date())] += n
    if memo is not None:
        memo.put(key, per_base, stamp)
    return per_base


def export_unrecorded(s: Session, *, actor: Actor, target: Path | str, today: date | None = None) -> int:
    """Write the entries not yet recorded in the national system's columns (.xlsx, or .csv by suffix); audited.
    The file helps staff enter them there; it is not an import file of the national system."""
    require(actor, CERTIFY_HOURS)
    rows = unrecorded(s, actor=actor, today=today)
    station = s.get(Station, actor.station_id) if actor.station_id is not None else first_station(s)
    org = station.name if station else ""
    table = []
    for i, r in enumerate(rows, 1):
        content = SERVICE_CONTENT_ZH.get(r.team_kind, SERVICE_CONTENT_ZH[TeamKind.OTHER])
        project = f"{r.team} {PERIOD_ZH.get(r.period, '')}".strip() or content
        table.append([i, r.name, "居民身份证" if r.id_number else "", r.id_number, project, r.served_on.isoformat(),
                      r.starts_at.strftime("%H:%M") if r.starts_at else "", r.ends_at.strftime("%H:%M") if r.ends_at else "",
                      round(r.minutes / 60, 2), content, r.team, org, r.deadline.isoformat()])
    target = Path(target)
    if target.suffix.lower() == ".csv":
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(EXPORT_COLUMNS)
            w.writerows(table)
    else:
        from desktop_app.core import excel

        excel.export_rows(target, EXPORT_COLUMNS, table, title="全国志愿服务信息系统待录入时长",
                          subtitle=org)
    audit.record(s, actor=actor, action="export", entity="roster_hours_entry", entity_id="national",
                 after={"file": target.name, "rows": len(table)})
    return len(table)


def mark_recorded(s: Session, *, actor: Actor, entry_ids: Sequence[int], on: date | None = None) -> int:
    """These entries are recorded in the national system (``on``: the day; default today). Returns how many
    were newly marked; entries of another station or already marked are left alone."""
    require(actor, CERTIFY_HOURS)
    from desktop_app.core import clock

    ids = sorted({int(i) for i in entry_ids})
    if not ids:
        raise ValidationError(F_ENTRIES, QT_TRANSLATE_NOOP("Errors", "choose the entries recorded in the national system."))
    on = on or clock.today()
    if on > clock.today():
        raise ValidationError(F_RECORDED_ON, QT_TRANSLATE_NOOP("Errors", "cannot be in the future."))
    wanted = {row[0] for row in s.exec(_query(actor).with_only_columns(HoursEntry.id).where(col(HoursEntry.id).in_(ids)))}
    try:
        with s.begin_nested():  # another coordinator marking the same entries at the same moment: one of you wins
            for entry_id in sorted(wanted):
                s.add(NationalRecord(entry_id=entry_id, recorded_on=on, recorded_by=actor.id))
            s.flush()
    except IntegrityError:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "Errors", "Someone else marked some of these entries as recorded just now; look at the list again.")) from None
    audit.record(s, actor=actor, action="mark_recorded", entity="roster_hours_entry", entity_id="national",
                 after={"entries": sorted(wanted), "recorded_on": on})
    return len(wanted)
