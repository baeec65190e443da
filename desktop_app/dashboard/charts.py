"""The home page's charts: the months up to this one, from the reports' monthly series and the desk.

Qt-free. Each feature counts its months in a few grouped queries over the whole span, never one per month.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from desktop_app import reports
from desktop_app.core.auth import Actor, require
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import clean_count
from desktop_app.dashboard.permissions import VIEW_DASHBOARD
from desktop_app.desk import figures as desk
from desktop_app.features import enabled_keys

F_MONTHS = QT_TRANSLATE_NOOP("Fields", "Months shown")


def chart_series(s: Session, *, actor: Actor, months: int = 12, station_id: int | None = None,
                 today: date | None = None, memo: reports.FigureMemo | None = None) -> list[reports.MonthPoint]:
    """The home page charts: ``months`` months up to this one (the reports' monthly series); with the page's
    ``memo`` the months that have ended come from it while they are fresh (core/memo.py)."""
    require(actor, VIEW_DASHBOARD)
    months = clean_count(months, F_MONTHS, 1, 120)
    from desktop_app.core import clock

    today = today or clock.today()
    span = reports.last_months(today, months)
    return reports.monthly_series(s, actor=actor, period=span, station_id=station_id, memo=memo, today=today)


def desk_categories(s: Session, *, actor: Actor, months: int = 12, station_id: int | None = None,
                    today: date | None = None) -> list[tuple[str, list[int]]]:
    """Desk records received per category and month (stacked bar chart): [(category source name, counts)]."""
    require(actor, VIEW_DASHBOARD)
    months = clean_count(months, F_MONTHS, 1, 120)
    if "desk" not in enabled_keys():
        return []
    from desktop_app.core import clock

    span = reports.last_months(today or clock.today(), months)
    keys = [f"{m.start:%Y-%m}" for m in span.months()]
    rows = desk.received_by_category(s, actor=actor, period=span, station_id=station_id)
    return [(name, [by_month.get(k, 0) for k in keys]) for name, by_month in rows]
