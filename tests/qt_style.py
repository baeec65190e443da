"""Tests clear the application's style sheet (``app.setStyleSheet("")``) to leave no style behind; the app never
does (``settings_dialog.NO_STYLE_SHEET``). Clearing deletes Qt's style-sheet caches, and a widget styled but never
shown — a hidden scroll bar measured for its size hint — is stored in the next caches with no ``destroyed`` hook:
after it is deleted, the next ``setStyleSheet`` walks freed memory. The worker crashes of 2026-12 (meals page,
wizard) were that: a dialog from an earlier test in the process deleted between two of these. One widget with a
style sheet of its own, kept for the session, keeps a style-sheet style alive, so the caches are never deleted
(tests/ui/test_style_cache.py)."""

from __future__ import annotations

_keeper = None


def keep_style_caches(app) -> None:
    """Keep Qt's style-sheet caches for the life of the process, whatever the tests set and clear."""
    global _keeper
    if _keeper is None:
        from PySide6.QtWidgets import QWidget

        _keeper = QWidget()
        _keeper.setObjectName("styleCacheKeeper")
        _keeper.setStyleSheet("/* keeps Qt's style-sheet caches for the process (tests/qt_style.py) */")
