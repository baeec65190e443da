"""Automatic rosters: a greedy fill, then OR-Tools CP-SAT warm-started from it; a capacity check that
explains shortfalls in plain words; "find cover" ranking and minimal-change repair of a dropout.

Hard rules: team membership, availability (weekday × period) and leave, no evenings, at most one
patrol a day, no evening followed by the next morning, per-week / per-month limits, maximum
headcount, never alone, locked assignments kept. Minimum headcount and the leader are hard too, but
when the month cannot be covered the solver still returns the best roster: their shortfall is paid
for in the objective and reported as gaps with the capacity check's explanation.

Soft: fairness (spread of patrols, evening and holiday patrols within each eligibility group —
volunteers who could take exactly the same shifts under the same limits), preferred slots,
pairing wishes, stable teams (the weekday × period a volunteer served lately).
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.rosters.problem import (
    EVENING,
    MORNING,
    PERIOD_ORDER,
    Message,
    Problem,
    PShift,
    PVolunteer,
    Roster,
    copy_roster,
    month_key,
    msg,
    week_key,
)

W_GAP = 10000
W_SPREAD = 200
W_SPREAD_SPECIAL = 60
W_LOAD = 40
W_EXTRA = 500  # above the fairness weights: nobody is added beyond the minimum just to even out counts
W_PREFER = 3
W_PAIR = 3
W_USUAL = 1


def eligible(v: PVolunteer, s: PShift) -> bool:
    """May ``v`` ever take ``s``, whatever else is on the roster?"""
    if s.team_id not in v.teams:
        return False
    if v.no_evenings and s.period == EVENING:
        return False
    if (s.date.weekday(), s.period) in v.unavailable:
        return False
    return not v.on_leave(s.date)


def group_key(problem: Problem, v: PVolunteer, elig: frozenset[int]) -> tuple:
    """Volunteers with the same key are interchangeable: fairness is measured within such a group."""
    leads = frozenset(t for t in v.leader_teams)
    return (elig, leads, v.max_per_week, v.max_per_month, v.never_alone)


@dataclass
class SolveResult:
    roster: Roster
    leaders: dict[int, int]  # shift_id -> volunteer chosen to lead
    status: str  # "optimal" | "feasible" (CP-SAT) | "warm start" (CP-SAT had no better roster in time) | "greedy"
    seconds: float
    objective: float | None = None
    shortfalls: list[Shortfall] = field(default_factory=list)
    gap_count: int = 0


# --- state shared by greedy, cover and repair ---------------------------------------------------


class _State:
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

    def add(self, vid: int, s: PShift) -> None:
        self._add(vid, s.date, s.period)

    def remove(self, vid: int, s: PShift) -> None:
        self._add(vid, s.date, s.period, sign=-1)

    def blockers(self, v: PVolunteer, s: PShift) -> list[str]:
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


def _is_leader(v: PVolunteer, s: PShift) -> bool:
    return s.team_id in v.leader_teams


def choose_leaders(problem: Problem, roster: Roster) -> dict[int, int]:
    out = {}
    for sid, vids in roster.items():
        s = problem.shift_by_id.get(sid)
        if s is None:
            continue
        leads = sorted(v for v in vids if v in problem.vol_by_id and _is_leader(problem.vol_by_id[v], s))
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
    state = _State(problem, roster)
    elig: dict[int, list[PVolunteer]] = {}
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

    def score(v: PVolunteer, s: PShift) -> tuple:
        load = state.count[v.id] / max(1, capacity[v.id])
        pref = 0 if (s.date.weekday(), s.period) in v.preferred else 1
        # leaders are scarce: members first for the non-leader places
        return (round(load * 20), 1 if _is_leader(v, s) else 0, pref, tiebreak[v.id])

    # scarcest first: shifts few leaders (then few people) can take are filled before the easy ones
    def scarcity(s: PShift) -> tuple:
        leads = sum(1 for v in elig[s.id] if _is_leader(v, s)) if s.leader_required else 99
        return (min(leads, 99), len(elig[s.id]) - s.min_headcount, s.date, PERIOD_ORDER.get(s.period, 9), s.team_id)

    shifts = sorted(problem.shifts, key=scarcity)
    for s in shifts:
        people = roster[s.id]
        candidates = [v for v in elig[s.id] if v.id not in people and not state.blockers(v, s)]
        if s.leader_required and not any(_is_leader(problem.vol_by_id[x], s) for x in people if x in problem.vol_by_id):
            leads = [v for v in candidates if _is_leader(v, s)]
            if leads:
                best = min(leads, key=lambda v: (state.count[v.id] / max(1, capacity[v.id]), tiebreak[v.id]))
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
    state = _State(problem, roster)
    elig_sets: dict[int, set[int]] = defaultdict(set)
    for s in problem.shifts:
        for v in problem.volunteers:
            if eligible(v, s):
                elig_sets[v.id].add(s.id)
    groups: dict[tuple, list[PVolunteer]] = defaultdict(list)
    for v in problem.volunteers:
        if elig_sets.get(v.id):
            groups[group_key(problem, v, frozenset(elig_sets[v.id]))].append(v)
    mine: dict[int, set[int]] = defaultdict(set)
    for sid, vids in roster.items():
        for vid in vids:
            mine[vid].add(sid)
    locked = problem.locked

    def move(u: PVolunteer, w: PVolunteer, sid: int) -> bool:
        s = problem.shift_by_id[sid]
        if (sid, u.id) in locked or w.id in roster[sid]:
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

    def exchange(u: PVolunteer, w: PVolunteer, kind: str) -> bool:
        """u gives one of its special patrols to w and takes one of w's ordinary ones, atomically."""
        for a in sorted(s for s in mine[u.id] if _special(problem.shift_by_id[s], kind)):
            if (a, u.id) in locked or w.id in roster[a]:
                continue
            sa = problem.shift_by_id[a]
            for b in sorted(s for s in mine[w.id] if not _special(problem.shift_by_id[s], kind)):
                if (b, w.id) in locked or u.id in roster[b]:
                    continue
                sb = problem.shift_by_id[b]
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

    def special_count(v: PVolunteer, kind: str) -> int:
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


