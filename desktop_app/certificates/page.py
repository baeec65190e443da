"""The certificates page: warnings, verification box, the register with an in-app PDF preview, the request queue.

Printing goes through QPrintDialog (``dialogs.AskPrinter.ask``) and draws each page of the rendered PDF
(QPdfDocument) onto the QPrinter, so what is printed is exactly what was previewed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.certificates import service as svc
from desktop_app.certificates.dialogs import (
    AskFile,
    AskPrinter,
    AskReason,
    BatchDialog,
    IssueDialog,
    SettingsDialog,
    kind_label,
)
from desktop_app.core.clock import fmt_local
from desktop_app.core.db import session_scope
from desktop_app.core.i18n import translate
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, KeysetTableModel, ListTableModel
from desktop_app.ui.messages import show_error, show_info

VERDICT_COLOURS = {
    svc.V_VALID: "#1B7F3B",
    svc.V_REVOKED: "#B3261E",
    svc.V_UNKNOWN: "#8A5A00",
    svc.V_TAMPERED: "#B3261E",
    svc.V_MALFORMED: "#8A5A00",
}


def print_pdf(path: str | Path, printer: QPrinter) -> int:
    """Draw every page of a PDF onto ``printer`` (copies the driver cannot make are drawn again). Returns pages drawn."""
    doc = QPdfDocument()
    error = doc.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise RuntimeError(f"cannot read {path}: {error}")
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer refused to start")
    drawn = 0
    try:
        dpi = printer.resolution()
        for _copy in range(copies):
            for i in range(doc.pageCount()):
                if drawn:
                    printer.newPage()
                points = doc.pagePointSize(i)
                target = painter.viewport()
                size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
                image = doc.render(i, size)
                scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                                         Qt.TransformationMode.SmoothTransformation))
                drawn += 1
    finally:
        painter.end()
    return drawn


class CertificatesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("certificatesPage")
        self._tmp = tempfile.TemporaryDirectory(prefix="smiledesk-cert-")
        self.current_id: int | None = None
        self.issue_dialog: IssueDialog | None = None
        self.batch_dialog: BatchDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.last_box = None

        self.warnings = QLabel(self)
        self.warnings.setObjectName("certWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("QLabel { background: #FFF4E0; border: 1px solid #E0B060; padding: 6px; }")

        self.new_button = QPushButton(self.tr("New certificate…"), self)
        self.new_button.setObjectName("newButton")
        self.new_button.clicked.connect(self.new_certificate)
        self.batch_button = QPushButton(self.tr("Service records for a period…"), self)
        self.batch_button.setObjectName("batchButton")
        self.batch_button.clicked.connect(self.open_batch)
        self.export_button = QPushButton(self.tr("Export for the national system…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.settings_button = QPushButton(self.tr("Template…"), self)
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.clicked.connect(self.open_settings)
        self.new_button.setVisible(ctx.can(svc.ISSUE_CERTIFICATES))
        self.batch_button.setVisible(ctx.can(svc.ISSUE_CERTIFICATES))
        self.export_button.setVisible(ctx.can(svc.EXPORT_CERTIFICATES))
        self.settings_button.setVisible(ctx.can(svc.CONFIGURE_CERTIFICATES))

        self.verify_input = QLineEdit(self)
        self.verify_input.setObjectName("verifyInput")
        self.verify_input.setPlaceholderText(self.tr("Scan a certificate's QR code or type its number, then Enter"))
        self.verify_input.returnPressed.connect(self.verify)
        self.verify_button = QPushButton(self.tr("Check"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel(self)
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)

        top = QHBoxLayout()
        for b in (self.new_button, self.batch_button, self.export_button, self.settings_button):
            top.addWidget(b)
        top.addStretch(1)
        verify_row = QHBoxLayout()
        verify_row.addWidget(QLabel(self.tr("Verify:"), self))
        verify_row.addWidget(self.verify_input, 2)
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verify_result, 3)

        # Register: filters, table, preview with actions.
        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Number or name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for key in ("service_record", "honour", "thank_you"):
            self.kind_filter.addItem(kind_label(key), key)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Valid and revoked"), "")
        self.status_filter.addItem(self.tr("Valid"), svc.STATUS_VALID)
        self.status_filter.addItem(self.tr("Revoked"), svc.STATUS_REVOKED)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())

        columns = [
            Column(self.tr("Number"), lambda r: r.number),
            Column(self.tr("Kind"), lambda r: kind_label(r.kind)),
            Column(self.tr("Name"), lambda r: r.recipient_name),
            Column(self.tr("Hours"), lambda r: "" if r.hours is None else f"{r.hours:g}", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column(self.tr("Issued"), lambda r: fmt_local(r.issued_at)),
            Column(self.tr("By"), lambda r: r.issued_by),
            Column(self.tr("Printed"), lambda r: str(r.print_count), align=Qt.AlignmentFlag.AlignCenter),
            Column(self.tr("Entered"), lambda r: ("✓" if r.entered else "—") if r.kind == "service_record" else "",
                   align=Qt.AlignmentFlag.AlignCenter,
                   tooltip=lambda r: self.tr("entered in the national volunteer system") if r.entered else ""),
            Column(self.tr("Status"), lambda r: self.tr("revoked") if r.status == svc.STATUS_REVOKED else self.tr("valid"),
                   foreground=lambda r: QColor("#B3261E") if r.status == svc.STATUS_REVOKED else None),
        ]
        self.model = KeysetTableModel(columns, self._fetch, lambda r: r.id, self)
        self.table = QTableView(self)
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.doc = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setObjectName("preview")
        self.preview.setDocument(self.doc)
        self.preview.setPageMode(QPdfView.PageMode.SinglePage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.preview_label = QLabel(self.tr("Choose a certificate to see it here."), self)
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_current)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save_selected)
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.clicked.connect(self.revoke_current)
        self.revoke_button.setVisible(ctx.can(svc.REVOKE_CERTIFICATES))
        self.entered_button = QPushButton(self.tr("Entered in national system"), self)
        self.entered_button.setObjectName("enteredButton")
        self.entered_button.setToolTip(self.tr("Mark the selected service records as entered in the national volunteer system"))
        self.entered_button.clicked.connect(self.mark_entered)
        self.entered_button.setVisible(ctx.can(svc.EXPORT_CERTIFICATES))
        self.print_button.setVisible(ctx.can(svc.PRINT_CERTIFICATES))
        self.save_button.setVisible(ctx.can(svc.PRINT_CERTIFICATES))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.status_filter)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addLayout(filters)
        left_lay.addWidget(self.table)
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.preview, 1)
        right_lay.addWidget(self.preview_label)
        actions = QHBoxLayout()
        for b in (self.print_button, self.save_button, self.revoke_button, self.entered_button):
            actions.addWidget(b)
        actions.addStretch(1)
        right_lay.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        register = QWidget(self)
        QVBoxLayout(register).addWidget(splitter)

        # Requests waiting to be issued.
        self.requests_model = ListTableModel([
            Column(self.tr("Kind"), lambda r: kind_label(r.kind)),
            Column(self.tr("Name"), lambda r: r.recipient_name),
            Column(self.tr("Hours"), lambda r: "" if r.hours is None else f"{r.hours:g}"),
            Column(self.tr("Service until"), lambda r: r.period_end.isoformat() if r.period_end else ""),
            Column(self.tr("Requested"), lambda r: fmt_local(r.requested_at)),
            Column(self.tr("From"), lambda r: r.source or r.requested_by),
            Column(self.tr("Problem"), lambda r: self.tr("no font has {chars}").format(chars=r.problem) if r.problem else "",
                   foreground=lambda r: QColor("#B3261E") if r.problem else None),
        ], parent=self)
        self.requests_table = QTableView(self)
        self.requests_table.setObjectName("requestsTable")
        self.requests_table.setModel(self.requests_model)
        self.requests_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.requests_table.verticalHeader().setVisible(False)
        self.requests_table.horizontalHeader().setStretchLastSection(True)
        self.issue_requests_button = QPushButton(self.tr("Issue selected"), self)
        self.issue_requests_button.setObjectName("issueRequestsButton")
        self.issue_requests_button.clicked.connect(self.issue_selected_requests)
        self.request_seal = QCheckBox(self.tr("Seal"), self)
        self.request_seal.setObjectName("requestSeal")
        self.cancel_request_button = QPushButton(self.tr("Cancel request…"), self)
        self.cancel_request_button.setObjectName("cancelRequestButton")
        self.cancel_request_button.clicked.connect(self.cancel_selected_request)
        for w in (self.issue_requests_button, self.request_seal, self.cancel_request_button):
            w.setVisible(ctx.can(svc.ISSUE_CERTIFICATES))
        requests = QWidget(self)
        rl = QVBoxLayout(requests)
        rl.addWidget(self.requests_table)
        row = QHBoxLayout()
        row.addWidget(self.issue_requests_button)
        row.addWidget(self.request_seal)
        row.addWidget(self.cancel_request_button)
        row.addStretch(1)
        rl.addLayout(row)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("certTabs")
        self.tabs.addTab(register, self.tr("Register"))
        self.tabs.addTab(requests, self.tr("Requests"))

        lay = QVBoxLayout(self)
        lay.addWidget(self.warnings)
        lay.addLayout(top)
        lay.addLayout(verify_row)
        lay.addWidget(self.tabs, 1)
        self.refresh()
        if self.model.rowCount() and ctx.can(svc.VIEW_CERTIFICATES):
            self.table.selectRow(0)  # show the newest certificate straight away

    # --- data ----------------------------------------------------------------------------------------

    def _filter(self) -> svc.RegisterFilter:
        return svc.RegisterFilter(kind=self.kind_filter.currentData() or "", status=self.status_filter.currentData() or "",
                                  text=self.search.text())

    def _fetch(self, after, limit):
        with session_scope(self.ctx.engine, write=False) as s:
            return svc.list_certificates(s, actor=self.ctx.actor, after=after, limit=limit, flt=self._filter())

    def reload(self) -> None:
        self.model.reload()

    def refresh(self) -> None:
        """Reload everything shown (the main window calls this when the page is shown again); keeps the selection."""
        keep = self.selected_ids() if self.model.rowCount() else []
        self.model.reload()
        for cid in keep:
            self.select_certificate(cid, add=True)
        with session_scope(self.ctx.engine, write=False) as s:
            self.requests_model.set_rows(svc.list_requests(s, actor=self.ctx.actor))
            warns = svc.warnings(s, actor=self.ctx.actor)
        self.tabs.setTabText(1, self.tr("Requests ({n})").format(n=self.requests_model.rowCount()))
        if warns:
            self.warnings.setText("\n".join("⚠ " + translate("Certificates", w.message).format(n=w.count) for w in warns))
        self.warnings.setVisible(bool(warns))
        self._selection_changed()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row(r).id for r in rows]

    def select_certificate(self, certificate_id: int, *, add: bool = False) -> None:
        from PySide6.QtCore import QItemSelectionModel

        for r, row in enumerate(self.model.rows()):
            if row.id == certificate_id:
                flags = QItemSelectionModel.SelectionFlag.Rows | (
                    QItemSelectionModel.SelectionFlag.Select if add else QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.table.selectionModel().select(self.model.index(r, 0), flags)
                return

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.current_id = ids[0] if len(ids) == 1 else None
        for b in (self.print_button, self.revoke_button):
            b.setEnabled(self.current_id is not None)
        self.save_button.setEnabled(bool(ids))
        self.entered_button.setEnabled(bool(ids))
        if self.current_id is not None:
            self.show_preview(self.current_id)
        else:
            self.doc.close()
            self.preview_label.setText(self.tr("{n} certificates selected.").format(n=len(ids)) if ids
                                       else self.tr("Choose a certificate to see it here."))

    def _pdf_file(self, certificate_id: int) -> Path:
        with session_scope(self.ctx.engine, write=False) as s:
            data = svc.render_certificate(s, actor=self.ctx.actor, certificate_id=certificate_id)
        # A fresh name each time: on Windows a file the preview still holds open cannot be overwritten.
        self._renders = getattr(self, "_renders", 0) + 1
        path = Path(self._tmp.name) / f"{certificate_id}-{self._renders}.pdf"
        path.write_bytes(data)
        return path

    def show_preview(self, certificate_id: int) -> None:
        try:
            path = self._pdf_file(certificate_id)
            with session_scope(self.ctx.engine, write=False) as s:
                cert = svc.get_certificate(s, actor=self.ctx.actor, certificate_id=certificate_id)
                log = svc.print_log(s, actor=self.ctx.actor, certificate_id=certificate_id)
        except Exception as exc:
            self.doc.close()
            self.preview_label.setText(svc_error_text(exc))
            return
        self.doc.close()
        self.doc.load(str(path))
        lines = [self.tr("{number} · issued {when} by {who}").format(number=cert.number, when=fmt_local(cert.issued_at),
                                                                    who=cert.issued_by_name)]
        if cert.status == svc.STATUS_REVOKED:
            lines.append(self.tr("Revoked {when} by {who}: {reason}").format(when=fmt_local(cert.revoked_at),
                                                                            who=cert.revoked_by, reason=cert.revoke_reason))
        for p in log:
            how = {"print": self.tr("printed"), "reprint": self.tr("reprinted"), "pdf": self.tr("saved as PDF")}.get(p.how, p.how)
            text = self.tr("{when} {how} by {who}").format(when=fmt_local(p.at), how=how, who=p.actor_name)
            if p.reason:
                text += f" ({p.reason})"
            lines.append(text)
        self.preview_label.setText("\n".join(lines))

    # --- actions ---------------------------------------------------------------------------------------

    def new_certificate(self) -> None:
        self.issue_dialog = IssueDialog(self.ctx, self)
        self.issue_dialog.issued.connect(self._issued)
        self.issue_dialog.open()

    def _issued(self, certificate_id: int) -> None:
        self.refresh()
        self.tabs.setCurrentIndex(0)
        self.select_certificate(certificate_id)

    def open_batch(self) -> None:
        self.batch_dialog = BatchDialog(self.ctx, self)
        self.batch_dialog.finished.connect(lambda _r: self.refresh())
        self.batch_dialog.open()

    def open_settings(self) -> None:
        self.settings_dialog = SettingsDialog(self.ctx, self)
        self.settings_dialog.open()

    def verify(self) -> None:
        text = self.verify_input.text()
        if not text.strip():
            return
        verify = svc.verify_payload
        with session_scope(self.ctx.engine, write=False) as s:
            res = verify(s, text)
        parts = [translate("Certificates", res.message)]
        if res.number:
            parts.append(res.number)
        if res.kind:
            parts.append(f"{kind_label(res.kind)} · {res.recipient} · {res.issued_on}")
        if res.status == svc.V_REVOKED and res.revoke_reason:
            parts.append(self.tr("reason: {reason}").format(reason=res.revoke_reason))
        if res.status == svc.V_VALID and not res.signed:
            parts.append(self.tr("(typed number: compare the name on the paper)"))
        self.verify_result.setText("  ".join(parts))
        self.verify_result.setStyleSheet(f"QLabel {{ color: {VERDICT_COLOURS[res.status]}; font-weight: bold; }}")
        self.verify_result.setProperty("verdict", res.status)
        self.verify_input.selectAll()

    def print_current(self) -> None:
        cid = self.current_id
        if cid is None:
            return
        with session_scope(self.ctx.engine, write=False) as s:
            cert = svc.get_certificate(s, actor=self.ctx.actor, certificate_id=cid)
        reason = ""
        if cert.print_count > 0 and cert.status != svc.STATUS_REVOKED:
            reason = AskReason.ask(self, self.tr("Reprint"), self.tr(
                "Certificate {number} was printed before. Why print it again?").format(number=cert.number))
            if reason is None:
                return
        try:
            with session_scope(self.ctx.engine, write=False) as s:
                svc.prepare_output(s, actor=self.ctx.actor, certificate_id=cid, reason=reason)
            path = self._pdf_file(cid)
        except Exception as exc:
            self.last_box = show_error(self, exc)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from PySide6.QtGui import QPageLayout, QPageSize

        snap = svc.snapshot_of(cert)["template"]
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5 if snap.get("page_size") == "A5" else QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if snap.get("orientation") == "landscape"
                                   else QPageLayout.Orientation.Portrait)
        printer.setDocName(cert.number)
        if not AskPrinter.ask(self, printer):
            return
        try:
            # Print first, then log: a failed print is not logged as printed, and no database lock is
            # held while the printer driver works.
            print_pdf(path, printer)
            with session_scope(self.ctx.engine) as s:
                svc.record_output(s, actor=self.ctx.actor, certificate_id=cid, how="print",
                                  copies=max(1, printer.copyCount()), reason=reason)
        except Exception as exc:
            self.last_box = show_error(self, exc)
            return
        self.refresh()
        self.select_certificate(cid)

    def save_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            with session_scope(self.ctx.engine, write=False) as s:
                number = svc.get_certificate(s, actor=self.ctx.actor, certificate_id=ids[0]).number
            target = AskFile.save(self, self.tr("Save certificate as"), f"{number}.pdf", self.tr("PDF files (*.pdf)"))
        else:
            target = AskFile.save(self, self.tr("Save certificates as"), "certificates.pdf", self.tr("PDF files (*.pdf)"))
        if not target:
            return
        from desktop_app.ui.ops import run_op

        engine, actor = self.ctx.engine, self.ctx.actor

        def work(progress):
            with session_scope(engine) as s:
                return svc.render_batch(s, actor=actor, certificate_ids=ids, target=Path(target), progress=progress)

        def done(result) -> None:
            self.refresh()
            self.last_box = show_info(self, self.tr("Saved {n} certificate(s) to {path}.").format(n=result.pages, path=target))

        self.save_handle = run_op(self, work, done, title=self.tr("Saving certificates"))

    def revoke_current(self) -> None:
        cid = self.current_id
        if cid is None:
            return
        reason = AskReason.ask(self, self.tr("Revoke certificate"), self.tr("Why is this certificate revoked? (kept in the register)"))
        if reason is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                svc.revoke_certificate(s, actor=self.ctx.actor, certificate_id=cid, reason=reason)
        except Exception as exc:
            self.last_box = show_error(self, exc)
            return
        self.refresh()
        self.select_certificate(cid)

    def mark_entered(self) -> None:
        ids = self.selected_ids()
        try:
            with session_scope(self.ctx.engine) as s:
                n = svc.mark_entered(s, actor=self.ctx.actor, certificate_ids=ids)
        except Exception as exc:
            self.last_box = show_error(self, exc)
            return
        self.refresh()
        self.last_box = show_info(self, self.tr("{n} service record(s) marked as entered.").format(n=n))

    def export(self) -> None:
        target = AskFile.save(self, self.tr("Export service records"), "志愿服务记录.xlsx",
                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not target:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                n = svc.export_service_records(s, actor=self.ctx.actor, target=Path(target))
        except Exception as exc:
            self.last_box = show_error(self, exc)
            return
        self.last_box = show_info(self, self.tr("{n} service record(s) written to {path}. Enter them in the national "
                                                "volunteer system, then mark them as entered here.").format(n=n, path=target))

    def _selected_request_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.requests_table.selectionModel().selectedRows()})
        return [self.requests_model.row(r).id for r in rows]

    def issue_selected_requests(self) -> None:
        ids = self._selected_request_ids()
        if not ids:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                certs = svc.issue_batch(s, actor=self.ctx.actor, request_ids=ids, with_seal=self.request_seal.isChecked())
        except Exception as exc:
            self.last_box = show_error(self, exc)
            return
        self.refresh()
        self.tabs.setCurrentIndex(0)
        self.select_certificate(certs[-1].id)

    def cancel_selected_request(self) -> None:
        ids = self._selected_request_ids()
        if len(ids) != 1:
            return
        reason = AskReason.ask(self, self.tr("Cancel request"), self.tr("Why is this request cancelled?"))
        if reason is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                svc.cancel_request(s, actor=self.ctx.actor, request_id=ids[0], reason=reason)
        except Exception as exc:
            self.last_box = show_error(self, exc)
            return
        self.refresh()


def svc_error_text(exc: BaseException) -> str:
    from desktop_app.ui.messages import error_text

    return error_text(exc)
