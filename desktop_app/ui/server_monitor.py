"""Whether the database server answers, as the GUI's ops see it (``ui.ops`` reports every op on a server
here; the main window's banner and the kiosk's offline notice follow it). SQLite never reaches it."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

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

        from desktop_app.ui.ops import query

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
