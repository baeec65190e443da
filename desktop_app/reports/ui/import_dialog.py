"""The Excel import dialog: column mapping (guessed, remembered), dry-run report, then the import.

Reading, checking and importing run through ui.ops.run_op (progress bar, Cancel); the import commits in
batches, so Cancel keeps what was written before it and the dialog says up to which row. Messages are the
import's own (the same as ``smiledesk import`` prints).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.reports import importing
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.export_action import add_export_action
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.messages import show_info
from desktop_app.ui.ops import OpHandle, run_op
from desktop_app.ui.widgets import fit_columns


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Import", importing.KIND_LABELS[kind])


def action_colours(parent: QWidget) -> dict[str, object]:
    """The text colour of each action as the style sheets set it (QLabel#importAction[action=…] in
    resources/styles/*.qss); None where no sheet sets one (the view's own colour then)."""
    default = parent.palette().color(QPalette.ColorRole.WindowText)
    out: dict[str, object] = {}
    for action in importing.ACTIONS:
        probe = QLabel(parent)
        probe.setObjectName("importAction")
        probe.setProperty("action", str(action))
        probe.hide()
        probe.ensurePolished()
        colour = probe.palette().color(QPalette.ColorRole.WindowText)
        out[action] = None if colour == default else colour
        probe.deleteLater()
    return out


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, path: str | Path, kind: str = "residents", parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.sheet: importing.Sheet | None = None
        self.plan: importing.ImportPlan | None = None
        self.result: importing.ImportResult | None = None
        self.op: OpHandle | None = None
        self.setWindowTitle(self.tr("Import from Excel — {file}").format(file=self.path.name))
        self.resize(1000, 700)

        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        for k in importing.KINDS:
            self.kind.addItem(kind_label(k), str(k))
        self.kind.setCurrentIndex(importing.KINDS.index(kind))
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("importSheet")
        self.team = QComboBox()
        self.team.setObjectName("importTeam")
        self.team_label = QLabel(self.tr("Team for rows without one"))
        self.info = QLabel()
        self.info.setObjectName("importInfo")
        self.info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("What the sheet holds"), self.kind)
        form.addRow(self.tr("Sheet"), self.sheet_box)
        form.addRow(self.team_label, self.team)

        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("mappingTable")
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("First values"), self.tr("Import as")])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.counts = QLabel()
        self.counts.setObjectName("dryRunCounts")
        self.counts.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setObjectName("reportFilter")
        self.filter.addItem(self.tr("All rows"), tuple(importing.ACTIONS))
        for a in importing.ACTIONS:
            self.filter.addItem(QCoreApplication.translate("Import", importing.ACTION_LABELS[a]), (a,))
        self.filter.setCurrentIndex(len(importing.ACTIONS))  # rejections first: what needs fixing
        colours = action_colours(self)
        columns = [
            Column(self.tr("Row"), lambda r: r[0], Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column(self.tr("Action"), lambda r: r[1], foreground=lambda r: colours.get(r[4])),
            Column(self.tr("Name"), lambda r: r[2]),
            Column(self.tr("Reason or changes"), lambda r: r[3]),
        ]
        self.report_model = ListTableModel(columns, [], self)
        self.report = QTableView()
        self.report.setObjectName("dryRunReport")
        self.report.setModel(self.report_model)
        self.report.horizontalHeader().setStretchLastSection(True)
        self.report.verticalHeader().setVisible(False)
        self.report.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add_export_action(self.report, ctx, self.tr("Import check {file}").format(file=self.path.stem))

        self.check_button = QPushButton(self.tr("Check (dry run)"))
        self.check_button.setObjectName("dryRun")
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("doImport")
        self.import_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(QLabel(self.tr("Show")))
        row.addWidget(self.filter)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(buttons)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.info)
        lay.addWidget(self.mapping, 2)
        lay.addLayout(row)
        lay.addWidget(self.report, 3)
        lay.addLayout(actions)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.sheet_box.currentIndexChanged.connect(lambda _i: self.read(self.sheet_box.currentText()))
        self.filter.currentIndexChanged.connect(self._show_report)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.do_import)
        self.team.currentIndexChanged.connect(self._invalidate)
        self.team.addItem(self.tr("(from the file's team column)"), None)
        actor = ctx.actor
        ops.query(self, ctx.engine, lambda s: importing.team_names(s, actor=actor), self._show_teams)
        self._kind_changed()

    # --- reading ---------------------------------------------------------------------------------
    def read(self, sheet_name: str | None = None) -> OpHandle:
        kind, path = self.current_kind(), self.path
        self.check_button.setEnabled(False)
        self.op = run_op(self, lambda progress: importing.read_sheet(path, sheet=sheet_name or None, kind=kind,
                                                                    progress=progress),
                         self._on_read, self._on_failed, title=self.tr("Reading {file}").format(file=self.path.name))
        return self.op

    def _on_read(self, sheet: importing.Sheet) -> None:
        self.sheet = sheet
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(sheet.sheet_names)
        self.sheet_box.setCurrentText(sheet.sheet_name)
        self.sheet_box.blockSignals(False)
        self.sheet_box.setEnabled(len(sheet.sheet_names) > 1)
        self.info.setText(importing.sheet_text(sheet))
        kind, actor = self.current_kind(), self.ctx.actor
        self.op = ops.query(self, self.ctx.engine, lambda s: importing.remembered_mapping(s, actor=actor, kind=kind),
                            lambda remembered: self._show_mapping(sheet, remembered), latest="mapping")

    def _show_mapping(self, sheet: importing.Sheet, remembered: dict[str, str]) -> None:
        guess = importing.guess_mapping(sheet.labels, self.current_kind(), remembered)
        fields = importing.fields_for(self.current_kind())
        self.mapping.setRowCount(len(sheet.labels))
        for j, label in enumerate(sheet.labels):
            self.mapping.setItem(j, 0, QTableWidgetItem(label))
            samples = [importing.cell_text(r[j]) for _n, r in sheet.rows[:30] if j < len(r) and importing.cell_text(r[j])][:3]
            self.mapping.setItem(j, 1, QTableWidgetItem(" · ".join(samples)))
            box = QComboBox()
            box.setObjectName(f"mapping-{j}")
            box.addItem(self.tr("(do not import)"), "")
            for key in fields:
                box.addItem(importing.field_label(key), key)
            box.setCurrentIndex(max(0, box.findData(guess.get(j, ""))))
            box.currentIndexChanged.connect(self._invalidate)
            self.mapping.setCellWidget(j, 2, box)
        fit_columns(self.mapping, stretch_last=False)
        self.mapping.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping.setColumnWidth(2, 220)
        self.check_button.setEnabled(True)
        self._invalidate()

    # --- mapping -----------------------------------------------------------------------------------
    def current_kind(self) -> str:
        return self.kind.currentData()

    def current_mapping(self) -> dict[int, str]:
        out = {}
        for j in range(self.mapping.rowCount()):
            box = self.mapping.cellWidget(j, 2)
            if box is not None and box.currentData():
                out[j] = box.currentData()
        return out

    def set_field(self, column: int, key: str) -> None:
        box = self.mapping.cellWidget(column, 2)
        box.setCurrentIndex(box.findData(key))

    def _show_teams(self, names: list[str]) -> None:
        for name in names:
            self.team.addItem(name, name)

    def _kind_changed(self, *_args) -> None:
        volunteers = self.current_kind() == importing.Kind.VOLUNTEERS
        self.team.setVisible(volunteers)
        self.team_label.setVisible(volunteers)
        self.read(self.sheet.sheet_name if self.sheet else None)

    def _invalidate(self, *_args) -> None:
        self.plan = None
        self.import_button.setEnabled(False)
        self.report_model.set_rows([])
        self.counts.setText(self.tr("Check the file first: nothing is written until you press Import."))

    # --- dry run and import --------------------------------------------------------------------------
    def _options(self) -> dict:
        volunteers = self.current_kind() == importing.Kind.VOLUNTEERS
        return {"team": self.team.currentData()} if volunteers and self.team.currentData() else {}

    def check(self) -> OpHandle | None:
        if self.sheet is None:
            return None
        sheet, mapping, kind, options = self.sheet, self.current_mapping(), self.current_kind(), self._options()
        engine, actor = self.ctx.engine, self.ctx.actor

        def work(progress):
            return importing.check(engine, actor=actor, sheet=sheet, mapping=mapping, kind=kind, options=options,
                                   progress=progress)

        self.op = run_op(self, work, self._on_checked, self._on_failed, title=self.tr("Checking {file}").format(file=self.path.name))
        return self.op

    def _on_checked(self, plan: importing.ImportPlan) -> None:
        self.plan = plan
        c = plan.counts
        self.counts.setText("\n".join(importing.plan_lines(plan)))
        self.import_button.setEnabled(bool(c["add"] or c["update"]))
        if not c["reject"]:
            self.filter.setCurrentIndex(0)
        self._show_report()

    def _show_report(self, *_args) -> None:
        if self.plan is None:
            return
        actions = self.filter.currentData()
        kinds = {r.row: r.action for r in self.plan.results}
        rows = [(*r, kinds[r[0]]) for r in importing.report_rows(self.plan, actions=actions)]
        self.report_model.set_rows(rows)
        fit_columns(self.report)

    def do_import(self) -> OpHandle | None:
        if self.plan is None:
            return None
        plan, engine, actor = self.plan, self.ctx.engine, self.ctx.actor

        def work(progress):
            return importing.apply_import(engine, actor=actor, plan=plan, progress=progress)

        self.import_button.setEnabled(False)
        self.op = run_op(self, work, self._on_imported, self._on_failed, title=self.tr("Importing {file}").format(file=self.path.name))
        self.op.done.connect(self._after_import)
        return self.op

    def _after_import(self) -> None:
        if self.op is not None and self.op.cancelled:  # cancelled before the first batch was written
            self.import_button.setEnabled(self.plan is not None)
            self.counts.setText(QCoreApplication.translate("Import", importing.NOTHING_WRITTEN))

    def _on_imported(self, result: importing.ImportResult) -> None:
        self.result = result
        if result.cancelled:
            self.counts.setText(importing.result_text(result))
            if result.added or result.updated:  # the plan is out of date: check again to finish
                self.plan = None
            self.import_button.setEnabled(self.plan is not None)
            return
        show_info(self.parentWidget() or self, importing.result_text(result))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(self.sheet is not None)
        self.import_button.setEnabled(self.plan is not None)
        ops.report_error(self, exc)
