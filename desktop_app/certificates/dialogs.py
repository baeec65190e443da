"""Certificate dialogs: issue one, batch from volunteer hours, template settings, and the small questions
(reason, file, printer) as classmethods tests can replace (pytest-qt's note on dialogs)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.certificates import service as svc
from desktop_app.certificates.templates import KIND_LABELS, TemplateSettings
from desktop_app.core.db import session_scope
from desktop_app.core.i18n import translate
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error

# --- questions tests replace ---------------------------------------------------------------------------


class AskReason:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None


class AskFile:
    @classmethod
    def save(cls, parent: QWidget | None, caption: str, default: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, caption, default, filters)
        return path

    @classmethod
    def folder(cls, parent: QWidget | None, caption: str) -> str:
        return QFileDialog.getExistingDirectory(parent, caption)

    @classmethod
    def open(cls, parent: QWidget | None, caption: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
        return path


class AskPrinter:
    """The system print dialog (printer, page size, copies). Tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def kind_label(kind: str) -> str:
    return translate("Certificates", KIND_LABELS.get(kind, kind))


# --- issue one certificate ---------------------------------------------------------------------------------


class IssueDialog(QDialog):
    """Fill in a certificate and issue it. Non-modal (``open()``); ``issued`` carries the certificate id."""

    issued = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("issueDialog")
        self.setWindowTitle(self.tr("Issue a certificate"))
        self.resident_id: int | None = None
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for key in ("service_record", "honour", "thank_you"):
            self.kind.addItem(kind_label(key), key)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Chinese"), "zh")
        self.language.addItem(self.tr("English"), "en")
        self.picker = None
        try:
            from desktop_app.residents.ui import ResidentPicker

            self.picker = ResidentPicker(ctx, self)
            self.picker.chosen.connect(self._resident_chosen)
            self.picker.cleared.connect(self._resident_cleared)
        except Exception:  # pragma: no cover - the residents feature is part of every build
            self.picker = None
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("idNumber")
        self.id_number.setPlaceholderText(self.tr("optional; printed masked"))
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("organisation")
        self.organisation.setPlaceholderText(self.tr("team or organisation, e.g. 小红帽党员志愿巡逻队"))
        today = date.today()
        self.start = QDateEdit(_qdate(date(today.year, 1, 1)), self)
        self.start.setObjectName("periodStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.end = QDateEdit(_qdate(today), self)
        self.end.setMaximumDate(_qdate(today))
        self.end.setObjectName("periodEnd")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("hours")
        self.hours.setRange(0, svc.MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.content = QLineEdit(self)
        self.content.setObjectName("serviceContent")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("e.g. 优秀志愿者, 微笑之星"))
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("body")
        self.body.setPlaceholderText(self.tr("leave empty for the standard wording"))
        self.body.setMaximumHeight(90)
        self.with_seal = QCheckBox(self.tr("Seal (only when the volunteer asks for one)"), self)
        self.with_seal.setObjectName("withSeal")

        self.form = QFormLayout()
        self.form.addRow(self.tr("Kind"), self.kind)
        if self.picker is not None:
            self.form.addRow(self.tr("Find resident"), self.picker)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("ID number"), self.id_number)
        self.form.addRow(self.tr("Organisation"), self.organisation)
        self.form.addRow(self.tr("Service from"), self.start)
        self.form.addRow(self.tr("Service until"), self.end)
        self.form.addRow(self.tr("Hours served"), self.hours)
        self.form.addRow(self.tr("Service content"), self.content)
        self.form.addRow(self.tr("Honour title"), self.title_edit)
        self.form.addRow(self.tr("Text"), self.body)
        self.form.addRow(self.tr("Language"), self.language)
        self.form.addRow("", self.with_seal)
        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton(self.tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.show_preview)
        self.issue_button = buttons.addButton(self.tr("Issue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.issue_button.setObjectName("issueButton")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        self.issue_button.clicked.connect(self.submit)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.preview_doc = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setObjectName("specimenPreview")
        self.preview.setDocument(self.preview_doc)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.preview.setMinimumWidth(420)
        self.preview.setVisible(False)
        self._tmp = tempfile.TemporaryDirectory(prefix="smiledesk-specimen-")
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(buttons)
        lay = QHBoxLayout(self)
        lay.addLayout(left)
        lay.addWidget(self.preview, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        record = kind == "service_record"
        for w in (self.start, self.end, self.hours, self.content, self.id_number):
            self.form.setRowVisible(w, record)
        self.form.setRowVisible(self.title_edit, kind == "honour")
        self.form.setRowVisible(self.body, not record)

    def _resident_chosen(self, row) -> None:
        self.resident_id = row.id
        self.name.setText(row.name)
        self.id_number.setText("")
        self.id_number.setPlaceholderText(self.tr("from the resident record: {masked}").format(masked=row.id_masked or "—"))

    def _resident_cleared(self) -> None:
        self.resident_id = None

    def certificate_content(self) -> svc.CertificateContent:
        kind = self.kind.currentData()
        record = kind == "service_record"
        return svc.CertificateContent(
            kind=kind,
            recipient_name=self.name.text(),
            resident_id=self.resident_id,
            id_number=self.id_number.text() if record else "",
            organisation=self.organisation.text(),
            period_start=_pydate(self.start.date()) if record else None,
            period_end=_pydate(self.end.date()) if record else None,
            hours=self.hours.value() if record and self.hours.value() > 0 else None,
            service_content=self.content.text() if record else "",
            title=self.title_edit.text() if kind == "honour" else "",
            body=self.body.toPlainText() if not record else "",
            source="desk",
        )

    def show_preview(self) -> None:
        """A specimen (watermarked, number 000000) of what will be printed, before anything is issued."""
        try:
            with session_scope(self.ctx.engine, write=False) as s:
                data = svc.preview_content(s, actor=self.ctx.actor, content=self.certificate_content(),
                                           with_seal=self.with_seal.isChecked(), language=self.language.currentData())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        path = Path(self._tmp.name) / "specimen.pdf"
        self.preview_doc.close()
        path.write_bytes(data)
        self.preview_doc.load(str(path))
        self.preview.setVisible(True)

    def submit(self) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                cert = svc.issue_certificate(s, actor=self.ctx.actor, content=self.certificate_content(),
                                             with_seal=self.with_seal.isChecked(), language=self.language.currentData())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.issued.emit(cert.id)
        self.accept()


# --- batch from volunteer hours ------------------------------------------------------------------------------


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
        self.start = QDateEdit(_qdate(date(today.year, 1, 1)), self)
        self.start.setObjectName("batchStart")
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setCalendarPopup(True)
        # A record states service actually done: the period cannot end in the future.
        self.end = QDateEdit(_qdate(today), self)
        self.end.setMaximumDate(_qdate(today))
        self.end.setObjectName("batchEnd")
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.end.setCalendarPopup(True)
        self.min_hours = QDoubleSpinBox(self)
        self.min_hours.setObjectName("minHours")
        self.min_hours.setRange(0, svc.MAX_HOURS)
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
        start, end = _pydate(self.start.date()), _pydate(self.end.date())
        try:
            # a writing scope: reading volunteers' hours for certificates is audited
            with session_scope(self.ctx.engine) as s:
                self.rows = list(hours.service_record_contents(s, actor=self.ctx.actor, start=start, end=end, min_hours=self.min_hours.value()))
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(i, 0, check)
            for col, key in ((1, "name"), (2, "organisation"), (3, "hours"), (4, "service_content")):
                value = row.get(key, "")
                self.table.setItem(i, col, QTableWidgetItem(f"{value:g}" if isinstance(value, float) else str(value)))
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("{n} volunteer(s) with at least {h} hours from {start} to {end}.").format(
            n=len(self.rows), h=f"{self.min_hours.value():g}", start=start.isoformat(), end=end.isoformat()))
        self.run_button.setEnabled(bool(self.rows))

    def chosen_contents(self) -> list[svc.CertificateContent]:
        out = []
        for i, row in enumerate(self.rows):
            if self.table.item(i, 0).checkState() == Qt.CheckState.Checked:
                data = dict(row)
                data.setdefault("source", "rosters")
                out.append(svc.CertificateContent.from_dict(data, kind="service_record"))
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
        from pathlib import Path

        from desktop_app.ui.ops import run_op

        engine, actor, seal = self.ctx.engine, self.ctx.actor, self.with_seal.isChecked()
        n = len(contents)

        def work(progress):
            from desktop_app.core.progress import Progress

            # Issuing is the first half of the bar, drawing the second. The inner reports go through the
            # dialog's progress, so Cancel raises in either half and the transaction rolls everything back.
            issue_progress = Progress(lambda d, t, label: progress(d, 2 * n, label))
            render_progress = Progress(lambda d, t, label: progress(n + d, 2 * n, label))
            with session_scope(engine) as s:
                certs = svc.issue_batch(s, actor=actor, contents=contents, with_seal=seal, progress=issue_progress)
                return svc.render_batch(s, actor=actor, certificate_ids=[c.id for c in certs], target=Path(target),
                                        one_file_each=each, progress=render_progress)

        def done(result) -> None:
            self.result_files = result.files
            self.status.setText(self.tr("Issued {n} certificate(s) and saved {files} file(s) to {target}.").format(
                n=result.pages, files=len(result.files), target=target))
            self.run_button.setEnabled(False)

        self.handle = run_op(self, work, done, title=self.tr("Issuing certificates"))


# --- template settings ----------------------------------------------------------------------------------------


class SettingsDialog(QDialog):
    """The station's certificate template: issuer, signatory, logo, seal image, colours, paper."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("certificateSettings")
        self.setWindowTitle(self.tr("Certificate template"))
        with session_scope(ctx.engine, write=False) as s:
            self.current = svc.template_settings(s, actor=ctx.actor)
        c = self.current
        self.issuer = QLineEdit(c.issuer, self)
        self.issuer.setObjectName("issuer")
        self.issuer.setPlaceholderText(ctx.station_name)
        self.signatory = QLineEdit(c.signatory, self)
        self.signatory.setObjectName("signatory")
        self.signatory.setPlaceholderText(self.tr("e.g. 负责人：王芳 (optional)"))
        self.logo = c.logo
        self.seal = c.seal
        self.logo_label = QLabel(self._image_text(c.logo), self)
        self.seal_label = QLabel(self._image_text(c.seal), self)
        logo_button = QPushButton(self.tr("Choose…"), self)
        logo_button.setObjectName("logoButton")
        logo_button.clicked.connect(lambda: self._choose("logo"))
        seal_button = QPushButton(self.tr("Choose…"), self)
        seal_button.setObjectName("sealButton")
        seal_button.clicked.connect(lambda: self._choose("seal"))
        self.colour = QLineEdit(c.colour, self)
        self.colour.setObjectName("colour")
        self.accent = QLineEdit(c.accent, self)
        self.accent.setObjectName("accent")
        self.page_size = QComboBox(self)
        self.page_size.setObjectName("pageSize")
        for v in ("A4", "A5"):
            self.page_size.addItem(v, v)
        self.page_size.setCurrentIndex(self.page_size.findData(c.page_size))
        self.orientation = QComboBox(self)
        self.orientation.setObjectName("orientation")
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.setCurrentIndex(self.orientation.findData(c.orientation))
        self.language = QComboBox(self)
        self.language.setObjectName("defaultLanguage")
        self.language.addItem(self.tr("Chinese"), "zh")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(self.language.findData(c.language))
        form = QFormLayout()
        form.addRow(self.tr("Issuing organisation"), self.issuer)
        form.addRow(self.tr("Signatory"), self.signatory)
        row = QHBoxLayout()
        row.addWidget(self.logo_label, 1)
        row.addWidget(logo_button)
        form.addRow(self.tr("Logo"), row)
        row = QHBoxLayout()
        row.addWidget(self.seal_label, 1)
        row.addWidget(seal_button)
        form.addRow(self.tr("Seal image"), row)
        form.addRow(self.tr("Main colour"), self.colour)
        form.addRow(self.tr("Accent colour"), self.accent)
        form.addRow(self.tr("Paper size"), self.page_size)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Default language"), self.language)
        note = QLabel(self.tr("Changes apply to certificates issued from now on; issued certificates keep their look."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveSettings")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def _image_text(self, sha: str) -> str:
        return self.tr("stored ({sha})").format(sha=sha[:8]) if sha else self.tr("none")

    def _choose(self, which: str) -> None:
        path = AskFile.open(self, self.tr("Choose a picture"), self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if not path:
            return
        from pathlib import Path

        try:
            with session_scope(self.ctx.engine) as s:
                sha = svc.store_image(s, actor=self.ctx.actor, data=Path(path).read_bytes())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        setattr(self, which, sha)
        (self.logo_label if which == "logo" else self.seal_label).setText(self._image_text(sha))

    def values(self) -> TemplateSettings:
        return TemplateSettings(
            issuer=self.issuer.text(), signatory=self.signatory.text(), logo=self.logo, seal=self.seal,
            colour=self.colour.text(), accent=self.accent.text(), page_size=self.page_size.currentData(),
            orientation=self.orientation.currentData(), language=self.language.currentData(),
        )

    def save(self) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                svc.save_template_settings(s, actor=self.ctx.actor, settings=self.values())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.accept()
