"""Qt pieces of data safety: Back up, Restore (administration page), the damaged-database dialog at start-up,
and the notice of a failed automatic backup.

Thin: the work is done by ``safety.backups`` / ``safety.integrity``; reads and copies run through ``ui.ops``
(a copy takes seconds on a big database) and errors are shown by its one policy.
"""

from __future__ import annotations

import logging
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
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import paths
from desktop_app.core.db import sqlite_path
from desktop_app.core.i18n import shown
from desktop_app.safety import backup_files, backups, integrity
from desktop_app.safety.models import BackupFailure, BackupKind, ProblemKind
from desktop_app.safety.permissions import BACKUP_ELSEWHERE
from desktop_app.ui import ops
from desktop_app.ui.fit import ElidedLabel
from desktop_app.ui.messages import Confirm, show_info

log = logging.getLogger(__name__)


def _kind_label(kind: str) -> str:
    return {
        BackupKind.EXIT: QCoreApplication.translate("SafetyBackups", "on closing"),
        BackupKind.DAILY: QCoreApplication.translate("SafetyBackups", "daily"),
        BackupKind.MANUAL: QCoreApplication.translate("SafetyBackups", "manual"),
        BackupKind.PRE_RESTORE: QCoreApplication.translate("SafetyBackups", "before a restore"),
        BackupKind.DAMAGED: QCoreApplication.translate("SafetyBackups", "damaged copy"),
    }.get(kind, kind)


def failure_text(failure: BackupFailure) -> str:
    """What the user reads about a failed automatic backup (at start-up and on the administration page)."""
    head = QCoreApplication.translate("SafetyBackups", "The automatic backup ({kind}) failed on {when}: {detail}").format(
        kind=_kind_label(failure.kind), when=f"{failure.at:%Y-%m-%d %H:%M}", detail=failure.detail)
    if failure.failures > 1:
        head += " " + QCoreApplication.translate("SafetyBackups", "Failures in a row: {n}.").format(n=failure.failures)
    return head + "\n\n" + QCoreApplication.translate(
        "SafetyBackups", "Until a backup succeeds, the newest copy of the data is older than you think. Check the backup "
                         "folder (a USB drive plugged in? space left?) in Settings, then make a backup on the "
                         "Administration page (Data safety).")


