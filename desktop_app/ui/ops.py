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
longer than ``server_monitor.SLOW_MS`` shows "not answering" meanwhile: nothing ever blocks the GUI thread on the network.

Tests wait with ``qtbot.waitUntil(ops.idle)`` (tests/helpers: ``wait_ops``). ``write_generation()`` counts
the writes that have ended, for pages that keep figures they read (core.memo.FigureMemo).
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from desktop_app.core.db.errors import is_unreachable
from desktop_app.core.errors import Cancelled, SmileDeskError
from desktop_app.core.progress import Progress
from desktop_app.ui.server_monitor import ServerMonitor, server_monitor  # noqa: F401  (ops.server_monitor())

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 600
T = TypeVar("T")

_inflight: set[int] = set()
_inflight_lock = threading.Lock()
_lane: QThreadPool | None = None
_latest: dict[tuple[int, str], int] = {}
_serial = itertools.count(1)


_writes = 0
_held: list[Callable[[], None]] | None = None  # ops asked while a page is being built (``held``)


def _wrote() -> None:
    global _writes
    with _inflight_lock:
        _writes += 1


def write_generation() -> int:
    """How many writes (``write``, ``run_op``) have ended in this process: figures a page read before the
    number changed may be stale (core.memo.FigureMemo)."""
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
            try:
                getattr(bridge, signal).emit(*args)
            except RuntimeError:
                if isValid(bridge):
                    raise
                # The application went away (shutdown) with the op still running: its bridge was deleted with
                # the rest, and nobody waits for this result. It used to print "Signal source has been deleted".
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
    after_ms: int = 0,
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
                pass  # the banner says it (a read, or housekeeping): a refresh every few seconds must not stack boxes
            else:
                report_error(parent if isinstance(parent, QWidget) else None, exc)
        finally:
            finish()

    bridge.finished.connect(on_finished)
    bridge.failed.connect(on_failed)
    _begin(serial)
    def launch() -> None:
        if pool is _lane:
            monitor.started(serial, engine)
        pool.start(functools.partial(_run, work, serial))

    if after_ms <= 0:
        if _held is not None:
            _held.append(launch)
        else:
            launch()
        return handle

    started = [False]

    def start() -> None:  # on the GUI thread, ``after_ms`` later (a timer of the handle: never after it died)
        started[0] = True
        if is_stale():  # a newer ask of the same ``latest`` name came meanwhile: this one never runs
            handle.superseded = True
            finish()
        else:
            launch()

    handle.destroyed.connect(lambda *_: None if started[0] else release())
    QTimer.singleShot(after_ms, handle, start)
    return handle


_NEXT_TURN_MS = 1


def later(parent: QObject, fn: Callable[[], None]) -> None:
    """``fn()`` on the GUI thread once the event loop has turned (timers due meanwhile run first); counted as
    running (``idle``) until it has run or ``parent`` is gone. The main window shows a page it has just built
    on the next turn: building and first showing in one turn were the longest stalls (issue 21)."""
    serial = next(_serial)
    _begin(serial)

    def run() -> None:
        try:
            fn()
        finally:
            _end(serial)

    parent.destroyed.connect(lambda *_: _end(serial))
    # 1 ms, not 0: a zero timeout is a posted call in Qt 6, run before the window system's events and the
    # timers already due — the two halves would run back to back, nothing handled between them.
    QTimer.singleShot(_NEXT_TURN_MS, parent, run)


@contextmanager
def held() -> Iterator[None]:
    """Ops asked inside start once the event loop turns again (a 1 ms timer), in the order asked. The main
    window builds a page inside: its widgets are built, shown and usually painted before its first reads
    start, rather than built while the lane's thread turns rows into objects and takes the GIL from them
    (issue 21: the longest stalls of first visits). They count as running from the ask (``idle``). Code
    inside must not wait for an op's answer (a nested event loop): it would wait for ever."""
    global _held
    if _held is not None:  # already inside
        yield
        return
    _held = []
    try:
        yield
    finally:
        starts, _held = _held, None
        if starts:  # after what ``later`` was asked inside (a timer due at the same time runs after it)
            QTimer.singleShot(_NEXT_TURN_MS, lambda: [start() for start in starts])


def query(
    parent: QObject | None,
    engine,
    fn: Callable[[Any], T],
    on_done: Callable[[T], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
    latest: str | None = None,
    slow: bool = False,
    after_ms: int = 0,
) -> OpHandle:
    """``fn(session)`` in a read transaction off the GUI thread; ``on_done(result)`` on the GUI thread.

    ``slow=True`` for figures that take long on a big database: they run on the global pool and never
    hold the lane quick reads and saves queue on. ``after_ms`` starts the work that much later, and with
    ``latest`` not at all if a newer ask came meanwhile: a preview that follows the selection draws only
    where the arrow keys stop, and not while the page that asked is still being built and painted. The op
    counts as running (``idle``) from the ask."""
    from desktop_app.core.db import session_scope

    def work() -> T:
        with session_scope(engine, write=False) as s:
            return fn(s)

    pool = QThreadPool.globalInstance() if slow else database_lane()
    return _start(parent, work, on_done, on_error, pool, latest=latest, engine=engine, reading=True, after_ms=after_ms)


def write(
    parent: QObject | None,
    engine,
    fn: Callable[[Any], T],
    on_done: Callable[[T], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
    background: bool = False,
) -> OpHandle:
    """``fn(session)`` in one writing transaction off the GUI thread (all of it or nothing);
    ``on_done(result)`` on the GUI thread after the commit. ``background=True`` for housekeeping nobody asked
    for (a page closing forgotten patrols as it refreshes): the server being gone is the banner's to say, as
    for a read; the next refresh does it."""
    from desktop_app.core.db import session_scope

    def work() -> T:
        try:
            with session_scope(engine) as s:
                return fn(s)
        finally:
            _wrote()

    return _start(parent, work, on_done, on_error, database_lane(), engine=engine, reading=background)


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
