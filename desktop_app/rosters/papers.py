"""The rosters' papers as ``core.papers.Paper`` for ``ui.printing``: a team's monthly roster (a page per
grid), a day's patrol sign-in sheet, and the morning's sign-in sheets of every patrol team ("Today's papers",
after the meals papers). Each reads in its own transaction and draws after it (off the GUI thread)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from sqlmodel import select

from desktop_app.core.auth import Actor, require
from desktop_app.core.db import session_scope
from desktop_app.core.papers import Paper, PaperKind, kind_title
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import pk
from desktop_app.rosters import pdf
from desktop_app.rosters.models import Team, TeamKind
from desktop_app.rosters.permissions import VIEW_ROSTERS
from desktop_app.rosters.shifts import shift_people, shifts_on


def _team_name(s, team_id: int) -> str:
    team = s.get(Team, team_id)
    return team.name if team is not None else ""


def monthly_roster(engine, *, actor: Actor, team_id: int, year: int, month: int,
                   progress: Progress = NO_PROGRESS) -> Paper:
    with session_scope(engine, write=False) as s:
        progress(0, 1, "")
        out = BytesIO()
        pdf.monthly_roster(s, actor=actor, team_id=team_id, year=year, month=month, path=out)
        name = _team_name(s, team_id)
    return Paper(PaperKind.ROSTER, f"{kind_title(PaperKind.ROSTER)} {name} {year}-{month:02d}", out.getvalue(),
                 entity="roster_team", entity_id=str(team_id))


def sign_in_sheet(engine, *, actor: Actor, team_id: int, day: date, progress: Progress = NO_PROGRESS) -> Paper:
    with session_scope(engine, write=False) as s:
        progress(0, 1, "")
        out = BytesIO()
        pdf.sign_in_sheet(s, actor=actor, team_id=team_id, day=day, path=out)
        people = sum(len(shift_people(s, actor=actor, shift_id=pk(sh.id))) for sh in shifts_on(s, actor=actor, day=day, team_id=team_id))
        name = _team_name(s, team_id)
    return Paper(PaperKind.SIGN_IN, f"{kind_title(PaperKind.SIGN_IN)} {name} {day.isoformat()}", out.getvalue(),
                 people=people, entity="roster_team", entity_id=str(team_id))


def morning_papers(engine, *, actor: Actor, day: date, label_skip: int = 0, progress: Progress = NO_PROGRESS) -> list[Paper]:
    """The day's sign-in sheet of every patrol team with a patrol that day, in team order."""
    with session_scope(engine, write=False) as s:
        require(actor, VIEW_ROSTERS)
        patrol = set(s.exec(select(Team.id).where(Team.kind == TeamKind.PATROL)))
        teams = sorted({sh.team_id for sh in shifts_on(s, actor=actor, day=day)} & patrol)
    return [sign_in_sheet(engine, actor=actor, team_id=t, day=day, progress=progress) for t in teams]
