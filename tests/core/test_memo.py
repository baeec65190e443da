"""Figures of months that have ended are kept by the page that shows them (issue 21): a visit reads this
month's figures, not a year of records again; what changes in an ended month shows once the memo is
cleared (Refresh), stale (10 minutes), or — strictly, for reports — after this app's next write; exports
always read afresh."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desktop_app import desk
from desktop_app.core.db import session_scope
from desktop_app.core.memo import FigureMemo
from desktop_app.core.periods import Period
from desktop_app.reports.models import ReportPeriod
from desktop_app.reports.monthly import monthly_series
from desktop_app.reports.period_report import period_figures

TODAY = date.today()
THIS_MONTH = Period(TODAY.replace(day=1), (TODAY.replace(day=28) + timedelta(days=4)).replace(day=1))
LAST_MONTH_DAY = TODAY.replace(day=1) - timedelta(days=1)


def _visit(engine, admin, when: datetime) -> None:
    with session_scope(engine) as s:
        desk.create_record(s, actor=admin, category_code="consultation", summary="问路", walk_in_name="路人", received_at=when)


def _series(engine, admin, memo):
    with session_scope(engine, write=False) as s:
        points = monthly_series(s, actor=admin, period=Period(LAST_MONTH_DAY.replace(day=1), THIS_MONTH.end), memo=memo)
    return [p.desk_received for p in points]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_ended_months_come_from_the_memo_and_this_month_is_always_read(engine, admin):
    clock = Clock()
    memo = FigureMemo(clock=clock)
    last_month = datetime.combine(LAST_MONTH_DAY, datetime.min.time(), UTC).replace(hour=3)
    _visit(engine, admin, last_month)
    assert _series(engine, admin, memo) == [1, 0]
    _visit(engine, admin, last_month)  # back-dated: only a fresh read sees it
    _visit(engine, admin, datetime.now(UTC))
    assert _series(engine, admin, memo) == [1, 1]
    clock.now += memo.max_age + 1
    assert _series(engine, admin, memo) == [2, 1]
    _visit(engine, admin, last_month)
    memo.clear()  # the Refresh button
    assert _series(engine, admin, memo) == [3, 1]


def test_a_strict_memo_is_stale_after_a_write_of_this_app(engine, admin):
    writes = [0]
    memo = FigureMemo(strict=True, generation=lambda: writes[0])
    last_month = datetime.combine(LAST_MONTH_DAY, datetime.min.time(), UTC).replace(hour=3)
    period = ReportPeriod.month(LAST_MONTH_DAY.year, LAST_MONTH_DAY.month)

    def received() -> int:
        with session_scope(engine, write=False) as s:
            return period_figures(s, actor=admin, period=period, memo=memo).desk.total.received

    assert received() == 0
    _visit(engine, admin, last_month)
    assert received() == 0  # kept
    writes[0] += 1  # ui.ops counted a write
    assert received() == 1


def test_a_period_that_has_not_ended_is_never_kept(engine, admin):
    memo = FigureMemo()
    period = ReportPeriod.month(TODAY.year, TODAY.month)
    with session_scope(engine, write=False) as s:
        period_figures(s, actor=admin, period=period, memo=memo)
    _visit(engine, admin, datetime.now(UTC))
    with session_scope(engine, write=False) as s:
        assert period_figures(s, actor=admin, period=period, memo=memo).desk.total.received == 1


def test_the_reports_page_shows_kept_figures_but_exports_fresh_ones(qtbot, app_fonts, ctx, admin, tmp_path,
                                                                     monkeypatch, wait_ops):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.reports.ui import dialogs
    from desktop_app.reports.ui.page import ReportsPage

    page = ReportsPage(ctx)  # opens on last month
    qtbot.addWidget(page)
    wait_ops()
    assert page.figures.desk.total.received == 0
    _visit(ctx.engine, admin, datetime.combine(LAST_MONTH_DAY, datetime.min.time(), UTC).replace(hour=3))
    page.refresh()  # the page shown again: no write of this app since, the memo answers
    wait_ops()
    assert page.figures.desk.total.received == 0
    xlsx = tmp_path / "figures.xlsx"
    monkeypatch.setattr(dialogs.AskFile, "save", classmethod(lambda cls, *a: str(xlsx)))
    handle = page.save_excel()
    qtbot.waitUntil(lambda: handle.finished, timeout=20000)
    wait_ops()
    cells = [c.value for row in load_workbook(xlsx).worksheets[0].iter_rows() for c in row]
    assert 1 in cells, "the workbook has the back-dated visit"
    page.refresh()  # the export's audit was a write of this app: the memo no longer answers
    wait_ops()
    assert page.figures.desk.total.received == 1
    for box in page.findChildren(QMessageBox):  # "Figures saved to …"
        box.close()
