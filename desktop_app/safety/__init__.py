"""Data safety: backups and restore, the start-up integrity check, encryption at rest, personal-data
requests (PIPL), several stations on one database.

The public API other parts of the app use; its dialogs are ``desktop_app.safety.ui``.
"""

from desktop_app.safety.at_rest import is_encrypted
from desktop_app.safety.backups import automatic_backup, backup_folder, last_failure, set_backup_folder
from desktop_app.safety.integrity import audit_problems
from desktop_app.safety.models import BackupFailure, BackupKind
from desktop_app.safety.permissions import EXPORT_PERSONAL
from desktop_app.safety.stations import (
    add_station,
    assign_station,
    bootstrap_allowed,
    find_station,
    list_stations,
    residents_by_station,
    typed_id,
)

__all__ = ["EXPORT_PERSONAL", "BackupFailure", "BackupKind", "add_station", "assign_station", "audit_problems",
           "automatic_backup", "backup_folder", "bootstrap_allowed", "find_station", "is_encrypted", "last_failure",
           "list_stations", "residents_by_station",
           "set_backup_folder", "typed_id"]
