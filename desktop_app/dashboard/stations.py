"""Which stations the home page can show (kept apart from the figures: the page asks at start-up)."""

from __future__ import annotations

from sqlmodel import Session

from desktop_app import reports
from desktop_app.core.auth import Actor, allowed, require
from desktop_app.dashboard.permissions import VIEW_DASHBOARD
from desktop_app.features import enabled_keys


def station_choices(s: Session, *, actor: Actor) -> list[tuple[int, str]]:
    """The stations the home page can show, as the reports offer them: the actor's own for staff, every
    station for a sub-district administrator (none for a role without the reports)."""
    require(actor, VIEW_DASHBOARD)
    if "reports" not in enabled_keys() or not allowed(actor, reports.VIEW_REPORTS):
        return []
    return reports.stations(s, actor=actor)
