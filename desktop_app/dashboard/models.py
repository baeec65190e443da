"""What the home page shows: today's tiles (each None when its feature is not part of this installation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.certificates.figures import CertificatesWaiting
    from desktop_app.desk.figures import DeskToday
    from desktop_app.meals.figures import MealsToday
    from desktop_app.passports.figures import StampsToday
    from desktop_app.rosters.figures import PatrolsToday


class TileState(StrEnum):
    """How a tile looks (resources/styles/*.qss style each state through the tile's ``state`` property)."""

    NORMAL = "normal"
    OK = "ok"  # everything covered
    ALERT = "alert"  # something needs a person today
    ABSENT = "absent"  # the feature is not part of this installation


@dataclass(frozen=True)
class Today:
    day: date
    patrols: PatrolsToday | None
    meals: MealsToday | None
    desk: DeskToday | None
    stamps: StampsToday | None
    certificates: CertificatesWaiting | None
