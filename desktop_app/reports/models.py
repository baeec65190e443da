"""What a report is about and what it holds: its period (a month, a year, or days chosen) and its figures.

Reports keep no tables: every section's figures are counted by the feature that owns them
(``desktop_app.<feature>.figures``) and gathered here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, month_title, year_title
from desktop_app.core.periods import Period

if TYPE_CHECKING:
    from desktop_app.certificates.figures import CertificateFigures
    from desktop_app.desk.figures import DeskFigures
    from desktop_app.meals.figures import MealFigures
    from desktop_app.passports.figures import StampFigures
    from desktop_app.rosters.figures import PatrolFigures

F_PERIOD = QT_TRANSLATE_NOOP("Fields", "Period")
F_MONTH = QT_TRANSLATE_NOOP("Fields", "Month")


class ReportKind(StrEnum):
    MONTH = "month"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True)
class ReportPeriod(Period):
    """The days a report covers, half-open like every ``core.periods.Period`` (``end`` excluded; people see
    ``last_day``), and whether it is a month, a year or days chosen."""

    kind: ReportKind = ReportKind.CUSTOM

    @classmethod
    def month(cls, year: int, month: int) -> ReportPeriod:
        p = Period.month(year, month)
        return cls(p.start, p.end, ReportKind.MONTH)

    @classmethod
    def year(cls, year: int) -> ReportPeriod:
        p = Period.year(year)
        return cls(p.start, p.end, ReportKind.YEAR)

    @classmethod
    def inclusive(cls, first: date, last: date) -> ReportPeriod:
        """From a person's "from … to …" (both days included)."""
        if first > last:
            raise ValidationError(F_PERIOD, QT_TRANSLATE_NOOP("Errors", "starts on {start}, after it ends ({end}); swap the dates."),
                                  start=first.isoformat(), end=last.isoformat())
        p = Period.inclusive(first, last)
        return cls(p.start, p.end, ReportKind.CUSTOM)

    @property
    def label(self) -> str:
        if self.kind == ReportKind.MONTH:
            return month_title(self.start.year, self.start.month)
        if self.kind == ReportKind.YEAR:
            return year_title(self.start.year)
        return f"{self.start.isoformat()} – {self.last_day.isoformat()}"

    @property
    def slug(self) -> str:
        if self.kind == ReportKind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == ReportKind.YEAR:
            return f"{self.start:%Y}"
        return f"{self.start:%Y%m%d}-{self.last_day:%Y%m%d}"


@dataclass(frozen=True)
class MonthPoint:
    """One month of the chart series."""

    year: int
    month: int
    desk_received: int = 0
    desk_closed: int = 0
    desk_on_time: int = 0
    desk_closed_rate: float | None = None
    desk_on_time_rate: float | None = None
    volunteer_hours: float = 0.0
    patrol_coverage: float | None = None
    meals_served: int = 0
    stamps: int = 0


@dataclass
class PeriodFigures:
    """Every section of the monthly / annual report (None: the feature is not part of this installation)."""

    period: ReportPeriod
    station_id: int | None
    station_name: str
    desk: DeskFigures | None = None
    patrol: PatrolFigures | None = None
    meals: MealFigures | None = None
    stamps: StampFigures | None = None
    certificates: CertificateFigures | None = None
    monthly: list[MonthPoint] = field(default_factory=list)
