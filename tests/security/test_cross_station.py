"""Issue 19 item 4: nothing crosses from one station to another on a shared database.

Registering another station's ID number names nobody; the meal counter names no other station's resident
(and the kiosk names its own masked); certificates refuse another station's resident, so that resident's
full ID number never reaches this station's register or its national-system export.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from desktop_app import residents as rs
from desktop_app.certificates import issue_certificate, request_certificate
from desktop_app.certificates.export import export_volunteer_service_records
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, SmileDeskError, ValidationError
from desktop_app.meals import deliveries
from desktop_app.residents.models import ResidentCreate
from tests.certificates.helpers import service_record
from tests.meals.helpers import make_recipient

ID_B = "11010519491231002X"


@pytest.fixture
def other_resident(engine, two_stations):
    """A resident of station B with a full ID number, a meal recipient there."""
    b_admin = two_stations.actor("admin", two_stations.b)
    with session_scope(engine) as s:
        r = rs.create_resident(s, actor=b_admin, data=ResidentCreate(name="欧阳秀英", id_number=ID_B, phone="13912345819"))
    make_recipient(engine, b_admin, r.id, service_kind="dine_in", top_up=100_00)
    return r


def test_registering_another_stations_id_number_names_nobody(engine, two_stations, other_resident):
    a_desk = two_stations.actor("front_desk", two_stations.a)
    with session_scope(engine) as s:
        mine = rs.create_resident(s, actor=a_desk, data=ResidentCreate(name="王建国", id_number=ID_B))
    assert mine.station_id == two_stations.a  # the rule is per station: allowed, and nothing told
    with pytest.raises(SmileDeskError) as refused, session_scope(engine) as s:
        rs.create_resident(s, actor=a_desk, data=ResidentCreate(name="李四", id_number=ID_B))
    assert "欧阳" not in refused.value.text() and "王建国" in refused.value.text()  # its own station's only


@pytest.mark.parametrize("role", ["front_desk", "kiosk"])
def test_the_meal_counter_names_no_other_stations_resident(engine, two_stations, other_resident, role):
    actor = two_stations.actor(role, two_stations.a)
    with pytest.raises(ConflictError) as refused, session_scope(engine) as s:
        deliveries.serve_at_counter(s, actor=actor, resident_id=other_resident.id, meal="lunch")
    assert "欧阳" not in refused.value.text() and "秀英" not in refused.value.text()


def test_the_kiosk_counter_names_its_own_resident_masked(engine, two_stations, other_resident):
    kiosk = two_stations.actor("kiosk", two_stations.b)
    with session_scope(engine) as s:
        served = deliveries.serve_at_counter(s, actor=kiosk, resident_id=other_resident.id, meal="lunch")
    assert served.name == "欧**英"


def test_certificates_refuse_another_stations_resident(engine, two_stations, other_resident, tmp_path):
    a_admin = two_stations.actor("admin", two_stations.a)
    content = service_record(resident_id=other_resident.id, id_number="", recipient_name="欧阳秀英")
    for make in (issue_certificate, request_certificate):
        with pytest.raises(ValidationError), session_scope(engine) as s:
            make(s, actor=a_admin, content=content)
    with session_scope(engine) as s:
        issue_certificate(s, actor=a_admin, content=service_record(id_number=""))  # its own volunteer
        export_volunteer_service_records(s, actor=a_admin, target=tmp_path / "a.xlsx")
    cells = [str(c.value) for row in load_workbook(tmp_path / "a.xlsx").active.iter_rows() for c in row]
    assert ID_B not in cells


def test_the_kiosk_cannot_request_certificates(engine, two_stations):
    from desktop_app.core.errors import PermissionDenied

    kiosk = two_stations.actor("kiosk", two_stations.a)
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        request_certificate(s, actor=kiosk, content=service_record())
    assert auth.Role.KIOSK not in __import__("desktop_app.certificates.permissions", fromlist=["x"]).REQUEST_CERTIFICATES.roles
