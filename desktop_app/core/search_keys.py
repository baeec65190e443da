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
COMPOUND_SURNAMES = {
    "欧阳": ["ouyang"], "司马": ["sima"], "上官": ["shangguan"], "诸葛": ["zhuge"], "东方": ["dongfang"],
    "皇甫": ["huangfu"], "尉迟": ["yuchi"], "万俟": ["moqi"], "长孙": ["zhangsun"], "令狐": ["linghu"],
    "慕容": ["murong"], "司徒": ["situ"], "夏侯": ["xiahou"], "公孙": ["gongsun"], "轩辕": ["xuanyuan"],
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
    chars = [c for c in unicodedata.normalize("NFC", name) if not c.isspace() and c not in "·・•-."]
    if not chars:
        return []
    options: list[list[list[str]]] = []  # per position: list of syllable-lists
    rest = chars
    compound = "".join(chars[:2])
    if compound in COMPOUND_SURNAMES and len(chars) > 2:
        options.append([[r] for r in COMPOUND_SURNAMES[compound]])
        rest = chars[2:]
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
    return variants


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
    return _name_keys(name, name_readings(name))


def name_keys_and_sort_key(name: str) -> tuple[set[tuple[str, int]], str]:
    """name_keys(name) and sort_key(name), reading the name's pinyin once (bulk writes)."""
    readings = name_readings(name)
    return _name_keys(name, readings), _sort_key(name, readings)


def _name_keys(name: str, readings: list[list[str]]) -> set[tuple[str, int]]:
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
            if len(syllables) > 1:  # the given name alone: "xiaoming" finds 张小明
                keys.add(("".join(syllables[1:]), KIND_PINYIN))
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
