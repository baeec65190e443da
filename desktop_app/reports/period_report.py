"""The monthly / annual report: every section's figures for a period, as each feature counts them.

Qt-free. Each section comes from the feature that owns it (``desktop_app.<feature>.figures``, a few
grouped queries each); a feature left out of this installation (SMILEDESK_FEATURES) gives ``None`` for its
section. Counts are the station's own for staff; a sub-district administrator gets the station chosen, or
the sum of all of them. The definitions printed under the report's tables are in each figures module.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from desktop_app.certificates import figures as certificates
from desktop_app.core import clock
from desktop_app.core.auth import Actor, require
from desktop_app.core.exports import record_export
from desktop_app.core.memo import FigureMemo, has_ended
from desktop_app.desk import figures as desk
from desktop_app.features import enabled_keys
from desktop_app.meals import figures as meals
from desktop_app.passports import figures as passports
from desktop_app.reports.models import PeriodFigures, ReportKind, ReportPeriod
from desktop_app.reports.monthly import monthly_series
from desktop_app.reports.periods import check_period, last_months
from desktop_app.reports.permissions import VIEW_REPORTS
from desktop_app.reports.station_choice import effective_station, station_name
from desktop_app.rosters import figures as rosters


def period_figures(s: Session, *, actor: Actor, period: ReportPeriod, station_id: int | None = None,
                   now: datetime | None = None, memo: FigureMemo | None = None) -> PeriodFigures:
    """Every section of the monthly / annual report for ``period`` (sections of absent features are None).

    With a ``memo`` (core/memo.py; the page's) a period that has ended and was read lately comes from it."""
    require(actor, VIEW_REPORTS)
    check_period(period)
    station_id = effective_station(actor, station_id)
    today = clock.today()
    key = ("period", station_id, period.kind, period.start, period.end)
    if memo is not None and has_ended(period.end, today) and (kept := memo.get(key)) is not None:
        return kept
    stamp = memo.stamp() if memo is not None else None
    built = enabled_keys()
    out = PeriodFigures(period, station_id, station_name(s, station_id))
    if "desk" in built:
        out.desk = desk.period_figures(s, actor=actor, period=period, station_id=station_id, now=now)
    if "rosters" in built:
        out.patrol = rosters.period_figures(s, actor=actor, period=period, station_id=station_id)
    if "meals" in built:
        out.meals = meals.period_figures(s, actor=actor, period=period, station_id=station_id)
    if "passports" in built:
        out.stamps = passports.period_figures(s, actor=actor, period=period, station_id=station_id)
    if "certificates" in built:
        out.certificates = certificates.period_figures(s, actor=actor, period=period, station_id=station_id)
    several = period.kind == ReportKind.YEAR or len(list(period.months())) > 1
    chart = period if several else last_months(period.start, 6)
    out.monthly = monthly_series(s, actor=actor, period=chart, station_id=station_id, memo=memo, today=today)
    if memo is not None and stamp is not None and has_ended(period.end, today):
        memo.put(key, out, stamp)
    return out


def record_saved(s: Session, *, actor: Actor, what: str, period: ReportPeriod, path: str) -> None:
    """A report left the program as a file (PDF or workbook): audited like every export (core.exports)."""
    record_export(s, actor=actor, what=f"{what} {period.slug}", count=0, fields=[],
                  destination=str(path).replace("\\", "/").rsplit("/", 1)[-1])


def figures_now(engine, *, actor: Actor, period: ReportPeriod, station_id: int | None) -> PeriodFigures:
    """The figures of a period read again now, in a transaction of their own (an export's worker): a file
    gets the database as it is, never what a page's memo kept (core/memo.py)."""
    from desktop_app.core.db import session_scope

    with session_scope(engine, write=False) as s:
        return period_figures(s, actor=actor, period=period, station_id=station_id)
