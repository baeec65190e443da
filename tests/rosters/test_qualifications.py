"""Issue 18 item 3: shifts can require qualifications — of the leader (first aid), of everyone, of at least
one person — valid on the shift's date. The solver, manual moves, find-cover and the checker honour them,
and the shortfall explanation names the qualification nobody who can come holds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.rosters import (
    capacity,
    checker,
    cover,
    month,
    moves,
    requirements,
    shifts,
    solver,
    volunteers,
)
from desktop_app.rosters.models import RequirementScope, Shift
from desktop_app.rosters.problem import LEADER, SOMEONE, Problem, SolverShift, SolverVolunteer, skill_key
from tests.rosters.helpers import make_team

AID = skill_key("急救证")
DAY = date(2027, 3, 1)  # a Monday


def _shift(sid=1, day=DAY, requires=(), **kw) -> SolverShift:
    return SolverShift(sid, 1, day, "morning", requires=tuple(requires), skill_names=((AID, "急救证"),), **kw)


def _vol(vid, *, leader=False, aid_until: date | None | bool = False) -> SolverVolunteer:
    skills = () if aid_until is False else ((AID, aid_until),)
    return SolverVolunteer(vid, f"V{vid}", frozenset({1}), frozenset({1}) if leader else frozenset(), skills=skills)


def test_the_leader_must_hold_first_aid_valid_on_the_day():
    s = _shift(requires=[(LEADER, AID)], min_headcount=2)
    plain, expired, valid, today_last = _vol(1, leader=True), _vol(2, leader=True, aid_until=DAY - timedelta(days=1)), \
        _vol(3, leader=True, aid_until=None), _vol(4, leader=True, aid_until=DAY)
    assert not plain.can_lead(s) and not expired.can_lead(s) and valid.can_lead(s) and today_last.can_lead(s)
    problem = Problem([plain, expired, _vol(5)], [s])
    result = solver.solve(problem, use_cpsat=False)
    gaps = checker.gaps(problem, result.roster)
    assert gaps and gaps[0].leader_missing  # two team leaders, neither may lead this patrol
    why = " ".join(sf.text() for sf in capacity.capacity_check(problem))
    assert "no team leader who can come holds 急救证" in why
    problem = Problem([plain, expired, valid, _vol(5)], [s])
    for use_cpsat in (False, True):
        result = solver.solve(problem, use_cpsat=use_cpsat, time_limit=1.0, deterministic=True)
        assert 3 in result.roster[1] and result.leaders[1] == 3, use_cpsat
        assert checker.gaps(problem, result.roster) == [] and checker.violations(problem, result.roster) == []


def test_everyone_must_hold_it_and_the_checker_says_why():
    s = _shift(requires=[(RequirementScope.EVERYONE, AID)], min_headcount=2, leader_required=False)
    vols = [_vol(1, aid_until=None), _vol(2, aid_until=DAY - timedelta(days=10)), _vol(3), _vol(4, aid_until=None)]
    problem = Problem(vols, [s])
    texts = [v.text() for v in checker.violations(problem, {1: {1, 2, 3}})]
    assert texts == ["V2's 急救证 expired on 2027-02-19; everyone on the patrol of 2027-03-01 must hold it.",
                     "V3 does not hold 急救证, which everyone on the patrol of 2027-03-01 must hold."]
    for use_cpsat in (False, True):
        result = solver.solve(problem, use_cpsat=use_cpsat, time_limit=1.0, deterministic=True)
        assert result.roster[1] == {1, 4}, use_cpsat
    short = Problem(vols[:3], [s])
    why = " ".join(sf.text() for sf in capacity.capacity_check(short))
    assert "2 people needed per patrol, only 1 who can come hold 急救证" in why


def test_at_least_one_person_holds_it():
    s = _shift(requires=[(SOMEONE, AID)], min_headcount=2, max_headcount=2, leader_required=False)
    vols = [_vol(1), _vol(2), _vol(3), _vol(4, aid_until=DAY + timedelta(days=30))]
    problem = Problem(vols, [s])
    for use_cpsat in (False, True):
        result = solver.solve(problem, use_cpsat=use_cpsat, time_limit=1.0, deterministic=True)
        assert 4 in result.roster[1] and checker.gaps(problem, result.roster) == [], use_cpsat
    gap = checker.gaps(problem, {1: {1, 2}})[0]
    assert gap.missing == 0 and gap.missing_skills == (AID,)
    ranked = cover.find_cover(problem, {1: {1}}, 1)
    assert ranked[0].volunteer_id == 4 and ranked[0].brings == ("急救证",)
    later = _shift(2, day=DAY + timedelta(days=31), requires=[(SOMEONE, AID)], leader_required=False)
    why = " ".join(sf.text() for sf in capacity.capacity_check(Problem(vols, [later])))
    assert "nobody who can come holds 急救证" in why
    assert [c.blockers for c in cover.find_cover(Problem(vols, [_shift(requires=[(RequirementScope.EVERYONE, AID)])]), {}, 1)
            if c.volunteer_id == 1] == [("not_qualified",)]


def test_the_fairness_pass_never_hands_the_only_holder_s_place_to_someone_without_it():
    days = [DAY + timedelta(days=i) for i in range(14)]
    shifts_ = [_shift(i + 1, day=d, requires=[(SOMEONE, AID)], min_headcount=1, max_headcount=1, leader_required=False)
               for i, d in enumerate(days)]
    vols = [_vol(1, aid_until=None), _vol(2, aid_until=None), _vol(3)]
    problem = Problem(vols, shifts_)
    result = solver.solve(problem, use_cpsat=False)
    assert checker.gaps(problem, result.roster) == []
    assert all(3 not in v for v in result.roster.values())


# --- in the database: templates, moves, the month ---------------------------------------------------


@pytest.fixture
def first_aid_team(engine, admin):
    team_id, vids = make_team(engine, admin, members=24, leaders=12, today=date(2027, 1, 1))
    with session_scope(engine) as s:
        volunteers.add_skill(s, actor=admin, volunteer_id=vids[0], name="急救证", expires_on="2027-12-31")
        volunteers.add_skill(s, actor=admin, volunteer_id=vids[1], name="急救证", expires_on="2027-03-03")  # runs out
        volunteers.add_skill(s, actor=admin, volunteer_id=vids[14], name=" 急救证 ", expires_on=None)  # a member
        morning = shifts.templates_of(s, actor=admin, team_id=team_id)[0]
        saved = requirements.set_requirements(s, actor=admin, template_id=morning.id, leader="急救证", someone="")
        assert saved == {"leader": ["急救证"], "everyone": [], "someone": []}
        shifts.generate_shifts(s, actor=admin, team_id=team_id, start=DAY, end=DAY + timedelta(days=6), today=DAY)
    return team_id, vids


def _morning(engine, team_id, day) -> Shift:
    with session_scope(engine, write=False) as s:
        return s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date == day, Shift.period == "morning")).one()


def test_the_month_is_filled_with_qualified_leaders_and_explains_expiry(engine, admin, first_aid_team):
    team_id, vids = first_aid_team
    with session_scope(engine) as s:
        prop = month.propose_roster(s, actor=admin, team_ids=[team_id], start=DAY, end=DAY + timedelta(days=6),
                                    time_limit=1.0)
        month.save_roster(s, actor=admin, proposal=prop)
        loaded = month.load_problem(s, team_ids=[team_id], start=DAY, end=DAY + timedelta(days=6))
    unled = []
    for sid, sh in loaded.shifts.items():
        lead = prop.leaders.get(sid)
        if sh.period != "morning":
            assert lead in vids[:12]  # any team leader leads the other patrols
        elif lead is None:
            unled.append(sh.date)
        else:  # only a leader whose first aid is valid that day leads a morning
            assert lead == vids[0] or (lead == vids[1] and sh.date <= date(2027, 3, 3)), (sh.date, lead)
    assert checker.violations(loaded.problem, loaded.roster) == []
    # two leaders hold first aid, three patrols a week each, and one's runs out on 03-03: 7 mornings, 6 led
    assert len(unled) == 1
    why = [sf.text() for sf in prop.shortfalls]
    assert any("morning patrols" in w and "7 leader slots, the leaders can take only 6" in w for w in why), why


def test_manual_moves_honour_the_requirements(engine, admin, first_aid_team):
    team_id, vids = first_aid_team
    sh = _morning(engine, team_id, DAY)
    with session_scope(engine) as s:
        requirements.set_requirements(s, actor=admin, template_id=sh.template_id, leader="急救证", everyone="",
                                      someone="急救证")
        moves.assign(s, actor=admin, shift_id=sh.id, volunteer_id=vids[14])  # holds it, not a leader
        moves.assign(s, actor=admin, shift_id=sh.id, volunteer_id=vids[15])
        moves.assign(s, actor=admin, shift_id=sh.id, volunteer_id=vids[16])
    with pytest.raises(ConflictError, match="only one on this patrol holding 急救证"), session_scope(engine) as s:
        moves.unassign(s, actor=admin, shift_id=sh.id, volunteer_id=vids[14])
    with session_scope(engine, write=False) as s:
        ranked = moves.find_cover(s, actor=admin, shift_id=sh.id)
    assert ranked[0].volunteer_id == vids[0] and ranked[0].is_leader  # the one qualified leader first
    with session_scope(engine) as s:
        requirements.set_requirements(s, actor=admin, template_id=sh.template_id, everyone="急救证")
    with pytest.raises(ConflictError, match="does not hold 急救证, which everyone"), session_scope(engine) as s:
        moves.assign(s, actor=admin, shift_id=sh.id, volunteer_id=vids[17])
    with pytest.raises(ValidationError, match="at most 5"), session_scope(engine) as s:
        requirements.set_requirements(s, actor=admin, template_id=sh.template_id, leader="一、二、三、四、五、六")


def test_the_templates_dialog_sets_what_a_shift_requires(qtbot, ctx, engine, admin, first_aid_team, app_fonts, wait_ops):
    from desktop_app.rosters.ui.templates_dialog import TemplatesDialog

    team_id, _vids = first_aid_team
    dialog = TemplatesDialog(ctx, team_id)
    qtbot.addWidget(dialog)
    wait_ops()
    t, *_rest, quals = dialog.rows[0]
    assert quals[0].text() == "急救证" and quals[0].completer().model().rowCount() == 1
    quals[2].setText("消防、急救证")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine, write=False) as s:
        held = requirements.requirements_of(s, actor=admin, team_id=team_id)[t.id]
    assert held == {"leader": ["急救证"], "everyone": [], "someone": ["消防", "急救证"]}
