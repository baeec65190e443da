"""Monthly and annual reports (figures, PDF, Excel), and the Excel import of the stations' registers (台账).

The public API: the report's figures for a period, the month-by-month series the home page charts, and
the stations an actor may choose. The names are imported when first used: the main window imports
``reports.feature`` at start-up, and the figures bring every feature's tables with them (~0.2 s).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.reports.models import MonthPoint, PeriodFigures, ReportKind, ReportPeriod
    from desktop_app.reports.monthly import monthly_series
    from desktop_app.reports.period_report import period_figures
    from desktop_app.reports.periods import last_months
    from desktop_app.reports.permissions import VIEW_REPORTS
    from desktop_app.reports.station_choice import stations

__all__ = ["VIEW_REPORTS", "MonthPoint", "PeriodFigures", "ReportKind", "ReportPeriod", "last_months", "monthly_series",
           "period_figures", "stations"]


def __getattr__(name: str):
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from desktop_app.reports.models import MonthPoint, PeriodFigures, ReportKind, ReportPeriod
    from desktop_app.reports.monthly import monthly_series
    from desktop_app.reports.period_report import period_figures
    from desktop_app.reports.periods import last_months
    from desktop_app.reports.permissions import VIEW_REPORTS
    from desktop_app.reports.station_choice import stations

    api = {"VIEW_REPORTS": VIEW_REPORTS, "MonthPoint": MonthPoint, "PeriodFigures": PeriodFigures, "ReportKind": ReportKind, "ReportPeriod": ReportPeriod,
           "last_months": last_months, "monthly_series": monthly_series, "period_figures": period_figures, "stations": stations}
    globals().update(api)
    return api[name]
