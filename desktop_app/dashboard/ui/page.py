"""The home page: today's tiles (each a click away from its list) and charts over the months.

Thin: the figures come from dashboard.today and dashboard.charts through ``ui.ops`` (a slow query: a big
database takes a moment, the window stays live). They are loaded just after the page is first shown (the
home page is built at start-up; its queries, the features' tables and QtCharts must not delay the first
paint). Colours come from the style sheets (resources/styles/*.qss): the tiles' ``state`` property and
the chart palette's ``colours``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app import features
from desktop_app.core import workdays
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.dashboard.models import TileState, Today
from desktop_app.dashboard.ui.charts import ChartBuilder, ChartGrid, ChartPalette
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext

WEEKDAYS = (
    QT_TRANSLATE_NOOP("DashboardPage", "Monday"), QT_TRANSLATE_NOOP("DashboardPage", "Tuesday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Wednesday"), QT_TRANSLATE_NOOP("DashboardPage", "Thursday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Friday"), QT_TRANSLATE_NOOP("DashboardPage", "Saturday"),
    QT_TRANSLATE_NOOP("DashboardPage", "Sunday"),
)


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
        return QSize(super().sizeHint().width(), max(self.MIN_HEIGHT, inner.height(), self.minimumSizeHint().height()))

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
        self.updateGeometry()  # another detail line, another height
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
        self.categories: list = []
        self._sheet = ""  # the application style sheet the charts were drawn with
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
        # what needs doing soon: hours to record in the national system, check-outs to confirm, the calendar
        self.reminders = QLabel()
        self.reminders.setObjectName("reminders")
        self.reminders.setWordWrap(True)
        self.reminders.setVisible(False)

        # The charts reflow (three, two or one to a row, as the width allows) and scroll up and down on a
        # small screen, the reminders above them; the tiles stay in sight.
        self.chart_grid = ChartGrid(self)
        self.chart_widgets: list[QWidget] = []  # in order: charts and "no data yet" boxes
        self.empty_charts: dict[str, QWidget] = {}
        self.empty_note = QLabel()
        self.empty_note.setObjectName("chartsNote")
        self.empty_note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(tiles)
        # the reminders and the note scroll with the charts: in large text on a 1024×768 screen, two
        # reminders above them took the room the tiles' detail lines need
        self.chart_grid.add_above(self.reminders)
        self.chart_grid.add_above(self.empty_note)
        lay.addWidget(self.chart_grid, 1)

        self.palette_source = ChartPalette(self)
        # Months that have ended, as read lately: a visit reads this month's figures and today's only (#21).
        from desktop_app.reports import FigureMemo

        self.memo = FigureMemo()
        self.station.setEnabled(False)
        self._load_stations()
        self.station.currentIndexChanged.connect(self.refresh)
        self.months.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.reload_all)
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
    def reload_all(self, *_args) -> ops.OpHandle:
        """Refresh: every month read again, the ones that have ended too (a back-dated entry shows at once)."""
        self.memo.clear()
        return self.refresh()

    def refresh(self, *_args) -> ops.OpHandle:
        """Load the figures off the GUI thread (a big database takes a second; the window stays live). Months
        that have ended come from the page's memo while fresh (core/memo.py): a visit reads this month's."""
        self._loaded = True
        sid, months = self.station_id(), self.months.currentData()
        actor, memo = self.ctx.actor, self.memo

        def figures(s):
            from desktop_app.dashboard import charts, today

            return (today.today_figures(s, actor=actor, station_id=sid),
                    charts.chart_series(s, actor=actor, months=months, station_id=sid, memo=memo),
                    charts.desk_categories(s, actor=actor, months=months, station_id=sid))

        def done(result) -> None:
            today_figures, series, categories = result
            # The same months as shown (a visit: the past ones come from the memo): the charts stay as
            # they are, rebuilding five of them is 40 ms on the GUI thread (issue 21).
            sheet = QApplication.instance().styleSheet()  # colours come from it: another style, new charts
            same = self.chart_views and (series, categories, sheet) == (self.series, self.categories, self._sheet)
            self.today, self.series, self.categories, self._sheet = today_figures, series, categories, sheet
            self._show_today(today_figures)
            if not same:
                self._show_charts()

        with_rosters = "rosters" in features.enabled_keys()

        def read_reminders(s, close: bool = True):
            """(patrols to close, dashboard.reminders.Reminders) in one read on the lane, beside the figures
            (issue 21: read one after the other, through the GUI thread, they made a revisit wait)."""
            from desktop_app import rosters
            from desktop_app.core import clock
            from desktop_app.dashboard.reminders import reminders

            due = rosters.forgotten_due(s, actor=actor) if close and with_rosters else 0
            return due, reminders(s, actor=actor, day=clock.today(), memo=memo)

        def show(result) -> None:
            due, t = result
            self._show_reminders(t)
            if due:
                # Patrols nobody checked out of count, flagged for a coordinator. A write only when there is
                # something to close: every write makes the reports page read its figures again
                # (core.memo). The reminders, which tell of it, are read again after it, with no second close
                # (another PC may hold a check-in: it is left to that PC, not tried in a loop).
                from desktop_app import rosters

                ops.write(self, self.ctx.engine, lambda s: rosters.close_forgotten(s, actor=actor), background=True,
                          on_error=closing_failed)
                ops.query(self, self.ctx.engine, lambda s: read_reminders(s, close=False), show, latest="reminders")

        def closing_failed(exc: BaseException) -> None:
            from desktop_app.core.db.errors import is_unreachable
            from desktop_app.ui.messages import show_error

            if not is_unreachable(exc):  # the server gone: the window's banner says so, not a box per refresh
                show_error(self, exc)

        self.refresh_button.setEnabled(False)
        ops.query(self, self.ctx.engine, read_reminders, show, latest="reminders")
        handle = ops.query(self, self.ctx.engine, figures, done, latest="figures", slow=True)
        handle.done.connect(lambda: self.refresh_button.setEnabled(True))
        self.loading = handle
        return handle

    def _show_reminders(self, t) -> None:
        """dashboard.reminders.Reminders: hours to record, check-outs to confirm, a year not entered."""
        lines = []
        h = t.hours
        if h is not None and h.unrecorded:
            lines.append(self.tr("{n} volunteer hours entries are not yet recorded in the national volunteer system: "
                                 "{late} past the 10-working-day deadline, {soon} due within 3 working days "
                                 "(Rosters → National system).").format(n=h.unrecorded, late=h.overdue, soon=h.due_soon))
        if h is not None and h.to_review:
            lines.append(self.tr("{n} patrol(s) nobody checked out of were closed at the scheduled end; a coordinator "
                                 "confirms or corrects them (Rosters → Hours).").format(n=h.to_review))
        if t.calendar_gap:
            lines.append(workdays.gap_text(t.calendar_gap))
        self.reminders.setText("\n".join(lines))
        urgent = bool(t.calendar_gap) or (h is not None and (h.overdue or h.due_soon or h.to_review))
        self.reminders.setProperty("tone", "warning" if urgent else "note")
        self.reminders.style().unpolish(self.reminders)
        self.reminders.style().polish(self.reminders)
        self.reminders.setVisible(bool(lines))

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

        self.chart_views.clear()
        self.empty_charts.clear()
        pts = self.series
        # Month numbers (the axis has room for about 12 short labels); category names must be unique, so a
        # repeated month gets invisible zero-width spaces, and with 24 months every other label is blank.
        step = 1 if len(pts) <= 12 else 2
        labels = [(str(p.month) + "\u200b" * (i // 12)) if i % step == 0 else " " * (i + 1) for i, p in enumerate(pts)]
        self.ensurePolished()
        make = ChartBuilder(self.palette_source, self.font(), self.tr("month"))
        charts: list[tuple[str, str, object]] = []  # (key, title, chart or None when there is nothing to draw)
        title = self.tr("Desk records by category")
        rows = [(name, counts) for name, counts in (self.categories or []) if any(counts)]
        charts.append(("desk", title, make.stacked(title, labels, self._top_categories(rows)) if rows else None))
        title = self.tr("Closure and on-time rates (%)")
        charts.append(("rates", title, make.lines(title, labels, [
            (self.tr("closure rate"), [None if p.desk_closed_rate is None else p.desk_closed_rate * 100 for p in pts]),
            (self.tr("on-time rate"), [None if p.desk_on_time_rate is None else p.desk_on_time_rate * 100 for p in pts]),
        ]) if any(p.desk_received for p in pts) else None))
        for key, title, values, colour in (
                ("hours", self.tr("Volunteer hours"), [p.volunteer_hours for p in pts], 2),
                ("meals", self.tr("Meals served"), [p.meals_served for p in pts], 3),
                ("stamps", self.tr("Stamps awarded"), [p.stamps for p in pts], 1)):
            charts.append((key, title, make.bars(title, labels, values, colour) if any(values) else None))
        widgets, wide = [], set()
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
                if key == "desk":
                    wide.add(view)  # its legend beside the bars
            widgets.append(widget)
        self.chart_widgets = widgets
        self.chart_grid.set_charts(widgets, wide)
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
