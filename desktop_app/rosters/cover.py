"""Who can take a patrol ("find cover", best first, with the rule that stops each one who cannot) and the
minimal-change repair when someone drops out. Pure: plain data in and out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop_app.rosters.greedy import State, eligible, is_leader, missing_skills
from desktop_app.rosters.problem import (
    EVENING,
    EVERYONE,
    Problem,
    Roster,
    SolverShift,
    copy_roster,
)

# --- find cover and repair ----------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    volunteer_id: int
    name: str
    is_leader: bool
    patrols: int  # in the solved range
    blockers: tuple[str, ...]  # rules that stop them; empty = can take it
    brings: tuple[str, ...] = ()  # qualifications the patrol lacks (someone must hold) that they hold, as named


def find_cover(
    problem: Problem, roster: Roster, shift_id: int, *, exclude: set[int] | None = None,
) -> list[Candidate]:
    """Everyone in the team who could take the shift, best first: available without breaking a rule,
    a leader first when the shift lacks one (one holding what its leader must hold), then whoever brings a
    qualification the patrol lacks, fewest patrols."""
    s = problem.shift_by_id[shift_id]
    state = State(problem, roster)
    people = roster.get(shift_id, set())
    need_leader = s.leader_required and not any(
        is_leader(problem.vol_by_id[v], s) for v in people if v in problem.vol_by_id
    )
    lacking = missing_skills(problem, roster, s)
    out = []
    for v in problem.volunteers:
        if v.id in people or s.team_id not in v.teams or (exclude and v.id in exclude):
            continue
        block = []
        if not eligible(v, s):
            block.append("leave" if v.on_leave(s.date) else "no_evenings" if (v.no_evenings and s.period == EVENING)
                         else "not_qualified" if v.lacks(s, EVERYONE) else "availability")
        block.extend(state.blockers(v, s))
        brings = tuple(s.skill_label([k]) for k in lacking if v.holds(k, s.date))
        out.append(Candidate(v.id, v.name, is_leader(v, s), state.count[v.id], tuple(block), brings))
    out.sort(key=lambda c: (
        bool(c.blockers), not (need_leader and c.is_leader), not c.brings, c.patrols, c.volunteer_id,
    ))
    return out


@dataclass
class Repair:
    roster: Roster
    added: list[tuple[int, int]]  # (shift_id, volunteer_id)
    removed: list[tuple[int, int]]
    unfilled: list[int]  # shift ids still short

    def changes_per_slot(self) -> dict[int, int]:
        out: dict[int, int] = defaultdict(int)
        for sid, _v in self.added:
            out[sid] += 1
        for sid, _v in self.removed:
            out[sid] += 1
        return dict(out)


def repair_dropout(problem: Problem, roster: Roster, volunteer_id: int, shift_ids: list[int]) -> Repair:
    """Take ``volunteer_id`` off ``shift_ids`` and refill each slot changing as little as possible:
    one direct replacement if anyone can take it, else move one person from another shift whose own
    place can be filled directly (two assignments changed)."""
    new = copy_roster(roster)
    added: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    unfilled = []
    for sid in shift_ids:
        new.setdefault(sid, set()).discard(volunteer_id)
    for sid in sorted(shift_ids, key=lambda i: problem.shift_by_id[i].date):
        s = problem.shift_by_id[sid]
        was = roster.get(sid, set())
        if volunteer_id not in was or not _short(problem, new, s):
            continue  # still staffed and led without them: nothing to change
        cands = [c for c in find_cover(problem, new, sid, exclude={volunteer_id}) if not c.blockers]
        needs_leader = _needs_leader(problem, new, s)
        needs_skill = bool(missing_skills(problem, new, s))
        pick = next((c for c in cands if (c.is_leader or not needs_leader) and (c.brings or not needs_skill)), None)
        pick = pick or next((c for c in cands if c.is_leader or not needs_leader), None)
        if pick is not None:
            new[sid].add(pick.volunteer_id)
            added.append((sid, pick.volunteer_id))
            continue
        moved = _two_step(problem, new, s, needs_leader, exclude={volunteer_id})
        if moved is not None:
            (from_sid, mover, filler) = moved
            new[from_sid].discard(mover)
            new[sid].add(mover)
            removed.append((from_sid, mover))
            added.append((sid, mover))
            if filler is not None:
                new[from_sid].add(filler)
                added.append((from_sid, filler))
            continue
        unfilled.append(sid)
    return Repair(new, added, removed, unfilled)


def _needs_leader(problem: Problem, roster: Roster, s: SolverShift) -> bool:
    return s.leader_required and not any(
        is_leader(problem.vol_by_id[v], s) for v in roster.get(s.id, ()) if v in problem.vol_by_id
    )


def _short(problem: Problem, roster: Roster, s: SolverShift) -> bool:
    return (len(roster.get(s.id, ())) < s.min_headcount or _needs_leader(problem, roster, s)
            or bool(missing_skills(problem, roster, s)))


def _two_step(problem: Problem, roster: Roster, s: SolverShift, needs_leader: bool, exclude: set[int]):
    """A person blocked only by one other patrol moves here; their old place gets a direct cover."""
    for c in find_cover(problem, roster, s.id, exclude=exclude):
        if not c.blockers or (needs_leader and not c.is_leader):
            continue
        if not set(c.blockers) <= {"two_a_day", "evening_then_morning", "week_limit", "month_limit"}:
            continue
        v = problem.vol_by_id[c.volunteer_id]
        mine = [sid for sid, vids in roster.items() if c.volunteer_id in vids and sid not in {x for x, _ in problem.locked if (x, v.id) in problem.locked}]
        mine.sort(key=lambda i: abs((problem.shift_by_id[i].date - s.date).days))
        for from_sid in mine[:6]:
            trial = copy_roster(roster)
            trial[from_sid].discard(v.id)
            st = State(problem, trial)
            if st.blockers(v, s):
                continue
            trial[s.id].add(v.id)
            from_shift = problem.shift_by_id[from_sid]
            if not _short(problem, trial, from_shift):
                return from_sid, v.id, None
            fill = [f for f in find_cover(problem, trial, from_sid, exclude=exclude | {v.id}) if not f.blockers]
            lead_needed = _needs_leader(problem, trial, from_shift)
            pick = next((f for f in fill if f.is_leader or not lead_needed), None)
            if pick is not None:
                return from_sid, v.id, pick.volunteer_id
    return None
