"""Demo desk records: realistic categories, channels, loop states and deadlines, with their events.

small = 3,000 records over the last year; large = 1,000,000 over the last five years. Fixed seed.
Bulk inserts (SQLAlchemy Core executemany, 20,000 records a chunk, one transaction a chunk), explicit
ids so events can point at their records, day figures accumulated on the way. No audit entries: the
audit log is for what people did, not for generated data.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import overload

from sqlalchemy import DateTime, Integer, String, column, func, insert, select, table
from sqlalchemy.engine import Engine
from sqlmodel import col

from desktop_app.core.models import StaffUser, Station
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import table_of
from desktop_app.core.sequences import advance_id_sequences
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk.models import (
    DeskCategory,
    DeskDayFigure,
    EventKind,
    Satisfaction,
    ServiceRecord,
    Status,
)
from desktop_app.residents import Resident

SCALES = {"small": (3_000, 365), "large": (1_000_000, 5 * 365)}
CHUNK = 20_000

CATEGORY_WEIGHTS = {
    "consultation": 30, "convenience": 20, "agency_service": 15, "request": 12, "health": 8,
    "complaint": 5, "mediation": 3, "legal_aid": 3, "micro_wish": 2, "other": 2,
}
SUMMARIES = {
    "agency_service": ["代办高龄津贴申请", "代办居住证续签", "代办医保参保登记", "代办老年优待证", "代办残疾人证年审",
                       "代缴城乡居民养老保险", "代办独生子女证明"],
    "consultation": ["咨询医保报销政策", "咨询养老金资格认证", "咨询老旧小区改造进度", "咨询入学政策", "咨询低保申请条件",
                     "咨询电动车上牌", "咨询社区食堂开放时间", "咨询灵活就业社保"],
    "request": ["楼道灯不亮", "单元门禁坏了", "楼下路灯不亮", "小区垃圾清运不及时", "楼道堆放杂物", "电动车楼道充电",
                "车辆占用消防通道", "下水道堵塞", "绿化带杂草多需修剪", "健身器材损坏"],
    "complaint": ["楼上噪音扰民", "广场舞音量太大", "物业服务态度差", "装修噪音超时", "餐馆油烟扰民", "宠物狗不拴绳"],
    "mediation": ["邻里漏水纠纷", "停车位纠纷", "家庭赡养纠纷", "楼道占用纠纷", "房屋租赁纠纷"],
    "legal_aid": ["咨询劳动工资拖欠", "咨询遗产继承", "咨询离婚财产分割", "咨询租房押金退还"],
    "health": ["义诊测血压", "测血糖", "家庭医生签约咨询", "健康讲座报名"],
    "convenience": ["休息喝水", "手机充电", "借用雨伞", "借用轮椅", "打印复印材料", "借用工具箱"],
    "micro_wish": ["独居老人想要一台收音机", "困难儿童想要一套文具", "老人想学用智能手机", "希望有人陪伴聊天"],
    "other": ["反映小区流浪猫问题", "建议增设快递柜", "询问失物招领", "志愿者报名"],
}
ASSIGNEES = ["网格员 王芳", "网格员 李强", "网格员 张敏", "物业服务中心", "社区民警", "城管中队", "社区卫生服务站",
             "街道司法所", "社区居委会 刘主任", "志愿服务队"]
RESULTS = ["已上门处理完毕", "已协调物业修复", "已联系相关部门解决", "已调解达成一致", "已办结并告知居民", "已现场处置"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红凤建国志海燕珍梅"
CHANNELS = (("walk_in", 70), ("phone", 15), ("patrol", 7), ("online", 6), ("other", 2))
CONTACTS = ("phone", "phone", "phone", "visit", "in_person", "message")

_STAMP = object()  # a datetime column: text on SQLite (fast), a timestamp with time zone elsewhere
_REC_COLUMNS = [
    ("id", Integer), ("station_id", Integer), ("resident_id", Integer), ("walk_in_name", String),
    ("walk_in_phone", String), ("category_id", Integer), ("channel", String), ("summary", String),
    ("details", String), ("status", String), ("received_by", Integer), ("received_at", _STAMP), ("due_at", _STAMP),
    ("assignee", String), ("resolved_at", _STAMP), ("closed_at", _STAMP), ("satisfaction", String),
    ("escalated_at", _STAMP), ("repeat_of_id", Integer), ("updated_at", _STAMP),
]
_EV_COLUMNS = [
    ("record_id", Integer), ("at", _STAMP), ("actor_id", Integer), ("actor_name", String), ("kind", String),
    ("from_status", String), ("to_status", String), ("note", String), ("assignee", String),
    ("satisfaction", String), ("contact_method", String),
]


def _table(name: str, columns, stamp_type):
    return table(name, *(column(n, stamp_type if t is _STAMP else t) for n, t in columns))


_REC = _table("service_record", _REC_COLUMNS, String)
_EV = _table("service_event", _EV_COLUMNS, String)
_REC_TZ = _table("service_record", _REC_COLUMNS, DateTime(timezone=True))
_EV_TZ = _table("service_event", _EV_COLUMNS, DateTime(timezone=True))


def _aware(rows: list[dict], columns) -> list[dict]:
    """PostgreSQL: the SQLite text timestamps as aware datetimes (the server refuses text for timestamptz)."""
    names = [n for n, t in columns if t is _STAMP]
    out = []
    for row in rows:
        row = dict(row)
        for n in names:
            if isinstance(row.get(n), str):
                row[n] = datetime.fromisoformat(row[n]).replace(tzinfo=UTC)
        out.append(row)
    return out


@overload
def _ts(naive_utc: datetime) -> str: ...
@overload
def _ts(naive_utc: datetime | None) -> str | None: ...
def _ts(naive_utc: datetime | None) -> str | None:
    """The text SQLAlchemy's SQLite DateTime stores (naive UTC, always with microseconds)."""
    return None if naive_utc is None else naive_utc.isoformat(" ", "microseconds")


