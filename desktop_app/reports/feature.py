"""The reports page in the main window."""

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.reports.permissions import VIEW_REPORTS
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.reports.ui.page import ReportsPage

    return ReportsPage(ctx)


FEATURE = Feature("reports", QT_TRANSLATE_NOOP("Navigation", "Reports"), _page, VIEW_REPORTS, "Ctrl+7")
