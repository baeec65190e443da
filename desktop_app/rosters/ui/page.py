"""Rosters page: a team and a month on top (create the shifts, fill the month in the background with
progress and cancel, print the roster and the sign-in sheet through their previews, today's papers in one
action, the Excel roster, tomorrow's WeChat text), and six tabs built when first shown: the
month grid with cell edits (ui/month_tab.py), the day's check-in desk (ui/today_tab.py), the team's
members (ui/team_tab.py), patrol findings (ui/findings_tab.py), hours — automatic check-outs to confirm
and the multipliers (ui/hours_tab.py) — and the national volunteer system (ui/national_tab.py). Thin: every decision is a use case's;
every read and write goes through ``ui.ops``."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock, paths
from desktop_app.core.papers import PaperKind
from desktop_app.core.periods import Period
from desktop_app.rosters import papers, pdf
from desktop_app.rosters.common import chosen_team
from desktop_app.rosters.labels import kind_label
from desktop_app.rosters.month import fill_month
from desktop_app.rosters.permissions import MANAGE_ROSTERS
from desktop_app.rosters.sharing import wechat_text
from desktop_app.rosters.teams import list_teams
from desktop_app.rosters.ui.colours import RosterColours
from desktop_app.rosters.ui.findings_tab import FindingsTab
from desktop_app.rosters.ui.hours_tab import HoursTab
from desktop_app.rosters.ui.month_tab import MonthTab
from desktop_app.rosters.ui.national_tab import NationalTab
from desktop_app.rosters.ui.team_tab import TeamTab
from desktop_app.rosters.ui.today_tab import TodayTab
from desktop_app.ui import ops
from desktop_app.ui.accessibility import name_unnamed_controls
from desktop_app.ui.calendar_note import CalendarNote
from desktop_app.ui.context import AppContext
from desktop_app.ui.day_watch import day_watch, moved_day
from desktop_app.ui.fit import FlowLayout
from desktop_app.ui.messages import show_error, show_info
from desktop_app.ui.printing import PrintPreview, open_preview, open_todays_papers
from desktop_app.ui.widgets import select_data


class RostersPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = clock.today()
        self.month = date(today.year, today.month, 1)
        day_watch().changed.connect(self._new_day)
        self.last_op = None  # the running "fill the month" (tests wait on it)
        self.last_box = None
        self.last_dialog = None
        self.solve_seconds = 5.0  # CP-SAT time limit after the greedy fill (cancel stops it sooner)
        self.can_manage = ctx.can(MANAGE_ROSTERS)
        self.colours = RosterColours(self)
        self._teams_loaded = False  # tabs read their data once the teams are known

        self.team = QComboBox()
        self.team.setObjectName("teamBox")
        self.team.setAccessibleName(self.tr("Team"))
        self.team.setMinimumWidth(180)
        self.prev_button = QPushButton("◀")
        self.prev_button.setObjectName("prevMonth")
        self.prev_button.setAccessibleName(self.tr("Previous month"))
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("nextMonth")
        self.next_button.setAccessibleName(self.tr("Next month"))
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
        self.sheet_button = QPushButton(self.tr("Print sign-in sheet"))
        self.sheet_button.setObjectName("signInSheet")
        self.sheet_button.setToolTip(self.tr("The sign-in sheet of the day chosen in the month grid"))
        self.today_button = QPushButton(self.tr("Today's papers…"))
        self.today_button.setObjectName("todaysPapers")
        self.today_button.setToolTip(self.tr("Kitchen sheet, route sheets, labels and patrol sign-in sheets, printed in order"))
        self.excel_button = QPushButton(self.tr("Excel"))
        self.excel_button.setObjectName("exportExcel")
        self.text_button = QPushButton(self.tr("Tomorrow's text"))
        self.text_button.setObjectName("tomorrowText")
        for b in (self.generate_button, self.solve_button):
            b.setVisible(self.can_manage)
        top = FlowLayout()  # the buttons wrap onto a second line on a narrow screen (ui/fit.py)
        top.addWidget(self.team)
        top.group(self.prev_button, self.month_label, self.next_button)
        top.addStretch()
        for b in (self.generate_button, self.solve_button, self.print_button, self.sheet_button, self.today_button,
                  self.excel_button, self.text_button):
            top.addWidget(b)

        # Tabs are built when first shown (attribute, class), in the order of their titles below.
        self.month_tab: MonthTab | None = None
        self.today_tab: TodayTab | None = None
        self.team_tab: TeamTab | None = None
        self.findings_tab: FindingsTab | None = None
        self.hours_tab: HoursTab | None = None
        self.national_tab: NationalTab | None = None
        self._tab_makers = [("month_tab", MonthTab), ("today_tab", TodayTab), ("team_tab", TeamTab),
                            ("findings_tab", FindingsTab), ("hours_tab", HoursTab), ("national_tab", NationalTab)]
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rosterTabs")
        for title in (self.tr("Month"), self.tr("Today"), self.tr("Team"), self.tr("Findings"), self.tr("Hours"),
                      self.tr("National system")):
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
        # the month lies in a year whose holidays are not entered: no shift there is a holiday shift
        self.calendar_note = CalendarNote(self, "rosterCalendarNote")
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.calendar_note)
        lay.addWidget(self.tabs, 1)

        self.team.currentIndexChanged.connect(lambda _i: self.refresh())
        self.prev_button.clicked.connect(lambda: self.move_month(-1))
        self.next_button.clicked.connect(lambda: self.move_month(1))
        self.generate_button.clicked.connect(self.generate)
        self.solve_button.clicked.connect(self.solve)
        self.print_button.clicked.connect(self.print_roster)
        self.sheet_button.clicked.connect(self.print_sign_in_sheet)
        self.today_button.clicked.connect(lambda: open_todays_papers(self, self.ctx))
        self.excel_button.clicked.connect(self.export_excel)
        self.text_button.clicked.connect(self.tomorrow_text)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._show_month_label()
        self._tab_shown(self.tabs.currentIndex())
        self.load_teams()

    # --- tabs ---------------------------------------------------------------------------------
    def _tab_shown(self, index: int) -> None:
        """Build a tab's contents the first time it is shown, and read its data; a tab that reads only while
        shown (the national system's) and was asked to meanwhile reads now."""
        if not (0 <= index < len(self._tab_makers)):
            return
        attr, make = self._tab_makers[index]
        built = getattr(self, attr)
        if built is not None:
            if getattr(built, "stale", False) and self._teams_loaded:
                built.stale = False
                built.refresh()
            return
        tab = make(self)
        setattr(self, attr, tab)
        self.tabs.widget(index).layout().addWidget(tab)
        name_unnamed_controls(tab)  # what the main window does for the page, for a tab built later
        if self._teams_loaded:
            tab.refresh()

    def built_tabs(self) -> list:
        return [t for t in (self.month_tab, self.today_tab, self.team_tab, self.findings_tab, self.hours_tab,
                            self.national_tab) if t is not None]

    # --- team and month -----------------------------------------------------------------------
    def team_id(self) -> int | None:
        return self.team.currentData()

    def load_teams(self, select: int | None = None) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: list_teams(s, actor=actor), lambda teams: self._show_teams(teams, select),
                  latest="teams")

    def _show_teams(self, teams, select: int | None) -> None:
        self.team.blockSignals(True)
        self.team.clear()
        for t in teams:
            self.team.addItem(f"{t.name}（{kind_label(t.kind)}）", t.id)
        if select is not None:
            select_data(self.team, select)
        self.team.blockSignals(False)
        self._teams_loaded = True
        self.refresh()

    def _new_day(self, old: date, new: date) -> None:
        """Left on overnight into a new month: the month shown moves on with it, unless another was chosen."""
        to = moved_day(self.month, old, new, month=True)
        if to is not None:
            self.month = to
            self.refresh()

    def move_month(self, step: int) -> None:
        m = self.month.month - 1 + step
        self.month = date(self.month.year + m // 12, m % 12 + 1, 1)
        self.refresh()

    def month_end(self) -> date:
        """The month's last day (use cases take both days of a range, as a person gives them)."""
        return Period.month_of(self.month).last_day

    def _show_month_label(self) -> None:
        self.month_label.setText(self.tr("{year}-{month:02d}").format(year=self.month.year, month=self.month.month))

    def refresh(self, *, note: str | None = None) -> None:
        """Read everything shown again (another team or month, or after a change). ``note`` replaces
        the month tab's explanation of gaps once (a fill's or a repair's result)."""
        self._show_month_label()
        self.calendar_note.check(self.ctx.engine, self.month, self.month_end())
        shown = self.tabs.currentIndex()
        for index, (attr, _make) in enumerate(self._tab_makers):
            tab = getattr(self, attr)
            if tab is None:
                continue
            if index != shown:
                # Read when it is shown next (_tab_shown): a visit of the page read every tab built so far,
                # one after the other on the lane, before the one shown could answer (issue 21: 120 ms).
                tab.stale = True
                if tab is self.month_tab and note is not None:
                    tab._note = note
            elif tab is self.month_tab:
                tab.refresh(note=note)
            else:
                tab.refresh()

    def failed(self, exc: BaseException) -> None:
        """The one error policy (ui.messages.show_error), keeping the box for tests."""
        self.last_box = show_error(self, exc)

    def write(self, fn, on_done=None) -> None:
        """One use case in one writing transaction; everything shown is read again after it."""
        ops.write(self, self.ctx.engine, fn, on_done=on_done or (lambda _r: self.refresh()), on_error=self.failed)

    # --- month actions ------------------------------------------------------------------------
    def generate(self) -> None:
        from desktop_app.rosters.shifts import generate_shifts

        team_id = self.team_id()  # none (a new station has no team yet): the use case says what to do
        actor, start, end = self.ctx.actor, self.month, self.month_end()
        self.write(lambda s: generate_shifts(s, actor=actor, team_id=team_id, start=start, end=end),
                   on_done=lambda made: self.refresh(note=self.tr("{n} shift(s) created; shifts not yet worked follow the holiday calendar.").format(n=made)))

    def solve(self) -> None:
        team_id = self.team_id()  # none (a new station has no team yet): the use case says what to do
        engine, actor, seconds = self.ctx.engine, self.ctx.actor, self.solve_seconds
        start, end, keep_before = self.month, self.month_end(), clock.today()

        def work(progress):
            return fill_month(engine, actor=actor, team_ids=[] if team_id is None else [team_id], start=start, end=end, progress=progress,
                              time_limit=seconds, keep_before=keep_before)

        def done(prop) -> None:
            lines = [self.tr("Filled in {seconds:.1f} s: {gaps} patrol(s) still short; fairness spread {spread}.").format(
                seconds=prop.seconds, gaps=len(prop.gaps), spread=prop.spread.get("all", 0))]
            lines += [sf.text() for sf in prop.shortfalls]
            if prop.gaps and not prop.shortfalls:
                lines.append(self.tr("The limits together leave these patrols short; lock or edit cells, or relax limits."))
            self.refresh(note="\n".join(lines))

        self.last_op = ops.run_op(self, work, done, self.failed, title=self.tr("Filling the month…"))

    def print_roster(self) -> PrintPreview | None:
        """The month's roster of the team, a page per grid, in its print preview."""
        if self._no_team():
            return None
        team_id = self.team_id()
        engine, actor, year, month = self.ctx.engine, self.ctx.actor, self.month.year, self.month.month
        return open_preview(self, self.ctx, PaperKind.ROSTER, lambda progress, _skip: papers.monthly_roster(
            engine, actor=actor, team_id=team_id, year=year, month=month, progress=progress),
            key=(team_id, year, month), save_name=paths.file_name(self.tr("Patrol roster"), f"{self.month:%Y-%m}", suffix=".pdf"))

    def print_sign_in_sheet(self) -> PrintPreview | None:
        """The sign-in sheet of the day chosen in the month grid (today when none is)."""
        if self._no_team():
            return None
        team_id = self.team_id()
        engine, actor = self.ctx.engine, self.ctx.actor
        day = self.month_tab.day_for_sheet() if self.month_tab is not None else clock.today()
        return open_preview(self, self.ctx, PaperKind.SIGN_IN, lambda progress, _skip: papers.sign_in_sheet(
            engine, actor=actor, team_id=team_id, day=day, progress=progress),
            key=(team_id, day), save_name=paths.file_name(self.tr("Sign-in sheet"), f"{day:%Y-%m-%d}", suffix=".pdf"))

    def _no_team(self) -> bool:
        """No team chosen: say what to do (the use case's own message) and do nothing else."""
        if self.team_id() is not None:
            return False
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: chosen_team(s, None, actor), on_error=self.failed)
        return True

    def export_excel(self) -> None:
        if self._no_team():  # say what to do before asking where to save
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), f"roster-{self.month:%Y-%m}.xlsx")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        actor, team_id, year, month = self.ctx.actor, self.team_id(), self.month.year, self.month.month
        ops.query(self, self.ctx.engine, lambda s: pdf.excel_roster(s, actor=actor, team_id=team_id, year=year, month=month,
                                                                    path=path),
                  lambda _r: self._saved_file(path), on_error=self.failed)

    def _saved_file(self, path: str) -> None:
        self.last_box = show_info(self, self.tr("Saved {path}").format(path=path))

    def tomorrow_text(self) -> None:
        actor, team_id, day = self.ctx.actor, self.team_id(), clock.today() + timedelta(days=1)
        ops.query(self, self.ctx.engine, lambda s: wechat_text(s, actor=actor, day=day, team_id=team_id),
                  self._show_text, on_error=self.failed)

    def _show_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        if self.month_tab is not None:
            self.month_tab.explain.setPlainText(text)
        self.last_box = show_info(self, self.tr("Copied; paste it into the WeChat group:") + "\n\n" + text)