def _day_weights(cal: WorkCalendar, days: list[date]) -> list[float]:
    return [1.0 if cal.is_workday(d) else (0.15 if cal.is_holiday(d) else 0.35) for d in days]


def _allocate(n: int, weights: list[float]) -> list[int]:
    total = sum(weights)
    counts = [int(n * w / total) for w in weights]
    short = n - sum(counts)
    for i in range(short):
        counts[-1 - (i % len(counts))] += 1
    return counts


def generate(engine: Engine, *, scale: str = "small", seed: int = 1, progress: Progress = NO_PROGRESS,
             now: datetime | None = None) -> None:
    """``now``: the clock the history stops at (aware; the station's clock decides which day is today)."""
    n, span_days = SCALES[scale]
    rng = random.Random(seed)
    local_now = (now or datetime.now(UTC)).astimezone()
    now = local_now.astimezone(UTC).replace(tzinfo=None)
    with engine.connect() as conn:
        cats = {c.code: c for c in conn.execute(select(DeskCategory))}
        station = conn.execute(select(col(Station.id)).order_by(col(Station.id)).limit(1)).scalar()
        staff = [(uid, name) for uid, name in conn.execute(
            select(col(StaffUser.id), col(StaffUser.display_name)).where(col(StaffUser.role) != "kiosk"))] or [(None, "demo")]
        resident_ids = list(conn.execute(select(col(Resident.id)).where(col(Resident.erased) == False).limit(50_000)).scalars())  # noqa: E712
        next_id = (conn.execute(select(func.max(ServiceRecord.id))).scalar() or 0) + 1
    from desktop_app.core.db import session_scope

    with session_scope(engine, write=False) as s:
        cal = WorkCalendar.load(s)
    codes = [c for c in CATEGORY_WEIGHTS if c in cats]
    weights = [CATEGORY_WEIGHTS[c] for c in codes]
    channel_names = [c for c, _ in CHANNELS]
    channel_weights = [w for _, w in CHANNELS]
    today = local_now.date()
    days = [today - timedelta(days=span_days - 1 - i) for i in range(span_days)]
    per_day = _allocate(n, _day_weights(cal, days))
    due_cache: dict[tuple[date, int], tuple[datetime, str]] = {}
    last_of: dict[tuple[int, int], tuple[int, datetime]] = {}
    figures: dict[tuple[date, int, int], list[int]] = {}
    records: list[dict] = []
    events: list[dict] = []
    done = 0
    progress(0, n, "desk records")

    def flush() -> None:
        nonlocal records, events, figures
        if not records:
            return
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.execute(insert(_REC), records)
                conn.execute(insert(_EV), events)
            else:
                conn.execute(insert(_REC_TZ), _aware(records, _REC_COLUMNS))
                conn.execute(insert(_EV_TZ), _aware(events, _EV_COLUMNS))
            _merge_figures(conn, figures)
            advance_id_sequences(conn, "service_record", "service_event")
        records, events, figures = [], [], {}

    for day, count in zip(days, per_day, strict=True):
        if not count:
            continue
        offset = datetime.combine(day, time(12)).astimezone().utcoffset() or timedelta(0)
        opening = datetime.combine(day, time(8, 30)) - offset  # naive UTC
        seconds = sorted(rng.randrange(0, 9 * 3600) for _ in range(count))
        for sec in seconds:
            received = opening + timedelta(seconds=sec, microseconds=rng.randrange(1_000_000))
            if received > now:  # today's visits so far: between midnight and now, never yesterday (the figures count them today)
                midnight = datetime.combine(day, time(0)) - offset
                received = midnight + (now - midnight) * rng.random()
            code = rng.choices(codes, weights)[0]
            cat = cats[code]
            key = (day, cat.deadline_workdays)
            cached = due_cache.get(key)
            if cached is None:
                due_dt = cal.due_at(datetime.combine(day, time(12)).astimezone(), cat.deadline_workdays)
                cached = due_cache[key] = (due_dt.astimezone(UTC).replace(tzinfo=None), _ts(due_dt.astimezone(UTC).replace(tzinfo=None)))
            due, due_text = cached
            rts = _ts(received)
            actor_id, actor_name = rng.choice(staff)
            rid = next_id
            next_id += 1
            channel = rng.choices(channel_names, channel_weights)[0]
            if code in ("request", "complaint") and rng.random() < 0.25:
                channel = "patrol"
            resident_id = rng.choice(resident_ids) if resident_ids and rng.random() < 0.65 else None
            if resident_id is None:
                walk_name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
                walk_phone = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}" if rng.random() < 0.7 else ""
            else:
                walk_name = walk_phone = ""
            summary = rng.choice(SUMMARIES[code])
            rec = {
                "id": rid, "station_id": station, "resident_id": resident_id, "walk_in_name": walk_name,
                "walk_in_phone": walk_phone, "category_id": cat.id, "channel": channel, "summary": summary, "details": "",
                "status": Status.RECEIVED, "received_by": actor_id, "received_at": rts, "due_at": due_text,
                "assignee": "", "resolved_at": None, "closed_at": None, "satisfaction": "", "escalated_at": None,
                "repeat_of_id": None, "updated_at": rts,
            }
            if resident_id is not None and not cat.on_the_spot:
                prev = last_of.get((resident_id, cat.id))
                if prev is not None and received - prev[1] < timedelta(days=60) and rng.random() < 0.5:
                    rec["repeat_of_id"] = prev[0]
                last_of[(resident_id, cat.id)] = (rid, received)

            def ev(kind: str, at: datetime | str, frm: str, to: str, note: str = "", *, rid=rid, actor_id=actor_id,
                   actor_name=actor_name, **extra: str) -> None:
                events.append({
                    "record_id": rid, "at": at if isinstance(at, str) else _ts(at), "actor_id": actor_id, "actor_name": actor_name, "kind": kind,
                    "from_status": frm, "to_status": to, "note": note, "assignee": extra.get("assignee", ""),
                    "satisfaction": extra.get("satisfaction", ""), "contact_method": extra.get("contact_method", ""),
                })

            ev(EventKind.RECEIVED, rts, "", Status.RECEIVED, summary)
            if cat.on_the_spot:
                ev(EventKind.SETTLED, rts, Status.RECEIVED, Status.CLOSED)
                rec.update(status=Status.CLOSED, resolved_at=rts, closed_at=rts)
            else:
                _walk_loop(rng, rec, ev, received, due, now, offset)
            records.append(rec)
            c = figures.setdefault((day, station or 0, cat.id), [0, 0, 0, 0, 0])
            c[0] += 1
            if rec["status"] == Status.CLOSED:
                c[1] += 1
                c[2] += int(rec["closed_at"] <= rec["due_at"])
            if rec["satisfaction"]:
                c[3] += 1
                c[4] += int(rec["satisfaction"] != Satisfaction.DISSATISFIED)
            done += 1
            if len(records) >= CHUNK:
                flush()
                progress(done, n, "desk records")
    flush()
    progress(n, n, "desk records")


