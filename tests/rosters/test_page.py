"""The rosters page driven as a coordinator and a front-desk worker would: pick the month, create the
shifts, fill the month (background op), read the colours, edit a cell, check people in."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from printing_helpers import assert_printed_as_made, click_print, patch_print_dialog, pdf_pages
from PySide6.QtCore import Qt
from shiboken6 import isValid
from sqlmodel import select

from desktop_app.core import clock
from desktop_app.core.db import session_scope
from desktop_app.rosters import attendance, common, hours, moves, shifts, teams
from desktop_app.rosters.models import Assignment, CheckIn, PatrolFinding, Shift
from desktop_app.ui.widgets import open_dialogs

from .helpers import make_team

MONTH = date(2026, 11, 1)


@pytest.fixture
def page(qtbot, ctx, engine, admin, app_fonts, monkeypatch, wait_ops):
    from desktop_app.ui.settings_dialog import apply_style

    monkeypatch.setattr(clock, "today", lambda: date(2026, 11, 10))
    monkeypatch.setattr(clock, "local_now", lambda: datetime.combine(date(2026, 11, 10), time(7, 20)).astimezone())
    make_team(engine, admin, members=30, leaders=12)
    from desktop_app.rosters.ui.page import RostersPage

    apply_style(app_fonts, "normal")  # the grid's colours are style roles in resources/styles/*.qss
    w = RostersPage(ctx)
    w.solve_seconds = 1.5
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    wait_ops()
    yield w
    app_fonts.setStyleSheet("")


def _cell_item(page, day: int, col: int):
    return page.month_tab.grid.item(day - 1, col)


def _click(qtbot, wait_ops, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_ops()


def test_tabs_are_built_when_first_shown(page, wait_ops):
    assert page.month_tab is not None
    assert (page.today_tab, page.team_tab, page.findings_tab) == (None, None, None)
    page.tabs.setCurrentIndex(2)
    wait_ops()
    assert page.team_tab is not None and page.team_tab.members_model.rowCount() == 30
    assert page.today_tab is None and page.findings_tab is None


def test_every_control_of_every_tab_has_a_name(page, wait_ops):
    from desktop_app.ui.accessibility import unnamed_controls

    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        wait_ops()
    assert [w.objectName() or type(w).__name__ for w in unnamed_controls(page)] == []


def test_create_shifts_fill_month_and_read_colours(qtbot, page, engine, wait_ops):
    month = page.month_tab
    assert page.month_label.text() == "2026-11"
    assert month.grid.rowCount() == 30
    assert _cell_item(page, 1, 0).text() == "—"
    _click(qtbot, wait_ops, page.generate_button)
    assert _cell_item(page, 1, 0).text().startswith("0/2")
    assert _cell_item(page, 1, 0).background().color().name() == "#f4c7c3"  # nobody yet: red
    qtbot.mouseClick(page.solve_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.last_op.done, timeout=60_000):
        pass
    wait_ops()
    assert page.last_op.error is None
    # today is 10 Nov: the days before are history and stay as they were (empty here)
    assert all(_cell_item(page, d, c).text().startswith("0/2") for d in range(1, 10) for c in range(3))
    texts = [_cell_item(page, d, c).text() for d in range(10, 31) for c in range(3)]
    assert all("★" in t for t in texts)
    assert {_cell_item(page, d, c).background().color().name() for d in range(10, 31) for c in range(3)} <= {"#d9ead3", "#cfe2f3"}
    assert "0 patrol(s) still short" in month.explain.toPlainText()
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(Assignment)).all()) >= 21 * 3 * 2
    # a month entirely in the past is refused with a reason
    _click(qtbot, wait_ops, page.prev_button)
    _click(qtbot, wait_ops, page.generate_button)
    qtbot.mouseClick(page.solve_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.last_op.done, timeout=60_000):
        pass
    assert "past" in str(page.last_op.error)
    page.last_box.close()


def test_cell_edit_refusal_and_lock(qtbot, page, engine, admin, monkeypatch, wait_ops):
    month = page.month_tab
    _click(qtbot, wait_ops, page.generate_button)
    # nobody on 3 Nov afternoon: the cover list ranks people; add the first two (a leader comes first)
    month.grid.setCurrentCell(2, 1)
    wait_ops()
    assert month.cell_title.text().startswith("2026-11-03")
    assert month.cover.count() == 30
    assert month.cover.item(0).text().startswith("★")
    for _ in range(2):
        month.cover.setCurrentRow(0)
        _click(qtbot, wait_ops, month.assign_button)
    assert month.people.count() == 2
    assert _cell_item(page, 3, 1).text().startswith("2/2  ★")
    # the leader cannot also take the evening of the same day: refused, nothing written
    leader_name = month.people.item(0).text().lstrip("★ ")
    month.grid.setCurrentCell(2, 2)
    wait_ops()
    row = next(i for i in range(month.cover.count()) if month.cover.item(i).text().lstrip("★ ").startswith(leader_name))
    assert "already patrols that day" in month.cover.item(row).text()
    month.cover.setCurrentRow(row)
    _click(qtbot, wait_ops, month.assign_button)
    assert "at most one a day" in page.last_box.text()
    page.last_box.close()
    assert month.people.count() == 0
    # taking off someone the patrol needs asks first; saying no keeps them
    month.grid.setCurrentCell(2, 1)
    wait_ops()
    month.people.setCurrentRow(0)
    from desktop_app.ui import messages

    asked = []
    monkeypatch.setattr(messages.Confirm, "ask", classmethod(lambda cls, parent, text, title="": asked.append(text) or False))
    _click(qtbot, wait_ops, month.remove_button)
    assert asked and "find cover first" in asked[0]
    assert month.people.count() == 2
    # lock the leader: shown in the cell
    month.people.setCurrentRow(0)
    _click(qtbot, wait_ops, month.lock_button)
    assert "[locked]" in _cell_item(page, 3, 1).text()
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(Assignment).where(Assignment.locked == True)).all()) == 1  # noqa: E712


def test_check_in_desk_by_search_and_finding(qtbot, page, engine, admin, wait_ops):
    day = date(2026, 11, 10)
    with session_scope(engine) as s:
        shifts.generate_shifts(s, actor=admin, team_id=page.team_id(), start=day, end=day)
        morning = s.exec(select(Shift).where(Shift.date == day, Shift.period == "morning")).one()
        members = teams.team_members(s, actor=admin, team_id=page.team_id())
        moves.assign(s, actor=admin, shift_id=morning.id, volunteer_id=members[0].volunteer_id)
        moves.assign(s, actor=admin, shift_id=morning.id, volunteer_id=members[1].volunteer_id)
        first_name = common.volunteer_name(s, members[0].volunteer_id)
    page.tabs.setCurrentIndex(1)
    wait_ops()
    today = page.today_tab
    assert today.day_shift.currentData() == morning.id
    assert today.day_people.count() == 2
    from desktop_app.core.search_keys import person_keys

    initials = next(k for k, kind in person_keys(first_name, "", "") if k.isascii() and len(k) == len(first_name))
    qtbot.keyClicks(today.find, initials)
    today.find.flush()
    qtbot.keyClick(today.find, Qt.Key.Key_Return)
    wait_ops()
    assert today.day_people.currentItem().text().startswith(("★ " + first_name, first_name))
    _click(qtbot, wait_ops, today.checkin_button)
    assert "arrived" in today.day_people.currentItem().text()
    with session_scope(engine, write=False) as s:
        c = s.exec(select(CheckIn)).one()
        assert c.volunteer_id == members[0].volunteer_id and c.check_in_at is not None
    # a finding from the patrol, with a desk record
    qtbot.mouseClick(today.finding_button, Qt.MouseButton.LeftButton)
    dlg = page.last_dialog
    dlg.category.setCurrentIndex(dlg.category.findData("ebike_charging"))
    dlg.location.setText("3栋2单元楼道")
    _click(qtbot, wait_ops, dlg.save_button())
    with session_scope(engine, write=False) as s:
        f = s.exec(select(PatrolFinding)).one()
        assert f.shift_id == morning.id and f.desk_record_id is not None
    page.tabs.setCurrentIndex(3)
    wait_ops()
    assert page.findings_tab.findings_model.rowCount() == 1


def test_month_navigation_and_tomorrow_text(qtbot, page, engine, admin, wait_ops):
    _click(qtbot, wait_ops, page.next_button)
    assert page.month_label.text() == "2026-12" and page.month_tab.grid.rowCount() == 31
    _click(qtbot, wait_ops, page.prev_button)
    _click(qtbot, wait_ops, page.prev_button)
    assert page.month_label.text() == "2026-10"
    _click(qtbot, wait_ops, page.text_button)
    assert page.month_tab.explain.toPlainText().startswith("[小红帽巡逻队] 11/11 Wednesday patrols")
    page.last_box.close()


def test_roster_and_sign_in_sheet_open_in_their_previews_and_excel_is_saved(qtbot, page, engine, tmp_path, wait_ops):
    _click(qtbot, wait_ops, page.generate_button)
    roster = page.print_roster()
    qtbot.waitUntil(lambda: roster.paper is not None, timeout=20000)
    assert roster.pages_label.text() == "1 page(s), A4 landscape"  # one grid, one page
    assert "patrolroster" in pdf_pages(roster.paper.data)[0]  # English interface; Chinese: tests/test_papers_language.py
    sheet = page.print_sign_in_sheet()
    qtbot.waitUntil(lambda: sheet.paper is not None, timeout=20000)
    assert "patrolsign-insheet" in pdf_pages(sheet.paper.data)[0] and "2026-11-10Tuesday" in pdf_pages(sheet.paper.data)[0]
    page.export_to(str(tmp_path / "r.xlsx"))
    wait_ops()
    assert (tmp_path / "r.xlsx").stat().st_size > 1000
    page.last_box.close()


def test_todays_papers_open_from_the_rosters_page_for_today(qtbot, page, wait_ops):
    from desktop_app.ui.printing import TodaysPapers

    _click(qtbot, wait_ops, page.today_button)
    [dialog] = [d for d in open_dialogs(page) if isinstance(d, TodaysPapers)]
    assert dialog.isVisible() and dialog.day.date().toString("yyyy-MM-dd") == "2026-11-10"
    assert [c.text() for c in dialog.checks.values()] == ["1. Kitchen sheet", "2. Route sheets", "3. Meal labels",
                                                           "4. Patrol sign-in sheet"]
    dialog.close()


@pytest.mark.slow  # a private CUPS server (tests/cups_server.py)
def test_roster_and_sign_in_sheet_print_as_previewed(qtbot, page, cups_printer, monkeypatch, wait_ops):
    _click(qtbot, wait_ops, page.generate_button)
    patch_print_dialog(monkeypatch)
    for button in (page.print_button, page.sheet_button):
        before = set(open_dialogs(page))
        _click(qtbot, wait_ops, button)
        [preview] = [d for d in open_dialogs(page) if d not in before]
        click_print(qtbot, preview, wait_ops)
        assert_printed_as_made(cups_printer, preview)


def _team_tab(page, wait_ops):
    page.tabs.setCurrentIndex(2)
    wait_ops()
    return page.team_tab


def test_volunteer_limits_availability_and_leave_from_the_team_tab(qtbot, page, engine, tmp_path, wait_ops):
    team = _team_tab(page, wait_ops)
    assert team.members_model.rowCount() == 30
    team.members.selectRow(0)
    member = team.selected_member()
    qtbot.mouseClick(team.edit_member_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.last_dialog
    assert dlg.per_month.value() == -1  # age default
    dlg.per_month.setValue(5)
    dlg.evenings.setCurrentIndex(dlg.evenings.findData(True))
    box = dlg.avail[(2, "morning")]
    box.setCurrentIndex(box.findData("no"))
    dlg.add_leave.setChecked(True)
    _click(qtbot, wait_ops, dlg.save_button())
    assert not (isValid(dlg) and dlg.isVisible())  # closed, and deleted
    from desktop_app.rosters.models import Availability, Leave

    with session_scope(engine, write=False) as s:
        rows = {m.volunteer_id: m for m in teams.team_members(s, actor=page.ctx.actor, team_id=page.team_id())}
        assert rows[member.volunteer_id].limits.max_per_month == 5 and rows[member.volunteer_id].limits.no_evenings
        assert s.exec(select(Availability)).one().weekday == 2
        assert s.exec(select(Leave)).one().start == date(2026, 11, 10)
    team.members.selectRow(0)
    team.write_ics(team.selected_member(), str(tmp_path / "v.ics"))
    wait_ops()
    assert (tmp_path / "v.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    page.last_box.close()


def test_one_dialog_per_volunteer(qtbot, page, wait_ops):
    from desktop_app.ui.widgets import open_dialogs

    team = _team_tab(page, wait_ops)
    team.members.selectRow(1)
    index = team.members_model.index(1, 0)
    team.members.doubleClicked.emit(index)  # a double-click: doubleClicked and a second request
    qtbot.mouseClick(team.edit_member_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert len([d for d in open_dialogs(team) if d.isVisible()]) == 1
    page.last_dialog.reject()


def test_daily_shift_times_swap_and_close_patrol(qtbot, page, engine, admin, wait_ops):
    from PySide6.QtCore import QTime

    team = _team_tab(page, wait_ops)
    qtbot.mouseClick(team.templates_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.last_dialog
    t, start, end, lo, hi, hol, lead, _qualifications = dlg.rows[0]
    assert t.period == "morning"
    start.setTime(QTime(7, 0))
    _click(qtbot, wait_ops, dlg.save_button())
    page.tabs.setCurrentIndex(0)
    _click(qtbot, wait_ops, page.generate_button)
    month = page.month_tab
    assert month.grid.horizontalHeaderItem(0).text().endswith("07:00–09:00")
    # two afternoon patrols, two people each; swap the members between them
    with session_scope(engine) as s:
        members = teams.team_members(s, actor=admin, team_id=page.team_id())
        leaders = [m.volunteer_id for m in members if m.role == "team_leader"]
        plain = [m.volunteer_id for m in members if m.role == "member"]
        a = s.exec(select(Shift).where(Shift.date == date(2026, 11, 3), Shift.period == "afternoon")).one().id
        b = s.exec(select(Shift).where(Shift.date == date(2026, 11, 12), Shift.period == "afternoon")).one().id
        for sid, vids in ((a, (leaders[0], plain[0])), (b, (leaders[1], plain[1]))):
            for vid in vids:
                moves.assign(s, actor=admin, shift_id=sid, volunteer_id=vid)
    page.refresh()
    wait_ops()
    month.select_cell(date(2026, 11, 3), "afternoon")
    wait_ops()
    month.people.setCurrentRow(1)  # the member (leader listed first)
    _click(qtbot, wait_ops, month.swap_button)
    assert month.swap_button.text().startswith("Swap with")
    month.select_cell(date(2026, 11, 12), "afternoon")
    wait_ops()
    month.people.setCurrentRow(1)
    _click(qtbot, wait_ops, month.swap_button)
    with session_scope(engine, write=False) as s:
        on_a = set(s.exec(select(Assignment.volunteer_id).where(Assignment.shift_id == a)).all())
        on_b = set(s.exec(select(Assignment.volunteer_id).where(Assignment.shift_id == b)).all())
    assert on_a == {leaders[0], plain[1]} and on_b == {leaders[1], plain[0]}
    # close a patrol on the day: checked-in people get the planned duration (07:00–09:00 now)
    with session_scope(engine) as s:
        day = date(2026, 11, 10)
        sh = s.exec(select(Shift).where(Shift.date == day, Shift.period == "morning")).one()
        moves.assign(s, actor=admin, shift_id=sh.id, volunteer_id=plain[2])
        attendance.check_in(s, actor=admin, shift_id=sh.id, volunteer_id=plain[2], at=datetime.combine(day, time(7, 0)).astimezone())
    page.tabs.setCurrentIndex(1)
    wait_ops()
    assert page.today_tab.day_shift.currentData() == sh.id
    _click(qtbot, wait_ops, page.today_tab.close_button)
    from desktop_app.rosters.models import HoursEntry

    with session_scope(engine, write=False) as s:
        assert [e.minutes for e in s.exec(select(HoursEntry))] == [120]


def test_hours_ledger_dialog_adds_a_correction_entry(qtbot, page, engine, admin, wait_ops):
    team = _team_tab(page, wait_ops)
    team.members.selectRow(3)
    member = team.selected_member()
    qtbot.mouseClick(team.hours_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.last_dialog
    assert dlg.entries.count() == 0
    dlg.minutes.setValue(45)
    _click(qtbot, wait_ops, dlg.save_button())  # no reason: refused, nothing written
    assert dlg.isVisible() and dlg.last_box is not None
    dlg.last_box.close()
    dlg.reason.setText("补录上周巡逻")
    _click(qtbot, wait_ops, dlg.save_button())
    assert not (isValid(dlg) and dlg.isVisible())  # closed, and deleted
    with session_scope(engine, write=False) as s:
        assert hours.hours_minutes(s, actor=admin, volunteer_id=member.volunteer_id) == 45
    rows = {team.members_model.row(i).volunteer_id: team.members_model.row(i) for i in range(team.members_model.rowCount())}
    assert rows[member.volunteer_id].hours_minutes == 45


@pytest.mark.parametrize("button", ["solveMonth", "generateShifts", "printRoster", "exportExcel"])
def test_a_station_without_a_team_is_told_to_create_one(qtbot, ctx, engine, admin, app_fonts, wait_ops, button):
    """"Fill the month" (自动排班) and the others on a new station: a message that says what to do, not nothing."""
    from PySide6.QtWidgets import QPushButton

    from desktop_app.rosters.ui.page import RostersPage

    w = RostersPage(ctx)
    qtbot.addWidget(w)
    w.show()
    wait_ops()
    assert w.team.count() == 0
    _click(qtbot, wait_ops, w.findChild(QPushButton, button))
    qtbot.waitUntil(lambda: w.last_box is not None, timeout=5000)
    assert "there is no team yet" in w.last_box.text() and "New team" in w.last_box.text()
    w.last_box.close()


def test_choosing_no_team_on_a_station_with_teams_is_refused(engine, admin):
    with session_scope(engine) as s:
        teams.create_team(s, actor=admin, name="红袖章", kind="patrol")
    from desktop_app.core.errors import ValidationError

    with session_scope(engine) as s, pytest.raises(ValidationError) as refused:
        shifts.generate_shifts(s, actor=admin, team_id=None, start=MONTH, end=date(2026, 11, 30))
    assert "choose at least one team" in str(refused.value.text())


def test_the_page_shown_again_reads_the_chosen_patrol_with_the_month(qtbot, page, monkeypatch, wait_ops):
    """Issue 21: the rosters page's revisit read the month, showed the grid, then read who is on the chosen
    patrol and who could cover in a second read — two waits one after the other. Now one read brings both."""
    from desktop_app.ui import ops

    month = page.month_tab
    _click(qtbot, wait_ops, page.generate_button)
    month.grid.setCurrentCell(2, 1)
    wait_ops()
    shown = (month.cell_title.text(), [month.cover.item(i).text() for i in range(month.cover.count())])
    assert month.cover.count() == 30
    asked: list[str | None] = []
    real_query = ops.query

    def query(parent, engine, fn, on_done=None, **kw):
        asked.append(kw.get("latest"))
        return real_query(parent, engine, fn, on_done, **kw)

    monkeypatch.setattr(ops, "query", query)
    page.refresh()  # the page shown again
    wait_ops()
    assert "cell" not in asked, asked
    assert (month.cell_title.text(), [month.cover.item(i).text() for i in range(month.cover.count())]) == shown
    month.grid.setCurrentCell(3, 1)  # another patrol clicked: read on its own, as before
    wait_ops()
    assert "cell" in asked and month.cell_title.text().startswith("2026-11-04")


def test_the_page_shown_again_reads_only_the_tab_shown(qtbot, page, monkeypatch, wait_ops):
    """Issue 21: a visit of the rosters page read every tab built so far, one after the other on the lane
    (120 ms on the large database before the month could answer). The others read when shown next."""
    from desktop_app.ui import ops

    for i in [*range(1, page.tabs.count()), 0]:  # every tab built, the month shown
        page.tabs.setCurrentIndex(i)
        wait_ops()
    assert len(page.built_tabs()) == page.tabs.count()
    asked: list = []
    real_query = ops.query

    def query(parent, engine, fn, on_done=None, **kw):
        asked.append(parent)
        return real_query(parent, engine, fn, on_done, **kw)

    monkeypatch.setattr(ops, "query", query)
    page.refresh()
    wait_ops()
    hidden = [t for t in page.built_tabs() if t is not page.month_tab]
    assert not [p for p in asked if p in hidden], asked
    asked.clear()
    page.tabs.setCurrentIndex(4)  # the hours tab: read now that it is shown, once
    wait_ops()
    assert page.hours_tab in asked and len([p for p in asked if p is page.hours_tab]) == 1
    asked.clear()
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(4)  # nothing changed meanwhile: no read
    wait_ops()
    assert page.hours_tab not in asked
