"""The residents page in the main window."""

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.residents.permissions import VIEW_RESIDENTS
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.residents.ui.page import ResidentsPage

    return ResidentsPage(ctx)


FEATURE = Feature("residents", QT_TRANSLATE_NOOP("Navigation", "Residents"), _page, VIEW_RESIDENTS, "Ctrl+1")
