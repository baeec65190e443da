"""A search field that reports what was typed after a short pause (results as you type)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit


class SearchBox(QLineEdit):
    query_changed = Signal(str)
    DELAY_MS = 120

    def __init__(self, parent=None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        if placeholder:
            self.setPlaceholderText(placeholder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(lambda: self.query_changed.emit(self.text()))
        self.textChanged.connect(lambda _t: self._timer.start())

    def flush(self) -> None:
        """Emit now (Enter pressed, or a test that does not want to wait)."""
        self._timer.stop()
        self.query_changed.emit(self.text())
