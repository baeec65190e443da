"""The desk's category chooser for the keyboard: 1–9 and 0 pick by position; letters pick by initials."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox

from desktop_app.core.search_keys import _is_han, char_readings
from desktop_app.desk.category_list import category_label
from desktop_app.desk.models import DeskCategory


def _initials(label: str) -> str:
    """Pinyin initials of a Chinese label (政策咨询 → zczx), or first letters of English words."""
    out = []
    prev_alpha = False
    for ch in label:
        if _is_han(ch):
            readings = char_readings(ch)
            if readings:
                out.append(readings[0][0])
            prev_alpha = False
        elif ch.isascii() and ch.isalpha():
            if not prev_alpha:
                out.append(ch.lower())
            prev_alpha = True
        else:
            prev_alpha = False
    return "".join(out)


class CategoryCombo(QComboBox):
    """Category chooser for the keyboard: 1–9 and 0 pick by position; letters pick by initials (zx → 政策咨询)."""

    committed = Signal()
    RESET_MS = 1200

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._buffer = ""
        self._initials: list[str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.RESET_MS)
        self._timer.timeout.connect(self._reset_buffer)

    def set_categories(self, cats: list[DeskCategory]) -> None:
        self.clear()
        self._initials = None
        self.addItem(QCoreApplication.translate("DeskPage", "— choose (1–0 or initials) —"), None)
        for i, cat in enumerate(cats):
            key = str((i + 1) % 10) if i < 10 else " "
            self.addItem(f"{key}  {category_label(cat)}", cat.code)
        self.setCurrentIndex(0)

    def code(self) -> str | None:
        return self.currentData()

    def _reset_buffer(self) -> None:
        self._buffer = ""

    def _labels(self) -> list[str]:
        if self._initials is None:
            self._initials = [_initials(self.itemText(i)[3:]) for i in range(1, self.count())]
        return self._initials

    def keyPressEvent(self, event) -> None:  # noqa: N802
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text.isdigit() and len(text) == 1 and mods == Qt.KeyboardModifier.NoModifier:
            index = 10 if text == "0" else int(text)
            if index < self.count():
                self.setCurrentIndex(index)
                self.committed.emit()
            return
        if text.isascii() and text.isalpha() and len(text) == 1 and mods in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
        ):
            self._buffer += text.lower()
            self._timer.start()
            for i, initials in enumerate(self._labels(), start=1):
                if initials.startswith(self._buffer):
                    self.setCurrentIndex(i)
                    break
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex() > 0 and mods == Qt.KeyboardModifier.NoModifier:
            self.committed.emit()
            return
        super().keyPressEvent(event)
