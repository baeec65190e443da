"""The month tab: the coverage grid of a team (days × three patrols, gaps in colour), the explanation of
gaps, and the selected patrol's panel: who is on it (remove, lock, swap, drops out) and who could cover."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.i18n import join
from desktop_app.rosters.labels import blocker_text, period_label
from desktop_app.rosters.models import PERIODS, CoverState
from desktop_app.rosters.month import coverage, explain_gaps
from desktop_app.rosters.moves import (
    LeavesGap,
    assign,
    find_cover,
    repair_dropout,
    set_locked,
    swap,
    unassign,
)
from desktop_app.rosters.shifts import shift_people
from desktop_app.ui import ops
from desktop_app.ui.fit import FlowLayout, rows_follow_font, scrolling
from desktop_app.ui.messages import Confirm


def weekday(d) -> str:
    """The short weekday name in the interface's language (周二 / Tue)."""
    return QLocale().dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)


class MonthTab(QWidget):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page, self.ctx = page, page.ctx
        self.cells: dict = {}
        self._prefetched: tuple | None = None  # (shift id, people, cover) read with the month (``refresh``)
        self.short_count = 0
        self.pending_swap = None
        self._note: str | None = None
        self._people_of: int | None = None  # the shift whose people the panel lists
        today = clock.today()
        # the cell to select once the grid is filled: today's morning patrol in the current month
        self._keep: tuple[date, str] | None = (today, PERIODS[0]) if (today.year, today.month) == (page.month.year, page.month.month) else None
        self._scroll_to_keep = True

        self.grid = QTableWidget(0, 3)
        self.grid.setObjectName("coverageGrid")
        self.grid.setAccessibleName(self.tr("Patrols of the month"))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        # A line of the font high; two where the columns are too narrow for the names (1024 px in large text).
        self.measure_rows = rows_follow_font(self.grid, self._lines_needed)
        self.grid.horizontalHeader().sectionResized.connect(lambda *_: self.measure_rows())
        self.grid.currentCellChanged.connect(lambda *_: self.show_cell())
        self.legend = self._legend()
        self.cell_title = QLabel()
        self.cell_title.setObjectName("cellTitle")
        self.cell_title.setWordWrap(True)
        self.people = QListWidget()
        self.people.setObjectName("shiftPeople")
        self.people.setAccessibleName(self.tr("On this patrol"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removePerson")
        self.lock_button = QPushButton(self.tr("Lock / unlock"))
        self.lock_button.setObjectName("lockPerson")
        self.cover_label = QLabel(self.tr("Who can take it (best first):"))
        self.cover_label.setWordWrap(True)  # the side panel may be narrow; the grid needs the room
        self.cover = QListWidget()
        self.cover.setObjectName("coverList")
        self.cover_label.setBuddy(self.cover)
        self.assign_button = QPushButton(self.tr("Add to patrol"))
        self.assign_button.setObjectName("assignPerson")
        self.swap_button = QPushButton(self.tr("Swap…"))
        self.swap_button.setObjectName("swapPerson")
        self.swap_button.setToolTip(self.tr("Pick a person here, press Swap, then pick a person in another patrol and press again"))
        self.dropout_button = QPushButton(self.tr("Drops out: repair"))
        self.dropout_button.setObjectName("dropout")
        self.dropout_button.setToolTip(self.tr("The selected person cannot come: take them off and find cover, changing as little as possible"))
        for b in (self.remove_button, self.lock_button, self.assign_button, self.dropout_button, self.swap_button):
            b.setEnabled(page.can_manage)
        side = QVBoxLayout()
        side.addWidget(self.cell_title)
        side.addWidget(self.people, 2)
        row = FlowLayout()
        row.addWidget(self.remove_button)
        row.addWidget(self.lock_button)
        row.addWidget(self.dropout_button)
        side.addLayout(row)
        side.addWidget(self.swap_button)
        side.addWidget(self.cover_label)
        side.addWidget(self.cover, 3)
        side.addWidget(self.assign_button)
        side_widget = QWidget()
        side_widget.setLayout(side)
        self.explain = QPlainTextEdit()
        self.explain.setObjectName("explanation")
        self.explain.setAccessibleName(self.tr("Why patrols are short"))
        self.explain.setReadOnly(True)
        self.explain.setMaximumHeight(90)
        self.explain.setPlaceholderText(self.tr("After filling the month, shortfalls are explained here."))
        left = QVBoxLayout()
        left.addWidget(self.grid, 1)
        left.addWidget(self.legend)
        left.addWidget(self.explain)
        left_widget = QWidget()
        left_widget.setLayout(left)
        split = QSplitter()
        split.addWidget(left_widget)
        split.addWidget(scrolling(side_widget, horizontal=False))  # scrolls on a small screen in large text
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 330])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

        self.remove_button.clicked.connect(self.remove_selected)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.assign_button.clicked.connect(self.assign_selected)
        self.dropout_button.clicked.connect(self.dropout_selected)
        self.swap_button.clicked.connect(self.swap_step)
        self.fill_grid(page.month, page.month_end())
        self.show_cell()

    def _legend(self) -> QWidget:
        """The colours of the cover states (styled in resources/styles/*.qss by ``coverState``)."""
        box = QWidget()
        box.setObjectName("legend")
        row = FlowLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for state, text in ((CoverState.EMPTY, self.tr("nobody")), (CoverState.SHORT, self.tr("short or no leader")),
                            (CoverState.OK, self.tr("covered")), (CoverState.FULL, self.tr("full"))):
            label = QLabel(f" {text} ")
            label.setProperty("coverState", str(state))
            row.addWidget(label)
        row.addWidget(QLabel("★ " + self.tr("team leader")))
        row.addWidget(QLabel(self.tr("[locked]") + " " + self.tr("kept when the month is filled again")))
        return box

    # --- reading ------------------------------------------------------------------------------
    def refresh(self, *, note: str | None = None) -> None:
        if note is not None:
            self._note = note
        cell = self.current_cell()
        if self._keep is None and cell is not None:
            self._keep = (cell.day, cell.period)
        team_id, start, end, actor = self.page.team_id(), self.page.month, self.page.month_end(), self.ctx.actor
        # The patrol chosen in the grid is usually still there after the read: who is on it and who could
        # cover are read with the month, not in a second read once the grid is shown (issue 21: the page's
        # revisit waited for both, one after the other).
        chosen = cell.shift_id if cell is not None else None

        def read(s):
            if team_id is None:
                return {}, [], None
            cells = coverage(s, actor=actor, team_id=team_id, start=start, end=end)
            short = any(c.short for c in cells.values())
            explained = explain_gaps(s, actor=actor, team_id=team_id, start=start, end=end) if short else []
            side = None
            if chosen is not None and any(c.shift_id == chosen for c in cells.values()):
                side = chosen, shift_people(s, actor=actor, shift_id=chosen), find_cover(s, actor=actor, shift_id=chosen)
            return cells, explained, side

        ops.query(self, self.ctx.engine, read, lambda r: self._show(start, end, *r), latest="month")

    def _show(self, start: date, end: date, cells: dict, explained: list, side: tuple | None = None) -> None:
        if start != self.page.month:
            return  # the month changed meanwhile; its own read is on the way
        self.cells = cells
        self._prefetched = side
        short = [c for c in cells.values() if c.short]
        if self._note is not None:
            self.explain.setPlainText(self._note)
            self._note = None
        elif self.page.team_id() is not None:
            self.explain.setPlainText("\n".join(
                ([self.tr("{n} patrol(s) this month are short of people or of a leader.").format(n=len(short))] if short else [])
                + [sf.text() for sf in explained]))
        self.grid.blockSignals(True)
        self.fill_grid(start, end)
        keep, self._keep = self._keep, None
        if keep is not None and start <= keep[0] <= end:
            self.select_cell(*keep)
            if self._scroll_to_keep and self.grid.currentItem() is not None:
                self.grid.scrollToItem(self.grid.currentItem())
        self._scroll_to_keep = False
        self.grid.blockSignals(False)
        self.show_cell()

    def fill_grid(self, start: date, end: date) -> None:
        colours = self.page.colours
        days = (end - start).days + 1
        self.grid.setRowCount(days)
        times = {}
        for c in self.cells.values():
            times.setdefault(c.period, f"{c.starts_at:%H:%M}–{c.ends_at:%H:%M}")
        self.grid.setHorizontalHeaderLabels([f"{period_label(p)} {times.get(p, '')}".strip() for p in PERIODS])
        short = 0
        for i in range(days):
            d = start + timedelta(days=i)
            head = QTableWidgetItem(f"{d.day:>2} {weekday(d)}")
            for j, p in enumerate(PERIODS):
                cell = self.cells.get((d, p))
                item = QTableWidgetItem()
                if cell is None:
                    item.setText("—")
                    if (brush := colours.brush("noShift")) is not None:
                        item.setForeground(brush)
                else:
                    lead = "★" + join(cell.leader_names[:1]) if cell.leader_names else self.tr("no leader")
                    others = [n for n in cell.names if n not in cell.leader_names[:1]]
                    lock = " " + self.tr("[locked]") if cell.locked else ""
                    item.setText(f"{cell.count}/{cell.min_headcount}  {lead}  {'、'.join(others)}{lock}")
                    if (brush := colours.brush(str(cell.state))) is not None:
                        item.setBackground(brush)
                    item.setToolTip("\n".join(cell.names) or self.tr("nobody yet"))
                    short += cell.short
                    if cell.is_holiday:
                        head.setText(f"{d.day:>2} {weekday(d)} {cell.holiday_name}")
                        if (brush := colours.brush("holiday")) is not None:
                            head.setForeground(brush)
                item.setData(Qt.ItemDataRole.UserRole, (d, p))
                self.grid.setItem(i, j, item)
            if d.weekday() >= 5:
                font = QFont(head.font())
                font.setBold(True)
                head.setFont(font)
            self.grid.setVerticalHeaderItem(i, head)
        self.short_count = short
        self.measure_rows()

    def _lines_needed(self) -> int:
        """2 when some patrol's text is wider than its column (the names would end in "…"), else 1."""
        metrics, grid = self.grid.fontMetrics(), self.grid
        for j in range(grid.columnCount()):
            room = grid.columnWidth(j) - 12
            if room <= 0:
                continue
            for i in range(grid.rowCount()):
                item = grid.item(i, j)
                if item is not None and metrics.horizontalAdvance(item.text()) > room:
                    return 2
        return 1

    def current_cell(self):
        item = self.grid.currentItem()
        if item is None:
            return None
        key = item.data(Qt.ItemDataRole.UserRole)
        return self.cells.get(key) if key else None

    def select_cell(self, day: date, period: str) -> None:
        self.grid.setCurrentCell((day - self.page.month).days, PERIODS.index(period))

    def day_for_sheet(self) -> date:
        cell = self.current_cell()
        return cell.day if cell else clock.today()

    def show_cell(self) -> None:
        cell = self.current_cell()
        chosen = self._selected_person()
        keep = chosen.volunteer_id if chosen is not None and cell is not None and self._people_of == cell.shift_id else None
        self.people.clear()
        self.cover.clear()
        self._people_of = None
        if cell is None:
            self.cell_title.setText(self.tr("Click a patrol in the grid to see who is on it and who could cover."))
            return
        self.cell_title.setText(self.tr("{day} {period} {start}–{end}: {count} of {min}–{max}").format(
            day=cell.day.isoformat(), period=period_label(cell.period), start=cell.starts_at.strftime("%H:%M"),
            end=cell.ends_at.strftime("%H:%M"), count=cell.count, min=cell.min_headcount, max=cell.max_headcount))
        actor, shift_id = self.ctx.actor, cell.shift_id
        side, self._prefetched = self._prefetched, None
        if side is not None and side[0] == shift_id:
            self._show_people(shift_id, keep, side[1], side[2])
            return
        ops.query(self, self.ctx.engine,
                  lambda s: (shift_people(s, actor=actor, shift_id=shift_id), find_cover(s, actor=actor, shift_id=shift_id)),
                  lambda r: self._show_people(shift_id, keep, *r), latest="cell")

    def _show_people(self, shift_id: int, keep: int | None, people: list, ranked: list) -> None:
        cell = self.current_cell()
        if cell is None or cell.shift_id != shift_id:
            return
        self.people.clear()
        self.cover.clear()
        self._people_of = shift_id
        for p in people:
            text = ("★ " if p.is_leader else "") + p.name + (" " + self.tr("[locked]") if p.locked else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.people.addItem(item)
            if p.volunteer_id == keep:
                self.people.setCurrentItem(item)
        blocked = self.page.colours.brush("blocked")
        for c in ranked[:40]:
            why = join(blocker_text(b) for b in c.blockers)
            text = ("★ " if c.is_leader else "") + c.name + self.tr(" · {n} this month").format(n=c.patrols) + (f" — {why}" if why else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c)
            if c.blockers and blocked is not None:
                item.setForeground(blocked)
            self.cover.addItem(item)

    # --- edits ----------------------------------------------------------------------------------
    def _selected_person(self):
        item = self.people.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _edit(self, fn, note_of=None) -> None:
        """A change to the current patrol; the grid is read again and the same cell stays selected."""
        cell = self.current_cell()
        self._keep = (cell.day, cell.period) if cell else None
        self.page.write(fn, on_done=lambda r: self.page.refresh(note=note_of(r) if note_of else None))

    def remove_selected(self) -> None:
        cell, person = self.current_cell(), self._selected_person()
        if cell is None or person is None:
            return
        actor, shift_id, vid = self.ctx.actor, cell.shift_id, person.volunteer_id

        def refused(exc: BaseException) -> None:
            if isinstance(exc, LeavesGap):
                if Confirm.ask(self, exc.text() + "\n\n" + self.tr("Remove anyway and leave the patrol short?")):
                    self._edit(lambda s: unassign(s, actor=actor, shift_id=shift_id, volunteer_id=vid, allow_gap=True))
            else:
                self.page.failed(exc)

        self._keep = (cell.day, cell.period)
        ops.write(self, self.ctx.engine, lambda s: unassign(s, actor=actor, shift_id=shift_id, volunteer_id=vid),
                  on_done=lambda _r: self.page.refresh(), on_error=refused)

    def toggle_lock(self) -> None:
        cell, person = self.current_cell(), self._selected_person()
        if cell is None or person is None:
            return
        actor, shift_id, vid, locked = self.ctx.actor, cell.shift_id, person.volunteer_id, not person.locked
        self._edit(lambda s: set_locked(s, actor=actor, shift_id=shift_id, volunteer_id=vid, locked=locked))

    def assign_selected(self) -> None:
        cell = self.current_cell()
        item = self.cover.currentItem()
        if cell is None or item is None:
            return
        actor, shift_id, vid = self.ctx.actor, cell.shift_id, item.data(Qt.ItemDataRole.UserRole).volunteer_id
        self._edit(lambda s: assign(s, actor=actor, shift_id=shift_id, volunteer_id=vid))

    def dropout_selected(self) -> None:
        cell, person = self.current_cell(), self._selected_person()
        if cell is None or person is None:
            return
        actor, vid, name, day = self.ctx.actor, person.volunteer_id, person.name, cell.day
        self._edit(lambda s: repair_dropout(s, actor=actor, volunteer_id=vid, start=day, end=day),
                   note_of=lambda rep: self.tr("{name} taken off; {added} place(s) refilled, {left} still short.").format(
                       name=name, added=len(rep.added), left=len(rep.unfilled)))

    def swap_step(self) -> None:
        cell, person = self.current_cell(), self._selected_person()
        if cell is None or person is None:
            return
        if self.pending_swap is None or self.pending_swap[0] == cell.shift_id:
            self.pending_swap = (cell.shift_id, person.volunteer_id, person.name)
            self.swap_button.setText(self.tr("Swap with {name}").format(name=person.name))
            return
        sid, vid, _name = self.pending_swap
        self.pending_swap = None
        self.swap_button.setText(self.tr("Swap…"))
        actor, shift_b, vid_b = self.ctx.actor, cell.shift_id, person.volunteer_id
        self._edit(lambda s: swap(s, actor=actor, shift_a=sid, volunteer_a=vid, shift_b=shift_b, volunteer_b=vid_b))
