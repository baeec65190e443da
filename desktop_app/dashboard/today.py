"""Today at a glance: the figures of the home page's tiles, each counted by the feature that owns it.

Qt-free. A tile is None when its feature is not part of this installation (SMILEDESK_FEATURES), so a
smaller build still shows a working home page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session

from desktop_app.certificates import figures as certificates
from desktop_app.core.auth import Actor, require
from desktop_app.dashboard.models import Today
from desktop_app.dashboard.permissions import VIEW_DASHBOARD
from desktop_app.desk import figures as desk
from desktop_app.features import enabled_keys
from desktop_app.meals import figures as meals
from desktop_app.passports import figures as passports
from desktop_app.rosters import figures as rosters


def today_figures(s: Session, *, actor: Actor, day: date | None = None, station_id: int | None = None,
                  now: datetime | None = None) -> Today:
    """Every tile of the home page for ``day`` (default: today, local time): the actor's station for staff,
    the station chosen (or all) for a sub-district administrator."""
    require(actor, VIEW_DASHBOARD)
    from desktop_app.core import clock

    day = day or clock.today()
    now = now or datetime.now(UTC)
    built = enabled_keys()
    return Today(
        day=day,
        patrols=rosters.today(s, day=day, actor=actor, station_id=station_id) if "rosters" in built else None,
        meals=meals.today(s, day=day, actor=actor, station_id=station_id) if "meals" in built else None,
        desk=desk.today(s, day=day, now=now, actor=actor, station_id=station_id) if "desk" in built else None,
        stamps=passports.today(s, day=day, actor=actor, station_id=station_id) if "passports" in built else None,
        certificates=certificates.waiting(s, actor=actor, station_id=station_id) if "certificates" in built else None,
    )

