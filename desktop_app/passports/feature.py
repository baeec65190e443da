"""The passports page in the main window (微笑护照)."""

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.passports.permissions import VIEW_PASSPORTS
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.passports.ui.page import PassportsPage

    return PassportsPage(ctx)


FEATURE = Feature("passports", QT_TRANSLATE_NOOP("Navigation", "Smile passports"), _page, VIEW_PASSPORTS, "Ctrl+5",
                  warm=("ui.desk", "ui.activities", "ui.rewards", "ui.settings"))
