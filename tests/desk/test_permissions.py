"""The role × use-case matrix of the desk, and Hypothesis on create_record's inputs (nothing written on rejection)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.core.models import AuditEntry
from desktop_app.desk import category_list, day_figures, lists, loop, overdue, visits
from desktop_app.desk.models import DeskDayFigure, ServiceEvent, ServiceRecord

ROLES = ("admin", "coordinator", "front_desk", "kiosk")
STAFF = {"admin", "coordinator", "front_desk"}


def _prepare(engine, admin):
    """Records in the states each use case needs, made by the admin."""
    with session_scope(engine) as s:
        mk = lambda **kw: visits.create_record(s, actor=admin, category_code="request", summary="灯坏了",  # noqa: E731
                                           walk_in_name="张三", **kw).id
        ids = {"received": mk(), "old": mk(received_at=datetime.now(UTC) - timedelta(days=3))}
        ids["in_progress"] = mk()
        loop.start_record(s, actor=admin, record_id=ids["in_progress"])
        ids["resolved"] = mk()
        loop.start_record(s, actor=admin, record_id=ids["resolved"])
        loop.resolve_record(s, actor=admin, record_id=ids["resolved"], result="ok")
        ids["followed_up"] = mk()
        loop.start_record(s, actor=admin, record_id=ids["followed_up"])
        loop.resolve_record(s, actor=admin, record_id=ids["followed_up"], result="ok")
        loop.follow_up_record(s, actor=admin, record_id=ids["followed_up"], satisfaction="satisfied", contact_method="phone")
    from desktop_app.residents import create_resident
    from desktop_app.residents.models import ResidentCreate

    with session_scope(engine) as s:
        ids["resident"] = create_resident(s, actor=admin, data=ResidentCreate(name="张三")).id
    return ids


CASES = {
    "create_record": (STAFF, lambda s, a, i: visits.create_record(s, actor=a, category_code="consultation", summary="问路",
                                                                walk_in_name="李四")),
    "list_page": (STAFF, lambda s, a, i: lists.list_page(s, actor=a)),
    "list_day": (STAFF, lambda s, a, i: lists.list_day(s, actor=a, day=date.today())),
    "overdue": (STAFF, lambda s, a, i: overdue.overdue(s, actor=a)),
    "timeline": (STAFF, lambda s, a, i: lists.timeline(s, actor=a, record_id=i["received"])),
    "dispatch": (STAFF, lambda s, a, i: loop.dispatch_record(s, actor=a, record_id=i["received"], assignee="网格员")),
    "start": (STAFF, lambda s, a, i: loop.start_record(s, actor=a, record_id=i["received"])),
    "resolve": (STAFF, lambda s, a, i: loop.resolve_record(s, actor=a, record_id=i["in_progress"], result="好了")),
    "follow_up": (STAFF, lambda s, a, i: loop.follow_up_record(s, actor=a, record_id=i["resolved"],
                                                              satisfaction="satisfied", contact_method="phone")),
    "close": (STAFF, lambda s, a, i: loop.close_record(s, actor=a, record_id=i["followed_up"])),
    "escalate": ({"admin", "coordinator"}, lambda s, a, i: loop.escalate_record(s, actor=a, record_id=i["received"],
                                                                               note="尽快")),
    "link_repeat": (STAFF, lambda s, a, i: visits.link_repeat(s, actor=a, record_id=i["received"], repeat_of_id=i["old"])),
    "link_resident": (STAFF, lambda s, a, i: visits.link_resident(s, actor=a, record_id=i["received"],
                                                               resident_id=i["resident"])),
    "figures": (STAFF, lambda s, a, i: day_figures.category_figures(s, actor=a, start=date(2026, 1, 1), end=date(2026, 12, 31))),
    "update_category": ({"admin"}, lambda s, a, i: category_list.update_category(s, actor=a, code="request", deadline_workdays=8)),
    "add_category": ({"admin"}, lambda s, a, i: category_list.add_category(s, actor=a, name="电动车充电", deadline_workdays=3)),
    "rebuild_figures": ({"admin"}, lambda s, a, i: day_figures.rebuild_day_figures(s, actor=a)),
}


def _written(engine) -> tuple[int, int, int]:
    with session_scope(engine, write=False) as s:
        return (
            s.exec(select(func.count()).select_from(ServiceRecord)).one(),
            s.exec(select(func.count()).select_from(ServiceEvent)).one(),
            s.exec(select(func.count()).select_from(AuditEntry)).one(),
        )


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(engine, admin, make_actor, role):
    ids = _prepare(engine, admin)
    actor = make_actor(role) if role != "kiosk" else None
    if role == "kiosk":
        from desktop_app.core import auth

        with session_scope(engine) as s:
            actor = auth.kiosk_actor(s)
    for name, (allowed, call) in CASES.items():
        before = _written(engine)
        if role in allowed:
            with session_scope(engine) as s:
                call(s, actor, ids)
        else:
            with pytest.raises(PermissionDenied), session_scope(engine) as s:
                call(s, actor, ids)
            assert _written(engine) == before, name


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=250)


@given(
    category=st.sampled_from([*category_list.CATEGORY_CODES, "", "unknown", "Request"]),
    summary=st.one_of(_text, st.sampled_from(["", "  ", "楼道灯坏了", "x" * 201])),
    channel=st.sampled_from(["walk_in", "phone", "patrol", "online", "other", "fax", ""]),
    name=st.one_of(_text, st.sampled_from(["", "张三", "欧阳·娜娜", "张3"])),
    phone=st.sampled_from(["", "13800138000", "0551-62345678", "12345", "１３８００１３８０００", "abc"]),
    offset_hours=st.integers(min_value=-24 * 365 * 30, max_value=24 * 30),
)
def test_create_record_either_saves_one_record_or_writes_nothing(engine, admin, category, summary, channel, name,
                                                                   phone, offset_hours):
    received = datetime.now(UTC) + timedelta(hours=offset_hours)
    before = _written(engine)
    with session_scope(engine, write=False) as s:
        figs_before = s.exec(select(func.coalesce(func.sum(DeskDayFigure.received), 0))).one()
    try:
        with session_scope(engine) as s:
            rec = visits.create_record(s, actor=admin, category_code=category, summary=summary, channel=channel,
                                   walk_in_name=name, walk_in_phone=phone, received_at=received)
    except (ValidationError, NotFound) as exc:
        assert exc.text()  # a message the user can read
        assert _written(engine) == before
        with session_scope(engine, write=False) as s:
            assert s.exec(select(func.coalesce(func.sum(DeskDayFigure.received), 0))).one() == figs_before
        return
    after = _written(engine)
    assert after[0] == before[0] + 1 and after[2] == before[2] + 1
    assert rec.summary.strip() and rec.received_at <= datetime.now(UTC) + timedelta(minutes=1)
    assert rec.due_at >= rec.received_at - timedelta(days=1)
