"""The home page: today's tiles (each a click away from its list) and charts over the months.

Thin: the figures come from dashboard.today and dashboard.charts through ``ui.ops`` (a slow query: a big
database takes a moment, the window stays live). They are loaded just after the page is first shown (the
home page is built at start-up; its queries, the features' tables and QtCharts must not delay the first
paint). Colours come from the style sheets (resources/styles/*.qss): the tiles' ``state`` property and
the chart palette's ``colours``.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QCoreApplication, QMargins, Qt, QTimer
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

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.dashboard.models import TileState, Today
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext

WEEKDAYS = (
    QT_TRANSLATE_NOOP("DashboardPage", "Monday"), QT_TRANSLATE_NOOP("DashboardPage", "Tuesday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Wednesday"), QT_TRANSLATE_NOOP("DashboardPage", "Thursday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Friday"), QT_TRANSLATE_NOOP("DashboardPage", "Saturday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Sunday"),
)


class ChartPalette(QWidget):
    """The charts' series colours, set by the style sheet (``ChartPalette { qproperty-colours: "#… #…"; }``):
    QtCharts draws outside QSS. Without a style sheet the chart theme's own colours are used."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._colours = ""
        self.hide()

    def _get(self) -> str:
        return self._colours

    def _set(self, value: str) -> None:
        self._colours = value

    colours = Property(str, _get, _set)

    def colour(self, i: int) -> QColor | None:
        self.ensurePolished()
        names = [QColor(n) for n in self._colours.split()]
        names = [c for c in names if c.isValid()]
        return names[i % len(names)] if names else None


def _paint(item, colour: QColor | None) -> None:
    if colour is not None:
        item.setColor(colour)


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
        self.set_state(TileState.NORMAL)

    def set_figures(self, value: str, detail: str, state: TileState = TileState.NORMAL) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value} {detail}")
        self.setToolTip(detail)
        self.set_state(state)

    def set_state(self, state: TileState) -> None:
        """The style sheets colour the tile and its number by ``state`` (Tile[state="alert"] …)."""
        for w in (self, self.value):
            w.setProperty("state", str(state))
            w.style().unpolish(w)
            w.style().polish(w)


class DashboardPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: Today | None = None
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

        self.palette_source = ChartPalette(self)
        self.station.setEnabled(False)
        self._load_stations()
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

    def _load_stations(self) -> None:
        actor = self.ctx.actor

        def choices(s):
            from desktop_app.dashboard.stations import station_choices

            return station_choices(s, actor=actor)

        ops.query(self, self.ctx.engine, choices, self._show_stations)

    def _show_stations(self, choices: list[tuple[int, str]]) -> None:
        self.station.blockSignals(True)
        if self.ctx.actor.station_id is None and len(choices) > 1:
            self.station.addItem(self.tr("All stations"), None)
        for sid, name in choices:
            self.station.addItem(name, sid)
        self.station.setEnabled(self.station.count() > 1)
        self.station.blockSignals(False)

    # --- loading -------------------------------------------------------------------------------
    def refresh(self, *_args) -> ops.OpHandle:
        """Load the figures off the GUI thread (a big database takes a second; the window stays live)."""
        self._loaded = True
        sid, months = self.station_id(), self.months.currentData()
        actor = self.ctx.actor

        def figures(s):
            from desktop_app.dashboard import charts, today

            return (today.today_figures(s, actor=actor, station_id=sid),
                    charts.chart_series(s, actor=actor, months=months, station_id=sid),
                    charts.desk_categories(s, actor=actor, months=months, station_id=sid))

        def done(result) -> None:
            self.today, self.series, self.categories = result
            self._show_today(self.today)
            self._show_charts()

        self.refresh_button.setEnabled(False)
        handle = ops.query(self, self.ctx.engine, figures, done, latest="figures", slow=True)
        handle.done.connect(lambda: self.refresh_button.setEnabled(True))
        self.loading = handle
        return handle

    def _show_today(self, t: Today) -> None:
        weekday = QCoreApplication.translate("DashboardPage", WEEKDAYS[t.day.weekday()])
        self.heading.setText(self.tr("Today, {day} ({weekday})").format(day=t.day.isoformat(), weekday=weekday))
        absent = self.tr("not part of this installation")
        tile = self.tiles["rosters"]
        if t.patrols is None:
            tile.set_figures("—", absent, TileState.ABSENT)
        else:
            p = t.patrols
            detail = self.tr("{covered} of {shifts} fully staffed, {short} short; {n} checked in").format(
                covered=p.covered, shifts=p.shifts, short=p.short, n=p.checked_in)
            tile.set_figures(str(p.shifts), detail, TileState.ALERT if p.short else TileState.OK if p.shifts else TileState.NORMAL)
        tile = self.tiles["meals"]
        if t.meals is None:
            tile.set_figures("—", absent, TileState.ABSENT)
        else:
            m = t.meals
            detail = self.tr("{done} of {n} meals done; welfare checks open: {open} ({late} from earlier days)").format(
                done=m.delivered, n=m.ordered, open=m.welfare_open, late=m.welfare_overdue)
            tile.set_figures(str(m.ordered), detail, TileState.ALERT if m.welfare_open else TileState.NORMAL)
        tile = self.tiles["desk"]
        if t.desk is None:
            tile.set_figures("—", absent, TileState.ABSENT)
        else:
            d = t.desk
            detail = self.tr("open, {overdue} overdue; {today} received today").format(overdue=d.overdue, today=d.received_today)
            tile.set_figures(str(d.open), detail, TileState.ALERT if d.overdue else TileState.NORMAL)
        tile = self.tiles["passports"]
        if t.stamps is None:
            tile.set_figures("—", absent, TileState.ABSENT)
        else:
            tile.set_figures(str(t.stamps.stamps), self.tr("residents stamped today: {n}").format(n=t.stamps.residents))
        tile = self.tiles["certificates"]
        if t.certificates is None:
            tile.set_figures("—", absent, TileState.ABSENT)
        else:
            c = t.certificates
            tile.set_figures(str(c.requests), self.tr("requests to issue; {n} issued but not printed").format(n=c.unprinted),
                             TileState.ALERT if c.requests else TileState.NORMAL)

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
        charts.append(("hours", self._bars(self.tr("Volunteer hours"), labels, [p.volunteer_hours for p in pts], 2)))
        charts.append(("meals", self._bars(self.tr("Meals served"), labels, [p.meals_served for p in pts], 3)))
        charts.append(("stamps", self._bars(self.tr("Stamps awarded"), labels, [p.stamps for p in pts], 1)))
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

    def _bars(self, title: str, labels: list[str], values: list[float], colour: int):
        from PySide6.QtCharts import QBarSeries, QBarSet

        chart = self._chart(title)
        bar = QBarSet(title)
        bar.append([float(v) for v in values])
        _paint(bar, self.palette_source.colour(colour))
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
            _paint(bar, self.palette_source.colour(i))
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
            _paint(s, self.palette_source.colour(i))
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

