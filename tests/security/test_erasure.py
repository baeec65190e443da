"""Issue 19 item 8: erasure reaches everything.

Walk-in records typed with the person's name and phone but never linked are in the access-request export and
offered for erasure; the person's data inside audit snapshots is encrypted with a key per person, destroyed
by the erasure (the snapshots become unreadable, the chain still verifies); the certificate register keeps
what the law asks of it (tests/security/test_certificates.py::test_an_erased_holders_entry_keeps_what_the_register_needs).
"""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from desktop_app import cli
from desktop_app import residents as rs
from desktop_app.core import audit
from desktop_app.core.audit_subjects import ERASED
from desktop_app.core.db import session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.desk import visits
from desktop_app.desk.models import ServiceRecord
from desktop_app.residents.models import ResidentCreate
from desktop_app.safety import personal_data

NAME, PHONE = "欧阳娜娜", "13912345819"


@pytest.fixture
def person(engine, admin):
    with session_scope(engine) as s:
        r = rs.create_resident(s, actor=admin, data=ResidentCreate(name=NAME, phone=PHONE, notes="腿脚不便"))
        linked = visits.create_record(s, actor=admin, category_code="request", summary="水管漏水", resident_id=r.id)
        walk_in = visits.create_record(s, actor=admin, category_code="request", summary="咨询高龄补贴",
                                       walk_in_name=NAME, walk_in_phone=PHONE)
        namesake = visits.create_record(s, actor=admin, category_code="request", summary="别人的事",
                                        walk_in_name=NAME, walk_in_phone="13800001111")
    return r, linked.id, walk_in.id, namesake.id


def test_the_export_lists_walk_ins_matched_by_name_and_phone(engine, admin, person):
    r, _linked, walk_in, namesake = person
    with session_scope(engine) as s:
        data = personal_data.export_resident(s, actor=admin, resident_id=r.id)
    matched = data["sections"]["desk"]["walk_in_records_matched_by_name_and_phone"]
    assert [m["id"] for m in matched] == [walk_in]  # not the namesake with another phone


def test_erasure_offers_and_erases_the_matched_walk_ins(engine, admin, person):
    r, linked, walk_in, namesake = person
    with session_scope(engine, write=False) as s:
        offered = personal_data.erasure_matches(s, actor=admin, resident_id=r.id)
    assert [m.record_id for m in offered] == [walk_in]
    with session_scope(engine) as s:
        personal_data.erase_resident(s, actor=admin, resident_id=r.id, reason="本人申请")
    with session_scope(engine, write=False) as s:
        rows = {x.id: x for x in s.exec(select(ServiceRecord))}
    assert rows[walk_in].walk_in_name == "" and rows[walk_in].walk_in_phone == "" and rows[linked].summary == "已匿名"
    assert rows[namesake].walk_in_name == NAME  # someone else's record stays


def test_erasure_can_keep_the_walk_ins_when_told(engine, admin, person, db_arg, capsys):
    r, _linked, walk_in, _namesake = person
    assert cli.main(["privacy", "erase", str(r.id), "--yes", "--keep-walk-ins", "--db", db_arg]) == 0
    assert "matching walk-in records kept: 1" in capsys.readouterr().out
    with session_scope(engine, write=False) as s:
        assert s.get(ServiceRecord, walk_in).walk_in_name == NAME


def audit_text(engine) -> str:
    with session_scope(engine, write=False) as s:
        return " ".join(f"{e.before or ''} {e.after or ''}" for e in s.exec(select(AuditEntry)))


def test_audit_snapshots_hold_personal_data_encrypted_and_unreadable_after_erasure(engine, admin, person):
    r, linked, walk_in, _namesake = person
    assert NAME not in audit_text(engine) and PHONE not in audit_text(engine)  # encrypted as written
    with session_scope(engine, write=False) as s:
        created = s.exec(select(AuditEntry).where(AuditEntry.entity == "resident", AuditEntry.action == "create")).one()
        assert NAME in audit.readable(s, created)[1]  # readable with the person's key, for the audit log's readers
        walk = s.exec(select(AuditEntry).where(AuditEntry.entity == "service_record",
                                               AuditEntry.entity_id == str(walk_in))).first()
        assert NAME in audit.readable(s, walk)[1]
    with session_scope(engine) as s:
        personal_data.erase_resident(s, actor=admin, resident_id=r.id, reason="本人申请")
    with session_scope(engine, write=False) as s:
        entries = s.exec(select(AuditEntry).where(col(AuditEntry.subject).in_(
            [f"resident:{r.id}", f"service_record:{linked}", f"service_record:{walk_in}"]))).all()
        assert entries and all(audit.readable(s, e)[1] in (ERASED, None) for e in entries)
        assert audit.verify_chain(s) == []  # the chain hashes the ciphertext: it still verifies
    assert NAME not in audit_text(engine)
