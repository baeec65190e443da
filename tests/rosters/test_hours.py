"""Issue 18 items 4 and 5: hours are never lost or altered.

A patrol nobody checked out of is closed at its scheduled end two hours later and flagged; a coordinator
confirms it or corrects the time (a new entry). The multipliers have a screen. Every volunteer's hours not
yet recorded in the national volunteer system are listed with the 10-working-day deadline, reminded on the
home page, exported in the national system's columns and marked recorded — certificate or not."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt, QTime
from sqlalchemy import text
from sqlmodel import select

from desktop_app import cli
from desktop_app.core import clock
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, PermissionDenied, ValidationError
from desktop_app.rosters import attendance, forgotten, moves, national, settings, shifts
from desktop_app.rosters.models import CheckIn, HoursEntry, Shift
from tests.rosters.helpers import make_team


def _at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm)).astimezone()


def _patrol(engine, admin, team_id: int, vid: int, day: date, *, checked_in: time | None = time(7, 35),
            checked_out: time | None = None) -> Shift:
    """The team's morning patrol of ``day`` (07:30–09:00) with ``vid`` on it, checked in / out as given."""
    with session_scope(engine) as s:
        shifts.generate_shifts(s, actor=admin, team_id=team_id, start=day, end=day, today=day)
        sh = s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date == day, Shift.period == "morning")).one()
        moves.assign(s, actor=admin, shift_id=sh.id, volunteer_id=vid)
        if checked_in:
            attendance.check_in(s, actor=admin, shift_id=sh.id, volunteer_id=vid, at=_at(day, checked_in.hour, checked_in.minute))
        if checked_out:
            attendance.check_out(s, actor=admin, shift_id=sh.id, volunteer_id=vid, at=_at(day, checked_out.hour, checked_out.minute))
        return sh


def _entries(engine, vid: int) -> list[HoursEntry]:
    with session_scope(engine, write=False) as s:
        return list(s.exec(select(HoursEntry).where(HoursEntry.volunteer_id == vid).order_by(HoursEntry.id)))


@pytest.fixture
def team(engine, admin):
    return make_team(engine, admin, members=6, leaders=2)


def test_a_forgotten_check_out_is_closed_at_the_scheduled_end_after_the_grace(engine, admin, team):
    team_id, vids = team
    day = date(2026, 10, 1)  # National Day: the holiday multiplier applies
    sh = _patrol(engine, admin, team_id, vids[0], day)
    with session_scope(engine) as s:
        assert forgotten.close_forgotten(s, actor=admin, now=_at(day, 10, 59)) == []  # within two hours of 09:00
    with session_scope(engine) as s:
        made = forgotten.close_forgotten(s, actor=admin, now=_at(day, 11, 1))
        assert len(made) == 1
        assert forgotten.close_forgotten(s, actor=admin, now=_at(day, 12)) == []  # once
    [e] = _entries(engine, vids[0])
    assert (e.minutes, e.multiplier, e.credited_minutes, e.reason) == (85, 1.5, 128, "auto-closed")
    with session_scope(engine, write=False) as s:
        row = s.exec(select(CheckIn).where(CheckIn.shift_id == sh.id)).one()
        assert row.auto_closed and row.check_out_at == _at(day, 9) and row.reviewed_at is None
        [waiting] = forgotten.to_review(s, actor=admin)
        assert (waiting.name, waiting.minutes, waiting.day) == (row and waiting.name, 85, day)
        assert forgotten.waiting(s, actor=admin) == 1


