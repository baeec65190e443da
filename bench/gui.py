"""What a person feels on a big database: page visits and memory of the real main window (issue 21).

gui_pages   builds the main window (1366×768, Chinese, signed in as the first administrator) on a large
            database and visits every page and every tab of it twice. For each visit: the time until what
            the page asked the database for has arrived and been shown (``ui.ops`` idle), and the longest
            GUI-thread stall meanwhile, measured by a 5 ms heartbeat timer on the GUI thread (a stall is
            the longest gap between two beats, less the interval). Floor: a bare QStackedWidget of two
            labels switched the same way, in the same process. Targets: longest stall <= 100 ms on every
            page and tab, first visit or revisit; revisit <= 100 ms. The CPU time the process spent within
            each stall is recorded too, and the probe runs in its own scheduling group at nice -10 where it
            may (``foreground``): on a shared machine the wall-clock stalls otherwise measure the neighbours.
            Three fresh processes (BENCH_GUI_RUNS); each visit's figures are the median of the three, the
            longest single stall of any run is shown as well.
gui_search  (the same runs) the residents search typed key by key, fast (60 ms between keys) and ordinary
            (150 ms), then cleared: the time until the list shows the results of each key, the stall.
gui_memory  the same process size (RSS) after visiting every page and tab, then the desk's list switched
            to every record (1,000,000 on the large database) and scrolled to its end with the scroll bar,
            and back to the top. Floor: the bare window's RSS. Targets: <= 250 MiB after every page,
            growth <= 50 MiB while scrolling.

Both run the window in a fresh process (``python -m bench.gui --probe ...``) so that the size is the app's,
not the benchmark runner's. The database: SMILEDESK_BENCH_DB (a copy is made first: the app migrates and
analyses it on open), else ``smiledesk demo --scale large`` built here once (about 5 minutes;
BENCH_QUICK=1: small, for a smoke run whose figures mean nothing).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BenchContext, Result

HEARTBEAT_MS = 5
QUIET_S = 0.08  # a page has settled when no op has been running for this long
STALL_TARGET_MS = 100
REVISIT_TARGET_MS = 100
RSS_TARGET_MIB = 250
SCROLL_GROWTH_TARGET_MIB = 50
TYPED = "zhouhua"  # a resident's name in pinyin, key by key (the demo has many)
KEY_INTERVALS_MS = (60, 150)  # a fast typist's keys, and an ordinary one's
PAGE_RUNS = int(os.environ.get("BENCH_GUI_RUNS", "3"))  # fresh processes; each visit's median of them

_DB: dict[str, Path] = {}


# --- the runner (bench process) ---------------------------------------------------------------------
def _database(ctx: BenchContext) -> Path:
    key = str(ctx.workdir)
    if key in _DB:
        return _DB[key]
    given = os.environ.get("SMILEDESK_BENCH_DB")
    path = ctx.workdir / "gui-bench.sqlite3"
    atexit.register(_remove_copies, ctx.workdir)  # 1.7 GB, and the app's backup of it before migrating
    if given:
        subprocess.run(["cp", "--reflink=auto", given, str(path)], check=True)
    else:
        scale = "small" if ctx.quick else "large"
        subprocess.run([sys.executable, "-m", "desktop_app", "demo", "--db", str(path), "--scale", scale],
                       check=True, stdout=subprocess.DEVNULL)
    _DB[key] = path
    return path


def _remove_copies(workdir: Path) -> None:
    for p in workdir.glob("gui-bench.sqlite3*"):
        p.unlink(missing_ok=True)
    shutil.rmtree(workdir / "backups", ignore_errors=True)
    shutil.rmtree(workdir / "data", ignore_errors=True)


def _probe(ctx: BenchContext, mode: str) -> dict:
    db = _database(ctx)
    out = ctx.workdir / f"gui-{mode}.json"
    root = Path(__file__).resolve().parent.parent
    # Compiled modules, as the installed app has them (PYTHONDONTWRITEBYTECODE would compile every import).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMILEDESK_DATA_DIR": str(ctx.workdir / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "desktop_app", "bench"], check=True, env=env, cwd=root,
                   stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "bench.gui", "--probe", mode, "--db", str(db), "--out", str(out)],
                   check=True, env=env, cwd=root)
    return json.loads(out.read_text())


def _median_visits(runs: list[dict]) -> list[dict]:
    """Each visit's median over the runs (the same pages and tabs in the same order in each)."""
    from statistics import median

    keys = [(v["kind"], v["what"]) for v in runs[0]["visits"]]
    for run in runs[1:]:
        if [(v["kind"], v["what"]) for v in run["visits"]] != keys:
            raise RuntimeError("the runs visited different pages")
    return [{"kind": kind, "what": what, **{field: median(run["visits"][i][field] for run in runs)
                                           for field in ("ms", "stall_ms", "stall_cpu_ms", "stall_process_cpu_ms")}}
            for i, (kind, what) in enumerate(keys)]


