"""Volunteer teams and patrol rosters (志愿排班): teams, volunteers, shifts, the solver, check-in, hours,
patrol findings.

The public API: what other features use (meals, passports, reports) — the only thing they import.
"""

from desktop_app.rosters.attendance import check_in, check_out
from desktop_app.rosters.forgotten import close_forgotten, forgotten_due
from desktop_app.rosters.hours import correct_hours, hours_minutes
from desktop_app.rosters.hours_certificates import hours_certificate_contents
from desktop_app.rosters.models import (
    Assignment,
    CheckIn,
    HoursEntry,
    MemberRole,
    Shift,
    Team,
    TeamKind,
    TeamMember,
    Volunteer,
)
from desktop_app.rosters.papers import morning_papers
from desktop_app.rosters.teams import add_volunteer, create_team, list_teams, set_member_role
from desktop_app.rosters.volunteers import volunteer_for_resident

__all__ = [
    "Assignment", "CheckIn", "HoursEntry", "MemberRole", "Shift", "Team", "TeamKind", "TeamMember", "Volunteer",
    "add_volunteer", "check_in", "check_out", "close_forgotten", "correct_hours", "create_team",
    "forgotten_due", "hours_certificate_contents", "hours_minutes", "list_teams", "morning_papers", "set_member_role",
    "volunteer_for_resident",
]
