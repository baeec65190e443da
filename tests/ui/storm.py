"""A guard for the long walks through every page: an endless stream of events fails the test, naming them.

Two widgets can keep each other busy for ever — a table's two scroll bars each calling for the other, a
layout that changes its own height — and the GUI never gets to anything else: for a person the program
has frozen; for a test it hangs in ``processEvents`` with no Python frame to tell where (a full run stopped
for ten minutes in the screen-size test, then in the pseudo-locale walk). While a walk settles, ``Storm``
counts the events; past ``limit`` it notes which widgets received the most, swallows their events so the
loop ends, and ``check()`` fails the test with that list.
"""

from __future__ import annotations

import collections

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

# A page's first show with its data is ~10k events; a layout loop passes 200k within seconds.
LIMIT = 200_000


def _path(obj: QObject) -> str:
    names = []
    while obj is not None and len(names) < 6:
        names.append(f"{type(obj).__name__}#{obj.objectName()}" if obj.objectName() else type(obj).__name__)
        obj = obj.parent()
    return " < ".join(names)


class Storm(QObject):
    """Counts the application's events while installed (``with Storm() as storm: …; storm.check()``)."""

    def __init__(self, limit: int = LIMIT) -> None:
        super().__init__()
        self.limit = limit
        self.count = 0
        self.by_receiver: collections.Counter[tuple[str, str]] = collections.Counter()
        self.by_id: collections.Counter[int] = collections.Counter()
        self.found: list[str] = []
        self._swallow: set[int] = set()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        self.count += 1
        if self.count < self.limit // 2:
            return False
        key = id(obj)
        if self._swallow:
            return key in self._swallow
        self.by_receiver[(event.type().name, _path(obj))] += 1  # the second half of the events: who gets them
        self.by_id[key] += 1
        if self.count >= self.limit:
            top = self.by_receiver.most_common(8)
            self.found = [f"{n} × {kind} to {where}" for (kind, where), n in top]
            least = self.limit // 2 // 1000  # every receiver of the loop goes quiet, so that it ends
            self._swallow = {k for k, n in self.by_id.items() if n >= least}
            return True
        return False

    def __enter__(self) -> Storm:
        QApplication.instance().installEventFilter(self)
        return self

    def __exit__(self, *exc) -> None:
        QApplication.instance().removeEventFilter(self)

    def check(self, what: str = "") -> None:
        assert not self.found, (f"{what}: the event loop never rested (over {self.limit} events): two widgets keep "
                                "each other busy — the GUI would freeze\n" + "\n".join(self.found))