def _in_office_hours(rng: random.Random, t: datetime, offset: timedelta) -> datetime:
    """``t`` (naive UTC) moved into the station's working day (08:30–17:30 on its clock): a step taken in the
    evening was taken the next morning."""
    local = t + offset
    if local.time() < time(8, 30):
        local = datetime.combine(local.date(), time(8, 30)) + timedelta(minutes=rng.randrange(0, 90))
    elif local.time() > time(17, 30):
        local = datetime.combine(local.date() + timedelta(days=1), time(8, 30)) + timedelta(minutes=rng.randrange(0, 90))
    return local - offset


def _walk_loop(rng: random.Random, rec: dict, ev, received: datetime, due: datetime, now: datetime,
               offset: timedelta = timedelta(0)) -> None:
    """Move a demo record as far along the loop as time allows (most on time, some late, a few reopened), each
    step in office hours (``offset``: the station's clock less UTC)."""
    late = rng.random() < 0.08
    allowed = max(due - received, timedelta(hours=4))
    t = _in_office_hours(rng, received + timedelta(minutes=rng.randrange(10, 240)), offset)
    if t > now:
        return
    assignee = rng.choice(ASSIGNEES)
    ev(EventKind.DISPATCHED, t, Status.RECEIVED, Status.DISPATCHED, assignee=assignee)
    rec.update(status=Status.DISPATCHED, assignee=assignee)
    t = _in_office_hours(rng, t + timedelta(minutes=rng.randrange(30, 24 * 60)), offset)
    if t > now:
        return
    ev(EventKind.STARTED, t, Status.DISPATCHED, Status.IN_PROGRESS)
    rec["status"] = Status.IN_PROGRESS
    rounds = 2 if rng.random() < 0.04 else 1
    for r in range(rounds):
        span = allowed * (rng.uniform(1.05, 1.8) if late else rng.uniform(0.1, 0.75))
        t = _in_office_hours(rng, max(t, received + span) + timedelta(minutes=rng.randrange(5, 120)), offset)
        if t > now:
            if due < now and rec["escalated_at"] is None and rng.random() < 0.6:
                esc = _in_office_hours(rng, due + timedelta(hours=rng.randrange(1, 20)), offset)
                if esc < now:
                    ev("escalated", esc, rec["status"], rec["status"], "请尽快办结并反馈")
                    rec["escalated_at"] = _ts(esc)
            return
        ev(EventKind.RESOLVED, t, Status.IN_PROGRESS, Status.RESOLVED, rng.choice(RESULTS))
        rec.update(status=Status.RESOLVED, resolved_at=_ts(t))
        t = _in_office_hours(rng, t + timedelta(hours=rng.randrange(2, 72)), offset)
        if t > now:
            return
        stuck = rounds == 1 and now - received < timedelta(days=60) and rng.random() < 0.03  # still unhappy: reopened, waiting (督办 material)
        dissatisfied = (r == 0 and rounds == 2) or stuck
        sat = Satisfaction.DISSATISFIED if dissatisfied else (Satisfaction.SATISFIED if rng.random() < 0.85 else Satisfaction.BASICALLY_SATISFIED)
        contact = rng.choice(CONTACTS)
        ev(EventKind.FOLLOWED_UP, t, Status.RESOLVED, Status.FOLLOWED_UP, "问题还没解决" if dissatisfied else "",
           satisfaction=sat, contact_method=contact)
        rec.update(status=Status.FOLLOWED_UP, satisfaction=sat)
        if dissatisfied:
            ev(EventKind.REOPENED, t, Status.FOLLOWED_UP, Status.IN_PROGRESS, "问题还没解决")
            rec.update(status=Status.IN_PROGRESS, resolved_at=None)
            if stuck:
                return
            continue
        t = _in_office_hours(rng, t + timedelta(minutes=rng.randrange(1, 120)), offset)
        if t > now:
            return
        ev(EventKind.CLOSED, t, Status.FOLLOWED_UP, Status.CLOSED)
        rec.update(status=Status.CLOSED, closed_at=_ts(t), updated_at=_ts(t))


_FIG = table_of(DeskDayFigure)


def _merge_figures(conn, figures: dict[tuple[date, int, int], list[int]]) -> None:
    """Add the chunk's counts to desk_day_figure (a day can span two chunks, or an earlier demo run)."""
    if not figures:
        return
    existing = {
        (r.day, r.station_id, r.category_id): r
        for r in conn.execute(
            select(_FIG).where(_FIG.c.day >= min(k[0] for k in figures), _FIG.c.day <= max(k[0] for k in figures))
        )
    }
    new_rows = []
    for key, (rcv, cl, ot, fu, sa) in figures.items():
        old = existing.get(key)
        if old is None:
            new_rows.append({"day": key[0], "station_id": key[1], "category_id": key[2], "received": rcv, "closed": cl,
                             "closed_on_time": ot, "followed_up": fu, "satisfied": sa})
        else:
            conn.execute(
                _FIG.update().where(_FIG.c.id == old.id).values(
                    received=old.received + rcv, closed=old.closed + cl, closed_on_time=old.closed_on_time + ot,
                    followed_up=old.followed_up + fu, satisfied=old.satisfied + sa,
                )
            )
    if new_rows:
        conn.execute(insert(_FIG), new_rows)
