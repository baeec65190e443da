"""The home page's count of hours not yet recorded in the national system (issue 21).

``national.due`` counts in the database, per day the deadline runs from, and finds the overdue and the soon
due with two binary searches over those days; the national tab's list (``national.unrecorded``) works out
every entry's deadline one by one. Both must say the same for any mix of credits, corrections and hand
entries, made on the day or later, across holidays. With the home page's memo, the counts are read again
when an entry or a record is added, and only then."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.memo import FigureMemo
from desktop_app.rosters import moves, national, shifts
from desktop_app.rosters.models import HoursEntry, Shift
from tests.rosters.helpers import make_team

START = date(2026, 9, 1)  # National Day's week and its make-up working days fall in what follows


def _shift(engine, admin, team_id: int, vid: int, day: date) -> int:
    with session_scope(engine) as s:
        shifts.generate_shifts(s, actor=admin, team_id=team_id, start=day, end=day, today=day)
        sh = s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date == day, Shift.period == "morning")).one()
        moves.assign(s, actor=admin, shift_id=sh.id, volunteer_id=vid)
        return sh.id


def _counts(due: national.NationalDue) -> tuple:
    return due.unrecorded, due.overdue, due.due_soon, due.first_deadline


def _reference(rows: list[national.Unrecorded], today: date) -> tuple:
    """The same counts from the list's deadlines, one entry at a time."""
    return (len(rows), sum(r.overdue for r in rows), sum(r.due_soon for r in rows),
            min((r.deadline for r in rows), default=None))


