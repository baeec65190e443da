"""Reports benchmarks, floors measured in the same run.

report_month  the monthly report PDF (reports.period_report.period_figures + reports.pdf.build_report) for the
              busiest month of a large demo database. Floor: a bare ReportLab document with the same tables
              and charts built from figures computed beforehand (no queries, no translation, no markup).
              Target <= 3 s. The database: SMILEDESK_BENCH_DB (a file made with `smiledesk demo --scale
              large --only ...`, see docs/reports.md), else one built here (residents + desk + passports +
              meals large; BENCH_QUICK=1: small).
excel_import  50,000 rows (BENCH_QUICK=1: 5,000) of a residents register written with openpyxl: read the
              sheet, guess the mapping, dry run, then import (in batches) into an empty database.
              Floor: bare python-calamine reading the same file + raw sqlite3 inserting the same rows (one
              transaction, executemany into a table of the same columns). Target <= 30 s. Also reported:
              the CPU seconds of both (time.process_time), which the other processes on a shared machine
              change far less than the wall-clock value and floor.
excel_read    reading alone: importing.read_sheet (measuring the sheet first, merged cells, header row)
              against bare python-calamine (open, sheet, to_python) on the same file; median of 5.
              Target: ratio <= 1.5.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

from bench.common import BenchContext, Result, median, timeit

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
REGIONS = ("110101", "110102", "340221", "310101")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华玉兰淑珍凤英秀珍桂兰秀云志强德明文华国强国华金凤兰英"


def _actor(engine):
    from sqlmodel import select

    from desktop_app.core import auth
    from desktop_app.core.db import session_scope
    from desktop_app.core.models import StaffUser

    with session_scope(engine) as s:
        if auth.needs_setup(s):
            return auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin", display_name="管理员",
                                           password="admin-pass-1")
        return auth.Actor.from_user(s.exec(select(StaffUser).where(StaffUser.role == "admin")).first())


def _report_db(ctx: BenchContext):
    from desktop_app import features
    from desktop_app.core.db import url_for
    from desktop_app.core.progress import NO_PROGRESS

    given = os.environ.get("SMILEDESK_BENCH_DB")
    if given:
        engine = features.open_app_database(url_for(given))
        return engine, f"SMILEDESK_BENCH_DB={given}"
    path = ctx.workdir / "reports-bench.sqlite3"
    engine = features.open_app_database(url_for(str(path)))
    _actor(engine)
    scale = "small" if ctx.quick else "large"
    built = []
    for key in ("residents", "desk", "passports", "meals"):
        mod = features.module(key, "demo")
        if mod is not None:
            mod.generate(engine, scale=scale, seed=20261122, progress=NO_PROGRESS)
            built.append(key)
    return engine, f"demo {scale}: {', '.join(built)}"


def _table_counts(engine) -> dict:
    out = {}
    with engine.connect() as conn:
        for table in ("resident", "service_record", "passport_stamp", "meal_order", "roster_shift", "roster_hours_entry",
                      "certificate"):
            try:
                out[table] = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            except Exception:  # noqa: BLE001 - a table of a feature not in this build
                out[table] = None
    return out


def _busiest_month(engine) -> tuple[int, int]:
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT substr(day, 1, 7) m, sum(received) FROM desk_day_figure GROUP BY m ORDER BY 2 DESC LIMIT 1").first()
    if row and row[0]:
        y, m = row[0].split("-")
        return int(y), int(m)
    last = date.today().replace(day=1) - timedelta(days=1)
    return last.year, last.month


def _bare_report(f) -> bytes:
    """The floor: the same tables and charts, values prepared beforehand, plain ReportLab."""
    from io import BytesIO

    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from desktop_app.core import pdf as core_pdf

    st = core_pdf.styles(10)
    tables = []
    if f.desk:
        tables.append([["类别", "受理", "办结", "办结率", "按时办结率", "回访", "满意率"]] + [
            [x.category, x.received, x.closed, f"{x.closure_rate or 0:.1%}", f"{x.on_time_rate or 0:.1%}", x.followed_up,
             f"{x.satisfaction_rate or 0:.1%}"] for x in [*f.desk.lines, f.desk.total]])
    if f.patrol:
        tables.append([["项目", "数值"]] + [[k, v] for k, v in vars(f.patrol).items()])
    if f.meals:
        tables.append([["档次", "来源", "份数", "人数", "金额"]] + [[t.name, t.funding_source, t.meals, t.recipients, t.subsidy_fen]
                                                           for t in f.meals.tiers])
    if f.stamps:
        tables.append([["项目", "数值"], ["印章", f.stamps.earned], ["人数", f.stamps.residents]])
    if f.certificates:
        tables.append([["项目", "数值"], ["证书", f.certificates.issued]])
    story = [Paragraph(f"{f.station_name} {f.period.label}", st["title"])]
    for rows in tables:
        t = Table(rows)
        t.setStyle([("FONTNAME", (0, 0), (-1, -1), core_pdf.FONT), ("GRID", (0, 0), (-1, -1), 0.4, "grey")])
        story.append(t)
    for values in ([p.desk_received for p in f.monthly], [p.volunteer_hours for p in f.monthly],
                   [p.meals_served for p in f.monthly], [p.stamps for p in f.monthly]):
        d = Drawing(480, 150)
        c = VerticalBarChart()
        c.x, c.y, c.width, c.height = 40, 30, 420, 100
        c.data = [values]
        c.categoryAxis.categoryNames = [str(p.month) for p in f.monthly]
        d.add(c)
        story.append(d)
    buf = BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def bench_report_month(ctx: BenchContext) -> list[Result]:
    from desktop_app.core import pdf as core_pdf
    from desktop_app.core.db import session_scope
    from desktop_app.reports import pdf
    from desktop_app.reports.models import ReportPeriod
    from desktop_app.reports.period_report import period_figures

    t0 = time.perf_counter()
    engine, source = _report_db(ctx)
    build_s = time.perf_counter() - t0
    actor = _actor(engine)
    year, month = _busiest_month(engine)
    period = ReportPeriod.month(year, month)
    t0 = time.perf_counter()
    core_pdf.register_fonts()  # once per process (the app does it at start-up)
    fonts_s = time.perf_counter() - t0
    holder = {}

    def full():
        with session_scope(engine, write=False) as s:
            f = period_figures(s, actor=actor, period=period)
        holder["f"] = f
        holder["pdf"] = pdf.build_report(f, made_by="管理员")

    def figures_only():
        with session_scope(engine, write=False) as s:
            period_figures(s, actor=actor, period=period)

    full()  # warm caches (page cache, imports)
    runs = timeit(full, repeat=3)
    fig_runs = timeit(figures_only, repeat=3)
    floor_runs = timeit(lambda: _bare_report(holder["f"]), repeat=3)
    f = holder["f"]
    return [Result("report_month", median(runs), median(floor_runs), "s", "<= 3 s", {
        "month": period.slug, "data": source, "rows": _table_counts(engine), "figures_s": round(median(fig_runs), 3),
        "pdf_bytes": len(holder["pdf"]), "desk_received": f.desk.total.received if f.desk else None,
        "font_registration_s": round(fonts_s, 3), "database_build_s": round(build_s, 1),
    })]


# --- excel import -------------------------------------------------------------------------------


def _id(rng: random.Random, born: date) -> str:
    first17 = f"{rng.choice(REGIONS)}{born:%Y%m%d}{rng.randint(0, 99):02d}{rng.randint(0, 9)}"
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


def write_register(path: Path, n: int, seed: int = 7) -> Path:
    """A residents register as stations keep it: title line, headers, n rows (IDs as text, dates as text)."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    wb = Workbook()  # not write_only: a dimension, as Excel saves a register (openpyxl writes text as inline strings)
    ws = wb.active
    ws.title = "居民台账"
    ws.append(["逍遥津社区居民信息台账"])
    ws.append(["序号", "姓名", "身份证号", "性别", "出生日期", "联系电话", "住址", "网格", "备注"])
    seen: set[str] = set()
    phones: set[str] = set()
    i = 0
    while i < n:
        born = date(1930, 1, 1) + timedelta(days=rng.randint(0, 60 * 365))
        idn = _id(rng, born)
        if idn in seen:
            continue
        seen.add(idn)
        phone = f"13{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"
        if phone in phones:
            continue
        phones.add(phone)
        gender = "男" if int(idn[16]) % 2 else "女"
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        addr = f"{rng.choice(('逍遥津', '杏花村', '亳州路', '双岗'))}小区{rng.randint(1, 40)}栋{rng.randint(1, 4)}单元{rng.randint(1, 30)}0{rng.randint(1, 4)}室"
        i += 1
        ws.append([i, name, idn, gender, f"{born.year}.{born.month}.{born.day}", phone, addr, f"第{rng.randint(1, 12)}网格", ""])
    wb.save(path)
    return path


