"""The team tab: the team's members with their limits (age band or their own), this month's patrols and
hours; adding volunteers, a new team, the daily shifts, one volunteer's limits and availability, their
hours ledger and calendar file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.rosters.labels import role_label
from desktop_app.rosters.permissions import CORRECT_HOURS
from desktop_app.rosters.sharing import ics_for
from desktop_app.rosters.teams import team_members
from desktop_app.ui import ops
from desktop_app.ui.fit import FlowLayout
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.messages import show_info
from desktop_app.ui.widgets import open_single


class TeamTab(QWidget):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page, self.ctx = page, page.ctx
        can_manage = page.can_manage
        self.members_model = ListTableModel([
            Column(self.tr("Name"), lambda m: m.name),
            Column(self.tr("Age"), lambda m: m.age if m.age is not None else ""),
            Column(self.tr("Role"), lambda m: role_label(m.role)),
            Column(self.tr("Per week"), lambda m: m.limits.max_per_week if m.limits.max_per_week is not None else "—"),
            Column(self.tr("Per month"), lambda m: m.limits.max_per_month if m.limits.max_per_month is not None else "—"),
            Column(self.tr("Evenings"), lambda m: self.tr("no") if m.limits.no_evenings else self.tr("yes")),
            Column(self.tr("Patrols this month"), lambda m: m.patrols_this_month),
            Column(self.tr("Hours"), lambda m: f"{m.hours_minutes / 60:.1f}", export=lambda m: round(m.hours_minutes / 60, 1)),
        ], parent=self)
        self.members = QTableView()
        self.members.setObjectName("membersTable")
        self.members.setModel(self.members_model)
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_member_button = QPushButton(self.tr("Add volunteer…"))
        self.add_member_button.setObjectName("addVolunteer")
        self.new_team_button = QPushButton(self.tr("New team…"))
        self.new_team_button.setObjectName("newTeam")
        self.templates_button = QPushButton(self.tr("Daily shifts…"))
        self.templates_button.setObjectName("editTemplates")
        self.edit_member_button = QPushButton(self.tr("Limits and availability…"))
        self.edit_member_button.setObjectName("editVolunteer")
        for b in (self.add_member_button, self.new_team_button, self.templates_button, self.edit_member_button):
            b.setVisible(can_manage)
        self.hours_button = QPushButton(self.tr("Hours…"))
        self.hours_button.setObjectName("hoursLedger")
        self.ics_button = QPushButton(self.tr("Calendar file (.ics)…"))
        self.ics_button.setObjectName("icsFile")
        buttons = FlowLayout()
        for b in (self.add_member_button, self.new_team_button, self.templates_button, self.edit_member_button,
                  self.hours_button, self.ics_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.members)

        self.add_member_button.clicked.connect(self.add_member)
        self.new_team_button.clicked.connect(self.new_team)
        self.templates_button.clicked.connect(self.edit_templates)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.members.doubleClicked.connect(lambda _i: self.edit_member() if can_manage else None)
        self.hours_button.clicked.connect(self.show_hours)
        self.ics_button.clicked.connect(self.save_ics)

    def refresh(self) -> None:
        team_id, actor, on = self.page.team_id(), self.ctx.actor, self.page.month
        if team_id is None:
            self.members_model.set_rows([])
            return
        ops.query(self, self.ctx.engine, lambda s: team_members(s, actor=actor, team_id=team_id, on=on),
                  self.members_model.set_rows, latest="members")

    def selected_member(self):
        idx = self.members.currentIndex()
        return self.members_model.row(idx) if idx.isValid() else None

    def _open(self, key, make) -> None:
        """One dialog per record (a double-click must not open two); what it saves is read again."""
        dlg = open_single(self, key, make)
        if not dlg.isVisible():
            dlg.saved.connect(lambda _id: self.page.refresh())
            dlg.open()
        self.page.last_dialog = dlg

    def add_member(self) -> None:
        from desktop_app.rosters.ui.dialogs import AddVolunteerDialog

        team_id = self.page.team_id()
        if team_id is not None:
            self._open(("add volunteer", team_id), lambda: AddVolunteerDialog(self.ctx, team_id=team_id, parent=self))

    def new_team(self) -> None:
        from desktop_app.rosters.ui.dialogs import TeamDialog

        dlg = open_single(self, "new team", lambda: TeamDialog(self.ctx, parent=self))
        if not dlg.isVisible():
            dlg.saved.connect(lambda team_id: self.page.load_teams(select=team_id))
            dlg.open()
        self.page.last_dialog = dlg

    def edit_templates(self) -> None:
        from desktop_app.rosters.ui.templates_dialog import TemplatesDialog

        team_id = self.page.team_id()
        if team_id is not None:
            self._open(("templates", team_id), lambda: TemplatesDialog(self.ctx, team_id, parent=self))

    def edit_member(self) -> None:
        from desktop_app.rosters.ui.dialogs import VolunteerDialog

        member = self.selected_member()
        if member is not None:
            self._open(("volunteer", member.volunteer_id), lambda: VolunteerDialog(self.ctx, member, parent=self))

    def show_hours(self) -> None:
        from desktop_app.rosters.ui.dialogs import HoursDialog

        member = self.selected_member()
        if member is not None:
            self._open(("hours", member.volunteer_id),
                       lambda: HoursDialog(self.ctx, member, can_correct=self.ctx.can(CORRECT_HOURS), parent=self))

    def save_ics(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), f"{member.name}-{self.page.month:%Y-%m}.ics")
        if path:
            self.write_ics(member, path)

    def write_ics(self, member, path: str) -> None:
        actor, vid, start, end = self.ctx.actor, member.volunteer_id, self.page.month, self.page.month_end()

        def work(s) -> None:
            text = ics_for(s, actor=actor, volunteer_id=vid, start=start, end=end)
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)

        ops.query(self, self.ctx.engine, work, lambda _r: self._saved(path), on_error=self.page.failed)

    def _saved(self, path: str) -> None:
        self.page.last_box = show_info(self.page, self.tr("Saved {path}").format(path=path))
