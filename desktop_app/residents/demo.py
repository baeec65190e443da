"""Demo residents: Chinese names (common, polyphonic and rare surnames; rare given-name characters),
Hefei-style compounds and buildings, valid ID check digits, valid phones. Fixed seed, bulk inserts.

small = 800 residents; large = 100,000.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import col

from desktop_app.core import search_keys
from desktop_app.core.models import Station
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.sequences import advance_id_sequences
from desktop_app.residents.models import Resident, ResidentSearchKey

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
POLYPHONIC_SURNAMES = "曾单解仇区查盖乐缪翟朴尉"
RARE_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "皇甫", "尉迟", "令狐", "慕容"]
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红兰凤建国建华国华志强海燕秀珍"
    "桂兰玉兰文华淑珍德华春梅金凤玉梅淑英婷雪梅思远子涵浩然欣怡梓萱宇轩佳琪俊杰晓东晓红小明"
)
RARE_GIVEN = "堃喆燊䶮𠀾昇翀珺璟铖淼犇焱鑫玥彧"
COMPOUNDS = [
    ("逍遥津社区", "桂花园"), ("逍遥津社区", "百花井小区"), ("逍遥津社区", "红星路12号院"),
    ("杏花村社区", "杏林花园"), ("杏花村社区", "琥珀山庄南村"), ("杏花村社区", "西园新村"),
    ("亳州路社区", "安居苑"), ("亳州路社区", "宿州路小区"), ("亳州路社区", "金色池塘"),
    ("双岗社区", "双岗新村"), ("双岗社区", "阜阳北路小区"), ("双岗社区", "清源小区"),
]
REGIONS = ["340102", "340103", "340104", "340111", "341102", "341103", "340121", "340122"]
MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                   "156", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"]
WEIGHTS = (7, 9, 1, 8, 0, 2, 4, 0, 5, 3, 6, 2, 1)


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    return "10X98765432"[total % 11]


def make_id(rng: random.Random, born: date, gender: str) -> str:
    seq = rng.randint(0, 99)
    sex_digit = rng.choice("13579" if gender == "M" else "02468")
    first17 = f"{rng.choice(REGIONS)}{born:%Y%m%d}{seq:02d}{sex_digit}"
    return first17 + id_check_char(first17)


def make_name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.02:
        surname = rng.choice(RARE_SURNAMES)
    elif roll < 0.10:
        surname = rng.choice(POLYPHONIC_SURNAMES)
    else:
        surname = rng.choice(SURNAMES)
    given_len = 1 if rng.random() < 0.3 else 2
    given = "".join(rng.choice(RARE_GIVEN if rng.random() < 0.02 else GIVEN_CHARS) for _ in range(given_len))
    return surname + given


def make_birth(rng: random.Random, today: date) -> date:
    # A station's residents skew old: a third over 60, some over 80.
    roll = rng.random()
    age = rng.randint(80, 98) if roll < 0.08 else rng.randint(60, 79) if roll < 0.40 else rng.randint(18, 59)
    return today - timedelta(days=age * 365 + rng.randint(0, 364))


def generate(engine: Engine, *, scale: str = "small", seed: int = 1, progress: Progress = NO_PROGRESS) -> None:
    total = 100_000 if scale == "large" else 800
    rng = random.Random(seed)
    today = date.today()
    now = datetime.now(UTC)
    with engine.begin() as conn:
        station_id = conn.execute(select(col(Station.id)).order_by(col(Station.id))).scalar()
        start_id = (conn.execute(select(func.max(Resident.id))).scalar() or 0) + 1
    chunk = 5000
    done = 0
    next_id = start_id
    while done < total:
        n = min(chunk, total - done)
        residents, keys = [], []
        for _ in range(n):
            gender = rng.choice("MF")
            born = make_birth(rng, today)
            name = make_name(rng)
            community, compound = rng.choice(COMPOUNDS)
            has_id = rng.random() < 0.92
            phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}" if rng.random() < 0.9 else (
                f"0551{rng.randint(60_000_000, 69_999_999)}"
            )
            age = (today - born).days // 365
            id_number = make_id(rng, born, gender) if has_id else ""
            row = {
                "id": next_id, "station_id": station_id, "name": name, "gender": gender, "birth_date": born,
                "id_number": id_number, "phone": phone, "community": community, "compound": compound,
                "building": str(rng.randint(1, 24)), "unit": str(rng.randint(1, 4)),
                "room": f"{rng.randint(1, 18)}{rng.randint(1, 4):02d}",
                "grid": f"{community[:-2]}第{rng.randint(1, 6)}网格",
                "lives_alone": age >= 70 and rng.random() < 0.25, "disabled": rng.random() < 0.04,
                "extreme_hardship": rng.random() < 0.015, "minimum_living_allowance": rng.random() < 0.04,
                "party_member": rng.random() < 0.12, "veteran": rng.random() < 0.02,
                "emergency_contact": make_name(rng) if age >= 60 else "",
                "emergency_phone": (rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}") if age >= 60 else "",
                "notes": "", "consent_date": today - timedelta(days=rng.randint(0, 900)),
                "sort_key": search_keys.sort_key(name), "erased": False, "created_at": now, "updated_at": now,
            }
            if not has_id:
                row["birth_date"] = born if rng.random() < 0.5 else None
            residents.append(row)
            for key, kind in search_keys.person_keys(name, phone, id_number):
                keys.append({"resident_id": next_id, "kind": kind, "key": key[:60]})
            next_id += 1
        with engine.begin() as conn:
            conn.execute(insert(Resident), residents)
            conn.execute(insert(ResidentSearchKey), keys)
            advance_id_sequences(conn, "resident")
        done += n
        progress(done, total, "residents")
