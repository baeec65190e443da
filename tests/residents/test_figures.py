"""residents.figures: other features count per station through the resident's station."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import select

from desktop_app import residents
from desktop_app.core.db import session_scope
from desktop_app.residents.figures import resident_in_station
from desktop_app.residents.models import Resident, ResidentCreate


def test_resident_in_station(engine, two_stations):
    st = two_stations
    a, b = st.actor("admin", st.a), st.actor("admin", st.b)
    with session_scope(engine) as s:
        for name in ("张三", "李四"):
            residents.create_resident(s, actor=a, data=ResidentCreate(name=name))
        residents.create_resident(s, actor=b, data=ResidentCreate(name="王五"))
    with session_scope(engine, write=False) as s:
        def count(station):
            return s.exec(select(func.count()).select_from(Resident).where(resident_in_station(Resident.id, station))).one()

        assert (count(st.a), count(st.b), count(None)) == (2, 1, 3)
