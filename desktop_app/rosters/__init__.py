"""Volunteer teams and patrol rosters: teams, volunteers, shifts, solver, check-in, hours, findings."""
