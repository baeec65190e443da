"""Issue 19 item 3: the emergency contact's phone is a phone like the resident's own — masked in the form for
every role, shown in full only on request by a role that may, and every such request audited."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from desktop_app import residents as rs
from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied
from desktop_app.core.models import AuditEntry
from desktop_app.residents.models import ResidentCreate
from desktop_app.residents.register import resident_form

PHONE = "13912345819"


@pytest.fixture
def resident(engine, admin):
    with session_scope(engine) as s:
        return rs.create_resident(s, actor=admin, data=ResidentCreate(
            name="张晓明", emergency_contact="张丽", emergency_phone=PHONE))


@pytest.mark.parametrize("role", ["coordinator", "front_desk", "admin"])
def test_the_form_shows_it_masked(engine, make_actor, resident, role):
    actor = make_actor(role)
    with session_scope(engine, write=False) as s:
        form = resident_form(s, actor=actor, resident_id=resident.id)
    assert form.values["emergency_phone"] == "139****5819" and form.has_emergency_phone


def test_revealing_it_is_for_allowed_roles_and_audited(engine, make_actor, resident):
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        rs.reveal(s, actor=make_actor("coordinator"), resident_id=resident.id, field="emergency_phone")
    desk = make_actor("front_desk")
    with session_scope(engine) as s:
        assert rs.reveal(s, actor=desk, resident_id=resident.id, field="emergency_phone") == PHONE
    with session_scope(engine, write=False) as s:
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).one()
    assert entry.actor_name == desk.username and json.loads(entry.after) == {"field": "emergency_phone"}


def test_saving_the_form_keeps_the_masked_number(engine, admin, resident):
    with session_scope(engine) as s:
        form = resident_form(s, actor=admin, resident_id=resident.id)
        data = ResidentCreate(**{**form.values, "id_number": None, "phone": None, "emergency_phone": None,
                                 "notes": "改了备注"})
        rs.update_resident(s, actor=admin, resident_id=resident.id, data=data, expected_version=form.version)
    with session_scope(engine, write=False) as s:
        assert rs.get_resident(s, actor=admin, resident_id=resident.id).emergency_phone == PHONE


def test_the_dialog_shows_it_masked_to_a_coordinator(qtbot, app_fonts, ctx, make_actor, resident, wait_ops):
    import dataclasses

    from desktop_app.residents.ui.dialogs import ResidentDialog

    dialog = ResidentDialog(dataclasses.replace(ctx, actor=make_actor("coordinator")), resident.id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_ops()
    assert dialog.emergency_phone.text() == "139****5819"
    assert not dialog.reveal_emergency.isVisible()
