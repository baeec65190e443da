"""Auto-lock: watch for keyboard and mouse input and report when the station PC has been idle."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, app, minutes: float, parent=None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle.emit)
        self.set_minutes(minutes)
        app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.interval_ms = int(minutes * 60_000)
        if self.interval_ms > 0:
            self._timer.start(self.interval_ms)
        else:
            self._timer.stop()

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() in INPUT_EVENTS and self.interval_ms > 0:
            self._timer.start(self.interval_ms)
        return False
