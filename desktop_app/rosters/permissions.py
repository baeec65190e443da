"""Who may open the rosters page (imported by feature.py without loading the service and its models)."""

from desktop_app.core.auth import STAFF, Permission
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_ROSTERS = Permission(QT_TRANSLATE_NOOP("Permissions", "view rosters and volunteers"), STAFF)
