"""What leaves the app as text: a day's patrols for the team's WeChat group, a volunteer's calendar file.
"""

from __future__ import annotations

from datetime import UTC, date

from sqlmodel import Session, select

from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import station_scope
from desktop_app.rosters.common import (
    get_volunteer,
    local_end,
    local_start,
)
from desktop_app.rosters.labels import PERIOD_ZH
from desktop_app.rosters.models import (
    Assignment,
    Shift,
    Team,
)
from desktop_app.rosters.permissions import (
    VIEW_ROSTERS,
)
from desktop_app.rosters.shifts import shift_people, shifts_on


def wechat_text(s: Session, *, actor: Actor, day: date, team_id: int | None = None) -> str:
    """Ready-to-paste text of a day's patrols for the team's WeChat group (Chinese, as stations write it)."""
    require(actor, VIEW_ROSTERS)
    weekdays = "一二三四五六日"
    lines = []
    teams = {t.id: t for t in s.exec(station_scope(select(Team), Team.station_id, actor))}
    for sh in shifts_on(s, actor=actor, day=day, team_id=team_id):
        people = shift_people(s, actor=actor, shift_id=sh.id)
        names = "、".join((p.name + "（队长）") if p.is_leader else p.name for p in people) or "【缺人，请报名】"
        where = f"｜{sh.route}" if sh.route else ""
        lines.append(f"{PERIOD_ZH.get(sh.period, sh.period)} {sh.starts_at:%H:%M}–{sh.ends_at:%H:%M}{where}：{names}")
        if len(people) < sh.min_headcount:
            lines[-1] += f"（还差{sh.min_headcount - len(people)}人）"
        if people and sh.leader_required and not any(p.is_leader for p in people):
            lines[-1] += "（缺队长）"
    title_team = teams[team_id].name if team_id and team_id in teams else "巡逻队"
    holiday = ""
    if any(sh.is_holiday for sh in shifts_on(s, actor=actor, day=day, team_id=team_id)):
        holiday = "（节假日）"
    head = f"【{title_team}】{day.month}月{day.day}日 星期{weekdays[day.weekday()]}{holiday} 巡逻安排"
    tail = "请按时到岗签到，戴好小红帽。不能到岗请提前告知队长。"
    return "\n".join([head, *lines, tail]) if lines else f"{head}\n当日无巡逻安排。"


def ics_for(s: Session, *, actor: Actor, volunteer_id: int, start: date, end: date) -> str:
    """An iCalendar (.ics) file of one volunteer's patrols in the range."""
    require(actor, VIEW_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    rows = s.exec(select(Shift, Team).join(Assignment, Assignment.shift_id == Shift.id).join(Team, Team.id == Shift.team_id)
                  .where(Assignment.volunteer_id == volunteer_id, Shift.date >= start, Shift.date <= end)
                  .order_by(Shift.date, Shift.starts_at)).all()
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SmileDesk//Rosters//ZH", "CALSCALE:GREGORIAN"]
    for sh, team in rows:
        a = local_start(sh).astimezone(UTC)
        b = local_end(sh).astimezone(UTC)
        lines += [
            "BEGIN:VEVENT", f"UID:roster-{sh.id}-{volunteer_id}@smiledesk", f"DTSTAMP:{stamp}",
            f"DTSTART:{a:%Y%m%dT%H%M%SZ}", f"DTEND:{b:%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{esc(team.name + ' ' + PERIOD_ZH.get(sh.period, sh.period))}",
            f"LOCATION:{esc(sh.route or sh.grid)}", "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
