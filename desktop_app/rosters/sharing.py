"""What leaves the app as text: a day's patrols for the team's WeChat group, a volunteer's calendar file.
"""

from __future__ import annotations

from datetime import UTC, date

from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import station_scope
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, translate, weekday_name
from desktop_app.core.records import pk
from desktop_app.rosters.common import (
    get_volunteer,
    local_end,
    local_start,
)
from desktop_app.rosters.labels import period_label
from desktop_app.rosters.models import (
    Assignment,
    Shift,
    Team,
)
from desktop_app.rosters.permissions import (
    VIEW_ROSTERS,
)
from desktop_app.rosters.shifts import shift_people, shifts_on

# The day's patrols for the team's WeChat group, in the language of the interface (or of the command, --lang).
T = {
    "head": QT_TRANSLATE_NOOP("RostersShare", "[{team}] {day} {weekday}{holiday} patrols"),
    "day": QT_TRANSLATE_NOOP("RostersShare", "{month}/{day}"),
    "holiday": QT_TRANSLATE_NOOP("RostersShare", " (holiday)"),
    "team": QT_TRANSLATE_NOOP("RostersShare", "Patrol team"),
    "leader": QT_TRANSLATE_NOOP("RostersShare", "{name} (leader)"),
    "nobody": QT_TRANSLATE_NOOP("RostersShare", "[nobody yet, please sign up]"),
    "short": QT_TRANSLATE_NOOP("RostersShare", " (short of {n})"),
    "no_leader": QT_TRANSLATE_NOOP("RostersShare", " (no leader)"),
    "line": QT_TRANSLATE_NOOP("RostersShare", "{period} {start}–{end}{where}: {names}"),
    "where": QT_TRANSLATE_NOOP("RostersShare", " | {route}"),
    "tail": QT_TRANSLATE_NOOP("RostersShare", "Please arrive on time, check in and wear the red cap. If you cannot come, "
                                              "tell your leader in good time."),
    "none": QT_TRANSLATE_NOOP("RostersShare", "No patrols that day."),
}


def _t(key: str, **params: object) -> str:
    return translate("RostersShare", T[key], **params)


def wechat_text(s: Session, *, actor: Actor, day: date, team_id: int | None = None) -> str:
    """Ready-to-paste text of a day's patrols for the team's WeChat group, as stations write it:
    "【小红帽巡逻队】11月9日 星期一 巡逻安排" and a line per patrol."""
    require(actor, VIEW_ROSTERS)
    lines = []
    teams = {t.id: t for t in s.exec(station_scope(select(Team), Team.station_id, actor))}
    for sh in shifts_on(s, actor=actor, day=day, team_id=team_id):
        people = shift_people(s, actor=actor, shift_id=pk(sh.id))
        names = join(_t("leader", name=p.name) if p.is_leader else p.name for p in people) or _t("nobody")
        where = _t("where", route=sh.route) if sh.route else ""
        lines.append(_t("line", period=period_label(sh.period), start=f"{sh.starts_at:%H:%M}", end=f"{sh.ends_at:%H:%M}",
                        where=where, names=names))
        if len(people) < sh.min_headcount:
            lines[-1] += _t("short", n=sh.min_headcount - len(people))
        if people and sh.leader_required and not any(p.is_leader for p in people):
            lines[-1] += _t("no_leader")
    title_team = teams[team_id].name if team_id and team_id in teams else _t("team")
    holiday = ""
    if any(sh.is_holiday for sh in shifts_on(s, actor=actor, day=day, team_id=team_id)):
        holiday = _t("holiday")
    head = _t("head", team=title_team, day=_t("day", month=day.month, day=day.day), weekday=weekday_name(day),
              holiday=holiday)
    return "\n".join([head, *lines, _t("tail")]) if lines else f"{head}\n{_t('none')}"


def ics_for(s: Session, *, actor: Actor, volunteer_id: int, start: date, end: date) -> str:
    """An iCalendar (.ics) file of one volunteer's patrols in the range."""
    require(actor, VIEW_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    rows = s.exec(select(Shift, Team).join(Assignment, col(Assignment.shift_id) == Shift.id).join(Team, col(Team.id) == Shift.team_id)
                  .where(Assignment.volunteer_id == volunteer_id, Shift.date >= start, Shift.date <= end)
                  .order_by(col(Shift.date), col(Shift.starts_at))).all()
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
            f"SUMMARY:{esc(team.name + ' ' + period_label(sh.period))}",
            f"LOCATION:{esc(sh.route or sh.grid)}", "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
