"""The kiosk's own small widgets: a touch keypad and a message line whose tone (error, ok, info) the
style sheets colour (resources/styles/*.qss, ``QWidget#kiosk QLabel#message[tone=...]``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget


class Keypad(QWidget):
    """A 3×4 numeric keypad: digits, clear, OK. Buttons never take focus (keys go to the window)."""

    def __init__(self, on_digit: Callable[[str], None], on_clear: Callable[[], None], on_ok: Callable[[], None],
                 ok_text: str, clear_text: str, parent=None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(12)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        for i, key in enumerate(keys):
            text = {"clear": clear_text, "ok": ok_text}.get(key, key)
            btn = QPushButton(text, self)
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setMinimumSize(120, 84)
            btn.setObjectName("primary" if key == "ok" else f"key{key}")
            if key == "clear":
                btn.clicked.connect(on_clear)
            elif key == "ok":
                btn.clicked.connect(on_ok)
            else:
                btn.clicked.connect(lambda _=False, d=key: on_digit(d))
            grid.addWidget(btn, i // 3, i % 3)
            self.buttons[key] = btn


def message_label(parent) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("message")
    label.setWordWrap(True)
    label.setProperty("tone", "none")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMinimumHeight(80)
    return label


def set_tone(label: QLabel, text: str, tone: str) -> None:
    label.setText(text)
    label.setProperty("tone", tone if text else "none")
    label.style().unpolish(label)
    label.style().polish(label)