ENTRY = st.tuples(
    st.sampled_from(["credit", "correction", "hand"]),
    st.integers(0, 120),  # served, days after START
    st.integers(0, 30),  # made, days after it was served
    st.integers(-60, 120).filter(bool),  # minutes (a correction may take time off)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, min_size=1, max_size=12), today_offset=st.integers(0, 160), record=st.integers(0, 3))
def test_the_count_agrees_with_the_list_of_every_entry_and_its_deadline(engine, admin, entries, today_offset, record):
    from desktop_app.rosters.models import Volunteer

    with session_scope(engine, write=False) as s:
        vid = s.exec(select(Volunteer.id)).first()
    if vid is None:
        team_id, (vid, *_rest) = make_team(engine, admin, members=2, leaders=1)
    with session_scope(engine) as s:
        sh = s.exec(select(Shift)).first()
    shift_id = sh.id if sh is not None else _shift(engine, admin, team_id, vid, START)
    with session_scope(engine) as s:  # straight into the ledger (append-only: the examples add up)
        for kind, served, made, minutes in entries:
            served_on = START + timedelta(days=served)
            created = datetime.combine(served_on + timedelta(days=made), time(23, 30)).astimezone()  # late: UTC is another day
            e = HoursEntry(volunteer_id=vid, shift_id=None if kind == "hand" else shift_id, served_on=served_on,
                           minutes=minutes, credited_minutes=minutes, reason="test", created_at=created)
            if kind == "correction":
                e.corrects_id = s.exec(select(HoursEntry.id)).first()
            s.add(e)
    today = START + timedelta(days=today_offset)
    with session_scope(engine) as s:
        if record:
            ids = [r.entry_id for r in national.unrecorded(s, actor=admin, today=today)][:record]
            national.mark_recorded(s, actor=admin, entry_ids=ids, on=min(today, date.today())) if ids else None
    with session_scope(engine, write=False) as s:
        expected = _reference(national.unrecorded(s, actor=admin, today=today), today)
        assert _counts(national.due(s, actor=admin, today=today)) == expected
        memo = FigureMemo()
        assert _counts(national.due(s, actor=admin, today=today, memo=memo)) == expected
        # the edges: today on a deadline, the day before and after it, and on the last "due soon" day
        edges = {d + timedelta(days=k) for d in {r.deadline for r in national.unrecorded(s, actor=admin)}
                 for k in (-4, -3, -1, 0, 1)}
        for day in sorted(edges)[:20]:
            expected = _reference(national.unrecorded(s, actor=admin, today=day), day)
            assert _counts(national.due(s, actor=admin, today=day, memo=memo)) == expected, day  # memo: same counts


def _reads(engine, work, *words: str) -> int:
    """How many statements ``work()`` runs that contain every one of ``words``."""
    seen = []

    def keep(_conn, _cursor, statement, *_args) -> None:
        if all(w in statement for w in words):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", keep)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    return len(seen)


def _grouped_reads(engine, work) -> int:
    def in_a_transaction() -> None:
        with session_scope(engine) as s:
            work(s)

    return _reads(engine, in_a_transaction, "FROM roster_hours_entry", "GROUP BY")


def test_the_memo_reads_the_entries_again_only_when_an_entry_or_a_record_was_added(engine, admin):
    team_id, vids = make_team(engine, admin, members=2, leaders=1)
    shift_id = _shift(engine, admin, team_id, vids[0], START)
    memo = FigureMemo()
    today = START + timedelta(days=3)

    def add_entry(s) -> None:
        s.add(HoursEntry(volunteer_id=vids[0], shift_id=shift_id, served_on=START, minutes=90, credited_minutes=90,
                         reason="test"))

    def due(s):
        return national.due(s, actor=admin, today=today, memo=memo)

    assert _grouped_reads(engine, add_entry) == 0
    assert _grouped_reads(engine, due) == 1
    assert _grouped_reads(engine, due) == 0  # nothing new: the page's memo
    assert _grouped_reads(engine, add_entry) == 0
    assert _grouped_reads(engine, lambda s: None) == 0
    with session_scope(engine, write=False) as s:
        assert due(s).unrecorded == 2  # read again: an entry was added
    with session_scope(engine) as s:
        first = national.unrecorded(s, actor=admin, today=today)[0]
        national.mark_recorded(s, actor=admin, entry_ids=[first.entry_id], on=START + timedelta(days=1))
    with session_scope(engine, write=False) as s:
        assert due(s).unrecorded == 1  # and again: a record was added
    assert _grouped_reads(engine, due) == 0


def _list_reads(engine, work) -> int:
    return _reads(engine, work, "FROM roster_hours_entry", "ORDER BY roster_hours_entry.served_on")


def test_the_tab_shown_again_reads_the_list_only_when_something_changed(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    """Issue 21: the national tab read up to 5,000 entries each time it was shown (200-300 ms on the large
    database); now again only after an entry or a record was added, keeping the selection otherwise."""
    from desktop_app.rosters.ui.page import RostersPage

    team_id, vids = make_team(engine, admin, members=2, leaders=1)
    shift_id = _shift(engine, admin, team_id, vids[0], START)
    with session_scope(engine) as s:
        for minutes in (90, 60):
            s.add(HoursEntry(volunteer_id=vids[0], shift_id=shift_id, served_on=START, minutes=minutes,
                             credited_minutes=minutes, reason="test"))
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    national_index = 5  # built when first shown

    def visit() -> None:  # the page shown again (refreshed) on another tab, then this one
        page.tabs.setCurrentIndex(0)
        page.refresh()
        wait_ops()
        page.tabs.setCurrentIndex(national_index)
        wait_ops()

    assert _list_reads(engine, visit) == 1
    tab = page.national_tab
    assert tab.table.rowCount() == 2
    tab.table.selectRow(1)
    assert _list_reads(engine, visit) == 0  # nothing new: the tab's memo, the selection as it was
    assert tab.selected_ids() == [tab.rows[1].entry_id]
    with session_scope(engine) as s:  # another PC credits a patrol
        s.add(HoursEntry(volunteer_id=vids[1], shift_id=shift_id, served_on=START, minutes=30, credited_minutes=30,
                         reason="test"))
    assert _list_reads(engine, visit) == 1 and tab.table.rowCount() == 3
