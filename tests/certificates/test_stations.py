"""Several stations on one database: each station's register and request queue are its own; a
sub-district administrator sees every station's and issues a request in the requesting station's name
(docs/postgres.md §5)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app import reports
from desktop_app.certificates import issuing, register, requests
from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound
from tests.certificates.helpers import honour, thank_you


def test_registers_and_queues_are_scoped_and_roll_up(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    with session_scope(engine) as s:
        cert_a = issuing.issue_certificate(s, actor=a, content=honour()).id
        cert_b = issuing.issue_certificate(s, actor=b, content=thank_you()).id
        req_b = requests.request_certificate(s, actor=b, content=thank_you(recipient_name="王建国")).id
    with session_scope(engine, write=False) as s:
        assert [c.id for c in register.list_certificates(s, actor=a)] == [cert_a]
        assert [c.id for c in register.list_certificates(s, actor=b)] == [cert_b]
        assert {c.id for c in register.list_certificates(s, actor=office)} == {cert_a, cert_b}
        assert requests.list_requests(s, actor=a) == []
        assert [r.id for r in requests.list_requests(s, actor=office)] == [req_b]
        with pytest.raises(NotFound):
            register.get_certificate(s, actor=a, certificate_id=cert_b)
        with pytest.raises(NotFound):
            register.print_log(s, actor=a, certificate_id=cert_b)
        assert register.get_certificate(s, actor=office, certificate_id=cert_b).number.startswith("HP-")

        def waiting(actor):
            return {w.code: w.count for w in register.warnings(s, actor=actor)}

        assert waiting(a) == {"not_printed": 1}
        assert waiting(b) == {"not_issued": 1, "not_printed": 1}
        assert waiting(office) == {"not_issued": 1, "not_printed": 2}
        today = date.today()

        def issued(actor, station_id=None):
            return reports.period_figures(s, actor=actor, period=reports.ReportPeriod.inclusive(today, today),
                                          station_id=station_id).certificates

        assert (issued(a).issued, issued(a).pending_requests) == (1, 0)
        assert (issued(office).issued, issued(office).pending_requests) == (2, 1)
        assert issued(office, st.b).issued == 1
    with session_scope(engine) as s, pytest.raises(NotFound):
        register.revoke_certificate(s, actor=a, certificate_id=cert_b, reason="错发")
    with session_scope(engine) as s, pytest.raises(NotFound):
        issuing.issue_certificate(s, actor=a, request_id=req_b)
    with session_scope(engine) as s:
        issued_b = issuing.issue_certificate(s, actor=office, request_id=req_b)
        assert (issued_b.station_id, issued_b.number[:3]) == (st.b, "HP-")
