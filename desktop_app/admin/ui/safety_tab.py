"""Data safety on the administration page: back up, restore, encryption at rest, a resident's copy of their
personal data (print, PDF, JSON), and a failed automatic backup told until one succeeds (the safety feature's
dialogs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app import safety
from desktop_app.core.db import sqlite_path
from desktop_app.safety import ui as safety_ui
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets import deleted_when_closed, open_single


class SafetyTab(QWidget):
    """Back up, restore and encryption at rest (the safety feature's dialogs)."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.failure = QLabel()
        self.failure.setObjectName("backupFailure")  # looks: resources/styles/*.qss
        self.failure.setWordWrap(True)
        self.failure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setObjectName("encryptionState")
        self.state.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.setObjectName("openBackup")
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setObjectName("openRestore")
        self.encrypt_button = QPushButton()
        self.encrypt_button.setObjectName("openEncryption")
        self.personal_button = QPushButton(self.tr("A resident's personal data (PIPL)…"))
        self.personal_button.setObjectName("openPersonalData")
        self.personal_button.setVisible(ctx.can(safety.EXPORT_PERSONAL))
        self.personal_dialog = None
        self.audit_key_button = QPushButton(self.tr("Audit key…"))  # also on a server: every PC keeps its own
        self.audit_key_button.setObjectName("openAuditKey")
        lay = QVBoxLayout(self)
        lay.addWidget(self.failure)
        for w in (self.backup_button, self.restore_button):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addSpacing(12)
        lay.addWidget(self.state)
        lay.addWidget(self.encrypt_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addSpacing(12)
        lay.addWidget(self.personal_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.audit_key_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        self.backup_button.clicked.connect(self.open_backup)
        self.restore_button.clicked.connect(self.open_restore)
        self.encrypt_button.clicked.connect(self.open_encryption)
        self.personal_button.clicked.connect(self.open_personal_data)
        self.audit_key_button.clicked.connect(self.open_audit_key)
        self.refresh()

    def refresh(self) -> None:
        """From the file itself (its first bytes) and the data dir's backup status: no database query."""
        failure = safety.last_failure(self.ctx.engine)
        self.failure.setText(safety_ui.failure_text(failure) if failure is not None else "")
        self.failure.setVisible(failure is not None)
        path = sqlite_path(self.ctx.engine)
        encrypted = safety.is_encrypted(self.ctx.engine)
        if path is None:
            self.state.setText(self.tr("The database is on a server: back it up and encrypt it there."))
            for w in (self.backup_button, self.restore_button, self.encrypt_button):
                w.setEnabled(False)
        elif encrypted:
            self.state.setText(self.tr("Encryption: the database file is encrypted (SQLCipher). Its backups are encrypted with the same passphrase."))
        else:
            self.state.setText(self.tr("Encryption: the database file is not encrypted. On a laptop or a kiosk, encrypt it so a lost computer or backup does not expose residents' data."))
        self.encrypt_button.setText(self.tr("Decrypt the database…") if encrypted else self.tr("Encrypt the database…"))

    def open_backup(self) -> None:
        deleted_when_closed(safety_ui.BackupDialog(self.ctx, self)).exec()
        self.refresh()  # a backup that succeeded clears a failure

    def open_restore(self) -> None:
        deleted_when_closed(safety_ui.RestoreDialog(self.ctx, self)).exec()

    def open_personal_data(self) -> None:
        """A resident's copy of their personal data: print it, or save it as PDF or JSON."""
        self.personal_dialog = open_single(self, "personal-data", lambda: safety_ui.PersonalDataDialog(self.ctx, self))
        self.personal_dialog.show()

    def open_encryption(self) -> None:
        safety_ui.encryption_dialog(self.ctx, self)
        self.refresh()

    def open_audit_key(self) -> None:
        self.audit_key_dialog = safety_ui.AuditKeyDialog(self.ctx, self)
        self.audit_key_dialog.open()
