"""A station's search on a database shared by several stations: the limit counts its own residents (issue 22)."""

from __future__ import annotations

from desktop_app.core.db import session_scope
from desktop_app.residents import ResidentCreate, create_resident, search


def test_the_search_limit_is_taken_after_the_station_filter(engine, two_stations):
    st = two_stations
    a, b = st.actor("front_desk", st.a), st.actor("front_desk", st.b)
    with session_scope(engine) as s:
        for i in range(12):  # station b's sort first (their second character has a lower code point)
            create_resident(s, actor=b, data=ResidentCreate(name="李" + chr(0x4E00 + i)))
        for i in range(3):
            create_resident(s, actor=a, data=ResidentCreate(name="李" + chr(0x9F00 + i)))
    with session_scope(engine, write=False) as s:
        assert sorted(r.name for r in search(s, actor=a, q="李", limit=10)) == ["李" + chr(0x9F00 + i) for i in range(3)]
        assert len(search(s, actor=b, q="李", limit=10)) == 10
        assert len(search(s, actor=st.office, q="李", limit=20)) == 15  # the sub-district: every station
