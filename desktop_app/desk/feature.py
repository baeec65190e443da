"""The desk page in the main window (来访登记)."""

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.desk.permissions import VIEW_VISITS
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.desk.ui.page import DeskPage

    return DeskPage(ctx)


FEATURE = Feature("desk", QT_TRANSLATE_NOOP("Navigation", "Service desk"), _page, VIEW_VISITS, "Ctrl+2")
