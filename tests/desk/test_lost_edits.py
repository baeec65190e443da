"""No lost edits on the desk (issue 14 item 3): one dialog per record; two dialogs, or two computers, that
opened the same version of a record cannot overwrite each other — the later save is refused with who and when."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlmodel import select

from desktop_app.core.db import make_engine, session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.core.records import StaleEdit
from desktop_app.desk import category_list, lists, loop, visits
from desktop_app.desk.models import DeskCategory, ServiceEvent, ServiceRecord, Status
from desktop_app.ui.widgets import open_dialogs


def _request(engine, admin) -> int:
    with session_scope(engine) as s:
        return visits.create_record(s, actor=admin, category_code="request", summary="楼道灯坏了", walk_in_name="李大妈").id


def _record(engine, rid) -> ServiceRecord:
    with session_scope(engine, write=False) as s:
        return s.get(ServiceRecord, rid)


def _dispatch_events(engine, rid) -> list[ServiceEvent]:
    with session_scope(engine, write=False) as s:
        return list(s.exec(select(ServiceEvent).where(ServiceEvent.record_id == rid, ServiceEvent.kind == "dispatched")))


@pytest.fixture
def page(qtbot, ctx, app_fonts, wait_ops):
    from desktop_app.desk.ui.page import DeskPage

    p = DeskPage(ctx)
    qtbot.addWidget(p)
    p.show()
    wait_ops()
    return p


def test_a_step_button_clicked_twice_opens_one_dialog(qtbot, page, engine, admin, wait_ops):
    rid = _request(engine, admin)
    page.reload_list(select_id=rid)
    wait_ops()
    qtbot.mouseClick(page.detail.buttons["dispatch"], Qt.MouseButton.LeftButton)
    first = page.dialog
    qtbot.mouseClick(page.detail.buttons["dispatch"], Qt.MouseButton.LeftButton)
    assert page.dialog is first and open_dialogs(page) == [first]
    first.reject()


def test_second_dispatch_dialog_on_the_same_version_is_refused_and_can_reload(qtbot, page, engine, admin, wait_ops):
    """Two dialogs opened on one version (two desks): the first dispatch stands, the second is refused naming who
    and when, nothing of it is written; Reload takes the new version and the save then goes through."""
    from desktop_app.desk.ui.dialogs import StepDialog

    rid = _request(engine, admin)
    with session_scope(engine, write=False) as s:
        row = lists.get_row(s, actor=admin, record_id=rid)
    first, second = StepDialog(page.ctx, row, "dispatch", page), StepDialog(page.ctx, row, "dispatch", page)
    for dlg in (first, second):
        dlg.show()
    first.assignee.setText("物业 李师傅")
    qtbot.mouseClick(first.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert not first.isVisible()
    second.assignee.setText("网格员 王芳")
    qtbot.mouseClick(second.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert second.isVisible() and second.last_error.objectName() == "staleEdit"
    assert second.last_error.text().startswith("admin changed this record at ")
    stored = _record(engine, rid)
    assert (stored.assignee, stored.status, stored.version) == ("物业 李师傅", Status.DISPATCHED, 2)
    assert [e.assignee for e in _dispatch_events(engine, rid)] == ["物业 李师傅"]
    qtbot.mouseClick(second.last_error.findChild(QPushButton, "reload"), Qt.MouseButton.LeftButton)
    wait_ops()
    assert second.row.version == 2 and second.assignee.text() == "网格员 王芳"  # what was typed stays
    qtbot.mouseClick(second.ok_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    assert not second.isVisible() and _record(engine, rid).assignee == "网格员 王芳"


def test_two_engines_on_one_database_cannot_overwrite_each_others_step(engine, admin):
    rid = _request(engine, admin)
    other = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with session_scope(engine, write=False) as s:
            here = lists.get_row(s, actor=admin, record_id=rid)
        with session_scope(other, write=False) as s:
            there = lists.get_row(s, actor=admin, record_id=rid)
        with session_scope(other) as s:
            loop.dispatch_record(s, actor=admin, record_id=rid, assignee="物业 李师傅", expected_version=there.version)
        with pytest.raises(StaleEdit) as stale, session_scope(engine) as s:
            loop.dispatch_record(s, actor=admin, record_id=rid, assignee="网格员 王芳", expected_version=here.version)
        assert stale.value.text().startswith("admin changed this record at ")
        with pytest.raises(StaleEdit), session_scope(engine) as s:  # a link from the stale row is refused too
            visits.link_resident(s, actor=admin, record_id=rid, resident_id=1, expected_version=here.version)
    finally:
        other.dispose()
    stored = _record(engine, rid)
    assert (stored.assignee, stored.resident_id, stored.version) == ("物业 李师傅", None, 2)
    assert [e.assignee for e in _dispatch_events(engine, rid)] == ["物业 李师傅"]


def test_categories_edited_on_two_computers(engine, admin):
    with session_scope(engine, write=False) as s:
        loaded = {c.code: c.version for c in category_list.categories(s, include_inactive=True)}
    with session_scope(engine) as s:
        category_list.update_category(s, actor=admin, code="request", deadline_workdays=7, expected_version=loaded["request"])
    with pytest.raises(StaleEdit), session_scope(engine) as s:
        category_list.update_category(s, actor=admin, code="request", deadline_workdays=3, expected_version=loaded["request"])
    with session_scope(engine, write=False) as s:
        cat = s.exec(select(DeskCategory).where(DeskCategory.code == "request")).one()
        updates = s.exec(select(AuditEntry).where(AuditEntry.entity == "desk_category", AuditEntry.action == "update")).all()
    assert (cat.deadline_workdays, cat.version, len(updates)) == (7, 2, 1)
