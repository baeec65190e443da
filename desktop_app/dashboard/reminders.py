"""What the home page reminds about, under its tiles (Qt-free): volunteer hours not yet recorded in the
national volunteer system and check-outs closed automatically (rosters), and the weeks ahead falling in a
year whose holidays are not entered (core.workdays). Read apart from the tiles, after them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from desktop_app.core import workdays
from desktop_app.core.auth import Actor, require
from desktop_app.core.memo import FigureMemo
from desktop_app.dashboard.permissions import VIEW_DASHBOARD
from desktop_app.features import enabled_keys
from desktop_app.rosters import figures as rosters

AHEAD = timedelta(weeks=8)  # "2027 starts in four weeks": said well before the first deadline runs into it


@dataclass(frozen=True)
class Reminders:
    hours: rosters.HoursReminders | None  # None: no rosters feature in this installation
    calendar_gap: tuple[int, ...]  # years of the weeks ahead whose holidays are not entered


def reminders(s: Session, *, actor: Actor, day: date, memo: FigureMemo | None = None) -> Reminders:
    require(actor, VIEW_DASHBOARD)
    hours = rosters.hours_reminders(s, actor=actor, day=day, memo=memo) if "rosters" in enabled_keys() else None
    return Reminders(hours, tuple(workdays.years_missing(s, day, day + AHEAD)))
