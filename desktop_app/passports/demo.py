"""Demo passports: passports, activities, a year of stamps, honours, rewards and a few redemptions.

"large": passports for 30,000 residents, 1,000 activities and 1,000,000 ledger entries, bulk-inserted
with Core executemany in chunks (the use cases' per-stamp checks are for people, not for a million rows);
month totals and honours are computed from the generated ledger so the data obeys the same invariants.
"small": a few hundred passports and a few thousand stamps.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import col

from desktop_app.core.models import Station
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import pk, table_of
from desktop_app.core.sequences import advance_id_sequences
from desktop_app.passports import codes
from desktop_app.passports.models import (
    Activity,
    ActivityKind,
    HonourAward,
    HonourLevel,
    MonthTotal,
    Passport,
    Redemption,
    Reward,
    StampEntry,
    WallPreference,
)
from desktop_app.residents import Resident

SCALES = {
    "small": {"passports": 300, "activities": 24, "stamps": 4000},
    "large": {"passports": 30_000, "activities": 1000, "stamps": 1_000_000},
}
ACTIVITY_KINDS = [
    ("垃圾分类引导", "环保"), ("楼道清洁", "环保"), ("文明养犬宣传", "文明"), ("助老探访", "助老"),
    ("社区议事会", "议事"), ("义诊协助", "健康"), ("反诈宣传", "平安"), ("小红帽巡逻", "平安"),
    ("邻里节", "邻里"), ("四点半课堂", "青少年"), ("爱心理发", "助老"), ("消防演练", "平安"),
]
ORGANISERS = ["社区居委会", "小红帽志愿服务队", "新时代文明实践站", "物业服务中心", "社区卫生服务站"]
REWARDS = [("环保袋", 5, 200), ("毛巾", 8, 150), ("保温杯", 20, 60), ("理发券", 10, 100), ("体检套餐", 50, 10),
           ("洗衣液", 12, 80), ("大米5斤", 30, 40), ("电影票", 25, 30)]
CHUNK = 20_000


def _local(day: date, hour: int, minute: int) -> datetime:
    """``day`` at ``hour``:``minute`` of the station's clock (the computer's time zone), in UTC as stored."""
    return datetime.combine(day, time(hour, minute)).astimezone().astimezone(UTC)


def _reached(history: list[tuple[datetime, int]], threshold: int) -> datetime:
    """When the running total of stamps earned first reached ``threshold``."""
    total = 0
    for at, stamps in sorted(history):
        total += stamps
        if total >= threshold:
            return at
    return sorted(history)[-1][0]


def honour_certificates(engine: Engine, rng: random.Random, today: date, now: datetime | None = None) -> None:
    """The honours' certificates, as the station handled them: an honour reached this month waits as a
    request at the certificates desk; one reached last month was issued a few working hours later (in the
    register, its request done); earlier honours were handled before the months the demo tells in detail.
    So the passports page, the certificates page and the home page count the same waiting certificates."""
    from desktop_app.core.auth import Actor, Role
    from desktop_app.core.db import session_scope
    from desktop_app.core.models import StaffUser
    from desktop_app.core.periods import Period
    from desktop_app.passports.honours import queue_certificate

    try:
        from desktop_app.certificates import issue_certificate
    except ImportError:
        return  # no certificates in this build: the honours wait for one (queue_pending_certificates)
    this_month = Period.month_of(today).start
    last_month = Period.month_of(this_month - timedelta(days=1)).start
    with session_scope(engine) as s:
        user = s.execute(select(StaffUser).where(col(StaffUser.role) == Role.ADMIN.value).order_by(col(StaffUser.id))).scalars().first()
        if user is None:
            return
        actor = Actor.from_user(user)
        now = now or datetime.now(UTC)
        awards = s.execute(select(HonourAward).order_by(col(HonourAward.reached_at), col(HonourAward.id))).scalars().all()
        for award in awards:
            reached = award.reached_at if award.reached_at.tzinfo else award.reached_at.replace(tzinfo=UTC)
            day = reached.astimezone().date()
            if day >= this_month:
                queue_certificate(s, actor, award)  # waiting at the desk
            elif day >= last_month:
                request_id = queue_certificate(s, actor, award)
                if request_id is not None:  # issued a few days later, in working hours
                    issue_day = min(day + timedelta(days=rng.randint(1, 5)), today)
                    when = min(_local(issue_day, rng.randint(9, 16), rng.randint(0, 59)), now - timedelta(minutes=5))
                    issue_certificate(s, actor=actor, request_id=request_id, now=max(when, reached))
            else:
                award.certificate_ref = f"honour:{award.resident_id}:{award.threshold}"
                s.add(award)
        s.flush()


def _occurrence(rng: random.Random, a: dict, first: date, last: date) -> date | None:
    if a["kind"] == ActivityKind.ONCE:
        return a["start_date"] if first <= a["start_date"] <= last else None
    start, end = max(a["start_date"], first), min(a["end_date"] or last, last)
    if start > end:
        return None
    span = (end - start).days
    for _ in range(8):
        day = start + timedelta(days=rng.randint(0, span))
        if a["kind"] == ActivityKind.DAILY or str(day.isoweekday()) in a["weekdays"]:
            return day
    return None


def generate(engine: Engine, *, scale: str = "small", seed: int = 1, progress: Progress = NO_PROGRESS,
             now: datetime | None = None) -> None:
    """``now``: the clock the history stops at (aware; the station's clock decides which day is today)."""
    sizes = SCALES["large" if scale == "large" else "small"]
    rng = random.Random(seed + 606)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    today = now.astimezone().date()
    first = today - timedelta(days=364)
    with engine.begin() as conn:
        station_id = conn.execute(select(col(Station.id)).order_by(col(Station.id))).scalar()
        have = set(conn.execute(select(col(Passport.resident_id))).scalars())
        resident_ids = [pk(r) for r in conn.execute(
            select(col(Resident.id)).where(col(Resident.erased) == False).order_by(col(Resident.id)).limit(sizes["passports"] + len(have))  # noqa: E712
        ).scalars() if r not in have][: sizes["passports"]]
        used_numbers = set(conn.execute(select(col(Passport.number))).scalars())
        if not resident_ids:
            return
        progress(0, 4, "passports")

        # --- passports (a few lost and replaced, so void numbers exist) ---------------------------
        next_pid = (conn.execute(select(func.max(Passport.id))).scalar() or 0) + 1
        passports, active_of = [], {}
        for rid in resident_ids:
            issued = first + timedelta(days=rng.randint(0, 200))
            number = codes.random_number(rng)
            while number in used_numbers:
                number = codes.random_number(rng)
            used_numbers.add(number)
            if rng.random() < 0.01:
                passports.append({"id": next_pid, "resident_id": rid, "station_id": station_id, "number": number,
                                  "status": "replaced", "issued_on": issued, "replaces_id": None,
                                  "voided_at": now, "void_reason": "丢失", "created_at": now})
                old = next_pid
                next_pid += 1
                number = codes.random_number(rng)
                while number in used_numbers:
                    number = codes.random_number(rng)
                used_numbers.add(number)
                passports.append({"id": next_pid, "resident_id": rid, "station_id": station_id, "number": number,
                                  "status": "active", "issued_on": issued + timedelta(days=30), "replaces_id": old,
                                  "voided_at": None, "void_reason": "", "created_at": now})
            else:
                passports.append({"id": next_pid, "resident_id": rid, "station_id": station_id, "number": number,
                                  "status": "active", "issued_on": issued, "replaces_id": None,
                                  "voided_at": None, "void_reason": "", "created_at": now})
            active_of[rid] = next_pid
            next_pid += 1
        for i in range(0, len(passports), CHUNK):
            conn.execute(insert(table_of(Passport)), passports[i : i + CHUNK])

        # --- activities ----------------------------------------------------------------------
        next_aid = (conn.execute(select(func.max(Activity.id))).scalar() or 0) + 1
        activities: list[dict[str, Any]] = []  # rows of a bulk insert: one value per column, of its type
        for k in range(sizes["activities"]):
            name, category = ACTIVITY_KINDS[k % len(ACTIVITY_KINDS)]
            # Mostly one-off events; recurring campaigns of a few weeks, all over before today, so the
            # kiosk offers only the "today" activity added below (as at a real station).
            kind = rng.choices([ActivityKind.ONCE, ActivityKind.DAILY, ActivityKind.WEEKLY], weights=[17, 1, 2])[0]
            if kind == ActivityKind.ONCE:
                start = first + timedelta(days=rng.randint(0, 362))
                end = start
            else:
                start = first + timedelta(days=rng.randint(0, 280))
                end = start + timedelta(days=rng.randint(14, 70))
                end = min(end, today - timedelta(days=1))
            weekdays = "".join(sorted(rng.sample("1234567", rng.randint(1, 3)))) if kind == ActivityKind.WEEKLY else ""
            round_no = k // len(ACTIVITY_KINDS) + 1
            activities.append({
                "id": next_aid + k, "name": f"{name}·第{round_no}期" if kind == ActivityKind.ONCE else name, "category": category,
                "kind": kind, "start_date": start, "end_date": end, "weekdays": weekdays,
                "stamps": rng.choice([1, 1, 1, 2, 2, 3]), "max_visits": None, "capacity": None,
                "organiser": rng.choice(ORGANISERS), "station_id": station_id, "active": True, "created_at": now,
            })
        # Make sure the kiosk has something to check in to today.
        activities.append({
            "id": next_aid + len(activities), "name": "垃圾分类引导（今日）", "category": "环保", "kind": "daily",
            "start_date": today - timedelta(days=7), "end_date": today + timedelta(days=60), "weekdays": "",
            "stamps": 2, "max_visits": None, "capacity": None, "organiser": "社区居委会", "station_id": station_id,
            "active": True, "created_at": now,
        })
        conn.execute(insert(table_of(Activity)), activities)
        progress(1, 4, "activities")

    # --- stamps: skewed so a few residents are very active (a realistic leaderboard) -------------
    weights = [1.0 / (1 + i) ** 0.6 for i in range(len(resident_ids))]
    rng.shuffle(weights)
    seen: set[int] = set()
    month_totals: dict[tuple[int, str], int] = defaultdict(int)
    earned: dict[int, int] = defaultdict(int)
    history: dict[int, list[tuple[datetime, int]]] = defaultdict(list)  # when each resident earned what
    total = sizes["stamps"]
    done = 0
    cum = list(itertools.accumulate(weights))
    nacts = len(activities)
    while done < total:
        rows: list[dict[str, Any]] = []
        n = min(CHUNK, total - done)
        attempts = 0
        while len(rows) < n and attempts < 20:  # draws that hit a duplicate or no occurrence are drawn again
            attempts += 1
            for rid in rng.choices(resident_ids, cum_weights=cum, k=n - len(rows)):
                a = activities[rng.randrange(nacts)]
                day = _occurrence(rng, a, first, today)
                if day is None:
                    continue
                key = (rid * (nacts + next_aid + 1) + a["id"]) * 400 + (today - day).days
                if key in seen:
                    continue
                seen.add(key)
                month = f"{day.year:04d}-{day.month:02d}"
                at = _local(day, 9 + rng.randint(0, 8), rng.randint(0, 59))  # the station's day, in local time
                if at > now:  # today's stamps were given before now, and after midnight (occurred_on is today)
                    at = max(_local(day, 0, 0), now - timedelta(minutes=rng.randint(1, 90)))
                rows.append({
                    "resident_id": rid, "passport_id": active_of[rid], "activity_id": a["id"], "occurred_on": day,
                    "month": month, "kind": "award", "stamps": a["stamps"], "reason": "", "reverses_id": None,
                    "redemption_id": None, "source_ref": None, "actor_id": None, "actor_name": "demo",
                    "station_id": station_id, "place": rng.choice(["kiosk", "kiosk", "desk"]), "at": at,
                })
                month_totals[(rid, month)] += a["stamps"]
                earned[rid] += a["stamps"]
                history[rid].append((at, a["stamps"]))
        rows.sort(key=lambda r: (r["resident_id"], r["occurred_on"]))  # index-friendly order
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA cache_size=-200000")  # 200 MB for the bulk load's index pages
            if rows:
                conn.execute(insert(table_of(StampEntry)), rows)
        done += n
        progress(done, total, "stamps")
        if len(rows) < n:  # too few residents and activities for this many distinct stamps
            break

    with engine.begin() as conn:
        # --- rewards and some redemptions (balances never below zero) ---------------------------
        next_rw = (conn.execute(select(func.max(Reward.id))).scalar() or 0) + 1
        rewards: list[dict[str, Any]] = [{"id": next_rw + i, "name": n, "cost": c, "stock": s, "notes": "", "station_id": station_id,
                    "active": True, "created_at": now} for i, (n, c, s) in enumerate(REWARDS)]
        next_rd = (conn.execute(select(func.max(Redemption.id))).scalar() or 0) + 1
        redemptions, spend_rows = [], []
        for rid in rng.sample(resident_ids, k=min(len(resident_ids), max(10, len(resident_ids) // 15))):
            reward = rng.choice(rewards)
            if earned[rid] >= reward["cost"] and reward["stock"] > 0:
                reward["stock"] -= 1
                redemptions.append({"id": next_rd, "reward_id": reward["id"], "resident_id": rid,
                                    "stamps": reward["cost"], "actor_id": None, "at": now})
                spend_rows.append({
                    "resident_id": rid, "passport_id": active_of[rid], "activity_id": None, "occurred_on": today,
                    "month": f"{today.year:04d}-{today.month:02d}", "kind": "redemption", "stamps": -reward["cost"],
                    "reason": "", "reverses_id": None, "redemption_id": next_rd, "source_ref": None, "actor_id": None,
                    "actor_name": "demo", "station_id": station_id, "place": "desk", "at": now,
                })
                next_rd += 1
        conn.execute(insert(table_of(Reward)), rewards)
        if redemptions:
            conn.execute(insert(table_of(Redemption)), redemptions)
            conn.execute(insert(table_of(StampEntry)), spend_rows)

        # --- month totals and honours from the generated ledger ----------------------------------
        totals = [{"resident_id": r, "month": m, "earned": v} for (r, m), v in month_totals.items()]
        for i in range(0, len(totals), CHUNK):
            conn.execute(insert(table_of(MonthTotal)), totals[i : i + CHUNK])
        levels = conn.execute(select(col(HonourLevel.id), col(HonourLevel.threshold), col(HonourLevel.name))).all()
        honours = [{"resident_id": rid, "level_id": lid, "name": name, "threshold": th,
                    "reached_at": _reached(history[rid], th), "certificate_ref": ""}
                   for rid, value in earned.items() for lid, th, name in levels if value >= th]
        for i in range(0, len(honours), CHUNK):
            conn.execute(insert(table_of(HonourAward)), honours[i : i + CHUNK])
        opt_out = [{"resident_id": rid, "opt_out": True, "note": "本人不愿上墙", "changed_by": None, "changed_at": now}
                   for rid in rng.sample(resident_ids, k=max(1, len(resident_ids) // 50))]
        conn.execute(insert(table_of(WallPreference)), opt_out)
        advance_id_sequences(conn, "passport", "passport_activity", "passport_stamp", "passport_honour", "passport_reward",
                             "passport_redemption")
    progress(total, total, "stamps")
    honour_certificates(engine, rng, today, now)
