"""Not home opens a welfare check: calls in order, each recorded, stays open (red) until closed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.meals.deliveries import record_outcome
from desktop_app.meals.orders import generate_orders
from desktop_app.meals.welfare import close_check, record_attempt, welfare_checks

from .helpers import MONDAY, local, make_recipient


@pytest.fixture
def not_home(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=10000)
    with session_scope(engine) as s:
        generate_orders(s, actor=admin, day=MONDAY, meals=("lunch",))
        record_outcome(s, actor=admin, recipient_id=rid, day=MONDAY, meal="lunch", outcome="not_home",
                               at=local(MONDAY, 11, 10), note="敲门无人应答")
        checks = welfare_checks(s, actor=admin, day=MONDAY)
    assert len(checks) == 1
    return checks[0]


def test_not_home_opens_one_check_with_numbers_to_call(not_home):
    assert not_home.name == "王秀英" and not_home.closed_at is None
    assert not_home.phone == "13905510001" and not_home.emergency_phone == "13800000001"
    assert not_home.grid == "第一网格" and not_home.next_target() == "recipient"


def test_calls_must_follow_the_order(engine, admin, not_home):
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        record_attempt(s, actor=admin, check_id=not_home.id, target="emergency_contact", result="reached")
    assert "call the recipient before the emergency contact" in str(err.value)
    with session_scope(engine) as s:
        record_attempt(s, actor=admin, check_id=not_home.id, target="recipient", result="no_answer")
    with pytest.raises(ValidationError), session_scope(engine) as s:
        record_attempt(s, actor=admin, check_id=not_home.id, target="grid_worker", result="reached")
    with session_scope(engine) as s:
        record_attempt(s, actor=admin, check_id=not_home.id, target="emergency_contact", result="no_answer")
        record_attempt(s, actor=admin, check_id=not_home.id, target="grid_worker", result="reached",
                               note="网格员上门，老人在家摔倒，已送医")
        row = welfare_checks(s, actor=admin, day=MONDAY)[0]
    assert [a[0] for a in row.attempts] == ["recipient", "emergency_contact", "grid_worker"]
    assert row.attempts[0][1] == "no_answer"


def test_check_cannot_close_without_a_call_and_stays_open_next_day(engine, admin, not_home):
    with pytest.raises(ValidationError), session_scope(engine) as s:
        close_check(s, actor=admin, check_id=not_home.id, outcome="safe")
    tomorrow = MONDAY + timedelta(days=1)
    with session_scope(engine, write=False) as s:
        rows = welfare_checks(s, actor=admin, day=tomorrow)
    assert len(rows) == 1 and rows[0].overdue(tomorrow)


def test_closing_with_an_outcome_clears_it(engine, admin, not_home):
    with session_scope(engine) as s:
        record_attempt(s, actor=admin, check_id=not_home.id, target="recipient", result="reached",
                               note="在楼下晒太阳")
        close_check(s, actor=admin, check_id=not_home.id, outcome="safe", at=local(MONDAY, 11, 40))
    with session_scope(engine, write=False) as s:
        assert welfare_checks(s, actor=admin, open_only=True) == []
        closed = welfare_checks(s, actor=admin, day=MONDAY)
        assert closed[0].outcome == "safe" and not closed[0].overdue(MONDAY + timedelta(days=1))
    with pytest.raises(ConflictError), session_scope(engine) as s:
        close_check(s, actor=admin, check_id=not_home.id, outcome="safe")


def test_other_outcome_needs_a_note(engine, admin, not_home):
    with session_scope(engine) as s:
        record_attempt(s, actor=admin, check_id=not_home.id, target="recipient", result="reached")
    with pytest.raises(ValidationError), session_scope(engine) as s:
        close_check(s, actor=admin, check_id=not_home.id, outcome="other")
