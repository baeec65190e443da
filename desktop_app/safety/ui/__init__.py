"""The dialogs of data safety, for the administration page and for start-up (app.py)."""

from desktop_app.safety.ui.audit_key import AuditKeyDialog
from desktop_app.safety.ui.dialogs import (
    BackupDialog,
    DamagedDatabaseDialog,
    RestoreDialog,
    check_at_startup,
    check_in_background,
    failure_text,
    report_backup_failure,
)
from desktop_app.safety.ui.passphrase import (
    EncryptionDialog,
    PassphraseDialog,
    encryption_dialog,
    unlock_at_startup,
)
from desktop_app.safety.ui.personal_data import PersonalDataDialog

__all__ = ["AuditKeyDialog", "BackupDialog", "DamagedDatabaseDialog", "EncryptionDialog", "PassphraseDialog",
           "PersonalDataDialog", "RestoreDialog",
           "check_at_startup", "check_in_background", "encryption_dialog", "failure_text", "report_backup_failure",
           "unlock_at_startup"]
