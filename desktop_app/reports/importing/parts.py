"""The volunteer or meal-recipient part of a row: what importing it adds or changes besides the resident."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, select

from desktop_app import features
from desktop_app.core.auth import Actor
from desktop_app.core.errors import ConflictError, PermissionDenied, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import fold
from desktop_app.reports.importing.cells import cell_text
from desktop_app.reports.importing.fields import F_TEAM, MEAL_FIELDS, Kind

if TYPE_CHECKING:
    from desktop_app.reports.importing.checking import Candidate


def team_names(s: Session, *, actor: Actor) -> list[str]:
    """The teams a volunteer register's rows may name (none when rosters are not installed, or the role
    may not see them: the file's own team column is then the only choice)."""
    rosters = features.api("rosters")
    if rosters is None:
        return []
    try:
        return [t.name for t in rosters.list_teams(s, actor=actor)]
    except PermissionDenied:
        return []


class PartMatcher:
    """The volunteer / meal recipient part of a row: what it would add or change."""

    def __init__(self, s: Session, actor: Actor, kind: str, options: dict[str, Any]) -> None:
        self.s, self.actor, self.kind, self.options = s, actor, kind, options
        if kind == Kind.VOLUNTEERS:
            m = features.api("rosters")
            if m is None:
                raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Volunteers cannot be imported: rosters are not part of this installation."))
            self.m = m
            q = select(m.Team).where(m.Team.active == True)  # noqa: E712
            if actor.station_id is not None:
                q = q.where((m.Team.station_id == actor.station_id) | (m.Team.station_id.is_(None)))
            self.teams = {t.name: t.id for t in s.exec(q)}
            self.team_names = {v: k for k, v in self.teams.items()}
            self.default_team = options.get("team")
            members = s.exec(select(m.Volunteer.resident_id, m.TeamMember.team_id, m.TeamMember.role).join(
                m.TeamMember, m.TeamMember.volunteer_id == m.Volunteer.id)).all()
            self.members = {(rid, tid): role for rid, tid, role in members}
        elif kind == Kind.MEAL_RECIPIENTS:
            m = features.api("meals")
            if m is None:
                raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Meal recipients cannot be imported: meal assistance is not part of this installation."))
            self.m = m
            self.tiers = {}
            for t in s.exec(select(m.SubsidyTier)):
                self.tiers[t.code] = t.code
                self.tiers[t.name] = t.code
            self.recipients = {r.resident_id: r for r in s.exec(select(m.MealRecipient))}

    def plan(self, c: Candidate, rid: int | None) -> dict[str, Any] | None:
        if self.kind == Kind.VOLUNTEERS:
            return self._volunteer(c, rid)
        if self.kind == Kind.MEAL_RECIPIENTS:
            return self._meal(c, rid)
        return None

    def _volunteer(self, c: Candidate, rid: int | None) -> dict[str, Any]:
        team_name = fold(cell_text(c.extra.get("team"))) or (self.default_team or "")
        if not team_name:
            raise ValidationError(F_TEAM, QT_TRANSLATE_NOOP("Errors", "is missing; fill in the team column or choose a team for the whole file."))
        team_id = self.teams.get(team_name)
        if team_id is None:
            raise ValidationError(F_TEAM, QT_TRANSLATE_NOOP("Errors", "there is no team called “{team}”; create it on the Rosters page first."),
                                  team=team_name[:30])
        role_text = cell_text(c.extra.get("role"))
        role = "team_leader" if any(w in role_text for w in ("队长", "组长", "领队", "负责人", "leader")) else "member"
        joined = c.extra.get("joined_on")
        current = self.members.get((rid, team_id)) if rid is not None else None
        if current is None:
            return {"op": "add", "team_id": team_id, "role": role, "joined_on": joined, "changes": ("team",)}
        if role_text and current != role:
            return {"op": "role", "team_id": team_id, "role": role, "changes": ("role",)}
        return {"op": "none", "changes": ()}

    def _meal(self, c: Candidate, rid: int | None) -> dict[str, Any]:
        from desktop_app.meals import DIETS, schedule_bit

        svc_text = cell_text(c.extra.get("service"))
        service = "dine_in" if any(w in svc_text for w in ("堂食", "就餐", "食堂", "dine")) else "delivery"
        meals_text = cell_text(c.extra.get("meals")) or "午餐"
        meals = [m for m, w in (("lunch", "午"), ("dinner", "晚")) if w in meals_text] or ["lunch"]
        days = _weekdays(cell_text(c.extra.get("days")))
        schedule = 0
        for d in days:
            for m in meals:
                schedule |= schedule_bit(d, m)
        tier_text = fold(cell_text(c.extra.get("subsidy_tier")))
        tier = ""
        if tier_text:
            tier = self.tiers.get(tier_text, "")
            if not tier:
                raise ValidationError(MEAL_FIELDS["subsidy_tier"][0], QT_TRANSLATE_NOOP(
                    "Errors", "“{tier}” is not a subsidy tier of this station; use one of the tiers on the Meals page."), tier=tier_text[:30])
        diet_text = cell_text(c.extra.get("diet"))
        flags: dict[str, bool] = {diet: False for diet in DIETS}
        rest = diet_text
        for word, diet in (("低盐", "low_salt"), ("少盐", "low_salt"), ("低糖", "low_sugar"), ("无糖", "low_sugar"),
                           ("软", "soft"), ("素", "vegetarian"), ("清真", "halal")):
            if word in diet_text:
                flags[diet] = True
                rest = rest.replace(word + "食", "").replace(word, "")
        avoid = re.sub(r"^[、,，;；\s]+|[、,，;；\s]+$", "", re.sub(r"[、,，;；\s]{2,}", "、", rest))
        data = {"status": "active", "service": service, "schedule": schedule, **flags, "avoid": avoid,
                "delivery_address": cell_text(c.extra.get("delivery_address")), "subsidy_tier": tier}
        current = self.recipients.get(rid) if rid is not None else None
        if current is None:
            return {"op": "add", "data": data, "changes": ("meal_recipient",)}
        given = {k for k in c.extra if cell_text(c.extra[k])}
        compare = {"service": "service", "meals": "schedule", "days": "schedule", "delivery_address": "delivery_address",
                   "subsidy_tier": "subsidy_tier", "diet": "diet"}
        changed: list[str] = []
        new = {k: getattr(current, k) for k in ("status", "service", "schedule", *DIETS, "avoid", "delivery_address",
                                                 "subsidy_tier", "delivery_notes", "emergency_contact", "emergency_phone",
                                                 "credit_limit_fen", "route_order")}
        for src, target in compare.items():
            if src not in given:
                continue
            if target == "diet":
                for diet in DIETS:
                    if new[diet] != flags[diet]:
                        new[diet] = flags[diet]
                        changed.append(diet)
                if new["avoid"] != avoid:
                    new["avoid"] = avoid
                    changed.append("avoid")
            elif new[target] != data[target]:
                new[target] = data[target]
                changed.append(target)
        if not changed:
            return {"op": "none", "changes": ()}
        return {"op": "update", "recipient_id": current.id, "data": new, "changes": tuple(dict.fromkeys(changed))}


_DAY_WORDS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}


def _weekdays(text: str) -> list[int]:
    """"每天" → all; "周一至周五" → 0–4; "一三五" → 0, 2, 4; blank → Monday to Friday."""
    t = fold(text)
    if not t:
        return [0, 1, 2, 3, 4]
    if "每天" in t or "每日" in t or "全周" in t:
        return list(range(7))
    m = re.search(r"([一二三四五六日天七])\s*(?:至|到|-|~|—)\s*(?:周|星期)?([一二三四五六日天七])", t)
    if m:
        a, b = _DAY_WORDS[m.group(1)], _DAY_WORDS[m.group(2)]
        return list(range(a, b + 1)) if a <= b else list(range(a, 7)) + list(range(0, b + 1))
    days = sorted({_DAY_WORDS[ch] for ch in t if ch in _DAY_WORDS})
    days += sorted({int(ch) - 1 for ch in t if ch.isdigit() and 1 <= int(ch) <= 7} - set(days))
    return sorted(set(days)) or [0, 1, 2, 3, 4]
