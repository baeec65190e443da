"""Long-lived objects kept out of the garbage collector's way (issue 21).

Python's cyclic collector walks every object it tracks at each full (generation 2) collection. Once the
main window and a few pages are built that is 220,000 objects and 55-70 ms of CPU, in whichever thread
allocated last — a database op on the lane holds the GIL meanwhile and the GUI thread stalls. The modules
live as long as the program, the window's widgets and its pages' controls as long as the window:
``keep_long_lived`` collects the young generations and moves everything then alive to the permanent
generation (``gc.freeze``), which the collector skips; a full collection afterwards walks only what was made since (10-25 ms). Called a moment
after each page has been built for the first time (the first one with the main window).

Frozen objects are still freed when their reference count drops to zero; only a reference cycle among them
would stay. A window lives until its user signs out: when it closes (``window_closed``) everything is
unfrozen and the next freeze, a new window's first page, starts with a full collection — without it each
sign-out left about 1,200 objects (1-2 MiB) of the old window's cycles frozen for good.
The program turns this on (``enable``, app.run_gui); a test process, which builds and drops hundreds of
windows, has it off again after each test (tests/conftest.py).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_enabled = False
_collect_all_next = False


AFTER_BUILD_MS = 250  # after the page's first paint, in a moment of its own (the collection takes 5-10 ms)


def enable(on: bool = True) -> None:
    global _enabled
    _enabled = on


def enabled() -> bool:
    return _enabled


def page_built(page: QObject) -> None:
    """``page`` has just been built and will live as long as the window: freeze a moment later (if enabled)."""
    if _enabled:
        QTimer.singleShot(AFTER_BUILD_MS, page, lambda: _enabled and keep_long_lived())


def window_closed() -> None:
    """A main window closed: what was frozen goes back to the collector, which looks at all of it next time."""
    global _collect_all_next
    if _enabled:
        gc.unfreeze()
        _collect_all_next = True


def keep_long_lived() -> None:
    """Collect the young generations (all of them after a window closed) and freeze what is left (not
    ``gc.get_freeze_count`` to see how much: it walks them all)."""
    global _collect_all_next
    gc.collect(2 if _collect_all_next else 1)
    _collect_all_next = False
    gc.freeze()
