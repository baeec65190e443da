"""Qt pieces of encryption at rest: the passphrase asked at start-up, and Encrypt / Decrypt for administrators.

Thin: the work is done by ``core.db`` (opening), ``safety.encryption`` (converting), ``safety.keys``
(remembering) and ``safety.at_rest`` (permission + audit). Converting runs on a worker thread (ui.ops);
afterwards SmileDesk closes, because the open engine belongs to the file as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import db
from desktop_app.core.errors import SmileDeskError
from desktop_app.safety import at_rest
from desktop_app.ui import ops


def _fit(dialog: QDialog, width: int | None = None) -> None:
    """The dialog's width, and the height its wrapped labels need at that width (again after a message)."""
    width = width or dialog.width()
    layout = dialog.layout()
    layout.activate()
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    dialog.setMinimumHeight(height)
    dialog.resize(width, height)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PassphraseDialog(QDialog):
    """Start-up: the database file is encrypted. A wrong passphrase is said so, and asked again;
    nothing is written until it is right (and then only the remembered key, when chosen)."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.passphrase: str | None = None
        self.attempts = 0
        self.setWindowTitle(self.tr("Unlock the database"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The database {file} is encrypted. Enter its passphrase to open it.").format(file=str(self.db_path)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.field = _password_field("passphrase")
        form.addRow(self.tr("Passphrase"), self.field)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Remember on this computer (for a kiosk that starts unattended)"))
        self.remember.setObjectName("rememberPassphrase")
        layout.addWidget(self.remember)
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        self.error.setProperty("tone", "error")  # resources/styles/*.qss
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setDefault(True)
        self.damaged_button = buttons.addButton(self.tr("It is not encrypted: restore a backup…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.damaged_button.setObjectName("notEncrypted")
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.damaged_button.clicked.connect(self.treat_as_damaged)
        self.open_button.clicked.connect(self.try_open)
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        _fit(self, 520)

    def treat_as_damaged(self) -> None:
        """A damaged file can look encrypted (its header is gone): go on without a passphrase, so the
        start-up check that follows offers the newest good backup."""
        self.passphrase = None
        self.accept()

    def try_open(self) -> bool:
        text = self.field.text()
        self.attempts += 1
        try:
            if not text:
                raise db.KeyRequired(self.db_path)
            db.check_key(self.db_path, text)
        except SmileDeskError as exc:
            self.error.setText(exc.text())
            _fit(self)
            self.field.clear()
            self.field.setFocus()
            return False
        self.passphrase = text
        db.set_database_key(self.db_path, text)
        if self.remember.isChecked():
            from desktop_app.safety import keys

            try:
                keys.remember(self.db_path, text)
            except OSError as exc:  # the database opens anyway; only remembering failed
                self.error.setText(self.tr("The passphrase could not be remembered on this computer: {error}").format(error=exc.strerror or str(exc)))
        self.accept()
        return True


def unlock_at_startup(url: str, parent: QWidget | None = None) -> bool:
    """Before the database is opened: an encrypted file gets its passphrase (remembered, SMILEDESK_DB_KEY
    or asked). False when the user chose to quit or encryption is not available here (it says why)."""
    from desktop_app.safety.integrity import sqlite_file

    path = sqlite_file(url)
    if path is None or not db.file_is_encrypted(path):
        return True
    if not db.encryption_available():
        QMessageBox.critical(parent, QCoreApplication.translate("PassphraseDialog", "Unlock the database"),
                             db.EncryptionUnavailable().text())
        return False
    key = db.database_key(path)
    if key:
        try:
            db.check_key(path, key)
            db.set_database_key(path, key)
            return True
        except db.WrongKey:
            pass  # a stale remembered passphrase: ask
        except SmileDeskError:
            return True  # not a key problem: the integrity check that follows says what is wrong
    dialog = PassphraseDialog(path, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


class EncryptionDialog(QDialog):
    """Administration: encrypt the database with a passphrase typed twice, or decrypt it again."""

    converted = Signal(bool)  # True: now encrypted

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_info = None
        self.handle = None
        self.db_path = db.sqlite_path(ctx.engine)
        self.encrypted = self.db_path is not None and db.file_is_encrypted(self.db_path)
        self.setWindowTitle(self.tr("Encrypt the database"))
        layout = QVBoxLayout(self)
        self.explain = QLabel()
        self.explain.setObjectName("encryptionExplain")
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        form = QFormLayout()
        self.first = _password_field("newPassphrase")
        self.second = _password_field("repeatPassphrase")
        form.addRow(self.tr("Passphrase"), self.first)
        self.second_label = QLabel(self.tr("Type it again"))
        form.addRow(self.second_label, self.second)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Remember on this computer (for a kiosk that starts unattended)"))
        self.remember.setObjectName("rememberPassphrase")
        layout.addWidget(self.remember)
        self.delete_plain = QCheckBox()
        self.delete_plain.setObjectName("deletePlainBackups")
        layout.addWidget(self.delete_plain)
        self.plain_backups: list[Path] = []
        self.error = QLabel()
        self.error.setObjectName("encryptionError")
        self.error.setWordWrap(True)
        self.error.setProperty("tone", "error")  # resources/styles/*.qss
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go_button = buttons.addButton(self.tr("Encrypt"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_button.setObjectName("convertButton")
        self.go_button.clicked.connect(self.convert)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_state()
        _fit(self, 600)

    def _show_state(self) -> None:
        if self.db_path is None:
            self.explain.setText(self.tr("This database is on a server; encrypt it there (the server's disk or its own settings)."))
            self.go_button.setEnabled(False)
            for w in (self.first, self.second, self.second_label, self.remember, self.delete_plain):
                w.setVisible(False)
            return
        if not db.encryption_available():
            self.explain.setText(db.EncryptionUnavailable().text())
            self.go_button.setEnabled(False)
            for w in (self.first, self.second, self.second_label, self.remember, self.delete_plain):
                w.setVisible(False)
            return
        self.delete_plain.setVisible(False)
        if not self.encrypted:
            engine, station_id = self.ctx.engine, self.ctx.actor.station_id
            ops.run_op(self, lambda _progress: at_rest.plain_backup_files(engine, station_id), self._plain_found,
                       cancellable=False, show_after_ms=60_000)
        if self.encrypted:
            self.setWindowTitle(self.tr("Decrypt the database"))
            self.explain.setText(self.tr(
                "The database is encrypted. Decrypting turns it back into a plain file that anyone who gets the "
                "computer or a copy can read. Type the passphrase to confirm. SmileDesk closes afterwards."))
            self.go_button.setText(self.tr("Decrypt"))
            for w in (self.second, self.second_label, self.remember):
                w.setVisible(False)
        else:
            self.explain.setText(self.tr(
                "Encrypting protects residents' data when the computer, its disk or a backup is lost or stolen: "
                "without the passphrase the file cannot be read. Nobody can recover a forgotten passphrase, so "
                "write it down and keep it somewhere safe. Close SmileDesk on other computers first; SmileDesk "
                "closes afterwards and asks for the passphrase when it starts (unless it is remembered here). "
                "Backups made from now on are encrypted too; older backups stay as they are."))

    def _plain_found(self, found: list[Path]) -> None:
        """Backups made before encrypting are plain copies of residents' data: offer to delete them."""
        self.plain_backups = found
        self.delete_plain.setText(self.tr("Delete the {n} backups made before: they are not encrypted (an encrypted backup is made first)").format(
            n=len(found)))
        self.delete_plain.setVisible(bool(found))
        _fit(self)

    def convert(self) -> None:
        from desktop_app.safety import encryption

        try:
            if self.encrypted:
                passphrase = self.first.text()
                db.check_key(self.db_path, passphrase)
            else:
                passphrase = encryption.check_passphrase(self.first.text(), self.second.text())
        except SmileDeskError as exc:
            self.error.setText(exc.text())
            _fit(self)
            self.first.clear()
            self.second.clear()
            self.first.setFocus()
            return
        self.error.setText("")
        self.go_button.setEnabled(False)
        engine, actor, remember, encrypt = self.ctx.engine, self.ctx.actor, self.remember.isChecked(), not self.encrypted
        delete_plain = bool(self.plain_backups) and self.delete_plain.isChecked()

        def work(progress):
            report = lambda done, total, label: progress(done, total, QCoreApplication.translate("SafetyEncryption", label) if label else "")  # noqa: E731
            if encrypt:
                return at_rest.encrypt_database(engine, actor=actor, passphrase=passphrase, remember=remember,
                                                delete_plain_backups=delete_plain, progress=report)
            return at_rest.decrypt_database(engine, actor=actor, passphrase=passphrase, progress=report)

        title = self.tr("Encrypting the database…") if encrypt else self.tr("Decrypting the database…")
        self.handle = ops.run_op(self, work, self._done, self._failed, title=title, cancellable=False)

    def _failed(self, exc: BaseException) -> None:
        from desktop_app.ui.messages import report_text

        self.go_button.setEnabled(True)
        self.error.setText(report_text(exc))
        _fit(self)

    def _done(self, info) -> None:
        self.result_info = info
        if info.encrypted:
            text = self.tr("The database is encrypted ({tables} tables, {rows} rows checked).").format(tables=info.tables, rows=info.rows)
            if info.deleted_backups:
                text += "\n\n" + self.tr("{n} backups that were not encrypted were deleted; an encrypted backup took their place.").format(
                    n=len(info.deleted_backups))
            if info.plain_backups:
                text += "\n\n" + self.tr("{n} backups made before are not encrypted, e.g. {file}. Delete them, or keep them somewhere as safe as the passphrase.").format(
                    n=len(info.plain_backups), file=str(info.plain_backups[0]))
        else:
            text = self.tr("The database is no longer encrypted ({tables} tables, {rows} rows checked).").format(tables=info.tables, rows=info.rows)
        self.error.setText("")
        self.explain.setText(text + "\n\n" + self.tr("SmileDesk closes now; start it again."))
        self.converted.emit(info.encrypted)
        self.accept()


def encryption_dialog(ctx, parent: QWidget | None = None) -> EncryptionDialog:
    """Run the dialog; after a conversion tell the user and close SmileDesk (the open engine is stale)."""
    dialog = EncryptionDialog(ctx, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_info is not None:
        QMessageBox.information(parent, dialog.windowTitle(), dialog.explain.text())
        quit_app()
    return dialog


def quit_app() -> None:
    app = QApplication.instance()
    if app is not None:
        app.exit(0)

