"""The capacity check: shortfalls no roster can avoid, explained in plain words (who is missing, on which
days, and why: leave, availability, limits, a qualification nobody who can come holds). Pure: reads the
problem only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.rosters.greedy import eligible
from desktop_app.rosters.problem import (
    EVERYONE,
    PERIOD_ORDER,
    SOMEONE,
    Message,
    Problem,
    SolverShift,
    SolverVolunteer,
    month_key,
    msg,
    week_key,
)

# --- capacity check -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortfall:
    team_id: int
    team_name: str
    grid: str
    period: str | None  # None: all periods
    start: date
    end: date
    role: str  # "leader" | "volunteer" | "qualification"
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
    by_team: dict[int, list[SolverShift]] = defaultdict(list)
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

        def supply(vols: list[SolverVolunteer], window: list[SolverShift], leading: bool = False) -> int:
            total = 0
            for v in vols:
                days = {s.date for s in window if eligible(v, s) and (not leading or v.can_lead(s))}
                cap = len(days)
                if v.max_per_week is not None:
                    weeks: dict[tuple[int, int], int] = defaultdict(int)
                    for d in days:
                        weeks[week_key(d)] += 1
                    cap = min(cap, sum(min(n, max(0, v.max_per_week - outside_week[(v.id, w)])) for w, n in weeks.items()))
                if v.max_per_month is not None:
                    months: dict[tuple[int, int], int] = defaultdict(int)
                    for d in days:
                        months[month_key(d)] += 1
                    cap = min(cap, sum(min(n, max(0, v.max_per_month - outside_month[(v.id, mo)])) for mo, n in months.items()))
                total += cap
            return total

        leaders = [v for v in members if team_id in v.leader_teams]
        # 1) single shifts: fewer eligible people than the minimum, or no eligible leader
        # (period, role, qualifications named) -> [(date, need, avail)]
        bad: dict[tuple, list] = defaultdict(list)
        for s in sorted(shifts, key=lambda s: s.date):
            avail = sum(1 for v in members if eligible(v, s))
            if avail < s.min_headcount:
                everyone = s.required(EVERYONE)
                plain = _without(s, EVERYONE) if everyone else s
                unqualified = sum(1 for v in members if everyone and v.lacks(s, EVERYONE) and eligible(v, plain))
                skills = s.skill_label(everyone) if everyone and avail + unqualified >= s.min_headcount else ""
                bad[(s.period, "volunteer", skills)].append((s.date, s.min_headcount, avail))
            if s.leader_required and not any(eligible(v, s) and v.can_lead(s) for v in leaders):
                can_come = any(eligible(v, s) for v in leaders)  # leaders who can come but lack the leader's qualification
                bad[(s.period, "leader", s.skill_label(s.required("leader")) if can_come else "")].append((s.date, 1, 0))
            for k in s.required(SOMEONE):
                if not any(eligible(v, s) and v.holds(k, s.date) for v in members):
                    bad[(s.period, "qualification", s.skill_label([k]))].append((s.date, 1, 0))
        for (period, role, skills), items in bad.items():
            for a, b, need, avail in _runs(items):
                dates = _range_text(a, b)
                if role == "leader" and skills:
                    why = msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: no team leader who can come holds {skills} (valid on these days), which the leader must hold."),
                              team=name, period=period, dates=dates, skills=skills)
                elif role == "leader":
                    why = msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: no team leader is available on these days (leave, availability or no evenings)."),
                              team=name, period=period, dates=dates)
                elif role == "qualification":
                    why = msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: nobody who can come holds {skills} (valid on these days), which at least one person on the patrol must hold."),
                              team=name, period=period, dates=dates, skills=skills)
                elif skills:
                    why = msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: {need} people needed per patrol, only {avail} who can come hold {skills} (valid on these days), which everyone must hold."),
                              team=name, period=period, dates=dates, need=need, avail=avail, skills=skills)
                else:
                    why = msg(QT_TRANSLATE_NOOP("Rosters", "{team}: {period} patrols {dates}: {need} people needed per patrol, only {avail} can come."),
                              team=name, period=period, dates=dates, need=need, avail=avail)
                out.append(Shortfall(team_id, name, grid, period, a, b, role, need, avail, why))
        flagged = {(sf.period, sf.role, d) for sf in out if sf.team_id == team_id
                   for d in _days(sf.start, sf.end)}
        # 2) stretches: runs of days on which the same people can come (a leave, a weekday nobody
        #    covers), each week, and the whole range; per period and for all periods together.
        by_day: dict[date, list[SolverShift]] = defaultdict(list)
        for s in shifts:
            by_day[s.date].append(s)
        windows: list[list[SolverShift]] = []
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
        by_week: dict[tuple, list[SolverShift]] = defaultdict(list)
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
                    have = supply(vols, rest, leading=role == "leader")
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


def _without(s: SolverShift, scope: str) -> SolverShift:
    """``s`` as if it did not require ``scope``'s qualifications (who could come but for them)."""
    from dataclasses import replace

    return replace(s, requires=tuple(r for r in s.requires if r[0] != scope))


def _days(a: date, b: date):
    d = a
    while d <= b:
        yield d
        d += timedelta(days=1)


def _runs(items: list[tuple[date, int, int]]) -> list[tuple[date, date, int, int]]:
    """Group consecutive dates with the same need/availability into runs (a, b, need, avail)."""
    runs: list[tuple[date, date, int, int]] = []
    for d, need, avail in sorted(items):
        if runs and runs[-1][1] + timedelta(days=1) == d and runs[-1][2:] == (need, avail):
            runs[-1] = (runs[-1][0], d, need, avail)
        else:
            runs.append((d, d, need, avail))
    return runs