def gui_pages(ctx: BenchContext) -> list[Result]:
    runs = [_probe(ctx, "pages") for _ in range(max(1, PAGE_RUNS))]
    got = runs[-1]
    floor_ms = min(r["floor_ms"] for r in runs)
    visits = _median_visits(runs)
    worst_stall = max(visits, key=lambda v: v["stall_ms"])
    revisits = [v for v in visits if v["kind"] == "revisit"]
    worst_revisit = max(revisits, key=lambda v: v["ms"])
    table = {f"{v['kind']:<7} {v['what']}": f"{v['ms']:.0f} ms, stall {v['stall_ms']:.0f} ms "
                                             f"(CPU in it {v['stall_process_cpu_ms']:.0f} ms)" for v in visits}
    single = max((v for r in runs for v in r["visits"]), key=lambda v: v["stall_ms"])
    extra = {"database": got["database"], "scheduling": got["scheduling"],
             "load average": ", ".join(f"{r['load']:.1f}" for r in runs), "runs": len(runs),
             "window_ms": round(got["window_ms"]), "window_stall_ms": round(got["window_stall_ms"]),
             "longest single stall": f"{single['stall_ms']:.0f} ms ({single['kind']} {single['what']}, "
                                     f"CPU in it {single['stall_process_cpu_ms']:.0f} ms)", **table}
    typing = [r["typing"] for r in runs]
    fast, ordinary = (f"{ms} ms between keys" for ms in KEY_INTERVALS_MS)

    def med(speed: str, field: str) -> float:
        from statistics import median

        return median(t[speed][field] for t in typing)

    search_extra = {
        f"fast typist ({fast})": f"first key {med(fast, 'first key ms'):.0f} ms, results {med(fast, 'last key ms'):.0f} ms "
                                 f"after the last key (SearchBox.DELAY_MS coalesces), stall {med(fast, 'stall ms'):.0f} ms",
        f"ordinary typist ({ordinary})": f"every key's results within {med(ordinary, 'slowest key ms'):.0f} ms, "
                                         f"stall {med(ordinary, 'stall ms'):.0f} ms",
        "box cleared": f"the whole list and its count back in {med(ordinary, 'cleared ms'):.0f} ms",
    }
    return [
        Result("gui_search", med(ordinary, "slowest key ms") / 1000, floor_ms / 1000,
               target=f"search feels instant: '{TYPED}' typed key by key in the residents page "
                      "(issue 21 measured 143 ms p50 / 216 ms p95)", extra=search_extra),
        Result("gui_pages_stall", worst_stall["stall_ms"] / 1000, floor_ms / 1000,
               target=f"longest GUI stall <= {STALL_TARGET_MS} ms on every page and tab, median of {len(runs)} runs "
                      f"(worst: {worst_stall['kind']} {worst_stall['what']})", extra=extra),
        Result("gui_pages_revisit", worst_revisit["ms"] / 1000, floor_ms / 1000,
               target=f"revisit <= {REVISIT_TARGET_MS} ms (slowest: {worst_revisit['what']})"),
    ]


