"""The app shell: sign-in dialog, main window navigation, CLI commands."""

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from desktop_app import cli
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.ui.login import LoginDialog


def test_login_dialog_shows_errors_and_signs_in(qtbot, engine, admin, app_fonts, wait_ops):
    dialog = LoginDialog(engine, "逍遥津", "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.submit()
    wait_ops()  # the password is checked off the GUI thread
    assert "Wrong user name or password" in dialog.error.text() and dialog.password.text() == ""
    assert dialog.result() != dialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.password, "admin-pass-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_ops()
    assert dialog.actor is not None and dialog.actor.username == "admin"
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.station_name == "逍遥津社区党群服务中心"


def test_main_window_shows_only_permitted_pages(qtbot, ctx, make_actor, app_fonts):
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(ctx, load_features())
    qtbot.addWidget(win)
    assert "residents" in win.page_keys()
    page = win.show_page("residents")
    assert page is not None and page.objectName() == "page-residents"
    kiosk_ctx = type(ctx)(engine=ctx.engine, actor=make_actor("kiosk"), settings=ctx.settings)
    kiosk_win = MainWindow(kiosk_ctx, load_features())
    qtbot.addWidget(kiosk_win)
    assert "residents" not in kiosk_win.page_keys()


def test_cli_check_passes_then_detects_tampering(engine, db_arg, admin, capsys):
    assert cli.main(["check", "--db", db_arg]) == 0
    from tests.security.helpers import tamper

    # someone edits the database behind the program's back (dropping the append-only triggers first)
    tamper(engine, "UPDATE audit_entry SET actor_name = 'mallory' WHERE id = 1")
    assert cli.main(["check", "--db", db_arg]) == 1
    assert "changed after it was written" in capsys.readouterr().out


def test_cli_check_on_a_damaged_file(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 500)
    assert cli.main(["check", "--db", str(bad)]) == 1
    assert "PROBLEMS FOUND" in capsys.readouterr().out


@pytest.mark.slow
def test_screenshot_command_writes_png(tmp_path, db_path, admin):
    out = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "SMILEDESK_FEATURES": "residents"}
    import os

    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db_path), "--screenshot", str(out), "--page", "residents"],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.exists() and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    proc = subprocess.run(  # a page that does not exist: said in the chosen language, with the ones that do
        [sys.executable, "-m", "desktop_app", "--db", str(db_path), "--lang", "zh_CN", "--screenshot", str(out),
         "--page", "nosuch"], env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2 and "没有“nosuch”这个页面；可用的页面：residents" in proc.stderr, proc.stderr


@pytest.mark.slow
def test_demo_small_command(tmp_path):
    import os

    db = tmp_path / "demo.sqlite3"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app", "demo", "--scale", "small", "--db", str(db), "--only", "residents"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    from desktop_app import residents as service
    from desktop_app.core.db import make_engine

    engine = make_engine(f"sqlite:///{db}")
    admin = auth.sign_in(engine, username="admin", password="admin12345")
    assert admin.must_change_password  # the demo's password is printed in the guide: changed before any use
    with session_scope(engine) as s:
        admin = auth.change_password(s, actor=admin, old_password="admin12345", new_password="Zhan-2026-desk")
    with session_scope(engine, write=False) as s:
        assert service.count(s, actor=admin) == 800
        assert service.search(s, actor=admin, q="zhang")


def test_every_list_on_a_page_can_be_exported(qtbot, ctx, engine, admin, app_fonts, tmp_path, monkeypatch, wait_ops):
    from PySide6.QtWidgets import QTableView

    from desktop_app import residents as service
    from desktop_app.app import load_features
    from desktop_app.residents.models import ResidentCreate
    from desktop_app.ui import export_action
    from desktop_app.ui.main_window import MainWindow

    with session_scope(engine) as s:
        service.create_resident(s, actor=admin, data=ResidentCreate(name="曾小明", id_number="11010519491231002X"))
    win = MainWindow(ctx, load_features())
    qtbot.addWidget(win)
    page = win.show_page("residents")
    wait_ops()
    view = page.findChild(QTableView, "residentsTable")
    action = next(a for a in view.actions() if a.objectName() == "exportToExcel")
    out = tmp_path / "residents.xlsx"
    monkeypatch.setattr(export_action.SavePath, "ask", classmethod(lambda cls, *a: str(out)))
    wait_ops()
    handle = export_action.export_view(view, ctx, "Residents", out)
    wait_ops()  # read, audited and written off the GUI thread
    assert handle.result == 1 and handle.error is None and action is not None
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "曾小明" in cells and "1101**********002X" in cells and "11010519491231002X" not in cells


def test_modules_imported_later_leave_no_source_in_memory(qapp, tmp_path, monkeypatch):
    """Issue 21: PySide6 reads every module imported after it into linecache (27 MiB after every page)."""
    import linecache

    from desktop_app.app import make_application

    module = tmp_path / "smiledesk_probe_module.py"
    module.write_text("from PySide6.QtCore import QObject\nVALUE = 1\n" + "# padding\n" * 1000, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    make_application()
    __import__("smiledesk_probe_module")  # an import statement (PySide's check hooks the builtin)
    assert str(module) not in linecache.cache
