"""Every permission of the desk (the role × use-case matrix is tested in tests/desk/test_permissions.py);
feature.py imports this without loading the use cases."""

from desktop_app.core.auth import STAFF, Permission, Role
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_VISITS = Permission(QT_TRANSLATE_NOOP("Permissions", "view desk records"), STAFF)
RECORD_VISITS = Permission(QT_TRANSLATE_NOOP("Permissions", "record visits"), STAFF)
HANDLE_REQUESTS = Permission(QT_TRANSLATE_NOOP("Permissions", "handle requests through the loop"), STAFF)
ESCALATE = Permission(QT_TRANSLATE_NOOP("Permissions", "escalate overdue requests"), {Role.ADMIN, Role.COORDINATOR})
MANAGE_CATEGORIES = Permission(QT_TRANSLATE_NOOP("Permissions", "edit desk categories"), {Role.ADMIN})
VIEW_FIGURES = Permission(QT_TRANSLATE_NOOP("Permissions", "see desk figures"), STAFF)
