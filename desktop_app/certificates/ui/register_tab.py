"""The register tab: filters, the register (newest first, read a page at a time), an in-app PDF preview of
the chosen certificate with its print log, and print / save as PDF / revoke / entered in the national system.

Printing goes through ``ui.printing`` (the platform print dialog, then the PDF that was previewed goes to
the printer as it is), and the print log is written once the printer accepted the job.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Property, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.certificates.batches import save_as_pdf
from desktop_app.certificates.export import mark_entered
from desktop_app.certificates.models import CertificateKind, CertificateStatus, PrintKind
from desktop_app.certificates.permissions import EXPORT_CERTIFICATES, PRINT_CERTIFICATES, REVOKE_CERTIFICATES
from desktop_app.certificates.register import (
    CertificateDetails,
    CertificateRow,
    RegisterFilter,
    certificate_details,
    list_certificates,
    prepare_output,
    record_output,
    render_certificate,
    revoke_certificate,
)
from desktop_app.certificates.ui.dialogs import (
    AskFile,
    AskReason,
    kind_label,
    show_error_or_reload,
)
from desktop_app.core.clock import fmt_local, to_local
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.papers import Paper, PaperKind
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.export_action import shown_filter
from desktop_app.ui.fit import FlowLayout
from desktop_app.ui.lazy_model import Column, KeysetTableModel
from desktop_app.ui.messages import error_text, show_error, show_info
from desktop_app.ui.printing import PrintResult, document_info, print_paper, show_print_error
from desktop_app.ui.widgets import fit_columns

PREVIEW_AFTER_MS = 150  # the preview draws once the selection has rested this long


class AlertTable(QTableView):
    """A table whose colour for rows that need attention (revoked, unprintable) comes from the style sheets:
    ``QTableView#registerTable { qproperty-alertColor: #b3261e; }`` (resources/styles/*.qss)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alert = QColor(Qt.GlobalColor.darkRed)

    def _get_alert(self) -> QColor:
        return self._alert

    def _set_alert(self, colour: QColor) -> None:
        self._alert = QColor(colour)
        self.viewport().update()

    alertColor = Property(QColor, _get_alert, _set_alert)  # noqa: N815 (a Qt property, named as QSS writes it)


