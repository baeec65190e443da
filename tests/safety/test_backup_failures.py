"""Issue 14 item 4: a failed automatic backup (daily or on exit) is told to the user on the next start and on
the administration page until a backup succeeds — not only written to the log."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app.core import paths
from desktop_app.safety import backup_files, backup_status, backups
from desktop_app.safety.models import BackupKind

ON_POSTGRES = bool(os.environ.get("SMILEDESK_TEST_DATABASE_URL"))
pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="automatic backups are of a SQLite file")


def _disk_fails(monkeypatch) -> None:
    def copy_fails(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backup_files, "make_backup", copy_fails)


def test_a_failed_automatic_backup_is_kept_until_a_backup_succeeds(engine, admin, db_path, monkeypatch):
    assert backups.last_failure(engine) is None
    with monkeypatch.context() as m:
        _disk_fails(m)
        with pytest.raises(sqlite3.OperationalError):
            backups.automatic_backup(engine, kind="exit", station_id=admin.station_id)
        failure = backups.last_failure(engine)
        assert failure is not None and failure.kind == BackupKind.EXIT and "disk I/O error" in failure.detail
        with pytest.raises(sqlite3.OperationalError):
            backups.automatic_backup(engine, kind="daily", station_id=admin.station_id)
        again = backups.last_failure(engine)
        assert again.kind == BackupKind.DAILY and again.failures == 2
    # Kept outside the process and outside the database (which may be what failed): the data dir's file.
    stored = json.loads((paths.data_dir() / backup_status.STATUS_FILE).read_text(encoding="utf-8"))
    assert stored[str(db_path.resolve())]["kind"] == "daily"
    made = backups.automatic_backup(engine, kind="daily", station_id=admin.station_id)
    assert made is not None and made.exists()
    assert backups.last_failure(engine) is None
    assert str(db_path.resolve()) not in json.loads((paths.data_dir() / backup_status.STATUS_FILE).read_text(encoding="utf-8"))


def test_a_manual_backup_that_succeeds_clears_the_failure(engine, admin, monkeypatch, tmp_path):
    with monkeypatch.context() as m:
        _disk_fails(m)
        with pytest.raises(sqlite3.OperationalError):
            backups.automatic_backup(engine, kind="daily", station_id=admin.station_id)
    assert backups.last_failure(engine) is not None
    backups.backup_now(engine, actor=admin, folder=tmp_path / "usb")
    assert backups.last_failure(engine) is None


def test_the_next_start_and_the_administration_page_say_so(qtbot, ctx, engine, admin, monkeypatch, wait_ops):
    from desktop_app.admin.ui.page import AdminPage
    from desktop_app.app import _automatic_backup
    from desktop_app.safety import ui as safety_ui

    with monkeypatch.context() as m:
        _disk_fails(m)
        _automatic_backup(backups.automatic_backup, engine, "exit", admin.station_id)  # while quitting: never raises
    box = safety_ui.report_backup_failure(None, engine)  # the next start
    assert box is not None and box.isVisible() and "disk I/O error" in box.text()
    assert box.icon() == QMessageBox.Icon.Warning and not box.isModal()  # the desk goes on working
    box.close()

    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.safety
    assert tab.failure.isVisibleTo(tab) and "disk I/O error" in tab.failure.text() and "on closing" in tab.failure.text()

    dialog = safety_ui.BackupDialog(ctx, tab)  # Back up now on the same tab
    qtbot.addWidget(dialog)
    wait_ops()
    dialog.backup_button.click()
    wait_ops()
    assert dialog.made is not None
    tab.refresh()
    assert not tab.failure.isVisibleTo(tab)
    assert safety_ui.report_backup_failure(None, engine) is None


@pytest.mark.qt_no_exception_capture
def test_start_up_shows_the_failure_without_blocking(qtbot, qapp, engine, admin, db_path, tmp_path, monkeypatch):
    from desktop_app import app as app_module
    from desktop_app import cli
    from desktop_app.ui import logs
    from desktop_app.ui.login import LoginDialog
    from desktop_app.ui.main_window import MainWindow

    with monkeypatch.context() as m:
        _disk_fails(m)
        app_module._automatic_backup(backups.automatic_backup, engine, "daily", admin.station_id)

    def signed_in(self) -> int:
        self.actor, self.station_name = admin, "逍遥津社区党群服务中心"
        return QDialog.DialogCode.Accepted

    monkeypatch.setenv("SMILEDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("SMILEDESK_FEATURES", "residents,admin,safety")
    monkeypatch.setattr(logs, "setup_logging", lambda *a, **k: None)
    monkeypatch.setattr(logs, "install_excepthook", lambda *a, **k: None)
    monkeypatch.setattr(LoginDialog, "exec", signed_in)
    monkeypatch.setattr(app_module, "schedule_daily_backups", lambda *a, **k: None)
    monkeypatch.setattr(MainWindow, "show", lambda self: None)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)  # start-up returns; the events run below
    assert cli.main(["--db", str(db_path), "--lang", "en"]) == 0

    def shown() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible() and "disk I/O error" in w.text()]

    qtbot.waitUntil(lambda: bool(shown()))
    box = shown()[0]
    assert "daily" in box.text() and "Administration" in box.text()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox | MainWindow):
            w.close()
