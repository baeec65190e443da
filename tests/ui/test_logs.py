"""Unexpected errors: logged to the rotating file, shown in a dialog with the log path and a copy button."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton

from desktop_app.ui import logs


@pytest.fixture
def hooked(qtbot, tmp_path):
    saved = sys.excepthook, threading.excepthook
    path = logs.setup_logging(tmp_path / "logs" / "smiledesk.log")
    logs.install_excepthook()
    qtbot.wait(10)  # the app's event loop is running, as after start-up
    yield path
    sys.excepthook, threading.excepthook = saved
    for dialog in logs.open_dialogs():
        dialog.close()


def _read(path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_shown_and_the_app_keeps_running(qtbot, hooked, monkeypatch):
    clicks = []

    def broken() -> None:
        clicks.append(1)
        raise ZeroDivisionError("月度统计除以零")

    button = QPushButton("统计")
    qtbot.addWidget(button)
    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(logs.open_dialogs()) == 1)
    dialog = logs.open_dialogs()[0]
    assert dialog.isVisible()
    assert "ZeroDivisionError" in dialog.findChild(type(dialog.copied), "errorSummary").text()
    assert str(hooked) in dialog.findChild(type(dialog.copied), "logPath").text()
    assert "月度统计除以零" in dialog.details.toPlainText() and "broken" in dialog.details.toPlainText()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and str(hooked) in copied
    assert dialog.copied.text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(dialog.open_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(hooked.parent)]
    log_text = _read(hooked)
    assert "unexpected error" in log_text and "ZeroDivisionError: 月度统计除以零" in log_text
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # still running: the next click works too
    qtbot.waitUntil(lambda: len(logs.open_dialogs()) == 2)
    assert clicks == [1, 1]
    dialog.reject()
    qtbot.waitUntil(lambda: len(logs.open_dialogs()) == 1)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(qtbot, hooked):
    def work() -> None:
        raise RuntimeError("后台导入失败")

    thread = threading.Thread(target=work, name="importer")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(logs.open_dialogs()) == 1)
    assert "后台导入失败" in logs.open_dialogs()[0].details.toPlainText()
    assert "[importer]" in _read(hooked)


@pytest.mark.qt_no_exception_capture
def test_an_error_while_starting_up_waits_for_the_person_to_read_it(qtbot, tmp_path, monkeypatch):
    saved = sys.excepthook, threading.excepthook
    shown = []
    monkeypatch.setattr(logs.ErrorDialog, "exec", lambda self: shown.append(self.details.toPlainText()) or 0)
    monkeypatch.setattr(logs.ErrorDialog, "open", lambda self: pytest.fail("opened without waiting"))
    logs.setup_logging(tmp_path / "logs" / "smiledesk.log")
    logs.install_excepthook()  # no event loop has run yet: the app is still starting
    try:
        try:
            raise OSError("字体文件缺失")
        except OSError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook, threading.excepthook = saved
        qtbot.wait(10)
    assert len(shown) == 1 and "字体文件缺失" in shown[0]


def test_the_log_rotates(tmp_path):
    path = logs.setup_logging(tmp_path / "rot" / "smiledesk.log")
    try:
        big = "x" * 2000
        for _ in range(logs.MAX_BYTES // 2000 + 50):
            logging.getLogger("desktop_app.test").info(big)
        assert (tmp_path / "rot" / "smiledesk.log.1").exists()
        assert path.stat().st_size <= logs.MAX_BYTES
    finally:
        logs.setup_logging(tmp_path / "after" / "smiledesk.log")
