"""The fast fill and the fairness pass (the warm start CP-SAT polishes), and the per-person rule state
they share with "find cover" and dropout repair. Pure: plain data in, a roster out.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from desktop_app.rosters.problem import (
    EVENING,
    EVERYONE,
    MORNING,
    PERIOD_ORDER,
    SOMEONE,
    Problem,
    Roster,
    SolverShift,
    SolverVolunteer,
    copy_roster,
    month_key,
    week_key,
)


def eligible(v: SolverVolunteer, s: SolverShift) -> bool:
    """May ``v`` ever take ``s``, whatever else is on the roster? (Holding what everyone on it must hold.)"""
    if s.team_id not in v.teams:
        return False
    if v.no_evenings and s.period == EVENING:
        return False
    if (s.date.weekday(), s.period) in v.unavailable:
        return False
    if s.requires and v.lacks(s, EVERYONE):
        return False
    return not v.on_leave(s.date)


def group_key(problem: Problem, v: SolverVolunteer, elig: frozenset[int]) -> tuple:
    """Volunteers with the same key are interchangeable: fairness is measured within such a group."""
    leads = frozenset(t for t in v.leader_teams)
    # the qualifications shifts ask for (with their expiry): a holder and a non-holder are not interchangeable
    skills = frozenset(x for x in v.skills if x[0] in problem.required_skills) if problem.required_skills else frozenset()
    return (elig, leads, v.max_per_week, v.max_per_month, v.never_alone, skills)


def keeps_cover(u: SolverVolunteer, w: SolverVolunteer, s: SolverShift) -> bool:
    """Would ``w`` taking ``u``'s place on ``s`` keep what ``u`` brought: leading it, a required qualification?"""
    if s.leader_required and is_leader(u, s) and not is_leader(w, s):
        return False
    return all(w.holds(k, s.date) for k in s.required(SOMEONE) if u.holds(k, s.date))


# --- state shared by greedy, cover and repair ---------------------------------------------------


class State:
    """Counters to test one more assignment against the per-person rules quickly."""

    def __init__(self, problem: Problem, roster: Roster) -> None:
        self.p = problem
        self.days: dict[int, dict[date, str]] = defaultdict(dict)
        self.week: dict[tuple[int, tuple], int] = defaultdict(int)
        self.month: dict[tuple[int, tuple], int] = defaultdict(int)
        self.count: dict[int, int] = defaultdict(int)
        for vid, d, period in problem.outside:
            self._add(vid, d, period, outside=True)
        for sid, vids in roster.items():
            s = problem.shift_by_id.get(sid)
            if s is None:
                continue
            for vid in vids:
                self._add(vid, s.date, s.period)

    def _add(self, vid: int, d: date, period: str, outside: bool = False, sign: int = 1) -> None:
        if sign > 0:
            self.days[vid][d] = period
        else:
            self.days[vid].pop(d, None)
        self.week[(vid, week_key(d))] += sign
        self.month[(vid, month_key(d))] += sign
        if not outside:
            self.count[vid] += sign

    def add(self, vid: int, s: SolverShift) -> None:
        self._add(vid, s.date, s.period)

    def remove(self, vid: int, s: SolverShift) -> None:
        self._add(vid, s.date, s.period, sign=-1)

    def blockers(self, v: SolverVolunteer, s: SolverShift) -> list[str]:
        """Rules (names) that one more patrol ``s`` for ``v`` would break; [] means it fits."""
        out = []
        days = self.days[v.id]
        if s.date in days:
            out.append("two_a_day")
        if s.period == MORNING and days.get(s.date - timedelta(days=1)) == EVENING:
            out.append("evening_then_morning")
        if s.period == EVENING and days.get(s.date + timedelta(days=1)) == MORNING:
            out.append("evening_then_morning")
        if v.max_per_week is not None and self.week[(v.id, week_key(s.date))] >= v.max_per_week:
            out.append("week_limit")
        if v.max_per_month is not None and self.month[(v.id, month_key(s.date))] >= v.max_per_month:
            out.append("month_limit")
        return out


def is_leader(v: SolverVolunteer, s: SolverShift) -> bool:
    """May ``v`` lead ``s``: a leader of its team holding what its leader must hold on its date."""
    return v.can_lead(s)


def missing_skills(problem: Problem, roster: Roster, s: SolverShift) -> tuple[str, ...]:
    """The qualifications at least one person on ``s`` must hold that nobody rostered holds."""
    people = [problem.vol_by_id[x] for x in roster.get(s.id, ()) if x in problem.vol_by_id]
    return tuple(k for k in s.required(SOMEONE) if not any(p.holds(k, s.date) for p in people))