def test_the_coordinator_confirms_or_corrects_with_a_new_entry(engine, admin, team, make_actor):
    team_id, vids = team
    day = date(2026, 11, 2)
    a = _patrol(engine, admin, team_id, vids[0], day)
    b = _patrol(engine, admin, team_id, vids[1], day + timedelta(days=1))
    with session_scope(engine) as s:
        forgotten.close_forgotten(s, actor=admin, now=_at(day + timedelta(days=2), 8))
        first, second = forgotten.to_review(s, actor=admin)
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        forgotten.confirm(s, actor=make_actor("front_desk"), checkin_id=first.checkin_id)
    with session_scope(engine) as s:
        forgotten.confirm(s, actor=admin, checkin_id=first.checkin_id)
    with pytest.raises(ConflictError, match="already confirmed"), session_scope(engine) as s:
        forgotten.confirm(s, actor=admin, checkin_id=first.checkin_id)
    with pytest.raises(ValidationError, match="between the check-in"), session_scope(engine) as s:
        forgotten.correct(s, actor=admin, checkin_id=second.checkin_id, left_at=_at(b.date, 7))
    with session_scope(engine) as s:
        forgotten.correct(s, actor=admin, checkin_id=second.checkin_id, left_at=_at(b.date, 8, 30), reason="身体不适提前离开")
        assert forgotten.to_review(s, actor=admin) == []
    auto, fix = _entries(engine, vids[1])
    assert (auto.minutes, auto.reason) == (85, "auto-closed")  # the first entry is never changed
    assert (fix.minutes, fix.credited_minutes, fix.corrects_id, fix.reason) == (-30, -30, auto.id, "身体不适提前离开")
    assert [e.minutes for e in _entries(engine, vids[0])] == [85]
    assert a.id != b.id


def test_hours_tab_confirms_corrects_and_sets_the_multipliers(qtbot, ctx, engine, admin, team, app_fonts, wait_ops):
    from desktop_app.rosters.ui.page import RostersPage

    team_id, vids = team
    day = clock.today() - timedelta(days=3)
    _patrol(engine, admin, team_id, vids[0], day)
    _patrol(engine, admin, team_id, vids[1], day - timedelta(days=1))
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    page.tabs.setCurrentIndex(1)  # the day's tab closes what was forgotten as it is read
    wait_ops()
    page.tabs.setCurrentIndex(4)
    wait_ops()
    tab = page.hours_tab
    assert tab.review.rowCount() == 2 and tab.left_at.time() == QTime(9, 0)
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert tab.review.rowCount() == 1
    tab.left_at.setTime(QTime(8, 5))
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert tab.review.rowCount() == 0
    assert [e.minutes for e in _entries(engine, vids[0])] == [85, -55]
    assert tab.holiday.value() == 1.5 and tab.evening.value() == 1.0
    tab.holiday.setValue(2.0)
    qtbot.mouseClick(tab.save_multipliers, Qt.MouseButton.LeftButton)
    wait_ops()
    with session_scope(engine, write=False) as s:
        sh = s.exec(select(Shift).where(Shift.is_holiday == True)).first() or Shift(  # noqa: E712
            team_id=team_id, date=day, period="morning", starts_at=time(7, 30), ends_at=time(9), is_holiday=True)
        assert settings.multiplier_for(s, sh, admin.station_id) == 2.0
    assert tab.holiday.value() == 2.0


# --- the national volunteer system -----------------------------------------------------------------


def test_every_hours_entry_is_listed_with_its_deadline_until_recorded(engine, admin, team, make_actor, tmp_path):
    team_id, vids = team
    _patrol(engine, admin, team_id, vids[0], date(2026, 9, 29), checked_out=time(9))  # before National Day
    _patrol(engine, admin, team_id, vids[1], date(2026, 11, 2), checked_out=time(8, 40))
    with session_scope(engine) as s:  # the first has an ID number on file
        s.execute(text("UPDATE resident SET id_number = '11010519491231002X' WHERE id = "
                       "(SELECT resident_id FROM roster_volunteer WHERE id = :v)"), {"v": vids[0]})
    with session_scope(engine, write=False) as s:
        rows = national.unrecorded(s, actor=admin, today=date(2026, 11, 12))
    assert [(r.served_on, r.deadline) for r in rows] == [
        (date(2026, 9, 29), date(2026, 10, 19)),  # 10 working days around the National Day week (10-10 worked)
        (date(2026, 11, 2), date(2026, 11, 16)),
    ]
    assert [(r.overdue, r.due_soon) for r in rows] == [(True, False), (False, True)]
    assert rows[0].minutes == 85 and rows[0].id_number == "11010519491231002X" and "1949" not in rows[0].id_masked
    with session_scope(engine, write=False) as s:
        due = national.due(s, actor=admin, today=date(2026, 11, 12))
    assert (due.unrecorded, due.overdue, due.due_soon, due.first_deadline) == (2, 1, 1, date(2026, 10, 19))
    target = tmp_path / "national.xlsx"
    with session_scope(engine) as s:
        assert national.export_unrecorded(s, actor=admin, target=target, today=date(2026, 11, 12)) == 2
    ws = load_workbook(target).active
    header = [c.value for c in ws[3]]  # under the title and the station
    assert header == national.EXPORT_COLUMNS
    first = [c.value for c in ws[4]]
    assert first[5:9] == ["2026-09-29", "07:30", "09:00", round(85 / 60, 2)] and first[12] == "2026-10-19"
    assert first[4] == "小红帽巡逻队 早班" and first[9] == "社区治安巡逻"
    assert first[2:4] == ["居民身份证", "11010519491231002X"]
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        national.mark_recorded(s, actor=make_actor("front_desk"), entry_ids=[rows[0].entry_id])
    with pytest.raises(ValidationError), session_scope(engine) as s:
        national.mark_recorded(s, actor=admin, entry_ids=[])
    with session_scope(engine) as s:
        assert national.mark_recorded(s, actor=admin, entry_ids=[rows[0].entry_id, rows[0].entry_id]) == 1
        assert national.mark_recorded(s, actor=admin, entry_ids=[rows[0].entry_id]) == 0  # already
    with session_scope(engine, write=False) as s:
        assert [r.served_on for r in national.unrecorded(s, actor=admin, today=date(2026, 11, 12))] == [date(2026, 11, 2)]


