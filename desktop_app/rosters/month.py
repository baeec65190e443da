"""A team's month: the coverage grid, the roster problem as the solver sees it (read from the tables),
why gaps cannot be filled, and solving in two steps so the database is not held while CP-SAT thinks:
``propose_roster`` (read) then ``save_roster`` (write).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.periods import Period
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import pk
from desktop_app.residents import Resident
from desktop_app.rosters import checker, solver
from desktop_app.rosters.capacity import Shortfall, capacity_check
from desktop_app.rosters.common import (
    check_teams,
    chosen_team,
    date_range,
    get_team,
)
from desktop_app.rosters.models import (
    Assignment,
    AssignmentSource,
    Availability,
    CheckIn,
    CoverState,
    Leave,
    MemberRole,
    PairingWish,
    Preference,
    Shift,
    ShiftRequirement,
    Skill,
    Team,
    TeamMember,
    Volunteer,
)
from desktop_app.rosters.permissions import (
    MANAGE_ROSTERS,
    VIEW_ROSTERS,
)
from desktop_app.rosters.problem import Problem, Roster, SolverShift, SolverVolunteer, skill_key
from desktop_app.rosters.volunteers import effective_limits


@dataclass(frozen=True)
class Cell:
    shift_id: int
    day: date
    period: str
    starts_at: time
    ends_at: time
    count: int
    min_headcount: int
    max_headcount: int
    leader_required: bool
    has_leader: bool
    names: tuple[str, ...]
    leader_names: tuple[str, ...]
    locked: int
    is_holiday: bool
    holiday_name: str

    @property
    def state(self) -> CoverState:
        if self.count == 0 and self.min_headcount > 0:
            return CoverState.EMPTY
        if self.count < self.min_headcount or (self.leader_required and not self.has_leader):
            return CoverState.SHORT
        return CoverState.FULL if self.count >= self.max_headcount else CoverState.OK

    @property
    def short(self) -> bool:
        """Nobody, below the minimum, or without its leader."""
        return self.state in (CoverState.EMPTY, CoverState.SHORT)


def coverage(s: Session, *, actor: Actor, team_id: int, start: date, end: date) -> dict[tuple[date, str], Cell]:
    """Every shift of the team in the range with its headcount and leader state (month view)."""
    require(actor, VIEW_ROSTERS)
    get_team(s, team_id, actor)
    shifts = list(s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date >= start, Shift.date <= end, Shift.cancelled == False)))  # noqa: E712
    ids = [sh.id for sh in shifts]
    people: dict[int, list] = defaultdict(list)
    for i in range(0, len(ids), 900):
        rows = s.exec(
            select(Assignment, Resident.name, TeamMember.role)
            .join(Volunteer, col(Volunteer.id) == Assignment.volunteer_id)
            .join(Resident, col(Resident.id) == Volunteer.resident_id)
            .join(Shift, col(Shift.id) == Assignment.shift_id)
            .join(TeamMember, (col(TeamMember.volunteer_id) == Assignment.volunteer_id) & (col(TeamMember.team_id) == Shift.team_id), isouter=True)
            .where(col(Assignment.shift_id).in_(ids[i:i + 900]))
        ).all()
        for a, name, role in rows:
            people[a.shift_id].append((name, role == MemberRole.TEAM_LEADER, a.locked, a.volunteer_id))
    out = {}
    for sh in shifts:
        ps = sorted(people[pk(sh.id)], key=lambda p: (not p[1], p[0]))
        out[(sh.date, sh.period)] = Cell(
            pk(sh.id), sh.date, sh.period, sh.starts_at, sh.ends_at, len(ps), sh.min_headcount, sh.max_headcount,
            sh.leader_required, any(p[1] for p in ps), tuple(p[0] for p in ps), tuple(p[0] for p in ps if p[1]),
            sum(1 for p in ps if p[2]), sh.is_holiday, sh.holiday_name,
        )
    return out


@dataclass
class Loaded:
    problem: Problem
    roster: Roster  # current assignments of the shifts in the problem
    shifts: dict[int, Shift]
    team_names: dict[int, str]


def load_problem(s: Session, *, team_ids: list[int], start: date, end: date) -> Loaded:
    """The roster problem of ``team_ids`` over ``start``..``end`` with everything that constrains it."""
    shifts = list(s.exec(select(Shift).where(col(Shift.team_id).in_(team_ids), Shift.date >= start, Shift.date <= end,
                                             Shift.cancelled == False)))  # noqa: E712
    teams = {pk(t.id): t for t in s.exec(select(Team).where(col(Team.id).in_(team_ids)))}
    members = s.exec(
        select(TeamMember, Volunteer, Resident)
        .join(Volunteer, col(Volunteer.id) == TeamMember.volunteer_id)
        .join(Resident, col(Resident.id) == Volunteer.resident_id)
        .where(col(TeamMember.team_id).in_(team_ids), Volunteer.active == True)  # noqa: E712
    ).all()
    vols: dict[int, dict] = {}
    for m, v, r in members:
        d = vols.setdefault(pk(v.id), {"v": v, "r": r, "teams": set(), "leads": set()})
        d["teams"].add(m.team_id)
        if m.role == MemberRole.TEAM_LEADER:
            d["leads"].add(m.team_id)
    vids = list(vols)
    unavailable: dict[int, set[tuple[int, str]]] = defaultdict(set)
    preferred: dict[int, set[tuple[int, str]]] = defaultdict(set)
    leave: dict[int, list[tuple[date, date]]] = defaultdict(list)
    partners: dict[int, set[int]] = defaultdict(set)
    usual: dict[int, set[tuple[int, str]]] = defaultdict(set)
    skills: dict[int, list] = defaultdict(list)
    requires: dict[int | None, list] = defaultdict(list)  # by template (None: a shift made without one)
    skill_names: dict[int | None, dict[str, str]] = defaultdict(dict)
    template_ids = {sh.template_id for sh in shifts if sh.template_id is not None}
    if template_ids:
        for req in s.exec(select(ShiftRequirement).where(col(ShiftRequirement.template_id).in_(template_ids))
                          .order_by(col(ShiftRequirement.id))):
            requires[req.template_id].append((req.scope, skill_key(req.skill)))
            skill_names[req.template_id][skill_key(req.skill)] = req.skill
    if vids and template_ids and requires:
        for vid, name, until in s.exec(select(Skill.volunteer_id, Skill.name, col(Skill.expires_on)).where(col(Skill.volunteer_id).in_(vids))):
            skills[vid].append((skill_key(name), until))
    # The patrols in a few weeks first, then who is on them: "+ 0" keeps SQLite from probing the assignments
    # once per volunteer and patrol (60 × 600 on the large database: 6-14 ms a query, three queries each time
    # a patrol is clicked and cover is sought, issue 21); PostgreSQL plans it the same either way.
    by_volunteer = (col(Assignment.volunteer_id) + 0).in_(vids)
    if vids:
        for av in s.exec(select(Availability).where(col(Availability.volunteer_id).in_(vids))):
            (unavailable if av.preference == Preference.NO else preferred)[av.volunteer_id].add((av.weekday, av.period))
        for lv in s.exec(select(Leave).where(col(Leave.volunteer_id).in_(vids), Leave.end >= start, Leave.start <= end)):
            leave[lv.volunteer_id].append((lv.start, lv.end))
        for wish in s.exec(select(PairingWish).where(col(PairingWish.volunteer_id).in_(vids))):
            partners[wish.volunteer_id].add(wish.partner_id)
        # stable teams: the weekday × period each served in the four weeks before
        for vid, served_on, p in s.exec(select(col(Assignment.volunteer_id), col(Shift.date), col(Shift.period)).join(Shift, col(Shift.id) == Assignment.shift_id)
                                        .where(by_volunteer, Shift.date >= start - timedelta(days=28), Shift.date < start)):
            usual[vid].add((served_on.weekday(), p))
    pvols = []
    for vid, d in vols.items():
        lim = effective_limits(d["v"], d["r"], start)
        pvols.append(SolverVolunteer(
            id=vid, name=d["r"].name, teams=frozenset(d["teams"]), leader_teams=frozenset(d["leads"]),
            no_evenings=lim.no_evenings, max_per_week=lim.max_per_week, max_per_month=lim.max_per_month,
            unavailable=frozenset(unavailable[vid]), preferred=frozenset(preferred[vid]), leave=tuple(leave[vid]),
            never_alone=d["v"].never_alone, partners=frozenset(partners[vid]), usual=frozenset(usual[vid]),
            skills=tuple(sorted(skills[vid], key=lambda k: (k[0], k[1] or date.max))),
        ))
    pshifts = [SolverShift(pk(sh.id), sh.team_id, sh.date, sh.period, sh.min_headcount, sh.max_headcount, sh.leader_required,
                           sh.is_holiday, sh.grid, teams[sh.team_id].name if sh.team_id in teams else "",
                           requires=tuple(requires.get(sh.template_id, ())),
                           skill_names=tuple(skill_names.get(sh.template_id, {}).items())) for sh in shifts]
    shift_ids = [pk(sh.id) for sh in shifts]
    roster: Roster = {sid: set() for sid in shift_ids}
    locked = set()
    for i in range(0, len(shift_ids), 900):
        chunk = shift_ids[i:i + 900]
        for a in s.exec(select(Assignment).where(col(Assignment.shift_id).in_(chunk))):
            roster[a.shift_id].add(a.volunteer_id)
            if a.locked:
                locked.add((a.shift_id, a.volunteer_id))
        # what already happened (checked in, no-show) stays as it is
        locked.update(s.exec(select(CheckIn.shift_id, CheckIn.volunteer_id).where(col(CheckIn.shift_id).in_(chunk))).all())
    # Assignments outside the range that count for the same weeks / months (and the evening before).
    lo = min(Period.month_of(start).start, start - timedelta(days=start.weekday()), start - timedelta(days=1))
    hi = max(Period.month_of(end).last_day, end + timedelta(days=6 - end.weekday()), end + timedelta(days=1))
    outside: list[tuple[int, date, str]] = []
    if vids:
        for vid, on, p in s.exec(
            select(col(Assignment.volunteer_id), col(Shift.date), col(Shift.period)).join(Shift, col(Shift.id) == Assignment.shift_id)
            .where(by_volunteer, Shift.date >= lo, Shift.date <= hi, Shift.cancelled == False)  # noqa: E712
        ):
            if not (start <= on <= end):
                outside.append((vid, on, p))
        # other teams' shifts inside the range count too (one patrol a day across teams)
        for vid, on, p, _tid in s.exec(
            select(col(Assignment.volunteer_id), col(Shift.date), col(Shift.period), col(Shift.team_id)).join(Shift, col(Shift.id) == Assignment.shift_id)
            .where(by_volunteer, Shift.date >= start, Shift.date <= end, col(Shift.team_id).not_in(team_ids),
                   Shift.cancelled == False)  # noqa: E712  (a cancelled patrol takes nobody's day)
        ):
            outside.append((vid, on, p))
    problem = Problem(pvols, pshifts, locked=locked, outside=outside)
    return Loaded(problem, roster, {pk(sh.id): sh for sh in shifts}, {t: teams[t].name for t in teams})


def explain_gaps(s: Session, *, actor: Actor, team_id: int, start: date, end: date) -> list[Shortfall]:
    """The capacity check of a range as it stands (why the gaps cannot be filled), in well under a second."""
    require(actor, VIEW_ROSTERS)
    get_team(s, team_id, actor)
    loaded = load_problem(s, team_ids=[team_id], start=start, end=end)
    return capacity_check(loaded.problem)


@dataclass
class Proposal:
    team_ids: list[int]
    start: date
    end: date
    roster: Roster
    leaders: dict[int, int]
    status: str
    seconds: float
    shortfalls: list[Shortfall]
    gaps: list[checker.Gap]
    violations: list[checker.Violation]
    spread: dict[str, int]
    changed: int = 0


def propose_roster(s: Session, *, actor: Actor, team_ids: list[int], start, end, time_limit: float = 5.0,
                   progress: Progress = NO_PROGRESS, use_cpsat: bool = True, keep_before: date | None = None) -> Proposal:
    """Solve the range (read only): keeps locked assignments, fills everything else anew. Days before
    ``keep_before`` (the page passes today) are history: kept as they are, counted for the limits."""
    require(actor, MANAGE_ROSTERS)
    a, b = date_range(start, end)
    if not team_ids:
        chosen_team(s, None, actor)  # says what to do: choose a team, or create the station's first
    check_teams(s, team_ids, actor)
    if keep_before is not None and keep_before > a:
        if keep_before > b:
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{start} to {end} is in the past; past rosters are not planned again."),
                                start=a.isoformat(), end=b.isoformat())
        a = keep_before
    loaded = load_problem(s, team_ids=team_ids, start=a, end=b)
    if not loaded.problem.shifts:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "There are no shifts from {start} to {end}; generate them first."),
                            start=a.isoformat(), end=b.isoformat())
    result = solver.solve(loaded.problem, time_limit=time_limit, progress=progress, use_cpsat=use_cpsat)
    changed = sum(len(result.roster.get(sid, set()) ^ loaded.roster.get(sid, set())) for sid in loaded.roster)
    return Proposal(team_ids, a, b, result.roster, result.leaders, result.status, result.seconds, result.shortfalls,
                    checker.gaps(loaded.problem, result.roster), checker.violations(loaded.problem, result.roster),
                    solver.fairness_spread(loaded.problem, result.roster), changed)


def save_roster(s: Session, *, actor: Actor, proposal: Proposal) -> int:
    """Replace the unlocked assignments of the range with the proposal (locked ones stay); returns how
    many assignments were written. Refuses a proposal that breaks a rule."""
    require(actor, MANAGE_ROSTERS)
    if proposal.violations:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "The roster breaks {count} rule(s) and was not saved: {first}"),
                            count=len(proposal.violations), first=proposal.violations[0].text())
    check_teams(s, proposal.team_ids, actor)
    shifts = list(s.exec(select(Shift.id).where(col(Shift.team_id).in_(proposal.team_ids), Shift.date >= proposal.start,
                                                Shift.date <= proposal.end)))
    existing: dict[tuple[int, int], Assignment] = {}
    for i in range(0, len(shifts), 900):
        for a in s.exec(select(Assignment).where(col(Assignment.shift_id).in_(shifts[i:i + 900]))):
            existing[(a.shift_id, a.volunteer_id)] = a
    wanted = {(sid, vid) for sid, vids in proposal.roster.items() for vid in vids}
    checked: set[tuple[int, int]] = set()
    for i in range(0, len(shifts), 900):
        checked.update(s.exec(select(CheckIn.shift_id, CheckIn.volunteer_id).where(col(CheckIn.shift_id).in_(shifts[i:i + 900]))).all())
    removed = 0
    for key, a in existing.items():
        if key not in wanted and not a.locked and key not in checked:
            s.delete(a)
            removed += 1
    added = 0
    for sid, vid in sorted(wanted - set(existing)):
        s.add(Assignment(shift_id=sid, volunteer_id=vid, as_leader=proposal.leaders.get(sid) == vid, source=AssignmentSource.SOLVER))
        added += 1
    for (sid, vid), a in existing.items():
        lead = proposal.leaders.get(sid) == vid
        if (sid, vid) in wanted and a.as_leader != lead:
            a.as_leader = lead
            s.add(a)
    s.flush()
    audit.record(s, actor=actor, action="solve", entity="roster", entity_id=",".join(map(str, proposal.team_ids)),
                 after={"start": proposal.start, "end": proposal.end, "added": added, "removed": removed,
                        "status": proposal.status, "gaps": len(proposal.gaps)})
    return added


def fill_month(engine, *, actor: Actor, team_ids: list[int], start, end, time_limit: float = 5.0,
               progress: Progress = NO_PROGRESS, keep_before: date | None = None) -> Proposal:
    """"Fill the month" as long work: propose in a read transaction (the database is not held while
    CP-SAT thinks), then save in one writing transaction. Cancel (through ``progress``) saves nothing."""
    with session_scope(engine, write=False) as s:
        proposal = propose_roster(s, actor=actor, team_ids=team_ids, start=start, end=end, time_limit=time_limit,
                                  progress=progress, keep_before=keep_before)
    progress.check()
    with session_scope(engine) as s:
        save_roster(s, actor=actor, proposal=proposal)
    return proposal