def choose_leaders(problem: Problem, roster: Roster) -> dict[int, int]:
    out = {}
    for sid, vids in roster.items():
        s = problem.shift_by_id.get(sid)
        if s is None:
            continue
        leads = sorted(v for v in vids if v in problem.vol_by_id and is_leader(problem.vol_by_id[v], s))
        if leads:
            out[sid] = leads[0]
    return out


# --- greedy -------------------------------------------------------------------------------------


def greedy(problem: Problem, *, seed: int = 0) -> Roster:
    """A fast fill: each shift in date order takes a leader, then people up to the minimum, choosing
    whoever has served least relative to how many shifts they could take."""
    rnd = random.Random(seed)
    roster: Roster = {s.id: set() for s in problem.shifts}
    for sid, vid in problem.locked:
        if sid in roster:
            roster[sid].add(vid)
    state = State(problem, roster)
    elig: dict[int, list[SolverVolunteer]] = {}
    capacity: dict[int, int] = defaultdict(int)
    for s in problem.shifts:
        elig[s.id] = [v for v in problem.volunteers if eligible(v, s)]
        for v in elig[s.id]:
            capacity[v.id] += 1
    tiebreak = {v.id: rnd.random() for v in problem.volunteers}
    leader_supply: dict[int, int] = defaultdict(int)
    for v in problem.volunteers:
        for t in v.leader_teams:
            leader_supply[t] += 1

    def score(v: SolverVolunteer, s: SolverShift) -> tuple:
        load = state.count[v.id] / max(1, capacity[v.id])
        pref = 0 if (s.date.weekday(), s.period) in v.preferred else 1
        # leaders are scarce: members first for the non-leader places
        return (round(load * 20), 1 if is_leader(v, s) else 0, pref, tiebreak[v.id])

    # scarcest first: shifts few leaders (then few people) can take are filled before the easy ones
    def scarcity(s: SolverShift) -> tuple:
        leads = sum(1 for v in elig[s.id] if is_leader(v, s)) if s.leader_required else 99
        return (min(leads, 99), len(elig[s.id]) - s.min_headcount, s.date, PERIOD_ORDER.get(s.period, 9), s.team_id)

    shifts = sorted(problem.shifts, key=scarcity)
    for s in shifts:
        people = roster[s.id]
        candidates = [v for v in elig[s.id] if v.id not in people and not state.blockers(v, s)]
        if s.leader_required and not any(is_leader(problem.vol_by_id[x], s) for x in people if x in problem.vol_by_id):
            leads = [v for v in candidates if is_leader(v, s)]
            if leads:
                best = min(leads, key=lambda v: (state.count[v.id] / max(1, capacity[v.id]), tiebreak[v.id]))
                people.add(best.id)
                state.add(best.id, s)
                candidates.remove(best)
        for skill in missing_skills(problem, roster, s):  # someone holding what at least one must hold
            if len(people) >= s.max_headcount:
                break
            holders = [v for v in candidates if v.id not in people and v.holds(skill, s.date) and not state.blockers(v, s)]
            if holders:
                best = min(holders, key=lambda v: score(v, s))
                people.add(best.id)
                state.add(best.id, s)
                candidates.remove(best)
        target = max(s.min_headcount, 2 if any(problem.vol_by_id[x].never_alone for x in people if x in problem.vol_by_id) else 0)
        candidates.sort(key=lambda v: score(v, s))
        for v in candidates:
            if len(people) >= min(target, s.max_headcount):
                break
            if state.blockers(v, s):
                continue
            if v.never_alone and len(people) == 0 and s.min_headcount < 2:
                continue
            people.add(v.id)
            state.add(v.id, s)
        # someone who must never patrol alone gets company, or comes off this patrol
        alone = [x for x in people if x in problem.vol_by_id and problem.vol_by_id[x].never_alone]
        if alone and len(people) < 2:
            mate = next((v for v in sorted(elig[s.id], key=lambda v: score(v, s))
                         if v.id not in people and not state.blockers(v, s) and len(people) < s.max_headcount), None)
            if mate is not None:
                people.add(mate.id)
                state.add(mate.id, s)
            else:
                for x in alone:
                    if (s.id, x) not in problem.locked:
                        people.discard(x)
                        state.remove(x, s)
    return roster