def report_backup_failure(parent: QWidget | None, engine):
    """At start-up: tell the user when the last automatic backup failed (a message that does not block);
    None when all is well."""
    failure = backups.last_failure(engine)
    if failure is None:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("SafetyBackups", "Backup failed"),
                      failure_text(failure), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("backupFailureNotice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.setWindowModality(Qt.WindowModality.NonModal)  # the desk goes on working while it is shown
    box.show()
    return box


def _fill(listing: QListWidget, found: list[backup_files.BackupInfo]) -> None:
    listing.clear()
    for b in found:
        text = f"{b.taken_at:%Y-%m-%d %H:%M}   {_kind_label(b.kind)}   {b.size / 1_048_576:.1f} MB   {b.path.parent}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, str(b.path))
        listing.addItem(item)


class BackupDialog(QDialog):
    """Make a backup now, into the station's folder or another one (a USB drive)."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.made: Path | None = None
        self.folder: Path | None = None
        self.setWindowTitle(self.tr("Back up the database"))
        layout = QVBoxLayout(self)
        self.explain = QLabel(self.tr(
            "SmileDesk backs up by itself when it closes and once a day, keeping 7 daily, 4 weekly and "
            "12 monthly copies. Make a copy now before big changes, or onto a USB drive to keep elsewhere."))
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        row = QHBoxLayout()
        self.folder_label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)  # a long path: the whole in its tooltip
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.folder_label, 1)
        self.choose = QPushButton(self.tr("Other folder…"))
        self.choose.clicked.connect(self.choose_folder)
        self.choose.setVisible(ctx.can(BACKUP_ELSEWHERE))  # backup_now refuses other folders to anyone else
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
        self.backup_button.setEnabled(False)  # until the station's folder is known
        self.backup_button.clicked.connect(self.backup_now)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
        if sqlite_path(ctx.engine) is None:
            self.status.setText(self.tr("This database is on a server; it is backed up there (pg_dump), not from a station."))
            return
        station_id = ctx.actor.station_id
        ops.query(self, ctx.engine, lambda s: backups.backup_folder(s, station_id), self._folder_loaded)

    def _folder_loaded(self, folder: Path) -> None:
        if self.folder is None:  # the user may have chosen another folder meanwhile
            self.folder = folder
        self.backup_button.setEnabled(True)
        self._refresh()

    def _refresh(self) -> None:
        self.folder_label.setText(self.tr("Folder: {folder}").format(folder=str(self.folder)))
        _fill(self.listing, backup_files.list_backups(self.folder))

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Back up into"), str(self.folder or ""))
        if chosen:
            self.folder = Path(chosen)
            self._refresh()

    def backup_now(self) -> None:
        engine, actor, folder = self.ctx.engine, self.ctx.actor, self.folder
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))
        ops.run_op(self, lambda _progress: backups.backup_now(engine, actor=actor, folder=folder), self._made,
                   self._failed, title=self.tr("Backing up the database…"), cancellable=False)

    def _made(self, made: Path) -> None:
        self.made = made
        self.backup_button.setEnabled(True)
        self.status.setText(self.tr("Backup written: {file}").format(file=str(made)))
        self._refresh()

    def _failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText("")
        ops.report_error(self, exc)


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
        station_id = ctx.actor.station_id
        ops.query(self, ctx.engine, lambda s: backups.backup_folder(s, station_id), self._list)

    def _list(self, folder: Path) -> None:
        db = sqlite_path(self.ctx.engine)
        folders = [folder, *backups.remembered_folders(), paths.backups_dir()] + ([db.parent / "backups"] if db else [])
        _fill(self.listing, backup_files.list_backups(*folders))

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

    def restore_file(self, path: Path) -> None:
        """Check the backup (off the GUI thread), ask, then restore it; a refused file is said so."""
        engine = self.ctx.engine
        self._busy(True)
        ops.run_op(self, lambda _progress: backups.check_backup(engine, path), lambda _none: self._confirm(path),
                   self._failed, title=self.tr("Checking the backup…"), cancellable=False)

    def _confirm(self, path: Path) -> None:
        question = self.tr("Replace the database with the backup {file}? The current database is kept as a backup.").format(file=path.name)
        if not Confirm.ask(self, question, self.tr("Restore")):
            self._busy(False)
            return
        engine, actor = self.ctx.engine, self.ctx.actor
        ops.run_op(self, lambda _progress: backups.restore_backup(engine, actor=actor, backup_file=path),
                   lambda kept: self._restored(path, kept), self._failed, title=self.tr("Restoring the backup…"),
                   cancellable=False)

    def _restored(self, path: Path, kept: Path | None) -> None:
        self.kept = kept
        self.restored.emit(str(path))
        show_info(self.parent() or self, self.tr("The backup was restored. Pages show the restored data after you open them again; restarting SmileDesk is the surest way."))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        ops.report_error(self, exc)

    def _busy(self, busy: bool) -> None:
        self.file_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and bool(self.listing.selectedItems()))


class DamagedDatabaseDialog(QDialog):
    """Start-up: the database file is damaged, unreadable, or empty while backups exist. Offer the newest good
    backup; no traceback. An empty file may also become a new station (the first-run wizard follows)."""

    def __init__(self, problem: integrity.Problem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.kept: Path | None = None
        self.setWindowTitle(self.tr("The database cannot be used") if problem.kind != ProblemKind.EMPTY
                            else self.tr("The database is empty"))
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
        self.new_button = buttons.addButton(self.tr("Set up a new station"), QDialogButtonBox.ButtonRole.ActionRole)
        self.new_button.setObjectName("setUpNewStation")
        self.new_button.clicked.connect(self.accept)  # nothing restored: the first-run wizard follows
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._show()
        self.resize(600, 260)

    def _show(self) -> None:
        p = self.problem
        if p.kind == ProblemKind.DAMAGED:
            head = self.tr("The database file {path} is damaged, so SmileDesk cannot open it safely.")
        elif p.kind == ProblemKind.EMPTY:
            head = self.tr("The database file {path} is empty: it holds no SmileDesk data (it may have been cut short while it was being created or copied).")
        else:
            head = self.tr("The database file {path} cannot be opened: check that the drive is there and the file may be read and written.")
        parts = [head.format(path=str(p.db_path)), self.tr("Details: {detail}").format(detail=shown(p.detail))]
        if p.backup is not None:
            parts.append(self.tr("The newest good backup is from {when} ({file}). Restoring it loses what was entered after that time; the damaged file is kept.").format(
                when=f"{p.backup.taken_at:%Y-%m-%d %H:%M}", file=str(p.backup.path)))
        else:
            parts.append(self.tr("No good backup was found. Choose a backup file (e.g. on a USB drive), or quit and ask for help."))
        if p.kind == ProblemKind.EMPTY:
            parts.append(self.tr("If this computer is meant to start a new station, choose Set up a new station."))
        self.restore_button.setVisible(p.backup is not None)
        self.new_button.setVisible(p.kind == ProblemKind.EMPTY)
        self.message.setText("\n\n".join(parts))

    def restore_newest(self) -> None:
        self._recover(None)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Backup file"), str(paths.backups_dir()),
                                                self.tr("SmileDesk backups (*.sqlite3)"))
        if chosen:
            self._recover(Path(chosen))

    def _recover(self, chosen: Path | None) -> None:
        problem = self.problem
        self._busy(True)
        ops.run_op(self, lambda _progress: integrity.recover(problem, chosen), self._recovered, self._failed,
                   title=self.tr("Restoring the backup…"), cancellable=False)

    def _recovered(self, kept: Path | None) -> None:
        self.kept = kept
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        ops.report_error(self, exc)

    def _busy(self, busy: bool) -> None:
        for button in (self.restore_button, self.file_button, self.new_button, self.quit_button):
            button.setEnabled(not busy)


def check_at_startup(url: str, parent: QWidget | None = None) -> bool:
    """Quick check before the database is opened; False when the user chose to quit (never raises).

    A big file gets only the fast header/schema check here; call ``check_in_background`` once the
    window is open for the full one."""
    try:
        problem = integrity.startup_check(url, full=not integrity.needs_background_check(url))
    except Exception:  # the check must never be the thing that crashes start-up
        log.exception("start-up integrity check failed")
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

    def done(problem) -> None:
        if problem is None:
            return
        dialog = DamagedDatabaseDialog(problem, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            QMessageBox.information(parent, dialog.windowTitle(),
                                    QApplication.translate("DamagedDatabaseDialog",
                                                           "The backup was restored. SmileDesk will now close; start it again."))
        QApplication.instance().exit(1)

    def failed(exc: BaseException) -> None:  # the check itself broke (a bug): nothing the user can do, the log has it
        log.error("background integrity check failed", exc_info=(type(exc), exc, exc.__traceback__))

    return ops.run_op(parent, lambda _p: integrity.startup_check(url, full=True), done, failed,
                      cancellable=False, show_after_ms=3_600_000)
