"""Several stations on one database: a station's administrator manages their station's accounts and
reads their station's audit entries; a sub-district administrator sees every station's (docs/postgres.md §5)."""

from __future__ import annotations

import pytest

from desktop_app import admin as administration
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError


def test_accounts_and_audit_entries_are_the_stations_own(engine, two_stations):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    desk_b = st.actor("front_desk", st.b)
    with session_scope(engine, write=False) as s:
        names_a = {u.username for u in administration.staff_accounts(s, actor=a)}
        names_b = {u.username for u in administration.staff_accounts(s, actor=b)}
        everyone = {u.username for u in administration.staff_accounts(s, actor=office)}
    assert desk_b.username in names_b and desk_b.username not in names_a
    assert names_a | names_b | {office.username} == everyone and not names_a & names_b
    with session_scope(engine) as s, pytest.raises(ConflictError):
        administration.set_staff_active(s, actor=a, user_id=desk_b.id, active=False)
    with session_scope(engine) as s:
        administration.set_staff_active(s, actor=b, user_id=desk_b.id, active=False)
        administration.set_staff_active(s, actor=office, user_id=desk_b.id, active=True)
    with session_scope(engine, write=False) as s:
        stations_seen = {e.station_id for e in administration.audit_page(s, actor=a)}
        assert stations_seen <= {st.a}
        assert {e.station_id for e in administration.audit_page(s, actor=b, entity="staff_user")} == {st.b}
        entries = administration.audit_page(s, actor=office, entity="staff_user")
        assert {e.station_id for e in entries} == {st.a, st.b, None}  # the first admin, station b, the office
