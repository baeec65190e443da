"""Automatic rosters: a greedy fill and a fairness pass (greedy.py), then OR-Tools CP-SAT warm-started
from it, split over independent teams; the fairness figures. The capacity check that explains shortfalls
in plain words is capacity.py; "find cover" and the minimal-change repair of a dropout are cover.py.
The solver is pure: plain data in (problem.py), a roster out; checker.py verifies it independently.

Hard rules: team membership, availability (weekday × period) and leave, no evenings, the qualifications
everyone on a patrol must hold (valid on its date), at most one
patrol a day, no evening followed by the next morning, per-week / per-month limits, maximum
headcount, never alone, locked assignments kept. Minimum headcount, the leader (a team leader holding
what the leader must hold) and a holder of each "at least one" qualification are hard too, but
when the month cannot be covered the solver still returns the best roster: their shortfall is paid
for in the objective and reported as gaps with the capacity check's explanation.

Soft: fairness (spread of patrols, evening and holiday patrols within each eligibility group —
volunteers who could take exactly the same shifts under the same limits), preferred slots,
pairing wishes, stable teams (the weekday × period a volunteer served lately).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.rosters.capacity import Shortfall, capacity_check
from desktop_app.rosters.greedy import balance, choose_leaders, eligible, greedy, group_key, is_leader
from desktop_app.rosters.problem import (
    EVENING,
    MORNING,
    SOMEONE,
    Problem,
    Roster,
    SolverShift,
    SolverVolunteer,
    month_key,
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



@dataclass
class SolveResult:
    roster: Roster
    leaders: dict[int, int]  # shift_id -> volunteer chosen to lead
    status: str  # "optimal" | "feasible" (CP-SAT) | "warm start" (CP-SAT had no better roster in time) | "greedy"
    seconds: float
    objective: float | None = None
    shortfalls: list[Shortfall] = field(default_factory=list)
    gap_count: int = 0




# --- CP-SAT -------------------------------------------------------------------------------------


def _components(problem: Problem) -> list[tuple[list[SolverVolunteer], list[SolverShift]]]:
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
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    by_shift: dict[int, list] = defaultdict(list)
    by_vol: dict[int, list] = defaultdict(list)
    elig_sets: dict[int, set[int]] = defaultdict(set)
    for s in problem.shifts:
        for v in problem.volunteers:
            locked = (s.id, v.id) in problem.locked
            if locked or eligible(v, s):
                var = m.new_bool_var(f"x{v.id}_{s.id}")
                x[(v.id, s.id)] = var
                by_shift[s.id].append((v, var))
                by_vol[v.id].append((s, var))
                elig_sets[v.id].add(s.id)
                if locked:
                    m.add(var == 1)
    cost = []
    # A complete hint (every variable, auxiliaries too) lets CP-SAT start from the greedy roster at once.
    hinted = {(vid, sid): 1 if vid in hint.get(sid, ()) else 0 for (vid, sid) in x}
    aux_hints: list[tuple[cp_model.IntVar, int]] = []
    for s in problem.shifts:
        vars_ = [var for _v, var in by_shift[s.id]]
        m.add(sum(vars_) <= max(s.max_headcount, sum(1 for v, _var in by_shift[s.id] if (s.id, v.id) in problem.locked)))
        need = min(s.min_headcount, s.max_headcount)
        have = sum(hinted[(v.id, s.id)] for v, _var in by_shift[s.id])
        if need > 0:
            slack = m.new_int_var(0, need, f"gap{s.id}")
            m.add(sum(vars_) + slack >= need)
            cost.append(W_GAP * slack)
            aux_hints.append((slack, max(0, need - have)))
        if vars_:
            cost.append(W_EXTRA * sum(vars_))
        if s.leader_required:
            leads = [var for v, var in by_shift[s.id] if is_leader(v, s)]
            lslack = m.new_bool_var(f"lgap{s.id}")
            m.add(sum(leads) + lslack >= 1)
            cost.append(W_GAP * lslack)
            led = any(hinted[(v.id, s.id)] for v, _var in by_shift[s.id] if is_leader(v, s))
            aux_hints.append((lslack, 0 if led else 1))
        for k in s.required(SOMEONE):  # at least one person holding k (valid on the day), paid for like a leader
            holders = [var for v, var in by_shift[s.id] if v.holds(k, s.date)]
            kslack = m.new_bool_var(f"kgap{s.id}_{k}")
            m.add(sum(holders) + kslack >= 1)
            cost.append(W_GAP * kslack)
            held = any(hinted[(v.id, s.id)] for v, _var in by_shift[s.id] if v.holds(k, s.date))
            aux_hints.append((kslack, 0 if held else 1))
        for v, var in by_shift[s.id]:
            if v.never_alone:
                others = [o for u, o in by_shift[s.id] if u.id != v.id]
                if others:
                    m.add(sum(others) >= var)
                elif (s.id, v.id) not in problem.locked:
                    m.add(var == 0)
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
    # Locked assignments (a lock, a check-in: what already happened) are facts, not choices: a rule they
    # already break on their own only stops further patrols, it never makes the model infeasible (CP-SAT then
    # returned the warm start for the whole team — issue 18's Sunday).
    def at_most(pairs: list[tuple[cp_model.IntVar, bool]], limit: int) -> None:
        free = [var for var, fixed in pairs if not fixed]
        if free:
            m.add(sum(free) <= max(0, limit - sum(1 for _var, fixed in pairs if fixed)))

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
            pair = (var, (s.id, v.id) in problem.locked)
            per_day[s.date].append(pair)
            if s.period == EVENING:
                evening[s.date].append(pair)
            if s.period == MORNING:
                morning[s.date].append(pair)
            per_week[week_key(s.date)].append(pair)
            per_month[month_key(s.date)].append(pair)
        od = outside_days.get(v.id, {})
        for d, pairs in per_day.items():
            at_most(pairs, 0 if d in od else 1)
        for d, ev in evening.items():
            nxt = d + timedelta(days=1)
            if morning.get(nxt):
                at_most(ev + morning[nxt], 1)
            if od.get(nxt) == MORNING:
                at_most(ev, 0)
        for d, mo in morning.items():
            if od.get(d - timedelta(days=1)) == EVENING:
                at_most(mo, 0)
        if v.max_per_week is not None:
            for wk, pairs in per_week.items():
                at_most(pairs, v.max_per_week - outside_week[(v.id, wk)])
        if v.max_per_month is not None:
            for mk, pairs in per_month.items():
                at_most(pairs, v.max_per_month - outside_month[(v.id, mk)])
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
            over = m.new_int_var(0, len(by_vol[v.id]), f"over{v.id}")
            m.add(over >= count - share)
            under = m.new_int_var(0, floor_share, f"under{v.id}")
            m.add(under >= floor_share - count)
            cost.append(W_LOAD * (over + under))
            aux_hints.append((over, max(0, had - share)))
            aux_hints.append((under, max(0, floor_share - had)))
    # fairness within eligibility groups
    groups: dict[tuple, list[SolverVolunteer]] = defaultdict(list)
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
            lo = m.new_int_var(0, n_shifts, f"lo{label}{gi}")
            hi = m.new_int_var(0, n_shifts, f"hi{label}{gi}")
            for c in counts:
                m.add(c >= lo)
                m.add(c <= hi)
            cost.append(weight * (hi - lo))
            # never less fair than the warm start (which the balancing pass brought to a spread of 1)
            m.add(hi - lo <= max(1, max(values) - min(values)))
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
                    both = m.new_bool_var(f"pair{v.id}_{partner}_{s.id}")
                    m.add(both <= var)
                    m.add(both <= other)
                    cost.append(-W_PAIR * both)
                    aux_hints.append((both, hinted[(v.id, s.id)] * hinted[(partner, s.id)]))
    m.minimize(sum(cost))
    for key, var in x.items():
        m.add_hint(var, hinted[key])
    for var, value in aux_hints:
        m.add_hint(var, value)
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
    counts: dict[str, dict[int, int]] = {k: defaultdict(int) for k in ("all", "evening", "holiday")}
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


