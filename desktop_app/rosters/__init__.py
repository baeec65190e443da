"""Volunteer teams and patrol rosters: teams, volunteers, shifts, solver, check-in, hours, findings."""

from desktop_app.rosters.models import Assignment, CheckIn, Shift, Team, Volunteer
from desktop_app.rosters.service import check_in, check_out

__all__ = ["Assignment", "CheckIn", "Shift", "Team", "Volunteer", "check_in", "check_out"]
