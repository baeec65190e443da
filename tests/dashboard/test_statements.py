"""The home page's figures take a few grouped statements whatever the number of months (issue 21: one query
per month took 54 statements and a full scan of the hours ledger per month for 12 months)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from desktop_app.core.db import session_scope
from desktop_app.dashboard import charts, today

MOST = 20  # today's tiles, the monthly series and the desk's categories together


def _statements(engine, work) -> list[str]:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with session_scope(engine, write=False) as s:
            work(s)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return seen


@pytest.mark.parametrize("who", ["staff", "office"])
def test_the_dashboards_figures_do_not_grow_with_the_months(engine, two_stations, who):
    st = two_stations
    actor = st.actor("front_desk", st.a) if who == "staff" else st.office
    day = date(2026, 10, 15)

    def figures(months):
        def work(s):
            today.today_figures(s, actor=actor, day=day)
            charts.chart_series(s, actor=actor, months=months, today=day)
            charts.desk_categories(s, actor=actor, months=months, today=day)
        return _statements(engine, work)

    counts = {months: len(figures(months)) for months in (1, 6, 12, 24, 120)}
    assert len(set(counts.values())) == 1, f"statements per number of months: {counts}"
    assert counts[12] <= MOST, "\n\n".join(figures(12))


def test_the_reports_figures_do_not_grow_with_the_months(engine, two_stations):
    from desktop_app.reports.models import ReportPeriod
    from desktop_app.reports.period_report import period_figures

    actor = two_stations.actor("front_desk", two_stations.a)
    month = _statements(engine, lambda s: period_figures(s, actor=actor, period=ReportPeriod.month(2026, 10)))
    year = _statements(engine, lambda s: period_figures(s, actor=actor, period=ReportPeriod.year(2026)))
    assert len(month) == len(year) <= 30
