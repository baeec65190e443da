"""Issue 21 (no page stalls the GUI thread): the rosters pages refresh without needless work.

The national system tab shows its entries through a model (a cell item per entry stalled the GUI thread
250–320 ms on a big station) and reads them only while it is the tab shown. Closing forgotten check-outs is
a write only when there is one to close: every write makes the reports page read its figures again."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from sqlmodel import select

from desktop_app.core import clock
from desktop_app.core.db import session_scope
from desktop_app.rosters import forgotten
from desktop_app.rosters.models import CheckIn
from desktop_app.ui import ops
from desktop_app.ui.lazy_model import ListTableModel
from desktop_app.ui.widgets import RowTable
from tests.rosters.helpers import make_team
from tests.rosters.test_hours import _at, _patrol

NATIONAL = 5  # the rosters page's tab


@pytest.fixture
def team(engine, admin):
    return make_team(engine, admin, members=6, leaders=2)


def _open_check_ins(engine) -> int:
    with session_scope(engine, write=False) as s:
        return len(s.exec(select(CheckIn).where(CheckIn.check_out_at == None)).all())  # noqa: E711


def test_forgotten_due_counts_what_close_forgotten_would_close(engine, admin, team):
    team_id, vids = team
    day = date(2026, 10, 1)
    _patrol(engine, admin, team_id, vids[0], day)  # 07:30–09:00, never checked out
    _patrol(engine, admin, team_id, vids[1], day, checked_out=time(9))
    with session_scope(engine, write=False) as s:
        assert forgotten.forgotten_due(s, actor=admin, now=_at(day, 10, 59)) == 0  # within the two hours' grace
        assert forgotten.forgotten_due(s, actor=admin, now=_at(day, 11, 1)) == 1
    with session_scope(engine) as s:
        assert len(forgotten.close_forgotten(s, actor=admin, now=_at(day, 11, 1))) == 1
    with session_scope(engine, write=False) as s:
        assert forgotten.forgotten_due(s, actor=admin, now=_at(day, 12)) == 0


def test_a_refresh_with_nothing_to_close_writes_nothing(qtbot, ctx, engine, admin, team, wait_ops):
    """The home page and the rosters page's day tab close forgotten check-outs as they read; when there is
    none, no write happens (ops.write_generation stays: the reports page's memo stays fresh)."""
    from desktop_app.dashboard.ui.page import DashboardPage
    from desktop_app.rosters.ui.page import RostersPage

    team_id, vids = team
    _patrol(engine, admin, team_id, vids[0], clock.today() - timedelta(days=3), checked_out=time(9))
    home = DashboardPage(ctx)
    qtbot.addWidget(home)
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    page.tabs.setCurrentIndex(1)  # today
    wait_ops()
    assert page.today_tab is not None
    before = ops.write_generation()
    home.refresh()
    wait_ops()
    page.refresh()
    wait_ops()
    assert ops.write_generation() == before

    # one to close: the next refresh closes it (a write), and the one after writes nothing again
    _patrol(engine, admin, team_id, vids[1], clock.today() - timedelta(days=2))
    assert _open_check_ins(engine) == 1
    page.refresh()
    wait_ops()
    assert _open_check_ins(engine) == 0 and ops.write_generation() == before + 1
    home.refresh()
    wait_ops()
    page.refresh()
    wait_ops()
    assert ops.write_generation() == before + 1

    _patrol(engine, admin, team_id, vids[2], clock.today() - timedelta(days=1))
    home.refresh()
    wait_ops()
    assert _open_check_ins(engine) == 0 and ops.write_generation() == before + 2
    assert "2 patrol(s) nobody checked out of were closed" in home.reminders.text()  # read after this closing


def test_the_national_tab_reads_only_while_shown(qtbot, ctx, engine, admin, team, wait_ops, monkeypatch):
    from desktop_app.rosters.ui import national_tab
    from desktop_app.rosters.ui.page import RostersPage

    team_id, vids = team
    _patrol(engine, admin, team_id, vids[0], clock.today() - timedelta(days=40), checked_out=time(9))
    reads: list[int] = []
    real = national_tab.unrecorded

    def counted(s, **kw):
        reads.append(1)
        return real(s, **kw)

    monkeypatch.setattr(national_tab, "unrecorded", counted)
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    page.tabs.setCurrentIndex(NATIONAL)
    wait_ops()
    tab = page.national_tab
    assert len(reads) == 1 and tab.table.rowCount() == 1
    page.tabs.setCurrentIndex(0)
    wait_ops()
    page.refresh()  # another visit of the rosters page, another team or month: the hidden tab does not read
    wait_ops()
    page.refresh()
    wait_ops()
    assert len(reads) == 1
    _patrol(engine, admin, team_id, vids[1], clock.today() - timedelta(days=30), checked_out=time(9))
    page.tabs.setCurrentIndex(NATIONAL)  # shown again: read once, what changed meanwhile is there
    wait_ops()
    assert len(reads) == 2 and tab.table.rowCount() == 2
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(NATIONAL)  # nothing asked meanwhile: no read
    wait_ops()
    assert len(reads) == 2
    page.refresh()  # shown: reads
    wait_ops()
    assert len(reads) == 3


def test_the_national_tab_is_a_model_view(qtbot, ctx, engine, admin, team, wait_ops, tmp_path):
    """The entries are a model's rows (only those on screen become text), the overdue deadline in the error
    tone, the selection marks the right entries, and Ctrl+E exports the list with dates as dates."""
    from openpyxl import load_workbook

    from desktop_app.rosters.ui.page import RostersPage
    from desktop_app.ui.export_action import export_view
    from desktop_app.ui.tones import tone

    team_id, vids = team
    _patrol(engine, admin, team_id, vids[0], clock.today() - timedelta(days=40), checked_out=time(9))  # overdue
    _patrol(engine, admin, team_id, vids[1], clock.today() - timedelta(days=1), checked_out=time(9))
    page = RostersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    page.tabs.setCurrentIndex(NATIONAL)
    wait_ops()
    tab = page.national_tab
    assert isinstance(tab.table, RowTable) and not tab.findChildren(QTableWidget)
    model = tab.table.model()
    assert isinstance(model, ListTableModel) and model.rowCount() == 2
    assert tab.table.text(0, 0) == tab.rows[0].deadline.isoformat() and tab.table.text(0, 5) == "1.42"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == tone("error")
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert [a.objectName() for a in tab.table.actions()].count("exportToExcel") == 1
    assert any(a.shortcut().toString() == "Ctrl+E" for a in tab.table.actions())

    tab.table.selectRow(1)
    assert tab.selected_ids() == [tab.rows[1].entry_id]
    qtbot.mouseClick(tab.mark_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert tab.table.rowCount() == 1 and tab.rows[0].deadline < clock.today()

    target = tmp_path / "list.xlsx"
    export_view(tab.table, ctx, "national", target)
    wait_ops()
    values = [r for r in load_workbook(target).active.iter_rows(values_only=True) if r and r[0] is not None]
    [row] = [r for r in values if r[2] == tab.rows[0].name]
    assert row[0].date() == tab.rows[0].deadline and row[5] == 1.42
