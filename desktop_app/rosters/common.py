"""What the rosters use cases share: the names of the fields they validate, a row of the actor's
station or NotFound (teams, volunteers, shifts through their team), a date range a person typed,
volunteers' names, and a shift's local start and end.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor
from desktop_app.core.errors import NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import get_scoped, pk
from desktop_app.core.validation import clean_date
from desktop_app.residents import Resident
from desktop_app.rosters.models import Assignment, Shift, Team, Volunteer

F_TEAM = QT_TRANSLATE_NOOP("Fields", "Team")
F_TEAM_NAME = QT_TRANSLATE_NOOP("Fields", "Team name")
F_KIND = QT_TRANSLATE_NOOP("Fields", "Kind of team")
F_ROLE = QT_TRANSLATE_NOOP("Fields", "Role in the team")
F_VOLUNTEER = QT_TRANSLATE_NOOP("Fields", "Volunteer")
F_PER_WEEK = QT_TRANSLATE_NOOP("Fields", "Patrols per week")
F_PER_MONTH = QT_TRANSLATE_NOOP("Fields", "Patrols per month")
F_START = QT_TRANSLATE_NOOP("Fields", "From")
F_END = QT_TRANSLATE_NOOP("Fields", "To")
F_WEEKDAY = QT_TRANSLATE_NOOP("Fields", "Weekday")
F_PERIOD = QT_TRANSLATE_NOOP("Fields", "Shift")
F_TIMES = QT_TRANSLATE_NOOP("Fields", "Shift times")
F_HEADCOUNT = QT_TRANSLATE_NOOP("Fields", "Headcount")
F_REASON = QT_TRANSLATE_NOOP("Fields", "Reason")
F_SKILL = QT_TRANSLATE_NOOP("Fields", "Skill or qualification")
F_EXPIRES = QT_TRANSLATE_NOOP("Fields", "Valid until")
F_MINUTES = QT_TRANSLATE_NOOP("Fields", "Minutes")
F_CATEGORY = QT_TRANSLATE_NOOP("Fields", "Category")
F_LOCATION = QT_TRANSLATE_NOOP("Fields", "Location")
F_NOTE = QT_TRANSLATE_NOOP("Fields", "Note")
F_MULTIPLIER = QT_TRANSLATE_NOOP("Fields", "Multiplier")
F_MIN_HOURS = QT_TRANSLATE_NOOP("Fields", "Minimum hours")
MAX_RANGE_DAYS = 366

TEAM_GONE = QT_TRANSLATE_NOOP("Errors", "That team no longer exists.")
VOLUNTEER_GONE = QT_TRANSLATE_NOOP("Errors", "That volunteer no longer exists.")
SHIFT_GONE = QT_TRANSLATE_NOOP("Errors", "That shift no longer exists.")


def team_station(s: Session):
    """``station_of`` for rows that hang off a team (shifts, templates, members): the team's station."""

    def station_of(row) -> int | None:
        team = s.get(Team, row.team_id)
        return team.station_id if team is not None else None

    return station_of


def get_team(s: Session, team_id: int, actor: Actor) -> Team:
    """The team, if it belongs to the actor's station (docs/postgres.md §5); NotFound otherwise."""
    return get_scoped(s, Team, team_id, actor=actor, gone=TEAM_GONE)


NO_TEAM_YET = QT_TRANSLATE_NOOP("Errors", "there is no team yet: create one first with “New team…” on the Team tab.")
CHOOSE_TEAM = QT_TRANSLATE_NOOP("Errors", "choose at least one team.")


def chosen_team(s: Session, team_id: int | None, actor: Actor) -> Team:
    """The team the person chose (their station's); with none chosen, a message that says what to do — a new
    station has no team at all yet."""
    if team_id is None:
        scope = select(Team.id).where(Team.station_id == actor.station_id) if actor.station_id is not None else select(Team.id)
        raise ValidationError(F_TEAM, NO_TEAM_YET if s.exec(scope.limit(1)).first() is None else CHOOSE_TEAM)
    return get_team(s, team_id, actor)


def get_volunteer(s: Session, volunteer_id: int, actor: Actor, *, for_update: bool = False) -> Volunteer:
    return get_scoped(s, Volunteer, volunteer_id, actor=actor, gone=VOLUNTEER_GONE, for_update=for_update)


def get_shift(s: Session, shift_id: int, actor: Actor) -> Shift:
    """The shift, if its team belongs to the actor's station (shifts hang off their team)."""
    return get_scoped(s, Shift, shift_id, actor=actor, gone=SHIFT_GONE, station_of=team_station(s))


def check_teams(s: Session, team_ids, actor: Actor) -> None:
    for team_id in set(team_ids):
        get_team(s, team_id, actor)


def date_range(start, end) -> tuple[date, date]:
    """``start``..``end`` as a person gave them (both days included), at most a year."""
    a = clean_date(start, F_START, required=True)
    b = clean_date(end, F_END, required=True)
    if b < a:
        raise ValidationError(F_END, QT_TRANSLATE_NOOP("Errors", "is before the start date; swap the two dates."))
    if (b - a).days >= MAX_RANGE_DAYS:
        raise ValidationError(F_END, QT_TRANSLATE_NOOP("Errors", "is more than a year after the start; plan at most a year at a time."))
    return a, b


def volunteer_name(s: Session, volunteer_id: int) -> str:
    v = s.get(Volunteer, volunteer_id)
    r = s.get(Resident, v.resident_id) if v else None
    return r.name if r else f"#{volunteer_id}"


def volunteer_names(s: Session, volunteer_ids) -> dict[int, str]:
    """Names of many volunteers in one query."""
    ids = list(volunteer_ids)
    if not ids:
        return {}
    return {pk(vid): name for vid, name in s.exec(select(Volunteer.id, Resident.name).join(Resident, col(Resident.id) == Volunteer.resident_id)
                                                  .where(col(Volunteer.id).in_(ids)))}


def get_assignment(s: Session, shift_id: int, volunteer_id: int) -> Assignment:
    a = s.exec(select(Assignment).where(Assignment.shift_id == shift_id, Assignment.volunteer_id == volunteer_id)).first()
    if a is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "{name} is not on this patrol."), name=volunteer_name(s, volunteer_id))
    return a


def local_start(sh: Shift) -> datetime:
    return datetime.combine(sh.date, sh.starts_at).astimezone()


def local_end(sh: Shift) -> datetime:
    return datetime.combine(sh.date, sh.ends_at).astimezone()