def _special(s: PShift, kind: str) -> bool:
    return s.period == EVENING if kind == "evening" else s.is_holiday


# --- CP-SAT -------------------------------------------------------------------------------------


def _components(problem: Problem) -> list[tuple[list[PVolunteer], list[PShift]]]:
    """Independent sub-problems: volunteers linked through teams they share (union-find over teams)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in problem.shifts:
        find(s.team_id)
    for v in problem.volunteers:
        teams = list(v.teams)
        for t in teams:
            find(t)
        for t in teams[1:]:
            parent[find(t)] = find(teams[0])
    comps: dict[int, tuple[list, list]] = {}
    for s in problem.shifts:
        comps.setdefault(find(s.team_id), ([], []))[1].append(s)
    for v in problem.volunteers:
        if v.teams:
            root = find(next(iter(v.teams)))
            if root in comps:
                comps[root][0].append(v)
    return [c for c in comps.values() if c[1]]


def solve(
    problem: Problem,
    *,
    time_limit: float = 5.0,
    workers: int = 2,
    seed: int = 0,
    progress: Progress = NO_PROGRESS,
    use_cpsat: bool = True,
    deterministic: bool = False,
) -> SolveResult:
    """The best roster found within ``time_limit`` seconds (split over independent teams)."""
    t0 = time.perf_counter()
    shortfalls = capacity_check(problem)
    progress(0, 100, "")
    start_roster = balance(problem, greedy(problem, seed=seed))
    if not use_cpsat or not problem.shifts:
        roster = start_roster
        status = "greedy"
        objective = None
    else:
        comps = _components(problem)
        total_shifts = sum(len(c[1]) for c in comps) or 1
        roster = {}
        status = "optimal"
        objective = 0.0
        done = 0
        from ortools.sat.python import cp_model  # noqa: F401 - ~1.4 s the first time: not the solver's time

        # ``time_limit`` is CP-SAT's own time, shared by the independent teams (each at least 0.8 s:
        # below that presolve does not even reach the warm-start hint)
        deadline = time.perf_counter() + time_limit
        overhead = 0.3  # building a team's model, measured as we go
        for i, (vols, shifts) in enumerate(comps):
            progress.check()
            left = len(comps) - i
            remaining = deadline - time.perf_counter() - overhead * left
            share = max(0.5, remaining * len(shifts) / max(1, total_shifts - done))
            started = time.perf_counter()
            sub = Problem(
                vols, shifts,
                locked={(s, v) for s, v in problem.locked if s in {x.id for x in shifts}},
                outside=[o for o in problem.outside if o[0] in {v.id for v in vols}],
            )
            hint = {s.id: start_roster.get(s.id, set()) for s in shifts}
            part, st, obj = _cpsat(sub, hint, time_limit=share, workers=workers, seed=seed, progress=progress,
                                   deterministic=deterministic)
            overhead = max(0.1, time.perf_counter() - started - share)
            roster.update(part)
            if st != "optimal":
                # "warm start" when CP-SAT found nothing better in its share of the time
                status = st if status == "optimal" or st == "warm start" else status
            objective = (objective or 0) + (obj or 0)
            done += len(shifts)
            progress(int(100 * done / total_shifts), 100, "")
    from desktop_app.rosters import checker

    gap_count = len(checker.gaps(problem, roster))
    return SolveResult(
        roster=roster, leaders=choose_leaders(problem, roster), status=status,
        seconds=time.perf_counter() - t0, objective=objective, shortfalls=shortfalls, gap_count=gap_count,
    )


def _cpsat(problem: Problem, hint: Roster, *, time_limit: float, workers: int, seed: int, progress: Progress,
           deterministic: bool = False):
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    x: dict[tuple[int, int], object] = {}
    by_shift: dict[int, list] = defaultdict(list)
    by_vol: dict[int, list] = defaultdict(list)
    elig_sets: dict[int, set[int]] = defaultdict(set)
    for s in problem.shifts:
        for v in problem.volunteers:
            locked = (s.id, v.id) in problem.locked
            if locked or eligible(v, s):
                var = m.NewBoolVar(f"x{v.id}_{s.id}")
                x[(v.id, s.id)] = var
                by_shift[s.id].append((v, var))
                by_vol[v.id].append((s, var))
                elig_sets[v.id].add(s.id)
                if locked:
                    m.Add(var == 1)
    cost = []
    # A complete hint (every variable, auxiliaries too) lets CP-SAT start from the greedy roster at once.
    hinted = {(vid, sid): 1 if vid in hint.get(sid, ()) else 0 for (vid, sid) in x}
    aux_hints: list[tuple[object, int]] = []
    for s in problem.shifts:
        vars_ = [var for _v, var in by_shift[s.id]]
        m.Add(sum(vars_) <= s.max_headcount)
        need = min(s.min_headcount, s.max_headcount)
        have = sum(hinted[(v.id, s.id)] for v, _var in by_shift[s.id])
        if need > 0:
            slack = m.NewIntVar(0, need, f"gap{s.id}")
            m.Add(sum(vars_) + slack >= need)
            cost.append(W_GAP * slack)
            aux_hints.append((slack, max(0, need - have)))
        if vars_:
            cost.append(W_EXTRA * sum(vars_))
        if s.leader_required:
            leads = [var for v, var in by_shift[s.id] if _is_leader(v, s)]
            lslack = m.NewBoolVar(f"lgap{s.id}")
            m.Add(sum(leads) + lslack >= 1)
            cost.append(W_GAP * lslack)
            led = any(hinted[(v.id, s.id)] for v, _var in by_shift[s.id] if _is_leader(v, s))
            aux_hints.append((lslack, 0 if led else 1))
        for v, var in by_shift[s.id]:
            if v.never_alone:
                others = [o for u, o in by_shift[s.id] if u.id != v.id]
                m.Add(sum(others) >= var) if others else m.Add(var == 0)
            if (s.date.weekday(), s.period) in v.preferred:
                cost.append(-W_PREFER * var)
            if (s.date.weekday(), s.period) in v.usual:
                cost.append(-W_USUAL * var)
    outside_days: dict[int, dict[date, str]] = defaultdict(dict)
    outside_week: dict[tuple, int] = defaultdict(int)
    outside_month: dict[tuple, int] = defaultdict(int)
    for vid, d, period in problem.outside:
        outside_days[vid][d] = period
        outside_week[(vid, week_key(d))] += 1
        outside_month[(vid, month_key(d))] += 1
    for v in problem.volunteers:
        items = by_vol.get(v.id, [])
        if not items:
            continue
        per_day: dict[date, list] = defaultdict(list)
        evening: dict[date, list] = defaultdict(list)
        morning: dict[date, list] = defaultdict(list)
        per_week: dict[tuple, list] = defaultdict(list)
        per_month: dict[tuple, list] = defaultdict(list)
        for s, var in items:
            per_day[s.date].append(var)
            if s.period == EVENING:
                evening[s.date].append(var)
            if s.period == MORNING:
                morning[s.date].append(var)
            per_week[week_key(s.date)].append(var)
            per_month[month_key(s.date)].append(var)
        od = outside_days.get(v.id, {})
        for d, vars_ in per_day.items():
            if d in od:
                m.Add(sum(vars_) == 0)
            elif len(vars_) > 1:
                m.AddAtMostOne(vars_)
        for d, ev in evening.items():
            nxt = d + timedelta(days=1)
            if morning.get(nxt):
                m.Add(sum(ev) + sum(morning[nxt]) <= 1)
            if od.get(nxt) == MORNING:
                m.Add(sum(ev) == 0)
        for d, mo in morning.items():
            if od.get(d - timedelta(days=1)) == EVENING:
                m.Add(sum(mo) == 0)
        if v.max_per_week is not None:
            for wk, vars_ in per_week.items():
                cap = v.max_per_week - outside_week[(v.id, wk)]
                if len(vars_) > cap:
                    m.Add(sum(vars_) <= max(0, cap))
        if v.max_per_month is not None:
            for mk, vars_ in per_month.items():
                cap = v.max_per_month - outside_month[(v.id, mk)]
                if len(vars_) > cap:
                    m.Add(sum(vars_) <= max(0, cap))
    # fair load across groups too: nobody far above their share of the places they could take
    # (share = demand × their eligible shifts / everybody's eligible shifts, leaders and members apart)
    for leaders_pass in (True, False):
        people = [v for v in problem.volunteers if by_vol.get(v.id) and bool(v.leader_teams) == leaders_pass]
        if len(people) < 2:
            continue
        demand = sum(1 if leaders_pass else max(0, s.min_headcount - (1 if s.leader_required else 0)) for s in problem.shifts)
        cap_total = sum(len(by_vol[v.id]) for v in people) or 1
        for v in people:
            share = -(-demand * len(by_vol[v.id]) // cap_total) + 1  # ceiling, plus one of slack
            floor_share = max(0, demand * len(by_vol[v.id]) // cap_total - 1)  # floor, minus one
            count = sum(var for _s, var in by_vol[v.id])
            had = sum(hinted[(v.id, s.id)] for s, _var in by_vol[v.id])
            over = m.NewIntVar(0, len(by_vol[v.id]), f"over{v.id}")
            m.Add(over >= count - share)
            under = m.NewIntVar(0, floor_share, f"under{v.id}")
            m.Add(under >= floor_share - count)
            cost.append(W_LOAD * (over + under))
            aux_hints.append((over, max(0, had - share)))
            aux_hints.append((under, max(0, floor_share - had)))
    # fairness within eligibility groups
    groups: dict[tuple, list[PVolunteer]] = defaultdict(list)
    for v in problem.volunteers:
        if by_vol.get(v.id):
            groups[group_key(problem, v, frozenset(elig_sets[v.id]))].append(v)
    n_shifts = len(problem.shifts)
    for gi, members in enumerate(groups.values()):
        if len(members) < 2:
            continue
        for label, pick, weight in (
            ("all", lambda s: True, W_SPREAD),
            ("eve", lambda s: s.period == EVENING, W_SPREAD_SPECIAL),
            ("hol", lambda s: s.is_holiday, W_SPREAD_SPECIAL),
        ):
            counts = []
            values = []
            for v in members:
                chosen = [(s, var) for s, var in by_vol[v.id] if pick(s)]
                if chosen:
                    counts.append(sum(var for _s, var in chosen))
                    values.append(sum(hinted[(v.id, s.id)] for s, _var in chosen))
            if len(counts) < 2:
                continue
            lo = m.NewIntVar(0, n_shifts, f"lo{label}{gi}")
            hi = m.NewIntVar(0, n_shifts, f"hi{label}{gi}")
            for c in counts:
                m.Add(c >= lo)
                m.Add(c <= hi)
            cost.append(weight * (hi - lo))
            # never less fair than the warm start (which the balancing pass brought to a spread of 1)
            m.Add(hi - lo <= max(1, max(values) - min(values)))
            aux_hints.append((lo, min(values)))
            aux_hints.append((hi, max(values)))
    # pairing wishes: reward shifts where both partners patrol together
    for v in problem.volunteers:
        for partner in v.partners:
            if partner <= v.id and v.id in getattr(problem.vol_by_id.get(partner), "partners", frozenset()):
                continue  # mutual wish counted once
            for s, var in by_vol.get(v.id, []):
                other = x.get((partner, s.id))
                if other is not None:
                    both = m.NewBoolVar(f"pair{v.id}_{partner}_{s.id}")
                    m.Add(both <= var)
                    m.Add(both <= other)
                    cost.append(-W_PAIR * both)
                    aux_hints.append((both, hinted[(v.id, s.id)] * hinted[(partner, s.id)]))
    m.Minimize(sum(cost))
    for key, var in x.items():
        m.AddHint(var, hinted[key])
    for var, value in aux_hints:
        m.AddHint(var, value)
    solver = cp_model.CpSolver()
    if deterministic:  # tests: the same work on a busy or an idle machine (one worker, CP-SAT's own clock)
        solver.parameters.max_deterministic_time = max(0.1, time_limit)
    else:
        solver.parameters.max_time_in_seconds = max(0.1, time_limit)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    # the model is small and the warm start complete: skipping presolve gets to improving it at once
    solver.parameters.cp_model_presolve = False

    class _Stop(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            if progress.cancelled:
                self.StopSearch()

    cb = _Stop()
    st = solver.Solve(m, cb)
    progress.check()
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {s.id: set(hint.get(s.id, set())) for s in problem.shifts}, "warm start", None
    roster: Roster = {s.id: set() for s in problem.shifts}
    for (vid, sid), var in x.items():
        if solver.Value(var):
            roster[sid].add(vid)
    return roster, ("optimal" if st == cp_model.OPTIMAL else "feasible"), solver.ObjectiveValue()


# --- fairness figures ---------------------------------------------------------------------------


def fairness_spread(problem: Problem, roster: Roster) -> dict[str, int]:
    """Largest spread (max − min patrols) within any eligibility group, overall / evenings / holidays."""
    elig_sets: dict[int, set[int]] = defaultdict(set)
    for s in problem.shifts:
        for v in problem.volunteers:
            if eligible(v, s) or (s.id, v.id) in problem.locked:
                elig_sets[v.id].add(s.id)
    counts = {k: defaultdict(int) for k in ("all", "evening", "holiday")}
    for sid, vids in roster.items():
        s = problem.shift_by_id[sid]
        for vid in vids:
            counts["all"][vid] += 1
            if s.period == EVENING:
                counts["evening"][vid] += 1
            if s.is_holiday:
                counts["holiday"][vid] += 1
    groups: dict[tuple, list[int]] = defaultdict(list)
    for v in problem.volunteers:
        if elig_sets.get(v.id):
            groups[group_key(problem, v, frozenset(elig_sets[v.id]))].append(v.id)
    out = {}
    for k, c in counts.items():
        spread = 0
        for members in groups.values():
            if len(members) > 1:
                vals = [c[m] for m in members]
                spread = max(spread, max(vals) - min(vals))
        out[k] = spread
    return out


# --- capacity check -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortfall:
    team_id: int
    team_name: str
    grid: str
    period: str | None  # None: all periods
    start: date
    end: date
    role: str  # "leader" | "volunteer"
    needed: int
    available: int
    why: Message

    def text(self) -> str:
        return self.why.text()


def _range_text(a: date, b: date) -> str:
    if a == b:
        return f"{a.month}/{a.day}"
    if a.month == b.month:
        return f"{a.month}/{a.day}–{b.day}"
    return f"{a.month}/{a.day}–{b.month}/{b.day}"


def capacity_check(problem: Problem) -> list[Shortfall]:
    """Shortfalls that no roster can avoid: demand of slots (or leader slots) over a stretch of days
    greater than what the eligible people can give under their availability, leave and limits."""
    out: list[Shortfall] = []
    by_team: dict[int, list[PShift]] = defaultdict(list)
    for s in problem.shifts:
        by_team[s.team_id].append(s)
    outside_week: dict[tuple, int] = defaultdict(int)
    outside_month: dict[tuple, int] = defaultdict(int)
    for vid, d, _p in problem.outside:
        outside_week[(vid, week_key(d))] += 1
        outside_month[(vid, month_key(d))] += 1
    for team_id, shifts in by_team.items():
        members = [v for v in problem.volunteers if team_id in v.teams]
        name = shifts[0].team_name
        grid = shifts[0].grid

        def supply(vols: list[PVolunteer], window: list[PShift]) -> int:
            total = 0
            for v in vols:
                days = {s.date for s in window if eligible(v, s)}
                cap = len(days)
                if v.max_per_week is not None:
                    weeks = defaultdict(int)
                    for d in days:
                        weeks[week_key(d)] += 1
                    cap = min(cap, sum(min(n, max(0, v.max_per_week - outside_week[(v.id, w)])) for w, n in weeks.items()))
                if v.max_per_month is not None:
                    months = defaultdict(int)
                    for d in days:
                        months[month_key(d)] += 1
                    cap = min(cap, sum(min(n, max(0, v.max_per_month - outside_month[(v.id, mo)])) for mo, n in months.items()))
                total += cap
            return total

        leaders = [v for v in members if team_id in v.leader_teams]
        # 1) single shifts: fewer eligible people than the minimum, or no eligible leader
        bad: dict[tuple, list] = defaultdict(list)  # (period, role) -> [(date, need, avail)]
        for s in sorted(shifts, key=lambda s: s.date):
            avail = sum(1 for v in members if eligible(v, s))
            if avail < s.min_headcount:
                bad[(s.period, "volunteer")].append((s.date, s.min_headcount, avail))
            if s.leader_required and not any(eligible(v, s) for v in leaders):
                bad[(s.period, "leader")].append((s.date, 1, 0))
        for (period, role), items in bad.items():
            for a, b, need, avail in _runs(items):
                why = (msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: no team leader is available on these days (leave, availability or no evenings)."),
                           team=name, period=period, dates=_range_text(a, b))
                       if role == "leader" else
                       msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: {need} people needed per patrol, only {avail} can come."),
                           team=name, period=period, dates=_range_text(a, b), need=need, avail=avail))
                out.append(Shortfall(team_id, name, grid, period, a, b, role, need, avail, why))
        flagged = {(sf.period, sf.role, d) for sf in out if sf.team_id == team_id
                   for d in _days(sf.start, sf.end)}
        # 2) stretches: runs of days on which the same people can come (a leave, a weekday nobody
        #    covers), each week, and the whole range; per period and for all periods together.
        by_day: dict[date, list[PShift]] = defaultdict(list)
        for s in shifts:
            by_day[s.date].append(s)
        windows: list[list[PShift]] = []
        for vols in (leaders, members):
            run: list[date] = []
            prev = None
            for d in sorted(by_day):
                who = frozenset(v.id for v in vols if any(eligible(v, s) for s in by_day[d]))
                if run and who == prev and d == run[-1] + timedelta(days=1):
                    run.append(d)
                else:
                    if 1 < len(run) < len(by_day):
                        windows.append([s for x in run for s in by_day[x]])
                    run, prev = [d], who
            if 1 < len(run) < len(by_day):
                windows.append([s for x in run for s in by_day[x]])
        by_week: dict[tuple, list[PShift]] = defaultdict(list)
        for s in shifts:
            by_week[week_key(s.date)].append(s)
        windows.extend(by_week.values())
        if len(by_week) > 1:
            windows.append(shifts)
        reported: list[tuple[date, date, str | None, str, int]] = []
        seen: set[tuple] = set()
        for window in windows:
            for period in (None, *sorted({s.period for s in window}, key=lambda p: PERIOD_ORDER.get(p, 9))):
                part = [s for s in window if period is None or s.period == period]
                if not part:
                    continue
                a, b = min(s.date for s in part), max(s.date for s in part)
                for role, vols in (("leader", leaders), ("volunteer", members)):
                    if (a, b, period, role) in seen:
                        continue
                    seen.add((a, b, period, role))
                    # shifts already explained one by one are left out of the stretch
                    rest = [s for s in part if (s.period, role, s.date) not in flagged]
                    need = sum(1 for s in rest if s.leader_required) if role == "leader" else sum(s.min_headcount for s in rest)
                    if need == 0:
                        continue
                    have = supply(vols, rest)
                    # a wider stretch whose shortfall a narrower one already explains adds nothing
                    # (and a narrower one inside a stretch already reported adds nothing either)
                    if have < need and not any(
                        rrole == role and (
                            (ra >= a and rb <= b and (rper is None or period is None or rper == period) and rdef >= need - have)
                            or (ra <= a and rb >= b and (rper is None or rper == period))
                        )
                        for ra, rb, rper, rrole, rdef in reported
                    ):
                        reported.append((a, b, period, role, need - have))
                        if role == "leader":
                            why = msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: {need} leader slots, the leaders can take only {avail} (availability, leave and limits)."),
                                      team=name, period=period or "all", dates=_range_text(a, b), need=need, avail=have)
                        else:
                            why = msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: {need} places to fill, the volunteers can take only {avail} (availability, leave and limits)."),
                                      team=name, period=period or "all", dates=_range_text(a, b), need=need, avail=have)
                        out.append(Shortfall(team_id, name, grid, period, a, b, role, need, have, why))
    return out


def _days(a: date, b: date):
    d = a
    while d <= b:
        yield d
        d += timedelta(days=1)


def _runs(items: list[tuple[date, int, int]]):
    """Group consecutive dates with the same need/availability into runs (a, b, need, avail)."""
    runs = []
    for d, need, avail in sorted(items):
        if runs and runs[-1][1] + timedelta(days=1) == d and runs[-1][2] == need and runs[-1][3] == avail:
            runs[-1][1] = d
        else:
            runs.append([d, d, need, avail])
    return [tuple(r) for r in runs]


# --- find cover and repair ----------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    volunteer_id: int
    name: str
    is_leader: bool
    patrols: int  # in the solved range
    blockers: tuple[str, ...]  # rules that stop them; empty = can take it


def find_cover(
    problem: Problem, roster: Roster, shift_id: int, *, last_asked: dict[int, float] | None = None,
    exclude: set[int] | None = None,
) -> list[Candidate]:
    """Everyone in the team who could take the shift, best first: available without breaking a rule,
    a leader first when the shift lacks one, fewest patrols, least recently asked."""
    s = problem.shift_by_id[shift_id]
    state = _State(problem, roster)
    people = roster.get(shift_id, set())
    need_leader = s.leader_required and not any(
        _is_leader(problem.vol_by_id[v], s) for v in people if v in problem.vol_by_id
    )
    last_asked = last_asked or {}
    out = []
    for v in problem.volunteers:
        if v.id in people or s.team_id not in v.teams or (exclude and v.id in exclude):
            continue
        block = []
        if not eligible(v, s):
            block.append("leave" if v.on_leave(s.date) else "no_evenings" if (v.no_evenings and s.period == EVENING) else "availability")
        block.extend(state.blockers(v, s))
        out.append(Candidate(v.id, v.name, _is_leader(v, s), state.count[v.id], tuple(block)))
    out.sort(key=lambda c: (
        bool(c.blockers), not (need_leader and c.is_leader), c.patrols, last_asked.get(c.volunteer_id, 0.0), c.volunteer_id,
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
        pick = next((c for c in cands if c.is_leader or not needs_leader), None)
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


def _needs_leader(problem: Problem, roster: Roster, s: PShift) -> bool:
    return s.leader_required and not any(
        _is_leader(problem.vol_by_id[v], s) for v in roster.get(s.id, ()) if v in problem.vol_by_id
    )


def _short(problem: Problem, roster: Roster, s: PShift) -> bool:
    return len(roster.get(s.id, ())) < s.min_headcount or _needs_leader(problem, roster, s)


def _two_step(problem: Problem, roster: Roster, s: PShift, needs_leader: bool, exclude: set[int]):
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
            st = _State(problem, trial)
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
