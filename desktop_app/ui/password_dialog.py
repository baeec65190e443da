"""Change one's own password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError


class PasswordDialog(QDialog):
    def __init__(self, engine, actor, parent=None) -> None:
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
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def submit(self) -> None:
        if self.new.text() != self.new2.text():
            self.error.setText(self.tr("The two new passwords differ; type the same password twice."))
            return
        try:
            with session_scope(self.engine) as s:
                auth.change_password(s, actor=self.actor, old_password=self.old.text(), new_password=self.new.text())
        except SmileDeskError as exc:
            self.error.setText(exc.text())
            return
        self.accept()
