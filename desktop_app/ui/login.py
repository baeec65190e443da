"""The sign-in dialog (also the lock screen). The first-run set-up is the wizard (ui/wizard.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop_app import settings as opts
from desktop_app.core import auth
from desktop_app.ui import ops
from desktop_app.ui.messages import report_text

SHOW_PROGRESS_AFTER_MS = 2000  # checking a password takes a fraction of a second; a busy disk longer


class LoginDialog(QDialog):
    """User name and password. Checking them runs off the GUI thread (``auth.sign_in`` in its own
    transaction keeps the failed-attempt counter); on success the person's station name is read too
    (``station_name``: the main window's title)."""

    def __init__(self, engine, station_name: str = "", username: str = "", parent=None, locked: bool = False) -> None:
        super().__init__(parent)
        self.engine = engine
        self.actor: auth.Actor | None = None
        self.station_name = station_name
        self.setWindowTitle(self.tr("Sign in — SmileDesk"))
        title = QLabel(station_name or self.tr("SmileDesk"))
        title.setObjectName("loginTitle")  # looks: resources/styles/*.qss
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        if locked:
            self.error.setText(self.tr("The screen was locked. Sign in to continue."))
            self.error.setProperty("tone", "note")
            self.error.show()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        engine, username, password = self.engine, self.username.text(), self.password.text()
        self.buttons.setEnabled(False)
        ops.run_op(self, lambda _progress: auth.sign_in(engine, username=username, password=password),
                   self._signed_in, self._refused, title=self.tr("Signing in…"), cancellable=False,
                   show_after_ms=SHOW_PROGRESS_AFTER_MS)

    def _signed_in(self, actor: auth.Actor) -> None:
        self.actor = actor
        ops.query(self, self.engine, lambda s: opts.station_name(s, actor.station_id), self._station_known,
                  on_error=self._refused)

    def _station_known(self, name: str) -> None:
        self.station_name = name
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        """Wrong password, a locked account, a database that refuses: said in the dialog, which stays open."""
        self.actor = None
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setProperty("tone", "")
        self.error.style().unpolish(self.error)
        self.error.style().polish(self.error)
        self.error.setText(report_text(exc))
        self.error.show()
