"""The audit log's key on this computer (administration page → data safety): which keys wrote the log, which
of them this computer has, and export / import between the computers that share one database.

Thin: the work is ``safety.audit_keys`` through ``ui.ops``. The same as ``smiledesk audit-key show | export |
import`` for stations that never open a command line (docs/safety.md, "several PCs, one database").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout, QWidget

from desktop_app.safety.audit_keys import KeyStatus, export_audit_keys, import_audit_keys, key_status
from desktop_app.ui import ops
from desktop_app.ui.messages import show_info

KEY_FILTER = "*.keys"


class AskPath:
    """File dialogs of this dialog (tests replace them)."""

    @classmethod
    def save(cls, parent: QWidget, caption: str, default: str) -> str:
        return QFileDialog.getSaveFileName(parent, caption, default, KEY_FILTER)[0]

    @classmethod
    def open(cls, parent: QWidget, caption: str) -> str:
        return QFileDialog.getOpenFileName(parent, caption, "", KEY_FILTER)[0]


class AuditKeyDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: KeyStatus | None = None
        self.setObjectName("auditKeyDialog")
        self.setWindowTitle(self.tr("Audit key"))
        explain = QLabel(self.tr(
            "Every entry of the audit log is sealed with a key kept on the computer that wrote it, not in the database: "
            "whoever has only the database file cannot change the log unnoticed. When several computers use one "
            "database, export the key here and import it on each of the others, so that every computer can check "
            "the whole log. Keep the key file private and delete it after importing."), self)
        explain.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("auditKeyState")
        self.state.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(self.tr("Export the key…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportAuditKey")
        self.import_button = buttons.addButton(self.tr("Import a key…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("importAuditKey")
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(explain)
        lay.addWidget(self.state)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.resize(560, 320)
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: key_status(s, actor=actor), self._show, latest="status")

    def _show(self, status: KeyStatus) -> None:
        self.status = status
        self.export_button.setEnabled(bool(status.here))
        if status.database_id is None or not status.used:
            self.state.setText(self.tr("The log has no sealed entry yet: this computer makes its key with the first change saved."))
            return
        lines = [self.tr("This computer has {n} of the {total} keys that wrote the log.").format(
            n=sum(1 for k in status.used if k in status.here), total=len(status.used))]
        for key, n in status.missing.items():
            lines.append(self.tr("Key {key} ({n} entries) is not on this computer: the content of those entries cannot be "
                                 "checked here. Export it on the computer that has it and import it here.").format(key=key, n=n))
        for key in sorted(status.lost & set(status.used)):
            lines.append(self.tr("Key {key} was declared lost: the order of its entries is checked, their content cannot be.")
                         .format(key=key))
        if not status.missing:
            lines.append(self.tr("Every entry can be checked on this computer."))
        self.state.setText("\n".join(lines))

    def export(self) -> None:
        target = AskPath.save(self, self.tr("Export the audit key"), "审计密钥.keys")
        if not target:
            return
        actor = self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: export_audit_keys(s, actor=actor, target=Path(target)),
                  lambda n: self._done(self.tr("{n} key(s) written to {file}. Import the file on the other computers "
                                               "(administration page → data safety → audit key), then delete it.")
                                       .format(n=n, file=target)))

    def import_(self) -> None:
        source = AskPath.open(self, self.tr("Import an audit key"))
        if not source:
            return
        actor = self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: import_audit_keys(s, actor=actor, source=Path(source)),
                  lambda n: self._done(self.tr("{n} new key(s) kept on this computer. Delete the key file now.").format(n=n)))

    def _done(self, text: str) -> None:
        self.info_box = show_info(self, text)
        self.refresh()
