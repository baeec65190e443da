"""Demo rosters: volunteers picked from the demo residents (aged about 55–78), patrol teams, shifts,
assignments (greedy fill + fairness pass, the small month solved by CP-SAT), check-ins, the hours
ledger and patrol findings.

small = one patrol team of 40 (and a meal-delivery team of 8) with this month;
large = 300 volunteers in 5 patrol teams / grids (and a meal-delivery team of 16) and five years of rosters,
check-ins and findings.
Bulk inserts with SQLAlchemy Core executemany in chunks and explicit ids; no audit entries (the audit
log is for what people did, not for generated data).
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col

from desktop_app.core.models import StaffUser, Station
from desktop_app.core.periods import Period
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import table_of
from desktop_app.core.sequences import advance_id_sequences
from desktop_app.core.workdays import WorkCalendar
from desktop_app.residents import Resident
from desktop_app.rosters import solver
from desktop_app.rosters.models import (
    FINDING_CATEGORIES,
    Assignment,
    Availability,
    CheckIn,
    HoursEntry,
    Leave,
    PatrolFinding,
    Shift,
    ShiftPeriod,
    ShiftTemplate,
    Team,
    TeamMember,
    Volunteer,
)
from desktop_app.rosters.problem import Problem, SolverShift, SolverVolunteer
from desktop_app.rosters.teams import DEFAULT_TIMES
from desktop_app.rosters.volunteers import age_defaults

CHUNK = 20_000
PERIODS = ("morning", "afternoon", "evening")
LOCATIONS = ["3栋2单元楼道", "东门停车场", "5栋北侧绿化带", "小区中心广场", "2号楼地下车库入口", "西门垃圾分类站",
             "8栋1单元门口", "健身器材区", "消防通道", "老年活动室门口", "12栋楼顶", "南门快递柜旁"]
NOTES = {
    "safety_hazard": ["消防栓箱门损坏", "楼道灭火器过期", "井盖松动", "电线私拉乱接"],
    "illegal_parking": ["车辆占用消防通道", "电动车乱停放堵住单元门", "共享单车堆放"],
    "ebike_charging": ["楼道内电动车充电", "飞线充电", "电瓶带回家中充电"],
    "facility_damage": ["路灯不亮", "单元门禁损坏", "健身器材螺丝松动", "座椅破损"],
    "sanitation": ["垃圾桶满溢", "楼道堆放杂物", "宠物粪便未清理", "绿化带垃圾"],
    "other": ["流浪猫聚集", "陌生人散发小广告", "独居老人家中无人应答，已联系家属"],
}


def _ids(conn, model) -> int:
    return (conn.execute(select(func.max(model.id))).scalar() or 0) + 1


def _insert(conn, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), CHUNK):
        conn.execute(insert(table_of(model)), rows[i:i + CHUNK])


MEAL_TEAM = {"small": 8, "large": 16}  # the meal-delivery team: about one volunteer per compound


def generate(engine: Engine, *, scale: str = "small", seed: int = 1, progress: Progress = NO_PROGRESS,
             now: datetime | None = None) -> None:
    """``now``: the clock the history stops at (today's patrols before it were walked, the one under way has its
    people checked in, later ones wait)."""
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).astimezone()
    today = now.date()
    large = scale == "large"
    with engine.begin() as conn:
        if conn.execute(select(func.count()).select_from(table_of(Team))).scalar():
            return  # already has rosters
        station_id = conn.execute(select(col(Station.id)).order_by(col(Station.id))).scalar()
        staff_id = conn.execute(select(col(StaffUser.id)).order_by(col(StaffUser.id))).scalar()
        oldest, youngest = today.replace(year=today.year - 78), today.replace(year=today.year - 55)
        people = conn.execute(select(col(Resident.id), col(Resident.birth_date), col(Resident.grid)).where(
            col(Resident.erased) == False, col(Resident.birth_date) >= oldest, col(Resident.birth_date) <= youngest  # noqa: E712
        ).order_by(col(Resident.id)).limit(20_000)).all()
    with Session(engine) as s:
        cal = WorkCalendar.load(s)
    n_teams, per_team = (5, 60) if large else (1, 40)
    n_meal = MEAL_TEAM[scale if large else "small"]
    need = n_teams * per_team + n_meal
    if len(people) < need:
        return  # residents demo must run first
    chosen = rng.sample(people, need)
    first = Period.month_of(today).start
    end = Period.month_of(today).last_day
    # Small: last month and this one, so reports (which open on last month) and this month's roster tell
    # the same story; large: five years.
    start = first.replace(year=first.year - 5) if large else Period.month_of(first - timedelta(days=1)).start
    progress(0, 100, "rosters")

    with engine.begin() as conn:
        team_id, vol_id, member_id, tpl_id = (_ids(conn, m) for m in (Team, Volunteer, TeamMember, ShiftTemplate))
        # Rows of bulk inserts: one value per column, of its type.
        teams: list[dict[str, Any]] = []
        templates: list[dict[str, Any]] = []
        vols: list[dict[str, Any]] = []
        members: list[dict[str, Any]] = []
        avail: list[dict[str, Any]] = []
        leaves: list[dict[str, Any]] = []
        pvols: dict[int, list[SolverVolunteer]] = defaultdict(list)
        team_ids = []
        for t in range(n_teams):
            tid = team_id + t
            grid = f"第{t + 1}网格"
            name = "小红帽巡逻队" if n_teams == 1 else f"小红帽巡逻{'一二三四五'[t]}队"
            route = f"{grid}巡逻路线（{rng.choice(['东环', '西环', '南环', '北环', '中心'])}）"
            teams.append({"id": tid, "station_id": station_id, "name": name, "kind": "patrol", "grid": grid, "route": route,
                          "active": True, "created_at": datetime.now(UTC)})
            team_ids.append(tid)
            for p in PERIODS:
                a, b = DEFAULT_TIMES[p]
                templates.append({"id": tpl_id, "team_id": tid, "period": p, "starts_at": a, "ends_at": b, "route": route,
                                  "grid": grid, "min_headcount": 2, "max_headcount": 4, "leader_required": True,
                                  "holiday_min_headcount": 3, "active": True})
                tpl_id += 1
            for k in range(per_team):
                rid, born, _g = chosen[t * per_team + k]
                assert born is not None  # the residents were chosen by birth date
                vid = vol_id
                vol_id += 1
                age = today.year - born.year
                leader = k % 3 == 0 and age < 75
                lim = age_defaults(age)
                vols.append({"id": vid, "resident_id": rid, "station_id": station_id, "active": True,
                             "joined_on": start - timedelta(days=rng.randint(0, 800)), "max_per_week": None, "max_per_month": None,
                             "no_evenings": None, "never_alone": age >= 75 and rng.random() < 0.3, "notes": "",
                             "created_at": datetime.now(UTC)})
                members.append({"id": member_id, "team_id": tid, "volunteer_id": vid, "role": "team_leader" if leader else "member",
                                "joined_on": start})
                member_id += 1
                unavailable = set()
                if rng.random() < 0.25:
                    wd = rng.randrange(7)
                    for p in PERIODS:
                        unavailable.add((wd, p))
                        avail.append({"volunteer_id": vid, "weekday": wd, "period": p, "preference": "no"})
                preferred = set()
                if rng.random() < 0.3:
                    pref = (rng.randrange(7), rng.choice(PERIODS))
                    if pref not in unavailable:
                        preferred.add(pref)
                        avail.append({"volunteer_id": vid, "weekday": pref[0], "period": pref[1], "preference": "prefer"})
                leave: list[tuple[date, date]] = []
                if rng.random() < 0.15:
                    away = start + timedelta(days=rng.randrange(max(1, (end - start).days - 7)))
                    leave.append((away, away + timedelta(days=rng.randint(3, 10))))
                    leaves.append({"volunteer_id": vid, "start": leave[0][0], "end": leave[0][1], "reason": rng.choice(["住院", "外出探亲", "旅游"])})
                pvols[tid].append(SolverVolunteer(vid, "", frozenset({tid}), frozenset({tid}) if leader else frozenset(),
                                             lim.no_evenings, lim.max_per_week, lim.max_per_month, frozenset(unavailable),
                                             frozenset(preferred), tuple(leave), vols[-1]["never_alone"]))
        # A meal-delivery team for the meals feature (its routes need volunteers at every scale).
        tid = team_id + n_teams
        teams.append({"id": tid, "station_id": station_id, "name": "爱心送餐队", "kind": "meal_delivery", "grid": "",
                      "route": "", "active": True, "created_at": datetime.now(UTC)})
        for k in range(n_meal):
            rid, _born, _g = chosen[n_teams * per_team + k]
            vols.append({"id": vol_id, "resident_id": rid, "station_id": station_id, "active": True, "joined_on": start,
                         "max_per_week": None, "max_per_month": None, "no_evenings": None, "never_alone": False,
                         "notes": "", "created_at": datetime.now(UTC)})
            members.append({"id": member_id, "team_id": tid, "volunteer_id": vol_id, "role": "team_leader" if k == 0 else "member",
                            "joined_on": start})
            vol_id += 1
            member_id += 1
        _insert(conn, Team, teams)
        _insert(conn, ShiftTemplate, templates)
        _insert(conn, Volunteer, vols)
        _insert(conn, TeamMember, members)
        _insert(conn, Availability, avail)
        _insert(conn, Leave, leaves)

    # shifts and assignments, month by month and team by team
    months = [p.start for p in Period.inclusive(start, end).months()]
    shift_id = assign_id = None
    with engine.begin() as conn:
        shift_id, assign_id = _ids(conn, Shift), _ids(conn, Assignment)
    done_steps, total_steps = 0, len(months) * len(team_ids)
    past_shifts: list[tuple[dict[str, Any], list[tuple[int, int]]]] = []  # (shift row, [(assignment id, volunteer id)])
    for mi, m in enumerate(months):
        m_end = min(Period.month_of(m).last_day, end)
        shift_rows: list[dict[str, Any]] = []
        assign_rows: list[dict[str, Any]] = []
        for tid in team_ids:
            pshifts: list[SolverShift] = []
            rows: list[dict[str, Any]] = []
            d = m
            while d <= m_end:
                hol = cal.is_holiday(d)
                for p in PERIODS:
                    a, b = DEFAULT_TIMES[p]
                    row = {"id": shift_id, "team_id": tid, "template_id": None, "date": d, "period": p, "starts_at": a, "ends_at": b,
                           "route": teams[tid - team_id]["route"], "grid": teams[tid - team_id]["grid"], "min_headcount": 3 if hol else 2,
                           "max_headcount": 4, "leader_required": True, "is_holiday": hol, "holiday_name": cal.holiday_name(d),
                           "cancelled": False}
                    rows.append(row)
                    pshifts.append(SolverShift(shift_id, tid, d, p, row["min_headcount"], 4, True, hol))
                    shift_id += 1
                d += timedelta(days=1)
            problem = Problem(pvols[tid], pshifts)
            if large:
                roster = solver.balance(problem, solver.greedy(problem, seed=seed + mi))
            else:
                roster = solver.solve(problem, time_limit=3.0, seed=seed).roster
            leaders = solver.choose_leaders(problem, roster)
            for row in rows:
                vids = sorted(roster.get(row["id"], ()))
                for vid in vids:
                    assign_rows.append({"id": assign_id, "shift_id": row["id"], "volunteer_id": vid, "as_leader": leaders.get(row["id"]) == vid,
                                        "locked": False, "source": "solver", "created_at": datetime.now(UTC)})
                    assign_id += 1
                if row["date"] <= today:
                    past_shifts.append((row, [(a["id"], a["volunteer_id"]) for a in assign_rows[-len(vids):]] if vids else []))
            shift_rows.extend(rows)
            done_steps += 1
            progress(int(60 * done_steps / total_steps), 100, "rosters")
        with engine.begin() as conn:
            _insert(conn, Shift, shift_rows)
            _insert(conn, Assignment, assign_rows)

    # what happened on past days: check-ins, the hours ledger, findings
    holiday_factor, evening_factor = 1.5, 1.0
    checkins: list[dict[str, Any]] = []
    hours: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    with engine.begin() as conn:
        check_id, hours_id, finding_id = _ids(conn, CheckIn), _ids(conn, HoursEntry), _ids(conn, PatrolFinding)
    for n, (row, crew) in enumerate(past_shifts):
        begin = datetime.combine(row["date"], row["starts_at"]).astimezone()
        finish = datetime.combine(row["date"], row["ends_at"]).astimezone()
        under_way = finish + timedelta(minutes=10) > now  # today's patrol not over: nobody has checked out yet
        if begin - timedelta(minutes=10) > now:
            crew = []  # a patrol still to come today
        for aid, vid in crew:
            if under_way:
                arrive = begin + timedelta(minutes=rng.choice([-10, -5, -3, 0, 0, 2, 4]))
                if arrive < now:
                    late = max(0, int((arrive - begin).total_seconds() // 60))
                    checkins.append({"id": check_id, "assignment_id": aid, "shift_id": row["id"], "volunteer_id": vid,
                                     "check_in_at": arrive.astimezone(UTC), "check_out_at": None, "no_show": False,
                                     "late_minutes": late if late > 5 else 0, "method": rng.choice(["desk", "desk", "scan"]),
                                     "recorded_by": staff_id, "created_at": arrive.astimezone(UTC)})
                    check_id += 1
                continue
            if rng.random() < 0.03:
                checkins.append({"id": check_id, "assignment_id": aid, "shift_id": row["id"], "volunteer_id": vid, "check_in_at": None,
                                 "check_out_at": None, "no_show": True, "late_minutes": 0, "method": "desk", "recorded_by": staff_id,
                                 "created_at": finish.astimezone(UTC)})
                check_id += 1
                continue
            arrive = begin + timedelta(minutes=rng.choice([-10, -5, -3, 0, 0, 2, 4, 8, 15]))
            left = finish + timedelta(minutes=rng.randint(-5, 10))
            late = max(0, int((arrive - begin).total_seconds() // 60))
            checkins.append({"id": check_id, "assignment_id": aid, "shift_id": row["id"], "volunteer_id": vid,
                             "check_in_at": arrive.astimezone(UTC), "check_out_at": left.astimezone(UTC), "no_show": False,
                             "late_minutes": late if late > 5 else 0, "method": rng.choice(["desk", "desk", "scan", "behalf"]),
                             "recorded_by": staff_id, "created_at": arrive.astimezone(UTC)})
            check_id += 1
            minutes = min(int((left - arrive).total_seconds() // 60), 150)
            factor = holiday_factor if row["is_holiday"] else (evening_factor if row["period"] == ShiftPeriod.EVENING else 1.0)
            hours.append({"id": hours_id, "volunteer_id": vid, "shift_id": row["id"], "served_on": row["date"], "minutes": minutes,
                          "multiplier": factor, "credited_minutes": round(minutes * factor), "reason": "check-out", "corrects_id": None,
                          "created_by": staff_id, "created_at": left.astimezone(UTC)})
            hours_id += 1
        if crew and not under_way and rng.random() < (0.04 if large else 0.12):
            cat = rng.choice(FINDING_CATEGORIES)
            findings.append({"id": finding_id, "station_id": station_id, "shift_id": row["id"], "team_id": row["team_id"],
                             "volunteer_id": crew[0][1],
                             "category": cat, "location": rng.choice(LOCATIONS), "note": rng.choice(NOTES[cat]), "grid": row["grid"],
                             "route": row["route"], "found_at": (begin + timedelta(minutes=rng.randint(10, 80))).astimezone(UTC),
                             "desk_record_id": None, "created_by": staff_id, "created_at": finish.astimezone(UTC)})
            finding_id += 1
        if len(checkins) >= CHUNK or n == len(past_shifts) - 1:
            with engine.begin() as conn:
                _insert(conn, CheckIn, checkins)
                _insert(conn, HoursEntry, hours)
                _insert(conn, PatrolFinding, findings)
            checkins, hours, findings = [], [], []
            progress(60 + int(40 * (n + 1) / len(past_shifts)), 100, "rosters")
    with engine.begin() as conn:
        advance_id_sequences(conn, *(m.__tablename__ for m in (Team, ShiftTemplate, Volunteer, TeamMember, Availability, Leave,
                                                               Shift, Assignment, CheckIn, HoursEntry, PatrolFinding)))
    progress(100, 100, "rosters")
