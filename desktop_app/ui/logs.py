"""Logging to a rotating file in the data dir, and a dialog for errors nobody expected (Qt side).

``setup_logging()`` is called once at start (app.py). ``install_excepthook(app)`` routes exceptions
that escape a Qt slot or a thread to ``report()``: the traceback goes to the log, the user sees what
happened, where the log file is and a button to copy the details; the event loop keeps running.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

LOG_NAME = "smiledesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

_handler: logging.Handler | None = None
_dialogs: list = []  # open error dialogs (kept referenced; also lets tests find them)


def log_path() -> Path:
    from desktop_app.core import paths

    return paths.data_dir() / "logs" / LOG_NAME


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """The log names residents in error details: each log file (and each one rotation starts) is 0600."""

    def _open(self):
        from desktop_app.core import private

        stream = super()._open()
        private.private_file(self.baseFilename)
        return stream


def setup_logging(path: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file (1 MB × 5); idempotent."""
    global _handler
    path = path or log_path()
    root = logging.getLogger()
    if _handler is not None and Path(getattr(_handler, "baseFilename", "")) == path.resolve():
        return path
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    from desktop_app.core import private

    private.private_dir(path.parent)
    _handler = _PrivateLog(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    _handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(_handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    from desktop_app import __version__

    logging.getLogger("desktop_app").info("SmileDesk %s started (Python %s, %s)", __version__, sys.version.split()[0], sys.platform)
    return path


def current_log_path() -> Path:
    return Path(_handler.baseFilename) if isinstance(_handler, logging.FileHandler) else log_path()


def details(exc_type, exc, tb) -> str:
    from desktop_app import __version__

    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"SmileDesk {__version__} ({sys.platform}, Python {sys.version.split()[0]})\n{text}"


def report(exc_type, exc, tb) -> None:
    """Log an unexpected exception and show it to the user (on the GUI thread)."""
    logging.getLogger("desktop_app.errors").error("unexpected error", exc_info=(exc_type, exc, tb))
    if issubclass(exc_type, KeyboardInterrupt):
        return
    text = details(exc_type, exc, tb)
    summary = f"{exc_type.__name__}: {exc}"
    app = QApplication.instance()
    if app is None or _bridge is None:
        if sys.__stderr__ is not None:
            sys.__stderr__.write(text)
        return
    # Emitted from any thread; the bridge lives on the GUI thread, so the dialog opens there.
    _bridge.show.emit(summary, text)


class _Bridge(QObject):
    show = Signal(str, str)


_bridge: _Bridge | None = None
_loop_seen = False  # an event loop has run since install_excepthook (else: still starting up)


def _mark_loop() -> None:
    global _loop_seen
    _loop_seen = True


def _show(summary: str, text: str) -> None:
    dialog = ErrorDialog(summary, text, current_log_path(), QApplication.activeWindow())
    _dialogs.append(dialog)
    dialog.finished.connect(lambda _=0, d=dialog: _dialogs.remove(d) if d in _dialogs else None)
    if _loop_seen:
        dialog.open()
    else:  # failing while starting up, before any event loop: wait for the person to read it
        dialog.exec()


class ErrorDialog(QDialog):
    """What happened, where the log is, a button that copies the details for whoever helps."""

    def __init__(self, summary: str, text: str, log_file: Path, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.details_text = text
        self.log_file = log_file
        self.setWindowTitle(self.tr("Something went wrong"))
        head = QLabel(self.tr(
            "SmileDesk ran into an unexpected problem. What you saved before is safe; the last action may "
            "not have finished. You can keep working. If it happens again, send the details below to "
            "whoever looks after this computer."
        ))
        head.setWordWrap(True)
        head.setObjectName("errorIntro")
        what = QLabel(self.tr("What happened: {summary}").format(summary=summary[:300]))
        what.setWordWrap(True)
        what.setObjectName("errorSummary")
        what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = QLabel(self.tr("Log file: {path}").format(path=str(log_file)))
        where.setWordWrap(True)
        where.setObjectName("logPath")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(text)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setMinimumHeight(160)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy)
        self.open_folder = QPushButton(self.tr("Open log folder"))
        self.open_folder.setObjectName("openLogFolder")
        self.open_folder.clicked.connect(self.show_folder)
        self.copied = QLabel("")
        self.copied.setObjectName("copiedNote")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Continue working"))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.open_folder)
        row.addWidget(self.copied, 1)
        row.addWidget(buttons)
        lay = QVBoxLayout(self)
        for w in (head, what, where, self.details):
            lay.addWidget(w)
        lay.addLayout(row)
        self.resize(620, 420)

    def show_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.details_text}\nLog: {self.log_file}\n")
        self.copied.setText(self.tr("Copied. Paste it into a message or e-mail."))


def open_dialogs() -> list:
    return list(_dialogs)


def install_excepthook() -> None:
    """Unexpected exceptions in slots and threads → log + dialog; the app keeps running.

    Call on the GUI thread once the QApplication exists.
    """
    global _bridge, _loop_seen
    if _bridge is None:
        _bridge = _Bridge()
        _bridge.show.connect(_show)
    _loop_seen = False
    QTimer.singleShot(0, _mark_loop)
    sys.excepthook = report

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        report(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
