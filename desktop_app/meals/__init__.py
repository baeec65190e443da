"""Elderly meal assistance (老年助餐): recipients, orders, deliveries, welfare checks, accounts, samples.

The public API other features use (the Excel import adds and updates recipients), imported on first use:
feature.py, which the main window imports at start-up, loads only permissions.py through this package.
Inside the feature: models.py, permissions.py, labels.py, the use cases by what the user does
(recipients, rates, settings, accounts, orders, deliveries, welfare, samples, statements), pdf.py and
excel.py, and ui/.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.meals.models import (
        DIETS,
        MEALS,
        MealRecipient,
        MealRecipientBase,
        MealRecipientCreate,
        SubsidyTier,
        schedule_bit,
    )
    from desktop_app.meals.papers import morning_papers
    from desktop_app.meals.recipients import create_recipient, update_recipient

__all__ = [
    "DIETS",
    "MEALS",
    "MealRecipient",
    "MealRecipientBase",
    "MealRecipientCreate",
    "SubsidyTier",
    "create_recipient",
    "morning_papers",
    "schedule_bit",
    "update_recipient",
]
_FROM_RECIPIENTS = {"create_recipient", "update_recipient"}


def __getattr__(name: str) -> Any:
    module: ModuleType
    if name in _FROM_RECIPIENTS:
        from desktop_app.meals import recipients as module
    elif name == "morning_papers":
        from desktop_app.meals import papers as module
    elif name in __all__:
        from desktop_app.meals import models as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
