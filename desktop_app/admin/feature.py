"""The administration page (administrators only)."""

from desktop_app.core.auth import MANAGE_STAFF
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.admin.ui.page import AdminPage  # imported on the first visit (start-up time)

    return AdminPage(ctx)


FEATURE = Feature("admin", QT_TRANSLATE_NOOP("Navigation", "Administration"), _page, MANAGE_STAFF, "Ctrl+9",
                  warm=("ui.safety_tab",))
