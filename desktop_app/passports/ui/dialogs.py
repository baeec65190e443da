"""Small dialogs of the passports page: a new activity, a new reward (each saves itself through ``ui.ops`` and
stays open, with the message, when the use case refuses), and one-line questions (``Ask``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.passports import activities, rewards
from desktop_app.passports.models import ActivityCreate, ActivityKind, RewardCreate
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets import pydate, qdate


class _SavingDialog(QDialog):
    """OK saves through ``ui.ops``: the dialog closes when the use case has saved, and stays open with the
    message when it refuses (nothing typed is lost)."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _write(self, fn) -> None:
        """``fn(session)``: the use case, with the data read from the widgets on the GUI thread."""
        self.buttons.setEnabled(False)
        ops.write(self, self.ctx.engine, fn, on_done=self._saved, on_error=self._not_saved)

    def _saved(self, row) -> None:
        self.saved.emit(row)
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        ops.report_error(self, exc)


class ActivityDialog(_SavingDialog):
    """Name, category, once / every day / every week, dates, stamps, limits, places, organiser."""

    def __init__(self, ctx: AppContext, parent=None, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New activity"))
        today = today or date.today()
        self.name = QLineEdit(self)
        self.name.setObjectName("activityName")
        self.category = QLineEdit(self)
        self.kind = QComboBox(self)
        for key, text in ((ActivityKind.ONCE, self.tr("Once")), (ActivityKind.DAILY, self.tr("Every day")),
                          (ActivityKind.WEEKLY, self.tr("Every week"))):
            self.kind.addItem(text, key)
        self.start = QDateEdit(qdate(today), self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.end = QDateEdit(qdate(today), self)
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.weekday_boxes: list[QCheckBox] = []
        days = QWidget(self)
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        for i, text in enumerate([self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                                  self.tr("Sat"), self.tr("Sun")], start=1):
            box = QCheckBox(text, days)
            box.setProperty("weekday", i)
            row.addWidget(box)
            self.weekday_boxes.append(box)
        self.stamps = QSpinBox(self)
        self.stamps.setRange(1, 20)
        self.stamps.setValue(1)
        self.max_visits = QSpinBox(self)
        self.max_visits.setRange(0, 1000)
        self.max_visits.setSpecialValueText(self.tr("no limit"))
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 100000)
        self.capacity.setSpecialValueText(self.tr("no limit"))
        self.organiser = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Activity name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Repeats"), self.kind)
        form.addRow(self.tr("Date"), self.start)
        form.addRow(self.tr("Last date"), self.end)
        form.addRow(self.tr("Weekdays"), days)
        form.addRow(self.tr("Stamps per visit"), self.stamps)
        form.addRow(self.tr("Visits per person"), self.max_visits)
        form.addRow(self.tr("Places"), self.capacity)
        form.addRow(self.tr("Organiser"), self.organiser)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        kind = self.kind.currentData()
        self.end.setEnabled(kind != ActivityKind.ONCE)
        for box in self.weekday_boxes:
            box.setEnabled(kind == ActivityKind.WEEKLY)

    def data(self) -> ActivityCreate:
        kind = self.kind.currentData()
        return ActivityCreate(
            name=self.name.text(), category=self.category.text(), kind=kind, start_date=pydate(self.start.date()),
            end_date=None if kind == ActivityKind.ONCE else pydate(self.end.date()),
            weekdays="".join(str(b.property("weekday")) for b in self.weekday_boxes if b.isChecked()),
            stamps=self.stamps.value(), max_visits=self.max_visits.value() or None,
            capacity=self.capacity.value() or None, organiser=self.organiser.text(),
        )

    def save(self) -> None:
        data, actor = self.data(), self.ctx.actor
        self._write(lambda s: activities.create_activity(s, actor=actor, data=data))


class RewardDialog(_SavingDialog):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New reward"))
        self.name = QLineEdit(self)
        self.cost = QSpinBox(self)
        self.cost.setRange(1, 10000)
        self.stock = QSpinBox(self)
        self.stock.setRange(0, 100000)
        self.notes = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Reward"), self.name)
        form.addRow(self.tr("Cost in stamps"), self.cost)
        form.addRow(self.tr("Stock"), self.stock)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.buttons)

    def data(self) -> RewardCreate:
        return RewardCreate(name=self.name.text(), cost=self.cost.value(), stock=self.stock.value(), notes=self.notes.text())

    def save(self) -> None:
        data, actor = self.data(), self.ctx.actor
        self._write(lambda s: rewards.create_reward(s, actor=actor, data=data))


class Ask:
    """One-line questions (a reason, a number, a PIN). Tests monkeypatch these classmethods."""

    @classmethod
    def text(cls, parent, title: str, label: str, password: bool = False) -> str | None:
        mode = QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(parent, title, label, mode)
        return value if ok else None

    @classmethod
    def number(cls, parent, title: str, label: str, value: int, low: int, high: int) -> int | None:
        got, ok = QInputDialog.getInt(parent, title, label, value, low, high)
        return got if ok else None

    @classmethod
    def save_path(cls, parent, title: str, suggested: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
        return path or None
