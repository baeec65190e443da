"""Foundation benchmarks: `startup` (cold start to first painted main window) and `search`.

Both build (once, cached in bench/.cache/) a demo database with 100,000 residents.
Floors are measured in the same run:
* startup — a floor process: bare PySide6 window + sqlmodel import + one query on the same file,
  spawned exactly like the app (python -c ...), quitting at its first paint;
* search — the same SQL statements the service runs, issued through raw sqlite3.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BenchContext, Result, median, p95

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(__file__).resolve().parent / ".cache"


def large_db(ctx: BenchContext) -> Path:
    """A demo database with the large residents set (generated once, reused)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / ("residents-quick.sqlite3" if ctx.quick else "residents-large.sqlite3")
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            p.unlink(missing_ok=True)
        scale = "small" if ctx.quick else "large"
        subprocess.run([sys.executable, "-m", "desktop_app", "demo", "--scale", scale, "--only", "residents",
                        "--db", str(tmp)], check=True, cwd=ROOT)
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("ANALYZE")
        con.close()
        tmp.rename(path)
    return path


FLOOR_SCRIPT = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from sqlmodel import create_engine, text
engine = create_engine("sqlite:///" + sys.argv[1])
with engine.connect() as conn:
    n = conn.execute(text("SELECT count(*) FROM resident")).scalar()
app = QApplication([])
win = QMainWindow()
win.setCentralWidget(QLabel(f"{n} residents"))
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
f = F()
win.installEventFilter(f)
win.resize(1280, 800)
win.show()
app.exec()
"""


def _spawn(args: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMILEDESK_DATA_DIR": str(CACHE / "data")}
    t0 = time.perf_counter()
    subprocess.run(args, check=True, env=env, cwd=ROOT, capture_output=True)
    return time.perf_counter() - t0


def bench_startup(ctx: BenchContext) -> list[Result]:
    # BENCH_LARGE_DB: a database made with `smiledesk demo --scale large` (every feature); default: the
    # cached 100,000-resident database.
    db = Path(os.environ["BENCH_LARGE_DB"]) if os.environ.get("BENCH_LARGE_DB") else large_db(ctx)
    app_cmd = [sys.executable, "-m", "desktop_app", "--db", str(db), "--startup-probe"]
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT, str(db)]
    _spawn(app_cmd)  # warm the OS file cache for both
    _spawn(floor_cmd)
    app_times, floor_times = [], []
    for _ in range(3 if ctx.quick else 7):  # interleaved so machine noise hits both alike
        app_times.append(_spawn(app_cmd))
        floor_times.append(_spawn(floor_cmd))
    return [Result("startup", median(app_times), median(floor_times), "s", "ratio <= 1.3",
                   {"database": db.name, "database_mb": round(db.stat().st_size / 2**20), "app_runs_s": [round(t, 3) for t in app_times], "floor_runs_s": [round(t, 3) for t in floor_times]})]


def _queries(db: Path, n: int, seed: int = 7) -> list[str]:
    con = sqlite3.connect(db)
    rows = con.execute("SELECT name, phone, id_number FROM resident ORDER BY random() LIMIT ?", (n,)).fetchall()
    con.close()
    from desktop_app.core.search_keys import name_readings

    rng = random.Random(seed)
    out = []
    for i, (name, phone, idn) in enumerate(rows):
        kind = i % 6
        syl = (name_readings(name) or [["x"]])[0]
        if kind == 0:
            out.append(name)  # full Chinese name
        elif kind == 1:
            out.append(name[0])  # surname only: broad
        elif kind == 2:
            out.append("".join(s[0] for s in syl))  # initials
        elif kind == 3:
            out.append("".join(syl)[: rng.randint(3, 8)])  # pinyin prefix as typed
        elif kind == 4 and phone:
            start = rng.randint(0, max(0, len(phone) - 4))
            out.append(phone[start:start + 4])  # any 4 digits of the phone
        else:
            out.append((idn or phone or "1234")[-4:])  # ID tail
    return out


def _raw_search(con: sqlite3.Connection, q: str, limit: int = 50) -> list[tuple]:
    """The same lookup through bare sqlite3: the service's one statement, rows deduplicated."""
    from desktop_app.core import search_keys
    from desktop_app.residents import search_plan, search_sql

    plan = search_plan(q)
    if plan is None:
        return []
    qn, kinds = plan
    sql = search_sql(len(kinds), "sqlite-raw")
    params = [v for k in kinds for v in (k, qn, search_keys.prefix_upper_bound(qn), limit)] + [0]
    seen, out = set(), []
    for row in con.execute(sql, params):
        if row[0] not in seen:
            seen.add(row[0])
            out.append(row)
    return out[:limit]


def bench_search(ctx: BenchContext) -> list[Result]:
    db = large_db(ctx)
    from desktop_app import residents as service
    from desktop_app.core import auth
    from desktop_app.core.db import make_engine, session_scope
    from desktop_app.features import import_all_models

    import_all_models()
    engine = make_engine(f"sqlite:///{db}")
    with session_scope(engine, write=False) as s:
        from sqlmodel import select

        from desktop_app.core.models import StaffUser

        actor = auth.Actor.from_user(s.exec(select(StaffUser).order_by(StaffUser.id)).first())
    queries = _queries(db, 120 if ctx.quick else 600)
    con = sqlite3.connect(db)
    for q in queries[:20]:  # warm caches and pypinyin
        _raw_search(con, q)
        with session_scope(engine, write=False) as s:
            service.search(s, actor=actor, q=q)
    app_t, raw_t, empty = [], [], 0
    for q in queries:
        t0 = time.perf_counter()
        with session_scope(engine, write=False) as s:
            rows = service.search(s, actor=actor, q=q)
        app_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        raw = _raw_search(con, q)
        raw_t.append(time.perf_counter() - t0)
        empty += not rows
        assert len(rows) == len(raw), q
    con.close()
    total = sqlite3.connect(db).execute("SELECT count(*) FROM resident").fetchone()[0]
    extra = {"residents": total, "queries": len(queries), "queries_without_results": empty,
             "p95_ms": round(p95(app_t) * 1000, 2), "raw_p95_ms": round(p95(raw_t) * 1000, 2)}
    return [
        Result("search", median(app_t), median(raw_t), "s", "ratio <= 3", extra),
        Result("search_p95", p95(app_t), p95(raw_t), "s", "p95 <= 0.020 s"),
    ]


BENCHMARKS = {"startup": bench_startup, "search": bench_search}
