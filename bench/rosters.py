"""Roster benchmarks (issue 4).

roster_month  — 300 volunteers in 5 patrol teams × 3 patrols × 30 days (October 2026, National Day
                holidays 1–7 Oct with a holiday headcount), the full rule set. Measured: the greedy fill +
                fairness pass (the warm start), and the whole solve (warm start + CP-SAT polish within its
                time limit). Targets: fully covered <= 10 s, fairness spread <= 1 in every eligibility group
                (all / evening / holiday patrols), zero checker violations.
                Floors: the greedy fill alone; a CP-SAT model of the coverage constraints only.
roster_repair — one volunteer drops out of one patrol, 30 times on the solved month: minimal-change
                repair. Targets: <= 1 s each, <= 2 changes per slot. Floor: ranking "find cover" for the slot.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from bench.common import BenchContext, Result, median, p95
from desktop_app.rosters import checker, cover, solver, synthetic

_CACHE: dict = {}


def _problem(quick: bool):
    holidays = {date(2026, 10, 1) + timedelta(days=i) for i in range(7)}
    n = 120 if quick else 300
    p = synthetic.month_problem(volunteers=n, teams=n // 60, days=30, start=date(2026, 10, 1), min_headcount=2,
                                max_headcount=4, seed=7, holidays=holidays)
    # holiday headcount override: three people on holiday patrols
    from dataclasses import replace

    p.shifts[:] = [replace(s, min_headcount=3) if s.is_holiday else s for s in p.shifts]
    p.__post_init__()
    return p


def _coverage_only_cpsat(problem) -> float:
    """Floor: CP-SAT with only headcount, leader and one-a-day constraints, first feasible solution."""
    from collections import defaultdict

    from ortools.sat.python import cp_model

    t0 = time.perf_counter()
    m = cp_model.CpModel()
    by_shift, by_day = defaultdict(list), defaultdict(list)
    for s in problem.shifts:
        for v in problem.volunteers:
            if s.team_id in v.teams:
                x = m.NewBoolVar("")
                by_shift[s.id].append((v, x))
                by_day[(v.id, s.date)].append(x)
    for s in problem.shifts:
        xs = [x for _v, x in by_shift[s.id]]
        m.Add(sum(xs) >= s.min_headcount)
        m.Add(sum(xs) <= s.max_headcount)
        m.Add(sum(x for v, x in by_shift[s.id] if s.team_id in v.leader_teams) >= 1)
    for xs in by_day.values():
        m.AddAtMostOne(xs)
    sv = cp_model.CpSolver()
    sv.parameters.num_workers = 2
    sv.parameters.stop_after_first_solution = True
    sv.parameters.max_time_in_seconds = 30
    sv.Solve(m)
    return time.perf_counter() - t0


def roster_month(ctx: BenchContext) -> list[Result]:
    p = _problem(ctx.quick)
    greedy_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        solver.greedy(p)
        greedy_times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    warm = solver.balance(p, solver.greedy(p))
    warm_s = time.perf_counter() - t0
    warm_gaps, warm_viol, warm_spread = len(checker.gaps(p, warm)), len(checker.violations(p, warm)), solver.fairness_spread(p, warm)
    floor_cp = _coverage_only_cpsat(p)
    limit = 3.0 if ctx.quick else 5.0
    result = solver.solve(p, time_limit=limit, workers=2)
    _CACHE["month"] = (p, result.roster)
    viol = checker.violations(p, result.roster)
    spread = solver.fairness_spread(p, result.roster)
    common = {"volunteers": len(p.volunteers), "shifts": len(p.shifts)}
    return [
        Result("roster_month_first_covered", warm_s, median(greedy_times), "s", "<= 10 s, spread <= 1, 0 violations", {
            **common, "what": "greedy fill + fairness pass (warm start); floor: greedy fill alone",
            "gaps": warm_gaps, "violations": warm_viol, "spread_all": warm_spread["all"],
            "spread_evening": warm_spread["evening"], "spread_holiday": warm_spread["holiday"],
        }),
        Result("roster_month", result.seconds, floor_cp, "s", "<= 10 s, spread <= 1, 0 violations", {
            **common, "what": f"warm start + CP-SAT polish (time limit {limit:g} s, 2 workers); floor: CP-SAT coverage-only model, first solution",
            "status": result.status, "gaps": result.gap_count, "violations": len(viol), "spread_all": spread["all"],
            "spread_evening": spread["evening"], "spread_holiday": spread["holiday"],
            "capacity_shortfalls": len(result.shortfalls), "greedy_alone_s": round(median(greedy_times), 4),
        }),
    ]


def roster_repair(ctx: BenchContext) -> list[Result]:
    if "month" not in _CACHE:
        p = _problem(ctx.quick)
        _CACHE["month"] = (p, solver.balance(p, solver.greedy(p)))
    p, roster = _CACHE["month"]
    rnd = random.Random(11)
    filled = [(sid, vid) for sid, vids in roster.items() for vid in vids]
    times, floors, worst_changes, unfilled, violations = [], [], 0, 0, 0
    for sid, vid in rnd.sample(filled, 30):
        t0 = time.perf_counter()
        cover.find_cover(p, roster, sid, exclude={vid})
        floors.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        rep = cover.repair_dropout(p, roster, vid, [sid])
        times.append(time.perf_counter() - t0)
        worst_changes = max(worst_changes, max(rep.changes_per_slot().values(), default=0))
        unfilled += len(rep.unfilled)
        violations += len(checker.violations(p, rep.roster))
    return [Result("roster_repair", p95(times), median(floors), "s", "<= 1 s, <= 2 changes per slot", {
        "dropouts": len(times), "median_s": round(median(times), 4), "max_changes_per_slot": worst_changes,
        "unfilled": unfilled, "violations_after": violations,
        "what": "p95 of 30 single dropouts on the solved month; floor: ranking find-cover for the slot",
    })]


BENCHMARKS = {"roster_month": roster_month, "roster_repair": roster_repair}