def _bare_calamine(path: Path) -> list[list]:
    from python_calamine import CalamineWorkbook

    with path.open("rb") as f:
        wb = CalamineWorkbook.from_filelike(f)
    with wb:
        return wb.get_sheet_by_index(0).to_python(skip_empty_area=False)


def _floor_import(path: Path, db: Path) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    rows = _bare_calamine(path)[2:]
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, name TEXT, id_number TEXT, gender TEXT, birth TEXT, phone TEXT,"
                 " address TEXT, grid TEXT, notes TEXT)")
    with conn:
        conn.executemany("INSERT INTO r (name, id_number, gender, birth, phone, address, grid, notes) VALUES (?,?,?,?,?,?,?,?)",
                         [r[1:9] for r in rows])
    conn.close()
    return time.perf_counter() - t0, time.process_time() - c0


def bench_excel_import(ctx: BenchContext) -> list[Result]:
    from desktop_app.features import open_app_database
    from desktop_app.reports import importing

    n = 5_000 if ctx.quick else 50_000
    path = write_register(ctx.workdir / f"register-{n}.xlsx", n)
    engine = open_app_database(f"sqlite:///{ctx.workdir / f'import-{n}.sqlite3'}")
    actor = _actor(engine)
    t0, c0 = time.perf_counter(), time.process_time()
    sheet = importing.read_sheet(path)
    mapping = importing.guess_mapping(sheet.labels, "residents")
    t1 = time.perf_counter()
    plan = importing.check(engine, actor=actor, sheet=sheet, mapping=mapping, kind="residents")
    t2 = time.perf_counter()
    result = importing.apply_import(engine, actor=actor, plan=plan)
    t3, c3 = time.perf_counter(), time.process_time()
    floor, floor_cpu = _floor_import(path, ctx.workdir / f"floor-{n}.sqlite3")
    # the same file again: everything skipped, nothing written
    t4 = time.perf_counter()
    sheet = importing.read_sheet(path)
    again = importing.check(engine, actor=actor, sheet=sheet, mapping=mapping, kind="residents")
    t5 = time.perf_counter()
    return [Result("excel_import", t3 - t0, floor, "s", "<= 30 s", {
        "rows": n, "added": result.added, "rejected": result.rejected, "read_s": round(t1 - t0, 2),
        "dry_run_s": round(t2 - t1, 2), "import_s": round(t3 - t2, 2), "second_dry_run_s": round(t5 - t4, 2),
        "second_run_counts": again.counts, "cpu_s": round(c3 - c0, 2), "floor_cpu_s": round(floor_cpu, 2),
        "load_average": round(os.getloadavg()[0], 1),
    })]


def bench_excel_read(ctx: BenchContext) -> list[Result]:
    from desktop_app.reports import importing

    n = 5_000 if ctx.quick else 50_000
    path = ctx.workdir / f"register-{n}.xlsx"
    if not path.exists():
        write_register(path, n)
    bare, ours = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        _bare_calamine(path)
        t1 = time.perf_counter()
        importing.read_sheet(path)
        t2 = time.perf_counter()
        bare.append(t1 - t0)
        ours.append(t2 - t1)
    return [Result("excel_read", median(ours), median(bare), "s", "ratio <= 1.5", {
        "rows": n, "load_average": round(os.getloadavg()[0], 1)})]


BENCHMARKS = {"report_month": bench_report_month, "excel_import": bench_excel_import, "excel_read": bench_excel_read}