def gui_memory(ctx: BenchContext) -> list[Result]:
    got = _probe(ctx, "memory")
    mib = got["rss_mib"]
    extra = {"database": got["database"], "rows_scrolled": got["rows_scrolled"], "pages_in_memory": got["pages_in_memory"],
             "scroll_s": round(got["scroll_s"], 1), **{f"rss {k}": f"{v:.0f} MiB" for k, v in mib.items()}}
    return [
        Result("gui_memory_pages", mib["after every page"], mib["bare window"], unit="MiB",
               target=f"<= {RSS_TARGET_MIB} MiB after visiting every page", extra=extra),
        Result("gui_memory_scroll", mib["after scrolling"] - mib["before scrolling"], mib["bare window"], unit="MiB",
               target=f"growth <= {SCROLL_GROWTH_TARGET_MIB} MiB scrolling {got['rows_scrolled']:,} rows"),
    ]


BENCHMARKS = {"gui_pages": gui_pages, "gui_memory": gui_memory}


# --- the probe (a fresh process with the real window) ------------------------------------------------
def rss_mib() -> float:
    """The process's resident size now (Linux /proc; elsewhere the peak, which is all the stdlib offers)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Heartbeat:
    """A timer on the GUI thread every HEARTBEAT_MS: the longest gap between two beats is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.reset()
        self.timer.start()

    def _beat(self) -> None:
        now, cpu, pcpu = time.perf_counter(), time.thread_time(), time.process_time()
        if now - self.last > self.worst:
            self.worst, self.worst_cpu, self.worst_pcpu = now - self.last, cpu - self.last_cpu, pcpu - self.last_pcpu
        self.last, self.last_cpu, self.last_pcpu = now, cpu, pcpu

    def reset(self) -> None:
        self.last, self.last_cpu, self.last_pcpu = time.perf_counter(), time.thread_time(), time.process_time()
        self.worst = self.worst_cpu = self.worst_pcpu = 0.0

    def stall_cpu_ms(self) -> float:
        """The GUI thread's own CPU time within the longest stall (the rest: other threads and processes)."""
        return self.worst_cpu * 1000

    def stall_process_cpu_ms(self) -> float:
        """The whole process's CPU time within the longest stall (GUI thread + database lane; the rest of the
        stall is waiting for the disk or for other processes to leave a core)."""
        return self.worst_pcpu * 1000

    def stall_ms(self) -> float:
        return max(0.0, (max(self.worst, time.perf_counter() - self.last)) * 1000 - HEARTBEAT_MS)


def _settle(app, t0: float, *, quiet: float = QUIET_S, timeout: float = 300.0) -> float:
    """Turn the event loop until no op has run for ``quiet`` seconds; the seconds from t0 until they stopped."""
    from PySide6.QtCore import QEventLoop

    from desktop_app.ui import ops

    flags = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    idle_since: float | None = None
    while True:
        app.processEvents(flags)
        now = time.perf_counter()
        if not ops.idle():
            idle_since = None
        elif idle_since is None:
            idle_since = now
        elif now - idle_since >= quiet:
            return idle_since - t0
        if now - t0 > timeout:
            raise TimeoutError(f"still busy after {timeout} s")


def _measure(app, beat: Heartbeat, action, *, quiet: float = QUIET_S) -> tuple[float, float, float, float]:
    """(ms until settled, longest stall ms, GUI thread's and process's CPU ms in it) of ``action()`` and what it
    set off."""
    _settle(app, time.perf_counter(), quiet=0.02)
    beat.reset()
    t0 = time.perf_counter()
    action()
    took = _settle(app, t0, quiet=quiet)
    return took * 1000, beat.stall_ms(), beat.stall_cpu_ms(), beat.stall_process_cpu_ms()


