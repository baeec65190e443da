"""Change one's own password (also forced after a sign-in with a password others know, e.g. the demo's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop_app.core import auth
from desktop_app.ui import ops
from desktop_app.ui.messages import report_text


class PasswordDialog(QDialog):
    """``actor`` afterwards: the account as signed in from now on (no longer asked to change its password)."""

    def __init__(self, engine, actor, parent=None, *, forced: bool = False) -> None:
        super().__init__(parent)
        self.engine, self.actor = engine, actor
        self.setWindowTitle(self.tr("Change password"))
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.new2 = QLineEdit()
        for w, name in ((self.old, "old"), (self.new, "new"), (self.new2, "new2")):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setObjectName(name)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password (8+ characters)"), self.new)
        form.addRow(self.tr("New password again"), self.new2)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")  # looks: resources/styles/*.qss
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        if forced:
            note = QLabel(self.tr("This account's password is one others know (for example the demo's). Choose your own "
                                  "password before you continue."))
            note.setObjectName("forcedNote")
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            lay.addWidget(note)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def submit(self) -> None:
        if self.new.text() != self.new2.text():
            self.error.setText(self.tr("The two new passwords differ; type the same password twice."))
            return
        actor, old, new = self.actor, self.old.text(), self.new.text()
        self.buttons.setEnabled(False)
        ops.write(self, self.engine, lambda s: auth.change_password(s, actor=actor, old_password=old, new_password=new),
                  on_done=self._changed, on_error=self._refused)

    def _changed(self, actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(report_text(exc))
