"""The rosters page in the main window (志愿排班)."""

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.rosters.permissions import VIEW_ROSTERS
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.rosters.ui.page import RostersPage

    return RostersPage(ctx)


FEATURE = Feature("rosters", QT_TRANSLATE_NOOP("Navigation", "Volunteer rosters"), _page, VIEW_ROSTERS, "Ctrl+3")
