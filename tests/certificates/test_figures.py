"""certificates.figures: issued by kind (revoked ones too), requests waiting, never printed, per station."""

from __future__ import annotations

from datetime import date

from desktop_app.certificates import figures, issuing, register, requests
from desktop_app.core.db import session_scope
from desktop_app.core.periods import Period
from tests.certificates.helpers import honour, thank_you


def test_certificate_figures_by_station(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    with session_scope(engine) as s:
        printed = issuing.issue_certificate(s, actor=a, content=honour()).id
        register.record_output(s, actor=a, certificate_id=printed)
        wrong = issuing.issue_certificate(s, actor=a, content=thank_you()).id
        register.revoke_certificate(s, actor=a, certificate_id=wrong, reason="错发")
        issuing.issue_certificate(s, actor=a, content=thank_you(recipient_name="王建国"))
        issuing.issue_certificate(s, actor=b, content=thank_you())
        requests.request_certificate(s, actor=b, content=thank_you(recipient_name="李秀英"))
    today = Period.day(date.today())
    with session_scope(engine, write=False) as s:
        assert figures.waiting(s, actor=a) == figures.CertificatesWaiting(0, 1)  # the revoked one is not waiting
        assert figures.waiting(s, actor=b) == figures.CertificatesWaiting(1, 1)
        assert figures.waiting(s, actor=office) == figures.CertificatesWaiting(1, 2)
        assert figures.waiting(s, actor=office, station_id=st.b) == figures.CertificatesWaiting(1, 1)

        mine = figures.period_figures(s, actor=a, period=today)
        assert (mine.issued, mine.revoked, mine.pending_requests) == (3, 1, 0)
        assert mine.by_kind == [("honour", 1), ("thank_you", 2)]  # in the order of the kinds
        everyone = figures.period_figures(s, actor=office, period=today)
        assert (everyone.issued, everyone.pending_requests) == (4, 1)
        assert figures.period_figures(s, actor=office, period=today, station_id=st.b).by_kind == [("thank_you", 1)]
        assert figures.period_figures(s, actor=a, period=Period.month_of(date.today()).previous_month()).issued == 0