class RegisterTab(QWidget):
    """``changed`` is emitted after anything here changed the register (the page refreshes its warnings)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("registerTab")
        self._tmp = tempfile.TemporaryDirectory(prefix="smiledesk-cert-")
        self._renders = 0
        self.current_id: int | None = None
        self.details: CertificateDetails | None = None
        self.last_box = None
        self.save_handle = None
        self._reselect: list[int] | None = None
        self._select_first = False
        self._fitted = False

        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Number or name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh(select=[]))
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for key in CertificateKind:
            self.kind_filter.addItem(kind_label(key), str(key))
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh(select=[]))
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Valid and revoked"), "")
        self.status_filter.addItem(self.tr("Valid"), str(CertificateStatus.VALID))
        self.status_filter.addItem(self.tr("Revoked"), str(CertificateStatus.REVOKED))
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh(select=[]))

        self.table = AlertTable(self)
        self.table.setObjectName("registerTable")
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        centre = Qt.AlignmentFlag.AlignCenter
        columns = [
            Column(self.tr("Number"), lambda r: r.number, chars=10),
            Column(self.tr("Kind"), lambda r: kind_label(r.kind)),
            Column(self.tr("Name"), lambda r: r.recipient_name, chars=5),
            Column(self.tr("Hours"), lambda r: "" if r.hours is None else f"{r.hours:g}", align=right, export=lambda r: r.hours),
            Column(self.tr("Issued"), lambda r: fmt_local(r.issued_at), chars=9, export=lambda r: to_local(r.issued_at)),
            Column(self.tr("By"), lambda r: r.issued_by),
            Column(self.tr("Printed"), lambda r: str(r.print_count), align=centre, export=lambda r: r.print_count),
            Column(self.tr("Entered"), lambda r: ("✓" if r.entered else "—") if r.kind == CertificateKind.SERVICE_RECORD_CERTIFICATE else "",
                   align=centre,
                   tooltip=lambda r: self.tr("entered in the national volunteer system") if r.entered else ""),
            Column(self.tr("Status"), lambda r: self.tr("revoked") if r.status == CertificateStatus.REVOKED else self.tr("valid"),
                   foreground=lambda r: self.table.alertColor if r.status == CertificateStatus.REVOKED else None),
        ]
        self.model = KeysetTableModel(columns, self._fetch(), lambda r: r.id, self, engine=ctx.engine)
        self.model.loaded.connect(self._loaded)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
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
        self.revoke_button.setVisible(ctx.can(REVOKE_CERTIFICATES))
        self.entered_button = QPushButton(self.tr("Entered in national system"), self)
        self.entered_button.setObjectName("enteredButton")
        self.entered_button.setToolTip(self.tr("Mark the selected service records as entered in the national volunteer system"))
        self.entered_button.clicked.connect(self.mark_entered)
        self.entered_button.setVisible(ctx.can(EXPORT_CERTIFICATES))
        self.print_button.setVisible(ctx.can(PRINT_CERTIFICATES))
        self.save_button.setVisible(ctx.can(PRINT_CERTIFICATES))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.status_filter, 1)
        for box in (self.kind_filter, self.status_filter):  # as narrow as the list needs, not their longest item
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(4)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addLayout(filters)
        left_lay.addWidget(self.table)
        right_side = QWidget(self)
        right_lay = QVBoxLayout(right_side)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.preview, 1)
        right_lay.addWidget(self.preview_label)
        actions = FlowLayout()  # wraps in a narrow panel (ui/fit.py)
        for b in (self.print_button, self.save_button, self.revoke_button, self.entered_button):
            actions.addWidget(b)
        right_lay.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right_side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        self._selection_changed()

    # --- data ----------------------------------------------------------------------------------------

    def export_filter(self, view) -> list[str]:
        return shown_filter(self.search, self.kind_filter, self.status_filter)

    def _fetch(self):
        """The keyset page reader for the filter as shown now (read on the GUI thread, used off it)."""
        flt = RegisterFilter(kind=self.kind_filter.currentData() or "", status=self.status_filter.currentData() or "",
                             text=self.search.text())
        actor = self.ctx.actor
        return lambda s, after, limit: list_certificates(s, actor=actor, after=after, limit=limit, flt=flt)

    def refresh(self, *, select: list[int] | None = None, select_first: bool = False) -> None:
        """Read the register again; keeps the selection (or selects ``select``, or the newest certificate)."""
        if select is None and self._reselect is not None:  # a refresh still waiting for its rows: keep its choice
            select, select_first = self._reselect, select_first or self._select_first
        self._reselect = self.selected_ids() if select is None else list(select)
        self._select_first = select_first
        self.model.reload(self._fetch())

    def _loaded(self) -> None:
        if not self._fitted and self.model.rowCount():
            fit_columns(self.table)
            self._fitted = True
        wanted, first = self._reselect, self._select_first
        if wanted is None:
            return
        self._reselect, self._select_first = None, False
        if first and not wanted and self.model.rowCount():
            self.table.selectRow(0)  # show the newest certificate straight away
        for i, cid in enumerate(wanted):
            self.select_certificate(cid, add=i > 0)
        if not self.selected_ids():
            self._selection_changed()  # what was shown is no longer listed: the preview goes too

    def selected_rows(self) -> list[CertificateRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row(i) for i in rows) if r is not None]

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def select_certificate(self, certificate_id: int, *, add: bool = False) -> None:
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
            # The PDF shown is of this certificate as it is now (a revisit, a refresh): kept, its history read.
            same = self.details is not None and self.details.row == self.selected_rows()[0] and self.doc.pageCount() > 0
            self.show_preview(self.current_id, draw=not same)
        elif self._reselect is not None:
            return  # the register is reloading: the preview stays until its rows and selection are back
        else:
            self.details = None
            self.doc.close()
            self.preview_label.setText((self.tr("1 certificate selected.") if len(ids) == 1 else self.tr("{n} certificates selected.")).format(n=len(ids)) if ids
                                       else self.tr("Choose a certificate to see it here."))

    def _pdf_file(self, certificate_id: int, data: bytes) -> Path:
        # A fresh name each time: on Windows a file the preview still holds open cannot be overwritten.
        self._renders += 1
        path = Path(self._tmp.name) / f"{certificate_id}-{self._renders}.pdf"
        path.write_bytes(data)
        return path

    def show_preview(self, certificate_id: int, *, draw: bool = True) -> None:
        actor = self.ctx.actor
        if not draw:  # the PDF shown stays; the history under it may have grown (a PDF saved)
            ops.query(self, self.ctx.engine, lambda s: certificate_details(s, actor=actor, certificate_id=certificate_id),
                      self._show_details, on_error=self._preview_failed, latest="preview")
            return

        def read(s):
            return (render_certificate(s, actor=actor, certificate_id=certificate_id),
                    certificate_details(s, actor=actor, certificate_id=certificate_id))

        # Drawing the PDF (and, the first time, parsing its font) is slow work: off the database lane, and a
        # moment after the selection rests (arrowing through the register draws only where it stops; on the
        # page's first visit the drawing does not contend with building it).
        ops.query(self, self.ctx.engine, read, lambda out: self._show_preview(certificate_id, *out),
                  on_error=self._preview_failed, latest="preview", slow=True, after_ms=PREVIEW_AFTER_MS)

    def _show_preview(self, certificate_id: int, data: bytes, details: CertificateDetails) -> None:
        path = self._pdf_file(certificate_id, data)
        self.doc.close()
        self.doc.load(str(path))
        self._show_details(details)

    def _show_details(self, details: CertificateDetails) -> None:
        self.details = details
        row = details.row
        lines = [self.tr("{number} · issued {when} by {who}").format(number=row.number, when=fmt_local(row.issued_at),
                                                                    who=row.issued_by)]
        if row.status == CertificateStatus.REVOKED:
            lines.append(self.tr("Revoked {when} by {who}: {reason}").format(when=fmt_local(details.revoked_at),
                                                                            who=details.revoked_by, reason=details.revoke_reason))
        how_text = {PrintKind.PRINT: self.tr("printed"), PrintKind.REPRINT: self.tr("reprinted"), PrintKind.PDF: self.tr("saved as PDF")}
        for p in details.prints:
            text = self.tr("{when} {how} by {who}").format(when=fmt_local(p.at), how=how_text.get(p.how, p.how), who=p.actor_name)
            if p.reason:
                text += f" ({p.reason})"
            lines.append(text)
        self.preview_label.setText("\n".join(lines))

    def _preview_failed(self, exc: BaseException) -> None:
        """Said where the preview would be (e.g. a character no font can print); a bug also takes the one
        error policy (logged, the box says where the log is)."""
        self.details = None
        self.doc.close()
        self.preview_label.setText(error_text(exc))
        if not isinstance(exc, SmileDeskError):
            ops.report_error(self, exc)

    def _error(self, exc: BaseException) -> None:
        self.last_box = show_error(self, exc)

    # --- actions ---------------------------------------------------------------------------------------

    def print_current(self) -> None:
        cid = self.current_id
        if cid is None:
            return
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: certificate_details(s, actor=actor, certificate_id=cid),
                  lambda details: self._print_with_reason(cid, details), on_error=self._error)

    def _print_with_reason(self, cid: int, details: CertificateDetails) -> None:
        reason = ""
        if details.row.print_count > 0 and details.row.status != CertificateStatus.REVOKED:
            reason = AskReason.ask(self, self.tr("Reprint"), self.tr(
                "Certificate {number} was printed before. Why print it again?").format(number=details.row.number))
            if reason is None:
                return
        actor = self.ctx.actor

        def check_and_render(s) -> bytes:
            prepare_output(s, actor=actor, certificate_id=cid, reason=reason)
            return render_certificate(s, actor=actor, certificate_id=cid)

        ops.query(self, self.ctx.engine, check_and_render, lambda data: self._print(cid, details, reason, data),
                  on_error=self._error)

    def _print(self, cid: int, details: CertificateDetails, reason: str, data: bytes) -> None:
        """The print dialog, then the job (ui.printing); the print log is written only once the printer
        accepted the job, and no database lock is held while the printer works."""
        paper = Paper(PaperKind.CERTIFICATE, details.row.number, data, people=1, entity="certificate",
                      entity_id=str(cid), audited=False)  # the print log below is the register (and audits)
        pages, first_page = document_info(data)
        engine, actor = self.ctx.engine, self.ctx.actor

        def printed(result: PrintResult) -> None:
            ops.write(self, engine,
                      lambda s: record_output(s, actor=actor, certificate_id=cid, how=PrintKind.PRINT,
                                              copies=result.copies, reason=reason).id,
                      lambda _entry: self.changed.emit(), on_error=self._error)

        def failed(exc: BaseException) -> None:
            self.last_box = show_print_error(self, exc)

        self.print_op = print_paper(self, self.ctx, paper, pages=pages, first_page=first_page, on_printed=printed,
                                    on_failed=failed)

    def save_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if len(rows) == 1:
            target = AskFile.save(self, self.tr("Save certificate as"), f"{rows[0].number}.pdf", self.tr("PDF files (*.pdf)"))
        else:
            target = AskFile.save(self, self.tr("Save certificates as"), "certificates.pdf", self.tr("PDF files (*.pdf)"))
        if not target:
            return
        engine, actor, ids = self.ctx.engine, self.ctx.actor, [r.id for r in rows]

        def done(result) -> None:
            self.changed.emit()
            self.last_box = show_info(self, self.tr("Saved {n} certificate(s) to {path}.").format(n=result.pages, path=target))

        self.save_handle = ops.run_op(
            self, lambda progress: save_as_pdf(engine, actor=actor, certificate_ids=ids, target=Path(target), progress=progress),
            done, self._error, title=self.tr("Saving certificates"))

    def revoke_current(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        reason = AskReason.ask(self, self.tr("Revoke certificate"), self.tr("Why is this certificate revoked? (kept in the register)"))
        if reason is None:
            return
        actor = self.ctx.actor
        ops.write(self, self.ctx.engine,
                  lambda s: revoke_certificate(s, actor=actor, certificate_id=row.id, reason=reason,
                                               expected_version=row.version).id,
                  lambda _id: self.changed.emit(), on_error=self._not_revoked)

    def _not_revoked(self, exc: BaseException) -> None:
        """Someone changed the certificate since it was shown: the message offers to read it again."""
        self.last_box = show_error_or_reload(self, exc, self.changed.emit, self.tr("Reload"))

    def mark_entered(self) -> None:
        ids, actor = self.selected_ids(), self.ctx.actor

        def done(n: int) -> None:
            self.changed.emit()
            self.last_box = show_info(self, self.tr("{n} service record(s) marked as entered.").format(n=n))

        ops.write(self, self.ctx.engine, lambda s: mark_entered(s, actor=actor, certificate_ids=ids), done,
                  on_error=self._error)
