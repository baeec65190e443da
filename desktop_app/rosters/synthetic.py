"""Synthetic roster problems (no database): the benchmark month, random instances for tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop_app.rosters.problem import AFTERNOON, EVENING, MORNING, Problem, SolverShift, SolverVolunteer

PERIODS = (MORNING, AFTERNOON, EVENING)


def month_problem(
    *, volunteers: int = 300, teams: int = 5, start: date = date(2026, 10, 1), days: int = 30,
    min_headcount: int = 3, max_headcount: int = 4, seed: int = 1, holidays: set[date] | None = None,
) -> Problem:
    """The benchmark month: ``volunteers`` split over ``teams`` patrol teams (one grid each), three
    patrols a day with a leader; about 1 in 6 is a leader, 1 in 5 is 75+ (no evenings, ≤ 4 a month),
    some have a weekday they never come and a week of leave."""
    rnd = random.Random(seed)
    holidays = holidays or set()
    vols = []
    per_team = volunteers // teams
    for i in range(volunteers):
        team = i // per_team + 1 if i // per_team < teams else teams
        k = i % per_team
        leader = k % 4 == 0
        old = k % 5 == 4 and not leader
        unavailable: frozenset[tuple[int, str]] = frozenset()
        if k % 7 == 3:
            unavailable = frozenset((wd, p) for wd in (rnd.randrange(7),) for p in PERIODS)
        leave: tuple[tuple[date, date], ...] = ()
        if k % 11 == 5:
            a = start + timedelta(days=rnd.randrange(days - 7))
            leave = ((a, a + timedelta(days=6)),)
        vols.append(SolverVolunteer(
            id=i + 1, name=f"V{i + 1}", teams=frozenset({team}), leader_teams=frozenset({team}) if leader else frozenset(),
            no_evenings=old, max_per_week=3, max_per_month=4 if old else 8, unavailable=unavailable, leave=leave,
            preferred=frozenset({(rnd.randrange(7), rnd.choice(PERIODS))}),
        ))
    shifts = []
    sid = 0
    for t in range(1, teams + 1):
        for d in range(days):
            day = start + timedelta(days=d)
            for p in PERIODS:
                sid += 1
                shifts.append(SolverShift(sid, t, day, p, min_headcount, max_headcount, True, day in holidays, f"G{t}", f"T{t}"))
    return Problem(vols, shifts)


def random_problem(rnd: random.Random, *, max_vols: int = 14, max_days: int = 6) -> Problem:
    """A small random instance: one or two teams, random availability, leave, limits, locks."""
    n_teams = rnd.randint(1, 2)
    start = date(2026, 1, 1) + timedelta(days=rnd.randrange(700))
    days = rnd.randint(2, max_days)
    vols = []
    for i in range(rnd.randint(3, max_vols)):
        teams = frozenset(rnd.sample(range(1, n_teams + 1), rnd.randint(1, n_teams)))
        leads = frozenset(t for t in teams if rnd.random() < 0.3)
        unavailable = frozenset((rnd.randrange(7), rnd.choice(PERIODS)) for _ in range(rnd.randint(0, 4)))
        leave: tuple[tuple[date, date], ...] = ()
        if rnd.random() < 0.2:
            a = start + timedelta(days=rnd.randrange(days))
            leave = ((a, a + timedelta(days=rnd.randint(0, 3))),)
        vols.append(SolverVolunteer(
            id=i + 1, name=f"V{i + 1}", teams=teams, leader_teams=leads, no_evenings=rnd.random() < 0.2,
            max_per_week=rnd.choice([None, 1, 2, 3]), max_per_month=rnd.choice([None, 2, 4]), unavailable=unavailable,
            leave=leave, never_alone=rnd.random() < 0.1,
            partners=frozenset({rnd.randint(1, i + 1)}) if rnd.random() < 0.2 and i else frozenset(),
        ))
    shifts = []
    sid = 0
    for t in range(1, n_teams + 1):
        for d in range(days):
            day = start + timedelta(days=d)
            for p in PERIODS:
                if rnd.random() < 0.9:
                    sid += 1
                    lo = rnd.randint(1, 3)
                    shifts.append(SolverShift(sid, t, day, p, lo, lo + rnd.randint(0, 2), rnd.random() < 0.8, rnd.random() < 0.1))
    prob = Problem(vols, shifts)
    # outside assignments (earlier days of the same week / month), for limits and evening→morning
    for v in vols:
        if rnd.random() < 0.2:
            prob.outside.append((v.id, start - timedelta(days=1), rnd.choice(PERIODS)))
    return prob
