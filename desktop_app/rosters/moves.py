"""Manual moves on the roster, each refused with the exact rule it would break: put someone on a
patrol, take them off, swap two people, lock a place; who can cover a patrol; repair a dropout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ConflictError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.periods import Period
from desktop_app.core.records import audited_update
from desktop_app.rosters import checker, cover
from desktop_app.rosters.common import (
    date_range,
    get_assignment,
    get_shift,
    get_volunteer,
    volunteer_name,
)
from desktop_app.rosters.models import (
    Assignment,
    AssignmentSource,
    CheckIn,
    Leave,
    Shift,
    TeamMember,
)
from desktop_app.rosters.month import Loaded, load_problem
from desktop_app.rosters.permissions import (
    MANAGE_ROSTERS,
    VIEW_ROSTERS,
)
from desktop_app.rosters.problem import Roster


class LeavesGap(ConflictError):
    """Taking this person off would leave the patrol without its leader or below its minimum; the page
    may ask and then remove anyway (``unassign(..., allow_gap=True)``)."""


def _edit_window(day: date) -> tuple[date, date]:
    return day - timedelta(days=1), day + timedelta(days=1)


def _load_for(s: Session, shift: Shift, volunteer_id: int) -> Loaded:
    team_ids = {shift.team_id}
    team_ids.update(s.exec(select(TeamMember.team_id).where(TeamMember.volunteer_id == volunteer_id)).all())
    a, b = _edit_window(shift.date)
    return load_problem(s, team_ids=sorted(team_ids), start=a, end=b)


def refusals(loaded: Loaded, new_roster: Roster, volunteer_ids: set[int]) -> list[checker.Violation]:
    """Rule breaks a change would add (those already there are not the change's fault)."""
    before = {(v.rule, v.volunteer_id, v.shift_id) for v in checker.violations(loaded.problem, loaded.roster, only_volunteers=volunteer_ids)}
    return [v for v in checker.violations(loaded.problem, new_roster, only_volunteers=volunteer_ids)
            if (v.rule, v.volunteer_id, v.shift_id) not in before]


def _refuse(found: list[checker.Violation]) -> None:
    if found:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Not allowed: {reasons}"),
                            reasons=" ".join(dict.fromkeys(v.text() for v in found)))


def assign(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, lock: bool = False,
           source: str = AssignmentSource.MANUAL) -> Assignment:
    """Put a volunteer on a shift, or say exactly why not (overlap, limit, leave, availability...)."""
    require(actor, MANAGE_ROSTERS)
    shift = get_shift(s, shift_id, actor)
    get_volunteer(s, volunteer_id, actor)
    loaded = _load_for(s, shift, volunteer_id)
    if volunteer_id in loaded.roster.get(shift_id, set()):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is already on this patrol."), name=volunteer_name(s, volunteer_id))
    if volunteer_id not in loaded.problem.vol_by_id:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is not an active member of this team."), name=volunteer_name(s, volunteer_id))
    new = {k: set(v) for k, v in loaded.roster.items()}
    new.setdefault(shift_id, set()).add(volunteer_id)
    _refuse(refusals(loaded, new, {volunteer_id}) + [
        v for v in checker.violations(loaded.problem, new, only_volunteers=set()) if v.rule == "over_max" and v.shift_id == shift_id
    ])
    is_leader = loaded.problem.vol_by_id[volunteer_id].can_lead(loaded.problem.shift_by_id[shift_id])
    has_leader = any(a.as_leader for a in s.exec(select(Assignment).where(Assignment.shift_id == shift_id)))
    a = Assignment(shift_id=shift_id, volunteer_id=volunteer_id, locked=lock, source=source, as_leader=is_leader and not has_leader)
    s.add(a)
    s.flush()
    audit.record(s, actor=actor, action="assign", entity="roster_assignment", entity_id=a.id, after=a)
    return a


