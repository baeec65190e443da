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

On a database server, a failure that means the server is gone (``core.db.ServerUnreachable``: refused,
broken, timed out) is not a message box for every refresh: ``server_monitor()`` says so (the main window's
"server unreachable — retrying" banner, the kiosk's offline notice), pings the server every few seconds, and
says again when it answers (pages refresh then). A read that failed that way shows nothing more; a write
still tells its dialog (``on_error``) or the user that it was not saved. A quick op waiting on the server for
longer than ``SLOW_MS`` shows "not answering" meanwhile: nothing ever blocks the GUI thread on the network.

Tests wait with ``qtbot.waitUntil(ops.idle)`` (tests/helpers: ``wait_ops``). ``write_generation()`` counts
the writes that have ended, for pages that keep figures they read (reports.FigureMemo).
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from desktop_app.core.db.errors import is_unreachable
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


SLOW_MS = 8000  # a quick op on the server running this long: "not answering" (the monitor's watch)
RETRY_MS = 3000  # while the server is unreachable: a ping this often


class ServerMonitor(QObject):
    """Whether the database server answers, as the GUI's ops see it (one per application, on the GUI thread).

    ``state``: "ok", "unreachable" (an op failed with ServerUnreachable; pinging every RETRY_MS) or "waiting"
    (a quick op has waited on the server longer than SLOW_MS). ``changed(state)`` on every change;
    ``restored`` once the server answers again after being unreachable (pages refresh on it)."""

    changed = Signal(str)
    restored = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.state = "ok"
        self.engine = None
        self.lost_at: float | None = None
        self._running: dict[int, float] = {}  # serial → start of quick ops on a server
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.ping)
        self._watch = QTimer(self)
        self._watch.setInterval(500)
        self._watch.timeout.connect(self._check_slow)
        self._pinging = False

    # ops report here (GUI thread)
    def started(self, serial: int, engine) -> None:
        if engine is not None and getattr(engine.dialect, "name", "") == "postgresql":
            self._running[serial] = time.monotonic()
            if not self._watch.isActive():
                self._watch.start()

    def ended(self, serial: int) -> None:
        self._running.pop(serial, None)
        if not self._running:
            self._watch.stop()
            if self.state == "waiting":
                self._set("ok")

    def unreachable(self, engine) -> None:
        self.engine = engine
        if self.state != "unreachable":
            self.lost_at = time.monotonic()
            log.warning("database server unreachable; retrying every %d ms", RETRY_MS)
        self._set("unreachable")
        self._retry.setInterval(RETRY_MS)
        if not self._retry.isActive():
            self._retry.start()

    def answered(self) -> None:
        if self.state == "unreachable":
            self._retry.stop()
            self.lost_at = None
            log.warning("database server answers again")
            self._set("ok")
            self.restored.emit()
        elif self.state == "waiting" and not self._slow():
            self._set("ok")

    def ping(self) -> None:
        """Ask the server once (on the database lane, like every quick op)."""
        if self.engine is None or self._pinging:
            return
        self._pinging = True

        def done(_result=None) -> None:
            self._pinging = False

        query(self, self.engine, _ping, done, on_error=lambda _exc: done())

    def reset(self) -> None:
        """Forget what was seen (a new database, or a test starting afresh)."""
        self._retry.stop()
        self._watch.stop()
        self._running.clear()
        self.engine, self.lost_at, self._pinging = None, None, False
        self._set("ok")

    def _slow(self) -> bool:
        oldest = min(self._running.values(), default=None)
        return oldest is not None and (time.monotonic() - oldest) * 1000 >= SLOW_MS

    def _check_slow(self) -> None:
        if self.state == "ok" and self._slow():
            self._set("waiting")

    def _set(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.changed.emit(state)


def _ping(s) -> int:
    from sqlalchemy import text

    return s.execute(text("SELECT 1")).scalar()


_monitor: ServerMonitor | None = None


def server_monitor() -> ServerMonitor:
    """The application's monitor (made on first use, on the GUI thread; lives as long as the module)."""
    global _monitor
    if _monitor is None:
        _monitor = ServerMonitor()
    return _monitor


_writes = 0


def _wrote() -> None:
    global _writes
    with _inflight_lock:
        _writes += 1


def write_generation() -> int:
    """How many writes (``write``, ``run_op``) have ended in this process: figures a page read before the
    number changed may be stale (reports.FigureMemo)."""
    return _writes


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


def _run(work: Callable[[], Any], serial: int) -> None:
    """What a pool thread runs. Handed to the pool as a plain callable: a Python QRunnable subclass given to
    ``QThreadPool.start`` stayed referenced by the pool's wrapper after Qt deleted it (PySide6 6.11, about
    one op in ten in a day at the desk), and with it the op's closures — every op leaked."""
    try:
        result = work()
    except BaseException as exc:  # delivered to the GUI thread, never swallowed
        _emit(serial, "failed", exc)
    else:
        _emit(serial, "finished", result)




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
    engine=None,
    reading: bool = False,
) -> OpHandle:
    handle = handle or OpHandle(parent)
    serial = serial if serial is not None else next(_serial)
    monitor = server_monitor()
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
        monitor.ended(serial)
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
        if engine is not None:
            monitor.answered()
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
        gone = engine is not None and is_unreachable(exc)
        if gone:
            monitor.unreachable(engine)
        elif engine is not None and not isinstance(exc, Cancelled):
            monitor.answered()  # the server answered, even if with a refusal
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
            elif gone and reading:
                pass  # the banner says it; a refresh every few seconds must not stack message boxes
            else:
                report_error(parent if isinstance(parent, QWidget) else None, exc)
        finally:
            finish()

    bridge.finished.connect(on_finished)
    bridge.failed.connect(on_failed)
    _begin(serial)
    if pool is _lane:
        monitor.started(serial, engine)
    pool.start(functools.partial(_run, work, serial))
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
    return _start(parent, work, on_done, on_error, pool, latest=latest, engine=engine, reading=True)


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
        try:
            with session_scope(engine) as s:
                return fn(s)
        finally:
            _wrote()

    return _start(parent, work, on_done, on_error, database_lane(), engine=engine)


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
    def run() -> Any:
        try:
            return work(progress)
        finally:
            _wrote()  # long work may have written (an import, a month solved), even if it was cancelled

    return _start(parent, run, on_done, on_error, pool or QThreadPool.globalInstance(),
                  handle=handle, bridge=bridge, serial=serial, on_finish=close_dialog)
