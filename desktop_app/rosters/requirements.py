"""Qualifications a daily shift requires: of its leader (e.g. first aid), of everyone on it, or of at least
one person. Set on the team's shift templates; every shift made from a template follows it. The solver,
manual moves, find-cover and the checker honour them (valid on the shift's date: an expired qualification
does not count), and a shortfall names the qualification nobody who can come holds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from sqlmodel import Session, col, delete, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import get_scoped, pk
from desktop_app.rosters.common import F_SKILL, get_team, team_station
from desktop_app.rosters.models import RequirementScope, ShiftRequirement, ShiftTemplate, Skill, Volunteer
from desktop_app.rosters.permissions import MANAGE_ROSTERS, VIEW_ROSTERS
from desktop_app.rosters.problem import skill_key

SCOPES = tuple(RequirementScope)
MAX_PER_SCOPE = 5


def split_skills(text: str | Iterable[str]) -> list[str]:
    """"急救证、消防证" / "急救证, 消防证" / a list → the names, each once (case and spaces ignored)."""
    parts = re.split(r"[,，、;；/\n]+", text) if isinstance(text, str) else list(text)
    out: dict[str, str] = {}
    for p in parts:
        name = " ".join(str(p).split())
        if name and skill_key(name) not in out:
            out[skill_key(name)] = name
    return list(out.values())


def requirements_of(s: Session, *, actor: Actor, team_id: int) -> dict[int, dict[str, list[str]]]:
    """template id -> scope -> the qualifications it requires, for the team's templates."""
    require(actor, VIEW_ROSTERS)
    get_team(s, team_id, actor)
    out: dict[int, dict[str, list[str]]] = defaultdict(lambda: {sc: [] for sc in SCOPES})
    rows = s.exec(select(ShiftRequirement).join(ShiftTemplate, col(ShiftTemplate.id) == ShiftRequirement.template_id)
                  .where(ShiftTemplate.team_id == team_id).order_by(col(ShiftRequirement.id)))
    for r in rows:
        out[r.template_id][r.scope].append(r.skill)
    return dict(out)


def set_requirements(s: Session, *, actor: Actor, template_id: int, leader: str | Iterable[str] = "",
                     everyone: str | Iterable[str] = "", someone: str | Iterable[str] = "") -> dict[str, list[str]]:
    """Replace what a daily shift requires: of its leader, of everyone on it, of at least one person."""
    require(actor, MANAGE_ROSTERS)
    t = get_scoped(s, ShiftTemplate, template_id, actor=actor, station_of=team_station(s), for_update=True,
                   gone=QT_TRANSLATE_NOOP("Errors", "That shift template no longer exists."))
    wanted = {RequirementScope.LEADER: split_skills(leader), RequirementScope.EVERYONE: split_skills(everyone),
              RequirementScope.SOMEONE: split_skills(someone)}
    for names in wanted.values():
        if len(names) > MAX_PER_SCOPE:
            raise ValidationError(F_SKILL, QT_TRANSLATE_NOOP("Errors", "at most {n} qualifications for each kind of requirement."),
                                  n=MAX_PER_SCOPE)
        for name in names:
            if len(name) > 50:
                raise ValidationError(F_SKILL, QT_TRANSLATE_NOOP("Errors", "“{name}” is longer than 50 characters."), name=name[:20] + "…")
    before = {sc: [r.skill for r in s.exec(select(ShiftRequirement).where(ShiftRequirement.template_id == t.id,
                                                                          ShiftRequirement.scope == sc))] for sc in SCOPES}
    after = {str(sc): names for sc, names in wanted.items()}
    if {str(k): v for k, v in before.items()} == after:
        return after
    s.exec(delete(ShiftRequirement).where(col(ShiftRequirement.template_id) == t.id))
    for scope, names in wanted.items():
        for name in names:
            s.add(ShiftRequirement(template_id=pk(t.id), scope=scope, skill=name))
    s.flush()
    audit.record(s, actor=actor, action="update", entity="roster_shift_requirement", entity_id=t.id,
                 before={str(k): v for k, v in before.items()}, after=after)
    return after


def skill_names(s: Session, *, actor: Actor) -> list[str]:
    """The names of skills volunteers of the actor's station hold (what a requirement can name)."""
    require(actor, VIEW_ROSTERS)
    q = select(Skill.name).distinct()
    if actor.station_id is not None:
        q = q.join(Volunteer, col(Volunteer.id) == Skill.volunteer_id).where(col(Volunteer.station_id) == actor.station_id)
    names = split_skills(list(s.exec(q)))
    return sorted(names)


__all__ = ["SCOPES", "requirements_of", "set_requirements", "skill_names", "split_skills"]
