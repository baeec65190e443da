"""Figures of months that have ended (and other counts that seldom change), kept for a while by the page that
shows them (issue 21). The home page's reminder of hours not yet recorded in the national system keeps its
counts per day here too, keyed by what would change them (rosters.national.due).

A year of a big station is a million stamps and 330,000 meals: the home page's twelve months took half a
second to read, on every visit. The months before this one hardly change — only a back-dated entry
changes them — so a page keeps what it read in a ``FigureMemo`` and reads again only

* the current month (always: today's work is in it),
* a month it has not read yet (the chart moved on, another station),
* anything read more than ``max_age`` seconds ago, or before a write this app made (``generation``:
  ``ui.ops.write_generation``) when the memo is strict — the reports page, whose figures are exported,
* everything after ``clear()`` (the Refresh button).

Qt-free: the figures functions take the memo and use it on the worker thread they run on; the page owns it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any

MAX_AGE_S = 600.0


class FigureMemo:
    def __init__(self, *, max_age: float = MAX_AGE_S, strict: bool = False,
                 generation: Callable[[], int] = lambda: 0, clock: Callable[[], float] = time.monotonic) -> None:
        """``strict``: a write made by this app since an entry was read makes it stale (else only its age)."""
        self.max_age, self.strict = max_age, strict
        self._generation, self._clock = generation, clock
        self._kept: dict[Hashable, tuple[Any, float, int]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            kept = self._kept.get(key)
        if kept is None:
            return None
        value, at, generation = kept
        if self._clock() - at > self.max_age or (self.strict and generation != self._generation()):
            return None
        return value

    def stamp(self) -> tuple[float, int]:
        """When a read starts: what it reads is as old as this (a write finishing meanwhile may be missing)."""
        return self._clock(), self._generation()

    def put(self, key: Hashable, value: Any, stamp: tuple[float, int]) -> None:
        at, generation = stamp
        with self._lock:
            self._kept[key] = (value, at, generation)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)

    def keys(self) -> list[Hashable]:
        with self._lock:
            return list(self._kept)


def has_ended(end: date, today: date) -> bool:
    """A period [start, end) that is over: nothing is entered for today in it."""
    return end <= today