def test_entries_of_another_station_are_neither_listed_nor_marked(engine, two_stations):
    st = two_stations
    a_admin, b_admin = st.actor("admin", st.a), st.actor("admin", st.b)
    team_a, vids_a = make_team(engine, a_admin, members=3, leaders=1, name="甲队")
    team_b, vids_b = make_team(engine, b_admin, members=3, leaders=1, name="乙队")
    _patrol(engine, a_admin, team_a, vids_a[0], date(2026, 11, 2), checked_out=time(9))
    _patrol(engine, b_admin, team_b, vids_b[0], date(2026, 11, 2), checked_out=time(9))
    with session_scope(engine, write=False) as s:
        [mine] = national.unrecorded(s, actor=a_admin)
        [theirs] = national.unrecorded(s, actor=b_admin)
        assert len(national.unrecorded(s, actor=st.office)) == 2
    with session_scope(engine) as s:
        assert national.mark_recorded(s, actor=a_admin, entry_ids=[theirs.entry_id, mine.entry_id]) == 1
    with session_scope(engine, write=False) as s:
        assert national.unrecorded(s, actor=a_admin) == [] and len(national.unrecorded(s, actor=b_admin)) == 1


def test_the_national_tab_and_the_home_page(qtbot, ctx, engine, admin, team, app_fonts, wait_ops, tmp_path, db_arg, capsys):
    from desktop_app.dashboard.ui.page import DashboardPage
    from desktop_app.rosters.ui.page import RostersPage

    team_id, vids = team
    old = clock.today() - timedelta(days=40)
    _patrol(engine, admin, team_id, vids[0], old, checked_out=time(9))
    _patrol(engine, admin, team_id, vids[1], old, checked_out=time(9))
    _patrol(engine, admin, team_id, vids[2], clock.today() - timedelta(days=3))  # never checked out
    home = DashboardPage(ctx)
    qtbot.addWidget(home)
    home.refresh()
    wait_ops()
    text = home.reminders.text()
    assert home.reminders.isVisibleTo(home)
    assert "3 volunteer hours entries are not yet recorded in the national volunteer system: 2 past" in text
    assert "1 patrol(s) nobody checked out of were closed" in text  # the home page closed it as it read
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    page.tabs.setCurrentIndex(5)
    wait_ops()
    tab = page.national_tab
    assert tab.table.rowCount() == 3 and "2 past the deadline" in tab.summary.text()
    tab.table.selectRow(0)
    tab.recorded_on.setDate(QDate.currentDate())
    qtbot.mouseClick(tab.mark_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert tab.table.rowCount() == 2
    tab.export_to(str(tmp_path / "n.csv"))
    wait_ops()
    assert (tmp_path / "n.csv").read_text(encoding="utf-8-sig").splitlines()[0].startswith("序号,志愿者姓名,证件类型")
    page.last_box.close()
    assert cli.main(["hours-national", "--out", str(tmp_path / "n.xlsx"), "--db", db_arg]) == 1  # one is overdue
    assert "2 hours entries not yet recorded" in capsys.readouterr().out


def test_the_commands_speak_the_language_asked_for(qapp, engine, admin, team, tmp_path, db_arg, capsys):
    """A scheduled `patrols-close` and `hours-national` on a Chinese PC print Chinese (the station reads the log)."""
    from desktop_app.ui import translation

    team_id, vids = team
    _patrol(engine, admin, team_id, vids[0], clock.today() - timedelta(days=3))  # never checked out
    try:
        assert cli.main(["--lang", "zh_CN", "patrols-close", "--db", db_arg]) == 0
        assert capsys.readouterr().out.strip() == "已按计划结束时间自动结束1次无人签退的巡逻；请协调员在“志愿排班 → 服务时长”中确认。"
        out = tmp_path / "全国系统.csv"
        assert cli.main(["--lang", "zh_CN", "hours-national", "--out", str(out), "--db", db_arg]) == 0
        assert capsys.readouterr().out.strip() == (f"已将1条尚未录入全国系统的时长写入 {out}：0条已超过10个工作日的录入期限，"
                                                   "0条将在3个工作日内到期。")
    finally:
        translation.install(qapp, "en")
    assert cli.main(["--lang", "en", "patrols-close", "--db", db_arg]) == 0
    assert capsys.readouterr().out.startswith("0 check-in(s) closed at the patrol's scheduled end")


def test_deadlines_in_a_year_not_entered_are_flagged_and_follow_the_notice(qtbot, ctx, engine, admin, team, app_fonts,
                                                                           wait_ops, tmp_path, db_arg, capsys):
    """Hours served on Mon 2026-12-28 are due in the national system 10 working days later, in 2027: before the
    2027 notice is entered the tab and the command say that deadline counts Monday–Friday only (2027-01-11);
    after it, 元旦 (Fri 01-01) moves it to 2027-01-12 and the warning is gone."""
    from desktop_app import admin as administration
    from desktop_app import features
    from desktop_app.rosters.ui.page import RostersPage
    from tests.admin.test_calendar_2027 import NOTICE_2027

    team_id, vids = team
    _patrol(engine, admin, team_id, vids[0], date(2026, 12, 28), checked_out=time(9))
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    page.tabs.setCurrentIndex(5)
    wait_ops()
    tab = page.national_tab
    assert tab.table.text(0, 0) == "2027-01-11"
    assert tab.calendar_note.isVisibleTo(tab) and "holidays of 2027 are not entered" in tab.calendar_note.text()
    assert cli.main(["hours-national", "--out", str(tmp_path / "n.csv"), "--db", db_arg]) == 0
    assert "holidays of 2027 are not entered" in capsys.readouterr().err
    with session_scope(engine) as s:
        administration.enter_notice(s, actor=admin, text=NOTICE_2027, followers=features.calendar_followers,
                                    today=date(2026, 12, 29))
    page.refresh()
    wait_ops()
    assert tab.table.text(0, 0) == "2027-01-12" and not tab.calendar_note.isVisibleTo(tab)
    assert cli.main(["hours-national", "--out", str(tmp_path / "n.csv"), "--db", db_arg]) == 0
    assert "not entered" not in capsys.readouterr().err


def test_the_export_is_named_in_the_interface_s_language(qtbot, qapp, ctx, engine, admin, team, app_fonts, wait_ops,
                                                        tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.rosters.ui.page import RostersPage
    from desktop_app.ui import translation

    team_id, vids = team
    _patrol(engine, admin, team_id, vids[0], clock.today() - timedelta(days=2), checked_out=time(9))
    asked: list[str] = []

    def save_as(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / suggested), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    translation.install(qapp, "zh_CN")
    try:
        page = RostersPage(ctx)
        qtbot.addWidget(page)
        page.show()
        wait_ops()
        page.tabs.setCurrentIndex(5)
        wait_ops()
        page.national_tab.export()
        wait_ops()
    finally:
        translation.install(qapp, "en")
    assert asked == [f"全国志愿服务信息系统待录入时长-{clock.today():%Y%m%d}.xlsx"]
    rows = list(load_workbook(tmp_path / asked[0]).active.iter_rows(values_only=True))
    assert rows[2][:2] == ("序号", "志愿者姓名") and len(rows) == 4  # title, station, columns, the one entry
    page.last_box.close()


def _until_waiting_on_a_lock(engine, thread) -> None:
    """Until ``thread``'s transaction waits for a lock this test holds (PostgreSQL), or it ended."""
    import time as clock_time

    for _ in range(600):  # a bound, not a measurement: the other transaction gets there in milliseconds
        if not thread.is_alive():
            return
        with engine.connect() as conn:
            if conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                 "AND wait_event_type = 'Lock'")).scalar():
                return
        clock_time.sleep(0.05)


