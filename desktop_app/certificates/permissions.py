"""Every permission of the certificates feature (feature.py imports VIEW_CERTIFICATES for the page)."""

from desktop_app.core.auth import ALL_ROLES, STAFF, Permission, Role
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "view the certificate register"), STAFF)
REQUEST_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "request certificates"), STAFF)
# The kiosk's scan may reach an honour level: it queues that honour's certificate (and learns only its number).
QUEUE_HONOURS = Permission(QT_TRANSLATE_NOOP("Permissions", "queue honour certificates"), ALL_ROLES)
ISSUE_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "issue certificates"), {Role.ADMIN, Role.COORDINATOR})
PRINT_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "print and reprint certificates"), STAFF)
REVOKE_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "revoke certificates"), {Role.ADMIN, Role.COORDINATOR})
EXPORT_CERTIFICATES = Permission(
    QT_TRANSLATE_NOOP("Permissions", "export service records for the national volunteer system"), {Role.ADMIN, Role.COORDINATOR}
)
CONFIGURE_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "change certificate templates"), {Role.ADMIN})
