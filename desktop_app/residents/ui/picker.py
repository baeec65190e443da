"""A resident picker other features' pages reuse: type a name, pinyin, initials or digits; Enter picks.

Results appear in a list under the box as you type; Up/Down move, Enter (or a click) chooses and
emits ``chosen(ResidentRow)``. The search itself is residents.search, read through ui.ops off the GUI
thread (an older answer never replaces a newer one). Enter picks from the answer to what is in the box: if
that answer is still on its way, Enter waits for it (typing is held back meanwhile, so the next key goes
where the pick sends the focus).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.residents.lists import ResidentRow
from desktop_app.residents.quick_search import search
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.search_box import SearchBox

ENTER_WAITS_MS = 5000


def row_text(r: ResidentRow) -> str:
    parts = [r.name]
    if r.age is not None:
        parts.append(f"{r.age}")
    if r.address:
        parts.append(r.address)
    if r.phone_masked:
        parts.append(r.phone_masked)
    return "  ".join(parts)


class ResidentPicker(QWidget):
    chosen = Signal(object)
    cleared = Signal()

    def __init__(self, ctx: AppContext, parent=None, max_results: int = 8) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.max_results = max_results
        self.current: ResidentRow | None = None
        self._asked: str | None = None  # the text of the latest search
        self._pending: ops.OpHandle | None = None  # its op, until the answer is shown
        self.box = SearchBox(self, self.tr("Resident: name, pinyin, initials, phone or ID digits"))
        self.box.setObjectName("residentSearch")
        self.results = QListWidget(self)
        self.results.setObjectName("residentResults")
        self.results.setVisible(False)
        self.results.setMaximumHeight(180)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)
        lay.addWidget(self.results)
        self.box.query_changed.connect(self.search)
        self.box.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._pick_item)
        self.results.itemClicked.connect(self._pick_item)
        self.box.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Up/Down in the box move the result list
        if obj is self.box and event.type() == QEvent.Type.KeyPress and self.results.isVisible():
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(self.results.count() - 1, row)))
                return True
            if key == Qt.Key.Key_Escape:
                self.results.setVisible(False)
                return True
        return super().eventFilter(obj, event)

    def search(self, text: str) -> None:
        if self.current is not None and text != self.current.name:
            self.current = None
            self.cleared.emit()
        if text == self._asked and (self._pending is not None or self.results.count()):
            return  # already asked (Enter flushes the box again)
        self.results.clear()
        self._asked = text
        if not text.strip() or (self.current is not None and text == self.current.name):
            self._pending = None
            self.results.setVisible(False)
            return
        actor, limit = self.ctx.actor, self.max_results
        self._pending = ops.query(self, self.ctx.engine, lambda s: search(s, actor=actor, q=text, limit=limit),
                                  lambda rows: self._show(text, rows), latest="search")

    def _show(self, text: str, rows: list[ResidentRow]) -> None:
        self._pending = None
        if text != self._asked:
            return
        self.results.clear()
        for r in rows:
            item = QListWidgetItem(row_text(r))
            item.setData(Qt.ItemDataRole.UserRole, r)
            self.results.addItem(item)
        self.results.setVisible(bool(rows))
        if rows:
            self.results.setCurrentRow(0)

    def _wait_for_answer(self) -> None:
        handle = self._pending
        if handle is None or handle.finished:
            return
        loop = QEventLoop(self)
        handle.done.connect(loop.quit)
        QTimer.singleShot(ENTER_WAITS_MS, loop, loop.quit)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _enter(self) -> None:
        self.box.flush()
        self._wait_for_answer()
        item = self.results.currentItem()
        if item is not None and self.results.isVisible():
            self._pick_item(item)

    def _pick_item(self, item: QListWidgetItem) -> None:
        self.pick(item.data(Qt.ItemDataRole.UserRole))

    def pick(self, row: ResidentRow) -> None:
        self.current = row
        self.box.blockSignals(True)
        self.box.setText(row.name)
        self.box.blockSignals(False)
        self.results.setVisible(False)
        self.chosen.emit(row)

    def clear(self) -> None:
        self.current = None
        self._asked, self._pending = None, None
        self.box.blockSignals(True)
        self.box.clear()
        self.box.blockSignals(False)
        self.results.clear()
        self.results.setVisible(False)

    def setFocus(self) -> None:  # noqa: N802
        self.box.setFocus()
