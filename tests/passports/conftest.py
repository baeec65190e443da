"""Fixtures of the passports tests: residents, an activity today, a passport."""

from __future__ import annotations

import random
from datetime import date

import pytest

TODAY = date(2026, 5, 12)  # a Tuesday


@pytest.fixture
def residents(engine, admin):
    """Three residents; returns their ids."""
    from desktop_app import residents as rs
    from desktop_app.core.db import session_scope
    from desktop_app.residents.models import ResidentCreate

    ids = []
    with session_scope(engine) as s:
        for name, community in (("张晓明", "逍遥津社区"), ("李秀英", "逍遥津社区"), ("王建国", "杏花村社区")):
            ids.append(rs.create_resident(s, actor=admin, data=ResidentCreate(name=name, community=community)).id)
    return ids


@pytest.fixture
def activity(engine, admin):
    from desktop_app.core.db import session_scope
    from desktop_app.passports import activities
    from desktop_app.passports.models import ActivityCreate

    with session_scope(engine) as s:
        return activities.create_activity(
            s, actor=admin,
            data=ActivityCreate(name="垃圾分类引导", category="环保", kind="once", start_date=TODAY, stamps=2),
        )


@pytest.fixture
def passport(engine, admin, residents):
    from desktop_app.core.db import session_scope
    from desktop_app.passports import cards

    with session_scope(engine) as s:
        return cards.issue_passport(s, actor=admin, resident_id=residents[0], today=TODAY, rng=random.Random(1))


def messages(widget) -> list[str]:
    """The texts of the message boxes open over ``widget`` (the one error policy shows refusals in one),
    closing them."""
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in widget.findChildren(QMessageBox) if b.isVisible()]
    texts = [b.text() for b in boxes]
    for b in boxes:
        b.close()
    return texts
