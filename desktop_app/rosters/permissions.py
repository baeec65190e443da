"""Every permission of the rosters feature (feature.py imports this without loading the use cases)."""

from desktop_app.core.auth import ALL_ROLES, STAFF, Permission, Role
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_ROSTERS = Permission(QT_TRANSLATE_NOOP("Permissions", "view rosters and volunteers"), STAFF)
MANAGE_ROSTERS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "manage teams, volunteers and rosters"), {Role.ADMIN, Role.COORDINATOR}
)
# Volunteers check themselves in at the kiosk too (meals has its own permission for dine-in meals).
CHECK_IN_VOLUNTEERS = Permission(QT_TRANSLATE_NOOP("Permissions", "check volunteers in and out"), ALL_ROLES)
MARK_ATTENDANCE = Permission(
    QT_TRANSLATE_NOOP("Permissions", "check in on behalf of volunteers and mark no-shows"), STAFF
)
CORRECT_HOURS = Permission(QT_TRANSLATE_NOOP("Permissions", "correct volunteer hours"), {Role.ADMIN, Role.COORDINATOR})
RECORD_FINDINGS = Permission(QT_TRANSLATE_NOOP("Permissions", "record patrol findings"), STAFF)
CERTIFY_HOURS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "read service hours for certificates"), {Role.ADMIN, Role.COORDINATOR}
)
