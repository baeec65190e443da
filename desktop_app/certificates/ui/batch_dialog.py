"""Service record certificates for a period: every volunteer with at least N hours (from the rosters
feature, through ``ctx.services.volunteer_hours``) → certificates, one PDF or one file each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.certificates.batches import issue_and_save
from desktop_app.certificates.content import MAX_HOURS
from desktop_app.certificates.models import CertificateContent, CertificateKind
from desktop_app.certificates.ui.dialogs import AskFile
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets import fit_columns, pydate, qdate, read_only_item


class BatchDialog(QDialog):
    """Every volunteer with at least N hours in a period → certificates, one PDF or one file each."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("batchDialog")
        self.setWindowTitle(self.tr("Service record certificates for a period"))
        self.resize(760, 520)
        self.rows: list[dict] = []
        self.handle = None
        self.result_files: list = []
        today = date.today()
        self.start = QDateEdit(qdate(date(today.year, 1, 1)), self)
        self.start.setObjectName("batchStart")
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setCalendarPopup(True)
        # A record states service actually done: the period cannot end in the future.
        self.end = QDateEdit(qdate(today), self)
        self.end.setMaximumDate(qdate(today))
        self.end.setObjectName("batchEnd")
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.end.setCalendarPopup(True)
        self.min_hours = QDoubleSpinBox(self)
        self.min_hours.setObjectName("minHours")
        self.min_hours.setRange(0, MAX_HOURS)
        self.min_hours.setValue(20)
        self.find_button = QPushButton(self.tr("Find volunteers"), self)
        self.find_button.setObjectName("findButton")
        self.find_button.clicked.connect(self.find)
        top = QHBoxLayout()
        for label, w in ((self.tr("From"), self.start), (self.tr("Until"), self.end), (self.tr("At least (hours)"), self.min_hours)):
            top.addWidget(QLabel(label, self))
            top.addWidget(w)
        top.addWidget(self.find_button)
        top.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("batchStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("batchTable")
        self.table.setHorizontalHeaderLabels([self.tr("Issue"), self.tr("Name"), self.tr("Organisation"), self.tr("Hours"),
                                              self.tr("Service content")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.one_file = QRadioButton(self.tr("One PDF with all certificates"), self)
        self.one_file.setObjectName("oneFile")
        self.one_file.setChecked(True)
        self.each_file = QRadioButton(self.tr("One PDF file per certificate"), self)
        self.each_file.setObjectName("eachFile")
        self.with_seal = QCheckBox(self.tr("Seal"), self)
        self.with_seal.setObjectName("batchSeal")
        out = QHBoxLayout()
        out.addWidget(self.one_file)
        out.addWidget(self.each_file)
        out.addWidget(self.with_seal)
        out.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.run_button = buttons.addButton(self.tr("Issue and save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("runButton")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        lay.addLayout(out)
        lay.addWidget(buttons)
        if self.ctx.services.volunteer_hours is None:
            self.status.setText(self.tr(
                "No source of volunteer hours is installed (the rosters feature provides it), so there is nothing to "
                "list here. Issue certificates one by one with “New certificate…”."))
            self.find_button.setEnabled(False)

    def find(self) -> None:
        hours = self.ctx.services.volunteer_hours
        if hours is None:
            return
        start, end = pydate(self.start.date()), pydate(self.end.date())
        min_hours, actor = self.min_hours.value(), self.ctx.actor
        # a writing transaction: reading volunteers' hours for certificates is audited
        ops.write(self, self.ctx.engine,
                  lambda s: list(hours.hours_certificate_contents(s, actor=actor, start=start, end=end, min_hours=min_hours)),
                  lambda rows: self._found(rows, start, end, min_hours))

    def _found(self, rows: list[dict], start: date, end: date, min_hours: float) -> None:
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(i, 0, check)
            for col, key in ((1, "name"), (2, "organisation"), (3, "hours"), (4, "service_content")):
                value = row.get(key, "")
                self.table.setItem(i, col, read_only_item(f"{value:g}" if isinstance(value, float) else str(value),
                                                          align_right=col == 3))
        fit_columns(self.table)
        self.status.setText(self.tr("{n} volunteer(s) with at least {h} hours from {start} to {end}.").format(
            n=len(self.rows), h=f"{min_hours:g}", start=start.isoformat(), end=end.isoformat()))
        self.run_button.setEnabled(bool(self.rows))

    def chosen_contents(self) -> list[CertificateContent]:
        out = []
        for i, row in enumerate(self.rows):
            if self.table.item(i, 0).checkState() == Qt.CheckState.Checked:
                data = dict(row)
                data.setdefault("source", "rosters")
                out.append(CertificateContent.from_dict(data, kind=CertificateKind.SERVICE_RECORD_CERTIFICATE))
        return out

    def run(self) -> None:
        contents = self.chosen_contents()
        if not contents:
            return
        each = self.each_file.isChecked()
        if each:
            target = AskFile.folder(self, self.tr("Folder for the certificate files"))
        else:
            target = AskFile.save(self, self.tr("Save certificates as"), "certificates.pdf", self.tr("PDF files (*.pdf)"))
        if not target:
            return
        engine, actor, seal = self.ctx.engine, self.ctx.actor, self.with_seal.isChecked()

        def work(progress):
            # Cancel raises in either half (issuing, drawing) and the transaction rolls everything back.
            return issue_and_save(engine, actor=actor, contents=contents, target=Path(target), one_file_each=each,
                                  with_seal=seal, progress=progress)

        def done(result) -> None:
            self.result_files = result.files
            self.status.setText(self.tr("Issued {n} certificate(s) and saved {files} file(s) to {target}.").format(
                n=result.pages, files=len(result.files), target=target))
            self.run_button.setEnabled(False)

        self.handle = ops.run_op(self, work, done, title=self.tr("Issuing certificates"))
