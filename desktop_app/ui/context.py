"""What every page is given: the database engine, the signed-in user, settings, navigation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings
from sqlalchemy.engine import Engine

from desktop_app.core.auth import Actor, Permission, allowed
from desktop_app.interfaces import Services


@dataclass
class AppContext:
    engine: Engine
    actor: Actor
    settings: QSettings
    station_name: str = ""
    navigate: Callable[[str], None] = field(default=lambda key: None)
    # What other features offer where the dependency may not point (built by app.py; interfaces.py).
    services: Services = field(default_factory=Services)

    def can(self, permission: Permission) -> bool:
        return allowed(self.actor, permission)
