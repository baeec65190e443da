"""Start-up against a database server: connect on a worker thread, and when the server cannot be reached (or
does not answer within the connect timeout, ``core.db.engine.ServerTimeouts``) say so in the user's language
and offer to retry — within seconds, never a frozen window or a crash dialog (issue 22 item 3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.errors import SmileDeskError
from desktop_app.ui import ops


class StartupRetry:
    """The question after a failed connection. Tests replace ``ask`` (pytest-qt's dialog note)."""

    @classmethod
    def ask(cls, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.applicationName() or "SmileDesk", text,
                          QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close)
        box.setObjectName("serverStartupMessage")
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        return box.exec() == QMessageBox.StandardButton.Retry


def in_background(work: Callable[[], Any], title: str) -> tuple[Any, BaseException | None]:
    """``work()`` on a worker thread while the GUI keeps painting (a small "please wait" after 0.3 s)."""
    got: dict[str, Any] = {}
    loop = QEventLoop()
    handle = ops.run_op(None, lambda _progress: work(), on_done=lambda r: got.__setitem__("result", r),
                        on_error=lambda e: got.__setitem__("error", e), title=title, cancellable=False,
                        show_after_ms=300)
    handle.done.connect(loop.quit)
    if not handle.finished:
        loop.exec()
    return got.get("result"), got.get("error")


def open_with_retry(opener: Callable[[], Any]):
    """``opener()`` (the database's engine) with the server's failures told and retried; None when the user
    chose to close. A bug (not a SmileDeskError) is raised as before."""
    while True:
        engine, error = in_background(opener, QCoreApplication.translate("Connecting", "Connecting to the database server…"))
        if error is None:
            return engine
        if not isinstance(error, SmileDeskError):
            raise error
        if not StartupRetry.ask(error.text() + "\n\n" + QCoreApplication.translate("Connecting",
                "Retry connects again now. Close quits; SmileDesk can be started again at any time.")):
            return None
