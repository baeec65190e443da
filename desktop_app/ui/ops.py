"""Background work with progress and cancel (after anki's CollectionOp and picard's run_task).

    run_op(parent, work, on_done, title=...)

``work(progress)`` runs on a worker thread with its own database session(s); it calls
``progress(done, total, label)`` and stops with Cancelled when the user presses Cancel. ``on_done`` /
``on_error`` run back on the GUI thread. The progress dialog appears only if the work takes more than
~600 ms, so quick operations do not flash a window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import Progress

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 600


class _Bridge(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, bridge: _Bridge) -> None:
        super().__init__()
        self.work, self.progress, self.bridge = work, progress, bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            try:
                result = self.work(self.progress)
            except BaseException as exc:  # delivered to the GUI thread, never swallowed
                self.bridge.failed.emit(exc)
            else:
                self.bridge.finished.emit(result)
        except RuntimeError:
            # The widget that asked for the work is gone (window closed, app quitting): nobody to tell.
            log.debug("background result dropped: its receiver was deleted")


class OpHandle(QObject):
    """A running operation; tests wait on ``done`` (``qtbot.waitSignal(handle.done)``)."""

    done = Signal()

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.finished = False
        self.cancelled = False
        self.error: BaseException | None = None
        self.result: Any = None
        self.progress: Progress | None = None
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()


def run_op(
    parent: QWidget | None,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    title: str = "",
    cancellable: bool = True,
    show_after_ms: int = SHOW_AFTER_MS,
    pool: QThreadPool | None = None,
) -> OpHandle:
    handle = OpHandle(parent)
    bridge = _Bridge(handle)
    dialog = QProgressDialog(title, handle.tr("Cancel") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    handle.dialog = dialog

    def update(done: int, total: int, label: str) -> None:
        bridge.progressed.emit(done, total, label)

    progress = Progress(update)
    handle.progress = progress
    dialog.canceled.connect(progress.cancel)

    def on_progress(done: int, total: int, label: str) -> None:
        if total:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if label:
            dialog.setLabelText(label)

    def finish() -> None:
        handle.finished = True
        dialog.hide()
        dialog.deleteLater()
        handle.done.emit()

    def on_finished(result: Any) -> None:
        handle.result = result
        try:
            if on_done is not None:
                on_done(result)
        finally:
            finish()

    def on_failed(exc: BaseException) -> None:
        handle.error = exc
        try:
            if isinstance(exc, Cancelled):
                handle.cancelled = True
            elif on_error is not None:
                on_error(exc)
            else:
                from desktop_app.ui.messages import show_error

                show_error(parent, exc)
        finally:
            finish()

    bridge.progressed.connect(on_progress)
    bridge.finished.connect(on_finished)
    bridge.failed.connect(on_failed)
    # The dialog's own minimumDuration starts counting on the first setValue; start it explicitly.
    QTimer.singleShot(0, lambda: dialog.setValue(0) if not handle.finished else None)
    (pool or QThreadPool.globalInstance()).start(_Runnable(work, progress, bridge))
    return handle