def unassign(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, allow_gap: bool = False) -> None:
    """Take a volunteer off a shift. Refused when locked, checked in, or (unless ``allow_gap``) when it
    would leave the patrol without its leader or below its minimum."""
    require(actor, MANAGE_ROSTERS)
    shift = get_shift(s, shift_id, actor)
    a = get_assignment(s, shift_id, volunteer_id)
    name = volunteer_name(s, volunteer_id)
    if a.locked:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is locked on this patrol; unlock the cell first."), name=name)
    if s.exec(select(CheckIn).where(CheckIn.shift_id == shift_id, CheckIn.volunteer_id == volunteer_id)).first():
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} has already checked in or been marked for this patrol."), name=name)
    if not allow_gap:
        loaded = load_problem(s, team_ids=[shift.team_id], start=shift.date, end=shift.date)
        new = {k: set(v) for k, v in loaded.roster.items()}
        new[shift_id].discard(volunteer_id)
        gaps_before = {g.shift_id: g for g in checker.gaps(loaded.problem, loaded.roster)}
        for g in checker.gaps(loaded.problem, new):
            if g.shift_id == shift_id:
                old = gaps_before.get(shift_id)
                if g.leader_missing and not (old and old.leader_missing):
                    raise LeavesGap(QT_TRANSLATE_NOOP("Errors", "Not allowed: {name} is the only team leader on this patrol; find cover first."), name=name)
                if g.missing > (old.missing if old else 0):
                    raise LeavesGap(QT_TRANSLATE_NOOP("Errors", "Not allowed: the patrol would drop below its minimum of {min}; find cover first."),
                                    min=shift.min_headcount)
                lost = [k for k in g.missing_skills if not (old and k in old.missing_skills)]
                if lost:
                    raise LeavesGap(QT_TRANSLATE_NOOP("Errors", "Not allowed: {name} is the only one on this patrol holding {skill}; find cover first."),
                                    name=name, skill=loaded.problem.shift_by_id[shift_id].skill_label(lost))
    before = audit.snapshot(a)
    s.delete(a)
    s.flush()
    audit.record(s, actor=actor, action="unassign", entity="roster_assignment", entity_id=a.id, before=before)


def swap(s: Session, *, actor: Actor, shift_a: int, volunteer_a: int, shift_b: int, volunteer_b: int) -> None:
    """Exchange two people's patrols (A takes B's shift and B takes A's), refused if either breaks a rule."""
    require(actor, MANAGE_ROSTERS)
    sa, sb = get_shift(s, shift_a, actor), get_shift(s, shift_b, actor)
    aa, ab = get_assignment(s, shift_a, volunteer_a), get_assignment(s, shift_b, volunteer_b)
    for a in (aa, ab):
        if a.locked:
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} is locked on this patrol; unlock the cell first."),
                                name=volunteer_name(s, a.volunteer_id))
    teams = sorted({sa.team_id, sb.team_id} | set(s.exec(select(TeamMember.team_id).where(col(TeamMember.volunteer_id).in_([volunteer_a, volunteer_b]))).all()))
    lo, hi = min(sa.date, sb.date) - timedelta(days=1), max(sa.date, sb.date) + timedelta(days=1)
    loaded = load_problem(s, team_ids=teams, start=lo, end=hi)
    new = {k: set(v) for k, v in loaded.roster.items()}
    new[shift_a].discard(volunteer_a)
    new[shift_b].discard(volunteer_b)
    new[shift_a].add(volunteer_b)
    new[shift_b].add(volunteer_a)
    found = refusals(loaded, new, {volunteer_a, volunteer_b})
    for sid in (shift_a, shift_b):
        gaps_before = {g.shift_id: g for g in checker.gaps(loaded.problem, loaded.roster)}
        for g in checker.gaps(loaded.problem, new):
            if g.shift_id == sid and g.leader_missing and not (gaps_before.get(sid) and gaps_before[sid].leader_missing):
                found.append(checker.Violation("leader", None, sid, checker.msg(
                    QT_TRANSLATE_NOOP("Rosters", "the patrol on {day} would lose its only team leader."), day=problem_day(loaded, sid))))
            lost = [k for k in (g.missing_skills if g.shift_id == sid else ())
                    if not (gaps_before.get(sid) and k in gaps_before[sid].missing_skills)]
            if lost:
                found.append(checker.Violation("not_qualified", None, sid, checker.msg(
                    QT_TRANSLATE_NOOP("Rosters", "the patrol on {day} would lose the only person holding {skill}."),
                    day=problem_day(loaded, sid), skill=loaded.problem.shift_by_id[sid].skill_label(lost))))
    _refuse(found)
    for a in (aa, ab):
        before = audit.snapshot(a)
        s.delete(a)
        s.flush()
        audit.record(s, actor=actor, action="unassign", entity="roster_assignment", entity_id=a.id, before=before)
    for vid, sid in ((volunteer_a, shift_b), (volunteer_b, shift_a)):
        lead = loaded.problem.vol_by_id[vid].can_lead(loaded.problem.shift_by_id[sid])
        n = Assignment(shift_id=sid, volunteer_id=vid, source=AssignmentSource.MANUAL, as_leader=lead)
        s.add(n)
        s.flush()
        audit.record(s, actor=actor, action="assign", entity="roster_assignment", entity_id=n.id, after=n)


