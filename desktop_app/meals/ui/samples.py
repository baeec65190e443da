"""The food samples tab: keep each meal's sample, discard it after 48 hours and sign it off."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.clock import fmt_local, utcnow
from desktop_app.meals.labels import MEAL_LABELS
from desktop_app.meals.models import FoodSample
from desktop_app.meals.samples import discard_sample, keep_sample, list_samples, sample_due
from desktop_app.meals.ui.common import combo, make_table, paint, tm
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets import fit_columns, read_only_item


class SamplesTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        form = QHBoxLayout()
        self.meal = combo(MEAL_LABELS, self)
        self.meal.setObjectName("sampleMeal")
        self.dishes = QLineEdit(self)
        self.dishes.setObjectName("dishes")
        self.dishes.setPlaceholderText(self.tr("dishes kept, e.g. braised fish, greens, rice"))
        self.person = QLineEdit(ctx.actor.display_name, self)
        self.person.setObjectName("person")
        self.keep_button = QPushButton(self.tr("Keep sample"), self)
        self.keep_button.setObjectName("keepSample")
        self.discard_button = QPushButton(self.tr("Discard selected"), self)
        self.discard_button.setObjectName("discardSample")
        for w in (self.meal, self.dishes, QLabel(self.tr("by")), self.person, self.keep_button, self.discard_button):
            form.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Each meal's sample is kept 48 hours in the sample fridge, then discarded and signed off here.")))
        self.table = make_table(self, [self.tr("Day"), self.tr("Meal"), self.tr("Dishes"), self.tr("Kept by"), self.tr("Kept at"),
                                       self.tr("May discard from"), self.tr("Discarded")], "samples")
        lay.addWidget(self.table)
        self.keep_button.clicked.connect(self.keep)
        self.discard_button.clicked.connect(self.discard)
        self.rows: list[FoodSample] = []
        self.refresh()

    def refresh(self) -> None:
        actor, since = self.ctx.actor, date.today() - timedelta(days=14)
        ops.query(self, self.ctx.engine, lambda s: list_samples(s, actor=actor, since=since), self._show, latest="samples")

    def _show(self, rows: list[FoodSample]) -> None:
        self.rows = rows
        now = utcnow()
        t = self.table
        t.setRowCount(len(self.rows))
        for i, x in enumerate(self.rows):
            due = sample_due(x)
            done = f"{fmt_local(x.discarded_at)} {x.discarded_by}" if x.discarded_at else ""
            cells = [x.day.isoformat(), tm(MEAL_LABELS[x.meal]), x.dishes, x.kept_by, fmt_local(x.kept_at),
                     fmt_local(due), done]
            for c, text in enumerate(cells):
                item = read_only_item(text, x.id if c == 0 else None)
                if x.discarded_at is None and due <= now:
                    paint(item, "due")
                t.setItem(i, c, item)
        fit_columns(t)

    def keep(self) -> None:
        actor, meal, dishes, person = self.ctx.actor, self.meal.currentData(), self.dishes.text(), self.person.text()
        day = date.today()
        ops.write(self, self.ctx.engine,
                  lambda s: keep_sample(s, actor=actor, day=day, meal=meal, dishes=dishes, kept_by=person),
                  on_done=lambda _x: (self.dishes.clear(), self.refresh()))

    def discard(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        actor, sample_id, person = self.ctx.actor, self.rows[row].id, self.person.text()
        ops.write(self, self.ctx.engine,
                  lambda s: discard_sample(s, actor=actor, sample_id=sample_id, discarded_by=person),
                  on_done=lambda _x: self.refresh())
