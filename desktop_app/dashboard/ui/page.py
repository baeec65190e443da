"""The home page: today's tiles (each a click away from its list) and charts over the months.

Thin: the figures come from dashboard.today and dashboard.charts through ``ui.ops`` (a slow query: a big
database takes a moment, the window stays live). They are loaded just after the page is first shown (the
home page is built at start-up; its queries, the features' tables and QtCharts must not delay the first
paint). Colours come from the style sheets (resources/styles/*.qss): the tiles' ``state`` property and
the chart palette's ``colours``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QCoreApplication, QEvent, QMargins, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter
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
from desktop_app.ui.fit import scrolling

WEEKDAYS = (
    QT_TRANSLATE_NOOP("DashboardPage", "Monday"), QT_TRANSLATE_NOOP("DashboardPage", "Tuesday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Wednesday"), QT_TRANSLATE_NOOP("DashboardPage", "Thursday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Friday"), QT_TRANSLATE_NOOP("DashboardPage", "Saturday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Sunday"),
)


def integer_scale(top: float, *, most_ticks: int = 6) -> tuple[int, int]:
    """An axis from 0 to at least ``top`` whose ticks are whole numbers one nice step apart (1, 2, 5, 10,
    20, 50 …): (the axis' maximum, the number of ticks). Never 0–1 in fifths, labelled 0,0,0,0,0,1."""
    top = max(1.0, float(top))
    step = 1
    while math.ceil(top / step) > most_ticks - 1:
        for factor in (2, 2.5, 2):  # 1 → 2 → 5 → 10 → 20 → 50 …
            step = int(step * factor)
            if math.ceil(top / step) <= most_ticks - 1:
                break
    intervals = max(1, math.ceil(top / step))
    return intervals * step, intervals + 1


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

    MIN_HEIGHT = 118

    def __init__(self, key: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile-{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
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
        lay.addStretch(1)  # tiles of one row are equally high: their lines start at the top
        self.setAccessibleName(title)
        self.set_state(TileState.NORMAL)

    def sizeHint(self) -> QSize:  # noqa: N802
        """As high as its three lines need in the style's font (a button's own hint knows nothing of them,
        and the large-text style's ``min-height`` for buttons would otherwise crush the tile)."""
        inner = self.layout().sizeHint()
        return QSize(super().sizeHint().width(), max(self.MIN_HEIGHT, inner.height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        inner = self.layout().minimumSize()
        return QSize(inner.width(), max(self.MIN_HEIGHT, self.layout().heightForWidth(max(self.width(), inner.width()))
                                       if self.layout().hasHeightForWidth() else inner.height()))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the detail line wraps differently: the tile's height follows

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
        self.charts.setContentsMargins(0, 0, 0, 0)
        self.chart_frame = QFrame()
        self.chart_frame.setObjectName("chartFrame")
        self.chart_frame.setLayout(self.charts)
        self.chart_widgets: list[QWidget] = []  # in order: charts and "no data yet" boxes
        self.empty_charts: dict[str, QWidget] = {}
        self._columns = 0
        # The charts reflow (three, two or one to a row, as the width allows) and scroll up and down on a
        # small screen; the tiles stay in sight.
        self.chart_scroll = scrolling(self.chart_frame, horizontal=False)
        self.chart_scroll.setObjectName("chartScroll")
        self.chart_scroll.viewport().installEventFilter(self)
        self.empty_note = QLabel()
        self.empty_note.setObjectName("chartsNote")
        self.empty_note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(tiles)
        lay.addWidget(self.empty_note)
        lay.addWidget(self.chart_scroll, 1)

        self.palette_source = ChartPalette(self)
        self.station.setEnabled(False)
        self._load_stations()
        self.station.currentIndexChanged.connect(self.refresh)
        self.months.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self._loaded = False
        QTimer.singleShot(150, self._first_load)  # after the first paint of the main window

    def data_loaded(self) -> bool:
        """The tiles and charts show figures (``app.settled``: screenshots wait for it)."""
        return self.today is not None

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
            tile.set_figures(str(t.stamps.stamps), self.tr("{n} residents stamped today").format(n=t.stamps.residents))
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
        self.empty_charts.clear()
        self.chart_widgets = []
        self._columns = 0
        pts = self.series
        # Month numbers (the axis has room for about 12 short labels); category names must be unique, so a
        # repeated month gets invisible zero-width spaces, and with 24 months every other label is blank.
        step = 1 if len(pts) <= 12 else 2
        labels = [(str(p.month) + "\u200b" * (i // 12)) if i % step == 0 else " " * (i + 1) for i, p in enumerate(pts)]
        charts: list[tuple[str, str, object]] = []  # (key, title, chart or None when there is nothing to draw)
        title = self.tr("Desk records by category")
        rows = [(name, counts) for name, counts in (self.categories or []) if any(counts)]
        charts.append(("desk", title, self._stacked(title, labels, self._top_categories(rows)) if rows else None))
        title = self.tr("Closure and on-time rates (%)")
        charts.append(("rates", title, self._lines(title, labels, [
            (self.tr("closure rate"), [None if p.desk_closed_rate is None else p.desk_closed_rate * 100 for p in pts]),
            (self.tr("on-time rate"), [None if p.desk_on_time_rate is None else p.desk_on_time_rate * 100 for p in pts]),
        ]) if any(p.desk_received for p in pts) else None))
        for key, title, values, colour in (
                ("hours", self.tr("Volunteer hours"), [p.volunteer_hours for p in pts], 2),
                ("meals", self.tr("Meals served"), [p.meals_served for p in pts], 3),
                ("stamps", self.tr("Stamps awarded"), [p.stamps for p in pts], 1)):
            charts.append((key, title, self._bars(title, labels, values, colour) if any(values) else None))
        for key, title, chart in charts:
            if chart is None:
                widget = self._no_data(key, title)
                self.empty_charts[key] = widget
            else:
                view = QChartView(chart)
                view.setObjectName(f"chart-{key}")
                view.setRenderHint(QPainter.RenderHint.Antialiasing)
                view.setAccessibleName(title)
                self.chart_views[key] = view
                widget = view
            widget.setMinimumSize(self.chart_minimum())
            self.chart_widgets.append(widget)
        self._reflow()
        self.empty_note.setText("" if any(p.desk_received or p.volunteer_hours or p.meals_served or p.stamps for p in pts)
                                else self.tr("No records in these months yet."))
        self.empty_note.setVisible(bool(self.empty_note.text()))

    TOP_CATEGORIES = 6

    def _top_categories(self, rows: list[tuple[str, list[int]]]) -> list[tuple[str, list[int]]]:
        """The categories with the most records, translated, and the rest summed as one (a legend of ten
        names leaves no room for the bars)."""
        named = [(QCoreApplication.translate("DeskCategories", name), counts) for name, counts in rows]
        if len(named) <= self.TOP_CATEGORIES:
            return named
        ranked = sorted(named, key=lambda r: -sum(r[1]))
        keep, rest = ranked[:self.TOP_CATEGORIES - 1], ranked[self.TOP_CATEGORIES - 1:]
        kept = [r for r in named if r in keep]  # in the categories' own order
        others = [sum(c[i] for _, c in rest) for i in range(len(rest[0][1]))]
        return [*kept, (self.tr("other categories"), others)]

    def chart_minimum(self) -> QSize:
        """The least room a chart is legible in: about 24 characters wide (twelve month labels and the axis),
        15 lines high, in the style's font."""
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("中") * 24, fm.height() * 15)

    def _no_data(self, key: str, title: str) -> QWidget:
        """Where a chart would be: its title and "no data yet" (not an empty grid with a 0–1 axis)."""
        box = QFrame()
        box.setObjectName(f"noData-{key}")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setAccessibleName(title)
        lay = QVBoxLayout(box)
        heading = QLabel(title)
        heading.setObjectName("noDataTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        note = QLabel(self.tr("No data yet"))
        note.setObjectName("noDataNote")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        lay.addWidget(heading)
        lay.addWidget(note, 1)
        return box

    def columns_for(self, width: int) -> int:
        """Three charts to a row where three fit legibly, else two, else one."""
        least = self.chart_minimum().width() + self.charts.spacing()
        return max(1, min(3, (width + self.charts.spacing()) // least))

    def _reflow(self) -> None:
        width = self.chart_scroll.viewport().width() - self.chart_scroll.verticalScrollBar().sizeHint().width()
        columns = self.columns_for(width)
        if columns == self._columns or not self.chart_widgets:
            return
        self._columns = columns
        for w in self.chart_widgets:
            self.charts.removeWidget(w)
        for c in range(3):
            self.charts.setColumnStretch(c, 1 if c < columns else 0)
        row = column = 0
        for w in self.chart_widgets:
            # The categories' chart is twice as wide (its legend beside the bars) wherever there are two columns.
            span = min(2, columns) if w.objectName() in ("chart-desk", "noData-desk") and self.chart_views.get("desk") else 1
            if column + span > columns:
                row, column = row + 1, 0
            self.charts.addWidget(w, row, column, 1, span)
            w.show()
            column += span

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.chart_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._reflow()
        return super().eventFilter(obj, event)

    def _fonts(self, chart) -> None:
        """QtCharts draws outside the style sheets: its text follows the page's font (the large-text style's
        16 pt, not a fixed 8 pt): the title that size, labels and legend a little smaller."""
        self.ensurePolished()
        base = self.font()
        size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0

        def sized(factor: float, bold: bool = False) -> QFont:
            f = QFont(base)
            f.setPointSizeF(max(7.0, size * factor))
            f.setBold(bold)
            return f

        chart.setTitleFont(sized(1.0, bold=True))
        chart.legend().setFont(sized(0.85))
        for axis in chart.axes():
            axis.setLabelsFont(sized(0.9))
            axis.setTitleFont(sized(0.8))

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
        y = QValueAxis()
        high, ticks = integer_scale(fixed_max if fixed_max is not None else top)
        y.setRange(0, high)
        y.setTickCount(ticks)
        y.setLabelFormat("%d")
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
        self._fonts(chart)
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
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # the chart spans two columns where it can
        self._fonts(chart)
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
        self._fonts(chart)
        return chart

