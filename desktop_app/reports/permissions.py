"""Every permission of the reports (VIEW_REPORTS is imported by feature.py without loading the figures)."""

from desktop_app.core.auth import STAFF, Permission, Role
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_REPORTS = Permission(QT_TRANSLATE_NOOP("Permissions", "see reports and station figures"), STAFF)
PRINT_REPORTS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "print monthly and annual reports"), {Role.ADMIN, Role.COORDINATOR, Role.FRONT_DESK}
)
IMPORT_REGISTERS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "import registers from Excel"), {Role.ADMIN, Role.COORDINATOR}
)
