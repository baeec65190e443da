"""Monthly and annual reports (figures, PDF, Excel), and the Excel import of the stations' registers (台账).

The public API: the report's figures for a period, the month-by-month series the home page charts, and
the stations an actor may choose. Each name is imported when first used: the main window imports
``reports.feature`` at start-up, and the figures bring every feature's tables with them (~0.2 s).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.memo import FigureMemo
    from desktop_app.reports.models import MonthPoint, PeriodFigures, ReportKind, ReportPeriod
    from desktop_app.reports.monthly import monthly_series
    from desktop_app.reports.period_report import period_figures
    from desktop_app.reports.periods import last_months
    from desktop_app.reports.permissions import VIEW_REPORTS
    from desktop_app.reports.station_choice import stations

__all__ = ["VIEW_REPORTS", "FigureMemo", "MonthPoint", "PeriodFigures", "ReportKind", "ReportPeriod", "last_months", "monthly_series",
           "period_figures", "stations"]


def __getattr__(name: str) -> object:
    """Each name imported when first asked for, and only what it needs (the stations list needs no figures)."""
    value: object
    if name == "VIEW_REPORTS":
        from desktop_app.reports.permissions import VIEW_REPORTS as value
    elif name == "stations":
        from desktop_app.reports.station_choice import stations as value
    elif name == "last_months":
        from desktop_app.reports.periods import last_months as value
    elif name == "FigureMemo":
        from desktop_app.core.memo import FigureMemo as value
    elif name == "monthly_series":
        from desktop_app.reports.monthly import monthly_series as value
    elif name == "period_figures":
        from desktop_app.reports.period_report import period_figures as value
    elif name in ("MonthPoint", "PeriodFigures", "ReportKind", "ReportPeriod"):
        from desktop_app.reports.models import MonthPoint, PeriodFigures, ReportKind, ReportPeriod

        value = {"MonthPoint": MonthPoint, "PeriodFigures": PeriodFigures, "ReportKind": ReportKind,
                 "ReportPeriod": ReportPeriod}[name]
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
