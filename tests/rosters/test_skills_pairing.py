"""Skills with expiry and 'patrol with' wishes: service rules and the volunteer dialog."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied, ValidationError
from desktop_app.rosters import teams, volunteers
from desktop_app.rosters.models import PairingWish, Skill

from .helpers import make_team


def test_skills_expire_and_bad_input_writes_nothing(engine, admin, make_actor):
    _team, vids = make_team(engine, admin, members=3, leaders=1)
    with session_scope(engine) as s:
        volunteers.add_skill(s, actor=admin, volunteer_id=vids[0], name="急救证", expires_on="2025-12-31")
        volunteers.add_skill(s, actor=admin, volunteer_id=vids[0], name="消防员", expires_on=None)
    with pytest.raises(ValidationError, match="not a date"), session_scope(engine) as s:
        volunteers.add_skill(s, actor=admin, volunteer_id=vids[0], name="心肺复苏", expires_on="明年")
    with pytest.raises(ValidationError, match="required"), session_scope(engine) as s:
        volunteers.add_skill(s, actor=admin, volunteer_id=vids[0], name="  ")
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        volunteers.add_skill(s, actor=make_actor("front_desk"), volunteer_id=vids[0], name="急救证")
    with session_scope(engine) as s:
        extras = volunteers.volunteer_extras(s, actor=admin, volunteer_id=vids[0], today=date(2026, 11, 1))
        assert len(s.exec(select(Skill)).all()) == 2
    assert [(n, exp) for _i, n, _d, exp in extras.skills] == [("急救证", True), ("消防员", False)]


def test_volunteer_dialog_adds_skill_and_partner(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    from desktop_app.rosters.ui.dialogs import VolunteerDialog

    team_id, vids = make_team(engine, admin, members=4, leaders=1)
    with session_scope(engine) as s:
        member = next(m for m in teams.team_members(s, actor=admin, team_id=team_id) if m.volunteer_id == vids[0])
    dialog = VolunteerDialog(ctx, member)
    qtbot.addWidget(dialog)
    wait_ops()
    assert dialog.new_partner.count() == 4  # "— add a partner —" and the three teammates
    dialog.skill_name.setText("急救证")
    qtbot.keyClicks(dialog.skill_expires, "2027-06-30")
    dialog.new_partner.setCurrentIndex(1)
    partner = dialog.new_partner.currentData()
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    with session_scope(engine) as s:
        skill = s.exec(select(Skill)).one()
        assert (skill.name, skill.expires_on) == ("急救证", date(2027, 6, 30))
        assert [(p.volunteer_id, p.partner_id) for p in s.exec(select(PairingWish))] == [(vids[0], partner)]
    again = VolunteerDialog(ctx, member)
    qtbot.addWidget(again)
    wait_ops()
    assert again.skills.count() == 1 and partner in again.partner_checks
    again.partner_checks[partner].setChecked(False)  # no longer wants to patrol together
    again.skills.setCurrentRow(0)
    qtbot.mouseClick(again.findChild(type(again.save_button()), "removeSkill"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(again.saved, timeout=3000):
        qtbot.mouseClick(again.save_button(), Qt.MouseButton.LeftButton)
    with session_scope(engine) as s:
        assert s.exec(select(Skill)).all() == [] and s.exec(select(PairingWish)).all() == []
