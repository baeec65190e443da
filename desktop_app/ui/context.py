"""What every page is given: the database engine, the signed-in user, settings, navigation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings
from sqlalchemy.engine import Engine

from desktop_app.core.auth import Actor, Permission, allowed


@dataclass
class AppContext:
    engine: Engine
    actor: Actor
    settings: QSettings
    station_name: str = ""
    navigate: Callable[[str], None] = field(default=lambda key: None)
    # Services other features offer to pages, set by app.py (e.g. "resolve_code" for scanned QR codes).
    hooks: dict[str, Callable] = field(default_factory=dict)

    def can(self, permission: Permission) -> bool:
        return allowed(self.actor, permission)