def test_two_pcs_closing_the_same_check_in_credit_it_once(engine, admin, team):
    """On a sub-district server every station PC runs the automatic close as its pages refresh, and someone may
    check the volunteer out by hand at that moment: whoever comes second finds the check-in closed, and the
    hours (an append-only ledger: a double credit could never be taken back) are credited once.
    SQLite queues writers (BEGIN IMMEDIATE), so there the second simply comes after the first."""
    import threading

    team_id, vids = team
    yesterday = clock.today() - timedelta(days=1)
    _patrol(engine, admin, team_id, vids[0], yesterday)
    _patrol(engine, admin, team_id, vids[1], yesterday)
    postgres = engine.dialect.name == "postgresql"
    with session_scope(engine) as a:
        first = forgotten.close_forgotten(a, actor=admin)
        if postgres:  # a second PC while the first has not committed yet
            with session_scope(engine) as b:
                b.connection().exec_driver_sql("SET LOCAL lock_timeout = '10s'")
                second = forgotten.close_forgotten(b, actor=admin)
    if not postgres:
        with session_scope(engine) as b:
            second = forgotten.close_forgotten(b, actor=admin)
    assert len(first) == 2 and second == []
    assert [len(_entries(engine, v)) for v in vids[:2]] == [1, 1]

    sh = _patrol(engine, admin, team_id, vids[2], yesterday - timedelta(days=1))
    refused: list[Exception] = []

    def by_hand() -> None:
        try:
            with session_scope(engine) as b:
                attendance.check_out(b, actor=admin, shift_id=sh.id, volunteer_id=vids[2], at=_at(sh.date, 8, 50))
        except ConflictError as exc:
            refused.append(exc)

    hand = threading.Thread(target=by_hand)
    with session_scope(engine) as a:
        assert len(forgotten.close_forgotten(a, actor=admin)) == 1
        if postgres:
            hand.start()
            _until_waiting_on_a_lock(engine, hand)
    if not postgres:
        hand.start()
    hand.join()
    assert len(refused) == 1 and "checked out already" in refused[0].text()
    assert [(e.reason, e.minutes) for e in _entries(engine, vids[2])] == [(forgotten.AUTO_CLOSED, 85)]


