"""Message boxes that tests can drive (after qutebrowser's msgbox): non-blocking, returned to the caller.

``show_error`` turns a SmileDeskError into its translated, specific message; anything else is a bug:
it is logged with its traceback and the user sees where the log file is.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.errors import SmileDeskError

log = logging.getLogger(__name__)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)  # gone once read (ui.widgets.deleted_when_closed)
    box.setTextInteractionFlags(box.textInteractionFlags())
    box.open()  # window-modal, returns at once; tests wait for box.finished
    return box


def error_text(exc: BaseException) -> str:
    if isinstance(exc, SmileDeskError):
        return exc.text()
    # No exception name: it says nothing to the desk; the log file has the details for whoever helps.
    return QCoreApplication.translate("Messages", "Something unexpected went wrong. The details were written to the "
                                                  "log file; tell whoever looks after this computer.")


def report_text(exc: BaseException) -> str:
    """``error_text`` for a message shown inside a dialog (a form's error line) instead of a box: the same
    policy as ``show_error``, so a bug's traceback still goes to the log."""
    if not isinstance(exc, SmileDeskError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return error_text(exc)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    if not isinstance(exc, SmileDeskError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return message_box(parent, QMessageBox.Icon.Warning, QCoreApplication.translate("Messages", "Not saved") if isinstance(exc, SmileDeskError) else QCoreApplication.translate("Messages", "Error"), error_text(exc))


def show_info(parent: QWidget | None, text: str, title: str = "") -> QMessageBox:
    return message_box(parent, QMessageBox.Icon.Information, title or QCoreApplication.translate("Messages", "SmileDesk"), text)


class Confirm:
    """A yes/no question. Tests monkeypatch ``Confirm.ask`` (pytest-qt's dialog note)."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str, title: str = "") -> bool:
        answer = QMessageBox.question(parent, title or QCoreApplication.translate("Messages", "Please confirm"), text)
        return answer == QMessageBox.StandardButton.Yes
