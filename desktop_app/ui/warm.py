"""The pages' modules, imported ahead while the home page is read (issue 21).

A page's first visit imported its modules in the same turn of the event loop as it built the page: 15 ms for
the desk, 60 ms for the meals (its day tab brings the kitchen sheet, the route sheet and the printing
stack), 50 ms for the rosters (PySide's PDF and print modules) — a third to a half of the longest stalls on
the large database. Once the main window is up they are imported one module per turn of the event loop
(``ops.later``: what is waiting, a click or a key, is handled between two), on the GUI thread as before — not
on a worker thread: an import there ran PySide's type registration and Qt's library loading while the GUI
thread had let go of the interpreter inside Qt (a style sheet being applied) — a risk not worth taking (the
``setStyleSheet`` crashes seen then had another cause: docs/dev/day-at-the-desk.md). A module already imported
(a page visited) is skipped; one that fails is logged, and the page imports it again on its first visit, as it
always did.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

from PySide6.QtCore import QObject

from desktop_app import features as registry
from desktop_app.ui import ops

log = logging.getLogger(__name__)


def modules_of(features: Iterable) -> list[tuple[str, str]]:
    """(feature key, module) of each feature's page and of what its tabs import when first shown
    (``Feature.warm``, e.g. "ui.day")."""
    return [(f.key, name) for f in features for name in ("ui.page", *f.warm)]


def start(parent: QObject, modules: list[tuple[str, str]]) -> None:
    """Import ``modules`` one per turn of the event loop, for as long as ``parent`` lives (counted as running
    for ``ops.idle`` until the last)."""
    waiting = list(modules)
    # No "wait while anything else runs": two windows warming at once (a sign-out and a sign-in within the
    # second) each saw the other's step running and waited for ever — the day test hung in a settle.

    def step() -> None:
        while waiting:
            key, name = waiting.pop(0)
            if f"desktop_app.{key}.{name}" in sys.modules:
                continue
            try:
                registry.module(key, name)
            except Exception:  # the page's first visit imports it again and reports what fails
                log.exception("importing %s.%s ahead of its page failed", key, name)
            break
        if waiting:
            ops.later(parent, step)

    ops.later(parent, step)
