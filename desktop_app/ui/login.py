"""First-run set-up (station + administrator) and the sign-in dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP


class _ErrorLabel(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_error(self, exc: BaseException) -> None:
        self.setText(exc.text() if isinstance(exc, SmileDeskError) else str(exc))
        self.show()


class SetupDialog(QDialog):
    """First start: the station's name and its administrator account; optional demo data."""

    def __init__(self, engine, parent=None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.actor: auth.Actor | None = None
        self.setWindowTitle(self.tr("Welcome to SmileDesk — first start"))
        intro = QLabel(self.tr("Set up this station. You can change everything later in Settings."))
        intro.setWordWrap(True)
        self.station = QLineEdit()
        self.station.setObjectName("stationName")
        self.station.setPlaceholderText(self.tr("e.g. 逍遥津社区党群服务中心"))
        self.code = QLineEdit("SQK")
        self.code.setObjectName("stationCode")
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.display = QLineEdit()
        self.display.setObjectName("displayName")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.demo = QCheckBox(self.tr("Load demo data (fictional residents and records) to try things out"))
        self.demo.setObjectName("demoData")
        form = QFormLayout()
        form.addRow(self.tr("Station name"), self.station)
        form.addRow(self.tr("Station code (for certificate numbers)"), self.code)
        form.addRow(self.tr("Administrator user name"), self.username)
        form.addRow(self.tr("Administrator's name"), self.display)
        form.addRow(self.tr("Password (8+ characters)"), self.password)
        form.addRow(self.tr("Password again"), self.password2)
        self.error = _ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create station"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.demo)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    def submit(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.show_error(
                ValidationError(
                    QT_TRANSLATE_NOOP("Fields", "Password again"),
                    QT_TRANSLATE_NOOP("Errors", "does not match the password; type the same password twice."),
                )
            )
            return
        try:
            with session_scope(self.engine) as s:
                self.actor = auth.create_first_admin(
                    s, station_name=self.station.text(), username=self.username.text(),
                    display_name=self.display.text(), password=self.password.text(), station_code=self.code.text(),
                )
        except SmileDeskError as exc:
            self.error.show_error(exc)
            return
        self.accept()


class LoginDialog(QDialog):
    def __init__(self, engine, station_name: str = "", username: str = "", parent=None, locked: bool = False) -> None:
        super().__init__(parent)
        self.engine = engine
        self.actor: auth.Actor | None = None
        self.setWindowTitle(self.tr("Sign in — SmileDesk"))
        title = QLabel(station_name or self.tr("SmileDesk"))
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: bold; padding: 8px;")
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.error = _ErrorLabel()
        if locked:
            self.error.setText(self.tr("The screen was locked. Sign in to continue."))
            self.error.setStyleSheet("color: #555;")
            self.error.show()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(380)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        try:
            self.actor = auth.sign_in(self.engine, username=self.username.text(), password=self.password.text())
        except SmileDeskError as exc:
            self.password.clear()
            self.error.setStyleSheet("color: #b00020;")
            self.error.show_error(exc)
            return
        self.accept()
