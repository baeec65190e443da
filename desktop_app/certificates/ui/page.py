"""The certificates page: warnings, verification box, and two tabs — the register with an in-app PDF
preview (register_tab.py) and the request queue (requests_tab.py, built when first shown).

Every read and write goes through ``ui.ops``; printing is the register tab's (QPrintDialog).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.certificates.export import export_volunteer_service_records
from desktop_app.certificates.models import Verdict
from desktop_app.certificates.permissions import (
    CONFIGURE_CERTIFICATES,
    EXPORT_CERTIFICATES,
    ISSUE_CERTIFICATES,
)
from desktop_app.certificates.register import CertificateWarning, warnings
from desktop_app.certificates.ui.batch_dialog import BatchDialog
from desktop_app.certificates.ui.dialogs import AskFile, IssueDialog, kind_label
from desktop_app.certificates.ui.register_tab import RegisterTab
from desktop_app.certificates.ui.requests_tab import RequestsTab
from desktop_app.certificates.ui.settings_dialog import SettingsDialog
from desktop_app.certificates.verification import VerificationResult, verify_payload
from desktop_app.core.i18n import translate
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.fit import FlowLayout
from desktop_app.ui.messages import show_error, show_info
from desktop_app.ui.widgets import deleted_when_closed, open_single

REGISTER, REQUESTS = 0, 1


class CertificatesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("certificatesPage")
        self.issue_dialog: IssueDialog | None = None
        self.batch_dialog: BatchDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.last_box = None

        self.warnings = QLabel(self)
        self.warnings.setObjectName("certWarnings")  # looks: resources/styles/*.qss
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(False)

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
        self.new_button.setVisible(ctx.can(ISSUE_CERTIFICATES))
        self.batch_button.setVisible(ctx.can(ISSUE_CERTIFICATES))
        self.export_button.setVisible(ctx.can(EXPORT_CERTIFICATES))
        self.settings_button.setVisible(ctx.can(CONFIGURE_CERTIFICATES))

        self.verify_input = QLineEdit(self)
        self.verify_input.setObjectName("verifyInput")
        self.verify_input.setPlaceholderText(self.tr("Scan a certificate's QR code or type its number, then Enter"))
        self.verify_input.returnPressed.connect(self.verify)
        self.verify_button = QPushButton(self.tr("Check"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel(self)
        self.verify_result.setObjectName("verifyResult")  # coloured by its "verdict" property (*.qss)
        self.verify_result.setWordWrap(True)  # its own line under the input: a verdict and what was signed
        self.verify_result.setVisible(False)  # until the first check (vertical room at 1366×768)

        top = FlowLayout()  # wraps on a narrow screen (ui/fit.py)
        for b in (self.new_button, self.batch_button, self.export_button, self.settings_button):
            top.addWidget(b)
        verify_row = QHBoxLayout()
        verify_row.addWidget(QLabel(self.tr("Verify:"), self))
        verify_row.addWidget(self.verify_input, 1)
        verify_row.addWidget(self.verify_button)

        self.register = RegisterTab(ctx, self)
        self.register.changed.connect(self.refresh)
        self.requests: RequestsTab | None = None  # built when its tab is first shown
        self._requests_holder = QWidget(self)
        QVBoxLayout(self._requests_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("certTabs")
        self.tabs.addTab(self.register, self.tr("Register"))
        self.tabs.addTab(self._requests_holder, self.tr("Requests"))
        self.tabs.currentChanged.connect(self._tab_shown)

        lay = QVBoxLayout(self)
        lay.addWidget(self.warnings)
        lay.addLayout(top)
        lay.addLayout(verify_row)
        lay.addWidget(self.verify_result)
        lay.addWidget(self.tabs, 1)
        self.register.refresh(select_first=True)
        self._refresh_warnings()

    # --- data ----------------------------------------------------------------------------------------

    def _tab_shown(self, index: int) -> None:
        if index == REQUESTS and self.requests is None:
            self.requests = RequestsTab(self.ctx, self._requests_holder)
            self.requests.issued.connect(self._issued)
            self.requests.changed.connect(self.refresh)
            self._requests_holder.layout().addWidget(self.requests)

    def refresh(self) -> None:
        """Read everything shown again (the main window calls this when the page is shown again); the
        register keeps its selection."""
        self.register.refresh()
        if self.requests is not None:
            self.requests.refresh()
        self._refresh_warnings()

    def _refresh_warnings(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: warnings(s, actor=actor), self._show_warnings, latest="warnings")

    def _show_warnings(self, warns: list[CertificateWarning]) -> None:
        waiting = next((w.count for w in warns if w.code == "not_issued"), 0)
        self.tabs.setTabText(REQUESTS, self.tr("Requests ({n})").format(n=waiting))
        if warns:
            self.warnings.setText("\n".join("⚠ " + translate("Certificates", w.message).format(n=w.count) for w in warns))
        self.warnings.setVisible(bool(warns))

    # --- actions ---------------------------------------------------------------------------------------

    def new_certificate(self) -> None:
        self.issue_dialog = deleted_when_closed(IssueDialog(self.ctx, self))
        self.issue_dialog.issued.connect(self._issued)
        self.issue_dialog.open()

    def _issued(self, certificate_id: int) -> None:
        self.tabs.setCurrentIndex(REGISTER)
        self.register.refresh(select=[certificate_id])
        if self.requests is not None:
            self.requests.refresh()
        self._refresh_warnings()

    def open_batch(self) -> None:
        def make() -> BatchDialog:
            dialog = BatchDialog(self.ctx, self)
            dialog.finished.connect(lambda _r: self.refresh())
            return dialog

        self.batch_dialog = open_single(self, "batch", make)
        self.batch_dialog.open()

    def open_settings(self) -> None:
        self.settings_dialog = open_single(self, "template", lambda: SettingsDialog(self.ctx, self))
        self.settings_dialog.open()

    def verify(self) -> None:
        text = self.verify_input.text()
        if not text.strip():
            return
        ops.query(self, self.ctx.engine, lambda s: verify_payload(s, text), self._verified, latest="verify")

    def _verified(self, res: VerificationResult) -> None:
        parts: list[str] = []
        if res.number:
            parts.append(res.number)
        if res.kind:
            parts.extend([kind_label(res.kind), res.recipient, str(res.issued_on)])
        d = res.details
        if d.get("hours"):
            parts.append(self.tr("{hours} hours").format(hours=d["hours"]))
        if d.get("period_start") or d.get("period_end"):
            parts.append(f"{d.get('period_start', '')}–{d.get('period_end', '')}")
        if d.get("organisation"):
            parts.append(d["organisation"])
        if d.get("title"):
            parts.append(d["title"])
        if res.status == Verdict.REVOKED and res.revoke_reason:
            parts.append(self.tr("reason: {reason}").format(reason=res.revoke_reason))
        message = translate("Certificates", res.message)
        self.verify_result.setText(message + ("\n" + "  ·  ".join(parts) if parts else ""))
        self.verify_result.setVisible(True)
        self.verify_result.setProperty("verdict", str(res.status))
        self.verify_result.style().unpolish(self.verify_result)  # the colour of the new verdict (*.qss)
        self.verify_result.style().polish(self.verify_result)
        self.verify_input.selectAll()

    def export(self) -> None:
        target = AskFile.save(self, self.tr("Export service records"), "志愿服务记录.xlsx",
                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not target:
            return
        actor = self.ctx.actor

        def done(n: int) -> None:
            self.last_box = show_info(self, self.tr("{n} service record(s) written to {path}. Enter them in the national "
                                                    "volunteer system, then mark them as entered here.").format(n=n, path=target))

        ops.write(self, self.ctx.engine, lambda s: export_volunteer_service_records(s, actor=actor, target=Path(target)), done,
                  on_error=self._error)

    def _error(self, exc: BaseException) -> None:
        self.last_box = show_error(self, exc)
