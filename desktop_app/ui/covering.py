"""The signed-in person's windows off the screen while the lock prompt shows (issue 19 item 2).

The idle lock used to hide the main window only: an open resident dialog, with a revealed ID number, stayed on
screen over the sign-in prompt. ``app.Session.lock`` covers every window first, then uncovers them for the same
person or closes them for anyone else.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget


def cover_windows(app) -> list[tuple[QWidget, bool]]:
    """Take every window of the signed-in person off the screen before the lock prompt shows: the main window
    and every dialog (a resident's dialog may show a revealed ID number). A dialog waiting in its own event loop
    (exec) is minimised — hiding it would end its loop as if Cancel was pressed, losing what was typed; every
    other window is hidden. Returns (window, minimised) for ``uncover_windows``."""
    covered: list[tuple[QWidget, bool]] = []
    for w in app.topLevelWidgets():
        if not w.isVisible() or w.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            continue
        modal = isinstance(w, QDialog) and w.isModal()
        if modal:
            w.showMinimized()
        else:
            w.hide()
        covered.append((w, modal))
    return covered


def uncover_windows(covered: list[tuple[QWidget, bool]]) -> None:
    from shiboken6 import isValid

    for w, modal in covered:
        if isValid(w):
            w.showNormal() if modal else w.show()


def close_windows(covered: list[tuple[QWidget, bool]]) -> None:
    """Someone else signed in at the lock prompt (or nobody): the previous person's windows go, unsaved."""
    from shiboken6 import isValid

    for w, modal in covered:
        if isValid(w):
            if modal:
                w.reject()
            else:
                w.close()
