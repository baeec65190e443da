"""Progress reporting from Qt-free code: long work calls ``progress(done, total)`` and may be cancelled."""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop_app.core.errors import Cancelled


class Progress:
    """Passed into long service functions; the UI or the terminal listens through ``on_update``."""

    def __init__(self, on_update: Callable[[int, int, str], None] | None = None) -> None:
        self._on_update = on_update
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._on_update is not None:
            self._on_update(done, total, label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


NO_PROGRESS = Progress()


def terminal_progress(prefix: str = "", prefix_width: int = 14) -> Progress:
    """A Progress that draws a one-line bar on stderr (CLI); ``prefix`` and the label are padded by display
    width, so Chinese ones line up too."""
    import sys

    from desktop_app.core.textwidth import ljust

    prefix = ljust(prefix, prefix_width) if prefix else ""

    last = [-1]

    def update(done: int, total: int, label: str) -> None:
        pct = int(100 * done / total) if total else 100
        if pct != last[0]:
            last[0] = pct
            bar = "#" * (pct // 4)
            sys.stderr.write(f"\r{prefix}{ljust(label, 28)} [{bar:<25}] {pct:3d}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return Progress(update)
