"""The desk page's figures: 受理 / 办结 / 按时办结 / 回访 / 满意 by category for a chosen period (and, for a
sub-district administrator, a chosen station), read through ui.ops."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLabel,
    QTableWidget,
    QVBoxLayout,
)

from desktop_app.core.errors import SmileDeskError
from desktop_app.desk.day_figures import FIGURE_DEFINITIONS, FigureRow, category_figures
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.day_watch import follow_today
from desktop_app.ui.fit import FlowLayout, rows_follow_font
from desktop_app.ui.messages import error_text
from desktop_app.ui.widgets import fit_columns, pydate, read_only_item


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class FiguresBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Figures"))
        self.setObjectName("deskFigures")
        self.cat_labels: dict[int, str] = {}
        self.figure_rows: list[FigureRow] = []
        today = QDate.currentDate()
        self.fig_from = follow_today(QDateEdit(QDate(today.year(), today.month(), 1)), month=True)
        self.fig_from.setObjectName("figFrom")
        self.fig_to = follow_today(QDateEdit(today))
        self.fig_to.setObjectName("figTo")
        for d in (self.fig_from, self.fig_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.dateChanged.connect(lambda _d: self.refresh())
        self.fig_station = QComboBox()
        self.fig_station.setObjectName("figStation")
        self.fig_station.setVisible(False)
        self.fig_station.currentIndexChanged.connect(lambda _i: self.refresh())
        definitions = QCoreApplication.translate("Desk", FIGURE_DEFINITIONS)
        self.fig_summary = QLabel()
        self.fig_summary.setObjectName("figSummary")
        self.fig_summary.setWordWrap(True)
        self.fig_summary.setToolTip(definitions)
        self.fig_table = _FiguresTable(0, 6)
        self.fig_table.setObjectName("figTable")
        self.fig_table.setHorizontalHeaderLabels([
            self.tr("Category"), self.tr("Received"), self.tr("Closed"), self.tr("On-time rate"),
            self.tr("Followed up"), self.tr("Satisfaction rate"),
        ])
        self.fig_table.setToolTip(definitions)
        self.fig_table.verticalHeader().setVisible(False)
        rows_follow_font(self.fig_table)  # a line of the font high, in large text too
        self.fig_table.setMinimumHeight(24 * 6 + 28)  # five rows at least; it gets ten and the total where there is room
        self.fig_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        bar = FlowLayout()  # wraps in a narrow panel (ui/fit.py)
        bar.group(QLabel(self.tr("From")), self.fig_from)
        bar.group(QLabel(self.tr("to")), self.fig_to)
        bar.addWidget(self.fig_station)
        bar.addStretch()
        info = QLabel(self.tr("How are these counted?"))
        info.setObjectName("figHelp")  # looks: QLabel#figHelp in resources/styles/*.qss
        info.setToolTip(definitions)
        bar.addWidget(info)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.fig_summary)
        lay.addWidget(self.fig_table, 1)

    def set_reference(self, cat_labels: dict[int, str], stations: list[tuple[int, str]]) -> None:
        self.cat_labels = cat_labels
        self.fig_station.blockSignals(True)
        self.fig_station.clear()
        self.fig_station.addItem(self.tr("All stations"), None)
        for sid, name in stations:
            self.fig_station.addItem(name, sid)
        self.fig_station.blockSignals(False)
        self.fig_station.setVisible(len(stations) > 1)

    def refresh(self) -> None:
        actor = self.ctx.actor
        start, end = pydate(self.fig_from.date()), pydate(self.fig_to.date())
        station = self.fig_station.currentData()
        ops.query(self, self.ctx.engine,
                  lambda s: category_figures(s, actor=actor, start=start, end=end, station_id=station),
                  lambda rows: self._show(start, end, rows), on_error=self._refused, latest="figures")

    def _refused(self, exc: BaseException) -> None:
        """A period that runs backwards: say so where the figures were."""
        if not isinstance(exc, SmileDeskError):
            ops.report_error(self, exc)
            return
        self.figure_rows = []
        self.fig_table.setRowCount(0)
        self.fig_summary.setText(error_text(exc))

    def _show(self, start, end, rows: list[FigureRow]) -> None:
        self.figure_rows = rows
        self.fig_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            label = self.cat_labels.get(r.category_id, "") if r.category_id is not None else self.tr("Total")
            cells = [label, f"{r.received:,}", f"{r.closed:,}", pct(r.on_time_rate), f"{r.followed_up:,}",
                     pct(r.satisfaction_rate)]
            for j, text in enumerate(cells):
                item = read_only_item(text, align_right=j > 0)
                if r.category_id is None:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.fig_table.setItem(i, j, item)
        fit_columns(self.fig_table)
        self.fig_table.updateGeometry()  # as high as its rows now (_FiguresTable.sizeHint)
        total = rows[-1]
        self.fig_summary.setText(self.tr(
            "{start} – {end}: received {received:,}, closed {closed:,}, on-time rate {ontime}, satisfaction {sat}."
        ).format(start=start.isoformat(), end=end.isoformat(), received=total.received, closed=total.closed,
                 ontime=pct(total.on_time_rate), sat=pct(total.satisfaction_rate)))


class _FiguresTable(QTableWidget):
    """As high as its rows want to be (the categories and the total without scrolling where there is room;
    the record's timeline above takes what is left), never taller."""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self._rows_height())

    def _rows_height(self) -> int:
        return (self.horizontalHeader().sizeHint().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
                + self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth() + 2)
