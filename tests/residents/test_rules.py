"""One resident per ID number per station, told without naming another station's resident; no lost edits
between two dialogs or two computers (issue 14 items 3 and 7, issue 19 item 4)."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import func, select

from desktop_app import residents
from desktop_app.core.db import make_engine, session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.core.records import StaleEdit
from desktop_app.residents import DuplicateResident, Resident, ResidentCreate

ID_ZENG = "11010519491231002X"


def add(engine, actor, **kw):
    with session_scope(engine) as s:
        return residents.create_resident(s, actor=actor, data=ResidentCreate(**kw))


def n_residents(engine) -> int:
    with session_scope(engine, write=False) as s:
        return s.exec(select(func.count()).select_from(Resident)).one()


def test_same_id_number_in_one_station_is_refused_naming_the_existing_resident(engine, admin):
    first = add(engine, admin, name="曾小明", id_number=ID_ZENG)
    with pytest.raises(DuplicateResident) as refused:
        add(engine, admin, name="曾晓明", id_number=ID_ZENG)
    assert refused.value.hard and refused.value.existing_id == first.id and "曾小明" in refused.value.text()
    other = add(engine, admin, name="王五")
    with pytest.raises(DuplicateResident), session_scope(engine) as s:
        residents.update_resident(s, actor=admin, resident_id=other.id, data=ResidentCreate(name="王五", id_number=ID_ZENG))
    assert n_residents(engine) == 2


def test_another_stations_resident_is_not_a_duplicate_and_is_never_named(engine, two_stations):
    """Issue 19 item 4: registering another station's ID number answered with that station's resident's name."""
    staff_a, staff_b = two_stations.actor("front_desk", two_stations.a), two_stations.actor("front_desk", two_stations.b)
    add(engine, staff_a, name="曾小明", id_number=ID_ZENG, phone="13812345678")
    theirs = add(engine, staff_b, name="曾晓明", id_number=ID_ZENG, phone="13812345678")  # no message at all
    assert theirs.station_id == two_stations.b
    with pytest.raises(DuplicateResident) as refused:
        add(engine, staff_b, name="另一人", id_number=ID_ZENG)
    assert "曾晓明" in refused.value.text() and "曾小明" not in refused.value.text()
    assert refused.value.existing_id == theirs.id


def test_the_sub_districts_own_register_is_one_more_station(engine, two_stations):
    office = two_stations.office
    add(engine, two_stations.actor("front_desk", two_stations.a), name="曾小明", id_number=ID_ZENG)
    own = add(engine, office, name="曾小明", id_number=ID_ZENG)
    assert own.station_id is None
    with pytest.raises(DuplicateResident):
        add(engine, office, name="曾小明二", id_number=ID_ZENG)


def test_the_database_refuses_what_the_check_would_have(engine, admin, two_stations):
    """The unique indexes hold the rule even for a writer that skips the use case (another program, a race)."""
    add(engine, admin, name="曾小明", id_number=ID_ZENG)
    add(engine, two_stations.office, name="曾小明", id_number=ID_ZENG)
    for station in (admin.station_id, None):
        with pytest.raises(IntegrityError), session_scope(engine) as s:
            s.add(Resident(name="插队", id_number=ID_ZENG, station_id=station))
            s.flush()
    with session_scope(engine) as s:  # blank numbers are outside the rule
        s.add_all([Resident(name="甲", station_id=admin.station_id), Resident(name="乙", station_id=admin.station_id)])


def test_a_number_registered_on_another_computer_meanwhile_is_refused_without_a_name(engine, admin, monkeypatch):
    """Two desks on PostgreSQL can both pass the check; the index refuses the second, with a message, not a crash."""
    add(engine, admin, name="曾小明", id_number=ID_ZENG)
    monkeypatch.setattr("desktop_app.residents.register.find_duplicate", lambda *a, **k: None)
    with pytest.raises(DuplicateResident) as refused:
        add(engine, admin, name="曾晓明", id_number=ID_ZENG)
    assert refused.value.existing_id is None and "曾" not in refused.value.text()
    assert "another computer" in refused.value.text()
    assert n_residents(engine) == 1


def test_erased_residents_free_their_number(engine, admin):
    from desktop_app.residents import privacy

    first = add(engine, admin, name="曾小明", id_number=ID_ZENG)
    with session_scope(engine) as s:
        privacy.erase(s, first.id)
    again = add(engine, admin, name="曾小明", id_number=ID_ZENG)
    assert again.id != first.id


def test_duplicate_id_numbers_lists_duplicates_per_station_masked(engine, admin, two_stations):
    with session_scope(engine) as s:
        assert residents.duplicate_id_numbers(s) == []
    add(engine, admin, name="曾小明", id_number=ID_ZENG)
    add(engine, two_stations.actor("front_desk", two_stations.b), name="曾小明", id_number=ID_ZENG)
    with session_scope(engine) as s:
        assert residents.duplicate_id_numbers(s) == []  # one per station: allowed
        parked = Resident(name="曾小明", station_id=admin.station_id, notes=(
            f"【身份证号重复】升级时从本档案移出身份证号 {ID_ZENG}（与居民档案 No.1 相同）。请核对。\n耳背"))
        s.add(parked)
        s.flush()
        found = residents.duplicate_id_numbers(s)
    assert found == [residents.DuplicateIdNumber(admin.station_id, "1101**********002X", (1, parked.id), True)]


def test_two_engines_on_one_database_cannot_overwrite_each_others_save(engine, admin):
    """Two computers loaded the same version; the later save is refused, naming who saved and when."""
    r = add(engine, admin, name="张三", phone="13900001111")
    other = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with session_scope(engine, write=False) as s:
            here = residents.register.resident_form(s, actor=admin, resident_id=r.id)
        with session_scope(other, write=False) as s:
            there = residents.register.resident_form(s, actor=admin, resident_id=r.id)
        assert here.version == there.version == 1
        with session_scope(other) as s:
            residents.update_resident(s, actor=admin, resident_id=r.id, expected_version=there.version,
                                      data=ResidentCreate(name="张三", phone=None, grid="第2网格"))
        with pytest.raises(StaleEdit) as stale, session_scope(engine) as s:
            residents.update_resident(s, actor=admin, resident_id=r.id, expected_version=here.version,
                                      data=ResidentCreate(name="张三丰", phone=None))
        assert stale.value.text().startswith("admin changed this record at ")
    finally:
        other.dispose()
    with session_scope(engine, write=False) as s:
        stored = s.get(Resident, r.id)
        updates = s.exec(select(AuditEntry).where(AuditEntry.entity == "resident", AuditEntry.action == "update")).all()
    assert (stored.name, stored.grid, stored.phone, stored.version) == ("张三", "第2网格", "13900001111", 2)
    assert len(updates) == 1


def test_a_masked_number_sent_back_as_none_keeps_the_stored_one(engine, admin):
    r = add(engine, admin, name="曾小明", id_number=ID_ZENG, phone="13812345678")
    with session_scope(engine) as s:
        form = residents.register.resident_form(s, actor=admin, resident_id=r.id)
        assert (form.values["id_number"], form.values["phone"]) == ("1101**********002X", "138****5678")
        residents.update_resident(s, actor=admin, resident_id=r.id, expected_version=form.version,
                                  data=ResidentCreate(name="曾小明", id_number=None, phone=None, room="301"))
    with session_scope(engine, write=False) as s:
        stored = s.get(Resident, r.id)
    assert (stored.id_number, stored.phone, stored.room, stored.gender) == (ID_ZENG, "13812345678", "301", "F")
