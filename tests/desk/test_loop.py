"""The closed loop: create, dispatch, start, resolve, follow up, close; illegal steps refused."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError
from desktop_app.desk import lists, loop, visits
from desktop_app.desk.models import ServiceEvent, Status


def _new(engine, actor, code="request", **kw):
    with session_scope(engine) as s:
        kw.setdefault("walk_in_name", "张三")
        return visits.create_record(s, actor=actor, category_code=code, summary="楼道灯坏了", **kw).id


def test_full_loop_writes_one_event_per_step(engine, admin):
    rid = _new(engine, admin)
    with session_scope(engine) as s:
        loop.dispatch_record(s, actor=admin, record_id=rid, assignee="物业 李师傅", note="今天修")
        loop.start_record(s, actor=admin, record_id=rid)
        loop.resolve_record(s, actor=admin, record_id=rid, result="换了灯泡")
        loop.follow_up_record(s, actor=admin, record_id=rid, satisfaction="satisfied", contact_method="phone")
        loop.close_record(s, actor=admin, record_id=rid)
    with session_scope(engine, write=False) as s:
        rec = lists.get_record(s, actor=admin, record_id=rid)
        events = lists.timeline(s, actor=admin, record_id=rid)
    assert rec.status == Status.CLOSED and rec.assignee == "物业 李师傅" and rec.satisfaction == "satisfied"
    assert [e.kind for e in events] == ["received", "dispatched", "started", "resolved", "followed_up", "closed"]
    assert all(e.actor_name == "王主任" for e in events)
    assert events[1].note == "今天修"


def test_on_the_spot_category_is_saved_closed(engine, admin):
    rid = _new(engine, admin, code="consultation")
    with session_scope(engine, write=False) as s:
        rec = lists.get_record(s, actor=admin, record_id=rid)
        kinds = [e.kind for e in lists.timeline(s, actor=admin, record_id=rid)]
    assert rec.status == Status.CLOSED and rec.closed_at == rec.received_at
    assert kinds == ["received", "settled"]


def test_dissatisfied_follow_up_reopens(engine, admin):
    rid = _new(engine, admin)
    with session_scope(engine) as s:
        loop.start_record(s, actor=admin, record_id=rid)
        loop.resolve_record(s, actor=admin, record_id=rid, result="修了")
        loop.follow_up_record(s, actor=admin, record_id=rid, satisfaction="dissatisfied", contact_method="visit",
                            comment="灯还是不亮")
    with session_scope(engine, write=False) as s:
        rec = lists.get_record(s, actor=admin, record_id=rid)
        kinds = [e.kind for e in lists.timeline(s, actor=admin, record_id=rid)]
    assert rec.status == Status.IN_PROGRESS and rec.resolved_at is None
    assert kinds[-2:] == ["followed_up", "reopened"]
    assert loop.next_actions(rec.status) == ["dispatch", "resolve", "escalate"]


@pytest.mark.parametrize(
    ("steps", "action"),
    [
        ([], "follow_up"),
        ([], "close"),
        ([], "resolve"),
        (["start", "resolve"], "start"),
    ],
)
def test_illegal_steps_are_refused_and_write_nothing(engine, admin, steps, action):
    rid = _new(engine, admin)
    with session_scope(engine) as s:
        for step in steps:
            if step == "start":
                loop.start_record(s, actor=admin, record_id=rid)
            elif step == "resolve":
                loop.resolve_record(s, actor=admin, record_id=rid, result="ok")
    with session_scope(engine, write=False) as s:
        before = len(lists.timeline(s, actor=admin, record_id=rid))
        status = lists.get_record(s, actor=admin, record_id=rid).status
    call = {
        "follow_up": lambda s: loop.follow_up_record(s, actor=admin, record_id=rid, satisfaction="satisfied", contact_method="phone"),
        "close": lambda s: loop.close_record(s, actor=admin, record_id=rid),
        "resolve": lambda s: loop.resolve_record(s, actor=admin, record_id=rid, result="x"),
        "start": lambda s: loop.start_record(s, actor=admin, record_id=rid),
    }[action]
    with pytest.raises(ConflictError) as err, session_scope(engine) as s:
        call(s)
    assert f"No. {rid}" in err.value.text()
    with session_scope(engine, write=False) as s:
        assert len(lists.timeline(s, actor=admin, record_id=rid)) == before
        assert lists.get_record(s, actor=admin, record_id=rid).status == status


def test_dispatch_of_closed_record_names_the_reason(engine, admin):
    rid = _new(engine, admin, code="consultation")
    with pytest.raises(ConflictError) as err, session_scope(engine) as s:
        loop.dispatch_record(s, actor=admin, record_id=rid, assignee="物业")
    assert "already closed" in err.value.text()
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(ServiceEvent).where(ServiceEvent.record_id == rid)).all()) == 2


def test_follow_up_before_resolution_is_refused(engine, admin):
    rid = _new(engine, admin)
    with pytest.raises(ConflictError) as err, session_scope(engine) as s:
        loop.follow_up_record(s, actor=admin, record_id=rid, satisfaction="satisfied", contact_method="phone")
    assert "only after it is resolved" in err.value.text()
    with session_scope(engine, write=False) as s:
        assert lists.get_record(s, actor=admin, record_id=rid).status == Status.RECEIVED
