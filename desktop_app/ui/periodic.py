"""Work that repeats while the app runs for days (the daily backup, planner statistics): each round on a
worker thread of its own, never two rounds at once, started by a timer the application owns."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def every(parent: QObject, name: str, job: Callable[[], object], *, first_ms: int, every_ms: int) -> QTimer:
    """Run ``job`` ``first_ms`` after now, then every ``every_ms``, on a thread called ``name``. A round due
    while the previous one still runs is skipped; a round that fails is logged and the next one tries again."""
    busy = threading.Lock()

    def start() -> None:
        if not busy.acquire(blocking=False):
            return

        def run() -> None:
            try:
                job()
            except Exception:  # a locked or closed database, a missing drive: the next round tries again
                log.exception("%s failed", name)
            finally:
                busy.release()

        threading.Thread(target=run, name=name, daemon=True).start()

    timer = QTimer(parent)
    timer.setInterval(every_ms)
    timer.timeout.connect(start)
    timer.start()
    QTimer.singleShot(first_ms, timer, start)
    return timer
