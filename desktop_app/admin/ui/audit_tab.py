"""The audit log: every change with who and when, newest first; a check that nobody altered it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop_app import admin
from desktop_app.admin.audit_labels import action_label, record_label
from desktop_app.admin.ui.staff_tab import list_view
from desktop_app.core.clock import fmt_local, to_local
from desktop_app.core.i18n import Finding
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, KeysetTableModel
from desktop_app.ui.messages import show_info
from desktop_app.ui.widgets import fit_columns


class AuditTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.verdict: QMessageBox | None = None  # the answer of the last check
        actor = ctx.actor
        self.model = KeysetTableModel([
            Column(self.tr("Time"), lambda e: fmt_local(e.at, "%Y-%m-%d %H:%M:%S"), chars=19,
                   export=lambda e: to_local(e.at)),
            Column(self.tr("Who"), lambda e: e.actor_name, chars=8),
            Column(self.tr("Action"), lambda e: action_label(e.action), chars=8),
            Column(self.tr("Record"), lambda e: record_label(e.entity, e.entity_id), chars=14),
            Column(self.tr("Change"), lambda e: (e.after or e.before or "")[:200], tooltip=lambda e: (e.after or "")[:2000], chars=40),
        ], lambda s, after, limit: admin.audit_page(s, actor=actor, before_id=after, limit=limit), lambda e: e.id,
            self, engine=ctx.engine)
        self.table = list_view(self.model, "auditTable")
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.clicked.connect(self.verify)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Every change is logged here with who and when; entries cannot be edited.")))
        lay.addWidget(self.table, 1)
        lay.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignRight)
        fit_columns(self.table)  # from the columns' typical widths: the rows arrive later
        self.model.reload()

    def refresh(self) -> None:
        self.model.reload()

    def verify(self) -> ops.OpHandle:
        """Check the whole chain (a big log takes a while: off the database lane); the answer in a message."""
        actor = self.ctx.actor
        self.verify_button.setEnabled(False)
        return ops.query(self, self.ctx.engine, lambda s: admin.verify_audit_chain(s, actor=actor), self._verified,
                         on_error=self._not_verified, slow=True)

    def _verified(self, problems: list[Finding]) -> None:
        self.verify_button.setEnabled(True)
        if problems:
            text = self.tr("The audit log was altered:") + "\n" + "\n".join(p.text() for p in problems[:20])
        else:
            text = self.tr("The audit log is intact.")
        self.verdict = show_info(self, text, self.tr("Audit log"))

    def _not_verified(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        ops.report_error(self, exc)
