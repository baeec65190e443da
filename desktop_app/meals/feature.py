"""The meals page in the main window."""

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.meals.permissions import VIEW_MEALS
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.meals.ui.page import MealsPage

    return MealsPage(ctx)


FEATURE = Feature("meals", QT_TRANSLATE_NOOP("Navigation", "Meals"), _page, VIEW_MEALS, "Ctrl+4",
                  warm=("ui.day", "ui.recipients", "ui.accounts", "ui.samples"))
