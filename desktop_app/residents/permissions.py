"""Every permission of the residents feature (feature.py imports this without loading the use cases)."""

from desktop_app.core.auth import STAFF, Permission, Role
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_RESIDENTS = Permission(QT_TRANSLATE_NOOP("Permissions", "view residents"), STAFF)
EDIT_RESIDENTS = Permission(QT_TRANSLATE_NOOP("Permissions", "add or edit residents"), STAFF)
REVEAL_PERSONAL = Permission(
    QT_TRANSLATE_NOOP("Permissions", "see full ID numbers and phone numbers"), {Role.ADMIN, Role.FRONT_DESK}
)
