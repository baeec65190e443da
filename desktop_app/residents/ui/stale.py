"""A save refused because someone saved the record after this form was loaded (core.records.StaleEdit):
say who and when, and offer to load their version into the form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.records import StaleEdit


def offer_reload(parent: QWidget, exc: StaleEdit, reload: Callable[[], None]) -> QMessageBox:
    """A non-blocking box with the message and Reload (runs ``reload``) or Close (the form keeps what was typed)."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("StaleEdit", "Changed on another computer"), exc.text(), parent=parent)
    box.setObjectName("staleEdit")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    again = box.addButton(QCoreApplication.translate("StaleEdit", "Reload"), QMessageBox.ButtonRole.AcceptRole)
    again.setObjectName("reload")
    box.addButton(QCoreApplication.translate("StaleEdit", "Close"), QMessageBox.ButtonRole.RejectRole)
    box.buttonClicked.connect(lambda button: reload() if button is again else None)
    box.open()
    return box
