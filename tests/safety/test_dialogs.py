"""The Qt pieces, driven as a person would: Back up now, Restore a chosen backup, the damaged-database dialog."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlmodel import select

from desktop_app import residents as residents
from desktop_app.core.db import session_scope
from desktop_app.residents.models import Resident, ResidentCreate
from desktop_app.safety import backup_files, backups, integrity
from desktop_app.safety.ui import dialogs
from desktop_app.ui import messages

# On PostgreSQL (SMILEDESK_TEST_DATABASE_URL) these SQLite-file tests do not apply.
ON_POSTGRES = bool(os.environ.get("SMILEDESK_TEST_DATABASE_URL"))
pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="file backups are for SQLite")


def _names(engine):
    with session_scope(engine, write=False) as s:
        return sorted(s.exec(select(Resident.name)).all())


def test_backup_now_then_restore_it(qtbot, ctx, engine, tmp_path, monkeypatch, wait_ops):
    with session_scope(engine) as s:
        residents.create_resident(s, actor=ctx.actor, data=ResidentCreate(name="张三"))
    dlg = dialogs.BackupDialog(ctx)
    qtbot.addWidget(dlg)
    wait_ops()  # the station's folder is read off the GUI thread
    assert dlg.backup_button.isEnabled()
    dlg.folder = tmp_path / "usb"
    qtbot.mouseClick(dlg.backup_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dlg.made is not None and dlg.made.parent == tmp_path / "usb"
    assert str(dlg.made) in dlg.status.text()
    assert dlg.listing.count() == 1

    with session_scope(engine) as s:
        residents.create_resident(s, actor=ctx.actor, data=ResidentCreate(name="李四"))
    monkeypatch.setattr(messages.Confirm, "ask", classmethod(lambda cls, parent, text, title="": True))
    monkeypatch.setattr(backups, "remembered_folders", lambda: [tmp_path / "usb"])
    restore = dialogs.RestoreDialog(ctx)
    qtbot.addWidget(restore)
    wait_ops()
    assert not restore.restore_button.isEnabled()
    paths_listed = [restore.listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(restore.listing.count())]
    assert str(dlg.made) in paths_listed
    restore.listing.setCurrentRow(paths_listed.index(str(dlg.made)))
    assert restore.restore_button.isEnabled()
    with qtbot.waitSignal(restore.restored):
        qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert _names(engine) == ["张三"]
    assert restore.kept is not None and restore.kept.exists()


def test_restore_refuses_a_file_that_is_not_a_backup(qtbot, ctx, engine, tmp_path, monkeypatch, wait_ops):
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc: shown.append(exc.text()))
    asked = []
    monkeypatch.setattr(messages.Confirm, "ask", classmethod(lambda cls, parent, text, title="": asked.append(text) or True))
    bad = tmp_path / "x.sqlite3"
    bad.write_text("no")
    restore = dialogs.RestoreDialog(ctx)
    qtbot.addWidget(restore)
    wait_ops()
    restore.restore_file(bad)
    wait_ops()
    assert shown and "not a SmileDesk backup" in shown[0]
    assert not asked and restore.kept is None and restore.file_button.isEnabled()


def test_damaged_database_dialog_restores_the_newest_good_backup(qtbot, ctx, engine, db_path, tmp_path, wait_ops):
    with session_scope(engine) as s:
        residents.create_resident(s, actor=ctx.actor, data=ResidentCreate(name="张三"))
    good = backup_files.make_backup(db_path, db_path.parent / "backups", kind="exit")
    engine.dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(db_path, "r+b") as fh:  # a bad sector in the middle of the file
        fh.seek(4096 * 2)
        fh.write(b"\xff" * 4096 * 6)
    problem = integrity.startup_check(f"sqlite:///{db_path}")
    assert problem is not None and problem.backup.path == good
    dlg = dialogs.DamagedDatabaseDialog(problem)
    qtbot.addWidget(dlg)
    text = dlg.message.text()
    assert str(db_path) in text and good.name in text and "Traceback" not in text
    assert dlg.restore_button.isVisible() or not dlg.isVisible()
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert integrity.startup_check(f"sqlite:///{db_path}") is None
    assert _names(engine) == ["张三"]


def test_damaged_without_backup_offers_only_choosing_a_file(qtbot, tmp_path):
    path = tmp_path / "smiledesk.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    problem = integrity.startup_check(f"sqlite:///{path}")
    dlg = dialogs.DamagedDatabaseDialog(problem)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.restore_button.isVisible()
    assert dlg.file_button.isVisible() and dlg.quit_button.isVisible()
    qtbot.mouseClick(dlg.quit_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Rejected
