"""Rosters page: the month coverage grid of a team (days × three patrols, gaps in colour), solving
with progress and cancel, cell edits (assign from "find cover", remove, lock), the day's check-in desk,
team members and patrol findings. Thin: every decision is the service's."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError
from desktop_app.rosters import service
from desktop_app.rosters.models import PERIODS
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.messages import Confirm, show_error, show_info
from desktop_app.ui.ops import run_op
from desktop_app.ui.search_box import SearchBox

COLOURS = {"empty": "#f4c7c3", "short": "#fce8b2", "ok": "#d9ead3", "full": "#cfe2f3"}
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


class RostersPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = clock.today()
        self.month = date(today.year, today.month, 1)
        self.cells: dict = {}
        self.last_op = None
        self.last_box = None
        self.solve_seconds = 5.0  # CP-SAT time limit after the greedy fill (cancel stops it sooner)
        can_manage = ctx.can(service.MANAGE_ROSTERS)

        self.team = QComboBox()
        self.team.setObjectName("teamBox")
        self.team.setMinimumWidth(180)
        self.prev_button = QPushButton("◀")
        self.prev_button.setObjectName("prevMonth")
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("nextMonth")
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(36)
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        f = self.month_label.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.month_label.setFont(f)
        self.generate_button = QPushButton(self.tr("Create shifts"))
        self.generate_button.setObjectName("generateShifts")
        self.solve_button = QPushButton(self.tr("Fill the month"))
        self.solve_button.setObjectName("solveMonth")
        self.solve_button.setToolTip(self.tr("Fill every unlocked place fairly; locked cells are kept"))
        self.print_button = QPushButton(self.tr("Print roster"))
        self.print_button.setObjectName("printRoster")
        self.sheet_button = QPushButton(self.tr("Sign-in sheet"))
        self.sheet_button.setObjectName("signInSheet")
        self.excel_button = QPushButton(self.tr("Excel"))
        self.excel_button.setObjectName("exportExcel")
        self.text_button = QPushButton(self.tr("Tomorrow's text"))
        self.text_button.setObjectName("tomorrowText")
        for b in (self.generate_button, self.solve_button):
            b.setVisible(can_manage)
        top = QHBoxLayout()
        top.addWidget(self.team)
        top.addWidget(self.prev_button)
        top.addWidget(self.month_label)
        top.addWidget(self.next_button)
        top.addStretch(1)
        for b in (self.generate_button, self.solve_button, self.print_button, self.sheet_button, self.excel_button, self.text_button):
            top.addWidget(b)

        # --- month tab: grid + cell panel + explanation
        self.grid = QTableWidget(0, 3)
        self.grid.setObjectName("coverageGrid")
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setDefaultSectionSize(24)
        self.grid.currentCellChanged.connect(lambda *_: self.show_cell())
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.cell_title = QLabel()
        self.cell_title.setObjectName("cellTitle")
        self.cell_title.setWordWrap(True)
        self.people = QListWidget()
        self.people.setObjectName("shiftPeople")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removePerson")
        self.lock_button = QPushButton(self.tr("Lock / unlock"))
        self.lock_button.setObjectName("lockPerson")
        self.cover_label = QLabel(self.tr("Who can take it (best first):"))
        self.cover = QListWidget()
        self.cover.setObjectName("coverList")
        self.assign_button = QPushButton(self.tr("Add to patrol"))
        self.assign_button.setObjectName("assignPerson")
        self.swap_button = QPushButton(self.tr("Swap…"))
        self.swap_button.setObjectName("swapPerson")
        self.swap_button.setToolTip(self.tr("Pick a person here, press Swap, then pick a person in another patrol and press again"))
        self.pending_swap = None
        self.dropout_button = QPushButton(self.tr("Drops out: repair"))
        self.dropout_button.setObjectName("dropout")
        self.dropout_button.setToolTip(self.tr("The selected person cannot come: take them off and find cover, changing as little as possible"))
        for b in (self.remove_button, self.lock_button, self.assign_button, self.dropout_button, self.swap_button):
            b.setEnabled(can_manage)
        side = QVBoxLayout()
        side.addWidget(self.cell_title)
        side.addWidget(self.people, 2)
        row = QHBoxLayout()
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
        split.addWidget(side_widget)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 330])

        # --- today tab: check-in desk
        self.day_shift = QComboBox()
        self.day_shift.setObjectName("dayShift")
        self.day_people = QListWidget()
        self.day_people.setObjectName("dayPeople")
        self.find = SearchBox(self, self.tr("Volunteer: name, pinyin, initials or phone digits; or scan the passport code"))
        self.find.setObjectName("volunteerSearch")
        self.find_results = QListWidget()
        self.find_results.setObjectName("volunteerResults")
        self.find_results.setMaximumHeight(120)
        self.find_results.setVisible(False)
        big = self.day_people.font()
        big.setPointSizeF(big.pointSizeF() * 1.35)
        self.day_people.setFont(big)
        self.day_people.setSpacing(4)
        self.checkin_button = QPushButton(self.tr("Check in"))
        self.checkin_button.setObjectName("checkIn")
        self.behalf_button = QPushButton(self.tr("Check in on behalf"))
        self.behalf_button.setObjectName("checkInBehalf")
        self.checkout_button = QPushButton(self.tr("Check out"))
        self.checkout_button.setObjectName("checkOut")
        self.noshow_button = QPushButton(self.tr("No-show"))
        self.noshow_button.setObjectName("noShow")
        self.close_button = QPushButton(self.tr("Close patrol"))
        self.close_button.setObjectName("closePatrol")
        self.close_button.setToolTip(self.tr("Everyone checked in but not out is credited the planned duration"))
        self.close_button.setVisible(ctx.can(service.MARK_ATTENDANCE))
        self.finding_button = QPushButton(self.tr("Record a finding…"))
        self.finding_button.setObjectName("recordFinding")
        self.behalf_button.setVisible(ctx.can(service.MARK_ATTENDANCE))
        self.noshow_button.setVisible(ctx.can(service.MARK_ATTENDANCE))
        self.finding_button.setVisible(ctx.can(service.RECORD_FINDINGS))
        today_layout = QVBoxLayout()
        today_layout.addWidget(self.day_shift)
        today_layout.addWidget(self.find)
        today_layout.addWidget(self.find_results)
        today_layout.addWidget(self.day_people, 1)
        buttons = QHBoxLayout()
        for b in (self.checkin_button, self.behalf_button, self.checkout_button, self.noshow_button, self.close_button,
                  self.finding_button):
            buttons.addWidget(b)
        today_layout.addLayout(buttons)
        today_widget = QWidget()
        today_widget.setLayout(today_layout)

        # --- team tab
        self.members_model = ListTableModel([
            Column(self.tr("Name"), lambda m: m.name),
            Column(self.tr("Age"), lambda m: m.age if m.age is not None else ""),
            Column(self.tr("Role"), lambda m: service.translate("Rosters", service.ROLE_LABELS[m.role])),
            Column(self.tr("Per week"), lambda m: m.limits.max_per_week if m.limits.max_per_week is not None else "—"),
            Column(self.tr("Per month"), lambda m: m.limits.max_per_month if m.limits.max_per_month is not None else "—"),
            Column(self.tr("Evenings"), lambda m: self.tr("no") if m.limits.no_evenings else self.tr("yes")),
            Column(self.tr("Patrols this month"), lambda m: m.patrols_this_month),
            Column(self.tr("Hours"), lambda m: f"{m.hours_minutes / 60:.1f}"),
        ])
        self.members = QTableView()
        self.members.setObjectName("membersTable")
        self.members.setModel(self.members_model)
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_member_button = QPushButton(self.tr("Add volunteer…"))
        self.add_member_button.setObjectName("addVolunteer")
        self.add_member_button.setVisible(can_manage)
        self.new_team_button = QPushButton(self.tr("New team…"))
        self.new_team_button.setObjectName("newTeam")
        self.new_team_button.setVisible(can_manage)
        self.templates_button = QPushButton(self.tr("Daily shifts…"))
        self.templates_button.setObjectName("editTemplates")
        self.templates_button.setVisible(can_manage)
        self.edit_member_button = QPushButton(self.tr("Limits and availability…"))
        self.edit_member_button.setObjectName("editVolunteer")
        self.edit_member_button.setVisible(can_manage)
        self.hours_button = QPushButton(self.tr("Hours…"))
        self.hours_button.setObjectName("hoursLedger")
        self.ics_button = QPushButton(self.tr("Calendar file (.ics)…"))
        self.ics_button.setObjectName("icsFile")
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        team_layout = QVBoxLayout()
        team_buttons = QHBoxLayout()
        team_buttons.addWidget(self.add_member_button)
        team_buttons.addWidget(self.new_team_button)
        team_buttons.addWidget(self.templates_button)
        team_buttons.addWidget(self.edit_member_button)
        team_buttons.addWidget(self.hours_button)
        team_buttons.addWidget(self.ics_button)
        team_buttons.addStretch(1)
        team_layout.addLayout(team_buttons)
        team_layout.addWidget(self.members)
        team_widget = QWidget()
        team_widget.setLayout(team_layout)

        # --- findings tab
        self.findings_model = ListTableModel([
            Column(self.tr("Found"), lambda f: clock.fmt_local(f.found_at)),
            Column(self.tr("Category"), lambda f: service.translate("Rosters", service.CATEGORY_LABELS[f.category])),
            Column(self.tr("Location"), lambda f: f.location),
            Column(self.tr("Note"), lambda f: f.note),
            Column(self.tr("Desk record"), lambda f: f"#{f.desk_record_id}" if f.desk_record_id else ""),
        ])
        self.findings = QTableView()
        self.findings.setObjectName("findingsTable")
        self.findings.setModel(self.findings_model)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.open_record_button = QPushButton(self.tr("Open a desk record"))
        self.open_record_button.setObjectName("openDeskRecord")
        self.open_record_button.setVisible(ctx.can(service.RECORD_FINDINGS))
        findings_layout = QVBoxLayout()
        findings_layout.addWidget(self.findings)
        findings_layout.addWidget(self.open_record_button, 0, Qt.AlignmentFlag.AlignLeft)
        findings_widget = QWidget()
        findings_widget.setLayout(findings_layout)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("rosterTabs")
        self.tabs.addTab(split, self.tr("Month"))
        self.tabs.addTab(today_widget, self.tr("Today"))
        self.tabs.addTab(team_widget, self.tr("Team"))
        self.tabs.addTab(findings_widget, self.tr("Findings"))
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)

        self.team.currentIndexChanged.connect(lambda _i: self.refresh())
        self.prev_button.clicked.connect(lambda: self.move_month(-1))
        self.next_button.clicked.connect(lambda: self.move_month(1))
        self.generate_button.clicked.connect(self.generate)
        self.solve_button.clicked.connect(self.solve)
        self.remove_button.clicked.connect(self.remove_selected)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.assign_button.clicked.connect(self.assign_selected)
        self.dropout_button.clicked.connect(self.dropout_selected)
        self.print_button.clicked.connect(lambda: self.export("roster"))
        self.sheet_button.clicked.connect(lambda: self.export("sheet"))
        self.excel_button.clicked.connect(lambda: self.export("excel"))
        self.text_button.clicked.connect(self.tomorrow_text)
        self.day_shift.currentIndexChanged.connect(lambda _i: self.load_day_people())
        self.find.query_changed.connect(self.search_volunteers)
        self.find.returnPressed.connect(self.scan_or_pick)
        self.checkin_button.clicked.connect(lambda: self.attendance("in"))
        self.behalf_button.clicked.connect(lambda: self.attendance("behalf"))
        self.checkout_button.clicked.connect(lambda: self.attendance("out"))
        self.noshow_button.clicked.connect(lambda: self.attendance("no_show"))
        self.finding_button.clicked.connect(self.record_finding)
        self.add_member_button.clicked.connect(self.add_member)
        self.new_team_button.clicked.connect(self.new_team)
        self.open_record_button.clicked.connect(self.open_desk_record)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.members.doubleClicked.connect(lambda _i: self.edit_member() if can_manage else None)
        self.ics_button.clicked.connect(self.save_ics)
        self.swap_button.clicked.connect(self.swap_step)
        self.hours_button.clicked.connect(self.show_hours)
        self.close_button.clicked.connect(self.close_patrol)
        self.templates_button.clicked.connect(self.edit_templates)
        self.load_teams()
        today = clock.today()
        if (today.year, today.month) == (self.month.year, self.month.month):
            self.select_cell(today, PERIODS[0])
            self.grid.scrollToItem(self.grid.currentItem())

    # --- data ---------------------------------------------------------------------------------
    def team_id(self) -> int | None:
        return self.team.currentData()

    def load_teams(self, select: int | None = None) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            teams = service.list_teams(s, actor=self.ctx.actor)
        self.team.blockSignals(True)
        self.team.clear()
        for t in teams:
            self.team.addItem(f"{t.name}（{service.translate('Rosters', service.KIND_LABELS[t.kind])}）", t.id)
        if select is not None:
            self.team.setCurrentIndex(max(0, self.team.findData(select)))
        self.team.blockSignals(False)
        self.refresh()

    def move_month(self, step: int) -> None:
        m = self.month.month - 1 + step
        self.month = date(self.month.year + m // 12, m % 12 + 1, 1)
        self.refresh()

    def month_end(self) -> date:
        return service.month_range(self.month.year, self.month.month)[1]

    def refresh(self) -> None:
        self.month_label.setText(self.tr("{year}-{month:02d}").format(year=self.month.year, month=self.month.month))
        self.legend.setText(" ".join(
            f'<span style="background:{COLOURS[k]}">&nbsp;{label}&nbsp;</span>' for k, label in (
                ("empty", self.tr("nobody")), ("short", self.tr("short or no leader")), ("ok", self.tr("covered")),
                ("full", self.tr("full")))) + "&nbsp;&nbsp;★ " + self.tr("team leader") + "&nbsp;&nbsp;" + self.tr("[locked]")
            + " " + self.tr("kept when the month is filled again"))
        team_id = self.team_id()
        start, end = self.month, self.month_end()
        if team_id is None:
            self.cells = {}
        else:
            with session_scope(self.ctx.engine, write=False) as s:
                self.cells = service.coverage(s, actor=self.ctx.actor, team_id=team_id, start=start, end=end)
                members = service.team_members(s, actor=self.ctx.actor, team_id=team_id, on=start)
                findings = service.list_findings(s, actor=self.ctx.actor, limit=200, team_id=team_id)
                short = [c for c in self.cells.values() if c.state in ("empty", "short")]
                explained = service.explain_gaps(s, actor=self.ctx.actor, team_id=team_id, start=start, end=end) if short else []
            self.explain.setPlainText("\n".join(
                ([self.tr("{n} patrol(s) this month are short of people or of a leader.").format(n=len(short))] if short else [])
                + [sf.text() for sf in explained]))
            self.members_model.set_rows(members)
            self.findings_model.set_rows(findings)
        self.fill_grid(start, end)
        self.load_day()
        self.show_cell()

    def fill_grid(self, start: date, end: date) -> None:
        days = (end - start).days + 1
        self.grid.setRowCount(days)
        times = {}
        for c in self.cells.values():
            times.setdefault(c.period, f"{c.starts_at:%H:%M}–{c.ends_at:%H:%M}")
        self.grid.setHorizontalHeaderLabels([f"{service.period_label(p)} {times.get(p, '')}".strip() for p in PERIODS])
        short = 0
        for i in range(days):
            d = start + timedelta(days=i)
            head = QTableWidgetItem(f"{d.day:>2} {WEEKDAYS[d.weekday()]}")
            for j, p in enumerate(PERIODS):
                cell = self.cells.get((d, p))
                item = QTableWidgetItem()
                if cell is None:
                    item.setText("—")
                    item.setForeground(QBrush(QColor("#999999")))
                else:
                    lead = "★" + "、".join(cell.leader_names[:1]) if cell.leader_names else self.tr("no leader")
                    others = [n for n in cell.names if n not in cell.leader_names[:1]]
                    lock = " " + self.tr("[locked]") if cell.locked else ""
                    item.setText(f"{cell.count}/{cell.min_headcount}  {lead}  {'、'.join(others)}{lock}")
                    item.setBackground(QBrush(QColor(COLOURS[cell.state])))
                    item.setToolTip("\n".join(cell.names) or self.tr("nobody yet"))
                    if cell.state in ("empty", "short"):
                        short += 1
                    if cell.is_holiday:
                        head.setText(f"{d.day:>2} {WEEKDAYS[d.weekday()]} {cell.holiday_name}")
                        head.setForeground(QBrush(QColor("#b00020")))
                item.setData(Qt.ItemDataRole.UserRole, (d, p))
                self.grid.setItem(i, j, item)
            if d.weekday() >= 5:
                font = QFont(head.font())
                font.setBold(True)
                head.setFont(font)
            self.grid.setVerticalHeaderItem(i, head)
        self.short_count = short

    def current_cell(self):
        item = self.grid.currentItem()
        if item is None:
            return None
        key = item.data(Qt.ItemDataRole.UserRole)
        return self.cells.get(key) if key else None

    def show_cell(self) -> None:
        cell = self.current_cell()
        self.people.clear()
        self.cover.clear()
        if cell is None:
            self.cell_title.setText(self.tr("Click a patrol in the grid to see who is on it and who could cover."))
            return
        self.cell_title.setText(self.tr("{day} {period} {start}–{end}: {count} of {min}–{max}").format(
            day=cell.day.isoformat(), period=service.period_label(cell.period), start=cell.starts_at.strftime("%H:%M"),
            end=cell.ends_at.strftime("%H:%M"), count=cell.count, min=cell.min_headcount, max=cell.max_headcount))
        with session_scope(self.ctx.engine, write=False) as s:
            people = service.shift_people(s, actor=self.ctx.actor, shift_id=cell.shift_id)
            ranked = service.find_cover(s, actor=self.ctx.actor, shift_id=cell.shift_id)
        for p in people:
            text = ("★ " if p.is_leader else "") + p.name + (" " + self.tr("[locked]") if p.locked else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.people.addItem(item)
        for c in ranked[:40]:
            why = "、".join(service.blocker_text(b) for b in c.blockers)
            text = ("★ " if c.is_leader else "") + c.name + self.tr(" · {n} this month").format(n=c.patrols) + (f" — {why}" if why else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c)
            if c.blockers:
                item.setForeground(QBrush(QColor("#888888")))
            self.cover.addItem(item)

    def select_cell(self, day: date, period: str) -> None:
        self.grid.setCurrentCell((day - self.month).days, PERIODS.index(period))

    # --- actions ------------------------------------------------------------------------------
    def _do(self, work) -> bool:
        try:
            with session_scope(self.ctx.engine) as s:
                work(s)
        except SmileDeskError as exc:
            self.last_box = show_error(self, exc)
            return False
        return True

    def _keep_cell(self):
        cell = self.current_cell()
        key = (cell.day, cell.period) if cell else None
        self.refresh()
        if key:
            self.select_cell(*key)

    def generate(self) -> None:
        team_id = self.team_id()
        if team_id is None:
            return
        start, end = self.month, self.month_end()
        if self._do(lambda s: service.generate_shifts(s, actor=self.ctx.actor, team_id=team_id, start=start, end=end)):
            self.refresh()

    def solve(self) -> None:
        team_id = self.team_id()
        if team_id is None:
            return
        start, end = self.month, self.month_end()
        engine, actor, seconds = self.ctx.engine, self.ctx.actor, self.solve_seconds
        keep_before = clock.today()

        def work(progress):
            with session_scope(engine, write=False) as s:
                prop = service.propose_roster(s, actor=actor, team_ids=[team_id], start=start, end=end, progress=progress,
                                              time_limit=seconds, keep_before=keep_before)
            with session_scope(engine) as s:
                service.save_roster(s, actor=actor, proposal=prop)
            return prop

        def done(prop) -> None:
            self.refresh()
            lines = [self.tr("Filled in {seconds:.1f} s: {gaps} patrol(s) still short; fairness spread {spread}.").format(
                seconds=prop.seconds, gaps=len(prop.gaps), spread=prop.spread.get("all", 0))]
            lines += [sf.text() for sf in prop.shortfalls]
            if prop.gaps and not prop.shortfalls:
                lines.append(self.tr("The limits together leave these patrols short; lock or edit cells, or relax limits."))
            self.explain.setPlainText("\n".join(lines))

        self.last_op = run_op(self, work, done, title=self.tr("Filling the month…"))

    def _selected_person(self):
        item = self.people.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def remove_selected(self) -> None:
        cell, person = self.current_cell(), self._selected_person()
        if cell is None or person is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                service.unassign(s, actor=self.ctx.actor, shift_id=cell.shift_id, volunteer_id=person.volunteer_id)
        except SmileDeskError as exc:
            text = exc.text()
            if "find cover" in exc.english() or "找人" in text:
                if Confirm.ask(self, text + "\n\n" + self.tr("Remove anyway and leave the patrol short?")):
                    self._do(lambda s: service.unassign(s, actor=self.ctx.actor, shift_id=cell.shift_id,
                                                        volunteer_id=person.volunteer_id, allow_gap=True))
            else:
                self.last_box = show_error(self, exc)
        self._keep_cell()

    def toggle_lock(self) -> None:
        cell, person = self.current_cell(), self._selected_person()
        if cell is None or person is None:
            return
        self._do(lambda s: service.set_locked(s, actor=self.ctx.actor, shift_id=cell.shift_id,
                                              volunteer_id=person.volunteer_id, locked=not person.locked))
        self._keep_cell()

    def assign_selected(self) -> None:
        cell = self.current_cell()
        item = self.cover.currentItem()
        if cell is None or item is None:
            return
        cand = item.data(Qt.ItemDataRole.UserRole)
        self._do(lambda s: service.assign(s, actor=self.ctx.actor, shift_id=cell.shift_id, volunteer_id=cand.volunteer_id))
        self._keep_cell()

    def dropout_selected(self) -> None:
        cell, person = self.current_cell(), self._selected_person()
        if cell is None or person is None:
            return
        result = {}

        def work(s):
            result["r"] = service.repair_dropout(s, actor=self.ctx.actor, volunteer_id=person.volunteer_id, start=cell.day, end=cell.day)

        if self._do(work):
            rep = result["r"]
            self.explain.setPlainText(self.tr("{name} taken off; {added} place(s) refilled, {left} still short.").format(
                name=person.name, added=len(rep.added), left=len(rep.unfilled)))
        self._keep_cell()

    def export(self, what: str) -> None:
        team_id = self.team_id()
        if team_id is None:
            return
        suffix = "xlsx" if what == "excel" else "pdf"
        default = f"roster-{self.month:%Y-%m}.{suffix}" if what != "sheet" else f"sign-in-{clock.today():%Y-%m-%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), default)
        if not path:
            return
        self.export_to(what, path)

    def export_to(self, what: str, path: str) -> None:
        from desktop_app.rosters import pdf

        team_id = self.team_id()
        try:
            with session_scope(self.ctx.engine, write=False) as s:
                if what == "roster":
                    pdf.monthly_roster(s, actor=self.ctx.actor, team_id=team_id, year=self.month.year, month=self.month.month, path=path)
                elif what == "sheet":
                    day = self.day_for_sheet()
                    pdf.sign_in_sheet(s, actor=self.ctx.actor, team_id=team_id, day=day, path=path)
                else:
                    pdf.excel_roster(s, actor=self.ctx.actor, team_id=team_id, year=self.month.year, month=self.month.month, path=path)
        except SmileDeskError as exc:
            self.last_box = show_error(self, exc)
            return
        self.last_box = show_info(self, self.tr("Saved {path}").format(path=path))

    def day_for_sheet(self) -> date:
        cell = self.current_cell()
        return cell.day if cell else clock.today()

    def tomorrow_text(self) -> None:
        day = clock.today() + timedelta(days=1)
        with session_scope(self.ctx.engine, write=False) as s:
            text = service.wechat_text(s, actor=self.ctx.actor, day=day, team_id=self.team_id())
        QGuiApplication.clipboard().setText(text)
        self.explain.setPlainText(text)
        self.last_box = show_info(self, self.tr("Copied; paste it into the WeChat group:") + "\n\n" + text)

    # --- today: check-in desk -----------------------------------------------------------------
    def load_day(self) -> None:
        team_id = self.team_id()
        self.day_shift.blockSignals(True)
        self.day_shift.clear()
        if team_id is not None:
            with session_scope(self.ctx.engine, write=False) as s:
                for sh in service.shifts_on(s, actor=self.ctx.actor, day=clock.today(), team_id=team_id):
                    self.day_shift.addItem(f"{sh.date:%m-%d} {service.period_label(sh.period)} {sh.starts_at:%H:%M}–{sh.ends_at:%H:%M}", sh.id)
            now = clock.local_now().time()
            for i in range(self.day_shift.count()):
                label = self.day_shift.itemText(i)
                if label.split()[-1].split("–")[-1] >= now.strftime("%H:%M"):
                    self.day_shift.setCurrentIndex(i)
                    break
        self.day_shift.blockSignals(False)
        self.load_day_people()

    def load_day_people(self) -> None:
        self.day_people.clear()
        sid = self.day_shift.currentData()
        if sid is None:
            return
        with session_scope(self.ctx.engine, write=False) as s:
            people = service.shift_people(s, actor=self.ctx.actor, shift_id=sid)
        for p in people:
            state = self.tr("not yet")
            if p.no_show:
                state = self.tr("no-show")
            elif p.checked_out:
                state = self.tr("left {time}").format(time=clock.fmt_local(p.checked_out, "%H:%M"))
            elif p.checked_in:
                state = self.tr("arrived {time}").format(time=clock.fmt_local(p.checked_in, "%H:%M"))
                if p.late_minutes:
                    state += self.tr(" ({n} min late)").format(n=p.late_minutes)
            item = QListWidgetItem(("★ " if p.is_leader else "") + f"{p.name}  —  {state}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.day_people.addItem(item)

    def search_volunteers(self, text: str) -> None:
        self.find_results.clear()
        self.find_results.setVisible(False)
        if not text.strip():
            return
        with session_scope(self.ctx.engine, write=False) as s:
            hits = service.search_volunteers(s, actor=self.ctx.actor, q=text, limit=8)
        for h in hits:
            item = QListWidgetItem(h.label)
            item.setData(Qt.ItemDataRole.UserRole, h.volunteer_id)
            self.find_results.addItem(item)
        if hits:
            self.find_results.setCurrentRow(0)
            self.find_results.setVisible(True)
        self._select_day_person(hits[0].volunteer_id if len(hits) == 1 else None)

    def _select_day_person(self, volunteer_id: int | None) -> bool:
        if volunteer_id is None:
            return False
        for i in range(self.day_people.count()):
            if self.day_people.item(i).data(Qt.ItemDataRole.UserRole).volunteer_id == volunteer_id:
                self.day_people.setCurrentRow(i)
                return True
        return False

    def scan_or_pick(self) -> None:
        """Enter in the search box: a scanned passport code (through the hook) or the first result."""
        code = self.find.text().strip()
        codes = self.ctx.services.passport_codes
        if codes is not None and code:
            with session_scope(self.ctx.engine, write=False) as s:
                rid = codes.resolve_code(s, code)
                v = service.volunteer_for_resident(s, actor=self.ctx.actor, resident_id=rid) if rid else None
            if v is not None:
                if self._select_day_person(v.id):
                    self.attendance("scan")
                    self.find.clear()
                return
        self.find.flush()
        item = self.find_results.currentItem()
        if item is not None:
            self._select_day_person(item.data(Qt.ItemDataRole.UserRole))

    def attendance(self, what: str) -> None:
        sid = self.day_shift.currentData()
        item = self.day_people.currentItem()
        if sid is None or item is None:
            return
        vid = item.data(Qt.ItemDataRole.UserRole).volunteer_id
        actor = self.ctx.actor

        now = clock.local_now()

        def work(s):
            if what in ("in", "behalf", "scan"):
                service.check_in(s, actor=actor, shift_id=sid, volunteer_id=vid, at=now,
                                 method={"in": "desk", "behalf": "behalf", "scan": "scan"}[what])
            elif what == "out":
                service.check_out(s, actor=actor, shift_id=sid, volunteer_id=vid, at=now)
            else:
                service.mark_no_show(s, actor=actor, shift_id=sid, volunteer_id=vid)

        row = self.day_people.currentRow()
        self._do(work)
        self.load_day_people()
        self.day_people.setCurrentRow(row)

    def record_finding(self) -> None:
        from desktop_app.rosters.dialogs import FindingDialog

        dlg = FindingDialog(self.ctx, shift_id=self.day_shift.currentData(), parent=self)
        dlg.saved.connect(lambda _id: self.refresh())
        dlg.open()
        self.last_dialog = dlg

    def open_desk_record(self) -> None:
        idx = self.findings.currentIndex()
        if not idx.isValid():
            return
        f = self.findings_model.row(idx)
        result = {}
        if self._do(lambda s: result.setdefault("id", service.open_desk_record_for(s, actor=self.ctx.actor, finding_id=f.id))):
            self.refresh()
            self.last_box = show_info(self, self.tr("Desk record #{id} opened; it follows the usual loop.").format(id=result["id"]))

    def add_member(self) -> None:
        from desktop_app.rosters.dialogs import AddVolunteerDialog

        if self.team_id() is None:
            return
        dlg = AddVolunteerDialog(self.ctx, team_id=self.team_id(), parent=self)
        dlg.saved.connect(lambda _id: self.refresh())
        dlg.open()
        self.last_dialog = dlg

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
        self._do(lambda s: service.swap(s, actor=self.ctx.actor, shift_a=sid, volunteer_a=vid, shift_b=cell.shift_id,
                                        volunteer_b=person.volunteer_id))
        self._keep_cell()

    def close_patrol(self) -> None:
        sid = self.day_shift.currentData()
        if sid is None:
            return
        self._do(lambda s: service.credit_planned(s, actor=self.ctx.actor, shift_id=sid))
        self.load_day_people()

    def edit_templates(self) -> None:
        from desktop_app.rosters.dialogs import TemplatesDialog

        if self.team_id() is None:
            return
        dlg = TemplatesDialog(self.ctx, self.team_id(), parent=self)
        dlg.saved.connect(lambda _id: self.refresh())
        dlg.open()
        self.last_dialog = dlg

    def selected_member(self):
        idx = self.members.currentIndex()
        return self.members_model.row(idx) if idx.isValid() else None

    def edit_member(self) -> None:
        from desktop_app.rosters.dialogs import VolunteerDialog

        member = self.selected_member()
        if member is None:
            return
        dlg = VolunteerDialog(self.ctx, member, parent=self)
        dlg.saved.connect(lambda _id: self.refresh())
        dlg.open()
        self.last_dialog = dlg

    def show_hours(self) -> None:
        from desktop_app.rosters.dialogs import HoursDialog

        member = self.selected_member()
        if member is None:
            return
        dlg = HoursDialog(self.ctx, member, parent=self)
        dlg.save_button().setEnabled(self.ctx.can(service.CORRECT_HOURS))
        dlg.saved.connect(lambda _id: self.refresh())
        dlg.open()
        self.last_dialog = dlg

    def save_ics(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), f"{member.name}-{self.month:%Y-%m}.ics")
        if path:
            self.write_ics(member, path)

    def write_ics(self, member, path: str) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            text = service.ics_for(s, actor=self.ctx.actor, volunteer_id=member.volunteer_id, start=self.month, end=self.month_end())
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        self.last_box = show_info(self, self.tr("Saved {path}").format(path=path))

    def new_team(self) -> None:
        from desktop_app.rosters.dialogs import TeamDialog

        dlg = TeamDialog(self.ctx, parent=self)
        dlg.saved.connect(lambda team_id: self.load_teams(select=team_id))
        dlg.open()
        self.last_dialog = dlg
