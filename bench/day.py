"""A station's whole day at the desk in one process (issue 14 item 2).

day_soak — the scenario of tests/day (tests/day/scenario.py: the main window on the small demo, signed in as the
           administrator at 1366×768, and the kiosk beside it; page after page, resident searches typed key by
           key, every feature's edit dialogs saved or cancelled, passports scanned, lists exported, papers saved
           as PDF, a month's roster filled) run for tens of thousands of actions instead of the test's ~2,000.
           At the end: what was saved is what the database holds and ``smiledesk check`` passes.
           Reported: resident memory (RSS) growth per 1,000 actions after the warm-up (two rounds that build the
           pages and fill the caches), the run's length (wall clock and CPU), the Python objects and Qt objects
           that grew, and ``None``'s reference count (PySide6 6.11 increfs it when a Python data() returns None;
           it must never fall).
           Floor for memory: the growth per 1,000 actions of the warm-up itself (ratio = steady growth / warm-up
           growth). Floor for time: CPU seconds per 1,000 actions of the first measured round (ratio = the last
           round's against it: > 1 means the app slows down as the day goes on).
           Targets: RSS growth ≤ 1 MiB per 1,000 actions after the warm-up; the last round no slower than 1.2×
           the first; no failure, no Python or Qt object piling up.

BENCH_QUICK=1 runs 4 rounds (a smoke run); SMILEDESK_DAY_ROUNDS overrides the number of rounds.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from contextlib import redirect_stdout
from pathlib import Path

from bench.common import BenchContext, Result

ROUNDS = 44  # ~22,000 actions with SOAK_PLAN
QUICK_ROUNDS = 4
WARM_UP = 2


def _scenario():
    root = str(Path(__file__).resolve().parent.parent / "tests")
    if root not in sys.path:
        sys.path.insert(0, root)
    from day import scenario  # tests/day/scenario.py (no pytest in it)

    return scenario


def day_soak(ctx: BenchContext) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app import cli
    from desktop_app.app import make_application
    from desktop_app.core import auth
    from desktop_app.core.db import session_scope
    from desktop_app.features import open_app_database

    scenario = _scenario()
    make_application()  # as the shipped app: fonts, garbage collected on the GUI thread (ui/collector.py)
    workdir = ctx.workdir / "day"
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "day.sqlite3"
    engine = open_app_database(f"sqlite:///{path}")
    with session_scope(engine) as s:
        auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin", display_name="王主任",
                                password="admin-pass-1")
    rounds = int(os.environ.get("SMILEDESK_DAY_ROUNDS", QUICK_ROUNDS if ctx.quick else ROUNDS))
    plan = scenario.Plan(page_visits=200, searches=30, scans=50)
    day = scenario.open_day(engine, workdir)
    errors = scenario.ErrorLog()
    logging.getLogger().addHandler(errors)

    def progress(r: int, s) -> None:
        print(f"  round {r + 1}/{rounds}: {s.actions} actions, {s.seconds:.0f} s, RSS {s.rss / 2**20:.1f} MiB",
              file=sys.stderr, flush=True)

    try:
        with scenario.QtMessages() as qt_said:
            samples = day.run(plan, rounds, on_round=progress)
    finally:
        logging.getLogger().removeHandler(errors)
    wrong = scenario.check_ledger(engine, day.before, day.ledger)
    day.close()
    engine.dispose()
    out = io.StringIO()
    with redirect_stdout(out):
        checked = cli.main(["check", "--db", str(path)])

    start, warm, last = samples[0], samples[WARM_UP], samples[-1]
    first = samples[WARM_UP + 1]
    per_k = lambda a, b, attr: (getattr(b, attr) - getattr(a, attr)) / max(1, b.actions - a.actions) * 1000  # noqa: E731
    steady = per_k(warm, last, "rss") / 2**20
    warming = per_k(start, warm, "rss") / 2**20
    cpu_first = per_k(warm, first, "cpu")
    cpu_last = per_k(samples[-2], last, "cpu")
    piling = scenario.piling_up(samples[WARM_UP:], per_round=10, containers_per_round=200)
    extra = {
        "actions": last.actions,
        "rounds": rounds,
        "wall_seconds": round(last.seconds, 1),
        "cpu_seconds": round(last.cpu, 1),
        "actions_by_kind": dict(day.actions),
        "rss_start_mib": round(start.rss / 2**20, 1),
        "rss_after_warm_up_mib": round(warm.rss / 2**20, 1),
        "rss_end_mib": round(last.rss / 2**20, 1),
        "rss_by_round_mib": [round(s.rss / 2**20, 1) for s in samples],
        "none_count_start_end": [samples[0].none, last.none],
        "none_fell": bool(day.probe.none_low < day.probe.none_start - 2000),
        "python_objects_piling_up": piling or {},
        "qt_objects_grown": scenario.growth(warm.qt, last.qt, at_least=1),
        "errors_logged": errors.records[:5],
        "qt_warnings": qt_said.messages[:5],
        "ledger_differences": wrong[:5],
        "check_exit": checked,
    }
    failed = bool(wrong or checked or errors.records or qt_said.messages or piling or extra["qt_objects_grown"] or extra["none_fell"])
    return [
        Result("day_soak", steady, warming, unit="MiB", extra={**extra, "failed": failed},
               target="RSS growth ≤ 1 MiB per 1,000 actions after the warm-up; nothing piling up; check passes"),
        Result("day_soak_cpu", cpu_last, cpu_first, unit="s",
               target="CPU s per 1,000 actions: last round ≤ 1.2× the first measured round"),
    ]


BENCHMARKS = {"day_soak": day_soak}
