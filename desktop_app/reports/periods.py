"""Choosing what a report covers: a month or a year typed by a person, checked; the months a chart shows."""

from __future__ import annotations

from datetime import date

from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.periods import Period
from desktop_app.reports.models import F_MONTH, F_PERIOD, ReportPeriod


def parse_period(text: str) -> ReportPeriod:
    """"2026-10" (a month) or "2026" (a year); full-width digits and 2026年10月 are accepted."""
    from desktop_app.core.validation import fold

    raw = fold(text).replace("年", "-").replace("月", "").replace("/", "-").replace(".", "-").strip("-")
    try:
        parts = [int(p) for p in raw.split("-") if p]
        if len(parts) == 1 and 2000 <= parts[0] <= 2100:
            return ReportPeriod.year(parts[0])
        if len(parts) == 2 and 2000 <= parts[0] <= 2100 and 1 <= parts[1] <= 12:
            return ReportPeriod.month(parts[0], parts[1])
    except ValueError:
        pass
    raise ValidationError(F_MONTH, QT_TRANSLATE_NOOP("Errors", "“{value}” is not a month; write it as 2026-10 (or 2026 for a year)."),
                          value=text[:20])


def check_period(period: Period) -> None:
    if len(period) > 366 * 5:
        raise ValidationError(F_PERIOD, QT_TRANSLATE_NOOP("Errors", "is longer than five years; choose a shorter period."))


def last_months(today: date, n: int) -> Period:
    """The ``n`` whole months up to and including the month of ``today``."""
    first = Period.month_of(today)
    year, month = first.start.year, first.start.month - (n - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return Period(Period.month(year, month).start, first.end)
