"""The Excel import dialog: column mapping (guessed, remembered), dry-run report, then the import.

Reading, checking and importing run through ui.ops.run_op (progress bar, Cancel); the import is one
transaction, so Cancel leaves the database as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
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
)

from desktop_app.core.db import session_scope
from desktop_app.reports import importer
from desktop_app.ui.context import AppContext
from desktop_app.ui.export_action import add_export_action
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.messages import show_error, show_info
from desktop_app.ui.ops import OpHandle, run_op

ACTION_COLOURS = {"add": "#2e7d32", "update": "#1565c0", "skip": "#777777", "reject": "#b00020"}


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Import", importer.KIND_LABELS[kind])


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, path: str | Path, kind: str = "residents", parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.sheet: importer.Sheet | None = None
        self.plan: importer.ImportPlan | None = None
        self.result: importer.ImportResult | None = None
        self.op: OpHandle | None = None
        self.setWindowTitle(self.tr("Import from Excel — {file}").format(file=self.path.name))
        self.resize(1000, 700)

        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        for k in importer.KINDS:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(importer.KINDS.index(kind))
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
        self.mapping.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.counts = QLabel()
        self.counts.setObjectName("dryRunCounts")
        self.filter = QComboBox()
        self.filter.setObjectName("reportFilter")
        self.filter.addItem(self.tr("All rows"), tuple(importer.ACTIONS))
        for a in importer.ACTIONS:
            self.filter.addItem(QCoreApplication.translate("Import", importer.ACTION_LABELS[a]), (a,))
        self.filter.setCurrentIndex(len(importer.ACTIONS))  # rejections first: what needs fixing
        columns = [
            Column(self.tr("Row"), lambda r: r[0], Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column(self.tr("Action"), lambda r: r[1], foreground=lambda r: QColor(ACTION_COLOURS.get(r[4], "#000000"))),
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
        self._load_teams()
        self._kind_changed()

    # --- reading ---------------------------------------------------------------------------------
    def read(self, sheet_name: str | None = None) -> OpHandle:
        kind = self.current_kind()
        self.check_button.setEnabled(False)
        self.op = run_op(self, lambda progress: importer.read_sheet(self.path, sheet=sheet_name or None, kind=kind,
                                                                   progress=progress),
                         self._on_read, self._on_failed, title=self.tr("Reading {file}").format(file=self.path.name))
        return self.op

    def _on_read(self, sheet: importer.Sheet) -> None:
        self.sheet = sheet
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(sheet.sheet_names)
        self.sheet_box.setCurrentText(sheet.sheet_name)
        self.sheet_box.blockSignals(False)
        self.sheet_box.setEnabled(len(sheet.sheet_names) > 1)
        self.info.setText(self.tr("Headers found in row {row}; {n} rows below them; {m} merged cell ranges filled in.").format(
            row=sheet.header_row, n=len(sheet.rows), m=sheet.merged))
        with session_scope(self.ctx.engine, write=False) as s:
            remembered = importer.remembered_mapping(s, actor=self.ctx.actor, kind=self.current_kind())
        guess = importer.guess_mapping(sheet.labels, self.current_kind(), remembered)
        fields = importer.fields_for(self.current_kind())
        self.mapping.setRowCount(len(sheet.labels))
        for j, label in enumerate(sheet.labels):
            self.mapping.setItem(j, 0, QTableWidgetItem(label))
            samples = [importer.cell_text(r[j]) for _n, r in sheet.rows[:30] if j < len(r) and importer.cell_text(r[j])][:3]
            self.mapping.setItem(j, 1, QTableWidgetItem(" · ".join(samples)))
            box = QComboBox()
            box.setObjectName(f"mapping-{j}")
            box.addItem(self.tr("(do not import)"), "")
            for key in fields:
                box.addItem(importer.field_label(key), key)
            box.setCurrentIndex(max(0, box.findData(guess.get(j, ""))))
            box.currentIndexChanged.connect(self._invalidate)
            self.mapping.setCellWidget(j, 2, box)
        self.mapping.resizeColumnToContents(0)
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

    def _load_teams(self) -> None:
        from desktop_app.features import module as feature_module

        self.team.addItem(self.tr("(from the file's team column)"), None)
        svc = feature_module("rosters", "teams")
        if svc is None:
            return
        with session_scope(self.ctx.engine, write=False) as s:
            try:
                teams = svc.list_teams(s, actor=self.ctx.actor)
            except Exception:  # noqa: BLE001 - a role that cannot see rosters simply gets no list
                teams = []
        for t in teams:
            self.team.addItem(t.name, t.name)

    def _kind_changed(self, *_args) -> None:
        volunteers = self.current_kind() == "volunteers"
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
        return {"team": self.team.currentData()} if self.current_kind() == "volunteers" and self.team.currentData() else {}

    def check(self) -> OpHandle | None:
        if self.sheet is None:
            return None
        sheet, mapping, kind, options = self.sheet, self.current_mapping(), self.current_kind(), self._options()
        ctx = self.ctx

        def work(progress):
            with session_scope(ctx.engine, write=False) as s:
                return importer.dry_run(s, actor=ctx.actor, sheet=sheet, mapping=mapping, kind=kind, options=options,
                                        progress=progress)

        self.op = run_op(self, work, self._on_checked, self._on_failed, title=self.tr("Checking {file}").format(file=self.path.name))
        return self.op

    def _on_checked(self, plan: importer.ImportPlan) -> None:
        self.plan = plan
        c = plan.counts
        self.counts.setText(self.tr("{add} to add, {update} to update, {skip} to skip, {reject} rejected").format(**c))
        self.import_button.setEnabled(bool(c["add"] or c["update"]))
        if not c["reject"]:
            self.filter.setCurrentIndex(0)
        self._show_report()

    def _show_report(self, *_args) -> None:
        if self.plan is None:
            return
        actions = self.filter.currentData()
        kinds = {r.row: r.action for r in self.plan.results}
        rows = [(*r, kinds[r[0]]) for r in importer.report_rows(self.plan, actions=actions)]
        self.report_model.set_rows(rows)
        self.report.resizeColumnsToContents()

    def do_import(self) -> OpHandle | None:
        if self.plan is None:
            return None
        plan, ctx = self.plan, self.ctx
        labels, mapping = list(plan.labels), dict(plan.mapping)

        def work(progress):
            with session_scope(ctx.engine) as s:  # one transaction: all rows or none
                importer.remember_mapping(s, actor=ctx.actor, kind=plan.kind, labels=labels, mapping=mapping)
                return importer.apply_import(s, actor=ctx.actor, plan=plan, progress=progress)

        self.import_button.setEnabled(False)
        self.op = run_op(self, work, self._on_imported, self._on_failed, title=self.tr("Importing {file}").format(file=self.path.name))
        self.op.done.connect(self._after_import)
        return self.op

    def _after_import(self) -> None:
        if self.op is not None and self.op.cancelled:
            self.import_button.setEnabled(self.plan is not None)
            self.counts.setText(self.tr("Import cancelled: nothing was written."))

    def _on_imported(self, result: importer.ImportResult) -> None:
        self.result = result
        show_info(self.parentWidget() or self, self.tr(
            "Imported: {add} added, {update} updated, {skip} skipped, {reject} rejected rows left out.").format(
            add=result.added, update=result.updated, skip=result.skipped, reject=result.rejected))
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(self.sheet is not None)
        self.import_button.setEnabled(self.plan is not None)
        show_error(self, exc)
