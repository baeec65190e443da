"""The findings tab: what the team's patrols found (and findings without a team), newest first, read a
page at a time; a finding not yet handed to the desk opens a desk record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop_app.core import clock
from desktop_app.rosters.findings import list_findings, open_desk_record_for
from desktop_app.rosters.labels import category_label
from desktop_app.rosters.permissions import RECORD_FINDINGS
from desktop_app.ui.lazy_model import Column, KeysetTableModel
from desktop_app.ui.messages import show_info


class FindingsTab(QWidget):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page, self.ctx = page, page.ctx
        self.findings_model = KeysetTableModel([
            Column(self.tr("Found"), lambda f: clock.fmt_local(f.found_at), export=lambda f: clock.to_local(f.found_at)),
            Column(self.tr("Category"), lambda f: category_label(f.category)),
            Column(self.tr("Location"), lambda f: f.location),
            Column(self.tr("Note"), lambda f: f.note),
            Column(self.tr("Desk record"), lambda f: f"#{f.desk_record_id}" if f.desk_record_id else "",
                   export=lambda f: f.desk_record_id),
        ], self._fetch(None), lambda f: (f.found_at, f.id), self, engine=self.ctx.engine)
        self.findings = QTableView()
        self.findings.setObjectName("findingsTable")
        self.findings.setModel(self.findings_model)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.open_record_button = QPushButton(self.tr("Open a desk record"))
        self.open_record_button.setObjectName("openDeskRecord")
        self.open_record_button.setVisible(self.ctx.can(RECORD_FINDINGS))
        lay = QVBoxLayout(self)
        lay.addWidget(self.findings)
        lay.addWidget(self.open_record_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.open_record_button.clicked.connect(self.open_desk_record)

    def _fetch(self, team_id: int | None):
        actor = self.ctx.actor

        def fetch(s, after, limit):
            if team_id is None:
                return []
            return list_findings(s, actor=actor, after=after, limit=limit, team_id=team_id)

        return fetch

    def refresh(self) -> None:
        self.findings_model.reload(self._fetch(self.page.team_id()))

    def open_desk_record(self) -> None:
        idx = self.findings.currentIndex()
        f = self.findings_model.row(idx) if idx.isValid() else None
        if f is None:
            return
        actor, finding_id = self.ctx.actor, f.id
        self.page.write(lambda s: open_desk_record_for(s, actor=actor, finding_id=finding_id), on_done=self._opened)

    def _opened(self, record_id: int) -> None:
        self.page.refresh()
        self.page.last_box = show_info(self.page, self.tr("Desk record #{id} opened; it follows the usual loop.").format(id=record_id))
