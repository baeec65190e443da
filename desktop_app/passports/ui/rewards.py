"""The rewards tab (奖品): what stamps can buy, its stock; a new reward, more stock, stop offering one.

Stock and offering are changed from what the table shows: the change carries the version that row had,
so a change someone saved in between is not built on (the message names them; the table reloads).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop_app.passports import rewards
from desktop_app.passports.permissions import MANAGE_REWARDS
from desktop_app.passports.ui.common import make_table
from desktop_app.passports.ui.dialogs import Ask, RewardDialog
from desktop_app.ui import ops
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.widgets import fit_columns, open_single


class RewardsTab(QWidget):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.model = ListTableModel([
            Column(self.tr("Reward"), lambda r: r.name),
            Column(self.tr("Cost in stamps"), lambda r: r.cost),
            Column(self.tr("Stock"), lambda r: r.stock),
            Column(self.tr("Notes"), lambda r: r.notes),
        ])
        self.table = make_table(self.model, "rewardTable")
        self.new_button = QPushButton(self.tr("New reward…"), self)
        self.new_button.clicked.connect(self.new_reward)
        self.restock_button = QPushButton(self.tr("Add stock…"), self)
        self.restock_button.clicked.connect(self.restock)
        self.retire_button = QPushButton(self.tr("Stop offering"), self)
        self.retire_button.clicked.connect(self.retire)
        can = self.ctx.can(MANAGE_REWARDS)
        for b in (self.new_button, self.restock_button, self.retire_button):
            b.setEnabled(can)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.restock_button, self.retire_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: rewards.list_rewards(s, actor=actor), self._show, latest="list")

    def _show(self, rows: list) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        fit_columns(self.table)
        if selected is not None:
            for i, r in enumerate(rows):
                if r.id == selected.id:
                    self.table.selectRow(i)

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() else None

    def new_reward(self) -> None:
        def make() -> RewardDialog:
            dialog = RewardDialog(self.ctx, self)
            dialog.saved.connect(lambda _r: self.page.changed())
            return dialog

        open_single(self, "new", make).open()

    def _change(self, fn) -> None:
        def failed(exc: BaseException) -> None:  # StaleEdit and the rest: say why, show what is there now
            ops.report_error(self, exc)
            self.refresh()

        ops.write(self, self.ctx.engine, fn, on_done=lambda _r: self.page.changed(), on_error=failed)

    def restock(self) -> None:
        r = self.selected()
        if r is None:
            return
        n = Ask.number(self, self.tr("Add stock"), self.tr("Pieces to add (negative to remove):"), 10, -100000, 100000)
        if n is None:
            return
        actor, reward_id, version = self.ctx.actor, r.id, r.version
        self._change(lambda s: rewards.restock_reward(s, actor=actor, reward_id=reward_id, add=n, expected_version=version))

    def retire(self) -> None:
        r = self.selected()
        if r is None:
            return
        actor, reward_id, version = self.ctx.actor, r.id, r.version
        self._change(lambda s: rewards.set_reward_active(s, actor=actor, reward_id=reward_id, active=False,
                                                         expected_version=version))
