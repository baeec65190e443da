"""Every permission of data safety: backups, restore, encryption at rest, stations, personal-data requests."""

from __future__ import annotations

from desktop_app.core.auth import STAFF, Permission, Role
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

# A backup is an unmasked copy of every resident: the roles that see numbers in full make one, into the
# station's backup folder; only an administrator writes one anywhere else (a USB drive of their choosing).
MAKE_BACKUP = Permission(QT_TRANSLATE_NOOP("Permissions", "back up the database"), {Role.ADMIN, Role.FRONT_DESK})
BACKUP_ELSEWHERE = Permission(QT_TRANSLATE_NOOP("Permissions", "back up the database into another folder"), {Role.ADMIN})
RESTORE_BACKUP = Permission(QT_TRANSLATE_NOOP("Permissions", "restore the database from a backup"), {Role.ADMIN})
ENCRYPT_DATABASE = Permission(QT_TRANSLATE_NOOP("Permissions", "encrypt or decrypt the database"), {Role.ADMIN})
MANAGE_STATIONS = Permission(QT_TRANSLATE_NOOP("Permissions", "manage the sub-district's stations"), {Role.ADMIN})
STAFF_VIEW = Permission(QT_TRANSLATE_NOOP("Permissions", "see stations"), STAFF)

EXPORT_PERSONAL = Permission(QT_TRANSLATE_NOOP("Permissions", "export a resident's personal data"), {Role.ADMIN})
ERASE_PERSONAL = Permission(QT_TRANSLATE_NOOP("Permissions", "erase a resident's personal data"), {Role.ADMIN})
REVEAL_FIELD = Permission(
    QT_TRANSLATE_NOOP("Permissions", "see full personal fields"), {Role.ADMIN, Role.FRONT_DESK, Role.COORDINATOR}
)
