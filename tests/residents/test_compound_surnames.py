"""Issue 18 item 6: compound surnames (欧阳 司马 诸葛 上官 …) are indexed with one initial a syllable ("oynn",
"smg") as well as the surname's one initial ("onn"); the given name alone is found ("nana"). Residents
written before are re-indexed by the residents_0002 migration."""

from __future__ import annotations

from sqlalchemy import text

from desktop_app import residents
from desktop_app.core.db import migrate, session_scope
from desktop_app.core.search_keys import KIND_INITIALS, KIND_PINYIN, compound_surname, person_keys
from desktop_app.residents.models import ResidentCreate
from desktop_app.residents.quick_search import search

NAMES = {"欧阳娜娜": ("oynn", "onn", "nana"), "司马光": ("smg", "sg", "guang"), "诸葛亮": ("zgl", "zl", "liang"),
         "上官婉儿": ("sgwe", "swe", "waner"), "东方明": ("dfm", "dm", "ming"), "皇甫嵩": ("hfs", "hs", "song"),
         "尉迟恭": ("ycg", "yg", "gong"), "公孙胜": ("gss", "gs", "sheng"), "令狐冲": ("lhc", "lc", "chong"),
         "慕容复": ("mrf", "mf", "fu")}


def test_every_compound_surname_has_syllable_initials_and_the_given_name_alone():
    for name, (initials, old, given) in NAMES.items():
        keys = person_keys(name)
        assert {(initials, KIND_INITIALS), (old, KIND_INITIALS), (given, KIND_PINYIN)} <= keys, name
    assert ("yangnana", KIND_PINYIN) not in person_keys("欧阳娜娜")
    assert compound_surname("欧阳") == "" and compound_surname("司马光") == "司马"
    assert ("zxm", KIND_INITIALS) in person_keys("张小明")  # one-character surnames as before


def _add(engine, actor, name: str) -> int:
    with session_scope(engine) as s:
        return residents.create_resident(s, actor=actor, data=ResidentCreate(name=name)).id


def _found(engine, actor, q: str) -> list[str]:
    with session_scope(engine, write=False) as s:
        return [r.name for r in search(s, actor=actor, q=q)]


def test_the_desk_search_finds_compound_surnames_by_their_initials(engine, admin):
    for name in ("欧阳娜娜", "司马光", "欧娜娜"):
        _add(engine, admin, name)
    assert _found(engine, admin, "oynn") == ["欧阳娜娜"]
    assert _found(engine, admin, "smg") == ["司马光"]
    assert set(_found(engine, admin, "onn")) == {"欧阳娜娜", "欧娜娜"}
    assert _found(engine, admin, "simag") == ["司马光"]


def test_residents_written_before_are_reindexed_by_the_migration(engine, admin):
    rid = _add(engine, admin, "欧阳娜娜")
    other = _add(engine, admin, "张小明")
    with engine.begin() as conn:  # the keys as the old code wrote them: no syllable initials, "yangnana"
        conn.execute(text("DELETE FROM resident_search_key WHERE resident_id = :r AND key IN ('oynn', 'nana')"), {"r": rid})
        conn.execute(text("INSERT INTO resident_search_key (resident_id, kind, key) VALUES (:r, 2, 'yangnana')"), {"r": rid})
        conn.execute(text("UPDATE alembic_version SET version_num = 'residents_0001' WHERE version_num = 'residents_0003'"))
        before_other = conn.execute(text("SELECT count(*) FROM resident_search_key WHERE resident_id = :r"), {"r": other}).scalar()
    assert _found(engine, admin, "oynn") == []
    migrate(engine, backup=False)
    assert _found(engine, admin, "oynn") == ["欧阳娜娜"]
    assert _found(engine, admin, "nana") == ["欧阳娜娜"]
    assert _found(engine, admin, "yangnana") == []
    with session_scope(engine, write=False) as s:
        assert s.execute(text("SELECT count(*) FROM resident_search_key WHERE resident_id = :r"), {"r": other}).scalar() == before_other
