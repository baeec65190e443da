"""Every permission of the meals feature: the meals rows of the role × use-case matrix.

feature.py imports VIEW_MEALS from here without loading the use cases and their models."""

from desktop_app.core.auth import ALL_ROLES, STAFF, Permission, Role
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

VIEW_MEALS = Permission(QT_TRANSLATE_NOOP("Permissions", "view meal assistance"), STAFF)
MANAGE_RECIPIENTS = Permission(
    QT_TRANSLATE_NOOP("Permissions", "add or edit meal recipients and pauses"), {Role.ADMIN, Role.COORDINATOR}
)
RUN_MEAL_DAY = Permission(
    QT_TRANSLATE_NOOP("Permissions", "generate meal orders and routes"), {Role.ADMIN, Role.COORDINATOR}
)
RECORD_DELIVERIES = Permission(QT_TRANSLATE_NOOP("Permissions", "record deliveries and welfare checks"), STAFF)
# Serving at the canteen counter (堂食), not rosters' check-in of volunteers (签到).
SERVE_DINE_IN = Permission(QT_TRANSLATE_NOOP("Permissions", "check in dine-in meals"), ALL_ROLES)
TAKE_PAYMENTS = Permission(QT_TRANSLATE_NOOP("Permissions", "take meal account top-ups"), {Role.ADMIN, Role.FRONT_DESK})
CORRECT_ACCOUNTS = Permission(QT_TRANSLATE_NOOP("Permissions", "correct meal accounts"), {Role.ADMIN})
MANAGE_RATES = Permission(
    QT_TRANSLATE_NOOP("Permissions", "change meal prices, subsidy tiers and meal settings"), {Role.ADMIN}
)
KEEP_SAMPLES = Permission(QT_TRANSLATE_NOOP("Permissions", "keep and discard food samples"), STAFF)
PRINT_MONTH = Permission(
    QT_TRANSLATE_NOOP("Permissions", "print meal statements and subsidy claims"), {Role.ADMIN, Role.COORDINATOR}
)

