"""The requests tab: certificates other features and the desk asked for, waiting to be issued."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop_app.certificates.batches import issue_batch
from desktop_app.certificates.permissions import ISSUE_CERTIFICATES
from desktop_app.certificates.requests import cancel_request, list_requests
from desktop_app.certificates.ui.dialogs import AskReason, kind_label
from desktop_app.certificates.ui.register_tab import AlertTable
from desktop_app.core.clock import fmt_local, to_local
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.messages import show_error
from desktop_app.ui.widgets import fit_columns

# Where a request came from (CertificateContent.source), in words.
SOURCES = {
    "desk": QT_TRANSLATE_NOOP("RequestsTab", "the desk"),
    "passports": QT_TRANSLATE_NOOP("RequestsTab", "smile passports"),
    "rosters": QT_TRANSLATE_NOOP("RequestsTab", "volunteer hours"),
    "demo": QT_TRANSLATE_NOOP("RequestsTab", "demo data"),
}


def source_label(source: str) -> str:
    return translate("RequestsTab", SOURCES[source]) if source in SOURCES else source


class RequestsTab(QWidget):
    """``issued`` carries the id of the last certificate issued from the queue; ``changed``: the queue changed."""

    issued = Signal(int)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("requestsTab")
        self.last_box = None
        self.requests_table = AlertTable(self)
        self.requests_table.setObjectName("requestsTable")
        self.requests_model = ListTableModel([
            Column(self.tr("Kind"), lambda r: kind_label(r.kind)),
            Column(self.tr("Name"), lambda r: r.recipient_name, chars=5),
            Column(self.tr("Hours"), lambda r: "" if r.hours is None else f"{r.hours:g}", export=lambda r: r.hours),
            Column(self.tr("Service until"), lambda r: r.period_end.isoformat() if r.period_end else "", chars=6,
                   export=lambda r: r.period_end),
            Column(self.tr("Requested"), lambda r: fmt_local(r.requested_at), chars=9, export=lambda r: to_local(r.requested_at)),
            Column(self.tr("From"), lambda r: source_label(r.source) if r.source else r.requested_by),
            Column(self.tr("Problem"), lambda r: self.tr("no font has {chars}").format(chars=r.problem) if r.problem else "",
                   foreground=lambda r: self.requests_table.alertColor if r.problem else None),
        ], parent=self)
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
            w.setVisible(ctx.can(ISSUE_CERTIFICATES))
        lay = QVBoxLayout(self)
        lay.addWidget(self.requests_table)
        row = QHBoxLayout()
        row.addWidget(self.issue_requests_button)
        row.addWidget(self.request_seal)
        row.addWidget(self.cancel_request_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: list_requests(s, actor=actor), self._show, latest="requests")

    def _show(self, rows: list) -> None:
        self.requests_model.set_rows(rows)
        fit_columns(self.requests_table)

    def _selected_request_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.requests_table.selectionModel().selectedRows()})
        return [self.requests_model.row(r).id for r in rows]

    def _error(self, exc: BaseException) -> None:
        self.last_box = show_error(self, exc)

    def issue_selected_requests(self) -> None:
        ids = self._selected_request_ids()
        if not ids:
            return
        actor, seal = self.ctx.actor, self.request_seal.isChecked()
        ops.write(self, self.ctx.engine,
                  lambda s: [c.id for c in issue_batch(s, actor=actor, request_ids=ids, with_seal=seal)],
                  lambda cert_ids: self.issued.emit(cert_ids[-1]), on_error=self._error)

    def cancel_selected_request(self) -> None:
        ids = self._selected_request_ids()
        if len(ids) != 1:
            return
        reason = AskReason.ask(self, self.tr("Cancel request"), self.tr("Why is this request cancelled?"))
        if reason is None:
            return
        actor = self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: cancel_request(s, actor=actor, request_id=ids[0], reason=reason),
                  lambda _none: self.changed.emit(), on_error=self._error)