def _floor(app, beat: Heartbeat) -> float:
    from PySide6.QtWidgets import QLabel, QStackedWidget

    stack = QStackedWidget()
    stack.addWidget(QLabel("甲"))
    stack.addWidget(QLabel("乙"))
    stack.resize(1366, 768)
    stack.show()
    times = sorted(_measure(app, beat, lambda i=i: stack.setCurrentIndex(i % 2))[0] for i in range(1, 21))
    stack.close()
    stack.deleteLater()
    return times[len(times) // 2]


def _tabs_of(page):
    from PySide6.QtWidgets import QTabWidget

    return [t for t in page.findChildren(QTabWidget) if t.isVisible() and t.count() > 1]


def _tab_name(tabs, i: int) -> str:
    name = tabs.widget(i).objectName()
    return name.removeprefix("tab-") if name else str(i)


def _visit_all(app, beat: Heartbeat, window, kind: str, visits: list[dict]) -> None:
    def record(what: str, action) -> None:
        ms, stall, cpu, pcpu = _measure(app, beat, action)
        visits.append({"kind": kind, "what": what, "ms": ms, "stall_ms": stall, "stall_cpu_ms": cpu,
                       "stall_process_cpu_ms": pcpu})
        print(f"  {kind:<7} {what:<28} {ms:8.0f} ms  stall {stall:6.0f} ms (CPU: GUI {cpu:4.0f}, process {pcpu:4.0f})",
              file=sys.stderr, flush=True)

    keys = window.page_keys()
    for row, key in enumerate(keys):
        if kind == "first" and row == 0:
            continue  # shown when the window was built (window_ms)
        record(key, lambda r=row: window.nav.setCurrentRow(r))
        page = window.pages[key]
        for tabs in _tabs_of(page):
            for i in range(1, tabs.count()):
                record(f"{key}/{_tab_name(tabs, i)}", lambda t=tabs, i=i: t.setCurrentIndex(i))
            record(f"{key}/{_tab_name(tabs, 0)}", lambda t=tabs: t.setCurrentIndex(0))
    if kind == "revisit":
        record(keys[0], lambda: window.nav.setCurrentRow(0))


def _scroll_to_end(app, page) -> tuple[int, float]:
    from desktop_app.ui import ops

    view = page.view
    view.setCurrentIndex(view.findData("all"))
    _settle(app, time.perf_counter())
    table, model = page.table, page.model
    t0 = time.perf_counter()
    while True:
        table.scrollToBottom()
        while not ops.idle():
            app.processEvents()
        app.processEvents()
        if not model.canFetchMore():
            break
    table.scrollToTop()
    _settle(app, time.perf_counter())
    return model.rowCount(), time.perf_counter() - t0


def foreground() -> str:
    """Give the probe a core as a station's PC gives the app in front of its user.

    This machine is shared by several engineers running tests (load 5-13 on 2 cores); with Linux's
    autogroup scheduling every session shares the cores equally, so a page that needs 20 ms of CPU took
    150-300 ms of wall time and the stalls measured the neighbours, not the app. The probe takes its own
    session and, where it may (root or CAP_SYS_NICE), sets that session's nice to -10; the CPU time within
    each stall is recorded as well, which the machine's load does not change."""
    try:
        os.setsid()
    except OSError:
        pass
    try:
        with open("/proc/self/autogroup", "w") as f:
            f.write("-10")
        with open("/proc/self/autogroup") as f:
            return f.read().strip()
    except OSError:
        try:
            os.nice(-10)
            return "nice -10"
        except OSError:
            return "normal priority"


def _typing(app, beat: Heartbeat, window) -> dict:
    """The residents search typed key by key at each speed, then cleared: for every key, the time until the
    list shows the results of what had been typed by then (or of more); the longest stall meanwhile."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.nav.setCurrentRow(window.page_keys().index("residents"))
    page = window.pages["residents"]
    _settle(app, time.perf_counter())
    shown: list[tuple[float, str]] = []
    page.model.loaded.connect(lambda: shown.append((time.perf_counter(), page.query)))
    out: dict = {}
    for interval in KEY_INTERVALS_MS:
        page.search.setFocus()
        _settle(app, time.perf_counter())
        shown.clear()
        beat.reset()
        keys: list[tuple[float, str]] = []
        for i, ch in enumerate(TYPED):
            QTest.keyClick(page.search, ch)
            keys.append((time.perf_counter(), TYPED[: i + 1]))
            until = time.perf_counter() + interval / 1000
            while time.perf_counter() < until:
                app.processEvents()
        _settle(app, keys[-1][0])
        waits = []
        for at, text in keys:
            later = [t for t, q in shown if t >= at and q.startswith(text)]
            waits.append(((min(later) - at) * 1000) if later else float("inf"))
        stall = beat.stall_ms()
        t0 = time.perf_counter()
        shown.clear()
        QTest.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(page.search, Qt.Key.Key_Backspace)
        _settle(app, t0)
        cleared = [t for t, q in shown if q == ""]
        # Within a burst a key's results come with the burst's (after its last key): "last key" is what a
        # fast typist waits for, "slowest key" what an ordinary one does.
        out[f"{interval} ms between keys"] = {
            "per key ms": [round(w) for w in waits], "first key ms": waits[0], "last key ms": waits[-1],
            "slowest key ms": max(waits), "stall ms": stall,
            "cleared ms": (min(cleared) - t0) * 1000 if cleared else float("inf"),
        }
    return out


def probe(mode: str, db: str, out: str) -> None:
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from desktop_app import features, startup
    from desktop_app.app import build_main_window, make_application
    from desktop_app.core.db import url_for
    from desktop_app.ui import heap, translation
    from desktop_app.ui.fonts import install_fallback_fonts
    from desktop_app.ui.settings_dialog import apply_style

    scheduling = foreground()
    app = make_application()
    heap.enable()  # as app.run_gui does
    translation.install(app, "zh_CN")
    apply_style(app, "normal")
    install_fallback_fonts(app)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    engine = features.open_app_database(url_for(db))
    beat = Heartbeat()
    floor_ms = _floor(app, beat)
    rss: dict[str, float] = {"bare window": rss_mib()}
    actor = startup.first_admin(engine)
    holder: list = []

    def build() -> None:
        window = build_main_window(engine, actor, settings)
        window.resize(1366, 768)
        window.show()
        holder.append(window)

    # The home page asks for its figures after the window's first paint (a timer of 150 ms).
    window_ms, window_stall, _cpu, _pcpu = _measure(app, beat, build, quiet=0.4)
    window = holder[0]
    print(f"  window  {window.page_keys()[0]:<28} {window_ms:8.0f} ms  stall {window_stall:6.0f} ms", file=sys.stderr)
    visits: list[dict] = []
    _visit_all(app, beat, window, "first", visits)
    _visit_all(app, beat, window, "revisit", visits)
    rss["after every page"] = rss_mib()
    typing = _typing(app, beat, window) if mode == "pages" else None
    result = {"database": f"{Path(db).name}, {Path(db).stat().st_size / 2**30:.2f} GiB", "floor_ms": floor_ms,
              "scheduling": scheduling, "load": os.getloadavg()[0],
              "window_ms": window_ms, "window_stall_ms": window_stall, "visits": visits, "typing": typing}
    if mode == "memory":
        window.nav.setCurrentRow(window.page_keys().index("desk"))
        page = window.pages["desk"]
        _settle(app, time.perf_counter())
        rss["before scrolling"] = rss_mib()
        rows, took = _scroll_to_end(app, page)
        rss["after scrolling"] = rss_mib()
        result.update(rows_scrolled=rows, scroll_s=took, pages_in_memory=page.model.pages_in_memory())
    result["rss_mib"] = rss
    Path(out).write_text(json.dumps(result, ensure_ascii=False, indent=1))
    window.close()
    del window, holder[:]


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--probe", choices=["pages", "memory"], required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    probe(args.probe, args.db, args.out)
    sys.stdout.flush()
    os._exit(0)  # the database lane's thread and Qt's teardown are not what is measured
