"""The rosters demo gives the meals feature its delivery volunteers (at both scales: same code path)."""

from __future__ import annotations

from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.residents import demo as residents_demo
from desktop_app.rosters import demo
from desktop_app.rosters.models import Team, TeamMember


def test_small_demo_has_patrol_and_meal_delivery_teams(engine, admin):
    residents_demo.generate(engine, scale="small", seed=3)
    demo.generate(engine, scale="small", seed=3)
    with session_scope(engine, write=False) as s:
        kinds = dict(s.exec(select(Team.kind, func.count()).group_by(Team.kind)).all())
        meal_team = s.exec(select(Team.id).where(Team.kind == "meal_delivery")).one()
        members = s.exec(select(func.count()).select_from(TeamMember).where(TeamMember.team_id == meal_team)).one()
    assert kinds == {"patrol": 1, "meal_delivery": 1}
    assert members == demo.MEAL_TEAM["small"]
