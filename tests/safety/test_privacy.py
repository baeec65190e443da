"""PIPL: field visibility by role, audited reveals and exports, a resident's export (JSON + PDF) and erasure;
station scoping. Runs on SQLite and, with SMILEDESK_TEST_DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import select

from desktop_app import residents as residents
from desktop_app.core import audit
from desktop_app.core.auth import Actor, Role
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, NotFound, PermissionDenied
from desktop_app.core.models import AuditEntry, StaffUser
from desktop_app.residents import Resident, ResidentCreate, ResidentSearchKey
from desktop_app.safety import personal_data, privacy, stations

PERSON = dict(
    name="欧阳娜娜", id_number="11010119900307002X", phone="13800138000", compound="琥珀山庄", building="3",
    unit="2", room="501", grid="一网格", community="杏花村社区", disabled=True, lives_alone=True,
    emergency_contact="欧阳明", emergency_phone="13900139000", notes="腿脚不便，周二来取药", consent_date=date(2025, 1, 2),
)


@pytest.fixture
def person(engine, admin) -> int:
    with session_scope(engine) as s:
        return residents.create_resident(s, actor=admin, data=ResidentCreate(**PERSON)).id


def audits(engine, action: str) -> list[AuditEntry]:
    with session_scope(engine, write=False) as s:
        return list(s.exec(select(AuditEntry).where(AuditEntry.action == action)))


def test_visibility_by_role(engine, make_actor, person):
    with session_scope(engine, write=False) as s:
        r = s.get(Resident, person)
    views = {role: privacy.resident_view(r, make_actor(role)) for role in ("admin", "front_desk", "coordinator", "kiosk")}
    for role in ("admin", "front_desk", "coordinator"):
        assert "*" in views[role]["id_number"] and PERSON["id_number"] not in json.dumps(views[role], default=str)
        assert "13800138000" not in json.dumps(views[role], default=str)
        assert views[role]["compound"] == "琥珀山庄" and views[role]["disabled"] is True
    kiosk = views["kiosk"]
    for hidden in ("id_number", "phone", "emergency_phone", "compound", "room", "disabled", "notes", "emergency_contact"):
        assert hidden not in kiosk
    assert kiosk["name"] == "欧阳娜娜"


def test_reveals_are_allowed_by_role_and_audited(engine, make_actor, person):
    for role in ("front_desk", "coordinator", "kiosk"):
        make_actor(role)
    with session_scope(engine) as s:
        assert privacy.reveal(s, actor=make_actor("front_desk"), resident_id=person, field="id_number") == PERSON["id_number"]
        assert privacy.reveal(s, actor=make_actor("coordinator"), resident_id=person, field="room") == "501"
    with session_scope(engine) as s, pytest.raises(PermissionDenied):
        privacy.reveal(s, actor=make_actor("coordinator"), resident_id=person, field="phone")
    with session_scope(engine) as s, pytest.raises(PermissionDenied):
        privacy.reveal(s, actor=make_actor("kiosk"), resident_id=person, field="room")
    entries = audits(engine, "reveal")
    assert [(e.actor_name, json.loads(e.after)["field"]) for e in entries] == [("front_desk1", "id_number"), ("coordinator1", "room")]


def test_export_holds_everything_and_is_audited(engine, admin, make_actor, person, tmp_path):
    for role in ("front_desk", "coordinator", "kiosk"):
        make_actor(role)
    with session_scope(engine) as s:
        residents.update_resident(s, actor=admin, resident_id=person, data=ResidentCreate(**{**PERSON, "room": "502"}))
    with session_scope(engine) as s:
        data = personal_data.export_resident(s, actor=admin, resident_id=person)
    record = data["sections"]["residents"]["resident"]
    for key, value in PERSON.items():
        if key != "room":
            assert record[key] == value, key
    assert record["room"] == "502"
    history = data["sections"]["residents"]["history"]
    assert [h["action"] for h in history] == ["create", "update"]
    assert history[1]["fields"] == ["room"]
    json_path, pdf_path = personal_data.write_export(data, tmp_path / "out", station_name="逍遥津社区")
    assert json.loads(json_path.read_text(encoding="utf-8"))["sections"]["residents"]["resident"]["name"] == "欧阳娜娜"
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(str(pdf_path)).pages)
    for expected in ("Copy of your personal data", "欧阳娜娜", "11010119900307002X", "琥珀山庄", "腿脚不便"):
        assert expected in text
    assert [json.loads(e.after)["sections"] for e in audits(engine, "export")] == [sorted(data["sections"])]
    for role in ("front_desk", "coordinator", "kiosk"):
        with session_scope(engine) as s, pytest.raises(PermissionDenied):
            personal_data.export_resident(s, actor=make_actor(role), resident_id=person)


def test_erasure_anonymises_keeps_statistics_and_cannot_be_repeated(engine, admin, make_actor, person):
    for role in ("front_desk", "coordinator", "kiosk"):
        make_actor(role)
    with session_scope(engine) as s:
        other = residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三", phone="13700137000")).id
        count_before = residents.count(s, actor=admin)
    for role in ("front_desk", "coordinator", "kiosk"):
        with session_scope(engine) as s, pytest.raises(PermissionDenied):
            personal_data.erase_resident(s, actor=make_actor(role), resident_id=person)
    with session_scope(engine) as s:
        done = personal_data.erase_resident(s, actor=admin, resident_id=person, reason="本人申请")
    assert "residents" in done
    with session_scope(engine, write=False) as s:
        r = s.get(Resident, person)
        keys = s.exec(select(ResidentSearchKey).where(ResidentSearchKey.resident_id == person)).all()
        assert residents.search(s, actor=admin, q="欧阳") == []
        assert residents.search(s, actor=admin, q="0138000") == []
        assert residents.count(s, actor=admin) == count_before - 1
        assert s.get(Resident, other).name == "张三"
        assert audit.verify_chain(s) == []
    assert keys == []
    assert r.erased and r.name == "已匿名"
    for field in ("id_number", "phone", "emergency_contact", "emergency_phone", "compound", "building", "unit", "room", "notes"):
        assert getattr(r, field) == "", field
    # what anonymous statistics need stays
    assert (r.gender, r.birth_date, r.community, r.grid, r.disabled, r.lives_alone) == ("F", date(1990, 1, 1), "杏花村社区", "一网格", True, True)
    erase_entry = audits(engine, "erase")[0]
    assert "欧阳" not in (erase_entry.after or "") and "13800138000" not in (erase_entry.after or "")
    with session_scope(engine) as s, pytest.raises(ConflictError):
        personal_data.erase_resident(s, actor=admin, resident_id=person)
    with session_scope(engine) as s, pytest.raises(ConflictError):
        personal_data.export_resident(s, actor=admin, resident_id=person)
    # the ID number is free again (a re-registration is a new person record)
    with session_scope(engine) as s:
        residents.create_resident(s, actor=admin, data=ResidentCreate(name="欧阳娜娜", id_number=PERSON["id_number"]))


def test_exports_by_features_are_audited(engine, admin):
    with session_scope(engine) as s:
        privacy.record_export(s, actor=admin, what="meal route sheet", count=12, fields=["phone", "address"], destination="PDF")
    entry = audits(engine, "export")[0]
    assert entry.entity == "meal route sheet" and entry.actor_name == "admin"
    assert json.loads(entry.after) == {"people": 12, "fields": ["address", "phone"], "to": "PDF"}


def test_every_privacy_provider_exports_and_erases(engine, admin, person):
    with session_scope(engine) as s:
        found = dict(privacy.providers())
        assert "residents" in found
        for key, mod in found.items():
            assert isinstance(mod.export(s, person), dict), key
    with session_scope(engine) as s:
        done = personal_data.erase_resident(s, actor=admin, resident_id=person)
    assert set(done) == set(found)


# --- several stations --------------------------------------------------------------------------------


def test_staff_see_their_station_sub_district_admin_sees_all(engine, admin, make_actor):
    with session_scope(engine) as s:
        with pytest.raises(ConflictError):  # a station's admin cannot add stations
            stations.add_station(s, actor=admin, name="琥珀社区", code="HP")
    with session_scope(engine) as s:
        user = s.exec(select(StaffUser).where(StaffUser.username == "admin")).one()
        user.station_id = None  # set-up of the sub-district office (docs/postgres.md)
        s.add(user)
    office = Actor(admin.id, admin.username, admin.display_name, Role.ADMIN, None)
    with session_scope(engine) as s:
        second = stations.add_station(s, actor=office, name="琥珀社区党群服务中心", code="HP").id
    front = make_actor("front_desk")
    with session_scope(engine) as s:
        stations.assign_station(s, actor=office, username=front.username, station_id=second)
        with pytest.raises(ConflictError):
            stations.assign_station(s, actor=office, username=front.username, station_id=None)
    here = Actor(front.id, front.username, front.display_name, Role.FRONT_DESK, second)
    there = Actor(None, "desk-a", "desk-a", Role.FRONT_DESK, admin.station_id)
    with session_scope(engine) as s:
        mine = residents.create_resident(s, actor=here, data=ResidentCreate(name="李四")).id
        theirs = residents.create_resident(s, actor=there, data=ResidentCreate(name="李五")).id
    with session_scope(engine) as s:
        residents.update_resident(s, actor=here, resident_id=mine, data=ResidentCreate(name="李四", grid="二网格"))
    with session_scope(engine, write=False) as s:
        assert residents.filter_choices(s, actor=here)["grid"] == ["二网格"]
        assert residents.filter_choices(s, actor=there)["grid"] == []
        assert residents.filter_choices(s, actor=office)["grid"] == ["二网格"]
        assert [r.name for r in residents.list_page(s, actor=here)] == ["李四"]
        assert [r.name for r in residents.search(s, actor=there, q="li")] == ["李五"]
        assert residents.count(s, actor=here) == 1
        with pytest.raises(NotFound):
            residents.get_resident(s, actor=here, resident_id=theirs)
        assert residents.get_resident(s, actor=office, resident_id=mine).name == "李四"
        assert residents.count(s, actor=office) == 2
        figures = stations.residents_by_station(s, actor=office)
        assert figures == {admin.station_id: 1, second: 1}
        assert stations.residents_by_station(s, actor=here) == {second: 1}
        assert [st.id for st in stations.list_stations(s, actor=here)] == [second]
        assert len(stations.list_stations(s, actor=office)) == 2
    with session_scope(engine) as s, pytest.raises(NotFound):
        personal_data.export_resident(s, actor=Actor(admin.id, "admin2", "x", Role.ADMIN, second), resident_id=theirs)
