"""Every permission of the passports feature (the role × use-case matrix is tested in
tests/passports/test_permissions.py). Light on purpose: feature.py imports it at start-up."""

from desktop_app.core.auth import ALL_ROLES, STAFF, Permission, Role
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_PASSPORTS = Permission(QT_TRANSLATE_NOOP("Permissions", "view passports and stamps"), STAFF)
ISSUE_PASSPORTS = Permission(QT_TRANSLATE_NOOP("Permissions", "issue or replace passports"), {Role.ADMIN, Role.FRONT_DESK})
AWARD_STAMPS = Permission(QT_TRANSLATE_NOOP("Permissions", "stamp passports at the desk"), STAFF)
CORRECT_STAMPS = Permission(QT_TRANSLATE_NOOP("Permissions", "correct stamps"), {Role.ADMIN, Role.FRONT_DESK})
REDEEM_REWARDS = Permission(QT_TRANSLATE_NOOP("Permissions", "redeem rewards"), {Role.ADMIN, Role.FRONT_DESK})
MANAGE_ACTIVITIES = Permission(QT_TRANSLATE_NOOP("Permissions", "manage activities"), {Role.ADMIN, Role.COORDINATOR})
MANAGE_REWARDS = Permission(QT_TRANSLATE_NOOP("Permissions", "manage rewards"), {Role.ADMIN, Role.COORDINATOR})
SIGN_UP = Permission(QT_TRANSLATE_NOOP("Permissions", "sign residents up for activities"), STAFF)
KIOSK_USE = Permission(QT_TRANSLATE_NOOP("Permissions", "use the passport kiosk"), ALL_ROLES)
VIEW_WALL = Permission(QT_TRANSLATE_NOOP("Permissions", "show the smile wall"), ALL_ROLES)
SET_WALL_CHOICE = Permission(QT_TRANSLATE_NOOP("Permissions", "record smile wall choices"), STAFF)
PATROL_STAMPS = Permission(QT_TRANSLATE_NOOP("Permissions", "award stamps for patrols"), {Role.ADMIN, Role.COORDINATOR})
KIOSK_SETTINGS = Permission(QT_TRANSLATE_NOOP("Permissions", "change kiosk settings"), {Role.ADMIN})
