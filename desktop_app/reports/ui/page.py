"""The reports page: the monthly / annual report (figures, its print preview, Excel) and the Excel import of
registers.

The figures load through ``ui.ops`` as a slow query (the annual report of a big station takes seconds);
the PDF is made off the GUI thread in its print preview (``ui.printing``: Print…, Save as PDF…), the workbook
is written off the GUI thread; either leaving the program is audited.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.memo import FigureMemo
from desktop_app.core.papers import Paper, PaperKind
from desktop_app.reports import excel, importing
from desktop_app.reports.models import PeriodFigures, ReportKind, ReportPeriod
from desktop_app.reports.permissions import IMPORT_REGISTERS, PRINT_REPORTS
from desktop_app.reports.ui.dialogs import AskFile
from desktop_app.reports.ui.import_dialog import ImportDialog, kind_label
from desktop_app.ui import ops
from desktop_app.ui.calendar_note import CalendarNote
from desktop_app.ui.context import AppContext
from desktop_app.ui.day_watch import day_watch
from desktop_app.ui.export_action import add_export_action
from desktop_app.ui.fit import ElidedLabel, FlowLayout
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.messages import show_info
from desktop_app.ui.ops import OpHandle, run_op
from desktop_app.ui.printing import PrintPreview, open_preview
from desktop_app.ui.widgets import deleted_when_closed, fit_columns


def _fresh(engine, actor, f: PeriodFigures) -> PeriodFigures:
    from desktop_app.reports.period_report import figures_now

    return figures_now(engine, actor=actor, period=f.period, station_id=f.station_id)


def _value_text(item: str, value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and item in (excel.t("on_time_rate"), excel.t("satisfaction_rate"), excel.t("coverage"),
                                             excel.t("closure_rate")):
        return excel.percent(value)
    return str(value)


def _last_month(today: date) -> date:
    return date.fromordinal(today.replace(day=1).toordinal() - 1)


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: PeriodFigures | None = None
        # Periods that have ended, as read lately and before this app's last write: a visit shows them
        # without reading a year of records again (#21); exports always read afresh (_fresh).
        self.memo = FigureMemo(strict=True, generation=ops.write_generation)
        self.op: OpHandle | None = None
        self.dialog: ImportDialog | None = None
        today = clock.today()
        last_month = _last_month(today)  # the month to report on

        # --- report ---
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        self.kind.addItem(self.tr("Monthly report"), ReportKind.MONTH)
        self.kind.addItem(self.tr("Annual report"), ReportKind.YEAR)
        self.year = QSpinBox()
        self.year.setObjectName("reportYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(last_month.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.month = QComboBox()
        self.month.setObjectName("reportMonth")
        self.month.setAccessibleName(self.tr("Month"))
        for m in range(1, 13):
            self.month.addItem(self.tr("{m:02d}").format(m=m), m)
        self.month.setCurrentIndex(last_month.month - 1)
        self.station = QComboBox()
        self.station.setObjectName("reportStation")
        self.station.setAccessibleName(self.tr("Station"))
        self.station.setEnabled(False)
        self.show_button = QPushButton(self.tr("Show figures"))
        self.show_button.setObjectName("showFigures")
        self.pdf_button = QPushButton(self.tr("Print report…"))
        self.pdf_button.setObjectName("savePdf")
        self.xlsx_button = QPushButton(self.tr("Save Excel…"))
        self.xlsx_button.setObjectName("saveExcel")
        for b in (self.pdf_button, self.xlsx_button):
            b.setVisible(ctx.can(PRINT_REPORTS))
        bar = FlowLayout()  # wraps on a narrow screen (ui/fit.py)
        bar.addWidget(self.kind)
        bar.group(QLabel(self.tr("Year")), self.year)
        bar.group(QLabel(self.tr("Month")), self.month)
        bar.group(QLabel(self.tr("Station")), self.station)
        bar.addStretch()
        for b in (self.show_button, self.pdf_button, self.xlsx_button):
            bar.addWidget(b)
        self.title = ElidedLabel()
        self.title.setObjectName("reportTitle")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.model = ListTableModel([
            Column(self.tr("Section"), lambda r: r[0]),
            Column(self.tr("Item"), lambda r: r[1]),
            Column(self.tr("Value"), lambda r: r[2], Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        ], [], self)
        self.table = FiguresView()
        self.table.setObjectName("figuresTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setMinimumSectionSize(120)
        self.export_action = add_export_action(self.table, ctx, self.tr("Station figures"))
        report_box = QGroupBox(self.tr("Monthly and annual report"))
        rl = QVBoxLayout(report_box)
        rl.addLayout(bar)
        rl.addWidget(self.title)
        # deadlines (on-time rates) and holiday patrols in a year whose holidays are not entered
        self.calendar_note = CalendarNote(report_box, "reportCalendarNote")
        rl.addWidget(self.calendar_note)
        rl.addWidget(self.table, 1)
        note = QLabel(self.tr("Right-click a table (or press Ctrl+E) to export what it shows to Excel."))
        note.setObjectName("exportNote")
        note.setWordWrap(True)
        rl.addWidget(note)

        # --- import ---
        self.import_kind = QComboBox()
        self.import_kind.setObjectName("importKindPage")
        for k in importing.KINDS:
            self.import_kind.addItem(kind_label(k), k)
        self.import_button = QPushButton(self.tr("Choose Excel file…"))
        self.import_button.setObjectName("chooseImportFile")
        import_box = QGroupBox(self.tr("Import registers from Excel"))
        il = QHBoxLayout(import_box)
        explain = QLabel(self.tr("Residents, volunteers or meal recipients from the spreadsheets the station keeps. "
                                 "Columns are matched by their headers; a check shows every row before anything is written, "
                                 "and importing the same file again changes nothing."))
        explain.setWordWrap(True)
        il.addWidget(explain, 1)
        il.addWidget(self.import_kind)
        il.addWidget(self.import_button)
        import_box.setVisible(ctx.can(IMPORT_REGISTERS))

        lay = QVBoxLayout(self)
        lay.addWidget(report_box, 1)
        lay.addWidget(import_box)

        self.kind.currentIndexChanged.connect(self._period_changed)
        self.year.valueChanged.connect(self.refresh)
        self.month.currentIndexChanged.connect(self.refresh)
        self.station.currentIndexChanged.connect(self.refresh)
        self.show_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_excel)
        self.import_button.clicked.connect(self.choose_import)
        self._load_stations()
        self.refresh()
        self._open_on_a_month_with_data(today)
        day_watch().changed.connect(self._new_day)

    def _new_day(self, old: date, new: date) -> None:
        """Left on overnight into a new month: the month to report on moves on, unless another was chosen."""
        before, after = _last_month(old), _last_month(new)
        if after != before and (self.year.value(), self.month.currentData()) == (before.year, before.month):
            self._choose_month(after.year, after.month)

    def _choose_month(self, year: int, month: int) -> None:
        """Show ``year``-``month``: the figures are read once (the month box's change), not for the year too."""
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        self.month.setCurrentIndex(self.month.findData(month))

    def _open_on_a_month_with_data(self, today: date) -> None:
        """Last month's figures are asked for at once; a station in its first month (nothing last month,
        something this month) is moved on to this month when the answer comes."""
        actor, asked = self.ctx.actor, (self.year.value(), self.month.currentData())

        def choose(s):
            from desktop_app.reports.monthly import month_to_open

            return month_to_open(s, actor=actor, today=today)

        def show(chosen: tuple[int, int]) -> None:
            if chosen != asked and (self.year.value(), self.month.currentData()) == asked:  # not changed meanwhile
                self._choose_month(*chosen)

        ops.query(self, self.ctx.engine, choose, show, slow=True)

    # --- figures -------------------------------------------------------------------------------
    def period(self) -> ReportPeriod:
        if self.kind.currentData() == ReportKind.YEAR:
            return ReportPeriod.year(self.year.value())
        return ReportPeriod.month(self.year.value(), self.month.currentData())

    def _period_changed(self, *_args) -> None:
        self.month.setEnabled(self.kind.currentData() == ReportKind.MONTH)
        self.refresh()

    def _load_stations(self) -> None:
        actor = self.ctx.actor

        def choices(s):
            from desktop_app.reports.station_choice import stations

            return stations(s, actor=actor)

        ops.query(self, self.ctx.engine, choices, self._show_stations)

    def _show_stations(self, choices: list[tuple[int, str]]) -> None:
        self.station.blockSignals(True)  # the figures shown are already those of the first choice
        if self.ctx.actor.station_id is None and len(choices) > 1:
            self.station.addItem(self.tr("All stations"), None)
        for sid, name in choices:
            self.station.addItem(name, sid)
        self.station.setEnabled(self.station.count() > 1)
        self.station.blockSignals(False)

    def refresh(self, *_args) -> OpHandle:
        """Load the figures of the period and station chosen off the GUI thread; the newest request wins."""
        period, station_id, actor, memo = self.period(), self.station.currentData(), self.ctx.actor, self.memo
        self.calendar_note.check(self.ctx.engine, period.start, period.last_day)

        def figures(s):
            from desktop_app.reports.period_report import period_figures

            return period_figures(s, actor=actor, period=period, station_id=station_id, memo=memo)

        return ops.query(self, self.ctx.engine, figures, self._show, latest="figures", slow=True)

    def _show(self, f: PeriodFigures) -> None:
        self.figures = f
        self.title.setText(f"{f.station_name} · {f.period.label}")
        rows = [(section, item, _value_text(item, value)) for section, item, value in excel.summary_rows(f)]
        if f.desk is not None:
            for x in f.desk.lines:
                rows.append((excel.t("desk"), excel.desk_category(x.category),
                             self.tr("{r} received, {c} closed, on time {o}").format(
                                 r=x.received, c=x.closed, o=excel.percent(x.on_time_rate))))
        if f.meals is not None:
            for x in f.meals.tiers:
                rows.append((excel.t("meals"), x.name, self.tr("meals: {n}, {y} yuan").format(n=x.meals, y=excel.yuan(x.subsidy_fen))))
        if f.certificates is not None:
            for k, n in f.certificates.by_kind:
                rows.append((excel.t("certificates"), excel.cert_kind(k), str(n)))
        self.model.set_rows(rows)
        self.table.fit()

    def _made_by(self) -> str:
        return self.ctx.actor.display_name

    def save_pdf(self) -> PrintPreview | None:
        """The report in its print preview: Print… (the printer dialog) or Save as PDF… (audited as an export)."""
        if self.figures is None:
            return None
        f = self.figures
        made_by, engine, actor = self._made_by(), self.ctx.engine, self.ctx.actor
        title = self.title.text() or f.period.slug

        def make(progress, _skip) -> Paper:
            from desktop_app.reports import pdf

            progress(0, 1, "")
            return Paper(PaperKind.REPORT, title, pdf.build_report(_fresh(engine, actor, f), made_by=made_by),
                         entity=f"report {f.period.slug}")

        self.preview = open_preview(self, self.ctx, PaperKind.REPORT, make, key=(f.period.slug, f.station_id),
                                    save_name=f"{f.station_name}-{f.period.slug}.pdf")
        return self.preview

    def save_excel(self) -> OpHandle | None:
        if self.figures is None:
            return None
        f = self.figures
        path = AskFile.save(self, self.tr("Save figures as Excel"), f"{f.station_name}-{f.period.slug}.xlsx",
                            self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        made_by, engine, actor = self._made_by(), self.ctx.engine, self.ctx.actor
        self.op = run_op(self, lambda _progress: excel.export_report(path, _fresh(engine, actor, f), made_by=made_by),
                         lambda out: self._saved(out, "figures", f.period, self.tr("Figures saved to {file}.")),
                         title=self.tr("Saving the figures"))
        return self.op

    def _saved(self, out: Path, what: str, period: ReportPeriod, message: str) -> None:
        """The file is written: audit the export (who, what, where to), then say where it went."""
        actor = self.ctx.actor

        def audit(s):
            from desktop_app.reports.period_report import record_saved

            record_saved(s, actor=actor, what=what, period=period, path=str(out))

        ops.write(self, self.ctx.engine, audit, lambda _: show_info(self, message.format(file=Path(out).name)))

    # --- import --------------------------------------------------------------------------------
    def choose_import(self) -> ImportDialog | None:
        path = AskFile.open(self, self.tr("Choose the Excel register"), self.tr("Workbooks (Excel, WPS, LibreOffice) ({patterns})").format(
            patterns=" ".join(f"*{ext}" for ext in importing.FORMATS.split())))
        if not path:
            return None
        self.dialog = deleted_when_closed(ImportDialog(self.ctx, path, self.import_kind.currentData(), self))
        self.dialog.open()
        return self.dialog


class FiguresView(QTableView):
    """The figures: section and item as wide as their texts, the value in the room that is left, wrapping a long
    value onto a second line (fitted to its widest text, the value column pushed every number out of sight at
    1024 px in large text)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.horizontalHeader().sectionResized.connect(self._section_resized)

    def fit(self) -> None:
        fit_columns(self)
        self._value_takes_the_rest()

    def _value_takes_the_rest(self) -> None:
        model = self.model()
        if model is None or model.columnCount() < 1:
            return
        header = self.horizontalHeader()
        header.setStretchLastSection(False)  # it would keep the fitted width as the least
        header.setSectionResizeMode(model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        self.resizeRowsToContents()

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        model = self.model()
        if model is not None and index == model.columnCount() - 1:
            self.resizeRowsToContents()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        # the stretched value column takes its new width after this event: the rows are measured then
        QTimer.singleShot(0, self, self.resizeRowsToContents)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)  # the columns were fitted again in the new font (ui.widgets): the value too
        if event.type() == QEvent.Type.FontChange:
            self._value_takes_the_rest()
