"""Python's cyclic garbage collector runs on the GUI thread only.

Python starts a collection in whichever thread allocates when a generation's threshold is crossed — often a
database op on the lane (``ui.ops``). A cycle that holds a Qt object (a closed dialog's wrapper and the
closures connected to it, a model made without a parent) is then freed on that thread, and a GUI object
deleted off the GUI thread crashes the process: a day at the desk (tests/day) died with "Fatal Python error:
Segmentation fault … Garbage-collecting" in a worker reading meal recipients. As PyQt applications do (Anki
among them): automatic collection off, the same thresholds checked on a GUI-thread timer.

    collector.install(app)     # once, after the QApplication exists (app.make_application)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500

_installed: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    """Collects on its timer, generation by generation, when Python would have (``gc.get_threshold``)."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] <= self.threshold[0]:
            return
        generation = 0
        if counts[1] > self.threshold[1]:
            generation = 2 if counts[2] > self.threshold[2] else 1
        gc.collect(generation)
        self.collections += 1

    def stop(self) -> None:
        """Automatic collection back on (the application is going away)."""
        self.timer.stop()
        gc.enable()


def install(app: QObject, interval_ms: int = INTERVAL_MS) -> GuiThreadCollector:
    """Collect on ``app``'s (the GUI) thread from now on; once per process."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app, interval_ms)
        app.destroyed.connect(lambda *_: gc.enable())
    return _installed


def installed() -> GuiThreadCollector | None:
    return _installed


def uninstall() -> None:
    """Automatic collection back on (tests that installed it for a while)."""
    global _installed
    if _installed is not None:
        _installed.stop()
        _installed.deleteLater()
        _installed = None
