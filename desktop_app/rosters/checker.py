"""Independent check of a roster against every hard rule. Written apart from the solver on purpose:
it shares only the problem data, so a solver bug cannot hide itself.

``violations`` lists rule breaks (a person where they may not be); ``gaps`` lists shifts short of
people or of a leader (coverage). Manual edits are refused when they add violations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.rosters.problem import (
    EVENING,
    EVERYONE,
    MORNING,
    SOMEONE,
    Message,
    Problem,
    Roster,
    SolverShift,
    SolverVolunteer,
    month_key,
    msg,
    week_key,
)

RULES = (
    "unknown", "not_in_team", "leave", "availability", "no_evenings", "not_qualified", "two_a_day",
    "evening_then_morning", "week_limit", "month_limit", "over_max", "alone", "lock_lost",
)


@dataclass(frozen=True)
class Violation:
    rule: str
    volunteer_id: int | None
    shift_id: int | None
    message: Message

    def text(self) -> str:
        return self.message.text()


@dataclass(frozen=True)
class Gap:
    shift_id: int
    missing: int  # people short of the minimum
    leader_missing: bool  # no one on it may lead it (a team leader holding what its leader must hold)
    missing_skills: tuple[str, ...] = ()  # qualifications at least one person must hold that nobody on it holds


def _name(problem: Problem, vid: int) -> str:
    v = problem.vol_by_id.get(vid)
    return (v.name or f"#{vid}") if v else f"#{vid}"


def violations(problem: Problem, roster: Roster, *, only_volunteers: set[int] | None = None) -> list[Violation]:
    out: list[Violation] = []
    per_vol: dict[int, list[tuple[date, str, int | None]]] = defaultdict(list)
    for sid, vids in roster.items():
        shift = problem.shift_by_id.get(sid)
        if shift is None:
            continue
        if len(vids) > shift.max_headcount and any((sid, vid) not in problem.locked for vid in vids):
            out.append(Violation("over_max", None, sid, msg(
                QT_TRANSLATE_NOOP("Rosters", "{day} {period}: {count} people, more than the maximum of {max}."),
                day=shift.date.isoformat(), period=shift.period, count=len(vids), max=shift.max_headcount)))
        for vid in vids:
            if only_volunteers is not None and vid not in only_volunteers:
                continue
            v = problem.vol_by_id.get(vid)
            name = _name(problem, vid)
            day, period = shift.date.isoformat(), shift.period
            if v is None:
                if (sid, vid) in problem.locked:
                    continue
                out.append(Violation("unknown", vid, sid, msg(QT_TRANSLATE_NOOP("Rosters", "{name} is not an active volunteer."), name=name)))
                continue
            per_vol[vid].append((shift.date, shift.period, sid))
            if (sid, vid) in problem.locked:
                continue  # locked or checked in: kept whatever a plan does, so no plan is refused for it
            if shift.team_id not in v.teams:
                out.append(Violation("not_in_team", vid, sid, msg(
                    QT_TRANSLATE_NOOP("Rosters", "{name} is not a member of this team."), name=name)))
            if any(a <= shift.date <= b for a, b in v.leave):
                out.append(Violation("leave", vid, sid, msg(
                    QT_TRANSLATE_NOOP("Rosters", "{name} is on leave on {day}."), name=name, day=day)))
            if (shift.date.weekday(), shift.period) in v.unavailable:
                out.append(Violation("availability", vid, sid, msg(
                    QT_TRANSLATE_NOOP("Rosters", "{name} is not available on this weekday for the {period} patrol."),
                    name=name, period=period)))
            if v.no_evenings and shift.period == EVENING:
                out.append(Violation("no_evenings", vid, sid, msg(
                    QT_TRANSLATE_NOOP("Rosters", "{name} does not do evening patrols."), name=name)))
            for skill in v.lacks(shift, EVERYONE):
                out.append(Violation("not_qualified", vid, sid, _unqualified(v, shift, skill, name)))
            if v.never_alone and len(vids) < 2:
                out.append(Violation("alone", vid, sid, msg(
                    QT_TRANSLATE_NOOP("Rosters", "{name} must not patrol alone on {day} {period}."),
                    name=name, day=day, period=period)))
    for vid, out_day, out_period in problem.outside:
        if (only_volunteers is None or vid in only_volunteers) and vid in problem.vol_by_id:
            per_vol[vid].append((out_day, out_period, None))
    for vid, items in per_vol.items():
        v = problem.vol_by_id[vid]
        name = _name(problem, vid)
        if not any(sid is not None for _d, _p, sid in items):
            continue
        # a rule broken only by what cannot change (outside the plan, locked, checked in) is not the plan's
        chosen = lambda sid, vid=vid: sid is not None and (sid, vid) not in problem.locked  # noqa: E731
        by_day = Counter(d for d, _p, _s in items)
        for busy_day, n in by_day.items():
            if n > 1:
                first = next((s for d, _p, s in items if d == busy_day and chosen(s)), None)
                if first is not None:
                    out.append(Violation("two_a_day", vid, first, msg(
                        QT_TRANSLATE_NOOP("Rosters", "{name} already has a patrol on {day} (at most one a day)."),
                        name=name, day=busy_day.isoformat())))
        evenings = {d for d, p, _s in items if p == EVENING}
        for d, p, item_sid in items:
            if p == MORNING and (d - timedelta(days=1)) in evenings and (
                chosen(item_sid) or any(chosen(s) for dd, pp, s in items if dd == d - timedelta(days=1) and pp == EVENING)
            ):
                out.append(Violation("evening_then_morning", vid, item_sid, msg(
                    QT_TRANSLATE_NOOP("Rosters", "{name} patrols the evening before {day}; no morning patrol right after."),
                    name=name, day=d.isoformat())))
        if v.max_per_week is not None:
            weeks = Counter(week_key(d) for d, _p, _s in items)
            for wk, n in weeks.items():
                if n > v.max_per_week and any(chosen(s) and week_key(d) == wk for d, _p, s in items):
                    out.append(Violation("week_limit", vid, None, msg(
                        QT_TRANSLATE_NOOP("Rosters", "{name} has {count} patrols in week {week}; the limit is {limit}."),
                        name=name, count=n, week=wk[1], limit=v.max_per_week)))
        if v.max_per_month is not None:
            months = Counter(month_key(d) for d, _p, _s in items)
            for mk, n in months.items():
                if n > v.max_per_month and any(chosen(s) and month_key(d) == mk for d, _p, s in items):
                    out.append(Violation("month_limit", vid, None, msg(
                        QT_TRANSLATE_NOOP("Rosters", "{name} has {count} patrols in {year}-{month:02d}; the limit is {limit}."),
                        name=name, count=n, year=mk[0], month=mk[1], limit=v.max_per_month)))
    for sid, vid in problem.locked:
        if only_volunteers is not None and vid not in only_volunteers:
            continue
        if sid in problem.shift_by_id and vid not in roster.get(sid, set()):
            out.append(Violation("lock_lost", vid, sid, msg(
                QT_TRANSLATE_NOOP("Rosters", "The locked assignment of {name} was removed."), name=_name(problem, vid))))
    return out


def _unqualified(v: SolverVolunteer, shift: SolverShift, skill: str, name: str) -> Message:
    label = shift.skill_label([skill])
    expired = [until for k, until in v.skills if k == skill and until is not None and until < shift.date]
    if expired:
        return msg(QT_TRANSLATE_NOOP("Rosters", "{name}'s {skill} expired on {expired}; everyone on the patrol of {day} must hold it."),
                   name=name, skill=label, expired=max(expired).isoformat(), day=shift.date.isoformat())
    return msg(QT_TRANSLATE_NOOP("Rosters", "{name} does not hold {skill}, which everyone on the patrol of {day} must hold."),
               name=name, skill=label, day=shift.date.isoformat())


def gaps(problem: Problem, roster: Roster) -> list[Gap]:
    out = []
    for shift in problem.shifts:
        vids = roster.get(shift.id, set())
        people = [problem.vol_by_id[v] for v in vids if v in problem.vol_by_id]
        missing = max(0, shift.min_headcount - len(vids))
        leader_missing = shift.leader_required and not any(p.can_lead(shift) for p in people)
        skills = tuple(k for k in shift.required(SOMEONE) if not any(p.holds(k, shift.date) for p in people))
        if missing or leader_missing or skills:
            out.append(Gap(shift.id, missing, leader_missing, skills))
    return out
