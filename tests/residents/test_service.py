"""Resident use cases: validation, derived fields, duplicates, search, paging, masking, permissions."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import func, select

from desktop_app import residents as service
from desktop_app.core import audit
from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied, SmileDeskError, ValidationError
from desktop_app.core.models import AuditEntry
from desktop_app.residents.models import Resident, ResidentCreate, ResidentSearchKey

ID_ZENG = "11010519491231002X"


def add(engine, actor, **kw):
    with session_scope(engine) as s:
        return service.create_resident(s, actor=actor, data=ResidentCreate(**kw))


def counts(engine):
    with session_scope(engine, write=False) as s:
        return (
            s.exec(select(func.count()).select_from(Resident)).one(),
            s.exec(select(func.count()).select_from(ResidentSearchKey)).one(),
            s.exec(select(func.count()).select_from(AuditEntry)).one(),
        )


def test_birth_date_and_gender_come_from_id(engine, admin):
    r = add(engine, admin, name="曾小明", id_number=ID_ZENG, phone="13812345678")
    assert (r.birth_date, r.gender) == (date(1949, 12, 31), "F")
    with pytest.raises(ValidationError, match="does not match the ID number"):
        add(engine, admin, name="王五", id_number="110105194912310038", birth_date=date(1950, 1, 1))


def test_search_by_name_pinyin_initials_phone_and_id_tail(engine, admin):
    add(engine, admin, name="曾小明", id_number=ID_ZENG, phone="13812345678")
    add(engine, admin, name="单田芳", phone="055162341111")
    add(engine, admin, name="张三", phone="13900001111")

    def names(q):
        with session_scope(engine, write=False) as s:
            return [r.name for r in service.search(s, actor=admin, q=q)]

    assert names("曾小明") == ["曾小明"]
    assert names("zxm") == ["曾小明"]
    assert names("zengxiaoming") == ["曾小明"]
    assert names("ZXM") == ["曾小明"]
    assert names("shantianfang") == ["单田芳"]
    assert names("dtf") == ["单田芳"]  # the everyday reading works too
    assert names("2345") == ["曾小明"]
    assert names("6234") == ["单田芳"]  # digits in the middle of a landline
    assert set(names("1111")) == {"单田芳", "张三"}
    assert names("002x") == ["曾小明"]
    assert names("小明") == ["曾小明"]
    assert names("12") == []  # fewer than 4 digits find nothing (too broad)


def test_exact_name_ranks_before_prefix(engine, admin):
    add(engine, admin, name="张三丰", phone="13900002222")
    add(engine, admin, name="张三", phone="13900001111")
    with session_scope(engine, write=False) as s:
        assert [r.name for r in service.search(s, actor=admin, q="张三")] == ["张三", "张三丰"]


def test_duplicates(engine, admin):
    first = add(engine, admin, name="曾小明", id_number=ID_ZENG, phone="13812345678")
    with pytest.raises(service.DuplicateResident) as hard:
        add(engine, admin, name="曾晓明", id_number=ID_ZENG)
    assert hard.value.hard and hard.value.existing_id == first.id
    with pytest.raises(service.DuplicateResident) as soft:
        add(engine, admin, name="曾小明", phone="13812345678")
    assert not soft.value.hard
    with session_scope(engine) as s:
        service.create_resident(s, actor=admin, data=ResidentCreate(name="曾小明", phone="13812345678"), allow_similar=True)
    assert counts(engine)[0] == 2


def test_keyset_paging_walks_everyone_once_in_pinyin_order(engine, admin):
    names = ["赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "王八", "冯九", "陈十", "褚十一"]
    for i, n in enumerate(names):
        add(engine, admin, name=n, phone=f"139000{i:05d}")
    seen, after = [], None
    with session_scope(engine, write=False) as s:
        while True:
            page = service.list_page(s, actor=admin, after=after, limit=3)
            if not page:
                break
            seen.extend(page)
            after = (page[-1].sort_key, page[-1].id)
    assert sorted(r.name for r in seen) == sorted(names)
    assert [r.sort_key for r in seen] == sorted(r.sort_key for r in seen)


def test_filters(engine, admin):
    add(engine, admin, name="老王", id_number="110105193001010013", lives_alone=True, grid="一网格")
    add(engine, admin, name="小李", id_number="110105200001010016", grid="二网格")
    with session_scope(engine, write=False) as s:
        f80 = service.list_page(s, actor=admin, flt=service.ResidentFilter(tag="elderly_80"))
        alone = service.list_page(s, actor=admin, flt=service.ResidentFilter(tag="lives_alone"))
        grid2 = service.list_page(s, actor=admin, flt=service.ResidentFilter(grid="二网格"))
    assert [r.name for r in f80] == ["老王"] and [r.name for r in alone] == ["老王"] and [r.name for r in grid2] == ["小李"]
    assert "elderly_80" in f80[0].tags


def test_lists_are_masked_and_reveal_is_audited(engine, admin, make_actor):
    r = add(engine, admin, name="曾小明", id_number=ID_ZENG, phone="13812345678")
    with session_scope(engine, write=False) as s:
        row = service.list_page(s, actor=admin)[0]
    assert row.id_masked == "1101**********002X" and row.phone_masked == "138****5678"
    with session_scope(engine) as s:
        assert service.reveal(s, actor=admin, resident_id=r.id, field="id_number") == ID_ZENG
    with session_scope(engine, write=False) as s:
        reveals = s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert len(reveals) == 1 and reveals[0].entity_id == str(r.id)
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        service.reveal(s, actor=make_actor("coordinator"), resident_id=r.id, field="phone")


@pytest.mark.parametrize(
    ("role", "view", "edit", "reveal"),
    [("admin", True, True, True), ("front_desk", True, True, True), ("coordinator", True, True, False),
     ("kiosk", False, False, False)],
)
def test_permission_matrix(engine, admin, make_actor, role, view, edit, reveal):
    r = add(engine, admin, name="曾小明", id_number=ID_ZENG)
    actor = make_actor(role)

    def allowed(fn):
        try:
            with session_scope(engine) as s:
                fn(s)
            return True
        except PermissionDenied:
            return False

    assert allowed(lambda s: service.search(s, actor=actor, q="zxm")) is view
    assert allowed(lambda s: service.list_page(s, actor=actor)) is view
    assert allowed(lambda s: service.get_resident(s, actor=actor, resident_id=r.id)) is view
    assert allowed(lambda s: service.create_resident(s, actor=actor, data=ResidentCreate(name="新" + role.replace("_", "")))) is edit
    assert allowed(lambda s: service.update_resident(s, actor=actor, resident_id=r.id, data=ResidentCreate(name="曾小明", id_number=ID_ZENG))) is edit
    assert allowed(lambda s: service.reveal(s, actor=actor, resident_id=r.id, field="id_number")) is reveal


def test_update_rewrites_search_keys_and_audits_before_after(engine, admin):
    r = add(engine, admin, name="张三", phone="13900001111")
    with session_scope(engine) as s:
        service.update_resident(s, actor=admin, resident_id=r.id, data=ResidentCreate(name="李四", phone="13900001111"))
    with session_scope(engine, write=False) as s:
        assert [x.name for x in service.search(s, actor=admin, q="ls")] == ["李四"]
        assert service.search(s, actor=admin, q="zs") == []
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "update", AuditEntry.entity == "resident")).one()
        before, after = audit.readable(s, entry)  # the snapshots are encrypted with the resident's key
    assert "张三" in before and "李四" in after


NASTY = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["'; DROP TABLE resident; --", "😀😀", "张\u0000三", "Robert'); --", "𠀾" * 51, "１３８１２３４５６７８"]),
)


@given(name=NASTY, phone=NASTY, id_number=NASTY, notes=st.one_of(st.text(max_size=50), st.just("长" * 10_001)))
def test_hypothesis_bad_input_writes_nothing(engine, admin, name, phone, id_number, notes):
    before = counts(engine)
    try:
        with session_scope(engine) as s:
            service.create_resident(
                s, actor=admin, data=ResidentCreate(name=name, phone=phone, id_number=id_number, notes=notes), allow_similar=True
            )
    except SmileDeskError as exc:
        assert exc.text()
        assert counts(engine) == before
    else:
        after = counts(engine)
        assert after[0] == before[0] + 1 and after[2] == before[2] + 1
