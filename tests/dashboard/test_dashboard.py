"""The home page: today's figures from the features' tables, tiles that open their lists, charts, roles."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied
from desktop_app.dashboard import charts, today

TODAY = date.today()


@pytest.fixture
def busy_day(engine, admin):
    """Today: two desk requests (one overdue since yesterday), one consultation; stamps for two residents."""
    from desktop_app import desk as desk
    from desktop_app import residents as residents
    from desktop_app.desk.models import ServiceRecord
    from desktop_app.passports import activities as passports_activities
    from desktop_app.passports import stamps as passports_stamps
    from desktop_app.passports.models import ActivityCreate
    from desktop_app.residents.models import ResidentCreate

    now = datetime.now(UTC)
    with session_scope(engine) as s:
        desk.create_record(s, actor=admin, category_code="consultation", summary="问路", walk_in_name="路人", received_at=now)
        desk.create_record(s, actor=admin, category_code="request", summary="路灯不亮", walk_in_name="王阿姨", received_at=now)
        old = desk.create_record(s, actor=admin, category_code="request", summary="漏水", walk_in_name="李叔",
                                 received_at=now - timedelta(days=40))
        s.get(ServiceRecord, old.id).due_at = now - timedelta(days=1)
        r1 = residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三", phone="13812345678"))
        r2 = residents.create_resident(s, actor=admin, data=ResidentCreate(name="李四", phone="13912345678"))
        act = passports_activities.create_activity(s, actor=admin, data=ActivityCreate(
            name="文明劝导", start_date=TODAY - timedelta(days=1), end_date=TODAY + timedelta(days=1), kind="daily", stamps=3))
        for rid in (r1.id, r2.id):
            passports_stamps.award_stamp(s, actor=admin, resident_id=rid, activity_id=act.id, today=TODAY)


def test_today_figures(engine, admin, busy_day):
    with session_scope(engine, write=False) as s:
        t = today.today_figures(s, actor=admin)
    assert t.day == TODAY
    assert (t.desk.received_today, t.desk.open, t.desk.overdue) == (2, 2, 1)
    assert (t.stamps.stamps, t.stamps.residents) == (6, 2)
    assert t.meals.ordered == 0 and t.meals.welfare_open == 0
    assert t.patrols.shifts == 0
    assert t.certificates.requests == 0


def test_missing_features_give_empty_tiles(engine, admin, busy_day, monkeypatch):
    monkeypatch.setenv("SMILEDESK_FEATURES", "dashboard,residents,desk")
    with session_scope(engine, write=False) as s:
        t = today.today_figures(s, actor=admin)
        series = charts.chart_series(s, actor=admin, months=3)
    assert t.desk is not None and t.stamps is None and t.meals is None and t.patrols is None and t.certificates is None
    assert len(series) == 3 and series[-1].stamps == 0 and series[-1].desk_received >= 2


def test_chart_series_and_categories(engine, admin, busy_day):
    with session_scope(engine, write=False) as s:
        series = charts.chart_series(s, actor=admin, months=12)
        cats = dict(charts.desk_categories(s, actor=admin, months=12))
    assert len(series) == 12 and (series[-1].year, series[-1].month) == (TODAY.year, TODAY.month)
    assert series[-1].stamps == 6
    assert cats["Request"][-1] == 1 and cats["Consultation"][-1] == 1  # the old request is in an earlier month
    assert sum(cats["Request"]) == 2


@pytest.mark.parametrize("role, allowed", [("admin", True), ("coordinator", True), ("front_desk", True), ("kiosk", False)])
def test_dashboard_permissions(engine, make_actor, role, allowed):
    actor = make_actor(role)
    with session_scope(engine, write=False) as s:
        if allowed:
            today.today_figures(s, actor=actor)
            charts.chart_series(s, actor=actor, months=6)
        else:
            with pytest.raises(PermissionDenied):
                today.today_figures(s, actor=actor)


def test_page_tiles_open_their_lists(qtbot, app_fonts, ctx, busy_day):
    from desktop_app.dashboard.ui.page import DashboardPage

    visited = []
    ctx.navigate = visited.append
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    qtbot.waitUntil(lambda: page.today is not None)
    assert page.tiles["desk"].value.text() == "2"
    assert "1 overdue" in page.tiles["desk"].detail.text()
    assert page.tiles["passports"].value.text() == "6"
    for key in ("desk", "rosters", "meals", "passports", "certificates"):
        qtbot.mouseClick(page.tiles[key], Qt.MouseButton.LeftButton)
    assert visited == ["desk", "rosters", "meals", "passports", "certificates"]
    assert {"desk", "rates", "stamps"} <= set(page.chart_views)
    assert set(page.empty_charts) == {"hours", "meals"}  # nothing to draw: "no data yet" in their place
    chart = page.chart_views["stamps"].chart()
    assert chart.series()[0].barSets()[0].at(11) == 6  # this month, the last bar
    page.months.setCurrentIndex(0)  # last 6 months: reloads in the background
    qtbot.waitUntil(lambda: page.chart_views["stamps"].chart().series()[0].barSets()[0].count() == 6, timeout=10000)


def test_page_with_a_feature_missing(qtbot, app_fonts, ctx, busy_day, monkeypatch):
    from desktop_app.dashboard.ui.page import DashboardPage

    monkeypatch.setenv("SMILEDESK_FEATURES", "dashboard,residents,desk")
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refresh().done, timeout=10000):
        pass
    assert page.tiles["passports"].value.text() == "—"
    assert page.tiles["desk"].value.text() == "2"


def test_main_window_opens_on_the_home_page(qtbot, app_fonts, ctx):
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ctx, load_features())
    qtbot.addWidget(window)
    assert window.page_keys()[0] == "dashboard"
    assert window.findChild(type(window.nav)).currentRow() == 0
    assert "dashboard" in window.pages
    page = window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.today is not None)
    qtbot.mouseClick(page.tiles["desk"], Qt.MouseButton.LeftButton)
    assert window.current_page() is window.pages["desk"]


@pytest.mark.parametrize("style, alert, stamps", [("normal", "#b00020", "#2e6da4"), ("high-contrast", "#a00000", "#0000c0")])
def test_tiles_and_charts_take_their_colours_from_the_style_sheet(qtbot, app_fonts, ctx, busy_day, wait_ops,
                                                                   style, alert, stamps):
    from desktop_app.dashboard.ui.page import DashboardPage
    from desktop_app.ui.settings_dialog import style_path

    before = app_fonts.styleSheet()
    app_fonts.setStyleSheet(style_path(style).read_text(encoding="utf-8"))
    try:
        page = DashboardPage(ctx)
        qtbot.addWidget(page)
        page.refresh()
        wait_ops()
        tile = page.tiles["desk"]
        assert tile.property("state") == "alert" and tile.styleSheet() == ""  # one overdue request
        assert page.tiles["passports"].property("state") == "normal"
        assert tile.value.palette().color(tile.value.foregroundRole()).name() == alert
        assert page.chart_views["stamps"].chart().series()[0].barSets()[0].color().name() == stamps
    finally:
        app_fonts.setStyleSheet(before)


# --- issue 15: charts legible at 1366 px and below, whole-number axes, empty states, screenshots wait ---------
def _axis_ticks(chart) -> list[float]:
    from PySide6.QtCharts import QValueAxis

    (y,) = [a for a in chart.axes(Qt.Orientation.Vertical) if isinstance(a, QValueAxis)]
    step = (y.max() - y.min()) / (y.tickCount() - 1)
    return [y.min() + i * step for i in range(y.tickCount())]


@pytest.mark.parametrize("width, columns", [(1150, 3), (810, 2)])
def test_charts_reflow_and_none_is_a_sliver(qtbot, app_fonts, ctx, busy_day, wait_ops, width, columns):
    """The page's room on a 1366 px screen and on 1024 px: three or two charts to a row (one in large text),
    each at least legible — never squeezed to a sliver beside the others."""
    from desktop_app.dashboard.ui.page import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    qtbot.waitUntil(page.data_loaded, timeout=10000)
    wait_ops()
    qtbot.waitUntil(lambda: page.chart_grid.columns() == columns, timeout=3000)
    least = page.chart_grid.chart_minimum()
    for widget in page.chart_widgets:
        assert widget.width() >= least.width() and widget.height() >= least.height(), widget.objectName()
    assert page.chart_grid.columns_for(least.width() * 2 - 10) == 1


def test_axes_count_in_whole_numbers(qtbot, app_fonts, ctx, busy_day, wait_ops):
    from desktop_app.dashboard.ui.page import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    wait_ops()
    for key in ("stamps", "desk"):  # 6 stamps this month; 3 desk records in one month at most
        ticks = _axis_ticks(page.chart_views[key].chart())
        assert all(t == int(t) for t in ticks) and len(set(map(int, ticks))) == len(ticks), (key, ticks)


def test_an_empty_station_says_no_data_yet_instead_of_empty_charts(qtbot, app_fonts, ctx, admin, wait_ops):
    from PySide6.QtWidgets import QLabel

    from desktop_app.dashboard.ui.page import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    wait_ops()
    assert not page.chart_views and set(page.empty_charts) == {"desk", "rates", "hours", "meals", "stamps"}
    for box in page.empty_charts.values():
        assert box.findChild(QLabel, "noDataNote").text() == "No data yet"
    assert page.empty_note.text() == "No records in these months yet."


def test_integer_scale_has_whole_nice_steps():
    from hypothesis import given
    from hypothesis import strategies as st

    from desktop_app.dashboard.ui.charts import integer_scale

    @given(st.floats(min_value=0, max_value=1e7, allow_nan=False))
    def check(top):
        high, ticks = integer_scale(top)
        step = high // (ticks - 1)
        assert high >= top and 2 <= ticks <= 6 and step * (ticks - 1) == high
        assert str(step).rstrip("0") in ("1", "2", "5", "25") or step == 1  # 1, 2, 5, 10, 20, 50 …

    check()
    assert integer_scale(0) == (1, 2)  # an empty month: 0 and 1, not 0, 0.2 … printed 0,0,0,0,0,1


def test_a_screenshot_waits_for_the_home_page_figures(qtbot, app_fonts, ctx, busy_day, monkeypatch, wait_ops):
    """The home page asks for its figures just after its first paint: a screenshot taken while no op is
    running yet showed "…" in every tile."""
    from desktop_app.app import settled, when_settled
    from desktop_app.dashboard.ui import page as page_module
    from desktop_app.ui import ops

    deferred = []  # the page's "after the first paint", held until the test lets it run

    class Later:
        @staticmethod
        def singleShot(_ms, fn):  # noqa: N802
            deferred.append(fn)

    monkeypatch.setattr(page_module, "QTimer", Later)
    page = page_module.DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()  # the stations' list
    assert ops.idle() and page.tiles["desk"].value.text() == "…"  # no op running, and nothing shown yet
    assert not settled(page)
    shown = []
    when_settled(page, lambda: shown.append(page.tiles["desk"].value.text()), every_ms=20)
    qtbot.wait(100)
    assert not shown
    deferred.pop()()  # the first paint is done: the page asks for its figures
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == ["2"]
