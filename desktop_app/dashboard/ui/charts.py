"""The home page's charts: drawn with QtCharts from figures the page has read, and laid out three, two or
one to a row as the width allows, in a scroll area under the tiles (a 1024×768 screen, large text).

Qt only, no strings to translate: the page (``DashboardPage``) names the charts and their series.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QEvent, QMargins, QSize, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from desktop_app.ui.fit import scrolling


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


def _paint(item, colour: QColor | None) -> None:
    if colour is not None:
        item.setColor(colour)


class ChartBuilder:
    """Charts in the page's font (QtCharts draws outside the style sheets) and the palette's colours."""

    def __init__(self, palette: ChartPalette, font: QFont, x_title: str) -> None:
        self.palette, self.font, self.x_title = palette, font, x_title

    def _fonts(self, chart) -> None:
        """QtCharts draws outside the style sheets: its text follows the page's font (the large-text style's
        16 pt, not a fixed 8 pt): the title that size, labels and legend a little smaller."""
        base = self.font
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
        x.setTitleText(self.x_title)
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

    def bars(self, title: str, labels: list[str], values: list[float], colour: int):
        from PySide6.QtCharts import QBarSeries, QBarSet

        chart = self._chart(title)
        bar = QBarSet(title)
        bar.append([float(v) for v in values])
        _paint(bar, self.palette.colour(colour))
        series = QBarSeries()
        series.append(bar)
        chart.addSeries(series)
        self._axes(chart, [series], labels, max(values or [0]))
        self._fonts(chart)
        return chart

    def stacked(self, title: str, labels: list[str], rows: list[tuple[str, list[int]]]):
        from PySide6.QtCharts import QBarSet, QStackedBarSeries

        chart = self._chart(title)
        series = QStackedBarSeries()
        for i, (name, counts) in enumerate(rows):
            bar = QBarSet(name)
            bar.append([float(c) for c in counts])
            _paint(bar, self.palette.colour(i))
            series.append(bar)
        chart.addSeries(series)
        totals = [sum(c[i] for _, c in rows) for i in range(len(labels))]
        self._axes(chart, [series], labels, max(totals or [0]))
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # the chart spans two columns where it can
        self._fonts(chart)
        return chart

    def lines(self, title: str, labels: list[str], lines: list[tuple[str, list[float | None]]]):
        from PySide6.QtCharts import QLineSeries

        chart = self._chart(title)
        made = []
        for i, (name, values) in enumerate(lines):
            s = QLineSeries()
            s.setName(name)
            _paint(s, self.palette.colour(i))
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
        x.setTitleText(self.x_title)
        y = QValueAxis()
        lows = [v for _, vs in lines for v in vs if v is not None]
        low = max(0.0, (min(lows) if lows else 0) - 5)
        step = 10 if 100 - low <= 50 else 20  # whole tens: 60, 70 … 100 or 0, 20 … 100
        low = low // step * step
        y.setRange(low, 100)
        y.setTickCount(int((100 - low) // step) + 1)
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


class ChartGrid(QWidget):
    """The charts, three, two or one to a row as the width allows (each at least ``chart_minimum``), the
    wide ones (a legend beside their bars) two columns wide where there are two; scrolls up and down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.frame = QFrame()
        self.frame.setObjectName("chartFrame")
        self.frame.setLayout(self.grid)
        self.scroll = scrolling(self.frame, horizontal=False)
        self.scroll.setObjectName("chartScroll")
        self.scroll.viewport().installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.scroll)
        self.widgets: list[QWidget] = []
        self.wide: set[QWidget] = set()
        self._columns = 0

    def chart_minimum(self) -> QSize:
        """The least room a chart is legible in: about 24 characters wide (twelve month labels and the axis),
        15 lines high, in the style's font."""
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("中") * 24, fm.height() * 15)

    def set_charts(self, widgets: list[QWidget], wide: set[QWidget]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.widgets, self.wide, self._columns = list(widgets), set(wide), 0
        for w in self.widgets:
            w.setMinimumSize(self.chart_minimum())
        self._reflow()

    def columns_for(self, width: int) -> int:
        """Three charts to a row where three fit legibly, else two, else one."""
        least = self.chart_minimum().width() + self.grid.spacing()
        return max(1, min(3, (width + self.grid.spacing()) // least))

    def columns(self) -> int:
        return self._columns

    def _reflow(self) -> None:
        width = self.scroll.viewport().width() - self.scroll.verticalScrollBar().sizeHint().width()
        columns = self.columns_for(width)
        if columns == self._columns or not self.widgets:
            return
        self._columns = columns
        for w in self.widgets:
            self.grid.removeWidget(w)
        for c in range(3):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        row = column = 0
        for w in self.widgets:
            span = min(2, columns) if w in self.wide else 1
            if column + span > columns:
                row, column = row + 1, 0
            self.grid.addWidget(w, row, column, 1, span)
            w.show()
            column += span

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._reflow()
        return super().eventFilter(obj, event)
