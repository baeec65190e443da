"""Shared bench helpers: timing with repeats, results, a scratch directory."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Result:
    name: str
    value: float
    floor: float
    unit: str = "s"
    target: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("inf")

    def as_json(self) -> dict:
        return {"value": self.value, "floor": self.floor, "ratio": self.ratio, "unit": self.unit,
                "target": self.target, **self.extra}


@dataclass
class BenchContext:
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="smiledesk-bench-")))
    quick: bool = False  # smaller data for a smoke run (BENCH_QUICK=1)


def timeit(fn: Callable[[], object], repeat: int = 5) -> list[float]:
    """Wall-clock seconds of each run (call fn once before to warm caches if that is the intent)."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
