"""Patrols follow the work calendar: a shift from today on that nobody has worked yet takes the holiday
flag, the holiday's name and the headcount the calendar now gives (a holiday takes the template's holiday
minimum), and so the hours multiplier its patrol will be credited with. Shifts worked (a check-in or a
no-show) and past days never change. (core.workdays.CalendarFollower)"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.workdays import CalendarChange, Move, move
from desktop_app.rosters.models import Shift, Team
from desktop_app.rosters.settings import multiplier_for, multiplier_table
from desktop_app.rosters.shifts import sync_with_calendar

AREA = QT_TRANSLATE_NOOP("Calendar", "Patrols")
BECOMES_HOLIDAY = QT_TRANSLATE_NOOP(
    "Calendar", "{team}, {day}: {n} patrol(s) become holiday patrols ({name}); at least {before} → {after} people; hours ×{mb} → ×{ma}")
NO_LONGER_HOLIDAY = QT_TRANSLATE_NOOP(
    "Calendar", "{team}, {day}: {n} patrol(s) are no longer holiday patrols; at least {before} → {after} people; hours ×{mb} → ×{ma}")
FOLLOWS = QT_TRANSLATE_NOOP("Calendar", "{team}, {day}: {n} patrol(s) follow the calendar ({name}); at least {before} → {after} people")


class _Patrol(NamedTuple):
    """A shift as the calendar change would make it (settings.PatrolKind)."""

    is_holiday: bool
    period: str


def _values(values: list) -> str:
    return "/".join(f"{v:g}" for v in sorted(set(values)))


class RostersFollower:
    def follow(self, s: Session, *, actor: Actor, change: CalendarChange, apply: bool) -> list[Move]:
        days = sorted(d for d in change.changed if d >= change.today)
        if not days:
            return []
        shifts = list(s.exec(select(Shift).where(col(Shift.date).in_(days))))
        found = sync_with_calendar(s, actor=actor, cal=change.after, shifts=shifts, today=change.today, apply=False)
        teams = {t.id: t for t in s.exec(select(Team).where(col(Team.id).in_({sh.team_id for sh, _w in found})))} if found else {}
        groups: dict[tuple, list] = defaultdict(list)
        for sh, want in found:
            groups[(sh.date, sh.team_id, want["is_holiday"] != sh.is_holiday, want["is_holiday"])].append((sh, want))
        out = []
        tables: dict = {}
        for (day, team_id, flips, hol), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            team = teams.get(team_id)
            station = team.station_id if team else None
            name = team.name if team else f"#{team_id}"
            if station not in tables:
                tables[station] = multiplier_table(s, station)
            rows = tables[station]
            mb = [multiplier_for(s, sh, station, rows) for sh, _w in items]
            ma = [multiplier_for(s, _Patrol(w["is_holiday"], sh.period), station, rows) for sh, w in items]
            common = {"team": name, "day": day.isoformat(), "n": len(items),
                      "before": _values([sh.min_headcount for sh, _w in items]),
                      "after": _values([w["min_headcount"] for _sh, w in items]), "mb": _values(mb), "ma": _values(ma)}
            if flips:
                out.append(move(AREA, day, BECOMES_HOLIDAY if hol else NO_LONGER_HOLIDAY,
                                name=items[0][1]["holiday_name"], **common))
            else:
                out.append(move(AREA, day, FOLLOWS, team=name, day=day.isoformat(), n=len(items),
                                name=items[0][1]["holiday_name"] or "—", before=common["before"], after=common["after"]))
        if apply:
            sync_with_calendar(s, actor=actor, cal=change.after, shifts=shifts, today=change.today, apply=True)
        return out


FOLLOWER = RostersFollower()