def balance(problem: Problem, roster: Roster, *, rounds: int = 6) -> Roster:
    """Local search after the greedy fill: within each eligibility group, hand a patrol from whoever has
    most to whoever has fewest (same eligibility, so only per-person rules can stop it), then exchange
    evening / holiday patrols for ordinary ones, until each spread is at most one."""
    roster = copy_roster(roster)
    state = State(problem, roster)
    elig_sets: dict[int, set[int]] = defaultdict(set)
    for s in problem.shifts:
        for v in problem.volunteers:
            if eligible(v, s):
                elig_sets[v.id].add(s.id)
    groups: dict[tuple, list[SolverVolunteer]] = defaultdict(list)
    for v in problem.volunteers:
        if elig_sets.get(v.id):
            groups[group_key(problem, v, frozenset(elig_sets[v.id]))].append(v)
    mine: dict[int, set[int]] = defaultdict(set)
    for sid, vids in roster.items():
        for vid in vids:
            mine[vid].add(sid)
    locked = problem.locked

    def move(u: SolverVolunteer, w: SolverVolunteer, sid: int) -> bool:
        s = problem.shift_by_id[sid]
        if (sid, u.id) in locked or w.id in roster[sid] or not keeps_cover(u, w, s):
            return False
        state.remove(u.id, s)
        if state.blockers(w, s) or (w.never_alone and len(roster[sid]) < 2):
            state.add(u.id, s)
            return False
        roster[sid].discard(u.id)
        roster[sid].add(w.id)
        state.add(w.id, s)
        mine[u.id].discard(sid)
        mine[w.id].add(sid)
        return True

    other = {"evening": "holiday", "holiday": "evening"}

    def exchange(u: SolverVolunteer, w: SolverVolunteer, kind: str) -> bool:
        """u gives one of its special patrols to w and takes one of w's ordinary ones, atomically."""
        for a in sorted(s for s in mine[u.id] if _special(problem.shift_by_id[s], kind)):
            if (a, u.id) in locked or w.id in roster[a]:
                continue
            sa = problem.shift_by_id[a]
            if not keeps_cover(u, w, sa):
                continue
            for b in sorted(s for s in mine[w.id] if not _special(problem.shift_by_id[s], kind)):
                if (b, w.id) in locked or u.id in roster[b]:
                    continue
                sb = problem.shift_by_id[b]
                if not keeps_cover(w, u, sb):
                    continue
                if _special(sa, other[kind]) != _special(sb, other[kind]):
                    continue  # keep the other kind's counts as they are
                state.remove(u.id, sa)
                state.remove(w.id, sb)
                ok = not state.blockers(w, sa)
                if ok:
                    state.add(w.id, sa)
                    ok = not state.blockers(u, sb)
                    if ok:
                        state.add(u.id, sb)
                        roster[a].discard(u.id)
                        roster[a].add(w.id)
                        roster[b].discard(w.id)
                        roster[b].add(u.id)
                        mine[u.id].discard(a)
                        mine[u.id].add(b)
                        mine[w.id].discard(b)
                        mine[w.id].add(a)
                        return True
                    state.remove(w.id, sa)
                state.add(u.id, sa)
                state.add(w.id, sb)
        return False

    def special_count(v: SolverVolunteer, kind: str) -> int:
        return sum(1 for sid in mine[v.id] if _special(problem.shift_by_id[sid], kind))

    for _ in range(rounds):
        changed = False
        for members in groups.values():
            if len(members) < 2:
                continue
            for _guard in range(len(members) * 4):
                members.sort(key=lambda v: len(mine[v.id]))
                lo, hi = members[0], members[-1]
                if len(mine[hi.id]) - len(mine[lo.id]) <= 1:
                    break
                moved = False
                for u in reversed(members):
                    if len(mine[u.id]) - len(mine[lo.id]) <= 1:
                        break
                    for w in members:
                        if len(mine[u.id]) - len(mine[w.id]) <= 1:
                            break
                        for sid in sorted(mine[u.id]):
                            if move(u, w, sid):
                                moved = changed = True
                                break
                        if moved:
                            break
                    if moved:
                        break
                if not moved:
                    break
            for kind in ("evening", "holiday"):
                for _guard in range(len(members) * 4):
                    members.sort(key=lambda v: special_count(v, kind))
                    lo, hi = members[0], members[-1]
                    if special_count(hi, kind) - special_count(lo, kind) <= 1:
                        break
                    swapped = False
                    for u in reversed(members):
                        for w in members:
                            if special_count(u, kind) - special_count(w, kind) <= 1:
                                break
                            if len(mine[u.id]) > len(mine[w.id]) and any(
                                move(u, w, sid) for sid in sorted(mine[u.id])
                                if _special(problem.shift_by_id[sid], kind)
                                and not _special(problem.shift_by_id[sid], other[kind])
                            ):
                                swapped = changed = True
                                break
                            if exchange(u, w, kind):
                                swapped = changed = True
                                break
                        if swapped:
                            break
                    if not swapped:
                        break
        if not changed:
            break
    return roster


def _special(s: SolverShift, kind: str) -> bool:
    return s.period == EVENING if kind == "evening" else s.is_holiday


