"""The home page in the main window (first in the navigation)."""

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.dashboard.permissions import VIEW_DASHBOARD
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.dashboard.ui.page import DashboardPage

    return DashboardPage(ctx)


FEATURE = Feature("dashboard", QT_TRANSLATE_NOOP("Navigation", "Home"), _page, VIEW_DASHBOARD, "Ctrl+0")
