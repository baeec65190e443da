"""A search field that reports what was typed as you type (results as you type).

Tuned to typing (issue 21): the first key after a pause is reported at once — the results of "王" come
while the hand is still moving — and the keys that follow it quickly are coalesced: the text is reported
``DELAY_MS`` after the last of them. A fast typist's "zxm" is three keys but two searches ("z" and "zxm"),
never a queue of stale ones; the page asks with ``ops.query(..., latest=...)``, so the answer to an
older text never replaces a newer one. Enter reports at once (``flush``); the same text is never
reported twice in a row.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit


class SearchBox(QLineEdit):
    query_changed = Signal(str)
    DELAY_MS = 90  # keys closer than this belong to one burst of typing
    clock = staticmethod(time.monotonic)  # seconds (tests pass their own)

    def __init__(self, parent=None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        if placeholder:
            self.setPlaceholderText(placeholder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self._report)
        self._last_key = float("-inf")  # time.monotonic() of the last change
        self._reported: str | None = None
        self.textChanged.connect(self._changed)

    def _changed(self, _text: str) -> None:
        now = self.clock()
        idle = (now - self._last_key) * 1000 >= self.DELAY_MS and not self._timer.isActive()
        self._last_key = now
        if idle:
            self._report()  # the first key after a pause: at once
        else:
            self._timer.start()  # within a burst: once it pauses

    def _report(self) -> None:
        self._timer.stop()
        text = self.text()
        if text != self._reported:
            self._reported = text
            self.query_changed.emit(text)

    def flush(self) -> None:
        """Report now (Enter pressed, or a test that does not want to wait)."""
        self._timer.stop()
        self._reported = None  # Enter asks again even for the same text
        self._report()
