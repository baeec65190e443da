"""The pages' modules, imported on a worker thread while the home page is read (issue 21).

A page's first visit imported its modules on the GUI thread: 15 ms for the desk, 60 ms for the meals (its
day tab brings the kitchen sheet, the route sheet and the printing stack), 50 ms for the rosters (PySide's
PDF and print modules) — a third to a half of the longest stalls on the large database. The main window
asks for them once it is up; the imports run one at a time on a daemon thread with a pause between them, so
the GUI thread gets the interpreter between two. A module already imported (a page visited) is skipped;
an import that fails is logged and the page imports it again on its first visit, as it always did.

Only imports: no widget, no QObject is made off the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Iterable

from desktop_app import features as registry

log = logging.getLogger(__name__)

PAUSE_S = 0.02


def modules_of(features: Iterable) -> list[tuple[str, str]]:
    """(feature key, module) of each feature's page and of what its tabs import when first shown
    (``Feature.warm``, e.g. "ui.day")."""
    return [(f.key, name) for f in features for name in ("ui.page", *f.warm)]


def start(modules: list[tuple[str, str]], *, pause: float = PAUSE_S) -> threading.Thread:
    def run() -> None:
        for key, name in modules:
            if f"desktop_app.{key}.{name}" in sys.modules:
                continue
            try:
                registry.module(key, name)
            except Exception:  # the page's first visit imports it again and reports what fails
                log.exception("importing %s.%s ahead of its page failed", key, name)
            time.sleep(pause)

    thread = threading.Thread(target=run, name="warm-imports", daemon=True)
    thread.start()
    return thread
