"""Erasure across features keeps ledgers and figures balanced: desk records and rosters hours.

Runs when the desk and rosters features are enabled (their privacy.py is discovered like any other)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from desktop_app import features
from desktop_app import residents as residents
from desktop_app.core.db import session_scope
from desktop_app.residents.models import ResidentCreate
from desktop_app.safety import personal_data


def _need(key: str):
    mod = features.module(key, "privacy")
    if mod is None:
        pytest.skip(f"the {key} feature is not enabled")
    return features.module(key, "service") or features.api(key)  # a moved feature's use cases are its API


def test_desk_records_keep_counting_after_erasure(engine, admin):
    _need("desk")
    from desktop_app import desk
    from desktop_app.desk.models import ServiceRecord

    with session_scope(engine) as s:
        rid = residents.create_resident(s, actor=admin, data=ResidentCreate(name="赵六", phone="13600136000")).id
        rec = desk.create_record(s, actor=admin, category_code="agency_service", summary="赵六办理高龄津贴",
                                 resident_id=rid, details="家住3栋，电话13600136000")
        record_id = rec.id
        today = rec.received_at.date()
    with session_scope(engine) as s:  # an export writes its audit entry
        before = desk.category_figures(s, actor=admin, start=today, end=today)
        exported = personal_data.export_resident(s, actor=admin, resident_id=rid)
    records = exported["sections"]["desk"]["service_records"]
    assert [r["summary"] for r in records] == ["赵六办理高龄津贴"]
    with session_scope(engine) as s:
        personal_data.erase_resident(s, actor=admin, resident_id=rid)
    with session_scope(engine, write=False) as s:
        rec = s.get(ServiceRecord, record_id)
        assert "赵六" not in rec.summary and rec.details == ""
        assert rec.category_id is not None and rec.status  # the record still counts
        assert desk.category_figures(s, actor=admin, start=today, end=today) == before


def test_rosters_hours_balance_is_unchanged_by_erasure(engine, admin):
    rosters = _need("rosters")
    from desktop_app.rosters.models import HoursEntry, Volunteer

    with session_scope(engine) as s:
        rid = residents.create_resident(s, actor=admin, data=ResidentCreate(name="钱七")).id
        team = rosters.create_team(s, actor=admin, name="小红帽巡逻队")
        vol = rosters.add_volunteer(s, actor=admin, resident_id=rid, team_id=team.id)
        rosters.correct_hours(s, actor=admin, volunteer_id=vol.id, minutes=90, reason="钱七补录：住院前的巡逻",
                              served_on=date(2026, 11, 1))
        vid = vol.id
    with session_scope(engine) as s:  # an export writes its audit entry
        total = rosters.hours_minutes(s, actor=admin, volunteer_id=vid)
        n_entries = len(s.exec(select(HoursEntry).where(HoursEntry.volunteer_id == vid)).all())
        exported = personal_data.export_resident(s, actor=admin, resident_id=rid)
    assert exported["sections"]["rosters"]["hours_total_minutes"] == total == 90
    with session_scope(engine) as s:
        personal_data.erase_resident(s, actor=admin, resident_id=rid)
    with session_scope(engine, write=False) as s:
        assert rosters.hours_minutes(s, actor=admin, volunteer_id=vid) == total
        entries = s.exec(select(HoursEntry).where(HoursEntry.volunteer_id == vid)).all()
        assert len(entries) == n_entries and all(e.reason == "" for e in entries)
        assert s.get(Volunteer, vid).active is False


def test_meals_account_balance_is_unchanged_by_erasure(engine, admin):
    _need("meals")
    from desktop_app.meals import accounts as meals
    from desktop_app.meals import create_recipient
    from desktop_app.meals.models import MealRecipient, MealRecipientCreate

    with session_scope(engine) as s:
        rid = residents.create_resident(s, actor=admin, data=ResidentCreate(name="孙八")).id
        rec = create_recipient(s, actor=admin, data=MealRecipientCreate(
            resident_id=rid, delivery_address="琥珀山庄3栋201", delivery_notes="敲门要大声", avoid="花生", schedule=1))
        meals.top_up(s, actor=admin, recipient_id=rec.id, amount=5000, method="cash", receipt_no="R-1")
        rec_id = rec.id
    with session_scope(engine) as s:  # an export writes its audit entry
        balance = meals.balance(s, rec_id)
        exported = personal_data.export_resident(s, actor=admin, resident_id=rid)
    assert exported["sections"]["meals"]["balance_fen"] == balance == 5000
    assert exported["sections"]["meals"]["recipient"]["delivery_address"] == "琥珀山庄3栋201"
    with session_scope(engine) as s:
        personal_data.erase_resident(s, actor=admin, resident_id=rid)
    with session_scope(engine, write=False) as s:
        assert meals.balance(s, rec_id) == balance
        r = s.get(MealRecipient, rec_id)
        assert (r.status, r.delivery_address, r.delivery_notes, r.avoid) == ("stopped", "", "", "")


def test_passports_are_deactivated_and_off_the_wall_after_erasure(engine, admin):
    _need("passports")
    from desktop_app.passports.models import Passport, WallPreference

    with session_scope(engine) as s:
        rid = residents.create_resident(s, actor=admin, data=ResidentCreate(name="周九")).id
        s.add(Passport(resident_id=rid, station_id=admin.station_id, number="SQK-TEST-0001", issued_on=date(2026, 1, 5)))
    with session_scope(engine) as s:
        exported = personal_data.export_resident(s, actor=admin, resident_id=rid)
    assert [p["number"] for p in exported["sections"]["passports"]["passports"]] == ["SQK-TEST-0001"]
    with session_scope(engine) as s:
        personal_data.erase_resident(s, actor=admin, resident_id=rid)
    with session_scope(engine, write=False) as s:
        p = s.exec(select(Passport).where(Passport.resident_id == rid)).one()
        assert p.status == "lost" and p.voided_at is not None
        assert s.get(WallPreference, rid).opt_out is True


def test_pending_certificate_requests_are_cancelled_and_cleared(engine, admin):
    _need("certificates")
    import json

    from desktop_app.certificates.models import CertificateRequest

    with session_scope(engine) as s:
        rid = residents.create_resident(s, actor=admin, data=ResidentCreate(name="吴十")).id
        s.add(CertificateRequest(station_id=admin.station_id, kind="honour", source="desk", source_ref="t-1",
                                 recipient_name="吴十", resident_id=rid, content_json=json.dumps({"name": "吴十"})))
    with session_scope(engine) as s:
        exported = personal_data.export_resident(s, actor=admin, resident_id=rid)
        personal_data.erase_resident(s, actor=admin, resident_id=rid)
    assert exported["sections"]["certificates"]["requests"][0]["recipient_name"] == "吴十"
    with session_scope(engine, write=False) as s:
        r = s.exec(select(CertificateRequest).where(CertificateRequest.resident_id == rid)).one()
        assert (r.recipient_name, r.content_json, r.status) == ("已匿名", "{}", "cancelled")
