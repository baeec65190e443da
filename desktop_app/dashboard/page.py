"""The home page: today's tiles (each a click away from its list) and charts over the months.

Thin: figures come from dashboard.service / reports.service. The figures are loaded just after the page
is first shown (the home page is built at start-up; its queries and QtCharts must not delay the first paint).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMargins, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import session_scope
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.dashboard import service
from desktop_app.reports import service as reports
from desktop_app.ui.context import AppContext

WEEKDAYS = (
    QT_TRANSLATE_NOOP("DashboardPage", "Monday"), QT_TRANSLATE_NOOP("DashboardPage", "Tuesday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Wednesday"), QT_TRANSLATE_NOOP("DashboardPage", "Thursday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Friday"), QT_TRANSLATE_NOOP("DashboardPage", "Saturday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Sunday"),
)
PALETTE = ["#c8412c", "#2e6da4", "#3c9a5f", "#e08a2e", "#7b5ea7", "#4aa3a2", "#b5651d", "#8c8c8c", "#d4a017", "#5d7b9d"]


class Tile(QPushButton):
    """A big button: what it counts, the number, a detail line; clicking opens the feature's page."""

    def __init__(self, key: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile-{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(118)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = QLabel(title)
        self.value = QLabel("…")
        self.value.setObjectName("tileValue")
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        for lab in (self.title, self.value, self.detail):
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        f = self.value.font()
        f.setPointSizeF(f.pointSizeF() * 2.2)
        f.setBold(True)
        self.value.setFont(f)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 8)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.detail)
        self.setAccessibleName(title)
        self.set_state("normal")

    def set_figures(self, value: str, detail: str, state: str = "normal") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value} {detail}")
        self.setToolTip(detail)
        self.set_state(state)

    def set_state(self, state: str) -> None:
        border = {"alert": "#b00020", "ok": "#3c9a5f", "absent": "#cccccc"}.get(state, "#c8a97e")
        colour = "#b00020" if state == "alert" else "#222222"
        self.setStyleSheet(
            f"QPushButton#tile-{self.key} {{ text-align: left; background: #fffdf8; border: 2px solid {border};"
            f" border-radius: 8px; }} QPushButton#tile-{self.key}:hover {{ background: #fdf1e2; }}"
            f" QPushButton#tile-{self.key}:focus {{ border: 3px solid #c8412c; }}")
        self.value.setStyleSheet(f"color: {colour};")


class DashboardPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: service.Today | None = None
        self.series: list = []
        self.chart_views: dict[str, QWidget] = {}
        self.heading = QLabel()
        self.heading.setObjectName("dashboardHeading")
        hf = self.heading.font()
        hf.setPointSizeF(hf.pointSizeF() * 1.4)
        hf.setBold(True)
        self.heading.setFont(hf)
        self.station = QComboBox()
        self.station.setObjectName("stationFilter")
        self.station.setAccessibleName(self.tr("Station"))
        self.months = QComboBox()
        self.months.setObjectName("monthsFilter")
        self.months.setAccessibleName(self.tr("Period of the charts"))
        for n, text in ((6, self.tr("Last 6 months")), (12, self.tr("Last 12 months")), (24, self.tr("Last 24 months"))):
            self.months.addItem(text, n)
        self.months.setCurrentIndex(1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshDashboard")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("Station")))
        top.addWidget(self.station)
        top.addWidget(QLabel(self.tr("Charts")))
        top.addWidget(self.months)
        top.addWidget(self.refresh_button)

        self.tiles = {
            "rosters": Tile("rosters", self.tr("Patrols today")),
            "meals": Tile("meals", self.tr("Meals and welfare checks")),
            "desk": Tile("desk", self.tr("Desk requests")),
            "passports": Tile("passports", self.tr("Stamps today")),
            "certificates": Tile("certificates", self.tr("Certificates waiting")),
        }
        tiles = QHBoxLayout()
        for key, tile in self.tiles.items():
            tile.clicked.connect(lambda _=False, k=key: self.ctx.navigate(k))
            tiles.addWidget(tile)

        self.charts = QGridLayout()
        self.charts.setSpacing(8)
        self.chart_frame = QFrame()
        self.chart_frame.setLayout(self.charts)
        self.empty_note = QLabel()
        self.empty_note.setObjectName("chartsNote")
        self.empty_note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(tiles)
        lay.addWidget(self.empty_note)
        lay.addWidget(self.chart_frame, 1)

        with session_scope(ctx.engine, write=False) as s:
            choices = reports.stations(s, actor=ctx.actor) if ctx.can(reports.VIEW_REPORTS) else []
        if ctx.actor.station_id is None and len(choices) > 1:
            self.station.addItem(self.tr("All stations"), None)
        for sid, name in choices:
            self.station.addItem(name, sid)
        self.station.setEnabled(self.station.count() > 1)
        self.station.currentIndexChanged.connect(self.refresh)
        self.months.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self._loaded = False
        QTimer.singleShot(150, self._first_load)  # after the first paint of the main window

    def _first_load(self) -> None:
        if not self._loaded:
            self.refresh()

    def station_id(self) -> int | None:
        return self.station.currentData()

    # --- loading -------------------------------------------------------------------------------
    def refresh(self):
        """Load the figures on a worker thread (a big database takes a second; the window stays live)."""
        from desktop_app.ui.ops import run_op

        self._loaded = True
        sid, months = self.station_id(), self.months.currentData()
        engine, actor = self.ctx.engine, self.ctx.actor

        def work(_progress):
            with session_scope(engine, write=False) as s:
                return (service.today_figures(s, actor=actor, station_id=sid),
                        service.chart_series(s, actor=actor, months=months, station_id=sid),
                        service.desk_categories(s, actor=actor, months=months, station_id=sid))

        def done(result) -> None:
            self.today, self.series, self.categories = result
            self._show_today(self.today)
            self._show_charts()

        self.refresh_button.setEnabled(False)
        handle = run_op(self, work, done, title=self.tr("Loading figures…"), cancellable=False, show_after_ms=2000)
        handle.done.connect(lambda: self.refresh_button.setEnabled(True))
        self.loading = handle
        return handle

    def _show_today(self, t: service.Today) -> None:
        weekday = QCoreApplication.translate("DashboardPage", WEEKDAYS[t.day.weekday()])
        self.heading.setText(self.tr("Today, {day} ({weekday})").format(day=t.day.isoformat(), weekday=weekday))
        absent = self.tr("not part of this installation")
        tile = self.tiles["rosters"]
        if t.patrols is None:
            tile.set_figures("—", absent, "absent")
        else:
            p = t.patrols
            detail = self.tr("{covered} of {shifts} fully staffed, {short} short; {n} checked in").format(
                covered=p.covered, shifts=p.shifts, short=p.short, n=p.checked_in)
            tile.set_figures(str(p.shifts), detail, "alert" if p.short else "ok" if p.shifts else "normal")
        tile = self.tiles["meals"]
        if t.meals is None:
            tile.set_figures("—", absent, "absent")
        else:
            m = t.meals
            detail = self.tr("{done} of {n} meals done; welfare checks open: {open} ({late} from earlier days)").format(
                done=m.delivered, n=m.ordered, open=m.welfare_open, late=m.welfare_overdue)
            tile.set_figures(str(m.ordered), detail, "alert" if m.welfare_open else "normal")
        tile = self.tiles["desk"]
        if t.desk is None:
            tile.set_figures("—", absent, "absent")
        else:
            d = t.desk
            detail = self.tr("open, {overdue} overdue; {today} received today").format(overdue=d.overdue, today=d.received_today)
            tile.set_figures(str(d.open), detail, "alert" if d.overdue else "normal")
        tile = self.tiles["passports"]
        if t.stamps is None:
            tile.set_figures("—", absent, "absent")
        else:
            tile.set_figures(str(t.stamps.stamps), self.tr("{n} residents stamped today").format(n=t.stamps.residents))
        tile = self.tiles["certificates"]
        if t.certificates is None:
            tile.set_figures("—", absent, "absent")
        else:
            c = t.certificates
            tile.set_figures(str(c.requests), self.tr("requests to issue; {n} issued but not printed").format(n=c.unprinted),
                             "alert" if c.requests else "normal")

    # --- charts --------------------------------------------------------------------------------
    def _show_charts(self) -> None:
        from PySide6.QtCharts import QChartView

        while self.charts.count():
            item = self.charts.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.chart_views.clear()
        pts = self.series
        # Month numbers (the axis has room for about 12 short labels); category names must be unique, so a
        # repeated month gets invisible zero-width spaces, and with 24 months every other label is blank.
        step = 1 if len(pts) <= 12 else 2
        labels = [(str(p.month) + "\u200b" * (i // 12)) if i % step == 0 else " " * (i + 1) for i, p in enumerate(pts)]
        charts = []
        if self.categories:
            charts.append(("desk", self._stacked(self.tr("Desk records by category"), labels, [
                (QCoreApplication.translate("DeskCategories", name), counts) for name, counts in self.categories])))
        if any(p.desk_received for p in pts):
            charts.append(("rates", self._lines(self.tr("Closure and on-time rates (%)"), labels, [
                (self.tr("closure rate"), [None if p.desk_closed_rate is None else p.desk_closed_rate * 100 for p in pts]),
                (self.tr("on-time rate"), [None if p.desk_on_time_rate is None else p.desk_on_time_rate * 100 for p in pts]),
            ])))
        charts.append(("hours", self._bars(self.tr("Volunteer hours"), labels, [p.volunteer_hours for p in pts], PALETTE[2])))
        charts.append(("meals", self._bars(self.tr("Meals served"), labels, [p.meals_served for p in pts], PALETTE[3])))
        charts.append(("stamps", self._bars(self.tr("Stamps awarded"), labels, [p.stamps for p in pts], PALETTE[1])))
        for i, (key, chart) in enumerate(charts):
            view = QChartView(chart)
            view.setObjectName(f"chart-{key}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
            view.setAccessibleName(chart.title())
            self.chart_views[key] = view
            self.charts.addWidget(view, i // 3, i % 3)
        self.empty_note.setText("" if any(p.desk_received or p.volunteer_hours or p.meals_served or p.stamps for p in pts)
                                else self.tr("No records in these months yet."))
        self.empty_note.setVisible(bool(self.empty_note.text()))

    def _chart(self, title: str):
        from PySide6.QtCharts import QChart

        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(4)
        chart.legend().setVisible(False)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _axes(self, chart, series, labels: list[str], top: float, fixed_max: float | None = None) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QValueAxis

        x = QBarCategoryAxis()
        x.append(labels)
        x.setTitleText(self.tr("month"))
        tf = x.titleFont()
        tf.setPointSizeF(max(7.0, tf.pointSizeF() * 0.75))
        tf.setBold(False)
        x.setTitleFont(tf)
        f = x.labelsFont()
        f.setPointSizeF(max(7.0, f.pointSizeF() * 0.8))
        x.setLabelsFont(f)
        y = QValueAxis()
        y.setRange(0, fixed_max if fixed_max is not None else max(1.0, top * 1.1))
        y.setLabelFormat("%d")
        if fixed_max is None:
            y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in series:
            s.attachAxis(x)
            s.attachAxis(y)

    def _bars(self, title: str, labels: list[str], values: list[float], colour: str):
        from PySide6.QtCharts import QBarSeries, QBarSet

        chart = self._chart(title)
        bar = QBarSet(title)
        bar.append([float(v) for v in values])
        bar.setColor(QColor(colour))
        series = QBarSeries()
        series.append(bar)
        chart.addSeries(series)
        self._axes(chart, [series], labels, max(values or [0]))
        return chart

    def _stacked(self, title: str, labels: list[str], rows: list[tuple[str, list[int]]]):
        from PySide6.QtCharts import QBarSet, QStackedBarSeries

        chart = self._chart(title)
        series = QStackedBarSeries()
        for i, (name, counts) in enumerate(rows):
            bar = QBarSet(name)
            bar.append([float(c) for c in counts])
            bar.setColor(QColor(PALETTE[i % len(PALETTE)]))
            series.append(bar)
        chart.addSeries(series)
        totals = [sum(c[i] for _, c in rows) for i in range(len(labels))]
        self._axes(chart, [series], labels, max(totals or [0]))
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        f = chart.legend().font()
        f.setPointSizeF(max(7.0, f.pointSizeF() * 0.8))
        chart.legend().setFont(f)
        return chart

    def _lines(self, title: str, labels: list[str], lines: list[tuple[str, list[float | None]]]):
        from PySide6.QtCharts import QLineSeries

        chart = self._chart(title)
        made = []
        for i, (name, values) in enumerate(lines):
            s = QLineSeries()
            s.setName(name)
            s.setColor(QColor(PALETTE[i]))
            for x, v in enumerate(values):
                if v is not None:
                    s.append(x + 0.5, v)  # category axis: the middle of each month
            chart.addSeries(s)
            made.append(s)
        # A line over category labels: a value x axis hidden behind the month labels.
        from PySide6.QtCharts import QBarCategoryAxis, QValueAxis

        xv = QValueAxis()
        xv.setRange(0, len(labels))
        xv.setVisible(False)
        x = QBarCategoryAxis()
        x.append(labels)
        x.setTitleText(self.tr("month"))
        tf = x.titleFont()
        tf.setPointSizeF(max(7.0, tf.pointSizeF() * 0.75))
        tf.setBold(False)
        x.setTitleFont(tf)
        f = x.labelsFont()
        f.setPointSizeF(max(7.0, f.pointSizeF() * 0.8))
        x.setLabelsFont(f)
        y = QValueAxis()
        lows = [v for _, vs in lines for v in vs if v is not None]
        low = max(0.0, (min(lows) if lows else 0) - 5) // 10 * 10
        y.setRange(low, 100)
        y.setTickCount(int((100 - low) // 10) + 1 if 100 - low <= 50 else 6)
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(xv, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in made:
            s.attachAxis(xv)
            s.attachAxis(y)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

