"""No lost edits (#14): two dialogs on one record, and two computers (two engines on one database), each
loaded the same version; the second save is refused naming who saved in between, nothing of the first is
overwritten, and Reload brings the stored version into the form."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt
from sqlmodel import func, select

from desktop_app.core.db import make_engine, session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.core.records import StaleEdit
from desktop_app.rosters import settings, shifts, teams, volunteers
from desktop_app.rosters.models import ShiftTemplate, Volunteer, VolunteerUpdate

from .helpers import make_team


@pytest.fixture
def second_ctx(ctx, engine):
    """The same station on a second computer: another engine on the same database."""
    from desktop_app.ui.context import AppContext

    other = make_engine(engine.url.render_as_string(hide_password=False))
    yield AppContext(engine=other, actor=ctx.actor, settings=ctx.settings, station_name=ctx.station_name)
    other.dispose()


def _member(engine, admin, team_id, vid):
    with session_scope(engine, write=False) as s:
        return next(m for m in teams.team_members(s, actor=admin, team_id=team_id) if m.volunteer_id == vid)


def _save(qtbot, wait_ops, dialog) -> None:
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    wait_ops()


def _audit_count(engine, entity: str) -> int:
    with session_scope(engine, write=False) as s:
        return s.exec(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == entity,
                                                                          AuditEntry.action == "update")).one()


@pytest.mark.parametrize("where", ["one computer", "two computers"])
def test_a_stale_volunteer_dialog_is_refused_and_reloads(qtbot, ctx, second_ctx, engine, admin, app_fonts, wait_ops, where):
    from desktop_app.rosters.ui.dialogs import VolunteerDialog

    team_id, vids = make_team(engine, admin, members=3, leaders=1)
    member = _member(engine, admin, team_id, vids[0])
    first = VolunteerDialog(ctx, member)
    second = VolunteerDialog(ctx if where == "one computer" else second_ctx, member)
    for d in (first, second):
        qtbot.addWidget(d)
        d.show()
    wait_ops()
    first.per_week.setValue(2)
    _save(qtbot, wait_ops, first)
    assert not first.isVisible()
    second.per_week.setValue(5)
    second.skill_name.setText("急救证")
    _save(qtbot, wait_ops, second)
    assert second.isVisible()
    assert second.last_box.objectName() == "staleEdit"
    assert second.last_box.text().startswith("admin changed this record at") and "after you opened it" in second.last_box.text()
    with session_scope(engine, write=False) as s:
        v = s.get(Volunteer, vids[0])
        assert (v.max_per_week, v.version) == (2, 2)  # the first save stands; nothing of the second was written
        assert volunteers.volunteer_extras(s, actor=admin, volunteer_id=vids[0]).skills == []
    assert _audit_count(engine, "roster_volunteer") == 1
    # Reload: the form shows what is stored, and a save from it goes through
    second.last_box.findChild(type(second.save_button()), "reload").click()
    wait_ops()
    assert second.per_week.value() == 2 and second.version == 2
    second.per_week.setValue(5)
    _save(qtbot, wait_ops, second)
    assert not second.isVisible()
    with session_scope(engine, write=False) as s:
        assert s.get(Volunteer, vids[0]).max_per_week == 5


@pytest.mark.parametrize("where", ["one computer", "two computers"])
def test_a_stale_daily_shifts_dialog_is_refused(qtbot, ctx, second_ctx, engine, admin, app_fonts, wait_ops, where):
    from PySide6.QtCore import QTime

    from desktop_app.rosters.ui.templates_dialog import TemplatesDialog

    team_id, _ = make_team(engine, admin, members=2, leaders=1)
    first = TemplatesDialog(ctx, team_id)
    second = TemplatesDialog(ctx if where == "one computer" else second_ctx, team_id)
    for d in (first, second):
        qtbot.addWidget(d)
        d.show()
    wait_ops()
    first.rows[0][1].setTime(QTime(7, 0))
    _save(qtbot, wait_ops, first)
    second.rows[0][3].setValue(3)  # the morning's minimum
    _save(qtbot, wait_ops, second)
    assert second.isVisible() and second.last_box.objectName() == "staleEdit"
    with session_scope(engine, write=False) as s:
        morning = shifts.templates_of(s, actor=admin, team_id=team_id)[0]
        assert (morning.starts_at, morning.min_headcount) == (time(7, 0), 2)
    second.last_box.findChild(type(second.save_button()), "reload").click()
    wait_ops()
    assert second.rows[0][1].time().toPython() == time(7, 0)


def test_update_use_cases_refuse_a_stale_version(engine, admin):
    """The rule is the use cases', whatever calls them (the import, the command line, a dialog)."""
    team_id, vids = make_team(engine, admin, members=2, leaders=1)
    other = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with session_scope(engine, write=False) as s:
            tpl = s.exec(select(ShiftTemplate).where(ShiftTemplate.team_id == team_id)).first()
            volunteer = s.get(Volunteer, vids[1])
        with session_scope(other) as s:
            shifts.update_template(s, actor=admin, template_id=tpl.id, starts_at=time(7, 0), ends_at=time(9, 0),
                                   min_headcount=2, max_headcount=4, expected_version=tpl.version)
            teams.set_member_role(s, actor=admin, team_id=team_id, volunteer_id=vids[1], role="team_leader", expected_version=1)
            volunteers.update_volunteer(s, actor=admin, volunteer_id=vids[1], data=VolunteerUpdate(max_per_week=1),
                                        expected_version=volunteer.version)
            settings.set_multiplier(s, actor=admin, kind="holiday", multiplier=2.0)
        for stale in (
            lambda s: shifts.update_template(s, actor=admin, template_id=tpl.id, starts_at=time(6, 0), ends_at=time(9, 0),
                                             min_headcount=2, max_headcount=4, expected_version=tpl.version),
            lambda s: teams.set_member_role(s, actor=admin, team_id=team_id, volunteer_id=vids[1], role="member", expected_version=1),
            lambda s: volunteers.update_volunteer(s, actor=admin, volunteer_id=vids[1], data=VolunteerUpdate(max_per_week=3),
                                                  expected_version=volunteer.version),
            lambda s: settings.set_multiplier(s, actor=admin, kind="holiday", multiplier=1.2, expected_version=0),
        ):
            with pytest.raises(StaleEdit), session_scope(engine) as s:
                stale(s)
        with session_scope(engine, write=False) as s:
            assert s.get(ShiftTemplate, tpl.id).starts_at == time(7, 0)
            assert s.get(Volunteer, vids[1]).max_per_week == 1
    finally:
        other.dispose()
