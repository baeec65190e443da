"""Search keys for people: pinyin (every reading, surname readings first), initials, digit tails.

Computed once when a record is written (pypinyin is slow to import and ~30 µs a name) and stored in an
indexed key table; a search is then a handful of index range scans (``key >= q AND key < q+1``), which
SQLite's LIKE-prefix cannot guarantee.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

# Readings that surnames take and pypinyin's everyday reading misses (单 shan, not dan).
SURNAME_READINGS: dict[str, list[str]] = {
    "曾": ["zeng"], "单": ["shan"], "解": ["xie"], "仇": ["qiu"], "区": ["ou"], "朴": ["piao"],
    "查": ["zha"], "盖": ["ge"], "乐": ["yue", "le"], "缪": ["miao"], "覃": ["qin", "tan"],
    "翟": ["zhai"], "尉": ["yu", "wei"], "繁": ["po"], "员": ["yun"], "种": ["chong"], "召": ["shao"],
    "洗": ["xian"], "黑": ["he"], "秘": ["bi"], "纪": ["ji"], "宁": ["ning"], "任": ["ren"],
    "华": ["hua"], "薄": ["bo"], "都": ["du"], "沈": ["shen"], "曲": ["qu"], "燕": ["yan"],
    "葛": ["ge"], "祭": ["zhai"], "阚": ["kan"], "句": ["gou"], "万": ["wan", "mo"],
    "长": ["zhang", "chang"], "重": ["chong"], "过": ["guo"], "藏": ["zang"],
}
# Two-character surnames, by syllable: 欧阳娜娜 is "ouyangnana", initials "oynn" (one initial a syllable).
COMPOUND_SURNAMES: dict[str, list[tuple[str, str]]] = {
    "欧阳": [("ou", "yang")], "司马": [("si", "ma")], "上官": [("shang", "guan")], "诸葛": [("zhu", "ge")],
    "东方": [("dong", "fang")], "皇甫": [("huang", "fu")], "尉迟": [("yu", "chi")], "万俟": [("mo", "qi")],
    "长孙": [("zhang", "sun")], "令狐": [("ling", "hu")], "慕容": [("mu", "rong")], "司徒": [("si", "tu")],
    "夏侯": [("xia", "hou")], "公孙": [("gong", "sun")], "轩辕": [("xuan", "yuan")], "端木": [("duan", "mu")],
    "宇文": [("yu", "wen")], "西门": [("xi", "men")], "南宫": [("nan", "gong")], "呼延": [("hu", "yan")],
    "澹台": [("tan", "tai")], "百里": [("bai", "li")], "钟离": [("zhong", "li")], "闻人": [("wen", "ren")],
    "赫连": [("he", "lian")], "申屠": [("shen", "tu")], "濮阳": [("pu", "yang")], "太史": [("tai", "shi")],
    "独孤": [("du", "gu")], "司空": [("si", "kong")], "公羊": [("gong", "yang")], "第五": [("di", "wu")],
}
MAX_VARIANTS = 8


@lru_cache(maxsize=20000)
def char_readings(ch: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    if not _is_han(ch):
        return (ch.lower(),) if ch.isascii() and ch.isalnum() else ()
    out = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore", v_to_u=False)
    readings = [r.replace("ü", "v") for r in (out[0] if out else [])]
    return tuple(dict.fromkeys(r for r in readings if r))


def _is_han(ch: str) -> bool:
    try:
        return "CJK" in unicodedata.name(ch)
    except ValueError:
        return False


def name_readings(name: str) -> list[list[str]]:
    """Pinyin syllables of every plausible reading of a name, most likely first (capped)."""
    return _readings(name)[0]


def compound_surname(name: str) -> str:
    """The two-character surname a name starts with ("" when none: a name of two characters has none)."""
    chars = [c for c in unicodedata.normalize("NFC", name) if not c.isspace() and c not in "·・•-."]
    head = "".join(chars[:2])
    return head if head in COMPOUND_SURNAMES and len(chars) > 2 else ""


def _readings(name: str) -> tuple[list[list[str]], int]:
    """(every reading's syllables, how many syllables the surname has: 2 for a compound surname, else 1)."""
    chars = [c for c in unicodedata.normalize("NFC", name) if not c.isspace() and c not in "·・•-."]
    if not chars:
        return [], 1
    options: list[list[list[str]]] = []  # per position: list of syllable-lists
    rest = chars
    surname_syllables = 1
    compound = compound_surname(name)
    if compound:
        options.append([list(r) for r in COMPOUND_SURNAMES[compound]])
        rest = chars[2:]
        surname_syllables = 2
    elif chars[0] in SURNAME_READINGS:
        surname = list(SURNAME_READINGS[chars[0]])
        for r in char_readings(chars[0]):
            if r not in surname:
                surname.append(r)
        options.append([[r] for r in surname])
        rest = chars[1:]
    for ch in rest:
        readings = char_readings(ch)
        if not readings:
            continue  # a character pypinyin does not know (rare ones): searchable by the character itself
        options.append([[r] for r in readings])
    variants: list[list[str]] = []
    for combo in itertools.product(*options):
        variants.append([syl for part in combo for syl in part])
        if len(variants) >= MAX_VARIANTS:
            break
    return variants, surname_syllables


# Key kinds, in ranking order: a lower number is a better match.
KIND_NAME = 0
KIND_NAME_PART = 1
KIND_PINYIN = 2
KIND_INITIALS = 3
KIND_PHONE = 4
KIND_ID = 5


def person_keys(name: str, phone: str = "", id_number: str = "") -> set[tuple[str, int]]:
    """(key, kind) pairs for one person."""
    return name_keys(name) | number_keys(phone, id_number)


def name_keys(name: str) -> set[tuple[str, int]]:
    """The name's (key, kind) pairs: the name, its tails, every pinyin reading and its initials."""
    return _name_keys(name, *_readings(name))


def name_keys_and_sort_key(name: str) -> tuple[set[tuple[str, int]], str]:
    """name_keys(name) and sort_key(name), reading the name's pinyin once (bulk writes)."""
    readings, surname = _readings(name)
    return _name_keys(name, readings, surname), _sort_key(name, readings)


def _name_keys(name: str, readings: list[list[str]], surname: int = 1) -> set[tuple[str, int]]:
    keys: set[tuple[str, int]] = set()
    clean = "".join(c for c in unicodedata.normalize("NFC", name) if not c.isspace())
    if clean:
        keys.add((clean, KIND_NAME))
        for i in range(1, len(clean)):
            if len(clean) - i >= 1:
                keys.add((clean[i:], KIND_NAME_PART))
    for syllables in readings:
        full = "".join(syllables)
        if full:
            keys.add((full, KIND_PINYIN))
            keys.add(("".join(s[0] for s in syllables), KIND_INITIALS))
            if surname == 2:  # a compound surname's initial as one as well: "onn" finds 欧阳娜娜 as "oynn" does
                keys.add((syllables[0][0] + "".join(s[0] for s in syllables[2:]), KIND_INITIALS))
            if len(syllables) > surname:  # the given name alone: "xiaoming" finds 张小明, "nana" 欧阳娜娜
                keys.add(("".join(syllables[surname:]), KIND_PINYIN))
    return keys


def number_keys(phone: str = "", id_number: str = "") -> set[tuple[str, int]]:
    """The phone's and ID number's (key, kind) pairs (no pypinyin: cheap)."""
    keys: set[tuple[str, int]] = set()
    digits = "".join(c for c in phone if c.isdigit())
    for i in range(0, max(0, len(digits) - 3)):
        keys.add((digits[i:], KIND_PHONE))  # every suffix of >= 4 digits: prefix search = substring match
    if id_number:
        for n in (4, 6):
            keys.add((id_number[-n:].lower(), KIND_ID))
    return keys


def normalize_query(text: str) -> str:
    q = unicodedata.normalize("NFKC", text or "").strip().lower()
    return "".join(c for c in q if not c.isspace() and c not in "'’")


def query_kind(q: str) -> str:
    """'digits', 'latin' or 'han' — which kinds of key a query can match."""
    if q.isdigit() or (q[:-1].isdigit() and q[-1:] in ("x",)):
        return "digits"
    if q.isascii():
        return "latin"
    return "han"


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (for a range scan)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def sort_key(name: str) -> str:
    return _sort_key(name, name_readings(name))


def _sort_key(name: str, variants: list[list[str]]) -> str:
    first = "".join(variants[0]) if variants else ""
    return f"{first} {name}"
