"""Calendar benchmark (issue 18).

calendar_change — entering the 2027 notice on a busy station: 20,000 open desk requests received from
                  December to February (their deadlines run through the Spring Festival), 5 patrol teams with
                  three shifts a day for December to March, 600 meal recipients with the Spring Festival
                  week's lunches already ordered. Measured: the preview (read the notice, work out every move)
                  and the save (write the days and move everything, one transaction). Target: preview <= 2 s,
                  save <= 10 s at this size. Floor: reading what the preview must read — the open requests
                  of the window, the shifts and the meal orders of the changed days, the calendar — with
                  plain SELECTs.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta

from bench.common import BenchContext, Result, median, timeit

NOTICE = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。
"""


def _database(ctx: BenchContext):
    from desktop_app.core import auth
    from desktop_app.core.db import session_scope
    from desktop_app.core.workdays import WorkCalendar
    from desktop_app.desk.category_list import categories
    from desktop_app.desk.models import ServiceRecord, Status
    from desktop_app.features import open_app_database
    from desktop_app.meals.models import MealOrder, MealRecipient, OrderOutcome, OrderSource, OrderStatus
    from desktop_app.residents.models import Resident
    from desktop_app.rosters import shifts, teams

    path = ctx.workdir / "calendar-bench.sqlite3"
    engine = open_app_database(f"sqlite:///{path}")
    rng = random.Random(18)
    n_requests = 4000 if ctx.quick else 20000
    with session_scope(engine) as s:
        admin = auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin", display_name="管理员",
                                        password="admin-pass-1")
        cats = [c for c in categories(s) if not c.on_the_spot]
        cal = WorkCalendar.load(s)
        rows = []
        start = datetime(2026, 12, 1, 1, tzinfo=UTC)
        for i in range(n_requests):
            received = start + timedelta(minutes=rng.randrange(0, 80 * 24 * 60))
            cat = rng.choice(cats)
            rows.append(ServiceRecord(station_id=admin.station_id, walk_in_name=f"来访人{i}", category_id=cat.id,
                                      summary="诉求", status=Status.RECEIVED, received_by=admin.id, received_at=received,
                                      due_at=cal.due_at(received, cat.deadline_workdays).astimezone(UTC), updated_at=received))
        s.add_all(rows)
        s.flush()
        for t in range(5):
            team = teams.create_team(s, actor=admin, name=f"巡逻{t + 1}队", grid=f"{t + 1}网格", route="一圈")
            shifts.generate_shifts(s, actor=admin, team_id=team.id, start=date(2026, 12, 1), end=date(2027, 3, 31),
                                   today=date(2026, 12, 1))
        people = [Resident(name=f"老人{i}", station_id=admin.station_id, sort_key=f"laoren{i}")
                  for i in range(600 if not ctx.quick else 150)]
        s.add_all(people)
        s.flush()
        recipients = [MealRecipient(resident_id=r.id, station_id=admin.station_id, schedule=0b0101010101) for r in people]
        s.add_all(recipients)
        s.flush()
        s.add_all([MealOrder(day=date(2027, 2, d), meal="lunch", recipient_id=r.id, service="delivery",
                             status=OrderStatus.ORDERED, source=OrderSource.SCHEDULE, price_fen=1500, subsidy_fen=0,
                             delivery_fee_fen=300, outcome=OrderOutcome.OPEN)
                   for d in (8, 9, 10, 11, 12) for r in recipients])
    return engine, admin


def _floor(engine) -> None:
    """What the preview has to read, and nothing else."""
    from desktop_app.core.db import session_scope
    from desktop_app.core.workdays import WorkCalendar

    days = [date(2027, 1, d) for d in (1, 2, 3)] + [date(2027, 2, d) for d in (6, 7, 8, 9, 10, 11, 12, 14, 20)]
    inlist = ",".join(f"'{d.isoformat()}'" for d in days)
    with session_scope(engine, write=False) as s:
        WorkCalendar.load(s)
        conn = s.connection()
        conn.exec_driver_sql("SELECT * FROM service_record WHERE status != 'closed' AND received_at < '2027-02-21' "
                             "AND due_at >= '2026-12-31'").all()
        conn.exec_driver_sql(f"SELECT * FROM roster_shift WHERE date IN ({inlist})").all()
        conn.exec_driver_sql(f"SELECT * FROM meal_order WHERE day IN ({inlist}) AND status = 'ordered'").all()


def calendar_change(ctx: BenchContext) -> list[Result]:
    from desktop_app import admin as administration
    from desktop_app import features
    from desktop_app.core.db import session_scope

    t0 = time.perf_counter()
    engine, admin = _database(ctx)
    built = time.perf_counter() - t0
    followers = features.calendar_followers()
    today = date(2026, 12, 20)

    def preview():
        with session_scope(engine, write=False) as s:
            plan = administration.notice_plan(s, administration.read_notice(s, actor=admin, text=NOTICE, year=None))
            return administration.preview_calendar_change(s, actor=admin, plan=plan, followers=followers, today=today)

    shown = preview()
    moved = {}
    for m in shown.moves:
        moved[m.area] = moved.get(m.area, 0) + 1
    preview_s = median(timeit(preview, 3))
    floor_s = median(timeit(lambda: _floor(engine), 3))
    t0 = time.perf_counter()
    with session_scope(engine) as s:
        administration.apply_calendar_change(s, actor=admin, plan=shown.plan, followers=followers, today=today,
                                             expected=shown.fingerprint)
    save_s = time.perf_counter() - t0
    common = {"open_requests": 4000 if ctx.quick else 20000, "days_changed": len(shown.change.days),
              "moves": moved, "build_s": round(built, 1)}
    return [
        Result("calendar_preview", preview_s, floor_s, "s", "<= 2 s", {
            **common, "what": "read the notice, work out every move (nothing written); floor: the plain SELECTs it must read"}),
        Result("calendar_save", save_s, floor_s, "s", "<= 10 s", {
            **common, "what": "write the days, move deadlines, shifts and meals, audit each (one transaction)"}),
    ]


BENCHMARKS = {"calendar_change": calendar_change}
