"""The canteen counter of the meals day: a resident found by name or by a scanned passport code is served
the day's meal and charged; the answer stays on screen, green or red, for the next person in the queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.core.errors import SmileDeskError
from desktop_app.core.validation import yuan
from desktop_app.meals.deliveries import ServedMeal, serve_at_counter
from desktop_app.meals.labels import MEAL_LABELS
from desktop_app.meals.ui.common import set_tone, tm
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext


class CounterPanel(QWidget):
    """``day()`` and ``meal()`` say which meal is served (the day tab's choice); ``served()`` runs after each
    meal served (the day tab reads its lists again)."""

    def __init__(self, ctx: AppContext, day: Callable[[], date], meal: Callable[[], str], served: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.day, self.meal, self.served = ctx, day, meal, served
        fl = QVBoxLayout(self)
        intro = QLabel(self.tr("Dine-in check-in: find the resident or scan the passport code."), self)
        intro.setWordWrap(True)
        fl.addWidget(intro)
        self.picker = ResidentPicker(self.ctx, self)
        self.picker.chosen.connect(lambda row: self.check_in(row.id))
        fl.addWidget(self.picker)
        self.code = QLineEdit(self)
        self.code.setObjectName("scanCode")
        self.code.setPlaceholderText(self.tr("Scan passport code"))
        self.code.returnPressed.connect(self.scan)
        self.code.setVisible(self.ctx.services.passport_codes is not None)
        fl.addWidget(self.code)
        self.result = QLabel(self)
        self.result.setObjectName("counterResult")
        self.result.setWordWrap(True)
        fl.addWidget(self.result)
        fl.addStretch(1)

    def check_in(self, resident_id: int) -> None:
        actor, day, meal = self.ctx.actor, self.day(), self.meal()
        self.picker.clear()
        ops.write(self, self.ctx.engine,
                  lambda s: serve_at_counter(s, actor=actor, resident_id=resident_id, day=day, meal=meal),
                  on_done=self._served, on_error=self._not_served)

    def _served(self, served: ServedMeal) -> None:
        set_tone(self.result, "done")
        self.result.setText(self.tr("{name}: {meal} served. Charged {charge} yuan, balance {balance} yuan.").format(
            name=served.name, meal=tm(MEAL_LABELS[served.order.meal]), charge=yuan(served.order.charge_fen),
            balance=yuan(served.balance_fen)))
        self.served()

    def _not_served(self, exc: BaseException) -> None:
        if not isinstance(exc, SmileDeskError):
            ops.report_error(self, exc)
            return
        set_tone(self.result, "alert")
        self.result.setText(exc.text())

    def scan(self) -> None:
        codes = self.ctx.services.passport_codes
        code = self.code.text().strip()
        self.code.clear()
        if codes is None or not code:
            return
        ops.query(self, self.ctx.engine, lambda s: codes.resolve_code(s, code), self._scanned)

    def _scanned(self, resident_id: int | None) -> None:
        if resident_id is None:
            set_tone(self.result, "alert")
            self.result.setText(self.tr("This code belongs to no resident; search by name instead."))
            return
        self.check_in(resident_id)
