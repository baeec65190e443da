"""Certificate dialogs: issue one, and the small questions (reason, file) as classmethods tests can
replace (pytest-qt's note on dialogs). The batch and the template dialogs have their own modules."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
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
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.certificates.content import MAX_HOURS
from desktop_app.certificates.issuing import issue_certificate, preview_content
from desktop_app.certificates.models import CertificateContent, CertificateKind
from desktop_app.certificates.templates import KIND_LABELS
from desktop_app.core.i18n import translate
from desktop_app.core.records import StaleEdit
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui import fit, ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error
from desktop_app.ui.widgets import pydate, qdate

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


def kind_label(kind: str) -> str:
    return translate("Certificates", KIND_LABELS.get(kind, kind))


def show_error_or_reload(parent: QWidget, exc: BaseException, reload: Callable[[], None], reload_text: str) -> QMessageBox:
    """The one error policy (``show_error``); for a stale edit the box also offers to reload the record."""
    box = show_error(parent, exc)
    if isinstance(exc, StaleEdit):
        button = box.addButton(reload_text, QMessageBox.ButtonRole.AcceptRole)
        button.setObjectName("reloadButton")
        button.clicked.connect(reload)
    return box


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
        for key in CertificateKind:
            self.kind.addItem(kind_label(key), str(key))
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Chinese"), "zh")
        self.language.addItem(self.tr("English"), "en")
        self.picker = ResidentPicker(ctx, self)
        self.picker.chosen.connect(self._resident_chosen)
        self.picker.cleared.connect(self._resident_cleared)
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("idNumber")
        self.id_number.setPlaceholderText(self.tr("optional; printed masked"))
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("organisation")
        self.organisation.setPlaceholderText(self.tr("team or organisation, e.g. 小红帽党员志愿巡逻队"))
        today = date.today()
        self.start = QDateEdit(qdate(date(today.year, 1, 1)), self)
        self.start.setObjectName("periodStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.end = QDateEdit(qdate(today), self)
        self.end.setMaximumDate(qdate(today))
        self.end.setObjectName("periodEnd")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("hours")
        self.hours.setRange(0, MAX_HOURS)
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
        # Not AcceptRole: the box would make it the default button, and Enter in the resident search
        # (which chooses a resident) would also try to issue.
        self.issue_button = buttons.addButton(self.tr("Issue"), QDialogButtonBox.ButtonRole.ActionRole)
        self.issue_button.setObjectName("issueButton")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        self.issue_button.clicked.connect(self.submit)
        for b in buttons.buttons():
            b.setAutoDefault(False)
        self.preview_doc = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setObjectName("specimenPreview")
        self.preview.setDocument(self.preview_doc)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.preview.setMinimumWidth(420)
        self.preview.setVisible(False)
        self._tmp = tempfile.TemporaryDirectory(prefix="smiledesk-specimen-")
        self.form_side = QWidget(self)
        left = QVBoxLayout(self.form_side)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(self.form)
        left.addStretch(1)  # a tall dialog: the room goes below the form, the buttons stay at the bottom
        left.addWidget(buttons)
        lay = QHBoxLayout(self)
        lay.addWidget(self.form_side)
        lay.addWidget(self.preview, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        # Wide enough for the search box's hint and the fields' examples (at its least it cut them to "居民：姓名、拼…").
        hint = self.fontMetrics().horizontalAdvance(self.picker.box.placeholderText())
        self.resize(max(self.sizeHint().width(), self.sizeHint().width() - self.picker.sizeHint().width() + hint + 40),
                    self.sizeHint().height())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        record = kind == CertificateKind.SERVICE_RECORD_CERTIFICATE
        for w in (self.start, self.end, self.hours, self.content, self.id_number):
            self.form.setRowVisible(w, record)
        self.form.setRowVisible(self.title_edit, kind == CertificateKind.HONOUR_CERTIFICATE)
        self.form.setRowVisible(self.body, not record)

    def _resident_chosen(self, row) -> None:
        self.resident_id = row.id
        self.name.setText(row.name)
        self.id_number.setText("")
        self.id_number.setPlaceholderText(self.tr("from the resident record: {masked}").format(masked=row.id_masked or "—"))

    def _resident_cleared(self) -> None:
        self.resident_id = None

    def certificate_content(self) -> CertificateContent:
        kind = self.kind.currentData()
        record = kind == CertificateKind.SERVICE_RECORD_CERTIFICATE
        return CertificateContent(
            kind=kind,
            recipient_name=self.name.text(),
            resident_id=self.resident_id,
            id_number=self.id_number.text() if record else "",
            organisation=self.organisation.text(),
            period_start=pydate(self.start.date()) if record else None,
            period_end=pydate(self.end.date()) if record else None,
            hours=self.hours.value() if record and self.hours.value() > 0 else None,
            service_content=self.content.text() if record else "",
            title=self.title_edit.text() if kind == CertificateKind.HONOUR_CERTIFICATE else "",
            body=self.body.toPlainText() if not record else "",
            source="desk",
        )

    def _choices(self) -> tuple[CertificateContent, bool, str]:
        return self.certificate_content(), self.with_seal.isChecked(), self.language.currentData()

    def show_preview(self) -> None:
        """A specimen (watermarked, number 000000) of what will be printed, before anything is issued."""
        content, seal, language = self._choices()
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine,
                  lambda s: preview_content(s, actor=actor, content=content, with_seal=seal, language=language),
                  self._show_specimen, on_error=self._failed, latest="specimen")

    def _show_specimen(self, data: bytes) -> None:
        path = Path(self._tmp.name) / "specimen.pdf"
        self.preview_doc.close()
        path.write_bytes(data)
        self.preview_doc.load(str(path))
        if not self.preview.isVisible():  # room for the specimen beside the form, within the screen
            room = fit.client_room(fit.available_geometry(self))
            if self.width() + self.preview.minimumWidth() <= room.width():
                self.form_side.setMinimumWidth(self.form_side.width())  # the form stays as readable as it was
            self.preview.setVisible(True)
            want = QSize(self.width() + max(self.preview.minimumWidth(), 600), max(self.height(), 560))
            self.resize(want.boundedTo(room).expandedTo(self.minimumSizeHint()))

    def submit(self) -> None:
        content, seal, language = self._choices()
        actor = self.ctx.actor
        self.issue_button.setEnabled(False)
        ops.write(self, self.ctx.engine,
                  lambda s: issue_certificate(s, actor=actor, content=content, with_seal=seal, language=language).id,
                  self._issued, on_error=self._failed)

    def _issued(self, certificate_id: int) -> None:
        self.issued.emit(certificate_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """Show what is wrong and keep the dialog open with what was typed."""
        self.issue_button.setEnabled(True)
        self.error_box = show_error(self, exc)
