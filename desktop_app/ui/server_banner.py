"""The banner at the top of the main window while the database server is unreachable or slow to answer.

It follows ``ops.server_monitor()``: "cannot be reached — retrying" (with how long), "not answering —
waiting", and hides when the server answers again. Nothing blocks meanwhile: pages stay usable, reads show
what they had, and a save that fails says so in its dialog. Looks: ``QLabel#serverBanner`` in the .qss files.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.ui import ops


class ServerBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverBanner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAccessibleName(self.tr("Database server status"))
        self.hide()
        self.monitor = ops.server_monitor()
        self._since = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update)
        self.monitor.changed.connect(self._changed)
        self._changed(self.monitor.state)

    def _changed(self, state: str) -> None:
        if state == "ok":
            self._tick.stop()
            self.hide()
            return
        self._since = self.monitor.lost_at if state == "unreachable" and self.monitor.lost_at else time.monotonic()
        self.setProperty("tone", "error" if state == "unreachable" else "warning")
        self.style().unpolish(self)
        self.style().polish(self)
        self._update()
        self.show()
        self._tick.start()

    def _update(self) -> None:
        seconds = int(time.monotonic() - self._since)
        if self.monitor.state == "unreachable":
            self.setText(self.tr(
                "The database server cannot be reached (for {seconds} s) — retrying every few seconds. Nothing can be "
                "saved or looked up until it answers; this message goes away by itself then.").format(seconds=seconds))
        elif self.monitor.state == "waiting":
            self.setText(self.tr("The database server is not answering (for {seconds} s) — waiting for it.").format(
                seconds=seconds))