def problem_day(loaded: Loaded, shift_id: int) -> str:
    return loaded.problem.shift_by_id[shift_id].date.isoformat()


def set_locked(s: Session, *, actor: Actor, shift_id: int, volunteer_id: int, locked: bool) -> None:
    require(actor, MANAGE_ROSTERS)
    get_shift(s, shift_id, actor)
    a = get_assignment(s, shift_id, volunteer_id)
    audited_update(s, a, {"locked": locked}, actor=actor, entity="roster_assignment", action="lock" if locked else "unlock")


def find_cover(s: Session, *, actor: Actor, shift_id: int) -> list[cover.Candidate]:
    """Who can take this patrol, best first; people who cannot say why (blockers)."""
    require(actor, VIEW_ROSTERS)
    shift = get_shift(s, shift_id, actor)
    month = Period.month_of(shift.date)
    loaded = load_problem(s, team_ids=[shift.team_id], start=month.start, end=month.last_day)
    return cover.find_cover(loaded.problem, loaded.roster, shift_id)


@dataclass
class RepairReport:
    added: list[tuple[int, int]]
    removed: list[tuple[int, int]]
    unfilled: list[int]
    changes_per_slot: dict[int, int] = field(default_factory=dict)


def repair_dropout(s: Session, *, actor: Actor, volunteer_id: int, start, end) -> RepairReport:
    """``volunteer_id`` cannot come from ``start`` to ``end``: take them off their patrols there and
    refill each place changing as little as possible. Locked places of theirs are released too."""
    require(actor, MANAGE_ROSTERS)
    a, b = date_range(start, end)
    get_volunteer(s, volunteer_id, actor)
    team_ids = sorted(set(s.exec(select(TeamMember.team_id).where(TeamMember.volunteer_id == volunteer_id)).all()))
    if not team_ids:
        return RepairReport([], [], [])
    first = min(Period.month_of(a).start, a - timedelta(days=a.weekday()))
    last = max(Period.month_of(b).last_day, b + timedelta(days=6 - b.weekday()))
    loaded = load_problem(s, team_ids=team_ids, start=first, end=last)
    mine = [sid for sid, vids in loaded.roster.items() if volunteer_id in vids and a <= loaded.problem.shift_by_id[sid].date <= b]
    checked = set(s.exec(select(CheckIn.shift_id).where(CheckIn.volunteer_id == volunteer_id)).all())
    mine = [sid for sid in mine if sid not in checked]
    # the dropout's own locks no longer bind; the leave keeps the solver from putting them back
    loaded.problem.locked = {(x, v) for x, v in loaded.problem.locked if v != volunteer_id or x not in mine}
    rep = cover.repair_dropout(loaded.problem, loaded.roster, volunteer_id, mine)
    for sid in mine:
        row = get_assignment(s, sid, volunteer_id)
        before = audit.snapshot(row)
        s.delete(row)
        s.flush()
        audit.record(s, actor=actor, action="dropout", entity="roster_assignment", entity_id=row.id, before=before)
    for sid, vid in rep.removed:
        row = get_assignment(s, sid, vid)
        before = audit.snapshot(row)
        s.delete(row)
        s.flush()
        audit.record(s, actor=actor, action="unassign", entity="roster_assignment", entity_id=row.id, before=before)
    for sid, vid in rep.added:
        sh = loaded.problem.shift_by_id[sid]
        row = Assignment(shift_id=sid, volunteer_id=vid, source=AssignmentSource.REPAIR, as_leader=loaded.problem.vol_by_id[vid].can_lead(sh))
        s.add(row)
        s.flush()
        audit.record(s, actor=actor, action="assign", entity="roster_assignment", entity_id=row.id, after=row)
    s.add(Leave(volunteer_id=volunteer_id, start=a, end=b, reason="dropout"))
    return RepairReport(rep.added, rep.removed, rep.unfilled, rep.changes_per_slot())