def test_two_coordinators_marking_the_same_entries_record_them_once(engine, admin, team):
    """Two PCs mark the same hours as recorded in the national system at the same moment: the second is told to
    look again (PostgreSQL: it waits for the first, then its insert meets the first's mark); one mark stays."""
    import threading

    team_id, vids = team
    _patrol(engine, admin, team_id, vids[0], clock.today() - timedelta(days=2), checked_out=time(9))
    (entry,) = _entries(engine, vids[0])
    postgres = engine.dialect.name == "postgresql"
    outcome: list = []

    def second_pc() -> None:
        try:
            with session_scope(engine) as b:
                outcome.append(national.mark_recorded(b, actor=admin, entry_ids=[entry.id]))
        except ConflictError as exc:
            outcome.append(exc.text())

    other = threading.Thread(target=second_pc)
    with session_scope(engine) as a:
        assert national.mark_recorded(a, actor=admin, entry_ids=[entry.id]) == 1
        if postgres:
            other.start()
            _until_waiting_on_a_lock(engine, other)
    if not postgres:
        other.start()
    other.join()
    assert outcome == (["Someone else marked some of these entries as recorded just now; look at the list again."]
                       if postgres else [0])
    with session_scope(engine, write=False) as s:
        assert national.unrecorded(s, actor=admin) == []
