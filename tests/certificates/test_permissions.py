"""Role × use-case matrix of the certificate service, and Hypothesis on the content a certificate accepts."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from sqlmodel import func, select

from desktop_app.certificates import (
    export,
    issuing,
    register,
    requests,
    template_settings,
    verification,
)
from desktop_app.certificates.content import MAX_HOURS
from desktop_app.certificates.models import (
    Certificate,
    CertificateContent,
    CertificateCounter,
    CertificateRequest,
    Verdict,
)
from desktop_app.certificates.templates import TemplateSettings
from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied, ValidationError
from desktop_app.core.models import AuditEntry

from .helpers import honour, service_record

ROLES = ("admin", "coordinator", "front_desk", "kiosk")

# use case → roles allowed
MATRIX = {
    "view": {"admin", "coordinator", "front_desk"},
    "request": {"admin", "coordinator", "front_desk"},  # the request holds the full ID number (issue 19 item 6)
    "queue_honour": {"admin", "coordinator", "front_desk", "kiosk"},  # a kiosk scan reaching a level: its id only
    "issue": {"admin", "coordinator"},
    "print": {"admin", "coordinator", "front_desk"},
    "revoke": {"admin", "coordinator"},
    "export": {"admin", "coordinator"},
    "configure": {"admin"},
    "render": {"admin", "coordinator", "front_desk"},
}


def _do(case: str, s, actor, cert_id: int, tmp_path):
    if case == "view":
        return register.list_certificates(s, actor=actor)
    if case == "request":
        return requests.request_certificate(s, actor=actor, content=honour())
    if case == "queue_honour":
        from dataclasses import replace

        from desktop_app.core.auth import SYSTEM
        from desktop_app.residents import ResidentCreate, create_resident

        rid = create_resident(s, actor=replace(SYSTEM, station_id=actor.station_id), data=ResidentCreate(name="李建国")).id
        return requests.request_honour_certificate(s, actor=actor, resident_id=rid, title="微笑之星", source="passports",
                                                   source_ref=f"honour:{rid}:10")
    if case == "issue":
        return issuing.issue_certificate(s, actor=actor, content=honour())
    if case == "print":
        return register.record_output(s, actor=actor, certificate_id=cert_id)
    if case == "revoke":
        return register.revoke_certificate(s, actor=actor, certificate_id=cert_id, reason="测试")
    if case == "export":
        return export.export_volunteer_service_records(s, actor=actor, target=tmp_path / "x.xlsx")
    if case == "configure":
        return template_settings.save_template_settings(s, actor=actor, settings=TemplateSettings(signatory="负责人：王芳"))
    if case == "render":
        return register.render_certificate(s, actor=actor, certificate_id=cert_id)
    raise AssertionError(case)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(engine, admin, make_actor, role, tmp_path):
    actor = make_actor(role)
    for case, allowed in MATRIX.items():
        with session_scope(engine) as s:
            cert = issuing.issue_certificate(s, actor=admin, content=honour())
        if role in allowed:
            with session_scope(engine) as s:
                _do(case, s, actor, cert.id, tmp_path)
        else:
            with pytest.raises(PermissionDenied), session_scope(engine) as s:
                _do(case, s, actor, cert.id, tmp_path)
    # verification works for every role (kiosk included) and needs no actor at all
    with session_scope(engine, write=False) as s:
        assert verification.verify_payload(s, cert.number).status in (Verdict.REGISTERED, Verdict.REVOKED)


def _counts(engine):
    with session_scope(engine, write=False) as s:
        return (
            s.exec(select(func.count()).select_from(Certificate)).one(),
            s.exec(select(func.count()).select_from(CertificateRequest)).one(),
            s.exec(select(func.count()).select_from(AuditEntry)).one(),
            s.exec(select(func.coalesce(func.sum(CertificateCounter.last_serial), 0))).one(),
        )


names = st.text(alphabet=st.sampled_from(list("张王李赵钱孙周吴郑欧阳·- ") + list(string.ascii_letters) + ["1", "@", "\u200b", "𰀀", "\n"]),
                max_size=60)


good_names = st.sampled_from(["张桂芳", "欧阳娜娜", "Anna-Lena Müller", "买买提·艾力", "李𠀾", "王䶮"])
recent = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 11, 1))


@given(
    kind=st.sampled_from(["service_record", "service_record", "honour", "thank_you", "award"]),
    name=st.one_of(good_names, good_names, names),
    hours=st.one_of(st.floats(min_value=0.5, max_value=500), st.none(), st.floats(min_value=-10, max_value=20000),
                    st.just(float("nan")), st.just(float("inf"))),
    start=st.one_of(recent, st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
    end=st.one_of(recent, st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
    id_number=st.sampled_from(["", "11010519491231002X", "110105194912310021", "1234", "11010519491231002x"]),
    title=st.sampled_from(["优秀志愿者", "", "x" * 40]),
    organisation=st.sampled_from(["小红帽巡逻队", "", "队" * 70]),
)
def test_content_is_either_issued_whole_or_nothing_is_written(engine, admin, kind, name, hours, start, end, id_number,
                                                              title, organisation):
    content = CertificateContent(kind=kind, recipient_name=name, hours=hours, period_start=start, period_end=end,
                                     id_number=id_number, title=title, organisation=organisation, service_content="巡逻")
    before = _counts(engine)
    try:
        with session_scope(engine) as s:
            cert = issuing.issue_certificate(s, actor=admin, content=content)
    except ValidationError as exc:
        assert exc.field and exc.text()  # says which field and what is wrong
        assert _counts(engine) == before  # nothing written: no certificate, no audit entry, no number used
        event("rejected: " + exc.field)
        return
    event("issued " + cert.kind)
    after = _counts(engine)
    assert after[0] == before[0] + 1 and after[3] == before[3] + 1
    assert cert.kind in ("service_record", "honour", "thank_you")
    assert cert.recipient_name.strip() and "\n" not in cert.recipient_name
    if cert.kind == "service_record":
        assert hours is not None and 0 < hours <= MAX_HOURS and start <= end <= date.today()
    with session_scope(engine, write=False) as s:
        data = register.render_certificate(s, actor=admin, certificate_id=cert.id)
    assert data.startswith(b"%PDF")


@given(payload=st.text(max_size=80))
def test_verify_never_crashes_and_never_says_valid_for_garbage(engine, admin, payload):
    with session_scope(engine, write=False) as s:
        res = verification.verify_payload(s, payload)
    assert res.status in (Verdict.MALFORMED, Verdict.UNKNOWN, Verdict.TAMPERED)


def test_service_record_needs_its_fields(engine, admin):
    for missing, field in (("organisation", "Organisation"), ("hours", "Service hours"), ("period_start", "Service from"),
                           ("service_content", "Service content")):
        with pytest.raises(ValidationError) as err, session_scope(engine) as s:
            issuing.issue_certificate(s, actor=admin, content=service_record(**{missing: None if missing in ("hours", "period_start") else ""}))
        assert err.value.field == field
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        issuing.issue_certificate(s, actor=admin, content=service_record(period_start=date(2026, 7, 1), period_end=date(2026, 6, 1)))
    assert err.value.field == "Service until"
