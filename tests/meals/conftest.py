"""Meals test helpers: residents of different ages in two compounds, recipients with schedules."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app import residents as residents
from desktop_app.core.db import session_scope
from desktop_app.residents.models import ResidentCreate


@pytest.fixture
def people(engine, admin):
    """Residents: 王秀英 86 (compound 幸福小区 1栋), 李建国 76 (幸福小区 2栋), 张桂兰 65 特困 (阳光花园)."""
    specs = [
        ("王秀英", date(1939, 5, 1), "幸福小区", "1", "1", "301", "13905510001", False),
        ("李建国", date(1949, 8, 1), "幸福小区", "2", "1", "102", "13905510002", False),
        ("张桂兰", date(1960, 1, 10), "阳光花园", "12", "2", "501", "13905510003", True),
        ("赵志强", date(1970, 1, 1), "阳光花园", "3", "1", "101", "13905510004", False),  # volunteer
    ]
    ids = {}
    with session_scope(engine) as s:
        for name, born, compound, building, unit, room, phone, hardship in specs:
            r = residents.create_resident(s, actor=admin, data=ResidentCreate(
                name=name, birth_date=born, compound=compound, building=building, unit=unit, room=room, phone=phone,
                extreme_hardship=hardship, grid="第一网格", emergency_contact="王小明", emergency_phone="13800000001"))
            ids[name] = r.id
    return ids
