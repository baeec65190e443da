"""How a feature offers its page to the main window (declared in desktop_app/<key>/feature.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from desktop_app.core.auth import Permission
from desktop_app.ui.context import AppContext


@dataclass(frozen=True)
class Feature:
    key: str  # also the --page NAME for screenshots
    title: str  # QT_TRANSLATE_NOOP("Navigation", "...")
    factory: Callable[[AppContext], QWidget]
    permission: Permission  # the page is shown only to roles that have it
    shortcut: str = ""  # e.g. "Ctrl+2"; the main window registers it with the navigation action
    warm: tuple[str, ...] = ()  # its modules its tabs import when first shown ("ui.day"), imported ahead (ui/warm.py)
