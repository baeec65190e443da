"""Who may open the dashboard page (imported by feature.py without loading the service and its models)."""

from desktop_app.core.auth import STAFF, Permission
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_DASHBOARD = Permission(QT_TRANSLATE_NOOP("Permissions", "see the home page figures"), STAFF)
