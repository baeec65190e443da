"""The recipients tab: search the meal recipients (a lazy list), add or edit one, add a meal on the day
the day tab shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.i18n import translate
from desktop_app.core.validation import yuan
from desktop_app.meals.labels import MEAL_LABELS, SERVICE_LABELS, STATUS_LABELS
from desktop_app.meals.models import MEALS, RecipientStatus, schedule_bit
from desktop_app.meals.orders import add_order
from desktop_app.meals.permissions import MANAGE_RECIPIENTS, RUN_MEAL_DAY
from desktop_app.meals.recipients import RecipientRow, list_recipients
from desktop_app.meals.settings import meal_settings
from desktop_app.meals.ui.common import diet_names, tm, tone_brushes
from desktop_app.meals.ui.day import DayTab
from desktop_app.meals.ui.dialogs import RecipientDialog
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.export_action import shown_filter
from desktop_app.ui.lazy_model import Column, KeysetTableModel
from desktop_app.ui.search_box import SearchBox
from desktop_app.ui.widgets import fit_columns, open_single


class RecipientsTab(QWidget):
    def __init__(self, ctx: AppContext, day_tab: DayTab, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day_tab = day_tab
        self.dialog: RecipientDialog | None = None
        self.low = 0
        self._fitted = False
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = SearchBox(self, self.tr("Search: name, pinyin, initials, phone digits"))
        self.search.setObjectName("recipientSearch")
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("all statuses"), "")
        for value, label in STATUS_LABELS.items():
            self.status.addItem(tm(label), value)
        self.new_button = QPushButton(self.tr("New recipient…"), self)
        self.new_button.setObjectName("newRecipient")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editRecipient")
        self.add_meal_button = QPushButton(self.tr("Add a meal on the day shown"), self)
        self.add_meal_button.setObjectName("addMeal")
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.add_meal_button)
        lay.addLayout(bar)
        cols = [
            Column(self.tr("Name"), lambda r: r.name, chars=5),
            Column(self.tr("Status"), self._status_text,
                   foreground=lambda r: tone_brushes("warn")[0] if r.effective_status != RecipientStatus.ACTIVE else None),
            Column(self.tr("Service"), lambda r: tm(SERVICE_LABELS[r.service])),
            Column(self.tr("Schedule"), lambda r: self._schedule_text(r.schedule)),
            Column(self.tr("Diet"), lambda r: diet_names(r.diets, r.avoid)),
            Column(self.tr("Balance"), lambda r: yuan(r.balance_fen), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   foreground=lambda r: tone_brushes("warn")[0] if r.balance_fen <= self.low else None, chars=8,
                   export=lambda r: r.balance_fen / 100),
            Column(self.tr("Address"), lambda r: r.address),
        ]
        self.model = KeysetTableModel(cols, self._fetch(), lambda r: (r.sort_key, r.id), self, engine=ctx.engine)
        self.model.loaded.connect(self._fit_once)
        self.view = QTableView(self)
        self.view.setObjectName("recipients")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.view.activated.connect(lambda _i: self.edit())
        lay.addWidget(self.view)
        self.search.query_changed.connect(lambda _q: self.reload())
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.add_meal_button.clicked.connect(self.add_meal)
        self.new_button.setEnabled(ctx.can(MANAGE_RECIPIENTS))
        self.edit_button.setEnabled(ctx.can(MANAGE_RECIPIENTS))
        self.add_meal_button.setEnabled(ctx.can(RUN_MEAL_DAY))
        self.reload()

    def _status_text(self, r: RecipientRow) -> str:
        if r.effective_status == RecipientStatus.PAUSED and r.paused_until:
            return self.tr("paused until {day}").format(day=r.paused_until.isoformat())
        return tm(STATUS_LABELS[r.effective_status])

    def _schedule_text(self, mask: int) -> str:
        days = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        parts = []
        for meal in MEALS:
            on = [w for w in range(7) if mask & schedule_bit(w, meal)]
            if not on:
                continue
            if len(on) == 7:
                text = self.tr("daily")
            elif on == [0, 1, 2, 3, 4]:
                text = self.tr("Mon–Fri")
            else:
                text = " ".join(days[w] for w in on)
            parts.append(f"{tm(MEAL_LABELS[meal])} {text}")
        return translate("Lists", "; ").join(parts)

    def export_filter(self, view) -> list[str]:
        return shown_filter(self.search, self.status)

    def _fetch(self):
        """The keyset page reader for the filter shown now (read on the GUI thread, used on the lane)."""
        actor, q, status = self.ctx.actor, self.search.text(), self.status.currentData()
        return lambda s, after, limit: list_recipients(s, actor=actor, q=q, status=status, after=after, limit=limit)

    def reload(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: meal_settings(s, actor=actor).low_balance_fen, self._set_low,
                  latest="low")
        self.model.reload(self._fetch())

    def _set_low(self, fen: int) -> None:
        self.low = fen

    def _fit_once(self) -> None:
        if not self._fitted and self.model.rowCount():
            fit_columns(self.view)
            self._fitted = True

    def selected(self) -> RecipientRow | None:
        idx = self.view.currentIndex()
        return self.model.row(idx) if idx.isValid() else None

    def new(self) -> None:
        self._open(None)

    def edit(self) -> None:
        row = self.selected()
        if row is not None and self.ctx.can(MANAGE_RECIPIENTS):
            self._open(row.id)

    def _open(self, recipient_id: int | None) -> None:
        def make() -> RecipientDialog:
            dialog = RecipientDialog(self.ctx, recipient_id, self)
            dialog.finished.connect(lambda _r: (self.reload(), self.day_tab.refresh()))
            dialog.open()
            return dialog

        self.dialog = open_single(self, ("recipient", recipient_id), make)

    def add_meal(self) -> None:
        row = self.selected()
        if row is None:
            return
        actor, day, meal = self.ctx.actor, self.day_tab.day(), self.day_tab.meal_key()
        ops.write(self, self.ctx.engine, lambda s: add_order(s, actor=actor, recipient_id=row.id, day=day, meal=meal),
                  on_done=lambda _order: (self.reload(), self.day_tab.refresh()))
