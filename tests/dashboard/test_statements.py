"""The home page's figures take a few grouped statements whatever the number of months (issue 21: one query
per month took 54 statements and a full scan of the hours ledger per month for 12 months)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
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


def test_a_visit_reads_only_this_months_figures_and_refresh_reads_all(qtbot, app_fonts, ctx, wait_ops):
    """Issue 21: twelve months of a big station read at every visit of the home page (half a second)."""
    from desktop_app.dashboard.ui.page import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    wait_ops()
    spans: list[str] = []  # the first day each grouped count of meals starts from

    def keep(_conn, _cursor, statement, parameters, *_args) -> None:
        if "FROM meal_order" in statement and "GROUP BY meal_order.day" in statement:
            values = parameters.values() if isinstance(parameters, dict) else parameters  # psycopg: by name
            spans.append(str(min(str(p) for p in values if str(p)[:2] == "20")))

    event.listen(ctx.engine, "before_cursor_execute", keep)
    try:
        page.refresh()  # the page shown again
        wait_ops()
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
        wait_ops()
    finally:
        event.remove(ctx.engine, "before_cursor_execute", keep)
    from desktop_app.reports.periods import last_months

    this_month = date.today().replace(day=1)
    kept = page.memo.keys()
    assert len([k for k in kept if k[0] == "month"]) == 11, kept  # the eleven months before this one
    assert [k[0] for k in kept if k[0] != "month"] == ["national-due"], kept  # rosters.national.due's counts
    assert spans == [this_month.isoformat(), last_months(date.today(), 12).start.isoformat()], spans


def test_a_visit_with_nothing_new_keeps_the_charts(qtbot, app_fonts, ctx, wait_ops):
    """Issue 21: five charts rebuilt at every visit of the home page (40 ms on the GUI thread)."""
    from desktop_app.dashboard.ui.page import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    wait_ops()
    shown = dict(page.chart_views)
    page.refresh()
    wait_ops()
    assert page.chart_views == shown
