"""Volunteer teams and patrol rosters: teams, volunteers, shifts, solver, check-in, hours, findings."""

from desktop_app.rosters.models import Assignment, CheckIn, Shift, Team, Volunteer

__all__ = ["Assignment", "CheckIn", "Shift", "Team", "Volunteer", "check_in", "check_out"]


def __getattr__(name: str):
    """Use cases imported when first used (passports' kiosk): the service is not needed at start-up."""
    if name in ("check_in", "check_out"):
        from desktop_app.rosters import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
