"""The roster problem as plain data (no database, no Qt): what the solver, the checker and the capacity
check all read. The service builds it from the tables; tests build it directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.rosters.models import RequirementScope, ShiftPeriod

MORNING, AFTERNOON, EVENING = ShiftPeriod.MORNING, ShiftPeriod.AFTERNOON, ShiftPeriod.EVENING
PERIOD_ORDER: dict[str, int] = {MORNING: 0, AFTERNOON: 1, EVENING: 2}
# Who on a patrol must hold a qualification (models.RequirementScope): the leader, everyone, at least one.
LEADER, EVERYONE, SOMEONE = RequirementScope.LEADER, RequirementScope.EVERYONE, RequirementScope.SOMEONE


def skill_key(name: str) -> str:
    """Qualifications compare by name without case or spaces (急救证 = 急救证 , First aid = first aid)."""
    return "".join((name or "").split()).casefold()


@dataclass(frozen=True)
class SolverVolunteer:
    """A volunteer as the solver sees them: plain data built from the tables (``models.Volunteer``) or by tests."""

    id: int
    name: str = ""
    teams: frozenset[int] = frozenset()
    leader_teams: frozenset[int] = frozenset()
    no_evenings: bool = False
    max_per_week: int | None = None
    max_per_month: int | None = None
    unavailable: frozenset[tuple[int, str]] = frozenset()  # (weekday 0=Mon, period)
    preferred: frozenset[tuple[int, str]] = frozenset()
    leave: tuple[tuple[date, date], ...] = ()
    never_alone: bool = False
    partners: frozenset[int] = frozenset()
    usual: frozenset[tuple[int, str]] = frozenset()  # weekday×period served lately (stable teams)
    skills: tuple[tuple[str, date | None], ...] = ()  # (skill_key(name), valid until; None: no expiry)

    def on_leave(self, day: date) -> bool:
        return any(a <= day <= b for a, b in self.leave)

    def holds(self, skill: str, day: date) -> bool:
        """Holds ``skill`` (a skill_key) valid on ``day`` (an expiry date is the last valid day)."""
        return any(k == skill and (until is None or until >= day) for k, until in self.skills)

    def lacks(self, shift: SolverShift, scope: str) -> tuple[str, ...]:
        """The qualifications of ``scope`` the shift requires that this volunteer does not hold on its date."""
        return tuple(k for sc, k in shift.requires if sc == scope and not self.holds(k, shift.date))

    def can_lead(self, shift: SolverShift) -> bool:
        """A team leader of the shift's team who holds what its leader must hold on its date."""
        return shift.team_id in self.leader_teams and not self.lacks(shift, LEADER)


@dataclass(frozen=True)
class SolverShift:
    """A shift as the solver sees it (``models.Shift`` as plain data)."""

    id: int
    team_id: int
    date: date
    period: str
    min_headcount: int = 2
    max_headcount: int = 4
    leader_required: bool = True
    is_holiday: bool = False
    grid: str = ""
    team_name: str = ""
    requires: tuple[tuple[str, str], ...] = ()  # (RequirementScope, skill_key) from the shift's template
    skill_names: tuple[tuple[str, str], ...] = ()  # (skill_key, the name as the template writes it), for messages

    def required(self, scope: str) -> tuple[str, ...]:
        return tuple(k for sc, k in self.requires if sc == scope)

    def skill_label(self, keys) -> str:
        names = dict(self.skill_names)
        return "、".join(names.get(k, k) for k in keys)


@dataclass
class Problem:
    volunteers: list[SolverVolunteer]
    shifts: list[SolverShift]
    locked: set[tuple[int, int]] = field(default_factory=set)  # (shift_id, volunteer_id) to keep
    # Assignments outside the solved shifts that still count for limits and the evening→morning rule
    # (same weeks / months, the evening before the first day): (volunteer_id, date, period).
    outside: list[tuple[int, date, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.vol_by_id = {v.id: v for v in self.volunteers}
        self.shift_by_id = {s.id: s for s in self.shifts}
        self.required_skills = frozenset(k for s in self.shifts for _scope, k in s.requires)


Roster = dict[int, set[int]]  # shift_id -> volunteer ids


def week_key(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return (iso[0], iso[1])


def month_key(day: date) -> tuple[int, int]:
    return (day.year, day.month)


@dataclass(frozen=True)
class Message:
    """A translatable sentence: ``template`` is a QT_TRANSLATE_NOOP("Rosters", ...) text."""

    template: str
    params: tuple[tuple[str, object], ...] = ()

    def english(self) -> str:
        return self.template.format(**dict(self.params))

    def text(self) -> str:
        return translate("Rosters", self.template, **{k: _tr_param(k, v) for k, v in self.params})


def _tr_param(key: str, value: object) -> object:
    if key == "period":
        return translate("Periods", str(value))
    return value


def msg(template: str, **params: object) -> Message:
    return Message(template, tuple(params.items()))


def copy_roster(roster: Roster) -> Roster:
    return {k: set(v) for k, v in roster.items()}


def roster_from_pairs(pairs: Iterable[tuple[int, int]]) -> Roster:
    out: Roster = {}
    for sid, vid in pairs:
        out.setdefault(sid, set()).add(vid)
    return out


PERIOD_LABELS = {
    MORNING: QT_TRANSLATE_NOOP("Periods", "morning"),
    AFTERNOON: QT_TRANSLATE_NOOP("Periods", "afternoon"),
    EVENING: QT_TRANSLATE_NOOP("Periods", "evening"),
    "all": QT_TRANSLATE_NOOP("Periods", "all"),
}
