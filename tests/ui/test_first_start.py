"""run_gui on a new database: logging and the error hook, the wizard instead of sign-in, style, daily backup."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication, QDialog


@pytest.mark.qt_no_exception_capture
def test_first_start_runs_the_wizard_then_opens_the_main_window(qtbot, qapp, db_path, tmp_path, monkeypatch):
    from desktop_app import cli
    from desktop_app import settings as opts
    from desktop_app.core import auth
    from desktop_app.core.db import make_engine, session_scope
    from desktop_app.safety import backups
    from desktop_app.ui import logs
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.settings_dialog import style_path
    from desktop_app.ui.wizard import SetupWizard

    monkeypatch.setenv("SMILEDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("SMILEDESK_FEATURES", "residents,safety")  # safety keeps the backups
    saved_hooks = sys.excepthook, threading.excepthook
    shown: list[MainWindow] = []

    def person_fills_in(self) -> int:
        self.language_page.style.setCurrentIndex(self.language_page.style.findData("large-text"))
        self.station_page.edits["name"].setText("双岗社区党群服务中心")
        self.admin_page.password.setText("first-pass-1")
        self.admin_page.password2.setText("first-pass-1")
        self.backup_page.folder.setText(str(tmp_path / "备份"))
        self.create_station()
        qtbot.waitUntil(lambda: self.actor is not None)  # written off the GUI thread
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SetupWizard, "exec", person_fills_in)
    monkeypatch.setattr(MainWindow, "show", lambda self: shown.append(self))
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    try:
        assert cli.main(["--db", str(db_path), "--lang", "en"]) == 0
        assert sys.excepthook is logs.report  # unexpected errors now reach the dialog
        assert logs.current_log_path() == tmp_path / "data" / "logs" / "smiledesk.log"
        assert "SmileDesk" in logs.current_log_path().read_text(encoding="utf-8")
    finally:
        sys.excepthook, threading.excepthook = saved_hooks
        logs.setup_logging(tmp_path / "after.log")
    assert len(shown) == 1 and "双岗社区党群服务中心" in shown[0].windowTitle()
    assert shown[0].ctx.actor.role == auth.Role.ADMIN
    assert qapp.styleSheet() == style_path("large-text").read_text(encoding="utf-8")
    qapp.setStyleSheet("")
    shown[0].close()
    engine = make_engine(f"sqlite:///{db_path}")
    with session_scope(engine, write=False) as s:
        assert not auth.needs_setup(s)
        assert backups.backup_folder(s, shown[0].ctx.actor.station_id) == tmp_path / "备份"
    engine.dispose()
    from PySide6.QtCore import QSettings

    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert opts.get(stored, opts.STYLE) == "large-text"
    # The first daily backup goes to the chosen folder shortly after the window opens.
    qtbot.waitUntil(lambda: any((tmp_path / "备份").glob("smiledesk-*-daily.sqlite3")), timeout=15000)
