"""Every GUI read and write of the database, and long work with progress (after anki's CollectionOp/QueryOp).

Three calls, one policy:

    query(parent, engine, fn, on_done)        fn(session) in a read transaction, off the GUI thread
    write(parent, engine, fn, on_done)        fn(session) in one writing transaction, off the GUI thread
    run_op(parent, work, on_done, title=...)  long work(progress) with a progress dialog and Cancel

The op owns the transaction (``core.db.session_scope``), the error box, logging and the hand-back to
the GUI thread: ``on_done(result)`` runs on the GUI thread after commit; a failure shows one message
(``ui.messages.show_error``: translated for a SmileDeskError, logged with its traceback otherwise) unless
``on_error`` takes it. Widgets never open a transaction themselves.

Quick ops (``query``/``write``) run one at a time, in the order they were asked, on one worker thread
(the database lane): a refresh asked for after a save sees the save. ``latest="name"`` drops the
result of an older op of the same name and ``parent`` when a newer one was asked for (search as you
type). Long ops (``run_op``, or ``query(..., slow=True)``) run on the global pool so they never hold the
lane. If ``parent`` is deleted before the op ends, its callbacks are dropped.

Tests wait with ``qtbot.waitUntil(ops.idle)`` (tests/helpers: ``wait_ops``).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from desktop_app.core.errors import Cancelled, SmileDeskError
from desktop_app.core.progress import Progress

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 600
T = TypeVar("T")

_inflight: set[int] = set()
_inflight_lock = threading.Lock()
_lane: QThreadPool | None = None
_latest: dict[tuple[int, str], int] = {}
_serial = itertools.count(1)


def idle() -> bool:
    """No op is running or waiting to hand its result back (for tests and for quitting)."""
    return not _inflight


def pending() -> int:
    return len(_inflight)


def _begin(serial: int) -> None:
    with _inflight_lock:
        _inflight.add(serial)


def _end(serial: int) -> None:
    """An op is over: finished, or its result can no longer be delivered (its parent was deleted)."""
    with _inflight_lock:
        _inflight.discard(serial)


def database_lane() -> QThreadPool:
    """The one worker thread quick database ops run on, in order."""
    global _lane
    if _lane is None:
        _lane = QThreadPool()
        _lane.setObjectName("database-lane")
        _lane.setMaxThreadCount(1)
        _lane.setExpiryTimeout(-1)
    return _lane


class _Bridge(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


# Bridges carry results from worker threads to the GUI thread. A bridge is parentless and owned by this
# registry until its result has been delivered; only then, on a later turn of the GUI event loop, is it
# dropped (and so deleted, on the GUI thread). Workers never hold a reference of their own: they emit
# through _emit under the registry's lock, so a bridge is never deleted while a worker emits on it, never
# deleted from a worker thread, and never deleted inside its own signal's delivery — each of those is a
# crash (seen as rare segfaults in the suite).
_bridges: dict[int, _Bridge] = {}
_bridges_lock = threading.Lock()


def _emit(serial: int, signal: str, *args: Any) -> None:
    with _bridges_lock:
        bridge = _bridges.get(serial)
        if bridge is not None:
            getattr(bridge, signal).emit(*args)
        del bridge  # never the last reference outside the lock


def _drop_later(serial: int) -> None:
    def drop() -> None:
        with _bridges_lock:
            bridge = _bridges.pop(serial, None)
        del bridge  # deleted here, on the GUI thread, outside any of its emissions

    QTimer.singleShot(0, drop)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], serial: int) -> None:
        super().__init__()
        self.work, self.serial = work, serial
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            _emit(self.serial, "failed", exc)
        else:
            _emit(self.serial, "finished", result)




class OpHandle(QObject):
    """A running operation; tests wait on ``done`` (``qtbot.waitSignal(handle.done)``) or ``ops.idle``."""

    done = Signal()

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.finished = False
        self.cancelled = False
        self.superseded = False
        self.error: BaseException | None = None
        self.result: Any = None
        self.progress: Progress | None = None
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """The one error policy of the GUI: a message the user can act on, the traceback in the log for bugs."""
    from desktop_app.ui.messages import show_error

    show_error(parent if isinstance(parent, QWidget) else None, exc)


def _start(
    parent: QObject | None,
    work: Callable[[], Any],
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
    pool: QThreadPool,
    *,
    latest: str | None = None,
    handle: OpHandle | None = None,
    bridge: _Bridge | None = None,
    serial: int | None = None,
    on_finish: Callable[[], None] | None = None,
) -> OpHandle:
    handle = handle or OpHandle(parent)
    serial = serial if serial is not None else next(_serial)
    bridge = bridge or _Bridge()
    with _bridges_lock:
        _bridges[serial] = bridge
    alive = [True]  # the handle dies with its parent: then nobody is told
    handle.destroyed.connect(lambda *_: alive.__setitem__(0, False))
    slot = (id(parent), latest) if latest else None
    if slot is not None:
        _latest[slot] = serial

    def is_stale() -> bool:
        return slot is not None and _latest.get(slot) != serial

    def release() -> None:
        _end(serial)
        if slot is not None and _latest.get(slot) == serial:
            del _latest[slot]
        _drop_later(serial)

    def finish() -> None:
        handle.finished = True
        release()
        try:
            if on_finish is not None:
                on_finish()
        finally:
            handle.done.emit()
            # A page refreshes thousands of times a day: the handle (with its result and progress dialog)
            # must not stay a child of the page forever. Its Python attributes stay readable.
            handle.dialog = None
            handle.deleteLater()

    def on_finished(result: Any) -> None:
        if not alive[0]:
            release()
            return
        handle.result = result
        try:
            if is_stale():
                handle.superseded = True
            elif on_done is not None:
                on_done(result)
        except BaseException as exc:  # a bug in the callback: the same policy, never a silent failure
            handle.error = exc
            report_error(parent if isinstance(parent, QWidget) else None, exc)
        finally:
            finish()

    def on_failed(exc: BaseException) -> None:
        if not alive[0]:
            release()
            if not isinstance(exc, Cancelled | SmileDeskError):
                log.error("background op failed after its window closed", exc_info=(type(exc), exc, exc.__traceback__))
            return
        handle.error = exc
        try:
            if isinstance(exc, Cancelled):
                handle.cancelled = True
            elif is_stale():
                handle.superseded = True
            elif on_error is not None:
                on_error(exc)
            else:
                report_error(parent if isinstance(parent, QWidget) else None, exc)
        finally:
            finish()

    bridge.finished.connect(on_finished)
    bridge.failed.connect(on_failed)
    _begin(serial)
    pool.start(_Runnable(work, serial))
    return handle


def query(
    parent: QObject | None,
    engine,
    fn: Callable[[Any], T],
    on_done: Callable[[T], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
    latest: str | None = None,
    slow: bool = False,
) -> OpHandle:
    """``fn(session)`` in a read transaction off the GUI thread; ``on_done(result)`` on the GUI thread.

    ``slow=True`` for figures that take long on a big database: they run on the global pool and never
    hold the lane quick reads and saves queue on."""
    from desktop_app.core.db import session_scope

    def work() -> T:
        with session_scope(engine, write=False) as s:
            return fn(s)

    pool = QThreadPool.globalInstance() if slow else database_lane()
    return _start(parent, work, on_done, on_error, pool, latest=latest)


def write(
    parent: QObject | None,
    engine,
    fn: Callable[[Any], T],
    on_done: Callable[[T], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
) -> OpHandle:
    """``fn(session)`` in one writing transaction off the GUI thread (all of it or nothing);
    ``on_done(result)`` on the GUI thread after the commit."""
    from desktop_app.core.db import session_scope

    def work() -> T:
        with session_scope(engine) as s:
            return fn(s)

    return _start(parent, work, on_done, on_error, database_lane())


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
    """Long work with a progress dialog (shown after ``show_after_ms``) and Cancel.

    ``work(progress)`` opens its own transactions (a batch commits in parts) and calls
    ``progress(done, total, label)``; Cancel makes the next call raise Cancelled."""
    handle = OpHandle(parent)
    dialog = QProgressDialog(title, QCoreApplication.translate("Ops", "Cancel") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    handle.dialog = dialog
    bridge = _Bridge()

    serial = next(_serial)

    def update(done: int, total: int, label: str) -> None:
        _emit(serial, "progressed", done, total, label)

    progress = Progress(update)
    handle.progress = progress
    dialog.canceled.connect(progress.cancel)

    def on_progress(done: int, total: int, label: str) -> None:
        if handle.finished or handle.dialog is None or not isValid(dialog):
            return
        if total:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if label:
            dialog.setLabelText(label)

    bridge.progressed.connect(on_progress)

    def close_dialog() -> None:
        if isValid(dialog):  # gone with its parent otherwise
            dialog.hide()
            dialog.deleteLater()

    # The dialog's own minimumDuration starts counting on the first setValue; start it explicitly (the timer
    # dies with the dialog, which dies with its parent).
    QTimer.singleShot(0, dialog, lambda: dialog.setValue(0) if not handle.finished else None)
    return _start(parent, lambda: work(progress), on_done, on_error, pool or QThreadPool.globalInstance(),
                  handle=handle, bridge=bridge, serial=serial, on_finish=close_dialog)
