"""Every menu action declared once, with its text and shortcut (after picard's action registry)."""

from __future__ import annotations

from enum import Enum

from desktop_app.core.i18n import QT_TRANSLATE_NOOP


class Action(Enum):
    SIGN_OUT = (QT_TRANSLATE_NOOP("Actions", "Sign out"), "Ctrl+Shift+L")
    LOCK = (QT_TRANSLATE_NOOP("Actions", "Lock screen"), "Ctrl+L")
    SETTINGS = (QT_TRANSLATE_NOOP("Actions", "Settings…"), "Ctrl+,")
    CHANGE_PASSWORD = (QT_TRANSLATE_NOOP("Actions", "Change password…"), "")
    QUIT = (QT_TRANSLATE_NOOP("Actions", "Quit"), "Ctrl+Q")
    SHORTCUTS = (QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"), "F1")
    ABOUT = (QT_TRANSLATE_NOOP("Actions", "About SmileDesk"), "")

    @property
    def text(self) -> str:
        return self.value[0]

    @property
    def shortcut(self) -> str:
        return self.value[1]
