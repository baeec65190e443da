"""Qt pieces of data safety: Back up, Restore (File menu) and the damaged-database dialog at start-up.

Thin: the work is done by ``safety.service`` / ``safety.integrity``; errors are shown with show_error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import paths
from desktop_app.core.db import session_scope, sqlite_path
from desktop_app.core.errors import SmileDeskError
from desktop_app.safety import backup, integrity, service
from desktop_app.ui.messages import Confirm, show_error, show_info


def _kind_label(widget: QWidget, kind: str) -> str:
    return {
        "exit": QCoreApplication.translate("SafetyBackups", "on closing"),
        "daily": QCoreApplication.translate("SafetyBackups", "daily"),
        "manual": QCoreApplication.translate("SafetyBackups", "manual"),
        "pre-restore": QCoreApplication.translate("SafetyBackups", "before a restore"),
        "damaged": QCoreApplication.translate("SafetyBackups", "damaged copy"),
    }.get(kind, kind)


def _fill(widget: QWidget, listing: QListWidget, backups: list[backup.BackupInfo]) -> None:
    listing.clear()
    for b in backups:
        text = f"{b.taken_at:%Y-%m-%d %H:%M}   {_kind_label(widget, b.kind)}   {b.size / 1_048_576:.1f} MB   {b.path.parent}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, str(b.path))
        listing.addItem(item)


class BackupDialog(QDialog):
    """Make a backup now, into the station's folder or another one (a USB drive)."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.made: Path | None = None
        self.setWindowTitle(self.tr("Back up the database"))
        with session_scope(ctx.engine, write=False) as s:
            self.folder = service.backup_folder(s, ctx.actor.station_id)
        layout = QVBoxLayout(self)
        self.explain = QLabel(self.tr(
            "SmileDesk backs up by itself when it closes and once a day, keeping 7 daily, 4 weekly and "
            "12 monthly copies. Make a copy now before big changes, or onto a USB drive to keep elsewhere."))
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.folder_label, 1)
        self.choose = QPushButton(self.tr("Other folder…"))
        self.choose.clicked.connect(self.choose_folder)
        row.addWidget(self.choose)
        layout.addLayout(row)
        self.listing = QListWidget()
        layout.addWidget(self.listing, 1)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = buttons.addButton(self.tr("Back up now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.setDefault(True)
        self.backup_button.clicked.connect(self.backup_now)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if sqlite_path(ctx.engine) is None:
            self.backup_button.setEnabled(False)
            self.status.setText(self.tr("This database is on a server; it is backed up there (pg_dump), not from a station."))
        self.resize(640, 420)
        self._refresh()

    def _refresh(self) -> None:
        self.folder_label.setText(self.tr("Folder: {folder}").format(folder=str(self.folder)))
        _fill(self, self.listing, backup.list_backups(self.folder))

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Back up into"), str(self.folder))
        if chosen:
            self.folder = Path(chosen)
            self._refresh()

    def backup_now(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.made = service.backup_now(self.ctx.engine, actor=self.ctx.actor, folder=self.folder)
        except SmileDeskError as exc:
            self.status.setText("")
            show_error(self, exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.status.setText(self.tr("Backup written: {file}").format(file=str(self.made)))
        self._refresh()


class RestoreDialog(QDialog):
    """Put a backup in place of the database; the current database is kept as a backup first."""

    restored = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kept: Path | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "Choose a backup. It is checked before anything is replaced, and the current database is kept as "
            "a backup, so a restore can itself be undone. Everything entered after the backup was made is "
            "not in it."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.listing = QListWidget()
        self.listing.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.listing, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.file_button = buttons.addButton(self.tr("Backup file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(self.choose_file)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
        db = sqlite_path(ctx.engine)
        with session_scope(ctx.engine, write=False) as s:
            folder = service.backup_folder(s, ctx.actor.station_id)
        folders = [folder, *service.remembered_folders(), paths.backups_dir()] + ([db.parent / "backups"] if db else [])
        _fill(self, self.listing, backup.list_backups(*folders))

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.listing.selectedItems()))

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Backup file"), str(paths.backups_dir()),
                                                self.tr("SmileDesk backups (*.sqlite3)"))
        if chosen:
            self.restore_file(Path(chosen))

    def restore_selected(self) -> None:
        items = self.listing.selectedItems()
        if items:
            self.restore_file(Path(items[0].data(Qt.ItemDataRole.UserRole)))

    def restore_file(self, path: Path) -> bool:
        try:
            service.check_backup(self.ctx.engine, path)
        except SmileDeskError as exc:
            show_error(self, exc)
            return False
        question = self.tr("Replace the database with the backup {file}? The current database is kept as a backup.").format(file=path.name)
        if not Confirm.ask(self, question, self.tr("Restore")):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.kept = service.restore_backup(self.ctx.engine, actor=self.ctx.actor, backup_file=path)
        except SmileDeskError as exc:
            show_error(self, exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.restored.emit(str(path))
        show_info(self.parent() or self, self.tr("The backup was restored. Pages show the restored data after you open them again; restarting SmileDesk is the surest way."))
        self.accept()
        return True


class DamagedDatabaseDialog(QDialog):
    """Start-up: the database file is damaged or unreadable. Offer the newest good backup; no traceback."""

    def __init__(self, problem: integrity.Problem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.kept: Path | None = None
        self.setWindowTitle(self.tr("The database cannot be used"))
        layout = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setObjectName("damagedMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore the newest backup"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.clicked.connect(self.restore_newest)
        self.file_button = buttons.addButton(self.tr("Choose a backup file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(self.choose_file)
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._show()
        self.resize(600, 260)

    def _show(self) -> None:
        p = self.problem
        if p.kind == integrity.DAMAGED:
            head = self.tr("The database file {path} is damaged, so SmileDesk cannot open it safely.")
        else:
            head = self.tr("The database file {path} cannot be opened: check that the drive is there and the file may be read and written.")
        parts = [head.format(path=str(p.db_path)), self.tr("Details: {detail}").format(detail=p.detail)]
        if p.backup is not None:
            parts.append(self.tr("The newest good backup is from {when} ({file}). Restoring it loses what was entered after that time; the damaged file is kept.").format(
                when=f"{p.backup.taken_at:%Y-%m-%d %H:%M}", file=str(p.backup.path)))
        else:
            parts.append(self.tr("No good backup was found. Choose a backup file (e.g. on a USB drive), or quit and ask for help."))
        self.restore_button.setVisible(p.backup is not None)
        self.message.setText("\n\n".join(parts))

    def restore_newest(self) -> None:
        self._recover(None)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Backup file"), str(paths.backups_dir()),
                                                self.tr("SmileDesk backups (*.sqlite3)"))
        if chosen:
            self._recover(Path(chosen))

    def _recover(self, chosen: Path | None) -> None:
        try:
            self.kept = integrity.recover(self.problem, chosen)
        except SmileDeskError as exc:
            show_error(self, exc)
            return
        self.accept()


def check_at_startup(url: str, parent: QWidget | None = None) -> bool:
    """Quick check before the database is opened; False when the user chose to quit (never raises).

    A big file gets only the fast header/schema check here; call ``check_in_background`` once the
    window is open for the full one."""
    try:
        problem = integrity.startup_check(url, full=not integrity.needs_background_check(url))
    except Exception:  # the check must never be the thing that crashes start-up
        import logging

        logging.getLogger(__name__).exception("start-up integrity check failed")
        return True
    if problem is None:
        return True
    return DamagedDatabaseDialog(problem, parent).exec() == QDialog.DialogCode.Accepted


def check_in_background(url: str, parent: QWidget):
    """The full integrity check of a big database on a worker thread, after the window is open.

    Damage found: the same dialog as at start-up; after a restore the app must start again on the
    restored file, so it says so and quits. Returns the operation handle (None: nothing to check)."""
    if not integrity.needs_background_check(url):
        return None
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app.ui.ops import run_op

    def done(problem) -> None:
        if problem is None:
            return
        dialog = DamagedDatabaseDialog(problem, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            QMessageBox.information(parent, dialog.windowTitle(),
                                    QApplication.translate("DamagedDatabaseDialog",
                                                           "The backup was restored. SmileDesk will now close; start it again."))
        QApplication.instance().exit(1)

    return run_op(parent, lambda _p: integrity.startup_check(url, full=True), done,
                  on_error=lambda exc: None, cancellable=False, show_after_ms=3_600_000)
