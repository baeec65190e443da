"""Meals benchmarks.

meals_day       generate a weekday's lunch and dinner orders for 2,000 active recipients (on top of a five-year
                ledger), the kitchen sheet, both meals' routes and their route-sheets PDF; target <= 1 s in total. Floor: a bare
                ReportLab canvas drawing the same route-sheet text (same font, same pages) in the same run.
meals_balances  every recipient's balance from the five-year ledger (sum of entries); target <= 200 ms.
                Floor: the same GROUP BY through the bare sqlite3 module.

The database (2,000 residents aged 60–98 in 12 compounds, five years of orders, outcomes and ledger)
is built once and kept in the temp folder (BENCH_QUICK=1: 60 days of history instead of five years).
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path

from bench.common import BenchContext, Result, median, timeit

N = 2000
VERSION = 3


def _db_path(quick: bool) -> Path:
    folder = Path(tempfile.gettempdir()) / "meals-bench-cache"
    folder.mkdir(exist_ok=True)
    return folder / f"meals-v{VERSION}{'-quick' if quick else ''}.sqlite3"


def _complete(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(path)
        try:
            return conn.execute("SELECT count(*) FROM meal_balance_snapshot").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _build(path: Path, quick: bool):
    from sqlalchemy import insert

    from desktop_app.core import auth, search_keys
    from desktop_app.core.db import session_scope
    from desktop_app.core.progress import terminal_progress
    from desktop_app.features import open_app_database
    from desktop_app.meals import demo
    from desktop_app.residents.demo import COMPOUNDS, make_name
    from desktop_app.residents.models import Resident

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    engine = open_app_database(f"sqlite:///{path}")
    with session_scope(engine) as s:
        auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin", display_name="管理员",
                                password="admin12345")
    rng = random.Random(7)
    today = date.today()
    now = datetime.now(UTC)
    rows = []
    for i in range(N):
        name = make_name(rng)
        community, compound = rng.choice(COMPOUNDS)
        age = rng.randint(60, 98)
        rows.append({
            "id": i + 1, "station_id": 1, "name": name, "gender": rng.choice("MF"),
            "birth_date": today - timedelta(days=age * 365 + rng.randint(0, 364)), "id_number": "",
            "phone": f"139{rng.randint(0, 99_999_999):08d}", "community": community, "compound": compound,
            "building": str(rng.randint(1, 24)), "unit": str(rng.randint(1, 4)), "room": f"{rng.randint(1, 18)}{rng.randint(1, 4):02d}",
            "grid": f"{community[:-2]}第{rng.randint(1, 6)}网格", "lives_alone": rng.random() < 0.3, "disabled": False,
            "extreme_hardship": rng.random() < 0.03, "minimum_living_allowance": rng.random() < 0.05, "party_member": False,
            "veteran": False, "emergency_contact": make_name(rng), "emergency_phone": f"138{rng.randint(0, 99_999_999):08d}",
            "notes": "", "consent_date": today, "sort_key": search_keys.sort_key(name), "erased": False,
            "created_at": now, "updated_at": now,
        })
    with engine.begin() as conn:
        conn.execute(insert(Resident), rows)
    start = today - timedelta(days=60 if quick else 5 * 365)
    demo.populate(engine, [r["id"] for r in rows], start=start, end=today - timedelta(days=1), rng=rng,
                  progress=terminal_progress("meals bench db "), all_active=True)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("ANALYZE")
    return engine


def _engine(ctx: BenchContext):
    from desktop_app.core.db import is_up_to_date, make_engine, migrate
    from desktop_app.features import import_all_models

    path = _db_path(ctx.quick)
    import_all_models()
    if not _complete(path):
        return _build(path, ctx.quick), path
    engine = make_engine(f"sqlite:///{path}")
    if not is_up_to_date(engine):  # a cached database from an older schema: migrate it (no backup copy)
        migrate(engine, backup=False)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
    return engine, path


def _admin(engine):
    from sqlmodel import select

    from desktop_app.core.auth import Actor
    from desktop_app.core.db import session_scope
    from desktop_app.core.models import StaffUser

    with session_scope(engine, write=False) as s:
        return Actor.from_user(s.exec(select(StaffUser).order_by(StaffUser.id)).first())


def _bare_route_pdf(lines_per_route: list[tuple[str, list[list[str]]]]) -> bytes:
    """The same text with the same font on a bare canvas: no layout logic, no fallback, no wrapping."""
    from reportlab.pdfgen import canvas

    from desktop_app.core import pdf as core_pdf

    core_pdf.register_fonts()
    buf = BytesIO()
    c = canvas.Canvas(buf, pageCompression=1)
    for head, rows in lines_per_route:
        y = 800
        c.setFont(core_pdf.FONT, 11)
        c.drawString(36, y, head)
        y -= 40
        for cells in rows:
            if y < 50:
                c.showPage()
                c.setFont(core_pdf.FONT, 11)
                c.drawString(36, 800, head)
                y = 760
            c.setFont(core_pdf.FONT, 9)
            x = 36
            for text in cells:
                c.drawString(x, y, text)
                x += 80
            c.line(36, y - 6, 559, y - 6)
            y -= 28
        c.showPage()
    c.save()
    return buf.getvalue()


def bench_day(ctx: BenchContext) -> list[Result]:
    from desktop_app.core.db import session_scope
    from desktop_app.core.workdays import WorkCalendar
    from desktop_app.meals import pdf
    from desktop_app.meals.deliveries import routes
    from desktop_app.meals.models import MealOrder
    from desktop_app.meals.orders import generate_orders, kitchen_sheet

    engine, _path = _engine(ctx)
    actor = _admin(engine)
    pdf.Pen  # noqa: B018 - import cost outside the timing
    with session_scope(engine, write=False) as s:
        cal = WorkCalendar.load(s)
        last = s.exec(__import__("sqlmodel").select(MealOrder.day).order_by(MealOrder.day.desc())).first()
    # Bench days run past the history with no top-ups: a generous credit limit keeps every scheduled
    # recipient ordering, so each run measures the full 2,000 (a setup write, not timed).
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meal_recipient SET credit_limit_fen = 100000000")
    day = max(last or date.today(), date.today())
    totals, parts, sizes = [], {"generate": [], "kitchen": [], "routes": [], "pdf": []}, []
    contents = None
    for _ in range(5):
        day += timedelta(days=1)
        while not cal.is_workday(day):  # a full weekday: every schedule has lunch
            day += timedelta(days=1)
        t0 = time.perf_counter()
        with session_scope(engine) as s:
            res = generate_orders(s, actor=actor, day=day)  # lunch and dinner
        t1 = time.perf_counter()
        with session_scope(engine, write=False) as s:
            kitchen_sheet(s, actor=actor, day=day)
            t2 = time.perf_counter()
            rts = routes(s, actor=actor, day=day, meal="lunch") + routes(s, actor=actor, day=day, meal="dinner")
        t3 = time.perf_counter()
        out = pdf.route_sheets(rts, None, station="逍遥津社区党群服务中心")
        t4 = time.perf_counter()
        totals.append(t4 - t0)
        for k, v in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            parts[k].append(v)
        sizes.append((res.created, sum(len(r.stops) for r in rts), len(out.getvalue())))
        contents = [(f"{r.compound} {r.volunteer_name}", [[str(i), st.name, st.address, "、".join(st.diets), st.notes]
                                                          for i, st in enumerate(r.stops, 1)]) for r in rts]
    bare = timeit(lambda: _bare_route_pdf(contents), repeat=5)
    from pypdf import PdfReader

    pages = len(PdfReader(BytesIO(out.getvalue())).pages)
    return [Result("meals_day", median(totals), median(bare), "s", "<= 1 s for 2,000 recipients", extra={
        "orders_created": sizes[-1][0], "delivery_stops": sizes[-1][1], "route_sheet_pages": pages,
        **{f"{k}_s": round(median(v), 4) for k, v in parts.items()}})]


def bench_balances(ctx: BenchContext) -> list[Result]:
    from desktop_app.core.db import session_scope
    from desktop_app.meals.accounts import all_balances
    from desktop_app.meals.models import MealLedgerEntry

    engine, path = _engine(ctx)
    actor = _admin(engine)
    with session_scope(engine, write=False) as s:
        rows = s.exec(__import__("sqlmodel").select(__import__("sqlmodel").func.count()).select_from(MealLedgerEntry)).one()
        first = all_balances(s, actor=actor)

    def ours():
        with session_scope(engine, write=False) as s:
            all_balances(s, actor=actor)

    ours()
    runs = timeit(ours, repeat=7)
    conn = sqlite3.connect(path)
    bare = timeit(lambda: conn.execute("SELECT recipient_id, SUM(amount_fen) FROM meal_ledger GROUP BY recipient_id").fetchall(),
                  repeat=7)
    conn.close()
    return [Result("meals_balances", median(runs), median(bare), "s", "<= 200 ms", extra={
        "ledger_entries": rows, "recipients": len(first)})]


BENCHMARKS = {"meals_day": bench_day, "meals_balances": bench_balances}
